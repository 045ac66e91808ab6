"""Shared pieces of the publishing tests: a tiny real PDF, HTTP fetches, tree hashes, manifests."""

from __future__ import annotations

import hashlib
import http.client
from dataclasses import dataclass
from pathlib import Path

from generator.publish.manifest import MANIFEST, parse

#: A minimal but well-formed one-page PDF, as an attachment in content/.
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


@dataclass(frozen=True)
class Response:
    status: int
    headers: dict[str, str]
    body: bytes


def fetch(port: int, path: str, *, gzip: bool = False) -> Response:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path, headers={"Accept-Encoding": "gzip"} if gzip else {})
        response = connection.getresponse()
        headers = {k.lower(): v for k, v in response.getheaders()}
        return Response(response.status, headers, response.read())
    finally:
        connection.close()


def tree_hash(root: Path) -> str:
    """Names, symlink targets and bytes of everything under ``root``."""
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        digest.update(str(path.relative_to(root)).encode())
        if path.is_symlink():
            digest.update(b"->" + str(path.readlink()).encode())
        elif path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def manifest_of(release: Path) -> dict[str, str]:
    return parse((release / MANIFEST).read_text(encoding="utf-8")).files


def verify_release(release: Path) -> None:
    """Every file listed in SHA256SUMS is present with those bytes, and nothing else is there."""
    files = manifest_of(release)
    on_disk = {p.relative_to(release).as_posix() for p in release.rglob("*") if p.is_file()} - {MANIFEST}
    assert on_disk == set(files)
    for rel, digest in files.items():
        assert hashlib.sha256((release / rel).read_bytes()).hexdigest() == digest, rel
