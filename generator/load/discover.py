"""Which files under ``content/`` hold which record kind, and reading each one.

The layout is the contract with the clerks (content/README.md): a file's kind
follows from its path alone, so a misplaced file is an error rather than data
silently ignored.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from pathlib import Path, PurePosixPath

from generator.codes import CodeDef, make
from generator.diagnostics import Diagnostic, Location
from generator.load import codes
from generator.load.decode import DecodeError, decode
from generator.load.digits import digit_strings
from generator.load.source import SourceFile, split_front_matter
from generator.load.yamlparse import ParseError, parse

MAX_TEXT_BYTES = 4 * 1024 * 1024
MAX_ASSET_BYTES = 16 * 1024 * 1024
ASSET_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp", ".gif", ".pdf"})

#: Path pattern (relative to content/) → record kind. Order matters only for reading.
LAYOUT: tuple[tuple[str, str], ...] = (
    ("site.yaml", "site"),
    ("rules.yaml", "requirements"),
    ("rubric.yaml", "rubric"),
    ("points.yaml", "points_scheme"),
    ("units/*.yaml", "unit"),
    ("branches/*/branch.yaml", "branch"),
    ("branches/*/members.yaml", "members"),
    ("branches/*/activities/*.yaml", "activities"),
    ("branches/*/points/*.yaml", "points"),
    ("branches/*/assessments/*.yaml", "assessment"),
    ("branches/*/rectifications.yaml", "rectifications"),
    ("branches/*/reports/*.md", "report"),
    ("trainings/*.yaml", "training"),
    ("secretaries/*.md", "profile"),
    ("cases/*.md", "case"),
    ("contest/*.yaml", "contest"),
    ("fund/*.yaml", "fund"),
    ("bulletins/*.md", "bulletin"),
    ("pages/*.md", "page"),
)
MARKDOWN_KINDS = frozenset(kind for pattern, kind in LAYOUT if pattern.endswith(".md"))
#: Kinds whose file name is the record's id (its page's address, the name other records use).
NAMED_BY_FILE = frozenset({"unit", "training", "profile", "case", "contest", "bulletin", "page"})
_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")


@dataclass
class Discovered:
    """Every readable file with its data, the assets, and every file's problem."""

    sources: list[SourceFile] = field(default_factory=list)
    assets: dict[str, Path] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def kind_of(rel: str) -> str | None:
    for pattern, kind in LAYOUT:
        if fnmatchcase(rel, pattern):
            return kind
    return None


Job = tuple[Path, str, str]
"""A file to read: its path, the name messages show, its record kind."""

#: Reads many jobs; the results come in the jobs' order, and may be made only as they are taken
#: (the cache plugs in here).
ReadMany = Callable[[list[Job]], Iterable[SourceFile | Diagnostic]]


def read_each(jobs: list[Job]) -> Iterator[SourceFile | Diagnostic]:
    return (read_source(path, name, kind) for path, name, kind in jobs)


@dataclass
class Stream:
    """Content walked and handed to the reader, its files' data made one at a time by :meth:`sources`.

    A caller that validates each file and then lets its data go (``build_corpus``)
    never holds every file's parsed YAML at once. ``diagnostics`` holds the
    walk's problems and, once :meth:`sources` has run to the end, every file's.
    """

    assets: dict[str, Path]
    diagnostics: list[Diagnostic]
    slots: list[Diagnostic | None]
    """Every file in path order: its problem found by the walk, or ``None`` when the reader has its result."""
    results: Iterator[SourceFile | Diagnostic]
    unread: set[str] = field(default_factory=set)
    """Names (as messages show them) of the files with a problem of their own, filled as :meth:`sources` runs:
    validation must not report the records they define as missing too."""

    def sources(self) -> Iterator[SourceFile]:
        """Each readable file in path order, once; problems go to ``diagnostics`` as they come."""
        slots, self.slots = self.slots, []
        for slot in slots:
            result = next(self.results) if slot is None else slot
            if isinstance(result, SourceFile):
                yield result
            else:
                self.diagnostics.append(result)
                self.unread.add(result.location.file)


def stream(content: Path, read: ReadMany = read_each) -> Stream:
    """Walk ``content/`` and start reading every file; all problems are collected, none stops the walk."""
    root = content.resolve()
    found = Stream({}, [], [], iter(()))
    jobs: list[Job] = []
    bad_names: set[str] = set()
    for path in sorted(_walk(root)):
        rel = path.relative_to(root).as_posix()
        name = f"{content.name}/{rel}"
        problem = _outside(path, root)
        if problem:
            found.slots.append(make(problem[0], Location(name), target=problem[1]))
            continue
        if path.suffix.lower() in ASSET_SUFFIXES:
            _add_asset(found, path, rel, name)
            continue
        kind = kind_of(rel)
        if kind is None:
            found.slots.append(make(codes.UNKNOWN_FILE, Location(name), suggestion=_closest(rel)))
            continue
        named = _bad_name(rel, kind)
        if named is not None:
            if named not in bad_names:
                bad_names.add(named)
                found.slots.append(make(codes.BAD_NAME, Location(f"{content.name}/{named}"),
                                        stem=PurePosixPath(named).stem))
            continue
        jobs.append((path, name, kind))
        found.slots.append(None)
    found.results = iter(read(jobs))
    return found


