"""Stage 1 with a memory: parse only the content files that changed, in parallel when there are many.

A file's entry is keyed by its exact bytes, its path and kind and the
generator's fingerprint, and holds what the YAML parser made of it (through
the code-free :mod:`~generator.cache.codec`). Validation still runs on every
record, so a cached record and a freshly parsed one go through the same code
from the same data: a warm build cannot differ from a cold one. Files that
fail to load are never cached; they are read again and report as before.

Cold parses run in a process pool sized to the machine when enough files are
missing; workers return the encoded data, chunk by chunk, which the parent
decodes exactly as it decodes a cache hit. It decodes each file only when the
load stream hands the file on (:class:`~generator.load.discover.Stream`), so
validation lets one file's data go before the next is made, and validates the
first files while the workers still parse the rest (at 3,000 branches the
parse takes ~7 s of wall time on two workers and validation ~3 s in the
parent). An entry also keeps the file's
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
from typing import NamedTuple

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


class _Miss(NamedTuple):
    """A readable file the cache does not hold: its bytes and the key its parse will be kept under."""

    raw: bytes
    key: str


class RecordReader:
    """A ``discover`` reader (:data:`generator.load.discover.ReadMany`) backed by a :class:`Store`."""

    def __init__(self, store: Store | None, workers: int | None = None) -> None:
        self.store = store
        self.workers = workers_available() if workers is None else workers
        self.file_keys: dict[str, str] = {}
        """Each readable file's name → its entry's key (its bytes, name and kind): what later stages' memories
        key on (:mod:`generator.cache.scores`)."""

    def __call__(self, jobs: list[Job]) -> Iterator[SourceFile | Diagnostic]:
        """Read and look up every file now; then each file in order, parsed (in workers) if the cache
        misses it and decoded only as it is taken, so the caller validates while later files parse."""
        keys: set[str] = set()
        looked_up = [self._look_up(job, keys) for job in jobs]
        return self._stream(jobs, looked_up, keys)

    def _look_up(self, job: Job, keys: set[str]) -> bytes | _Miss | SourceFile | Diagnostic:
        """The file's encoded data from the cache, a miss to parse, or what to yield as is; adds its key to ``keys``."""
        raw = _read(job[0])
        if raw is None:
            return read_source(*job)
        key = digest(job[2], job[1], raw)
        keys.add(key)
        self.file_keys[job[1]] = key
        payload = self.store.get(key) if self.store else None
        return _Miss(raw, key) if payload is None else payload

    def _stream(self, jobs: list[Job], looked_up: list[bytes | _Miss | SourceFile | Diagnostic],
                keys: set[str]) -> Iterator[SourceFile | Diagnostic]:
        """Each job's result in order, letting go of its encoded data as it is decoded; once all are
        taken, the cache's entries for any other ``keys`` (files changed or gone) are pruned."""
        parsed = self._parse([(job, item.raw) for job, item in zip(jobs, looked_up, strict=True)
                              if isinstance(item, _Miss)])
        for index, job in enumerate(jobs):
            item, looked_up[index] = looked_up[index], b""
            if isinstance(item, _Miss):
                payload = next(parsed)
                if payload is None:
                    yield parse_source(job[0], job[1], job[2], item.raw)
                    continue
                if self.store:
                    self.store.put(item.key, payload)
                item = payload
            yield _source(job, item) if isinstance(item, bytes) else item
        if self.store:
            self.store.prune(keys)

    def _parse(self, misses: list[tuple[Job, bytes]]) -> Iterator[bytes | None]:
        """Each miss parsed and encoded, in order: in a pool of workers when there are many, each chunk
        handed on as soon as it and the chunks before it are done."""
        work = [(str(job[0]), job[1], job[2], raw) for job, raw in misses]
        size = min(self.workers, len(work) // (POOL_THRESHOLD // 2))
        if len(work) < POOL_THRESHOLD or size < 2:
            yield from encode_many(work)
            return
        chunks = [work[i:i + _CHUNK] for i in range(0, len(work), _CHUNK)]
        done = 0
        try:
            with ProcessPoolExecutor(size, mp_context=multiprocessing.get_context("spawn")) as pool:
                for payloads in pool.map(encode_many, chunks):
                    done += len(payloads)
                    yield from payloads
        except (BrokenProcessPool, OSError):
            yield from encode_many(work[done:])


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
