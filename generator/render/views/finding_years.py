"""Which year a compliance finding belongs to, so each year's branch page shows its own findings.

A :class:`Diagnostic` has no year field; the rules put it in the parameters
or the location instead. In order: ``year`` (the life, dues and secretary
rules), ``when`` (the organisation rules: ``2023年末`` or ``截至2024年8月15日``),
``last`` (the last month of a run of missed months or unpaid dues:
``2023年11月``), ``closed`` (a rectification closed late: its closing date),
then the year file the finding points at (``activities/2023.yaml``,
``assessments/2023.yaml``…). A finding with none of these (an election
overdue now, a secretary who is not the head of the body…) is about the
present and belongs to the current year.
"""

from __future__ import annotations

import re
from typing import Any

from generator.diagnostics import Diagnostic

_YEAR_TEXT = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])")
_YEAR_FILE = re.compile(r"/(?:activities|points|assessments|reports|fund)/([0-9]{4})\.[a-z]+$")
#: Parameters that name the finding's year, in the order they are trusted.
YEAR_PARAMS = ("year", "when", "last", "closed")


def finding_year(diag: Diagnostic) -> int | None:
    """The year the finding is about, or ``None`` when nothing in it names one."""
    for name in YEAR_PARAMS:
        year = _year_in(diag.params.get(name))
        if year is not None:
            return year
    match = _YEAR_FILE.search(diag.location.file)
    return int(match.group(1)) if match else None


def _year_in(value: Any) -> int | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, tuple | list) and value:
        value = value[0]
    match = _YEAR_TEXT.search(str(value))
    return int(match.group(1)) if match else None


def page_year(diag: Diagnostic, years: list[int], current: int) -> int:
    """The branch page year a finding is shown on: its own year if the branch has that page, else the current."""
    year = finding_year(diag)
    return year if year is not None and year in years else current