def _bad_name(rel: str, kind: str) -> str | None:
    """The file or branch folder (content-relative) whose name should be an id and is not: a record
    named ``fgw - 副本`` would be published as a second unit at an address with spaces."""
    parts = rel.split("/")
    if parts[0] == "branches" and len(parts) > 2 and not _ID.match(parts[1]):
        return "/".join(parts[:2])
    if kind in NAMED_BY_FILE and not _ID.match(PurePosixPath(rel).stem):
        return rel
    return None


def discover(content: Path, read: ReadMany = read_each) -> Discovered:
    """Every content file read at once (:func:`stream` without the streaming)."""
    found = stream(content, read)
    sources = list(found.sources())
    return Discovered(sources, found.assets, found.diagnostics)


#: Files the system or an editor makes beside the clerks' own: Windows thumbnails and folder settings, and the
#: lock file Office keeps while a document is open (``~$…``). No clerk wrote them or can be asked to fix them.
_CLUTTER = frozenset({"thumbs.db", "ehthumbs.db", "desktop.ini"})


def _skipped(entry: Path, root: Path) -> bool:
    """Names never read: hidden (``.``) or set aside (``_``), system clutter, and the clerks' README."""
    name = entry.name
    return (name.startswith((".", "_", "~$")) or name.lower() in _CLUTTER
            or (entry.parent == root and name == "README.md"))


def _walk(root: Path) -> list[Path]:
    """Every file that is not :func:`_skipped`."""
    out: list[Path] = []
    stack = [root]
    while stack:
        folder = stack.pop()
        for entry in folder.iterdir():
            if _skipped(entry, root):
                continue
            if entry.is_dir() and not entry.is_symlink():
                stack.append(entry)
            elif entry.is_file() or entry.is_symlink():
                out.append(entry)
    return out


def _outside(path: Path, root: Path) -> tuple[CodeDef, str] | None:
    """The problem with a symbolic link: out of content/, or a directory, dangling or a loop."""
    if not path.is_symlink():
        return None
    link = str(path.readlink())
    if not Path(os.path.normpath(path.parent / link)).is_relative_to(root):
        return codes.OUTSIDE, link
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return codes.LINK_DIR, link
    if not target.is_relative_to(root):
        return codes.OUTSIDE, link
    return (codes.LINK_DIR, link) if target.is_dir() else None


def _add_asset(found: Stream, path: Path, rel: str, name: str) -> None:
    size = path.stat().st_size
    if size > MAX_ASSET_BYTES:
        found.diagnostics.append(make(codes.TOO_LARGE, Location(name), size=size, limit=MAX_ASSET_BYTES))
    else:
        found.assets[rel] = path


def _closest(rel: str) -> str:
    patterns = [pattern for pattern, _ in LAYOUT]
    match = difflib.get_close_matches(rel, patterns, n=1, cutoff=0.0)
    return match[0] if match else patterns[0]


_COLON_HINT = ("文件里用了全角冒号“：”；字段名后面要用半角冒号加空格，例如“name: 张三”",
               "the file uses full-width colons '：'; write an ASCII colon and a space, e.g. 'name: x'")
_EXAMPLE_HINT = ("参照 content/README.md 中的示例", "follow the example in content/README.md")


def read_source(path: Path, name: str, kind: str) -> SourceFile | Diagnostic:
    """One file as a :class:`SourceFile`, or the diagnostic that explains why it cannot be read."""
    try:
        size = path.stat().st_size
        if size > MAX_TEXT_BYTES:
            return make(codes.TOO_LARGE, Location(name), size=size, limit=MAX_TEXT_BYTES)
        raw = path.read_bytes()
    except OSError as exc:
        return make(codes.UNREADABLE, Location(name), reason=exc.strerror or type(exc).__name__)
    return parse_source(path, name, kind, raw)


def parse_source(path: Path, name: str, kind: str, raw: bytes) -> SourceFile | Diagnostic:
    """The bytes of one file as a :class:`SourceFile` (the cache hashes exactly these bytes)."""
    try:
        text = decode(raw)
    except DecodeError as exc:
        return make(exc.code, Location(name, 1, 1), **exc.params)
    body, body_line, offset = "", 0, 0
    if kind in MARKDOWN_KINDS:
        front, body, body_line = split_front_matter(text)
        if front is None:
            return make(codes.FRONT_MATTER, Location(name, 1, 1))
        text, offset = front, 1
    try:
        data = parse(text, offset)
    except ParseError as exc:
        return make(exc.code, Location(name, exc.line, exc.col), **exc.params)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        found = ("一个列表", "a list") if isinstance(data, list) else ("一个单独的值", "a single value")
        hint = _COLON_HINT if "：" in text else _EXAMPLE_HINT
        return make(codes.NOT_MAPPING, Location(name, offset + 1, 1), found=found, hint_zh=hint[0], hint_en=hint[1])
    return SourceFile(path, name, kind, data, body, body_line, offset, digit_strings(data))
