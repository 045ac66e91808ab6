"""Stage render: the Pagefind search index, built over the rendered pages, served from the site.

Pagefind's extended binary (shipped in the ``pagefind[extended]`` wheel, so it
works offline) segments Chinese words for pages with ``lang="zh-CN"``. Only
``<main data-pagefind-body>`` regions are indexed, which keeps the staff page,
the 404 page and the filtered list variants out of the results. The UI files
are renamed to fingerprinted names like the site's own assets.

The site must carry no external URL, and Pagefind's bundle has a few in its
code: the SVG namespace, a dummy base for URL parsing, translators' credits.
None is ever fetched. :func:`neutralise` rewrites them to values that are
equal at run time (``:\\/\\/`` in a JavaScript string is ``://``;
``%2F`` in a ``data:`` URI is ``/``), and the bundle's UI variants the site
does not load are removed.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from generator.render.assets import publish_file_fingerprinted

BUNDLE = "pagefind"
UNUSED = ("pagefind-component-ui.css", "pagefind-component-ui.js", "pagefind-modular-ui.css",
          "pagefind-modular-ui.js", "pagefind-highlight.js")


class SearchIndexFailed(Exception):
    """Pagefind exited with an error; its output says why."""


def build_index(site: Path) -> dict[str, str]:
    """Index ``site`` in place; return the site paths of the fingerprinted UI script and stylesheet."""
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", BUNDLE, "--silent"],
        capture_output=True, text=True, check=False, timeout=600,
    )
    if result.returncode != 0:
        raise SearchIndexFailed((result.stdout + result.stderr).strip())
    bundle = site / BUNDLE
    neutralise(bundle)
    return {"js": f"{BUNDLE}/{publish_file_fingerprinted(bundle / 'pagefind-ui.js')}",
            "css": f"{BUNDLE}/{publish_file_fingerprinted(bundle / 'pagefind-ui.css')}",
            "bundle": f"{BUNDLE}/"}


def neutralise(bundle: Path) -> None:
    """Drop unused UI variants; spell ``://`` in the remaining JS and CSS so no URL appears literally."""
    for name in UNUSED:
        (bundle / name).unlink(missing_ok=True)
    for path in sorted(bundle.glob("*.js")):
        path.write_text(path.read_text(encoding="utf-8").replace("://", ":\\/\\/"), encoding="utf-8")
    for path in sorted(bundle.glob("*.css")):
        path.write_text(path.read_text(encoding="utf-8").replace("://", ":%2F%2F"), encoding="utf-8")
