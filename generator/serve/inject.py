"""What the preview adds to served HTML: the reload script and, when the content has errors, the overlay.

Script and styles are separate files under ``/_preview/`` rather than inline
code, so a page with a strict Content-Security-Policy still reloads.
"""

from __future__ import annotations

import html
import re

from generator.serve.preview import Outcome

PREFIX = "/_preview/"
EVENTS = PREFIX + "events"

SCRIPT = """(function () {
  var me = document.currentScript;
  var generation = me ? me.getAttribute("data-generation") : null;
  var source = new EventSource("EVENTS");
  source.onmessage = function (event) {
    if (event.data !== generation) { source.close(); window.location.reload(); }
  };
})();
""".replace("EVENTS", EVENTS)

STYLE = """#generator-preview-errors { position: fixed; inset: 0; z-index: 2147483647; overflow: auto;
  background: rgba(255, 255, 255, 0.97); color: #1a1a1a; padding: 2rem; font: 16px/1.6 sans-serif; }
#generator-preview-errors h2 { color: #b00020; margin: 0 0 0.5rem; font-size: 1.4rem; }
#generator-preview-errors ol { padding-left: 1.5rem; }
#generator-preview-errors li { margin: 0.8rem 0; }
#generator-preview-errors code { font: 14px/1.5 monospace; color: #444; display: block; }
#generator-preview-errors .hint { color: #555; }
"""

_BODY_END = re.compile(rb"</body\s*>", re.IGNORECASE)


def snippet(outcome: Outcome, lang: str) -> str:
    parts = [f'<script src="{PREFIX}reload.js" data-generation="{outcome.generation}"></script>']
    if outcome.problems:
        parts.insert(0, f'<link rel="stylesheet" href="{PREFIX}overlay.css">{overlay(outcome, lang)}')
    return "".join(parts)


def overlay(outcome: Outcome, lang: str) -> str:
    zh = lang != "en"
    title = "内容有错误，网站没有更新" if zh else "The content has errors; the site was not updated"
    note = ("下面列出每个错误所在的文件、行号和字段。改正并保存后，本页会自动刷新。"
            if zh else "Each error names its file, line and field. Fix and save; this page reloads by itself.")
    hint_word = "提示：" if zh else "hint: "
    items = "".join(
        f"<li><code>{html.escape(p.where)}</code>{html.escape(p.message)}"
        + (f'<div class="hint">{hint_word}{html.escape(p.hint)}</div>' if p.hint else "") + "</li>"
        for p in outcome.problems
    )
    return (f'<div id="generator-preview-errors" role="alert" lang="{"zh-CN" if zh else "en"}">'
            f"<h2>{title}</h2><p>{html.escape(outcome.summary)}</p><p>{note}</p><ol>{items}</ol></div>")


def into_html(page: bytes, outcome: Outcome, lang: str) -> bytes:
    """``page`` with the snippet before its last ``</body>`` (or at the end)."""
    extra = snippet(outcome, lang).encode("utf-8")
    matches = list(_BODY_END.finditer(page))
    if not matches:
        return page + extra
    at = matches[-1].start()
    return page[:at] + extra + page[at:]


def error_page(outcome: Outcome, lang: str) -> bytes:
    """Shown instead of a page when no build has succeeded yet."""
    title = "预览：内容有错误" if lang != "en" else "Preview: content errors"
    return (f'<!DOCTYPE html><html lang="{"en" if lang == "en" else "zh-CN"}"><head><meta charset="utf-8">'
            f"<title>{title}</title></head><body>{snippet(outcome, lang)}</body></html>").encode()
