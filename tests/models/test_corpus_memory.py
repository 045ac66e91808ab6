"""The corpus holds validated records, not the parsed YAML they came from.

At province scale the parsed data of every file, kept beside the records, was
half a gigabyte that no later stage reads; validation now lets each file's data
go as soon as its record is made.
"""

from __future__ import annotations

import gc
import weakref
from collections.abc import Callable, Iterator
from pathlib import Path

from generator.load import SourceFile, stream
from generator.models.corpus import build_corpus
from tests.rules.trees import compliant

PAGE = "---\ntitle: 关于本站\n---\n\n本站由省直机关工委主办。\n"


def test_validation_lets_each_files_data_go_before_reading_on(content: Callable[..., Path]) -> None:
    found = stream(content({**compliant(7).files(), "pages/about.md": PAGE}))
    alive: list[weakref.ref[SourceFile]] = []

    def watched() -> Iterator[SourceFile]:
        for source in found.sources():
            still = [ref().name for ref in alive[:-1] if ref() is not None]
            assert not still, "files validated before the previous one still hold their data"
            alive.append(weakref.ref(source))
            yield source

    corpus, diagnostics = build_corpus(watched(), found.assets)
    assert not diagnostics and len(alive) >= 8 and corpus.pages


def test_no_file_reachable_from_the_corpus_holds_parsed_data(content: Callable[..., Path]) -> None:
    found = stream(content({**compliant(7).files(), "pages/about.md": PAGE}))
    corpus, _ = build_corpus(found.sources(), found.assets)
    files = _reachable_files(corpus)
    assert {f.kind for f in files} >= {"site", "unit", "branch", "members", "activities", "page"}
    assert [f.name for f in files if f.data is not None] == []


def _reachable_files(root: object) -> list[SourceFile]:
    seen: set[int] = set()
    found: list[SourceFile] = []
    stack = [root]
    while stack:
        item = stack.pop()
        if id(item) in seen or isinstance(item, type):
            continue
        seen.add(id(item))
        if isinstance(item, SourceFile):
            found.append(item)
        stack.extend(gc.get_referents(item))
    return found
