"""The command line as a clerk and the staff meet it: exit codes, messages, languages."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli


def test_clean_content_checks_with_exit_0(content: Callable[..., Path]) -> None:
    result = run_cli("check", "--content", content())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "内容错误 0 个" in result.stdout


@pytest.mark.parametrize(
    ("name", "text", "where"),
    [
        ("units/fgw.yaml", "name: 省发展改革委\n  short: x\n", "content/units/fgw.yaml:2:"),
        ("units/fgw.yaml", "name: 省发展改革委\nshort: a\nshort: b\n", "content/units/fgw.yaml:3:1:"),
        ("units/fgw.yaml", "name: 省发展改革委\nshort: 发改委\nordr: 1\n", "content/units/fgw.yaml:3:1: ordr:"),
    ],
)
def test_broken_yaml_is_reported_with_position_in_chinese(
    content: Callable[..., Path], name: str, text: str, where: str
) -> None:
    result = run_cli("check", "--content", content({name: text}))
    assert result.returncode == 1
    assert where in result.stdout
    assert "错误[" in result.stdout and "提示" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_gbk_file_names_the_fix(content: Callable[..., Path]) -> None:
    result = run_cli("check", "--content", content({"units/fgw.yaml": "name: 省发展改革委\n".encode("gbk")}))
    assert result.returncode == 1
    assert "content/units/fgw.yaml:1:1" in result.stdout
    assert "UTF-8" in result.stdout and "GBK" in result.stdout


def test_every_error_of_a_run_is_reported_sorted(content: Callable[..., Path]) -> None:
    tree = content({
        "units/fgw.yaml": "name: 省发展改革委\nshort: 发改委\norder: 第一\n",
        "units/czt.yaml": "name: 省财政厅\n",
        "branches/fgw-zhc/members.yaml": "members:\n  - {id: fgw-zhc-01, name: 李明华, status: full,"
        " joined: 2001年7月1日, position: 处长}\n",
    })
    result = run_cli("check", "--content", tree)
    lines = [line for line in result.stdout.splitlines() if "错误[" in line]
    assert [line.split(":")[0] for line in lines] == sorted(line.split(":")[0] for line in lines)
    joined = "\n".join(lines)
    assert "units/czt.yaml" in joined and "short" in joined
    assert "units/fgw.yaml:3:8: order" in joined
    assert "2001年7月1日" in joined and "2001-07-01" in result.stdout
    assert result.stdout.strip().splitlines()[-1].startswith("内容错误")


def test_english_messages_and_json(content: Callable[..., Path]) -> None:
    tree = content({"units/fgw.yaml": "name: 省发展改革委\nshort: 发改委\nordr: 1\n"})
    english = run_cli("check", "--content", tree, "--lang", "en")
    assert "unknown field 'ordr'" in english.stdout and "did you mean 'order'" in english.stdout
    data = json.loads(run_cli("check", "--content", tree, "--format", "json").stdout)
    (item,) = [d for d in data["diagnostics"] if d["kind"] == "error"]
    assert item["code"] == "SCHEMA002"
    assert (item["file"], item["line"], item["column"], item["field"]) == ("content/units/fgw.yaml", 3, 1, "ordr")
    assert data["summary"]["errors"] == 1


def test_usage_errors_exit_2() -> None:
    assert run_cli("check", "--today", "2024/12/31").returncode == 2
    assert run_cli("frobnicate").returncode == 2
    assert run_cli("check", "--content", "/nonexistent/dir").returncode == 2


def test_an_impossible_date_is_explained_in_both_languages() -> None:
    chinese = run_cli("check", "--today", "2024-13-30")
    assert chinese.returncode == 2
    assert "“2024-13-30”不是有效的日期" in chinese.stderr
    assert "年-月-日" in chinese.stderr and "2024-12-31" in chinese.stderr
    english = run_cli("build", "--lang", "en", "--today", "2024-02-30")
    assert english.returncode == 2
    assert "'2024-02-30' is not a valid date" in english.stderr and "e.g. 2024-12-31" in english.stderr
    assert "Traceback" not in chinese.stderr + english.stderr


def test_a_command_run_outside_the_project_says_what_to_do(tmp_path: Path) -> None:
    chinese = run_cli("check", cwd=tmp_path)
    assert chinese.returncode == 2
    assert "找不到内容目录：content" in chinese.stderr
    assert "项目目录" in chinese.stderr and "--content 路径" in chinese.stderr
    english = run_cli("build", "--lang", "en", cwd=tmp_path)
    assert english.returncode == 2
    assert "project folder" in english.stderr and "--content PATH" in english.stderr


def test_schema_goes_into_the_content_folder_and_never_creates_one(
    content: Callable[..., Path], tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    refused = run_cli("schema", cwd=elsewhere)
    assert refused.returncode == 2
    assert "找不到内容目录" in refused.stderr and "--content" in refused.stderr
    english = run_cli("schema", "--lang", "en", "--content", tmp_path / "missing")
    assert english.returncode == 2 and "content directory not found" in english.stderr
    assert list(elsewhere.iterdir()) == [] and not (tmp_path / "missing").exists()
    tree = content()
    written = run_cli("schema", "--content", tree, cwd=elsewhere)
    assert written.returncode == 0, written.stderr
    assert json.loads((tree / "_schemas" / "branch.schema.json").read_text(encoding="utf-8"))["$id"]
    assert list(elsewhere.iterdir()) == []


def test_help_in_both_languages() -> None:
    assert "检查内容" in run_cli("--help").stdout
    assert "check content" in run_cli("--lang", "en", "--help").stdout
    assert "reference date" in run_cli("build", "--lang", "en", "--help").stdout


def test_an_invalid_record_is_not_reported_again_as_a_dangling_reference(content: Callable[..., Path]) -> None:
    tree = content({"branches/fgw-zhc/branch.yaml": "name: 综合处党支部\nunit: fgw\n"})
    result = run_cli("check", "--content", tree)
    codes = {line.split("[")[1].split("]")[0] for line in result.stdout.splitlines() if "错误[" in line}
    assert codes == {"SCHEMA001"}


def _publish_signalled(tree: Path, tmp_path: Path, signum: int, *, ignored: bool = False) -> tuple[int, Path]:
    """Start a publish with its own TMPDIR, send ``signum`` once its temporary directory exists; its exit status."""
    temp = tmp_path / "tmp"
    temp.mkdir()
    argv = [sys.executable, "-m", "generator", "publish", "--content", str(tree), "--to", str(tmp_path / "www")]

    def ignore() -> None:
        signal.signal(signum, signal.SIG_IGN)

    process = subprocess.Popen(argv, cwd=ROOT, env={**os.environ, "TMPDIR": str(temp)}, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True, preexec_fn=ignore if ignored else None)
    deadline = time.monotonic() + 60
    while not any(temp.iterdir()) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    process.send_signal(signum)
    _, err = process.communicate(timeout=120)
    assert "Traceback" not in err
    return process.returncode, temp


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_a_publish_stopped_by_sigterm_or_a_closed_terminal_leaves_nothing_in_tmp(
    content: Callable[..., Path], tmp_path: Path, signum: int
) -> None:
    status, temp = _publish_signalled(content(), tmp_path, signum)
    assert status == 130
    assert list(temp.iterdir()) == [], "the half-built site in the temporary directory is removed"
    assert not (tmp_path / "www" / "current").exists()


def test_under_nohup_a_closed_terminal_does_not_stop_a_publish(content: Callable[..., Path], tmp_path: Path) -> None:
    status, temp = _publish_signalled(content(), tmp_path, signal.SIGHUP, ignored=True)
    assert status == 0
    assert (tmp_path / "www" / "current" / "index.html").is_file()
    assert list(temp.iterdir()) == []
