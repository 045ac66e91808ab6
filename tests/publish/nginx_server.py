"""A real nginx (Debian's package) for tests: the shipped server block inside a throw-away main config.

It listens on 127.0.0.1 on a free port and keeps its pid, logs and temp files
in the test's directory, so it needs no system configuration and leaves
nothing behind.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from generator.publish.nginx import render

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass(frozen=True)
class Nginx:
    port: int
    workdir: Path

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def error_log(self) -> str:
        path = self.workdir / "error.log"
        return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""


def main_config(workdir: Path, site_conf: Path) -> str:
    temp = "\n".join(f"    {name}_temp_path {workdir / name};" for name in
                     ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    user = "user root root;\n" if os.geteuid() == 0 else ""
    return (
        f"{user}worker_processes 1;\ndaemon off;\npid {workdir / 'nginx.pid'};\n"
        f"error_log {workdir / 'error.log'} warn;\nevents {{ worker_connections 256; }}\n"
        f"http {{\n    access_log off;\n{temp}\n    include {site_conf};\n}}\n"
    )


@contextmanager
def running_nginx(root: Path, workdir: Path) -> Iterator[Nginx]:
    """nginx serving ``root`` (a publish target's ``current``) with the shipped configuration."""
    workdir.mkdir(parents=True, exist_ok=True)
    port = free_port()
    site_conf = workdir / "site.conf"
    site_conf.write_text(render(root, listen=f"127.0.0.1:{port}"), encoding="utf-8")
    conf = workdir / "nginx.conf"
    conf.write_text(main_config(workdir, site_conf), encoding="utf-8")
    test = subprocess.run([NGINX, "-t", "-p", str(workdir), "-c", str(conf), "-e", str(workdir / "error.log")],
                          capture_output=True, text=True, check=False)
    assert test.returncode == 0, test.stderr
    process = subprocess.Popen([NGINX, "-p", str(workdir), "-c", str(conf), "-e", str(workdir / "error.log")],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _wait_for(port, process)
        yield Nginx(port, workdir)
    finally:
        process.terminate()
        process.wait(timeout=10)
        if process.stderr:
            process.stderr.close()


def _wait_for(port: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"nginx exited: {process.stderr.read().decode() if process.stderr else ''}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise AssertionError("nginx did not start listening")
