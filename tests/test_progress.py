"""A build's progress lines speak the user's language: Chinese by default, English with ``--lang en``, never both."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.progress import in_lang
from tests.conftest import BUNDLED, run_cli

CJK = re.compile(r"[\u3400-\u9fff]")
STAGES = {
    "zh": ["[1/5] 读取内容", "[2/5] 校验记录", "[3/5] 检查规则、计算评分", "[4/5] 生成网站", "[5/5] 生成 PDF 通报"],
    "en": ["[1/5] load", "[2/5] validate", "[3/5] rules and scoring", "[4/5] site", "[5/5] bulletins"],
}
TIMED = {"zh": re.compile(r"^ +(\S.*)：[0-9.]+ s$"), "en": re.compile(r"^ +(\S.*): [0-9.]+ s$")}
UNCHANGED = {"zh": "内容、模板和程序都没有变化，沿用上次的输出", "en": "nothing changed: the previous output stands"}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_build_progress_is_in_the_users_language_only(lang: str, tmp_path: Path) -> None:
    options = ["--lang", "en"] if lang == "en" else []
    build = ["build", "--content", BUNDLED, "--out", tmp_path / "site", "--cache", tmp_path / "cache", *options]
    first = run_cli(*build)
    assert first.returncode == 0, first.stdout + first.stderr
    lines = first.stderr.splitlines()
    assert [line for line in lines if line.startswith("[")] == STAGES[lang]
    timed = [m.group(1) for line in lines if (m := TIMED[lang].match(line))]
    assert timed == [stage.split("] ")[1] for stage in STAGES[lang]]
    assert " / " not in first.stderr
    if lang == "en":
        assert not CJK.findall(first.stderr), first.stderr
    else:
        assert not re.search(r"\b(load|validate|site|bulletins|font|pages|rendered|reused)\b", first.stderr)
        assert any(line.strip().startswith("页面：新生成 ") for line in lines), first.stderr
    again = run_cli(*build)
    assert again.stderr.strip() == UNCHANGED[lang]


@pytest.mark.parametrize(("text", "zh", "en"), [
    ("生成 PDF 通报 / bulletins", "生成 PDF 通报", "bulletins"),
    ("  检查规则、计算评分 / rules and scoring", "  检查规则、计算评分", "  rules and scoring"),
    ("      页面 / pages: 新生成 / rendered 3，沿用 / reused 0", "      页面：新生成 3，沿用 0",
     "      pages: rendered 3, reused 0"),
    ("[1/5] 读取内容", "[1/5] 读取内容", "[1/5] 读取内容"),
])
def test_in_lang_keeps_the_half_of_a_bilingual_message_in_the_language(text: str, zh: str, en: str) -> None:
    assert (in_lang(text, "zh"), in_lang(text, "en")) == (zh, en)
