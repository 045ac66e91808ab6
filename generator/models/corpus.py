"""The corpus: every valid record, typed, indexed by id, and able to point at its source.

A record that fails validation is left out (its errors are reported), so the
later stages see only records they can trust and never a half-valid one.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePath, PurePosixPath
from typing import Generic, TypeVar

from pydantic import BaseModel, ValidationError

from generator.codes import make
from generator.diagnostics import Diagnostic, Location
from generator.load.discover import kind_of
from generator.load.source import SourceFile
from generator.models import RECORD_TYPES, codes
from generator.models.activity import (
    Activity,
    ActivityYear,
    Assessment,
    PointsEvent,
    PointsYear,
    Rectification,
    Rectifications,
    Report,
)
from generator.models.campaign import Bulletin, Case, Contest, FundYear, Page, Profile, Training
from generator.models.org import Branch, Member, Members, Unit
from generator.models.schema_errors import schema_diagnostics
from generator.models.schemes import PointsScheme, Requirements, Rubric
from generator.models.site import Site

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class At(Generic[T]):
    """A record together with the file and field path it came from."""

    value: T
    source: SourceFile
    path: tuple[str | int, ...] = ()

    def loc(self, *more: str | int, key: bool = False) -> Location:
        return self.source.at(*self.path, *more, key=key)

    @property
    def id(self) -> str:
        return self.source.stem


@dataclass
class BranchData:
    id: str
    branch: At[Branch]
    members: list[At[Member]] = field(default_factory=list)
    activities: dict[int, list[At[Activity]]] = field(default_factory=dict)
    points: dict[int, list[At[PointsEvent]]] = field(default_factory=dict)
    assessments: dict[int, At[Assessment]] = field(default_factory=dict)
    rectifications: list[At[Rectification]] = field(default_factory=list)
    reports: dict[int, At[Report]] = field(default_factory=dict)

    @property
    def unit(self) -> str:
        return self.branch.value.unit

    def years(self) -> list[int]:
        return sorted(set(self.activities) | set(self.assessments) | set(self.points) | set(self.reports))


@dataclass
class Corpus:
    site: At[Site] | None = None
    requirements: At[Requirements] | None = None
    rubric: At[Rubric] | None = None
    points_scheme: At[PointsScheme] | None = None
    units: dict[str, At[Unit]] = field(default_factory=dict)
    branches: dict[str, BranchData] = field(default_factory=dict)
    trainings: dict[str, At[Training]] = field(default_factory=dict)
    profiles: dict[str, At[Profile]] = field(default_factory=dict)
    cases: dict[str, At[Case]] = field(default_factory=dict)
    contests: dict[str, At[Contest]] = field(default_factory=dict)
    funds: dict[int, At[FundYear]] = field(default_factory=dict)
    bulletins: dict[str, At[Bulletin]] = field(default_factory=dict)
    pages: dict[str, At[Page]] = field(default_factory=dict)
    assets: dict[str, object] = field(default_factory=dict)
    members: dict[str, tuple[str, At[Member]]] = field(default_factory=dict)
    """Member id → (branch id, member), across the province."""
    broken: dict[str, set[str]] = field(default_factory=dict)
    """Ids of records that exist but failed validation or could not be read, by kind: references to them are
    not errors too. Kind ``part`` holds the branches with an invalid file other than branch.yaml."""

    @property
    def complete(self) -> bool:
        """Whether the configuration every later stage needs is present and valid."""
        return None not in (self.site, self.requirements, self.rubric, self.points_scheme)


def validate(source: SourceFile) -> BaseModel | list[Diagnostic]:
    model = RECORD_TYPES[source.kind]
    try:
        return model.model_validate(source.data)
    except ValidationError as error:
        return schema_diagnostics(source, model, error)


def build_corpus(
    sources: Iterable[SourceFile], assets: Mapping[str, object], root: str = "content",
    unread: Collection[str] = (),
) -> tuple[Corpus, list[Diagnostic]]:
    """Validate each file as it comes and keep its record, not its parsed data.

    Nothing in the corpus refers to a file's ``data`` (at province scale that
    would double the memory): given a stream (:meth:`~generator.load.discover.Stream.sources`),
    each file's data is freed as soon as its record is made. ``unread`` names the files that could
    not be read (:attr:`~generator.load.discover.Stream.unread`, complete once ``sources`` is).
    """
    corpus = Corpus(assets=dict(assets))
    diagnostics: list[Diagnostic] = []
    branch_files: list[tuple[SourceFile, BaseModel]] = []
    for loaded in sources:
        record = validate(loaded)
        if isinstance(record, list):
            diagnostics.extend(record)
            _remember_broken(corpus, loaded)
            continue
        source = loaded.without_data()
        if source.kind in _BRANCH_PARTS:
            branch_files.append((source, record))
        else:
            _place(corpus, source, record, diagnostics)
    _remember_unread(corpus, unread, root)
    for source, record in branch_files:
        _place_branch_part(corpus, source, record, diagnostics)
    _drop_incomplete_branches(corpus, unread)
    _index_members(corpus, diagnostics)
    _require_configuration(corpus, diagnostics, root)
    return corpus, diagnostics


#: What a file of each kind defines, as references name it: an edition, for a contest file.
_DEFINES = {"unit": "unit", "case": "case", "contest": "edition", "branch": "branch"}


def _remember_defined(corpus: Corpus, kind: str, name: str) -> None:
    """The id a file (``name`` as messages show it) would have defined, had it been read and valid."""
    what = _DEFINES.get(kind)
    if what:
        path = PurePosixPath(name)
        corpus.broken.setdefault(what, set()).add(path.parent.name if what == "branch" else path.stem)


def _remember_broken(corpus: Corpus, source: SourceFile) -> None:
    """Keep the ids an invalid file would have defined, so its errors are not repeated as dangling references."""
    _remember_defined(corpus, source.kind, source.name)
    if source.kind == "branch":
        corpus.broken.setdefault("group", set()).update(_raw_ids(source.data.get("groups")))
    if source.kind == "members":
        corpus.broken.setdefault("member", set()).update(_raw_ids(source.data.get("members")))
    if source.kind in _BRANCH_PARTS:
        corpus.broken.setdefault("part", set()).add(_branch_folder(PurePosixPath(source.name), source.kind).name)


def _remember_unread(corpus: Corpus, unread: Collection[str], root: str) -> None:
    """Ids defined by files that could not be read at all (a YAML syntax error, GBK, a bad link).

    Their own error is already reported; without this every record naming them would add a
    "not found" error of its own, with a misleading suggestion, burying the one real mistake.
    """
    for name in unread:
        _remember_defined(corpus, kind_of(name.removeprefix(f"{root}/")) or "", name)


def _drop_incomplete_branches(corpus: Corpus, unread: Collection[str]) -> None:
    """A branch with a file that is invalid or could not be read is left out, like one with an invalid branch.yaml.

    Checked without that file, the branch's compliance findings, scores and nominations would be
    wrong, and without its roll every activity, points entry and nomination would be reported
    again as naming someone who is not a member; the file's own errors are reported. A folder
    named like a record file counts as unreadable when the files in it were reported as misplaced.
    """
    incomplete = set(corpus.broken.get("part", ()))
    for name in unread:
        parts = PurePosixPath(name).parts
        if len(parts) > 3 and parts[1] == "branches":
            incomplete.add(parts[2])
    for branch_id in sorted(incomplete & corpus.branches.keys()):
        data = corpus.branches[branch_id]
        members = {at.value.id for at in data.members} or _ids_in_text(data.branch.source.path.parent / "members.yaml")
        _forget_branch(corpus, branch_id, members)


def _forget_branch(corpus: Corpus, branch_id: str, member_ids: set[str]) -> None:
    data = corpus.branches.pop(branch_id)
    corpus.broken.setdefault("branch", set()).add(branch_id)
    corpus.broken.setdefault("group", set()).update(g.id for g in data.branch.value.groups)
    corpus.broken.setdefault("member", set()).update(member_ids)


_ID_IN_TEXT = re.compile(r"(?:^|[\s{,])id:\s*[\"']?([a-z0-9][a-z0-9_-]{0,63})", re.MULTILINE)


def _ids_in_text(path: Path) -> set[str]:
    """The ``id:`` values of a file that could not be parsed, read as loosely as possible."""
    try:
        return set(_ID_IN_TEXT.findall(path.read_bytes().decode("utf-8", errors="replace")))
    except OSError:
        return set()


def _raw_ids(items: object) -> set[str]:
    if not isinstance(items, list):
        return set()
    return {str(item["id"]) for item in items if isinstance(item, dict) and "id" in item}


_BRANCH_PARTS = frozenset({"members", "activities", "points", "assessment", "rectifications", "report"})


def _place(corpus: Corpus, source: SourceFile, record: BaseModel, diagnostics: list[Diagnostic]) -> None:
    at = At(record, source)
    stem = source.stem
    match record:
        case Site():
            corpus.site = at  # type: ignore[assignment]
        case Requirements():
            corpus.requirements = at  # type: ignore[assignment]
        case Rubric():
            corpus.rubric = at  # type: ignore[assignment]
        case PointsScheme():
            corpus.points_scheme = at  # type: ignore[assignment]
        case Unit():
            corpus.units[stem] = at  # type: ignore[assignment]
        case Branch():
            branch_id = source.path.parent.name
            corpus.branches[branch_id] = BranchData(branch_id, at)  # type: ignore[arg-type]
        case Training():
            corpus.trainings[stem] = at  # type: ignore[assignment]
        case Profile():
            corpus.profiles[stem] = at  # type: ignore[assignment]
        case Case():
            corpus.cases[stem] = at  # type: ignore[assignment]
        case Contest():
            corpus.contests[stem] = at  # type: ignore[assignment]
        case FundYear():
            year = _year_of(source, diagnostics)
            if year is not None:
                corpus.funds[year] = at  # type: ignore[assignment]
        case Bulletin():
            corpus.bulletins[stem] = at  # type: ignore[assignment]
        case Page():
            corpus.pages[stem] = at  # type: ignore[assignment]


def _branch_folder(path: PurePath, kind: str) -> PurePath:
    """The branch folder a branch part file sits in (directly, or in a year folder such as activities/)."""
    return path.parent if kind in ("members", "rectifications") else path.parent.parent


def _place_branch_part(corpus: Corpus, source: SourceFile, record: BaseModel, diagnostics: list[Diagnostic]) -> None:
    folder = _branch_folder(source.path, source.kind)
    data = corpus.branches.get(folder.name)
    if data is None and folder.name in corpus.broken.get("branch", ()):
        if isinstance(record, Members):
            corpus.broken.setdefault("member", set()).update(m.id for m in record.members)
        return
    if data is None:
        diagnostics.append(make(codes.MISSING_FILE, Location(source.name), file=f"branches/{folder.name}/branch.yaml",
                                kind="branch"))
        return
    match record:
        case Members():
            data.members = [At(m, source, ("members", i)) for i, m in enumerate(record.members)]
        case Rectifications():
            data.rectifications = [At(r, source, ("rectifications", i)) for i, r in enumerate(record.rectifications)]
        case _:
            year = _year_of(source, diagnostics)
            if year is None:
                return
            if isinstance(record, ActivityYear):
                data.activities[year] = [At(a, source, ("activities", i)) for i, a in enumerate(record.activities)]
            elif isinstance(record, PointsYear):
                data.points[year] = [At(e, source, ("events", i)) for i, e in enumerate(record.events)]
            elif isinstance(record, Assessment):
                data.assessments[year] = At(record, source)
            elif isinstance(record, Report):
                data.reports[year] = At(record, source)


def _year_of(source: SourceFile, diagnostics: list[Diagnostic]) -> int | None:
    stem = source.stem
    if stem.isdigit() and len(stem) == 4 and 1921 <= int(stem) <= 2100:
        return int(stem)
    diagnostics.append(make(codes.YEAR_FILE, Location(source.name), stem=stem))
    return None


def _index_members(corpus: Corpus, diagnostics: list[Diagnostic]) -> None:
    for branch_id in sorted(corpus.branches):
        for member in corpus.branches[branch_id].members:
            member_id = member.value.id
            if member_id in corpus.members:
                other = corpus.members[member_id][1]
                diagnostics.append(make(codes.DUPLICATE_ID, member.loc("id"), id=member_id, what_zh="党员",
                                        what_en="member", other=other.loc("id").prefix()))
                continue
            corpus.members[member_id] = (branch_id, member)


_REQUIRED = (("site", "site.yaml"), ("requirements", "rules.yaml"), ("rubric", "rubric.yaml"),
             ("points_scheme", "points.yaml"))


def _require_configuration(corpus: Corpus, diagnostics: list[Diagnostic], root: str) -> None:
    if any(d.location.file.endswith(tuple(name for _, name in _REQUIRED)) for d in diagnostics):
        return
    for attribute, name in _REQUIRED:
        if getattr(corpus, attribute) is None:
            diagnostics.append(make(codes.MISSING_FILE, Location(f"{root}/{name}"), file=name, kind=attribute))
