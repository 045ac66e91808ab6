"""Stages 3 and 4 with a memory: each branch's findings and results, reused while their inputs stand.

A branch's scores, points and scoring errors (:class:`~generator.scoring.BranchResults`)
are computed from the branch's own files and from province-wide files only (site,
requirements, rubric, points scheme, cases, trainings; see :mod:`generator.scoring`).
Its rules' findings (:class:`~generator.rules.BranchFindings`) read the same, plus
which branch each member id belongs to and the names of those members and branches
(a branch's activity may name a member of another branch). So a branch's results are
keyed by the record-cache keys of every file in its folder, those of every content
file outside ``branches/`` (any province-wide change recomputes every branch: simple
and safe), ``today`` and the generator's fingerprint; its findings by that key and a
digest of the member directory (:func:`directory_digest`). After a one-record edit
the edited branch is checked and scored again and the other 2,999 are recalled.

Entries are pickles, unlike the rest of the cache, because only pickle decodes the
140 MB of nested results of a province fast enough to beat computing them (1.3 s
against 8 s for the scores at 3,000 branches); so they are decoded by an unpickler
that accepts no global outside the result types (:data:`ALLOWED`), and only after
the store has verified the entry's keyed checksum. An entry that fails either check
counts as absent and the branch is computed again. Members' points lines stay
encoded until a page reads them (:class:`EncodedLines`).
"""

from __future__ import annotations

import datetime as dt
import decimal
import io
import pickle
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from types import ModuleType
from typing import Generic, TypeVar, overload

from generator import diagnostics, rules, scoring
from generator.cache.store import Store, digest, fingerprint
from generator.models.corpus import Corpus
from generator.scoring import results

_MODULES: dict[str, tuple[ModuleType, tuple[str, ...]]] = {
    "generator.scoring.results": (results, (
        "Evidence", "IndicatorScore", "DeductionScore", "DimensionScore", "VetoHit", "BranchScore", "PointsLine",
        "MemberPoints", "BranchPoints")),
    "generator.scoring": (scoring, ("BranchResults",)),
    "generator.rules": (rules, ("BranchFindings",)),
    "generator.diagnostics": (diagnostics, ("Diagnostic", "Location", "Kind", "Severity")),
    "decimal": (decimal, ("Decimal",)),
    "datetime": (dt, ("date",)),
    "generator.cache.branches": (sys.modules[__name__], ("EncodedLines",)),
}
#: The only globals an entry may name: the result classes, the diagnostics' classes, ``Decimal`` and ``date``.
ALLOWED = frozenset((module, name) for module, (_, names) in _MODULES.items() for name in names)

T = TypeVar("T", scoring.BranchResults, rules.BranchFindings)


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> object:
        if (module, name) not in ALLOWED:
            raise pickle.UnpicklingError(f"{module}.{name} is not a branch result")
        return getattr(_MODULES[module][0], name)


def branch_keys(file_keys: Mapping[str, str], content_name: str, today: dt.date) -> dict[str, str]:
    """Branch id → the key of its results: its folder's files, every file outside ``branches/``, ``today``."""
    prefix = f"{content_name}/branches/"
    folders: dict[str, list[str]] = {}
    province: list[str] = []
    for name in sorted(file_keys):
        rest = name.removeprefix(prefix)
        if rest != name and "/" in rest:
            folders.setdefault(rest.split("/", 1)[0], []).extend((name, file_keys[name]))
        else:
            province.extend((name, file_keys[name]))
    base = digest("branch-results", fingerprint(), today.isoformat(), *province)
    return {branch: digest(base, *files) for branch, files in folders.items()}


def directory_digest(corpus: Corpus) -> str:
    """Every member id with their branch and name, and that branch's name: what one branch's rules read of others."""
    rows = []
    for member_id, (branch_id, member) in sorted(corpus.members.items()):
        branch = corpus.branches.get(branch_id)
        rows.append(f"{member_id}\t{branch_id}\t{member.value.name}\t{branch.branch.value.name if branch else ''}")
    return digest("member-directory", *rows)


