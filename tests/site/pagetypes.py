"""One representative built page per page type, found in the built site by its URL pattern."""

from __future__ import annotations

from pathlib import Path

#: page type → (glob under the site, path parts that must not occur in the match)
PAGE_TYPES: dict[str, tuple[str, tuple[str, ...]]] = {
    "home": ("index.html", ()),
    "units": ("units/index.html", ()),
    "unit": ("units/*/index.html", ()),
    "branches": ("branches/index.html", ()),
    "branches-sorted": ("branches/by-name/index.html", ()),
    "branches-band": ("branches/band/*/index.html", ()),
    "branch": ("branches/*/index.html", ("by-name", "by-unit", "by-members", "band")),
    "branch-year": ("branches/*/[0-9][0-9][0-9][0-9]/index.html", ()),
    "member-points": ("branches/*/points/[0-9][0-9][0-9][0-9]/*/index.html", ()),
    "rankings": ("rankings/index.html", ()),
    "secretaries": ("secretaries/index.html", ()),
    "secretary": ("secretaries/*/index.html", ()),
    "trainings": ("trainings/index.html", ()),
    "cases": ("cases/index.html", ()),
    "cases-filtered": ("cases/discipline/*/index.html", ()),
    "case": ("cases/*/index.html", ("year", "discipline", "four-winds", "outcome")),
    "contest": ("contest/index.html", ()),
    "contest-edition": ("contest/*/index.html", ()),
    "fund": ("fund/index.html", ()),
    "bulletins": ("bulletins/index.html", ()),
    "bulletin": ("bulletins/*/index.html", ()),
    "search": ("search/index.html", ()),
    "about": ("about/index.html", ()),
    "data": ("data/index.html", ()),
    "not-found": ("404.html", ()),
    "staff-findings": ("staff/findings/index.html", ()),
}


def page_url(site: Path, kind: str) -> str:
    """The site-relative URL of the first page (sorted) of that type; fails when there is none."""
    pattern, excluded = PAGE_TYPES[kind]
    found = sorted(p.relative_to(site).as_posix() for p in site.glob(pattern)
                   if not set(p.relative_to(site).parts) & set(excluded))
    assert found, f"no page of type {kind} ({pattern}) in the built site"
    return found[0].removesuffix("index.html")
