"""Which store serves a ``--to`` target: a table read top to bottom, first match wins.

``user@host:/path`` (or ``host:/path``) is the web server over ssh, as rsync
and scp write it: a colon before the first slash. Anything else is a local
directory. Adding a kind of target means adding a row.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from generator.publish.errors import PublishError
from generator.publish.local import LocalStore
from generator.publish.remote import RsyncStore
from generator.publish.store import Store

_SSH = re.compile(r"^(?P<host>(?:[A-Za-z0-9._-]+@)?[A-Za-z0-9._-]+|\[[0-9A-Fa-f:.]+\]):(?P<path>/.*)$")

_SSH_RELATIVE = re.compile(r"^(?:[A-Za-z0-9._-]+@)?[A-Za-z0-9._-]+:(?!/)")


def _relative_remote(match: re.Match[str]) -> Store:
    raise PublishError(f"远程目录要写绝对路径，例如 web@intranet:/srv/dangjian（而不是 {match.string}）。",
                       f"write the remote directory as an absolute path, e.g. web@intranet:/srv/dangjian "
                       f"(not {match.string}).")


FORMS: tuple[tuple[str, re.Pattern[str], Callable[[re.Match[str]], Store]], ...] = (
    ("ssh", _SSH, lambda m: RsyncStore(m.group("path"), host=m.group("host"))),
    ("ssh-relative", _SSH_RELATIVE, _relative_remote),
    ("local", re.compile(r"^.+$"), lambda m: LocalStore(Path(m.group(0)))),
)


def store_for(target: str) -> Store:
    for _, pattern, make in FORMS:
        match = pattern.match(target)
        if match:
            return make(match)
    return LocalStore(Path(target))