class BranchMemo(Generic[T]):
    """A :class:`generator.rules.Memo` (or, as :class:`ScoresMemo`, a :class:`generator.scoring.Memo`) over one
    area of the cache."""

    def __init__(self, root: Path, area: str, kind: type[T], keys: Mapping[str, str]) -> None:
        self.store = Store(root, area)
        self.kind = kind
        self.keys = keys

    def recall(self, branch_id: str) -> T | None:
        key = self.keys.get(branch_id)
        payload = self.store.get(key) if key is not None else None
        if payload is None:
            return None
        found = _decode(payload)
        return found if isinstance(found, self.kind) else None

    def keep(self, branch_id: str, found: T) -> None:
        key = self.keys.get(branch_id)
        if key is not None:
            self.store.put(key, pickle.dumps(found, protocol=pickle.HIGHEST_PROTOCOL))

    def prune(self) -> None:
        """Drop entries of branches' earlier states once they outnumber the current ones."""
        self.store.prune(set(self.keys.values()))


class ScoresMemo(BranchMemo[scoring.BranchResults]):
    """Branches' results, kept with each member's points lines encoded apart (:class:`EncodedLines`)."""

    def keep(self, branch_id: str, found: scoring.BranchResults) -> None:
        super().keep(branch_id, _with_encoded_lines(found))


class EncodedLines(Sequence[results.PointsLine]):
    """A recalled member's points lines, decoded (by the same restricted unpickler) the first time they are read.

    The lines and their evidence are four fifths of a province's results (113 of 143 MB at 3,000
    branches) and only the member's own page reads them; after an edit the pages of unchanged branches
    are linked whole from the render cache, so their lines are never decoded (recalling the results
    took 2.1 s instead of 0.7 s when they were).
    """

    __slots__ = ("_encoded", "_lines")

    def __init__(self, encoded: bytes) -> None:
        self._encoded = encoded
        self._lines: tuple[results.PointsLine, ...] | None = None

    @classmethod
    def of(cls, lines: Sequence[results.PointsLine]) -> EncodedLines:
        return cls(pickle.dumps(tuple(lines), protocol=pickle.HIGHEST_PROTOCOL))

    def decoded(self) -> tuple[results.PointsLine, ...]:
        if self._lines is None:
            found = _decode(self._encoded)
            if not isinstance(found, tuple):
                raise DamagedEntry("a cached member's points could not be read; build again with --no-cache")
            self._lines = found
        return self._lines

    @overload
    def __getitem__(self, index: int) -> results.PointsLine: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[results.PointsLine, ...]: ...

    def __getitem__(self, index: int | slice) -> results.PointsLine | tuple[results.PointsLine, ...]:
        return self.decoded()[index]

    def __len__(self) -> int:
        return len(self.decoded())

    def __iter__(self) -> Iterator[results.PointsLine]:
        return iter(self.decoded())

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and not isinstance(other, str) and self.decoded() == tuple(other)

    def __hash__(self) -> int:
        return hash(self.decoded())

    def __repr__(self) -> str:
        return repr(self.decoded())

    def __reduce__(self) -> tuple[type[EncodedLines], tuple[bytes]]:
        return EncodedLines, (self._encoded,)


class DamagedEntry(RuntimeError):
    """A sealed entry whose lines do not decode: only an entry forged with the cache's secret can be one."""


def _with_encoded_lines(found: scoring.BranchResults) -> scoring.BranchResults:
    points = {year: replace(ranking, members=tuple(replace(m, lines=EncodedLines.of(m.lines)) for m in ranking.members))
              for year, ranking in found.points.items()}
    return replace(found, points=points)


def _decode(payload: bytes) -> object:
    try:
        return _Unpickler(io.BytesIO(payload)).load()
    except (pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError, IndexError, KeyError):
        return None


def memos(root: Path, file_keys: Mapping[str, str], content_name: str, today: dt.date,
          corpus: Corpus) -> tuple[BranchMemo[rules.BranchFindings], ScoresMemo]:
    """The memories of the branches' findings and of their results, keyed as the module says."""
    keys = branch_keys(file_keys, content_name, today)
    directory = directory_digest(corpus)
    found = {branch: digest(key, directory) for branch, key in keys.items()}
    return (BranchMemo(root, "findings", rules.BranchFindings, found),
            ScoresMemo(root, "scores", scoring.BranchResults, keys))
