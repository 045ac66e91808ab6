"""Fixtures of the site tests: the bundled content built once, served over real HTTP, read by chromium.

The build runs once per session through the CLI, as a user runs it. A
threaded ``http.server`` on 127.0.0.1 and a free port serves it; Playwright
drives Debian's chromium against that server, and each page records console
errors and failed requests so every test can assert there were none.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.conftest import BUNDLED, run_cli

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled content, built once into a temporary ``site/``."""
    out = tmp_path_factory.mktemp("bundled") / "site"
    result = run_cli("build", "--content", BUNDLED, "--out", out)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        del format, args


@pytest.fixture(scope="session")
def server(built_site: Path) -> Iterator[str]:
    """Base URL of a real HTTP server on 127.0.0.1 serving the built site."""
    handler = functools.partial(_Quiet, directory=str(built_site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists() or shutil.which("chromium") is None:
        pytest.fail("Debian chromium is missing: apt-get install -y chromium (make test installs it)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class Problems:
    """What went wrong while a page loaded: console errors, uncaught exceptions, failed requests."""

    console: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def assert_none(self) -> None:
        assert not self.console, f"console errors: {self.console}"
        assert not self.failed, f"failed requests: {self.failed}"


@pytest.fixture
def page(browser: Browser) -> Iterator[tuple[Page, Problems]]:
    """A fresh browser page and the problems it records."""
    context = browser.new_context(locale="zh-CN")
    tab = context.new_page()
    problems = Problems()
    tab.on("console", lambda msg: problems.console.append(msg.text) if msg.type == "error" else None)
    tab.on("pageerror", lambda error: problems.console.append(str(error)))
    tab.on("requestfailed", lambda request: problems.failed.append(f"{request.url} {request.failure}"))
    tab.on("response", lambda response: problems.failed.append(f"{response.url} {response.status}")
           if response.status >= 400 else None)
    try:
        yield tab, problems
    finally:
        context.close()
