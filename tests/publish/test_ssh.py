"""The rsync store over a real ssh connection (OpenSSH on 127.0.0.1), quoting and all."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.publish import PublishError, publish, rollback
from generator.publish.remote import RsyncStore
from tests.publish.helpers import verify_release
from tests.publish.ssh_server import SSHD, running_sshd
from tests.publish.test_release import site

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not Path(SSHD).exists() or not shutil.which("rsync"), reason="needs openssh-server and rsync"),
]


def test_publish_and_rollback_over_ssh(tmp_path: Path) -> None:
    target = tmp_path / "web root with spaces & 'quotes'"
    with running_sshd(tmp_path / "sshd") as server:
        def store() -> RsyncStore:
            return RsyncStore(str(target), host=server.host, ssh=server.ssh)

        first = publish(site(tmp_path, "v1"), store(), keep=2)
        second = publish(site(tmp_path, "v2"), store(), keep=2)
        third = publish(site(tmp_path, "v3"), store(), keep=2)
        assert (target / "current").readlink().as_posix() == f"releases/{third.release}"
        assert sorted(p.name for p in (target / "releases").iterdir()) == [second.release, third.release]
        assert third.removed == (first.release,)
        verify_release(target / "current")
        assert (target / "releases" / second.release / "branches/a/index.html").stat().st_ino == (
            target / "releases" / third.release / "branches/a/index.html").stat().st_ino
        assert rollback(store()).release == second.release
        with pytest.raises(PublishError):
            rollback(store())
        unreachable = RsyncStore(str(target), host="nobody@127.0.0.1", ssh=(*server.ssh[:4], "-p", "1"))
        with pytest.raises(PublishError, match=r"live release is unchanged|cannot lock"):
            publish(site(tmp_path, "v4"), unreachable, keep=2)
    assert (target / "current").readlink().as_posix() == f"releases/{second.release}"
