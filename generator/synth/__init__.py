"""Synthetic province: a deterministic, realistic content tree of any size, for scale work.

``synthesize`` writes the project's own format (the layout of
:mod:`generator.load.discover`) from a seed alone: the same seed and size give
byte-identical files. The configuration (site, rules, rubric, points scheme) is
copied from the bundled ``content/`` at the time of synthesis, so the synthetic
records always follow the current schemes; the records are made to pass
``check`` without content errors while showing a realistic spread of
compliance findings (see :mod:`generator.synth.plan`).
"""

from __future__ import annotations

import random
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from generator.load.discover import read_source
from generator.load.source import SourceFile
from generator.models.schemes import PointsScheme, Requirements
from generator.models.site import Site
from generator.synth import campaign
from generator.synth.branch_files import PointsItems, write_branch
from generator.synth.emit import Writer, front_matter, schema_line
from generator.synth.life import Calendar
from generator.synth.plan import deal_shapes, plan_branch, plan_units, spread

BUNDLED = Path(__file__).resolve().parent.parent.parent / "content"
CONFIGURATION = ("site.yaml", "rules.yaml", "rubric.yaml", "points.yaml")
MARKER = ".synthetic"


class SynthError(Exception):
    """The output directory cannot be used; the message names it."""


@dataclass
class Summary:
    files: int = 0
    bytes: int = 0
    counts: dict[str, int] = field(default_factory=dict)


def synthesize(out: Path, branches: int, seed: int, source: Path = BUNDLED) -> Summary:
    """Write a synthetic content tree of ``branches`` branches into ``out`` (replacing an earlier one)."""
    if branches < 1:
        raise SynthError("branches")
    _prepare(out)
    writer = Writer(out)
    for name in CONFIGURATION:
        writer.write(name, (source / name).read_text(encoding="utf-8"))
    site = Site.model_validate(_data(source / "site.yaml", "site"))
    requirements = Requirements.model_validate(_data(source / "rules.yaml", "requirements"))
    scheme = PointsScheme.model_validate(_data(source / "points.yaml", "points_scheme"))
    cal = Calendar(site.year, site.today)
    counts = _organisation(writer, branches, seed, cal, requirements.branch.term_years, _manual_items(scheme))
    (out / MARKER).write_text(f"python -m generator synth --branches {branches} --seed {seed}\n", encoding="utf-8")
    return Summary(writer.files, writer.bytes, counts)


def _organisation(writer: Writer, count: int, seed: int, cal: Calendar, term_years: int,
                  items: PointsItems) -> dict[str, int]:
    units = plan_units(max(3, round(count / 30)))
    for unit in units:
        writer.write(f"units/{unit.id}.yaml", schema_line("unit", 1) + f"name: {unit.name}\nshort: {unit.short}\n"
                     f"order: {unit.order}\n")
    shapes = deal_shapes(count, seed)
    plans = [plan_branch(unit, n, shapes[i], seed, cal.year, term_years)
             for i, (unit, n) in enumerate(spread(count, units, seed))]
    records = [write_branch(writer, branch, seed, cal, items) for branch in plans]
    rng = random.Random(f"{seed}/campaign")
    today = cal.last
    trainings = campaign.write_trainings(writer, plans, rng, cal.year)
    profiles = campaign.write_profiles(writer, plans, max(1, count // 10), rng, cal.year)
    cases = campaign.write_cases(writer, plans, max(3, count // 3), rng, today)
    contests = campaign.write_contests(writer, plans, count, rng, cal.year)
    campaign.write_funds(writer, units, max(2, count // 40), rng, today)
    bulletins = campaign.write_bulletins(writer, cases, contests, profiles > 0, max(3, count // 50), rng, today)
    _pages(writer)
    return {"units": len(units), "branches": len(plans), "members": sum(len(b.members) for b in plans),
            "activities": sum(a for a, _ in records),
            "points_events": sum(p for _, p in records), "trainings": trainings, "profiles": profiles,
            "cases": len(cases), "contest_entries": 2 * count, "bulletins": bulletins}


def _manual_items(scheme: PointsScheme) -> PointsItems:
    return [(item.key, item.points, item.min, item.max) for item in scheme.items if item.source == "manual"]


def _data(path: Path, kind: str) -> object:
    source = read_source(path, path.name, kind)
    if not isinstance(source, SourceFile):
        raise SynthError(str(path))
    return source.data


def _prepare(out: Path) -> None:
    """``out`` must be absent, empty or an earlier synthetic tree (recognised by its marker)."""
    if out.exists():
        if not out.is_dir() or (any(out.iterdir()) and not (out / MARKER).exists()):
            raise SynthError(str(out))
        shutil.rmtree(out)
    out.mkdir(parents=True)


def _pages(writer: Writer) -> None:
    body = ("本站发布省直机关“五好党支部”创建工作的有关情况。\n\n"
            "本站内容由合成数据生成，仅用于性能测试，不涉及真实人员。")
    writer.write("pages/about.md", front_matter({"title": "关于本站", "order": 1}, body))


__all__ = ["MARKER", "Summary", "SynthError", "synthesize"]
