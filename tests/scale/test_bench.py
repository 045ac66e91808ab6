"""``make bench`` runs end to end on a small corpus and prints every row of its table with real figures."""

from __future__ import annotations

import re

from tests.conftest import run_cli

ROWS = ("records", "HTML pages / PDF pages", "records loaded+validated / s (cold)", "HTML pages / s",
        "PDF pages / s", "cold full build (s)", "  CPU time of it (s)", "cold HTML-only build (s)",
        "no-op rebuild (s)", "one-record edit rebuild (s)", "peak memory, all processes (PSS, MiB)")


def test_bench_prints_the_table_for_each_size_with_measured_figures() -> None:
    run = run_cli("bench", "--sizes", "4,6", "--runs", "1")
    assert run.returncode == 0, run.stderr[-2000:]
    lines = run.stdout.splitlines()
    assert "4 branches" in lines[0] and "6 branches" in lines[0] and "ratio 6/4" in lines[0]
    for row in ROWS:
        line = next((line for line in lines if line.startswith(row)), None)
        assert line is not None, f"no row {row!r}"
        figures = re.findall(r"[0-9][0-9,.]*", line.removeprefix(row))
        assert len(figures) >= 2 and all(float(f.split("/")[0].replace(",", "")) > 0 for f in figures[:2]), line
    assert re.search(r"^edit build = cold build, byte for byte\s+yes\s+yes", run.stdout, re.MULTILINE)
    assert "peak memory sampled in 5 more runs" in run.stderr
