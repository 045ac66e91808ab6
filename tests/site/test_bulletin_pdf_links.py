"""Every link to a bulletin's PDF leads to a file the build wrote: with ``--no-pdf`` no page links to one."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import yaml

from tests.conftest import BUNDLED, run_cli

_HREF = re.compile(r"""href="([^"]+\.pdf)\"""")
NOT_BUILT = "本次构建未生成 PDF 版本"


def pdf_links(site: Path) -> dict[str, Path]:
    """Each link to a PDF in the pages and the feed (``page -> href``), and the file it resolves to."""
    base = str(yaml.safe_load((BUNDLED / "site.yaml").read_text(encoding="utf-8"))["base_url"]).rstrip("/") + "/"
    found: dict[str, Path] = {}
    for page in sorted([*site.rglob("*.html"), site / "feed.xml"]):
        here = "/" + page.relative_to(site).as_posix()
        for href in _HREF.findall(page.read_text(encoding="utf-8")):
            target = href.removeprefix(base) if href.startswith(base) else urljoin(here, href).lstrip("/")
            found[f"{here} -> {href}"] = site / target
    return found


def test_a_build_without_pdfs_links_no_pdf_and_says_the_pdf_is_not_part_of_it(tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = run_cli("build", "--content", BUNDLED, "--out", out, "--no-pdf", "--no-cache")
    assert result.returncode == 0, result.stdout + result.stderr
    assert not list(out.rglob("*.pdf"))
    assert not pdf_links(out), "links to PDFs this build did not write"
    bulletin_pages = sorted((out / "bulletins").glob("*/index.html"))
    assert bulletin_pages
    for page in [out / "bulletins" / "index.html", *bulletin_pages]:
        assert NOT_BUILT in page.read_text(encoding="utf-8"), page


def test_a_full_build_links_every_bulletin_to_its_pdf_and_the_file_is_there(built_site: Path) -> None:
    links = pdf_links(built_site)
    missing = [link for link, path in links.items() if not path.is_file()]
    assert not missing, f"links to missing PDFs: {missing}"
    for pdf in sorted((built_site / "bulletins").glob("*.pdf")):
        linking = {link.split(" -> ")[0] for link, path in links.items() if path == pdf}
        assert linking == {f"/bulletins/{pdf.stem}/index.html", "/bulletins/index.html", "/feed.xml"}, pdf
    assert NOT_BUILT not in (built_site / "bulletins" / "index.html").read_text(encoding="utf-8")
