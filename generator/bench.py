"""Benchmarks at province scale: synthesise corpora, time the builds a CI run does, print one table.

Every build runs as a subprocess (``python -m generator build``), exactly as CI
runs it. Figures are medians of ``runs`` repetitions. Peak memory is the largest
total PSS of the build process and all its descendants (PDF, parse and page
workers, Pagefind), sampled from ``/proc`` in one more run of each kind: reading
PSS walks every process's page tables, which at 3,000 branches cost ~5.7 s of
CPU time per build and slowed it by ~3 s, so the timed runs are not sampled.
Stage times come from the build's own progress lines (``<stage>：<seconds> s``),
so the rates measure the stage and not the process start-up. Wall-clock times are what a user waits; on a shared
machine they vary with the load, so the CPU time of the cold build is shown too.
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from generator.pipeline import LOAD_STAGE, PDF_STAGE, SITE_STAGE, VALIDATE_STAGE
from generator.progress import in_lang
from generator.synth import synthesize

_STAGE = re.compile(r"^\s+(.+?)：([0-9.]+) s$", re.MULTILINE)
#: A memory peak lasts seconds (a stage), so four samples a second catch it.
SAMPLE_SECONDS = 0.25
LOAD_STAGES = (LOAD_STAGE, VALIDATE_STAGE)


@dataclass
class Run:
    """One build subprocess: its wall and CPU time, peak memory (PSS), exit code and stage times."""

    seconds: float
    cpu: float
    peak_memory: int
    code: int
    stages: dict[str, float]
    stderr: str


@dataclass
class SizeResult:
    branches: int
    records: int = 0
    html_pages: int = 0
    pdf_pages: int = 0
    figures: dict[str, float] = field(default_factory=dict)
    identical: bool = False
    failures: list[str] = field(default_factory=list)


def run_build(args: Sequence[str | Path], cwd: Path, *, sample: bool = False) -> Run:
    """``python -m generator build ARGS``; with ``sample``, its peak memory over the whole process tree.

    Whatever the previous run (or the deletion of its output) left for the file system to write is
    flushed first (``sync``), so that work is not timed as this build's. The time ends when the
    process does, not at the next sample.
    """
    os.sync()
    start, cpu0 = time.perf_counter(), os.times()
    process = subprocess.Popen([sys.executable, "-m", "generator", "build", *map(str, args)], cwd=cwd,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                               env=_environment())
    peak = 0
    while True:
        if sample:
            peak = max(peak, tree_memory(process.pid))
        try:
            _, stderr = process.communicate(timeout=SAMPLE_SECONDS if sample else None)
            break
        except subprocess.TimeoutExpired:
            continue
    seconds, cpu1 = time.perf_counter() - start, os.times()
    cpu = (cpu1.children_user + cpu1.children_system) - (cpu0.children_user + cpu0.children_system)
    shown = {in_lang(stage, "zh"): stage for stage in (LOAD_STAGE, VALIDATE_STAGE, SITE_STAGE, PDF_STAGE)}
    stages = {shown.get(name, name): float(value) for name, value in _STAGE.findall(stderr)}
    return Run(seconds, cpu, peak, process.returncode, stages, stderr)


def _environment() -> dict[str, str]:
    """CI mode (plain progress lines) and this very generator first on the path, wherever the build runs."""
    here = str(Path(__file__).resolve().parent.parent)
    path = os.pathsep.join(p for p in (here, os.environ.get("PYTHONPATH", "")) if p)
    return {**os.environ, "CI": "1", "PYTHONPATH": path}


def tree_memory(pid: int) -> int:
    """Memory in bytes used by ``pid`` and all its descendants (0 once it is gone).

    Each process counts its proportional set size (PSS): its private pages plus its share of pages
    it shares with others. Summing plain RSS would count every copy-on-write page of the forked
    page renderers, and every shared library, once per process.
    """
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            rollup = Path(f"/proc/{current}/smaps_rollup").read_text()
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        match = re.search(r"^Pss:\s+(\d+) kB", rollup, re.MULTILINE)
        total += int(match.group(1)) * 1024 if match else 0
        stack.extend(int(child) for child in children)
    return total


def pdf_pages(path: Path) -> int:
    """Pages of one PDF, read with pypdf (installed with the test extra); 0 without it."""
    try:
        from pypdf import PdfReader
    except ImportError:
        return 0
    return len(PdfReader(path).pages)


def measure(branches: int, runs: int, work: Path, say: Callable[[str], None]) -> SizeResult:
    """All figures for one corpus size; ``work`` is an empty scratch directory."""
    result = SizeResult(branches)
    content = work / "content"
    synth_start = time.perf_counter()
    synthesize(content, branches, seed=1)
    result.figures["synth_s"] = time.perf_counter() - synth_start
    say(f"[{branches}] synthesised in {result.figures['synth_s']:.1f} s")
    cold = _repeat(runs, lambda: _fresh(work, "--no-cache"), say, f"[{branches}] cold full build")
    html = _repeat(runs, lambda: _fresh(work, "--no-cache", "--no-pdf"), say, f"[{branches}] cold HTML-only build")
    sampled = [_fresh(work, "--no-cache", sample=True), _fresh(work, "--no-cache", "--no-pdf", sample=True)]
    result.html_pages = sum(1 for _ in (work / "site").rglob("*.html"))
    shutil.rmtree(work / "site", ignore_errors=True)
    sampled.append(run_build(["--content", content, "--out", work / "site"], work, sample=True))
    result.pdf_pages = sum(pdf_pages(p) for p in (work / "site").rglob("*.pdf"))
    noop = _repeat(runs, lambda: run_build(["--content", content, "--out", work / "site"], work), say,
                   f"[{branches}] no-op rebuild")
    sampled.append(run_build(["--content", content, "--out", work / "site"], work, sample=True))
    edits = _repeat(runs, lambda: _edit_and_build(work, content), say, f"[{branches}] one-record edit")
    sampled.append(_edit_and_build(work, content, sample=True))
    say(f"[{branches}] peak memory sampled in {len(sampled)} more runs")
    result.identical = _same_as_cold(work, content)
    result.records = _records(content)
    for name, runs_ in (("cold", cold), ("html", html), ("noop", noop), ("edit", edits), ("sampled", sampled)):
        result.failures += [f"{name}: exit {r.code}: {r.stderr.strip()[-300:]}" for r in runs_ if r.code]
    _figures(result, cold, html, noop, edits, sampled)
    return result


def _figures(result: SizeResult, cold: list[Run], html: list[Run], noop: list[Run], edits: list[Run],
             sampled: list[Run]) -> None:
    f = result.figures
    f["cold_s"] = _median(r.seconds for r in cold)
    f["cold_cpu_s"] = _median(r.cpu for r in cold)
    f["html_s"] = _median(r.seconds for r in html)
    f["noop_s"] = _median(r.seconds for r in noop)
    f["edit_s"] = _median(r.seconds for r in edits)
    f["peak_memory_mib"] = max(r.peak_memory for r in sampled) / 2**20
    load = _median(sum(r.stages.get(s, 0.0) for s in LOAD_STAGES) for r in cold)
    f["records_per_s"] = result.records / load if load else 0.0
    site = _median(r.stages.get(SITE_STAGE, 0.0) for r in html)
    f["html_per_s"] = result.html_pages / site if site else 0.0
    pdf = _median(r.stages.get(PDF_STAGE, 0.0) for r in cold)
    f["pdf_per_s"] = result.pdf_pages / pdf if pdf else 0.0


def _median(values: object) -> float:
    items = list(values)  # type: ignore[call-overload]
    return float(statistics.median(items)) if items else 0.0


def _repeat(runs: int, once: Callable[[], Run], say: Callable[[str], None], label: str) -> list[Run]:
    out = []
    for n in range(runs):
        run = once()
        say(f"{label} {n + 1}/{runs}: {run.seconds:.2f} s, exit {run.code}")
        out.append(run)
    return out


def _fresh(work: Path, *options: str, sample: bool = False) -> Run:
    shutil.rmtree(work / "site", ignore_errors=True)
    return run_build(["--content", work / "content", "--out", work / "site", *options], work, sample=sample)


_EDIT = re.compile(r"topic: ([^,}\n]+)")


def _edit_and_build(work: Path, content: Path, *, sample: bool = False) -> Run:
    """Change one activity's topic in one branch (a different one each time), then build."""
    files = sorted((content / "branches").glob("*/activities/*.yaml"))
    target = files[len(list(work.glob(".edit-*"))) * 7 % len(files)]
    (work / f".edit-{len(list(work.glob('.edit-*')))}").touch()
    text = target.read_text(encoding="utf-8")
    target.write_text(_EDIT.sub(lambda m: f"topic: {m.group(1)}（修订）", text, count=1), encoding="utf-8")
    return run_build(["--content", content, "--out", work / "site"], work, sample=sample)


