"""Markdown from content cannot run code in a reader's browser: classic XSS payloads come out inert.

Each payload is rendered by the site's Markdown renderer and the output is
parsed as HTML: no script element, no event-handler attribute, no
``javascript:``/``vbscript:``/``data:`` URL, no ``style``/``iframe``/``object``/
``embed``/``form``/``svg``/``math``/``meta``/``base``/``link`` element may
remain. The same output is then loaded in chromium to prove nothing runs.
"""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from playwright.sync_api import Browser

from generator.render.markdown import Links, MarkdownRenderer

PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=evil.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<IMG SRC=\"javascript:alert('XSS');\">",
    "<IMG SRC=JaVaScRiPt:alert('XSS')>",
    "<IMG SRC=`javascript:alert(\"XSS\")`>",
    "<img src=\"jav&#x09;ascript:alert('XSS');\">",
    "<img src=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<body onload=alert(1)>",
    "<iframe src=\"javascript:alert(1)\"></iframe>",
    "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
    "<object data=\"javascript:alert(1)\"></object>",
    "<embed src=\"javascript:alert(1)\">",
    "<a href=\"javascript:alert(1)\">click</a>",
    "[click](javascript:alert(1))",
    "[click](JAVASCRIPT:alert(1))",
    "[click](  javascript:alert(1))",
    "[click](vbscript:msgbox(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "![x\" onerror=\"alert(1)](x.png)",
    "<a href=\"#\" onclick=\"alert(1)\">x</a>",
    "<div style=\"background:url(javascript:alert(1))\">x</div>",
    "<p style=\"width: expression(alert(1))\">x</p>",
    "<style>@import 'javascript:alert(1)';</style>",
    "<link rel=stylesheet href=\"javascript:alert(1)\">",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    "<base href=\"javascript:alert(1)//\">",
    "<form action=\"javascript:alert(1)\"><button>x</button></form>",
    "<input onfocus=alert(1) autofocus>",
    "<details open ontoggle=alert(1)>",
    "<video><source onerror=\"alert(1)\"></video>",
    "<marquee onstart=alert(1)>x</marquee>",
    "<table background=\"javascript:alert(1)\"><tr><td>x</td></tr></table>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<<script>script>alert(1)//<</script>/script>",
    "<!--<img src=\"--><img src=x onerror=alert(1)//\">",
    "<a href=\"&#x6A;avascript:alert(1)\">x</a>",
    "<a href=\"java\nscript:alert(1)\">x</a>",
    "<img src=\"x` `<script>alert(1)</script>\"` `>",
    "<a href=\"//evil.example/steal\">x</a>",
    "<a href=\"http://evil.example/\">x</a>",
    "<x onclick=alert(1)>y</x>",
    "`<script>alert(1)</script>`",
    "```\n<script>alert(1)</script>\n```",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
    "<template><script>alert(1)</script></template>",
]

FORBIDDEN_TAGS = {"script", "style", "iframe", "object", "embed", "form", "input", "button", "svg", "math", "meta",
                  "base", "link", "body", "video", "source", "details", "marquee", "template", "noscript", "x"}
BAD_SCHEMES = ("javascript:", "vbscript:", "data:")


class _Inspector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in FORBIDDEN_TAGS:
            self.problems.append(f"<{tag}>")
        for name, value in attrs:
            text = "".join((value or "").split()).lower()
            if name.startswith("on") or name in ("style", "srcdoc", "background", "formaction"):
                self.problems.append(f"{tag}[{name}]")
            if name in ("href", "src", "action") and (text.startswith(BAD_SCHEMES) or "//" in text):
                self.problems.append(f"{tag}[{name}={value}]")


@pytest.fixture(scope="module")
def renderer() -> MarkdownRenderer:
    return MarkdownRenderer(Links(frozenset({"secretaries/x.png"}), {}, "http://dangjian.example/"))


def test_there_are_enough_classic_payloads() -> None:
    assert len(PAYLOADS) >= 30


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_comes_out_inert(renderer: MarkdownRenderer, payload: str) -> None:
    html = renderer.render(payload, folder="secretaries", root="../")
    inspector = _Inspector()
    inspector.feed(html)
    assert not inspector.problems, (payload, html)


def test_safe_markdown_survives(renderer: MarkdownRenderer) -> None:
    text = "# 标题\n\n**加粗** [本站](http://dangjian.example/cases/) ![照片](x.png)\n\n| a | b |\n|---|--:|\n| 1 | 2 |"
    html = renderer.render(text, folder="secretaries", root="../")
    assert "<h2>标题</h2>" in html, "headings shift down so the page keeps one h1"
    assert "<strong>加粗</strong>" in html
    assert 'href="http://dangjian.example/cases/"' in html
    assert 'src="../assets/secretaries/x.png"' in html and 'alt="照片"' in html
    assert '<td style="text-align: right;">2</td>' in html


@pytest.mark.browser
def test_nothing_runs_in_a_browser(renderer: MarkdownRenderer, browser: Browser) -> None:
    body = "\n\n".join(renderer.render(p) for p in PAYLOADS)
    context = browser.new_context()
    try:
        tab = context.new_page()
        dialogs: list[str] = []
        tab.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        requests: list[str] = []
        tab.route("**/*", lambda route: (requests.append(route.request.url), route.abort()))
        tab.set_content(f"<!DOCTYPE html><html><body>{body}</body></html>")
        tab.locator("a").evaluate_all("links => links.forEach(a => a.click())")
        tab.wait_for_timeout(300)
        assert dialogs == []
        assert not [u for u in requests if u.startswith(("javascript:", "http"))]
    finally:
        context.close()
