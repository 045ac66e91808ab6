"""The site's URL scheme in one place: every page and anchor a view links to.

URLs are relative to the site root and end in ``/`` (the server serves the
folder's ``index.html``); templates prefix them with the page's ``root``.
"""

from __future__ import annotations

from generator.scoring.results import Evidence

HOME = ""
UNITS = "units/"
BRANCHES = "branches/"
RANKINGS = "rankings/"
SECRETARIES = "secretaries/"
CASES = "cases/"
CONTEST = "contest/"
FUND = "fund/"
TRAININGS = "trainings/"
BULLETINS = "bulletins/"
SEARCH = "search/"
DATA = "data/"
STAFF_FINDINGS = "staff/findings/"


def unit(unit_id: str) -> str:
    return f"units/{unit_id}/"


def branch(branch_id: str, year: int | None = None) -> str:
    return f"branches/{branch_id}/" if year is None else f"branches/{branch_id}/{year}/"


def member_points(branch_id: str, year: int, member_id: str) -> str:
    """A member's points page for one year (only for members the privacy settings publish)."""
    return f"branches/{branch_id}/points/{year}/{member_id}/"


def case(case_id: str) -> str:
    return f"cases/{case_id}/"


def secretary(profile_id: str) -> str:
    return f"secretaries/{profile_id}/"


def contest(contest_id: str) -> str:
    return f"contest/{contest_id}/"


def bulletin(bulletin_id: str) -> str:
    return f"bulletins/{bulletin_id}/"


def bulletin_pdf(bulletin_id: str) -> str:
    return f"bulletins/{bulletin_id}.pdf"


def page(page_id: str) -> str:
    return f"{page_id}/"


def activity_anchor(record: str) -> str:
    return f"act-{record}"


#: Evidence kind → the anchor of its place on the branch page (a prefix for the record's id, or the whole anchor).
_RECORD_ANCHORS = {"activity": activity_anchor(""), "rectification": "rect-"}
_SECTION_ANCHORS = {"assessment": "assessment", "points_event": "points", "branch": "profile"}


def evidence(item: Evidence, branch_page: str) -> str:
    """Where a score's input record is shown; empty when the record has no public place."""
    kind = item.kind
    if kind in _RECORD_ANCHORS:
        return f"{branch_page}#{_RECORD_ANCHORS[kind]}{item.record}"
    if kind in _SECTION_ANCHORS:
        return f"{branch_page}#{_SECTION_ANCHORS[kind]}"
    if kind == "training":
        return f"{TRAININGS}#training-{item.record}"
    if kind == "case":
        return case(item.record)
    return ""