def _same_as_cold(work: Path, content: Path) -> bool:
    """Whether the incrementally built site equals a cold build of the same content, byte for byte."""
    cold = work / "cold-site"
    shutil.rmtree(cold, ignore_errors=True)
    run_build(["--content", content, "--out", cold, "--no-cache"], work)
    return tree_digest(work / "site") == tree_digest(cold)


def tree_digest(root: Path) -> dict[str, bytes]:
    """Relative path → bytes of every file under ``root``."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _records(content: Path) -> int:
    """Records in the corpus, counted the way a clerk would: one per list item or file."""
    code = ("import sys; from pathlib import Path; from generator.load import discover; "
            "from generator.models.corpus import build_corpus; f = discover(Path(sys.argv[1])); "
            "c, _ = build_corpus(f.sources, f.assets); b = c.branches.values(); "
            "print(len(c.units) + len(c.branches) + len(c.members) + len(c.trainings) + len(c.profiles) + "
            "len(c.cases) + len(c.funds) + len(c.bulletins) + len(c.pages) + "
            "sum(len(x.value.entries) for x in c.contests.values()) + "
            "sum(sum(map(len, d.activities.values())) + sum(map(len, d.points.values())) + len(d.assessments) "
            "+ len(d.rectifications) + len(d.reports) for d in b))")
    out = subprocess.run([sys.executable, "-c", code, str(content)], capture_output=True, text=True, check=True,
                         env=_environment())
    return int(out.stdout.strip())


def bench(sizes: Sequence[int], runs: int, say: Callable[[str], None]) -> list[SizeResult]:
    results = []
    for branches in sizes:
        with tempfile.TemporaryDirectory(prefix=f"generator-bench-{branches}-") as tmp:
            results.append(measure(branches, runs, Path(tmp), say))
    return results


ROWS: tuple[tuple[str, str, str], ...] = (
    ("records_per_s", "records loaded+validated / s (cold)", "{:,.0f}"),
    ("html_per_s", "HTML pages / s", "{:,.0f}"),
    ("pdf_per_s", "PDF pages / s", "{:,.1f}"),
    ("cold_s", "cold full build (s)", "{:.1f}"),
    ("cold_cpu_s", "  CPU time of it (s)", "{:.1f}"),
    ("html_s", "cold HTML-only build (s)", "{:.1f}"),
    ("noop_s", "no-op rebuild (s)", "{:.2f}"),
    ("edit_s", "one-record edit rebuild (s)", "{:.2f}"),
    ("peak_memory_mib", "peak memory, all processes (PSS, MiB)", "{:,.0f}"),
)


def table(results: list[SizeResult], runs: int) -> str:
    """The one table: a column per size and, for two sizes, the ratio between them."""
    head = [f"metric (median of {runs})", *(f"{r.branches} branches" for r in results)]
    ratio = len(results) == 2
    if ratio:
        head.append(f"ratio {results[1].branches}/{results[0].branches}")
    rows = [head, ["records", *(f"{r.records:,}" for r in results)] + ([""] if ratio else []),
            ["HTML pages / PDF pages", *(f"{r.html_pages:,} / {r.pdf_pages:,}" for r in results)]
            + ([""] if ratio else [])]
    for key, label, fmt in ROWS:
        row = [label, *(fmt.format(r.figures.get(key, 0.0)) for r in results)]
        if ratio:
            a, b = results[0].figures.get(key, 0.0), results[1].figures.get(key, 0.0)
            row.append(f"{b / a:.1f}×" if a else "–")
        rows.append(row)
    rows.append(["edit build = cold build, byte for byte", *("yes" if r.identical else "NO" for r in results)]
                + ([""] if ratio else []))
    widths = [max(_width(row[i]) for row in rows) for i in range(len(head))]
    lines = ["  ".join(cell + " " * (w - _width(cell)) for cell, w in zip(row, widths, strict=True)).rstrip()
             for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)
