"""PDF bulletins (通报) in the official format of GB/T 9704-2012.

Plain data in, bytes out: :func:`resolve_fonts` maps typographic roles to the
installed faces, :func:`render_pdf` turns one :class:`BulletinDoc` into PDF
bytes and :func:`render_many` spreads many over a process pool.
"""

from generator.render.pdf.bulletin import (
    BulletinDoc,
    MissingGlyphs,
    chinese_date,
    render_pdf,
)
from generator.render.pdf.fonts import FontPlan, FontsMissing, resolve_fonts
from generator.render.pdf.pool import bench_pdf, render_many

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
