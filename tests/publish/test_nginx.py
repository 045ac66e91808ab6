"""The shipped nginx configuration, on a real nginx, over a published release."""

from __future__ import annotations

import gzip
import hashlib
import re
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.publish.helpers import PDF, fetch, manifest_of, verify_release
from tests.publish.nginx_server import running_nginx

pytestmark = pytest.mark.slow


def _publish(tree: Path, target: Path) -> str:
    result = run_cli("publish", "--content", tree, "--to", target)
    assert result.returncode == 0, result.stdout + result.stderr
    return (target / "current").readlink().name


@pytest.fixture
def target(content: Callable[..., Path], tmp_path: Path) -> Path:
    tree = content({"cases/files/notice.pdf": PDF})
    target = tmp_path / "www"
    _publish(tree, target)
    return target


def test_pages_are_utf8_gzipped_and_cached_briefly(target: Path, tmp_path: Path) -> None:
    with running_nginx(target / "current", tmp_path / "nginx") as server:
        for path in ("/", "/branches/fgw-zhc/"):
            plain = fetch(server.port, path)
            assert plain.status == 200
            assert plain.headers["content-type"] == "text/html; charset=utf-8"
            assert plain.headers["cache-control"] == "no-cache"
            assert 'lang="zh-CN"' in plain.body.decode("utf-8")
            packed = fetch(server.port, path, gzip=True)
            assert packed.headers.get("content-encoding") == "gzip"
            assert gzip.decompress(packed.body) == plain.body


def test_missing_page_is_the_sites_own_404(target: Path, tmp_path: Path) -> None:
    release = target / "current"
    with running_nginx(release, tmp_path / "nginx") as server:
        missing = fetch(server.port, "/branches/no-such-branch/")
        assert missing.status == 404
        assert missing.body == (release / "404.html").read_bytes()
        hidden = fetch(server.port, "/.generator-output")
        assert hidden.status == 404


def test_pdf_and_fingerprinted_assets(target: Path, tmp_path: Path) -> None:
    release = target / "current"
    files = manifest_of(release)
    pdfs = [rel for rel in files if rel.endswith(".pdf")]
    assets = [rel for rel in files if re.search(r"\.[0-9a-f]{8}\.(css|js)$", rel)]
    assert pdfs, "the release should contain the PDF attachment"
    assert assets, "the site should publish fingerprinted CSS/JS"
    with running_nginx(release, tmp_path / "nginx") as server:
        for rel in pdfs:
            response = fetch(server.port, "/" + rel)
            assert response.status == 200
            assert response.headers["content-type"] == "application/pdf"
            assert hashlib.sha256(response.body).hexdigest() == files[rel]
        for rel in assets:
            response = fetch(server.port, "/" + rel)
            assert response.status == 200
            assert "immutable" in response.headers["cache-control"]
            assert "max-age=31536000" in response.headers["cache-control"]
            assert "charset=utf-8" in response.headers["content-type"]


def test_switching_releases_under_load_never_serves_a_broken_page(
    content: Callable[..., Path], tmp_path: Path
) -> None:
    first_tree = content()
    target = tmp_path / "www"
    first = _publish(first_tree, target)
    pages = ["/index.html", "/branches/fgw-zhc/index.html"]
    results: list[tuple[str, int, str]] = []
    stop = threading.Event()

    with running_nginx(target / "current", tmp_path / "nginx") as server:
        def poll() -> None:
            while not stop.is_set():
                for page in pages:
                    try:
                        response = fetch(server.port, page)
                    except OSError as exc:
                        results.append((page, 0, repr(exc)))
                        continue
                    results.append((page, response.status, hashlib.sha256(response.body).hexdigest()))

        pollers = [threading.Thread(target=poll) for _ in range(3)]
        for poller in pollers:
            poller.start()
        try:
            branch = first_tree / "branches" / "fgw-zhc" / "branch.yaml"
            branch.write_text(branch.read_text(encoding="utf-8").replace("综合处党支部", "综合处第一党支部"),
                              encoding="utf-8")
            second = _publish(first_tree, target)
            rolled = run_cli("publish", "--to", target, "--rollback")
            assert rolled.returncode == 0, rolled.stderr
        finally:
            stop.set()
            for poller in pollers:
                poller.join()
    assert first != second
    releases = {name: manifest_of(target / "releases" / name) for name in (first, second)}
    for name in releases:
        verify_release(target / "releases" / name)
    allowed = {page: {files[page.lstrip("/")] for files in releases.values()} for page in pages}
    failures = [r for r in results if r[1] != 200 or r[2] not in allowed[r[0]]]
    assert not failures, failures[:5]
    seen = {digest for _, _, digest in results}
    assert releases[second]["branches/fgw-zhc/index.html"] in seen, "no request saw the new release"
    assert len(results) > 50


