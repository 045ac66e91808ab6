"""Script injection through Markdown and titles: the build rejects it or the published HTML cannot run it.

The site sanitises Markdown (nh3) and autoescapes templates; this test does not
care which layer stops a payload, only that no page of the built site carries
executable markup from the content, while the harmless text around it is kept.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.cli import main
from tests.bad_input.corpus import Case
from tests.bad_input.test_bad_input import write_case

CANARY = "XSS-CANARY-正文可见"
PAYLOADS = """{canary}

<script>alert('XSS-1')</script>

<img src=x onerror="alert('XSS-2')">

[点击](javascript:alert('XSS-3')) and <a href="JaVaScRiPt:alert(4)">链接</a>

<a href="&#106;avascript:alert(10)">x</a>

<iframe src="http://evil.example/"></iframe>
<svg onload=alert(5)><circle/></svg>
<div style="background:url(javascript:alert(6))">样式</div>
<object data="x.swf"></object><embed src="x.swf">
<meta http-equiv="refresh" content="0;url=http://evil.example/">
<form action="http://evil.example/"><input name=p><button formaction="javascript:alert(11)">提交</button></form>
<base href="http://evil.example/">
<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">数据</a>
<details open ontoggle=alert(7)>细节</details>
<math><mtext><table><mglyph><style><img src=x onerror=alert(8)>

`<script>alert(12)</script>` 是代码示例。
"""
FORBIDDEN_TAGS = frozenset({"iframe", "object", "embed", "base", "frame", "frameset", "applet"})
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "data", "xlink:href", "poster", "background"})


class _Audit(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in FORBIDDEN_TAGS:
            self.problems.append(f"<{tag}>")
        if tag == "meta" and any(k == "http-equiv" and (v or "").lower() == "refresh" for k, v in attrs):
            self.problems.append("meta refresh")
        for name, value in attrs:
            text = "".join((value or "").split()).lower()
            if name.startswith("on"):
                self.problems.append(f"{tag} {name}=")
            if name in URL_ATTRIBUTES and text.startswith(("javascript:", "vbscript:", "data:text/html")):
                self.problems.append(f"{tag} {name}={value}")
            if "evil.example" in text:
                self.problems.append(f"{tag} {name} points to the attacker's site")
            if name == "style" and ("javascript:" in text or "expression(" in text):
                self.problems.append(f"{tag} style={value}")
        self.in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self.in_script = False

    def handle_data(self, data: str) -> None:
        if self.in_script and "alert(" in data:
            self.problems.append(f"script: {data[:60]}")


def _page(title: str, body: str) -> str:
    return f'---\ntitle: "{title}"\n---\n\n{body}\n'


@pytest.mark.parametrize("where", ["pages/about.md", "cases/2024-zhang.md"])
def test_script_payloads_never_reach_a_page(where: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    body = PAYLOADS.format(canary=CANARY)
    if where.startswith("pages/"):
        text = _page("<script>alert(9)</script>关于本站", body)
    else:
        text = ("---\ntitle: \"<img src=x onerror=alert(13)>违规收受礼品案\"\ndate: 2024-05-10\nunit: fgw\n"
                "person: {name: 张三, position: 处长}\ndisciplines: [integrity]\neight_rules: true\n"
                f"party_sanction: warning\n---\n\n{body}\n")
    content = write_case(tmp_path / "content", Case("xss", {where: text}, where))
    code = main(["build", "--content", str(content), "--out", str(tmp_path / "site")])
    report = "".join(capsys.readouterr())
    if code == 1:
        assert f"content/{where}" in report
        return
    assert code == 0, report
    pages = list((tmp_path / "site").rglob("*.html"))
    assert any(CANARY in page.read_text(encoding="utf-8") for page in pages), "the body was not published"
    for page in pages:
        audit = _Audit()
        audit.feed(page.read_text(encoding="utf-8"))
        assert not audit.problems, (page, audit.problems)
