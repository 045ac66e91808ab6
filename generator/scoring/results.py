"""Stage 4, scoring: the shapes of every computed result, as plain frozen data.

The site, the bulletins and the open-data files read these values and nothing
else from scoring, so each result carries its own explanation: the rule that
was applied (a Chinese sentence) and the records it was computed from
(:class:`Evidence`). Values are ``str``, ``int``, ``bool``, ``Decimal``,
``datetime.date``, tuples and dicts; money is yuan as ``Decimal`` with two places.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from generator.diagnostics import Diagnostic


@dataclass(frozen=True)
class Evidence:
    """One record that fed a result, and how it was counted.

    ``file`` is the content file as the user sees it (``content/branches/x/activities/2024.yaml``),
    ``field`` the path of the record inside it (``activities[3]``, empty for the whole file),
    ``kind`` the record kind (``activity``, ``member``, ``training``, ``case``, ``assessment``,
    ``rectification``, ``points_event``, ``branch``; ``members`` and ``points`` for a whole
    roll or points file counted as an aggregate),
    ``record`` its id (activity ids are ``Activity.id`` or ``<date>-<type>``; for cases the case id),
    ``label`` a Chinese label (``2024年3月5日 支部党员大会：…``) and ``counted`` how it counted
    (``计入第1季度``, ``不计：日期不在本年度``).
    """

    file: str
    field: str
    kind: str
    record: str
    label: str
    counted: str = ""


@dataclass(frozen=True)
class IndicatorScore:
    """One rubric indicator of one branch and year.

    ``points`` lies in ``[0, weight]``; ``ratio`` is the share met (0–1) that ``points``
    is proportional to. A not-applicable indicator (``applicable`` false, ``points`` 0) is
    left out of its dimension, which is rescaled. ``rule`` says the rule applied,
    ``summary`` the outcome in one sentence (``4个季度中3个季度达标``).
    """

    key: str
    name: str
    metric: str
    weight: Decimal
    points: Decimal
    ratio: Decimal
    applicable: bool
    rule: str
    summary: str
    inputs: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class DeductionScore:
    """A deduction within a dimension: ``count`` occurrences × ``each`` = ``points`` (positive)."""

    key: str
    name: str
    each: Decimal
    count: int
    points: Decimal
    rule: str
    inputs: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class DimensionScore:
    """One of the five criteria (五好) for a branch and year.

    ``raw`` is the sum of applicable indicators' points out of ``available`` (their weights);
    ``scaled`` = ``raw × weight ÷ available`` (the rescaling for not-applicable indicators);
    ``deducted`` is the sum of deductions and ``points`` = max(0, scaled − deducted), the
    dimension's contribution to the total. ``share`` = points ÷ weight (for the 80% condition).
    ``applicable`` is false when no indicator applies (the total is then rescaled over the others).
    """

    key: str
    name: str
    weight: Decimal
    raw: Decimal
    available: Decimal
    scaled: Decimal
    deducted: Decimal
    points: Decimal
    share: Decimal
    applicable: bool
    indicators: tuple[IndicatorScore, ...]
    deductions: tuple[DeductionScore, ...] = ()


@dataclass(frozen=True)
class VetoHit:
    """A veto (一票否决) that applied, with the records that triggered it."""

    key: str
    name: str
    rule: str
    inputs: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class BranchScore:
    """The five-good score of one branch for one year.

    ``total`` (0–100, two places) is the sum of the dimensions' points; ``band``/``band_name``
    the band reached (``excellent`` 五好党支部, ``good`` 良好, ``pass`` 合格, ``fail`` 不合格 by
    default); ``band_reasons`` says, in Chinese, why each higher band was missed.
    ``reference`` is the date the year was judged at (31 December, or ``today`` for the current year).
    """

    branch: str
    unit: str
    year: int
    reference: dt.date
    total: Decimal
    band: str
    band_name: str
    band_reasons: tuple[str, ...]
    vetoes: tuple[VetoHit, ...]
    dimensions: tuple[DimensionScore, ...]


@dataclass(frozen=True)
class PointsLine:
    """One points item of one member: automatic (from the records) or manual (events).

    ``raw`` is the sum before the yearly cap, ``points`` after it (signed: deductions are
    negative); ``count`` is the number of occurrences or events. ``private`` lines (unpaid
    dues: an individual's dues record) must never be shown on a public page.
    """

    item: str
    name: str
    category: str
    source: str
    count: int
    raw: Decimal
    points: Decimal
    rule: str
    inputs: tuple[Evidence, ...] = ()
    private: bool = False


@dataclass(frozen=True)
class MemberPoints:
    """A member's 四讲四有 points for one year in their branch.

    ``categories`` maps each category key to its points (base + items, floored at 0);
    ``floored`` names the categories that the floor lifted to 0. ``vetoed`` members score 0
    (``veto_reason`` says which sanction). ``rank`` is the competition rank within the branch
    (1, 2, 2, 4) and ``in_top_share`` whether the rank is within the nomination cut-off.
    """

    member: str
    name: str
    branch: str
    year: int
    categories: dict[str, Decimal]
    total: Decimal
    rank: int
    in_top_share: bool
    lines: Sequence[PointsLine]
    """A tuple, or lines recalled from the cache and decoded when read."""
    floored: tuple[str, ...] = ()
    vetoed: bool = False
    veto_reason: str = ""


@dataclass(frozen=True)
class BranchPoints:
    """The points ranking of one branch for one year; ``members`` in rank order.

    ``cutoff_rank`` is the last rank inside the nomination share (优秀党员 must rank at or above it);
    ``categories`` maps category key → Chinese name, in the scheme's order.
    """

    branch: str
    year: int
    members: tuple[MemberPoints, ...]
    cutoff_rank: int
    share: Decimal
    average: Decimal
    categories: dict[str, str]


@dataclass(frozen=True)
class ProfileCheck:
    """Eligibility of an exemplary-secretary profile: each condition with whether it holds.

    ``conditions`` maps a condition key (``secretary``, ``trained``, ``no_case``, ``band``) to
    ``(held, Chinese explanation)``; ``eligible`` is true when all hold. ``band`` and ``total``
    are the branch's result that year (empty/None when the branch was not scored).
    """

    profile: str
    member: str
    branch: str
    year: int
    eligible: bool
    conditions: dict[str, tuple[bool, str]]
    band: str = ""
    band_name: str = ""
    total: Decimal | None = None


@dataclass(frozen=True)
class EntryResult:
    """One competitor in one group+item: judges' scores, item score, rank and award.

    ``kept`` are the scores averaged (after dropping highest and lowest when trimmed);
    ``award`` is ``first``/``second``/``third`` or empty, ``award_name`` its Chinese name.
    """

    entry: str
    name: str
    unit: str
    scores: tuple[Decimal, ...]
    kept: tuple[Decimal, ...]
    trimmed: bool
    score: Decimal
    rank: int
    award: str
    award_name: str


@dataclass(frozen=True)
class ItemResult:
    """Results of one group and item; ``entries`` in rank order, ``cutoffs`` the last rank per award."""

    group: str
    group_name: str
    item: str
    item_name: str
    entries: tuple[EntryResult, ...]
    cutoffs: dict[str, int]
    rule: str


@dataclass(frozen=True)
class OverallEntry:
    """A competitor in the overall (综合) ranking of their group; ``items`` maps item → score."""

    entry: str
    name: str
    unit: str
    items: dict[str, Decimal]
    total: Decimal
    rank: int


@dataclass(frozen=True)
class OverallResult:
    """The overall ranking of one group; ``excluded`` lists entry ids with a 0 or missing item."""

    group: str
    group_name: str
    entries: tuple[OverallEntry, ...]
    excluded: tuple[str, ...]


@dataclass(frozen=True)
class ContestResult:
    """One contest edition (届): per group+item results, overall rankings and participation.

    ``person_times`` = ``training_participants`` + ``contest_participants``;
    ``units`` maps unit id → number of final entries from that unit.
    """

    contest: str
    edition: int
    title: str
    year: int
    items: tuple[ItemResult, ...]
    overall: tuple[OverallResult, ...]
    training_participants: int
    contest_participants: int
    person_times: int
    finalists: int
    units: dict[str, int]


@dataclass(frozen=True)
class ContestTotals:
    """All editions together: ``editions`` count, person-times and unit participation summed."""

    editions: int
    training_participants: int
    contest_participants: int
    person_times: int
    finalists: int
    units: dict[str, int]


@dataclass(frozen=True)
class FundYearTotals:
    """The mutual-aid fund in one year, and cumulated up to and including it (yuan)."""

    year: int
    raised: Decimal
    disbursed: Decimal
    cases: int
    cumulative_raised: Decimal
    cumulative_disbursed: Decimal
    cumulative_cases: int


@dataclass(frozen=True)
class FundTotals:
    """The whole fund: per year, and overall (``cases`` = distinct case codes ever assisted).

    ``balance`` = raised − disbursed. No name or case code is ever exposed.
    """

    years: tuple[FundYearTotals, ...]
    raised: Decimal
    disbursed: Decimal
    balance: Decimal
    cases: int


@dataclass(frozen=True)
class RankedBranch:
    """A branch in a ranking: ``rank`` in the province, ``unit_rank`` within its unit (shared on ties)."""

    branch: str
    unit: str
    total: Decimal
    band: str
    band_name: str
    rank: int
    unit_rank: int


@dataclass(frozen=True)
class YearRanking:
    """Rankings of one year: ``branches`` in province rank order; ``units`` maps unit → its branches.

    ``bands`` counts branches per band key overall (every band key present, in rubric order),
    ``unit_bands`` the same per unit; ``band_names`` maps band key → Chinese name.
    """

    year: int
    branches: tuple[RankedBranch, ...]
    units: dict[str, tuple[RankedBranch, ...]]
    bands: dict[str, int]
    unit_bands: dict[str, dict[str, int]]
    band_names: dict[str, str]


@dataclass(frozen=True)
class Scores:
    """All computed results of a corpus.

    ``year`` is the site's current year. ``branches`` maps branch id → year → score;
    ``points`` branch id → year → ranking; ``profiles`` profile id → eligibility;
    ``contests`` contest file id → edition result; ``rankings`` year → ranking.
    ``diagnostics`` are the content errors found while scoring (bad rubric, invalid
    nominations, ineligible profiles, contest and fund inconsistencies).
    """

    year: int = 0
    branches: dict[str, dict[int, BranchScore]] = field(default_factory=dict)
    points: dict[str, dict[int, BranchPoints]] = field(default_factory=dict)
    profiles: dict[str, ProfileCheck] = field(default_factory=dict)
    contests: dict[str, ContestResult] = field(default_factory=dict)
    contest_totals: ContestTotals | None = None
    fund: FundTotals | None = None
    rankings: dict[int, YearRanking] = field(default_factory=dict)
    diagnostics: tuple[Diagnostic, ...] = field(default=())
