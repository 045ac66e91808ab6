"""The organisational-life calendar of a branch-year, as template rows.

The counting is the rules' own (:func:`generator.rules.calendar.calendar_of`),
so the page agrees with the findings and the score; this module only lays it
out: one row per requirement (per party group for group meetings), one cell
per period spanning its months, each held / missed / still open / not required.
A cell's tooltip and its screen-reader text come ready-made, as every branch
page has some hundred cells.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

from generator.labels import zh
from generator.models.schemes import Requirements
from generator.rules.calendar import PeriodCount, Requirement, calendar_of
from generator.rules.periods import Span
from generator.rules.roster import BranchView

_PER = {"month": ("每月", 1), "quarter": ("每季度", 3), "year": ("每年", 12)}
STATUS_TEXT = {"met": "已开展", "missed": "未开展", "open": "未到期", "not_required": "不适用"}
STATUS_MARK = {"met": "✓", "missed": "✗", "open": "…", "not_required": "—"}
MONTHS = tuple(f"{m}月" for m in range(1, 13))
LEGEND = tuple({"status": s, "text": STATUS_TEXT[s], "mark": STATUS_MARK[s]} for s in STATUS_TEXT)


def calendar(view: BranchView, requirements: Requirements, year: int, today: dt.date) -> dict[str, Any]:
    result = calendar_of(view, requirements, year, today)
    groups = {g.id: g.name for g in view.data.branch.value.groups}
    return {"year": year, "months": MONTHS, "rows": [_row(r, groups) for r in result.requirements],
            "legend": LEGEND}


def _row(requirement: Requirement, groups: dict[str, str]) -> dict[str, Any]:
    per_text, span_months = _PER[requirement.per]
    name = zh(requirement.type)
    if requirement.group:
        name = f"{name}（{groups.get(requirement.group, requirement.group)}）"
    cells = [_cell(p, span_months) for p in requirement.periods]
    return {"name": name, "rule": f"{per_text}至少{requirement.min}次", "cells": cells,
            "met": sum(1 for c in cells if c["status"] == "met"),
            "counted": sum(1 for c in cells if c["status"] in ("met", "missed"))}


def _cell(period: PeriodCount, colspan: int) -> dict[str, Any]:
    """``label``: the period and its state (``2024年第1季度已开展``); ``title`` adds each meeting held."""
    name, text = _period_name(period.span), STATUS_TEXT[period.status]
    topics = "".join(f"；{h.date.month}月{h.date.day}日 {h.topic}" for h in period.held)
    return {"colspan": colspan, "count": len(period.held), "status": period.status,
            "mark": STATUS_MARK[period.status], "label": name + text, "title": f"{name}：{text}{topics}"}


@cache
def _period_name(span: Span) -> str:
    return span.label()[0]
