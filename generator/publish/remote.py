"""A target on the intranet web server, reached as ``user@host:/path``: rsync for bytes, ssh for the rest.

The same layout and rules as :mod:`generator.publish.local`; every remote step
is one short POSIX shell script (paths quoted with :func:`shlex.quote`, release
names checked against our pattern first). Transfers use rsync's
``--link-dest`` with checksums, so unchanged files are hard links to the
previous release and only changed files cross the network. With ``host=None``
the same scripts and rsync run against a local path, which is how this store
is tested without an ssh server.
"""

from __future__ import annotations

import shlex
import subprocess
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from generator.output import MARKER
from generator.publish.errors import PublishError
from generator.publish.manifest import MANIFEST, RELEASE_NAME
from generator.publish.store import INCOMING, MARKER_TEXT, TARGET_MARKER, linked_release

SSH = ("ssh", "-o", "BatchMode=yes", "-o", "ConnectTimeout=15")
_TIMEOUT = 3600


class RsyncStore:
    def __init__(self, path: str, host: str | None = None, ssh: Sequence[str] = SSH) -> None:
        self.path = path.rstrip("/") or "/"
        self.host = host
        self.ssh = tuple(ssh)
        self.q = shlex.quote(self.path)

    def describe(self) -> str:
        return f"{self.host}:{self.path}" if self.host else self.path

    def server_path(self) -> str:
        return self.path

    def _argv(self, script: str) -> list[str]:
        command = f"sh -c {shlex.quote(script)}"
        return [*self.ssh, self.host, command] if self.host else ["sh", "-c", script]

    def _run(self, script: str) -> str:
        try:
            result = subprocess.run(self._argv(script), capture_output=True, text=True, timeout=_TIMEOUT, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise _failed(self.describe(), str(exc)) from None
        if result.returncode != 0:
            raise _failed(self.describe(), result.stderr.strip() or f"exit {result.returncode}")
        return result.stdout

    @contextmanager
    def lock(self) -> Iterator[None]:
        """``flock`` on the target directory, held by a remote process for as long as our ssh session lives."""
        script = f"mkdir -p {self.q} && exec flock -n {self.q} sh -c 'echo locked; exec cat >/dev/null'"
        holder = subprocess.Popen(self._argv(script), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True)
        assert holder.stdout is not None and holder.stdin is not None
        try:
            if holder.stdout.readline().strip() != "locked":
                holder.wait(timeout=60)
                detail = holder.stderr.read().strip() if holder.stderr else ""
                raise PublishError(
                    f"无法锁定 {self.describe()}：另一个发布正在进行，或服务器缺少 flock 命令。{detail}",
                    f"cannot lock {self.describe()}: another publish is running, or flock is missing. {detail}",
                )
            yield
        finally:
            holder.stdin.close()
            holder.wait(timeout=60)
            for stream in (holder.stdout, holder.stderr):
                if stream:
                    stream.close()

    def prepare(self) -> None:
        t = self.q
        status = self._run(
            f"if [ -e {t} ] && [ ! -d {t} ]; then echo NOTDIR; exit 0; fi\n"
            f"mkdir -p {t}\n"
            f"if [ ! -e {t}/{TARGET_MARKER} ]; then\n"
            f"  if [ -n \"$(ls -A {t})\" ]; then echo FOREIGN; exit 0; fi\n"
            f"  printf %s {shlex.quote(MARKER_TEXT)} > {t}/{TARGET_MARKER}\n"
            "fi\n"
            f"if [ -e {t}/current ] && [ ! -L {t}/current ]; then echo REALDIR; exit 0; fi\n"
            f"mkdir -p {t}/releases\n"
            f"rm -rf {t}/releases/{INCOMING}[0-9][0-9][0-9][0-9]*\n"
            f"find {t} -maxdepth 1 -name '.current.[0-9]*' -type l -delete\n"
            "echo OK\n"
        ).strip()
        if status == "OK":
            return
        where = self.describe()
        raise {
            "NOTDIR": PublishError(f"{where} 不是目录。", f"{where} is not a directory."),
            "REALDIR": PublishError(f"{where}/current 是普通目录而不是符号链接，本程序不会替换它。",
                                    f"{where}/current is a real directory, not a symlink; it will not be replaced."),
        }.get(status, PublishError(
            f"拒绝发布到 {where}：目录不是空的，也不是本程序创建的（缺少 {TARGET_MARKER}）。请指定新的或空的目录。",
            f"refusing to publish to {where}: not empty and not created by this program (no {TARGET_MARKER}).",
        ))

    def releases(self) -> list[str]:
        listing = self._run(f"ls -1A {self.q}/releases 2>/dev/null || true")
        return [name for name in listing.split() if RELEASE_NAME.match(name)]

    def current(self) -> str | None:
        return linked_release(self.link(), self.path)

    def link(self) -> str | None:
        head, _, target = self._run(f"if [ -L {self.q}/current ]; then echo link; readlink {self.q}/current; fi"
                                    ).partition("\n")
        return target.rstrip("\n") if head == "link" else None

    def on_target(self, script: str) -> str:
        return f"ssh {shlex.quote(self.host)} {shlex.quote(script)}" if self.host else script

    def manifest_text(self, release: str) -> str | None:
        path = f"{self.q}/releases/{_checked(release)}/{MANIFEST}"
        out = self._run(f"if [ -f {path} ]; then echo present; cat {path}; fi")
        head, _, text = out.partition("\n")
        return text if head == "present" else None

    def intact(self, release: str) -> bool:
        folder = f"{self.q}/releases/{_checked(release)}"
        listed = f"$(grep -c . {MANIFEST})"
        return self._run(
            f"cd {folder} 2>/dev/null && sha256sum -c {MANIFEST} >/dev/null 2>&1 "
            f"&& [ \"$(find . ! -type d ! -name {MANIFEST} | wc -l)\" -eq \"{listed}\" ] && echo OK || true"
        ).strip() == "OK"

    def upload(self, site: Path, release: str, base: str | None) -> None:
        incoming = f"{self.path}/releases/{INCOMING}{_checked(release)}"
        argv = ["rsync", "-rl", "--checksum", "--chmod=D755,F644", f"--exclude=/{MARKER}"]
        if base:
            argv.append(f"--link-dest=../{_checked(base)}")
        if self.host:
            argv += ["-e", shlex.join(self.ssh)]
        argv += [f"{site}/", f"{self.host}:{incoming}/" if self.host else f"{incoming}/"]
        try:
            result = subprocess.run(argv, capture_output=True, text=True, timeout=_TIMEOUT, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise _failed(self.describe(), str(exc)) from None
        if result.returncode != 0:
            raise _failed(self.describe(), result.stderr.strip())
        final = f"{self.q}/releases/{_checked(release)}"
        self._run(f"sync && mv -T {shlex.quote(incoming)} {final}")

    def switch(self, release: str) -> None:
        self._run(f"cd {self.q} && ln -sfn releases/{_checked(release)} .current.$$ && mv -Tf .current.$$ current")

    def remove(self, release: str) -> None:
        self._run(f"rm -rf -- {self.q}/releases/{_checked(release)}")


def _checked(release: str) -> str:
    """Release names are interpolated into shell scripts: only our own pattern is allowed."""
    if not RELEASE_NAME.match(release):
        raise PublishError(f"不是有效的版本名：{release}", f"not a valid release name: {release}")
    return release


def _failed(where: str, detail: str) -> PublishError:
    return PublishError(f"向 {where} 发布失败：{detail}。当前线上版本没有改变。",
                        f"publishing to {where} failed: {detail}. The live release is unchanged.")
