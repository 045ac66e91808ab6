"""The preview's HTTP server: files of the last good build, plus the event stream and the overlay.

Bound to 127.0.0.1 only. Paths are resolved inside the preview directory (no
``..``, no symlink out); HTML gets the reload snippet as it is sent.
"""

from __future__ import annotations

import mimetypes
import posixpath
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from generator.serve import inject
from generator.serve.preview import Preview

HOST = "127.0.0.1"
_TYPES = {
    ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
    ".js": "application/javascript; charset=utf-8", ".json": "application/json; charset=utf-8",
    ".csv": "text/csv; charset=utf-8", ".txt": "text/plain; charset=utf-8", ".svg": "image/svg+xml",
    ".pdf": "application/pdf", ".wasm": "application/wasm", ".pagefind": "application/octet-stream",
    ".pf_meta": "application/octet-stream", ".pf_fragment": "application/octet-stream",
    ".pf_index": "application/octet-stream",
}
_KEEPALIVE_SECONDS = 10.0


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, preview: Preview, port: int) -> None:
        self.preview = preview
        super().__init__((HOST, port), _Handler)

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.server_address[1]}/"


class _Handler(BaseHTTPRequestHandler):
    server: PreviewServer

    def log_message(self, format: str, *args: object) -> None:
        """Requests are not logged: the terminal shows rebuilds and errors only."""

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        path = unquote(urlsplit(self.path).path)
        if path.startswith(inject.PREFIX):
            self._preview_file(path.removeprefix(inject.PREFIX))
            return
        outcome = self.server.preview.outcome
        if not outcome.built:
            self._send(HTTPStatus.OK, "text/html; charset=utf-8", inject.error_page(outcome, self._lang))
            return
        target = self._resolve(path)
        if isinstance(target, str):
            self.send_response(HTTPStatus.MOVED_PERMANENTLY)
            self.send_header("Location", target)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        status = HTTPStatus.OK
        if target is None:
            status, target = HTTPStatus.NOT_FOUND, self._root / "404.html"
            if not target.is_file():
                self._send(status, "text/plain; charset=utf-8", "404 页面不存在 / not found".encode())
                return
        self._file(status, target)

    @property
    def _root(self) -> Path:
        return self.server.preview.root

    @property
    def _lang(self) -> str:
        return self.server.preview.settings.lang

    def _resolve(self, path: str) -> Path | str | None:
        """The file to send, a redirect location (directory without ``/``), or None."""
        clean = posixpath.normpath("/" + path.lstrip("/"))
        if "\x00" in clean or any(part == ".." for part in clean.split("/")):
            return None
        root = self._root.resolve()
        candidate = (root / clean.lstrip("/")).resolve()
        if not candidate.is_relative_to(root):
            return None
        if candidate.is_dir():
            if not path.endswith("/"):
                return path + "/"
            candidate = candidate / "index.html"
        return candidate if candidate.is_file() else None

    def _file(self, status: HTTPStatus, file: Path) -> None:
        try:
            data = file.read_bytes()
        except OSError:
            self._send(HTTPStatus.NOT_FOUND, "text/plain; charset=utf-8", b"not found")
            return
        kind = _TYPES.get(file.suffix.lower()) or mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        if file.suffix.lower() in (".html", ".htm"):
            data = inject.into_html(data, self.server.preview.outcome, self._lang)
        self._send(status, kind, data)

    def _preview_file(self, name: str) -> None:
        if name == "events":
            self._events()
        elif name == "reload.js":
            self._send(HTTPStatus.OK, "application/javascript; charset=utf-8", inject.SCRIPT.encode())
        elif name == "overlay.css":
            self._send(HTTPStatus.OK, "text/css; charset=utf-8", inject.STYLE.encode())
        else:
            self._send(HTTPStatus.NOT_FOUND, "text/plain; charset=utf-8", b"not found")

    def _send(self, status: HTTPStatus, kind: str, data: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def _events(self) -> None:
        """Server-Sent Events: the current generation at once, then each new one as builds finish."""
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        preview = self.server.preview
        seen: int | None = None
        try:
            while not preview.closed:
                outcome = preview.wait(seen, _KEEPALIVE_SECONDS)
                if outcome.generation != seen:
                    seen = outcome.generation
                    self.wfile.write(f"data: {seen}\n\n".encode())
                else:
                    self.wfile.write(b": keep-alive\n\n")
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            return
