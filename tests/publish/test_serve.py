"""The preview server in a real browser: edits show up by themselves, errors as an overlay."""

from __future__ import annotations

import io
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from generator.pipeline import Settings
from generator.serve import Preview, PreviewServer
from tests.conftest import ROOT
from tests.publish.helpers import fetch

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


@pytest.fixture
def server(content: Callable[..., Path]) -> Iterator[tuple[str, Path, subprocess.Popen[str]]]:
    tree = content()
    process = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--content", str(tree), "--port", "0"],
                               cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stdout is not None
    url = ""
    deadline = time.monotonic() + 120
    while not url and time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        match = re.search(r"http://127\.0\.0\.1:\d+/", line)
        url = match.group(0) if match else ""
    assert url, process.stderr.read() if process.stderr else "no URL printed"
    try:
        yield url, tree, process
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=30)
        for stream in (process.stdout, process.stderr):
            if stream:
                stream.close()


@pytest.mark.browser
@pytest.mark.slow
def test_editing_a_record_updates_the_open_page(server: tuple[str, Path, subprocess.Popen[str]]) -> None:
    from playwright.sync_api import sync_playwright

    url, tree, process = server
    branch = tree / "branches" / "fgw-zhc" / "branch.yaml"
    original = branch.read_text(encoding="utf-8")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.goto(url + "branches/fgw-zhc/")
            assert "综合处党支部" in page.inner_text("body")

            branch.write_text(original.replace("综合处党支部", "综合处第二党支部"), encoding="utf-8")
            page.wait_for_function("document.body.innerText.includes('综合处第二党支部')", timeout=60_000)

            branch.write_text(original.replace("unit: fgw", "unit: [fgw"), encoding="utf-8")
            overlay = page.locator("#generator-preview-errors")
            overlay.wait_for(state="visible", timeout=60_000)
            text = overlay.inner_text()
            assert "内容有错误" in text
            assert "content/branches/fgw-zhc/branch.yaml:" in text
            assert "YAML" in text

            branch.write_text(original, encoding="utf-8")
            overlay.wait_for(state="detached", timeout=60_000)
            assert "综合处党支部" in page.inner_text("body")
        finally:
            browser.close()
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=30) == 0


@contextmanager
def serving(preview: Preview) -> Iterator[int]:
    server = PreviewServer(preview, 0)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield int(server.server_address[1])
    finally:
        preview.close()
        server.shutdown()
        server.server_close()
        thread.join()


def test_first_build_with_errors_still_serves_a_readable_page(
    content: Callable[..., Path], tmp_path: Path
) -> None:
    tree = content({"units/fgw.yaml": "name: 发改委\nshort 发改委\n"})
    preview = Preview(Settings(content=tree, out=tmp_path / "preview"), watched=(tree,))
    assert preview.build().problems
    with serving(preview) as port:
        page = fetch(port, "/branches/fgw-zhc/")
        body = page.body.decode("utf-8")
        assert page.status == 200
        assert 'id="generator-preview-errors"' in body
        assert "content/units/fgw.yaml:" in body
        assert "YAML 格式错误" in body
    assert not (tmp_path / "preview").exists(), "a failed build writes no preview files"


def test_serves_the_build_with_the_script_added_only_on_the_way_out(
    content: Callable[..., Path], tmp_path: Path
) -> None:
    out = tmp_path / "preview"
    preview = Preview(Settings(content=content(), out=out), watched=())
    assert not preview.build().problems
    with serving(preview) as port:
        page = fetch(port, "/branches/fgw-zhc/")
        assert page.status == 200
        assert page.headers["content-type"] == "text/html; charset=utf-8"
        assert b'<script src="/_preview/reload.js" data-generation="1"></script></body>' in page.body
        assert b"_preview" not in (out / "branches" / "fgw-zhc" / "index.html").read_bytes()
        assert fetch(port, "/branches/fgw-zhc").status == 301
        for attack in ("/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/static/../../../etc/passwd"):
            response = fetch(port, attack)
            assert response.status == 404, attack
            assert b"root:" not in response.body
        events = fetch_first_event(port)
        assert events == "data: 1"


def fetch_first_event(port: int) -> str:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(b"GET /_preview/events HTTP/1.1\r\nHost: x\r\n\r\n")
        data = b""
        while b"\n\n" not in data.partition(b"\r\n\r\n")[2]:
            data += sock.recv(4096)
    return data.partition(b"\r\n\r\n")[2].decode().strip()


def test_the_terminal_counts_the_compliance_findings_as_check_does(bundled_copy: Path, tmp_path: Path) -> None:
    from generator.pipeline import check
    from generator.report import summary

    log = io.StringIO()
    preview = Preview(Settings(content=bundled_copy, out=tmp_path / "preview", pdf=False), watched=(), log=log)
    outcome = preview.build()
    expected = summary(check(Settings(content=bundled_copy, out=tmp_path / "unused")).diagnostics, "zh")
    assert "合规问题 0 个" not in expected, "the bundled content has findings"
    assert outcome.summary == expected
    assert log.getvalue() == f"预览已更新（1）：{expected}\n"


def _traceback(last: str) -> str:
    return ("Traceback (most recent call last):\n  File \"/work/main/generator/forked.py\", line 118, in _start\n"
            f"    result = work(share)\n{last}\n")


def test_ctrl_c_during_a_rebuild_prints_no_traceback(
    content: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import generator.pipeline
    from generator.forked import WorkerFailed

    log = io.StringIO()
    preview = Preview(Settings(content=content(), out=tmp_path / "preview", pdf=False), watched=(), log=log)
    first = preview.build()

    def interrupted(settings: Settings) -> None:
        raise WorkerFailed(_traceback("KeyboardInterrupt"), interrupted=True)

    monkeypatch.setattr(generator.pipeline, "build", interrupted)
    assert preview.build() == first, "an interrupted rebuild changes nothing"
    assert "Traceback" not in log.getvalue() and "KeyboardInterrupt" not in log.getvalue()


def test_a_failed_worker_is_reported_in_one_line(
    content: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import generator.pipeline
    from generator.forked import WorkerFailed

    def failing(settings: Settings) -> None:
        raise WorkerFailed(_traceback("ValueError: 坏数据"))

    monkeypatch.setattr(generator.pipeline, "build", failing)
    log = io.StringIO()
    outcome = Preview(Settings(content=content(), out=tmp_path / "preview"), watched=(), log=log).build()
    assert [p.message for p in outcome.problems] == ["生成预览时程序内部错误（WorkerFailed：ValueError: 坏数据）"]
    assert "Traceback" not in log.getvalue() and "\n" not in log.getvalue().rstrip("\n")
