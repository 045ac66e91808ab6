"""The cache: exact round trips, and a corrupt or foreign cache is discarded, never trusted."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.cache import codec
from generator.cache.objects import object_name
from generator.cache.render import RenderCache
from generator.cache.store import Store
from generator.synth import synthesize
from tests.conftest import ROOT, run_cli

offsets = st.integers(-23 * 60, 23 * 60).map(lambda m: dt.timezone(dt.timedelta(minutes=m)))
timestamps = st.datetimes(timezones=st.none() | offsets).map(lambda d: d.replace(fold=0))
scalars = (st.text(max_size=8) | st.integers() | st.booleans() | st.none()
           | st.decimals(allow_nan=False, allow_infinity=False, places=2)
           | st.dates() | timestamps | st.floats(allow_nan=False) | st.binary(max_size=8))
"""What the safe YAML loader can produce (it never sets ``fold``)."""
keys = st.text(max_size=6) | st.integers() | st.dates()
yaml_like = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                         | st.dictionaries(keys, inner, max_size=4), max_leaves=20)


@given(yaml_like)
@settings(max_examples=200, deadline=None)
def test_codec_round_trips_every_yaml_value_exactly(value: object) -> None:
    back = codec.loads(codec.dumps(value))
    assert back == value
    assert repr(back) == repr(value), "types survive too (Decimal stays Decimal, date stays date)"


def test_store_rejects_truncated_tampered_and_foreign_entries(tmp_path: Path) -> None:
    store = Store(tmp_path, "records")
    store.put("ab" * 16, b"payload")
    assert store.get("ab" * 16) == b"payload"
    path = store.path("ab" * 16)
    blob = path.read_bytes()
    path.write_bytes(blob[:-1] + b"X")
    assert store.get("ab" * 16) is None
    assert not path.exists(), "a bad entry is removed"
    store.put("cd" * 16, b"payload")
    (tmp_path / "secret").write_bytes(b"\0" * 32)
    assert Store(tmp_path, "records").get("cd" * 16) is None, "sealed with another cache's secret"
    path = store.path("cd" * 16)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"DJCACHE1 0123 abc\npayload")
    assert Store(tmp_path, "records").get("cd" * 16) is None, "another generator version"


def _check(content: Path, *options: str) -> tuple[int, object]:
    run = run_cli("check", "--content", content, "--format", "json", *options)
    return run.returncode, json.loads(run.stdout)


def test_a_corrupted_record_cache_gives_the_same_check_as_no_cache(tmp_path: Path) -> None:
    content = tmp_path / "content"
    synthesize(content, 4, seed=3)
    cold = _check(content, "--no-cache")
    assert _check(content) == cold
    entries = [p for p in (tmp_path / ".cache" / "records").rglob("*") if p.is_file()]
    assert len(entries) > 20
    for n, entry in enumerate(entries):
        blob = entry.read_bytes()
        entry.write_bytes(blob[: len(blob) // 2] if n % 2 else blob.replace(b"2024", b"2023"))
    assert _check(content) == cold
    (tmp_path / ".cache" / "secret").write_bytes(b"forged")
    assert _check(content) == cold
    (tmp_path / ".cache" / "records" / "zz").mkdir(parents=True, exist_ok=True)
    (tmp_path / ".cache" / "records" / "zz" / "junk").write_bytes(b"\x80\x00 not an entry")
    assert _check(content) == cold


def test_an_edited_record_is_read_afresh(tmp_path: Path) -> None:
    content = tmp_path / "content"
    synthesize(content, 4, seed=3)
    _check(content)
    members = next((content / "branches").glob("*/members.yaml"))
    members.write_text(members.read_text(encoding="utf-8").replace("status: full", "status: fulll", 1),
                       encoding="utf-8")
    code, report = _check(content)
    assert code == 1
    assert (code, report) == _check(content, "--no-cache")


def _templates(tmp_path: Path) -> Path:
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "page.j2").write_text("{{ x }}", encoding="utf-8")
    return folder


def _emit(cache: RenderCache, path: Path, parts: tuple[object, ...], data: bytes) -> bool:
    """What ``write_pages`` does for one page: reuse the stored output, else write ``data`` and keep it."""
    key = cache.key(*parts)
    if cache.reuse(key, path):
        return True
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    cache.keep(key, path, object_name(data))
    return False


def test_render_cache_reuses_unchanged_output_and_renders_changed_data(tmp_path: Path) -> None:
    cache = RenderCache(tmp_path / "cache", _templates(tmp_path))
    page = ("page", {"x": Decimal("1.50"), "d": dt.date(2024, 1, 1)})
    assert not _emit(cache, tmp_path / "one" / "a.html", page, b"a")
    cache.finish()
    cache = RenderCache(tmp_path / "cache", tmp_path / "templates")
    assert _emit(cache, tmp_path / "two" / "a.html", page, b"ignored")
    assert (tmp_path / "two" / "a.html").read_bytes() == b"a"
    changed = ("page", {"x": Decimal("1.5"), "d": dt.date(2024, 1, 1)})
    assert not _emit(cache, tmp_path / "three" / "a.html", changed, b"b"), "1.50 and 1.5 print differently"
    cache.store(("pdf", 1), b"%PDF")
    assert cache.lookup(("pdf", 1)) == b"%PDF" and cache.lookup(("pdf", 2)) is None


def test_an_output_edited_in_place_is_not_reused(tmp_path: Path) -> None:
    cache = RenderCache(tmp_path / "cache", _templates(tmp_path))
    _emit(cache, tmp_path / "one" / "a.html", ("page", 1), b"original")
    with (tmp_path / "one" / "a.html").open("r+b") as handle:
        handle.write(b"ORIGINAL")
    assert not _emit(cache, tmp_path / "two" / "a.html", ("page", 1), b"original")
    assert (tmp_path / "two" / "a.html").read_bytes() == b"original"


def test_a_corrupt_manifest_means_rendering_again(tmp_path: Path) -> None:
    cache = RenderCache(tmp_path / "cache", _templates(tmp_path))
    _emit(cache, tmp_path / "one" / "a.html", ("page", 1), b"original")
    cache.finish()
    manifest = next((tmp_path / "cache" / "render").glob("*/*"))
    manifest.write_bytes(manifest.read_bytes().replace(b'"', b"'"))
    cache = RenderCache(tmp_path / "cache", tmp_path / "templates")
    assert not _emit(cache, tmp_path / "two" / "a.html", ("page", 1), b"fresh")
    assert (tmp_path / "two" / "a.html").read_bytes() == b"fresh"


def test_a_template_change_or_unkeyable_data_never_reuses(tmp_path: Path) -> None:
    templates = _templates(tmp_path)
    before = RenderCache(tmp_path / "cache", templates).key("page", 1)
    (templates / "page.j2").write_text("{{ x }}!", encoding="utf-8")
    cache = RenderCache(tmp_path / "cache", templates)
    assert cache.key("page", 1) != before
    local = {"f": lambda: 0}
    assert cache.key("page", local) is None
    assert not _emit(cache, tmp_path / "one" / "a.html", ("page", local), b"0")
    assert not _emit(cache, tmp_path / "two" / "a.html", ("page", local), b"1")
    assert (tmp_path / "two" / "a.html").read_bytes() == b"1"


def test_no_op_rebuild_reuses_the_output_unless_it_was_touched(tmp_path: Path) -> None:
    content = tmp_path / "content"
    synthesize(content, 3, seed=2)
    out = tmp_path / "site"
    first = run_cli("build", "--content", content, "--out", out, "--no-pdf")
    assert first.returncode == 0, first.stderr
    second = run_cli("build", "--content", content, "--out", out, "--no-pdf")
    assert "沿用上次的输出" in second.stderr and second.stdout == first.stdout
    index = out / "index.html"
    index.write_text(index.read_text(encoding="utf-8") + "<!-- edited -->", encoding="utf-8")
    third = run_cli("build", "--content", content, "--out", out, "--no-pdf")
    assert "沿用上次的输出" not in third.stderr
    assert "edited" not in index.read_text(encoding="utf-8")
    cold = run_cli("build", "--content", content, "--out", out, "--no-pdf", "--no-cache")
    assert "沿用上次的输出" not in cold.stderr


def test_an_edit_that_keeps_size_and_modification_time_still_rebuilds(tmp_path: Path) -> None:
    content = tmp_path / "content"
    synthesize(content, 3, seed=2)
    out = tmp_path / "site"
    assert run_cli("build", "--content", content, "--out", out, "--no-pdf").returncode == 0
    branch = sorted((content / "branches").glob("*/branch.yaml"))[0]
    before = branch.stat()
    text = branch.read_text(encoding="utf-8")
    name = text.split("name: ", 1)[1].split("\n", 1)[0]
    renamed = name[:-1] + ("甲" if name[-1] != "甲" else "乙")
    branch.write_text(text.replace(f"name: {name}", f"name: {renamed}", 1), encoding="utf-8")
    os.utime(branch, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert branch.stat().st_size == before.st_size and branch.stat().st_mtime_ns == before.st_mtime_ns
    again = run_cli("build", "--content", content, "--out", out, "--no-pdf")
    assert again.returncode == 0 and "沿用上次的输出" not in again.stderr
    assert renamed in (out / "branches" / branch.parent.name / "index.html").read_text(encoding="utf-8")


def test_a_build_into_another_directory_reuses_every_page_whatever_the_hash_seed(tmp_path: Path) -> None:
    content = tmp_path / "content"
    synthesize(content, 3, seed=4)
    cache = tmp_path / "cache"
    builds = []
    for seed, out in (("1", "one"), ("2", "two")):
        builds.append(subprocess.run(
            [sys.executable, "-m", "generator", "build", "--content", content, "--out", tmp_path / out,
             "--cache", cache, "--no-pdf"],
            capture_output=True, text=True, timeout=600, check=False, cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": seed, "CI": "1"}))
    assert [b.returncode for b in builds] == [0, 0], builds[0].stderr + builds[1].stderr
    first, second = (re.search(r"新生成 (\d+)，沿用 (\d+)", b.stderr) for b in builds)
    assert first and second and int(first[1]) > 0
    assert (int(second[1]), int(second[2])) == (0, int(first[1])), second.stderr


def test_keys_tell_apart_values_of_another_type_or_field(tmp_path: Path) -> None:
    from markupsafe import Markup

    from generator.models.org import Postponement

    cache = RenderCache(tmp_path / "cache", _templates(tmp_path))

    def postponement(document: str) -> Postponement:
        return Postponement(approved=dt.date(2024, 1, 1), document=document, until=dt.date(2024, 6, 1))

    assert cache.key(postponement("川直工委〔2024〕1号")) == cache.key(postponement("川直工委〔2024〕1号"))
    assert cache.key(postponement("川直工委〔2024〕1号")) != cache.key(postponement("川直工委〔2024〕2号"))
    assert cache.key(Markup("<b>整改</b>")) != cache.key("<b>整改</b>")
    assert cache.key(1) != cache.key(True) != cache.key(Decimal(1))
    assert cache.key({"a": [1, 2]}) != cache.key({"a": (1, 2)})


def _read_all(content: Path, cache: Path | None, workers: int) -> list[tuple[str, object]]:
    from generator.cache import record_reader
    from generator.load import stream

    found = stream(content, record_reader(content, cache, enabled=cache is not None, workers=workers))
    files = [(source.name, (source.data, source.body, source.digit_strings)) for source in found.sources()]
    return files + [(d.location.prefix(), d.code) for d in found.diagnostics]


def test_files_parsed_by_workers_while_validation_runs_are_those_one_process_parses(tmp_path: Path) -> None:
    from generator.cache.records import POOL_THRESHOLD

    content = tmp_path / "content"
    synthesize(content, 80, seed=5)
    broken = sorted((content / "branches").glob("*/members.yaml"))
    broken[3].write_text("members: [\n", encoding="utf-8")
    broken[40].write_bytes(broken[40].read_bytes().replace(b"name:", b"name: \x81", 1))
    assert sum(1 for _ in content.rglob("*.yaml")) > POOL_THRESHOLD, "enough files for the worker pool"
    alone = _read_all(content, None, workers=1)
    assert _read_all(content, None, workers=2) == alone
    assert _read_all(content, tmp_path / "cache", workers=2) == alone, "cold cache, parsed by workers"
    assert _read_all(content, tmp_path / "cache", workers=2) == alone, "every file from the cache"
    assert sum(1 for name, _ in alone if name.endswith("members.yaml")) == len(broken) - 2
