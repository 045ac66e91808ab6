"""Calendar periods the regulations count in: months, quarters and years.

Every frequency rule ("at least one branch assembly per quarter") and every
deadline is measured on these spans, so rules, scoring and the site's
organisational-life calendar share one definition of "the period has ended"
(its last day is on or before ``today``; an open period is never a miss).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from functools import cache

from generator.labels import cndate
from generator.models.schemes import Period

_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True, order=True)
class Span:
    """One calendar period: ``index`` is the month (1–12), the quarter (1–4) or 1 for a year."""

    year: int
    per: Period
    index: int = 1

    @property
    def start(self) -> dt.date:
        if self.per == "month":
            return dt.date(self.year, self.index, 1)
        if self.per == "quarter":
            return dt.date(self.year, 3 * self.index - 2, 1)
        return dt.date(self.year, 1, 1)

    @property
    def end(self) -> dt.date:
        if self.per == "month":
            return month_end(self.year, self.index)
        if self.per == "quarter":
            return month_end(self.year, 3 * self.index)
        return dt.date(self.year, 12, 31)

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    def ended(self, today: dt.date) -> bool:
        """Whether the whole period lies on or before ``today``."""
        return self.end <= today

    def label(self) -> tuple[str, str]:
        """Chinese and English names, e.g. ``("2024年第1季度", "2024 Q1")``."""
        if self.per == "month":
            return f"{self.year}年{self.index}月", f"{_MONTHS_EN[self.index - 1]} {self.year}"
        if self.per == "quarter":
            return f"{self.year}年第{self.index}季度", f"{self.year} Q{self.index}"
        return f"{self.year}年", str(self.year)

    def short_label(self) -> tuple[str, str]:
        """The name within its year, e.g. ``("3月", "Mar")``, for lists inside one year's message."""
        if self.per == "month":
            return f"{self.index}月", _MONTHS_EN[self.index - 1]
        if self.per == "quarter":
            return f"第{self.index}季度", f"Q{self.index}"
        return f"{self.year}年", str(self.year)


@cache
def spans(year: int, per: Period) -> tuple[Span, ...]:
    """Every period of ``per`` in ``year``, in order."""
    count = {"month": 12, "quarter": 4, "year": 1}[per]
    return tuple(Span(year, per, i) for i in range(1, count + 1))


@cache
def bounded(year: int, per: Period) -> tuple[tuple[Span, dt.date, dt.date], ...]:
    """``spans`` with each period's first and last day, for loops that test every member against every period."""
    return tuple((span, span.start, span.end) for span in spans(year, per))


def span_of(day: dt.date, per: Period) -> Span:
    if per == "month":
        return Span(day.year, per, day.month)
    if per == "quarter":
        return Span(day.year, per, (day.month - 1) // 3 + 1)
    return Span(day.year, per)


@cache
def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def add_years(day: dt.date, years: int) -> dt.date:
    """``day`` moved by whole years; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def month_number(year: int, month: int) -> int:
    """A running month count, so that consecutive months differ by exactly 1."""
    return year * 12 + month - 1


def from_month_number(number: int) -> tuple[int, int]:
    return number // 12, number % 12 + 1


def day_label(day: dt.date) -> tuple[str, str]:
    """A date as a message parameter: ``2024年3月5日`` as Chinese readers write it, ISO for ``--lang en``."""
    return cndate(day), day.isoformat()


def join_labels(labels: list[tuple[str, str]]) -> tuple[str, str]:
    """``[("3月", "Mar"), ("7月", "Jul")]`` → ``("3月、7月", "Mar, Jul")``."""
    return "、".join(zh for zh, _ in labels), ", ".join(en for _, en in labels)


def year_ended(year: int, today: dt.date) -> bool:
    return dt.date(year, 12, 31) <= today


def runs(months: list[Span]) -> list[list[Span]]:
    """Maximal runs of consecutive months in a sorted list of month spans."""
    found: list[list[Span]] = []
    for span in months:
        if found and month_number(span.year, span.index) == month_number(found[-1][-1].year, found[-1][-1].index) + 1:
            found[-1].append(span)
        else:
            found.append([span])
    return found
