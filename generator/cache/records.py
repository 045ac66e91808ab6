"""Stage 1 with a memory: parse only the content files that changed, in parallel when there are many.

A file's entry is keyed by its exact bytes, its path and kind and the
generator's fingerprint, and holds what the YAML parser made of it (through
the code-free :mod:`~generator.cache.codec`). Validation still runs on every
record, so a cached record and a freshly parsed one go through the same code
from the same data: a warm build cannot differ from a cold one. Files that
fail to load are never cached; they are read again and report as before.

Cold parses run in a process pool sized to the machine when enough files are
missing; workers return the encoded data, which the parent decodes exactly as
it decodes a cache hit. It decodes each file only when the load stream hands
the file on (:class:`~generator.load.discover.Stream`), so validation lets one
file's data go before the next is made: only the compact encoded form of every
file is held at once. An entry also keeps the file's
:attr:`~generator.load.source.SourceFile.digit_strings`, found by the parse.
"""

from __future__ import annotations

import json
import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from generator.cache import codec
from generator.cache.store import Store, digest
from generator.diagnostics import Diagnostic
from generator.load.discover import MAX_TEXT_BYTES, Job, parse_source, read_source
from generator.load.source import SourceFile

#: Fewer misses than this are parsed in-process: starting workers costs more than it saves.
POOL_THRESHOLD = 400
_CHUNK = 64


def workers_available() -> int:
    """CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


class RecordReader:
    """A ``discover`` reader (:data:`generator.load.discover.ReadMany`) backed by a :class:`Store`."""

    def __init__(self, store: Store | None, workers: int | None = None) -> None:
        self.store = store
        self.workers = workers_available() if workers is None else workers
        self.digests: dict[str, str] = {}
        """File name → key of every readable file of the last read, for build keys."""
        self.hits = 0
        self.parsed = 0

    def __call__(self, jobs: list[Job]) -> Iterator[SourceFile | Diagnostic]:
        """Read, look up and parse every file now; each file's data is decoded only as its result is taken."""
        return _records(jobs, self._load(jobs))

    def _load(self, jobs: list[Job]) -> list[bytes | SourceFile | Diagnostic]:
        """Per job: its encoded data (from the cache or a parse), or what to yield as is."""
        results: list[bytes | SourceFile | Diagnostic | None] = [None] * len(jobs)
        missing: list[tuple[int, Job, bytes, str]] = []
        for index, job in enumerate(jobs):
            raw = _read(job[0])
            if raw is None:
                results[index] = read_source(*job)
                continue
            key = digest(job[2], job[1], raw)
            self.digests[job[1]] = key
            payload = self.store.get(key) if self.store else None
            if payload is None:
                missing.append((index, job, raw, key))
            else:
                self.hits += 1
                results[index] = payload
        for (index, job, raw, key), payload in zip(missing, self._parse(missing), strict=True):
            self.parsed += 1
            if payload is None:
                results[index] = parse_source(job[0], job[1], job[2], raw)
                continue
            if self.store:
                self.store.put(key, payload)
            results[index] = payload
        if self.store:
            self.store.prune(set(self.digests.values()))
        return [result for result in results if result is not None]

    def _parse(self, missing: list[tuple[int, Job, bytes, str]]) -> list[bytes | None]:
        work = [(str(job[0]), job[1], job[2], raw) for _, job, raw, _ in missing]
        size = min(self.workers, len(work) // (POOL_THRESHOLD // 2))
        if len(work) < POOL_THRESHOLD or size < 2:
            return encode_many(work)
        chunks = [work[i:i + _CHUNK] for i in range(0, len(work), _CHUNK)]
        try:
            with ProcessPoolExecutor(size, mp_context=multiprocessing.get_context("spawn")) as pool:
                return [payload for payloads in pool.map(encode_many, chunks) for payload in payloads]
        except (BrokenProcessPool, OSError):
            return encode_many(work)


def encode_many(work: list[tuple[str, str, str, bytes]]) -> list[bytes | None]:
    """Parse each file's bytes and encode the result; ``None`` where it cannot be read or cached."""
    out: list[bytes | None] = []
    for path, name, kind, raw in work:
        source = parse_source(Path(path), name, kind, raw)
        if not isinstance(source, SourceFile):
            out.append(None)
            continue
        try:
            data = codec.encode(source.data)
        except codec.Uncacheable:
            out.append(None)
            continue
        head = json.dumps([source.body, source.body_line, source.line_offset, source.digit_strings], ensure_ascii=False)
        out.append(head.encode() + b"\n" + json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode())
    return out


def _records(jobs: list[Job], loaded: list[bytes | SourceFile | Diagnostic]) -> Iterator[SourceFile | Diagnostic]:
    """Each job's result in order, letting go of its encoded data as it is decoded."""
    for index, job in enumerate(jobs):
        item = loaded[index]
        loaded[index] = b""
        yield _source(job, item) if isinstance(item, bytes) else item


def _source(job: Job, payload: bytes) -> SourceFile:
    head, _, data = payload.partition(b"\n")
    body, body_line, line_offset, digits = json.loads(head)
    strings = tuple((tuple(path), text) for path, text in digits)
    return SourceFile(job[0], job[1], job[2], codec.loads(data), body, body_line, line_offset, strings)


def _read(path: Path) -> bytes | None:
    """The file's bytes, or ``None`` when ``read_source`` must explain why not."""
    try:
        if path.stat().st_size > MAX_TEXT_BYTES:
            return None
        return path.read_bytes()
    except OSError:
        return None
