"""One bulletin (通报) to PDF bytes in the official format of GB/T 9704-2012.

The stage takes plain data (:class:`BulletinDoc`) and a :class:`FontPlan`, fills
the Jinja template, lays it out with WeasyPrint and returns the bytes; it reads
no content files and writes nothing. Output is deterministic: dates in the
metadata come from the document and the PDF file identifier is derived from
its source, so an unchanged bulletin gives byte-identical files.

The 版记 (抄送, 印发机关, 印发日期) is printed at the foot of the document's last
face, which in double-sided printing is an even page. It is a ``float:
footnote`` block and the stylesheet gives odd pages no room for footnotes, so
WeasyPrint carries it to the next page when the body ends on an odd page. One
layout settles the usual cases: the body ends on an even page with room below
it (the 版记 goes there), or on an odd page (the 版记 goes alone to the next
page, which keeps its number). Only when the body ends on an even page without
room does the 版记 land on an odd page; then the layout is redone with a blank
page before the 版记 page, neither of them numbered, as the standard asks
(7.5 页码).

WeasyPrint does not fail on a character no font can draw; it logs a warning and
paints an empty box. Those warnings are captured here and raised as
:class:`MissingGlyphs`, so a bulletin is never published with boxes in it.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

import jinja2
import weasyprint
from weasyprint.text.fonts import FontConfiguration

from generator import __version__
from generator.labels import cndate as chinese_date
from generator.render.pdf.doc import TEMPLATES_DIR, BulletinDoc, MissingGlyphs
from generator.render.pdf.fonts import FontPlan
from generator.render.pdf.justify import justify_cjk
from generator.render.pdf.speedups import install as install_speedups

install_speedups()

TEMPLATE_NAME = "bulletin.html.j2"
STYLESHEET_NAME = "bulletin.css"

TEXT_WIDTH_PT = 156 / 25.4 * 72
ORGAN_MARK_PT = 36.0  # 发文机关标志 character height; the standard leaves it to the issuer


def render_pdf(
    doc: BulletinDoc,
    plan: FontPlan,
    templates_dir: Path = TEMPLATES_DIR,
) -> bytes:
    """Render ``doc`` to PDF bytes; raise :class:`MissingGlyphs` on undrawable text."""
    document = layout(doc, plan, templates_dir)
    return _write(doc, document)


def render_pdf_counted(
    doc: BulletinDoc, plan: FontPlan, templates_dir: Path = TEMPLATES_DIR
) -> tuple[bytes, int]:
    """:func:`render_pdf` and the number of pages, for progress and benchmarks."""
    document = layout(doc, plan, templates_dir)
    return _write(doc, document), len(document.pages)


def _write(doc: BulletinDoc, document: weasyprint.Document) -> bytes:
    with _glyph_warnings() as missing:
        pdf = document.write_pdf(
            pdf_identifier=_identifier(doc),
            pdf_tags=True,
            pdf_version="1.7",
        )
    if missing:
        raise MissingGlyphs(doc.source, tuple(missing))
    return pdf


def layout(
    doc: BulletinDoc,
    plan: FontPlan,
    templates_dir: Path = TEMPLATES_DIR,
) -> weasyprint.Document:
    """Lay ``doc`` out as pages, before any PDF is written.

    The 版记 ends up at the foot of the last page, an even one. The first layout
    puts it there unless the body ended on an even page too full to hold it: the
    版记 was then carried to the odd page after, and the layout is redone with an
    unnumbered blank page before an unnumbered 版记 page.
    """
    document = _render(_fill_template(doc, plan, templates_dir, after_blank=False), templates_dir)
    if _closing_page(document) % 2:
        document = _render(_fill_template(doc, plan, templates_dir, after_blank=True), templates_dir)
    justify_cjk(document)
    return document


def _closing_page(document: weasyprint.Document) -> int:
    """The number (from 1) of the page that holds the 版记."""
    return next(number for number, page in enumerate(document.pages, 1) if "closing" in page.anchors)


# --- internals -----------------------------------------------------------------


def _fill_template(
    doc: BulletinDoc, plan: FontPlan, templates_dir: Path, *, after_blank: bool
) -> str:
    template = _environment(str(templates_dir)).get_template(TEMPLATE_NAME)
    return template.render(
        doc=doc,
        fonts=plan,
        date=chinese_date(doc.date),
        printed_on=chinese_date(doc.printed_on),
        created=doc.date.isoformat(),
        generator=f"dangjian-site {__version__}",
        mark_style=_mark_style(doc.organ_mark),
        after_blank=after_blank,
    )


def _mark_style(mark: str) -> str:
    """Size the organ mark; compress a long one horizontally to the text width.

    Official marks keep their character height and narrow the characters
    (压缩字) rather than shrink; the negative side margins re-centre the box.
    """
    style = f"font-size: {ORGAN_MARK_PT}pt"
    natural = len(mark) * ORGAN_MARK_PT
    if natural <= TEXT_WIDTH_PT:
        return style
    overflow = (TEXT_WIDTH_PT - natural) / 2
    return (
        f"{style}; transform: scaleX({TEXT_WIDTH_PT / natural:.4f}); "
        f"margin-left: {overflow:.3f}pt; margin-right: {overflow:.3f}pt"
    )


def _render(html: str, templates_dir: Path) -> weasyprint.Document:
    return weasyprint.HTML(string=html, base_url=str(templates_dir)).render(
        stylesheets=[_stylesheet(str(templates_dir))],
        font_config=font_configuration(),
        pdf_tags=True,
    )


def warm_up(templates_dir: Path = TEMPLATES_DIR) -> None:
    """Build the font configuration and parse the stylesheet now (a pool initializer)."""
    _stylesheet(str(templates_dir))


@lru_cache(maxsize=1)
def font_configuration() -> FontConfiguration:
    """The process's one font configuration: building one costs ≈0.1 s a document."""
    return FontConfiguration()


@lru_cache(maxsize=4)
def _environment(templates_dir: str) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=False,
    )


@lru_cache(maxsize=4)
def _stylesheet(templates_dir: str) -> weasyprint.CSS:
    return weasyprint.CSS(
        filename=str(Path(templates_dir) / STYLESHEET_NAME),
        font_config=font_configuration(),
    )


def _identifier(doc: BulletinDoc) -> bytes:
    """A stable first file ID: the same bulletin keeps it across rebuilds."""
    return hashlib.md5(f"{doc.source}\0{doc.number}".encode(), usedforsecurity=False).hexdigest(
    ).encode()


_NOTDEF = ".notdef glyph rendered"


class _NotdefCollector(logging.Handler):
    """Keeps the characters of WeasyPrint's ``.notdef`` warnings, in order, once each."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.chars: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if not str(record.msg).startswith(_NOTDEF):
            return
        args = record.args if isinstance(record.args, tuple) else ()
        char = chr(args[1]) if len(args) >= 2 and isinstance(args[1], int) else "?"
        if char not in self.chars:
            self.chars.append(char)


@contextmanager
def _glyph_warnings() -> Iterator[list[str]]:
    """Collect the characters WeasyPrint draws as .notdef while the block runs.

    Other warnings are left to propagate: tests fail on them, builds print them.
    """
    logger = logging.getLogger("weasyprint")
    collector = _NotdefCollector()
    logger.addHandler(collector)
    try:
        yield collector.chars
    finally:
        logger.removeHandler(collector)
