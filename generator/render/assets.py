"""Stage render: static files and content attachments, copied into the site.

CSS and JavaScript are published under names that carry a hash of their
content (``static/style.3f2a9c1e.css``), so the intranet server can cache them
forever and a new build is never shown with an old stylesheet. Attachments
from ``content/`` (photos, PDFs) are copied under ``assets/`` with their
content-relative path, which is what Markdown links resolve to.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Mapping
from pathlib import Path

from generator.render.env import TEMPLATES

STATIC = TEMPLATES / "static"
#: Logical name → file under templates/static/.
STATIC_FILES = {"css": "style.css", "js": "site.js", "icon": "favicon.png"}


def fingerprinted(name: str, data: bytes) -> str:
    """``style.css`` → ``style.3f2a9c1e.css`` from the first 8 hex digits of SHA-256."""
    digest = hashlib.sha256(data).hexdigest()[:8]
    stem, dot, suffix = name.rpartition(".")
    return f"{stem}.{digest}.{suffix}" if dot else f"{name}.{digest}"


def publish_static(out: Path, static: Path = STATIC) -> dict[str, str]:
    """Copy the site's CSS and JS under fingerprinted names; return logical name → site path."""
    urls: dict[str, str] = {}
    for key, name in sorted(STATIC_FILES.items()):
        data = (static / name).read_bytes()
        target = f"static/{fingerprinted(name, data)}"
        (out / "static").mkdir(parents=True, exist_ok=True)
        (out / target).write_bytes(data)
        urls[key] = target
    return urls


def publish_file_fingerprinted(path: Path) -> str:
    """Rename ``path`` in place to its fingerprinted name; return the new file name."""
    name = fingerprinted(path.name, path.read_bytes())
    path.rename(path.with_name(name))
    return name


def copy_assets(assets: Mapping[str, object], out: Path) -> frozenset[str]:
    """Copy content attachments to ``assets/<content path>``; return the content paths copied."""
    copied: set[str] = set()
    for rel, source in sorted(assets.items()):
        if not isinstance(source, Path):
            continue
        target = out / "assets" / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        copied.add(rel)
    return frozenset(copied)
