"""A throw-away OpenSSH server on 127.0.0.1 for the rsync-over-ssh store: own host key, own client key.

It runs in the foreground (``-D``) from a config in the test's directory and
accepts only the generated key. The one system path it needs is sshd's
privilege-separation directory ``/run/sshd``, created as the Debian service would.
"""

from __future__ import annotations

import getpass
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.publish.nginx_server import free_port

SSHD = shutil.which("sshd") or "/usr/sbin/sshd"


@dataclass(frozen=True)
class SshServer:
    host: str
    ssh: tuple[str, ...]


@contextmanager
def running_sshd(workdir: Path) -> Iterator[SshServer]:
    workdir.mkdir(parents=True, exist_ok=True)
    workdir.chmod(0o700)
    Path("/run/sshd").mkdir(mode=0o755, exist_ok=True)
    for name in ("host_key", "client_key"):
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(workdir / name)], check=True)
    authorized = workdir / "authorized_keys"
    shutil.copyfile(workdir / "client_key.pub", authorized)
    authorized.chmod(0o600)
    port = free_port()
    config = workdir / "sshd_config"
    config.write_text(
        f"Port {port}\nListenAddress 127.0.0.1\nHostKey {workdir / 'host_key'}\nPidFile {workdir / 'sshd.pid'}\n"
        f"AuthorizedKeysFile {authorized}\nPasswordAuthentication no\nKbdInteractiveAuthentication no\n"
        "PubkeyAuthentication yes\nPermitRootLogin prohibit-password\nStrictModes no\nUsePAM no\n",
        encoding="utf-8",
    )
    process = subprocess.Popen([SSHD, "-D", "-e", "-f", str(config)], stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    ssh = ("ssh", "-p", str(port), "-i", str(workdir / "client_key"), "-o", "BatchMode=yes",
           "-o", "StrictHostKeyChecking=no", "-o", f"UserKnownHostsFile={workdir / 'known_hosts'}",
           "-o", "LogLevel=ERROR")
    try:
        _wait(port, process)
        yield SshServer(f"{getpass.getuser()}@127.0.0.1", ssh)
    finally:
        process.terminate()
        process.wait(timeout=10)
        if process.stderr:
            process.stderr.close()


def _wait(port: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(process.stderr.read().decode() if process.stderr else "sshd exited")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise AssertionError("sshd did not start listening")
