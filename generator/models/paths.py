"""File references must stay inside ``content/``: photos, and images and links in Markdown bodies.

A path such as ``../../etc/passwd`` or ``file:///etc/passwd`` in a record is a
content error at its line, whether or not the renderer would have dropped it:
the clerk learns the link is wrong, and nothing outside ``content/`` is ever
read or published. Photo paths are relative to ``content/``; paths in a
Markdown body are relative to the folder of the file that contains them, as
the renderer resolves them.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Iterator
from urllib.parse import unquote, urlsplit

from generator.codes import define, make
from generator.diagnostics import Diagnostic, Kind, Location, Severity
from generator.load.source import SourceFile

OUTSIDE_PATH = define(
    "REF004", Kind.ERROR, Severity.ERROR,
    title=("路径指向 content/ 之外", "path leaves content/"),
    message=("路径“{path}”指向 content/ 之外", "path '{path}' points outside content/"),
    hint=("只能引用 content/ 里的文件：写相对路径，不要用“..”越出 content/，不要用 / 开头的绝对路径或 file: 地址",
          "refer only to files inside content/: a relative path, no '..' out of content/, no absolute or file: path"),
)

_MARKDOWN_TARGET = re.compile(r"\]\(\s*<?([^)\s>]+)")
_REFERENCE_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?([^\s>]+)", re.MULTILINE)
_HTML_TARGET = re.compile(r"""\b(?:src|href)\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)


def escapes(path: str, folder: str = "") -> bool:
    """Whether ``path``, written in a file under content-relative ``folder``, leaves content/."""
    if "\\" in path or "\x00" in path:
        return True
    parts = urlsplit(path.strip())
    if parts.scheme:
        return parts.scheme.lower() == "file" or len(parts.scheme) == 1
    if parts.netloc:
        return False
    target = unquote(parts.path)
    if target.startswith("/"):
        return True
    joined = posixpath.normpath(posixpath.join(folder, target)) if target else "."
    return joined == ".." or joined.startswith("../")


def body_paths(sources: Iterable[SourceFile]) -> Iterator[Diagnostic]:
    """Every link and image in Markdown bodies that points outside content/."""
    for source in sources:
        if not source.body:
            continue
        folder = posixpath.dirname(source.name.partition("/")[2])
        for pattern in (_MARKDOWN_TARGET, _REFERENCE_DEFINITION, _HTML_TARGET):
            for match in pattern.finditer(source.body):
                if escapes(match.group(1), folder):
                    before = source.body[: match.start(1)]
                    line = source.body_line + before.count("\n")
                    col = match.start(1) - before.rfind("\n")
                    yield make(OUTSIDE_PATH, Location(source.name, line, col), path=match.group(1))
