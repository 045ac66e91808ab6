"""Every id a record names must exist: dangling references are content errors.

Checked once for the whole corpus, so a clerk sees every broken reference of a
run together, each with the closest existing id as a suggestion.
"""

from __future__ import annotations

import difflib
from collections.abc import Collection, Iterator

from generator.codes import make
from generator.diagnostics import Diagnostic
from generator.load.source import SourceFile
from generator.models import codes
from generator.models.corpus import At, BranchData, Corpus
from generator.models.paths import OUTSIDE_PATH, body_paths, escapes

_WHAT = {
    "unit": ("单位", "unit"),
    "member": ("党员", "member"),
    "group": ("党小组", "party group"),
    "branch": ("支部", "branch"),
    "asset": ("文件", "file"),
    "case": ("案例", "case"),
    "edition": ("大赛届次", "contest edition"),
    "contest_group": ("组别", "contest group"),
    "contest_item": ("比赛项目", "contest item"),
}


class _Checker:
    def __init__(self, broken: dict[str, set[str]]) -> None:
        self.diagnostics: list[Diagnostic] = []
        self.broken = broken

    def check(self, at: At[object], path: tuple[str | int, ...], value: str | None, what: str,
              known: Collection[str]) -> None:
        if value is None or value in known or value in self.broken.get(what, ()) or self._in_broken_branch(value, what):
            return
        close = difflib.get_close_matches(value, list(known)[:5000], n=1, cutoff=0.6)
        zh = f"是不是“{close[0]}”？" if close else f"先在相应文件中登记这个{_WHAT[what][0]}"
        en = f"did you mean '{close[0]}'?" if close else f"add the {_WHAT[what][1]} first"
        self.diagnostics.append(make(codes.REFERENCE, at.loc(*path), id=value, what_zh=_WHAT[what][0],
                                     what_en=_WHAT[what][1], suggestion_zh=zh, suggestion_en=en))

    def _in_broken_branch(self, value: str, what: str) -> bool:
        """A member id of the usual form ``<branch>-<n>`` whose branch's records could not be read or are invalid:
        its roll is unknown, so naming the member is not reported as a second error."""
        return what == "member" and value.rpartition("-")[0] in self.broken.get("branch", ())


def check_references(corpus: Corpus) -> list[Diagnostic]:
    checker = _Checker(corpus.broken)
    members = corpus.members
    for data in corpus.branches.values():
        _branch(checker, corpus, data)
    for training in corpus.trainings.values():
        for i, member in enumerate(training.value.attendees):
            checker.check(training, ("attendees", i), member, "member", members)
    for profile in corpus.profiles.values():
        checker.check(profile, ("member",), profile.value.member, "member", members)
        checker.check(profile, ("branch",), profile.value.branch, "branch", corpus.branches)
        photo = profile.value.photo
        if photo is not None and escapes(photo):
            checker.diagnostics.append(make(OUTSIDE_PATH, profile.loc("photo"), path=photo))
        else:
            checker.check(profile, ("photo",), photo, "asset", corpus.assets)
    for case in corpus.cases.values():
        checker.check(case, ("unit",), case.value.unit, "unit", corpus.units)
        checker.check(case, ("member",), case.value.member, "member", members)
    for contest in corpus.contests.values():
        groups = {g.id for g in contest.value.groups}
        items = {i.id for i in contest.value.items}
        for i, entry in enumerate(contest.value.entries):
            checker.check(contest, ("entries", i, "unit"), entry.unit, "unit", corpus.units)
            checker.check(contest, ("entries", i, "group"), entry.group, "contest_group", groups)
            for item in entry.scores:
                checker.check(contest, ("entries", i, "scores", item), item, "contest_item", items)
    for fund in corpus.funds.values():
        for i, donation in enumerate(fund.value.donations):
            checker.check(fund, ("donations", i, "unit"), donation.unit, "unit", corpus.units)
    for bulletin in corpus.bulletins.values():
        covers = bulletin.value.covers
        for i, case_id in enumerate(covers.cases):
            checker.check(bulletin, ("covers", "cases", i), case_id, "case", corpus.cases)
        checker.check(bulletin, ("covers", "edition"), covers.edition, "edition", corpus.contests)
    checker.diagnostics.extend(body_paths(_markdown_sources(corpus)))
    return checker.diagnostics


def _markdown_sources(corpus: Corpus) -> Iterator[SourceFile]:
    for records in (corpus.profiles, corpus.cases, corpus.bulletins, corpus.pages):
        yield from (at.source for at in records.values())
    for data in corpus.branches.values():
        yield from (at.source for at in data.reports.values())


def _branch(checker: _Checker, corpus: Corpus, data: BranchData) -> None:
    branch = data.branch
    members = corpus.members
    groups = {g.id for g in branch.value.groups}
    checker.check(branch, ("unit",), branch.value.unit, "unit", corpus.units)
    for i, group in enumerate(branch.value.groups):
        checker.check(branch, ("groups", i, "leader"), group.leader, "member", members)
    for t, term in enumerate(branch.value.committees):
        for s, seat in enumerate(term.members):
            checker.check(branch, ("committees", t, "members", s, "member"), seat.member, "member", members)
    for member in data.members:
        checker.check(member, ("group",), member.value.group, "group", groups)
    for activities in data.activities.values():
        for activity in activities:
            for path, value, what in _activity_refs(activity):
                checker.check(activity, path, value, what, groups if what == "group" else members)
    for events in data.points.values():
        for event in events:
            checker.check(event, ("member",), event.value.member, "member", members)
    for assessment in data.assessments.values():
        value = assessment.value
        if value.review:
            for member_id in value.review.grades:
                checker.check(assessment, ("review", "grades", member_id), member_id, "member", members)
        for key in ("excellent_member", "excellent_servant"):
            for i, member_id in enumerate(getattr(value.nominations, key)):
                checker.check(assessment, ("nominations", key, i), member_id, "member", members)


def _activity_refs(activity: At[object]) -> Iterator[tuple[tuple[str | int, ...], str | None, str]]:
    value = activity.value
    attendees = value.attendees  # type: ignore[attr-defined]
    if attendees != "all":
        for i, member_id in enumerate(attendees):
            yield ("attendees", i), member_id, "member"
    for i, absence in enumerate(value.absentees):  # type: ignore[attr-defined]
        yield ("absentees", i, "member"), absence.member, "member"
    yield ("lecturer",), value.lecturer, "member"  # type: ignore[attr-defined]
    yield ("host",), value.host, "member"  # type: ignore[attr-defined]
    yield ("group",), value.group, "group"  # type: ignore[attr-defined]
