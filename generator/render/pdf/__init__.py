"""PDF bulletins (通报) in the official format of GB/T 9704-2012.

Plain data in, bytes out: :func:`resolve_fonts` maps typographic roles to the
installed faces, :func:`render_pdf` turns one :class:`BulletinDoc` into PDF
bytes and :func:`render_many` spreads many over a process pool. Importing this
package does not import WeasyPrint: only rendering does.
"""

from pathlib import Path

from generator.labels import cndate as chinese_date
from generator.render.pdf.doc import TEMPLATES_DIR, BulletinDoc, MissingGlyphs
from generator.render.pdf.fonts import FontPlan, FontsMissing, resolve_fonts
from generator.render.pdf.pool import bench_pdf, render_many


def render_pdf(doc: BulletinDoc, plan: FontPlan, templates_dir: Path = TEMPLATES_DIR) -> bytes:
    """``doc`` as PDF bytes (:func:`generator.render.pdf.bulletin.render_pdf`); WeasyPrint is imported only now."""
    from generator.render.pdf.bulletin import render_pdf as render

    return render(doc, plan, templates_dir)


__all__ = [
    "BulletinDoc",
    "FontPlan",
    "FontsMissing",
    "MissingGlyphs",
    "bench_pdf",
    "chinese_date",
    "render_many",
    "render_pdf",
    "resolve_fonts",
]
