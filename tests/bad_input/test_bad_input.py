"""Every case of the bad-input corpus: exit 1, the file named, no traceback, the built site untouched."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from generator.cli import main
from tests.bad_input.corpus import CASES, Case, Link, Sparse
from tests.conftest import MINIMAL
from tests.publish.helpers import tree_hash


def write_case(root: Path, case: Case) -> Path:
    files = {**MINIMAL, **case.files}
    for rel, data in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if data is None:
            continue
        if isinstance(data, Link):
            os.symlink(data.target, path)
        elif isinstance(data, Sparse):
            with path.open("wb") as stream:
                stream.write(data.head)
                stream.truncate(data.size)
        elif isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def good_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site built from the minimal valid content, copied for each case."""
    root = tmp_path_factory.mktemp("good")
    content = write_case(root / "content", Case("good", {}, ""))
    assert main(["build", "--content", str(content), "--out", str(root / "site")]) == 0
    return root / "site"


def test_corpus_is_large_and_names_are_unique() -> None:
    assert len(CASES) >= 50
    assert len({case.name for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_input_is_reported_and_changes_nothing(
    case: Case, good_site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = Path(shutil.copytree(good_site, tmp_path / "site", symlinks=True))
    before = tree_hash(site)
    content = write_case(tmp_path / "content", case)
    capsys.readouterr()
    code = main(["build", "--content", str(content), "--out", str(site)])
    out, err = capsys.readouterr()
    report = out + err
    assert code == 1, report
    assert f"content/{case.file}" in report, report
    if case.code:
        assert f"[{case.code}]" in report, report
    assert "Traceback" not in report
    assert "内部错误" not in report
    assert tree_hash(site) == before
    left = sorted(p.name for p in tmp_path.iterdir() if p.name != ".cache")
    assert left == ["content", "site"], "no staging directory left behind"


def test_utf8_with_bom_and_windows_line_endings_are_fine(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    unit = "\ufeffname: 四川省发展和改革委员会\r\nshort: 省发展改革委\r\n".encode()
    content = write_case(tmp_path / "content", Case("bom", {"units/fgw.yaml": unit}, ""))
    assert main(["build", "--content", str(content), "--out", str(tmp_path / "site")]) == 0, capsys.readouterr()


def test_files_windows_and_office_make_by_themselves_are_not_read(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    clutter = {"branches/fgw-zhc/Thumbs.db": b"\xd0\xcf\x11\xe0", "units/desktop.ini": "[.ShellClassInfo]\r\n",
               "bulletins/~$2024-cases.md": b"\x00\x01", "branches/fgw-zhc/activities/~$2024.yaml": b"\xff"}
    content = write_case(tmp_path / "content", Case("clutter", clutter, ""))
    assert main(["check", "--content", str(content)]) == 0, capsys.readouterr()