JSON_LIST = '{"branches": [' + '"综合处党支部", ' * 40 + '"x"]}'
JSON_ENTRY = '{"version": "1.1.0", "languages": {' + '"zh": 1, ' * 40 + '"en": 0}}'
MIME_CASES = {
    "data/branches.json": (JSON_LIST, "application/json; charset=utf-8", True),
    "data/points.csv": ("支部,积分\n综合处党支部,98.5\n" * 20, "text/csv; charset=utf-8", True),
    "bulletins/2024-12.pdf": (PDF, "application/pdf", False),
    "pagefind/pagefind-entry.json": (JSON_ENTRY, "application/json; charset=utf-8", True),
    "pagefind/pagefind.js": ("export const x = 1;\n" * 30, "application/javascript; charset=utf-8", True),
    "pagefind/wasm.zh.pagefind": (b"\x1f\x8b\x08" + bytes(300), "application/octet-stream", False),
    "pagefind/pagefind.zh_0a1b2c3.pf_meta": (b"\x1f\x8b\x08" + bytes(300), "application/octet-stream", False),
    "pagefind/index/zh_0a1b2c3.pf_index": (b"\x1f\x8b\x08" + bytes(300), "application/octet-stream", False),
    "pagefind/fragment/zh_0a1b2c3.pf_fragment": (b"\x1f\x8b\x08" + bytes(300), "application/octet-stream", False),
    "static/site.0a1b2c3d.js": ("console.log('x');\n" * 30, "application/javascript; charset=utf-8", True),
    "static/style.0a1b2c3d.css": ("body { color: #222; }\n" * 30, "text/css; charset=utf-8", True),
    "assets/photo.png": (b"\x89PNG\r\n\x1a\n" + bytes(100), "image/png", False),
}


def test_content_types_of_every_kind_of_file(tmp_path: Path) -> None:
    """A release with each kind of file the site publishes (search index, data, PDF) gets the right type."""
    from generator.publish import publish
    from generator.publish.local import LocalStore

    site = tmp_path / "built"
    for rel, (data, _, _) in MIME_CASES.items():
        path = site / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    (site / "index.html").write_text("<!DOCTYPE html><title>首页</title>" + "<p>正文</p>" * 50, encoding="utf-8")
    (site / "404.html").write_text("<!DOCTYPE html><title>页面不存在</title><p>页面不存在</p>", encoding="utf-8")
    target = tmp_path / "www"
    publish(site, LocalStore(target), keep=5)
    with running_nginx(target / "current", tmp_path / "nginx") as server:
        for rel, (_, mime, compressible) in MIME_CASES.items():
            response = fetch(server.port, "/" + rel, gzip=True)
            assert response.status == 200, rel
            assert response.headers["content-type"] == mime, rel
            assert (response.headers.get("content-encoding") == "gzip") is compressible, rel
            assert response.headers["x-content-type-options"] == "nosniff", rel
        for rel in ("pagefind/index/zh_0a1b2c3.pf_index", "static/site.0a1b2c3d.js"):
            assert "immutable" in fetch(server.port, "/" + rel).headers["cache-control"]
        assert fetch(server.port, "/bulletins/2024-12.pdf").headers["cache-control"] == "public, max-age=3600"
        missing = fetch(server.port, "/no/such/page.html")
        assert missing.status == 404
        assert missing.body == (site / "404.html").read_bytes()
        assert "charset=utf-8" in missing.headers["content-type"]
