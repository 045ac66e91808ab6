"""Fixtures for the PDF tests: the font plan and the sample bulletin, rendered once."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest

from generator.render.pdf import FontPlan, render_pdf, resolve_fonts
from tests.render.pdf_measure import Rendered, open_pdf
from tests.render.pdf_samples import SAMPLE

# Roles as a server with the commercial faces would configure them; here they fall back.
ROLES = {
    "title": ["方正小标宋简体", "FZXiaoBiaoSong-B05S"],
    "body": ["仿宋_GB2312", "FangSong"],
    "heading1": ["黑体", "SimHei"],
    "heading2": ["楷体_GB2312", "KaiTi"],
    "page_number": ["宋体", "SimSun"],
}


class _Warnings(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@pytest.fixture(scope="session")
def plan() -> FontPlan:
    return resolve_fonts(ROLES)


@pytest.fixture(scope="session")
def sample(plan: FontPlan) -> Iterator[Rendered]:
    """SAMPLE rendered once, with every WeasyPrint warning logged meanwhile."""
    handler = _Warnings()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(handler)
    try:
        data = render_pdf(SAMPLE, plan)
    finally:
        logger.removeHandler(handler)
    with open_pdf(data) as pdf:
        yield Rendered(data, pdf, tuple(handler.messages))
