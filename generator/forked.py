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

Sharing is not free: reading an object writes its reference count, so every
page of the heap a child reads from is copied into it, and a child that reads
half a province's records holds half a gigabyte of copies. :func:`forked`
suits two long calls (rules beside scoring); :func:`forked_map` cuts a long
job into many short calls, one child each, whose copies go as each ends.
"""

from __future__ import annotations

import ctypes
import gc
import os
import pickle
import select
import signal
import traceback
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

R = TypeVar("R")
_PR_SET_PDEATHSIG = 1


class WorkerFailed(RuntimeError):
    """A forked worker raised; the message is its traceback. ``interrupted``: it was stopped by Ctrl+C (which
    reaches the whole process group), not by a bug."""

    def __init__(self, message: str, *, interrupted: bool = False) -> None:
        super().__init__(message)
        self.interrupted = interrupted


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


def in_child(work: Callable[[], R]) -> R:
    """``work()`` in a forked child: whatever it allocates goes when the child ends, and only its (picklable)
    result comes back."""
    result: R = _collect(*_start(0, lambda _: work()))
    return result


def forked_map(work: Callable[[int], Any], count: int, processes: int) -> list[Any]:
    """``[work(0), …, work(count - 1)]``: ``work(0)`` in this process, the others each in a child forked for it
    alone, at most ``processes`` children at a time.

    The first children start before ``work(0)`` runs, so it should be short (this process collects no result
    and starts no child meanwhile). A child lives for one call, so its copies of the shared heap (see the
    module docstring) never outlive it: a long job cut into many calls holds at most ``processes`` calls'
    worth of copies at a time. ``work`` must return picklable data.
    """
    results: dict[int, Any] = {}
    running: dict[int, tuple[int, int, bytearray]] = {}
    waiting = iter(range(1, count))
    try:
        _fill(running, waiting, work, processes)
        results[0] = work(0)
        while running:
            ready, _, _ = select.select(list(running), [], [])
            for fd in ready:
                index, pid, payload = running[fd]
                data = os.read(fd, 1 << 20)
                if data:
                    payload += data
                    continue
                del running[fd]
                os.close(fd)
                results[index] = _result(pid, bytes(payload))
            _fill(running, waiting, work, processes)
        return [results[index] for index in range(count)]
    finally:
        for fd, (_, pid, _) in running.items():
            _stop(pid, fd)


def _fill(running: dict[int, tuple[int, int, bytearray]], waiting: Iterator[int], work: Callable[[int], Any],
          processes: int) -> None:
    """Start children for the next calls until ``processes`` run (keyed by the pipe each answers on)."""
    while len(running) < processes and (index := next(waiting, None)) is not None:
        pid, fd = _start(index, work)
        running[fd] = (index, pid, bytearray())


def _start(share: int, work: Callable[[int], Any]) -> tuple[int, int]:
    read, write = os.pipe()
    parent = os.getpid()
    pid = os.fork()
    if pid:
        os.close(write)
        return pid, read
    os.close(read)
    code = 1
    try:
        _die_with_parent(parent)
        result = work(share)
        gc.disable()  # the child is about to leave: a collection of the heap it inherited would be wasted
        payload = pickle.dumps({"result": result}, protocol=pickle.HIGHEST_PROTOCOL)
        code = 0
    except BaseException as exc:  # the traceback goes to the parent, which raises WorkerFailed
        payload = pickle.dumps({"error": traceback.format_exc(), "interrupted": isinstance(exc, KeyboardInterrupt)})
    finally:
        with os.fdopen(write, "wb") as pipe:
            pipe.write(payload)
        os._exit(code)


def _collect(pid: int, fd: int) -> Any:
    """Wait for the child's result; if this process is interrupted meanwhile, the child is stopped first."""
    try:
        with os.fdopen(fd, "rb", closefd=False) as pipe:
            payload = pipe.read()
    except BaseException:
        _stop(pid, fd)
        raise
    os.close(fd)
    return _result(pid, payload)


def _result(pid: int, payload: bytes) -> Any:
    """The child's result from what it sent, once it has ended; :class:`WorkerFailed` if it raised or died."""
    _, status = os.waitpid(pid, 0)
    try:
        message = pickle.loads(payload)
    except (pickle.UnpicklingError, EOFError, ValueError):
        message = {"error": f"worker {pid} ended with status {status} and no result"}
    if "result" not in message or status != 0:
        raise WorkerFailed(message.get("error", f"worker {pid} ended with status {status}"),
                           interrupted=message.get("interrupted", False))
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


def _die_with_parent(parent: int) -> None:
    """Ask Linux to kill this child if the build process dies (a SIGKILLed build must not leave workers).

    The request covers only deaths after it is made: a parent killed between the fork and the request has
    already left this child to another parent, and the child ends itself.
    """
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:
        os._exit(1)
