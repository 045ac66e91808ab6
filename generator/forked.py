"""Share CPU-bound work over a large in-memory state among forked processes.

Checking rules and rendering pages read the whole corpus: pickling it to
spawned workers would cost more than the work. A fork shares it copy-on-write
(collection is paused or the heap frozen, see :mod:`generator.render.heap`, so
the collector does not touch every object in every child). Each child does its
share, sends the result back through a pipe (pickled: it is this very program
talking to its own fork, nothing else writes that pipe) and leaves with
``os._exit``, so none
of the parent's clean-up (staging directories, caches) ever runs in a child;
a child also dies with its parent, so a killed build leaves no worker behind.
"""

from __future__ import annotations

import ctypes
import os
import pickle
import signal
import traceback
from collections.abc import Callable
from typing import Any, TypeVar

R = TypeVar("R")
_PR_SET_PDEATHSIG = 1


class WorkerFailed(RuntimeError):
    """A forked worker raised; the message is its traceback."""


def forked(count: int, work: Callable[[int], Any], merge: Callable[[list[Any]], R]) -> R:
    """``merge([work(0), …, work(count - 1)])``, share 0 in this process and the others in forked children.

    ``work`` must return picklable data.
    """
    children: list[tuple[int, int]] = []
    try:
        for share in range(1, count):
            children.append(_start(share, work))
        results = [work(0)]
        while children:
            pid, fd = children.pop(0)
            results.append(_collect(pid, fd))
        return merge(results)
    finally:
        for pid, fd in children:
            _stop(pid, fd)


def _start(share: int, work: Callable[[int], Any]) -> tuple[int, int]:
    read, write = os.pipe()
    pid = os.fork()
    if pid:
        os.close(write)
        return pid, read
    os.close(read)
    code = 1
    try:
        _die_with_parent()
        payload = pickle.dumps({"result": work(share)}, protocol=pickle.HIGHEST_PROTOCOL)
        code = 0
    except BaseException:  # the traceback goes to the parent, which raises WorkerFailed
        payload = pickle.dumps({"error": traceback.format_exc()})
    finally:
        with os.fdopen(write, "wb") as pipe:
            pipe.write(payload)
        os._exit(code)


def _collect(pid: int, fd: int) -> Any:
    with os.fdopen(fd, "rb") as pipe:
        payload = pipe.read()
    _, status = os.waitpid(pid, 0)
    try:
        message = pickle.loads(payload)
    except (pickle.UnpicklingError, EOFError, ValueError):
        message = {"error": f"worker {pid} ended with status {status} and no result"}
    if "result" not in message or status != 0:
        raise WorkerFailed(message.get("error", f"worker {pid} ended with status {status}"))
    return message["result"]


def _stop(pid: int, fd: int) -> None:
    """Kill and reap a child whose result is no longer wanted (the parent failed first)."""
    os.close(fd)
    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except ChildProcessError:
        return
    except ProcessLookupError:
        os.waitpid(pid, 0)


def _die_with_parent() -> None:
    """Ask Linux to kill this child if the build process dies (a SIGKILLed build must not leave workers)."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        return
