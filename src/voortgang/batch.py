"""One function over many inputs: in worker processes or in this one, the outcomes in input
order whatever order they finish in, a failure captured per input instead of ending the rest.

Reading a PDF is CPU-bound Python, so the workers are processes; the function, its inputs and
its results cross to and from them by pickle (module-level functions, pydantic records).

Isolated (``isolate``), each input is read in a process forked for it alone, with a ceiling on
its memory (``resource.RLIMIT_AS``) and a watchdog: the process that forked it kills it past
its time, which the timer signal alone cannot do while native code (pdfium) runs. So a file
built to exhaust memory or time costs its own reading only, never the batch or the machine.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import select
import signal
import threading
import time
import traceback
from collections.abc import Callable, Generator, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import AbstractContextManager, ExitStack, contextmanager
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar

from voortgang.errors import InputError

if TYPE_CHECKING:  # rich is imported when a progress bar is shown
    from rich.console import Console

T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True)
class Failure:
    """Why one input gave no result: one line naming it, for the user, and for an internal
    error (a bug of ours) the traceback, formatted where it happened, in the worker."""

    message: str
    traceback: str | None = None


class TimedOut(BaseException):
    """The time for one input is up. A BaseException, so that no library's ``except
    Exception`` (pdfplumber wraps what pdfminer raises) takes it for an error of the file."""

    def __init__(self, seconds: float) -> None:
        super().__init__(seconds)
        self.seconds = seconds


@contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """TimedOut raised in this thread once ``seconds`` have passed (a timer signal, the
    watchdog of the process reading); no limit for None. Where there is no timer signal
    (Windows) or this is not the main thread, no limit either."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not seconds or not usable:
        yield
        return

    def expire(*_: object) -> None:
        raise TimedOut(seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def attempt(
    function: Callable[[T], R],
    name: str,
    item: T,
    *,
    seconds: float | None = None,
    isolate: bool = False,
    memory: int | None = None,
) -> R | Failure:
    """``function(item)``, or the Failure it ended in; ``name`` names the item in the message
    where the error does not. ``seconds``: its time limit (see ``deadline``); ``isolate``:
    run in a process of its own with ``memory`` bytes of address space at most and a
    watchdog (see ``isolated``), where the system can fork."""
    if isolate and _CAN_ISOLATE:
        return isolated(function, name, item, seconds, memory)
    return _attempt_here(function, name, item, seconds, memory)


def _attempt_here(
    function: Callable[[T], R], name: str, item: T, seconds: float | None, memory: int | None
) -> R | Failure:
    try:
        with deadline(seconds):
            return function(item)
    except TimedOut as error:
        return Failure(timed_out(name, error.seconds))
    except InputError as error:
        return Failure(str(error) if error.path is not None else f"{name}: {error}")
    except MemoryError:
        return Failure(out_of_memory(name, memory))
    except Exception as error:
        message = f"{name}: internal error: {error!r} (run with -v for the traceback)"
        return Failure(message, traceback.format_exc())


def timed_out(name: str, seconds: float) -> str:
    return f"{name}: not read within {seconds:g} s (--timeout)"


def out_of_memory(name: str, memory: int | None) -> str:
    if memory is None:
        return f"{name}: not read: the machine's memory ran out"
    return f"{name}: not read within {memory / MEGABYTE:g} MB of memory (--max-memory)"


MEGABYTE = 1024 * 1024
# Seconds the reading's own timer (the timer signal, which ends Python code with the one line
# of --timeout) is given before the watchdog kills the process reading: time for the signal
# to be seen once the native code that held it up returns, not more.
WATCHDOG_GRACE = 2.0
# Share of --max-memory: a reading killed by a signal (pdfium aborts where an allocation
# fails) that held at least this much of its ceiling in memory at its peak ran out of it; one
# that held less ended for another reason, and is told as a process that ended abruptly.
MEMORY_NEAR = 0.5
_CAN_ISOLATE = hasattr(os, "fork") and hasattr(os, "wait4")
_INTERRUPTED = 130  # how a reading process that Ctrl-C ended exits


def isolated(
    function: Callable[[T], R], name: str, item: T, seconds: float | None, memory: int | None
) -> R | Failure:
    """``function(item)`` (or its Failure) in a process forked for it, its address space held
    to ``memory`` bytes (a MemoryError there, or an allocation failing in C, ends it with one
    line naming --max-memory), killed by this process ``WATCHDOG_GRACE`` seconds past
    ``seconds`` if its own timer did not end it. The outcome comes back by pickle."""
    read_end, write_end = os.pipe()
    # Ctrl-C held back across the fork: one that came while the child ran the interpreter's
    # after-fork handlers would raise in them and print "Exception ignored"; each process
    # takes it once its own code runs.
    masking = hasattr(signal, "pthread_sigmask")
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT}) if masking else None
    pid = os.fork()
    if pid == 0:  # the child: read, send the outcome, end without this process's cleanup
        code = 0
        try:
            if held is not None:
                signal.pthread_sigmask(signal.SIG_SETMASK, held)
            os.close(read_end)
            if memory is not None:
                import resource

                _, hard = resource.getrlimit(resource.RLIMIT_AS)
                resource.setrlimit(resource.RLIMIT_AS, (memory, hard))
            outcome = _attempt_here(function, name, item, seconds, memory)
            try:
                payload = pickle.dumps(outcome)
            except Exception as error:
                failure = f"{name}: internal error: {error!r} (run with -v for the traceback)"
                payload = pickle.dumps(Failure(failure, traceback.format_exc()))
            view = memoryview(payload)
            while view:
                view = view[os.write(write_end, view) :]
        except KeyboardInterrupt:
            code = _INTERRUPTED
        except BaseException:
            code = 1
        finally:
            os._exit(code)
    os.close(write_end)
    reaped = False
    try:
        if held is not None:  # a Ctrl-C that came meanwhile ends the child too (finally)
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
        chunks: list[bytes] = []
        until = None if not seconds else time.monotonic() + seconds + WATCHDOG_GRACE
        while True:
            left = None if until is None else max(until - time.monotonic(), 0)
            ready, _, _ = select.select([read_end], [], [], left)
            if not ready:  # past its time, held up where the timer cannot reach
                os.kill(pid, signal.SIGKILL)
                assert seconds is not None
                return Failure(timed_out(name, seconds))
            chunk = os.read(read_end, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
        _, status, usage = os.wait4(pid, 0)
        reaped = True
        if os.WIFEXITED(status) and os.WEXITSTATUS(status) == _INTERRUPTED:
            raise KeyboardInterrupt  # Ctrl-C, which this process may not have seen yet
        try:
            return pickle.loads(b"".join(chunks)) if chunks else _ended(name, status, usage, memory)
        except Exception:  # cut short: the child died while it sent
            return _ended(name, status, usage, memory)
    finally:
        os.close(read_end)
        if not reaped:
            try:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass


def _ended(name: str, status: int, usage: Any, memory: int | None) -> Failure:
    """What to say of a reading process that ended without an outcome."""
    peak = usage.ru_maxrss * 1024  # kilobytes, on Linux
    if os.WIFSIGNALED(status) and memory is not None and peak >= MEMORY_NEAR * memory:
        return Failure(out_of_memory(name, memory))
    return Failure(f"{name}: {DIED}")


def ordered_map(
    function: Callable[[T], R],
    items: Sequence[T],
    *,
    jobs: int,
    name: Callable[[T], str] = str,
    worker_setup: Callable[[], None] | None = None,
    progress: Console | None = None,
    description: str = "",
    timeout: float | None = None,
    isolate: bool = False,
    memory: int | None = None,
    preload: Callable[[], None] | None = None,
) -> Generator[R | Failure, None, None]:
    """``function`` applied to each item, as outcomes in the order of ``items``.

    With ``jobs`` above 1 and more than one item, ``jobs`` worker processes (at most one per
    item) run it, each after ``worker_setup``; else it runs here, one item after the other.
    ``progress``, a console, shows a transient bar on it counting the items done. Ctrl-C
    raises KeyboardInterrupt here, once the workers, which get it too, have stopped.
    ``timeout``: seconds an item may take; one that takes longer is a Failure naming it.
    ``isolate``: each item read in a process of its own, with at most ``memory`` bytes of
    address space and a watchdog for its time (see ``isolated``); ``preload``, where there
    are several items, is run once in each process that forks them, so that what it imports
    is imported once, not in each process forked.
    """
    limits = Limits(timeout, isolate, memory)
    if preload is not None and isolate and len(items) > 1:
        worker_setup = partial(_both, preload, worker_setup)
        if jobs <= 1:
            preload()
    if jobs <= 1 or len(items) <= 1:
        with _progress_bar(progress, description, len(items)) as advance:
            for item in items:
                outcome = limits.attempt(function, name(item), item)
                advance()
                yield outcome
        return
    bar = partial(_progress_bar, progress, description, len(items))
    yield from _in_pools(Limited(function, limits), items, jobs, name, worker_setup, bar)


def _both(first: Callable[[], None], then: Callable[[], None] | None) -> None:
    first()
    if then is not None:
        then()


@dataclass(frozen=True)
class Limits:
    """The limits an item is read within (see ``attempt``)."""

    seconds: float | None = None
    isolate: bool = False
    memory: int | None = None

    def attempt(self, function: Callable[[T], R], name: str, item: T) -> R | Failure:
        return attempt(
            function, name, item, seconds=self.seconds, isolate=self.isolate, memory=self.memory
        )


@dataclass(frozen=True)
class Limited:
    """``function`` to be attempted within ``limits`` in a worker; it pickles."""

    function: Callable[[Any], Any]
    limits: Limits


# What a worker marks in the shared array, per item, so that after a worker dies the items it
# may have been reading are known: the others in the queue did not kill it.
NOT_STARTED, STARTED, FINISHED = 0, 1, 2
DIED = "not read: a worker process ended abruptly (killed?)"


def _in_pools(
    function: Callable[[T], R],
    items: Sequence[T],
    jobs: int,
    name: Callable[[T], str],
    worker_setup: Callable[[], None] | None,
    bar: Callable[[], AbstractContextManager[Callable[[], None]]],
) -> Iterator[R | Failure]:
    """The outcomes of ``function`` over ``items``, in their order, read by ``jobs`` workers.

    A worker that dies (killed, out of memory, a crash in a C library) takes its pool with it.
    Then the items that were being read are each read again alone, in a pool of one, and one
    whose lone worker dies too is told as not read; the items done are kept; the rest go to a
    fresh pool. So a dead worker costs the batch its own item at most, never the rest.
    ``bar`` makes the progress bar, started once the first workers are: forking a process
    that runs threads can leave a lock held in the child."""
    with ExitStack() as stack:
        yield from _rounds(function, items, jobs, name, worker_setup, bar, stack)


def _rounds(
    function: Callable[[T], R],
    items: Sequence[T],
    jobs: int,
    name: Callable[[T], str],
    worker_setup: Callable[[], None] | None,
    bar: Callable[[], AbstractContextManager[Callable[[], None]]],
    stack: ExitStack,
) -> Iterator[R | Failure]:
    advance: Callable[[], None] | None = None
    started = multiprocessing.Array("b", len(items), lock=False)
    remaining = list(range(len(items)))  # what is still to be yielded, in order
    known: dict[int, R | Failure] = {}  # outcomes of a broken pool that had come in
    alone: set[int] = set()  # items to read again, each in a pool of its own
    # Each round after the first follows a dead worker; one that finds no item being read
    # (a worker killed between items) could repeat for ever: give up after this many.
    rounds_left = len(items) + 2
    while remaining:
        rounds_left -= 1
        queued = [index for index in remaining if index not in known and index not in alone]
        pool = _pool(min(jobs, len(queued)), worker_setup, started) if queued else None
        futures: dict[int, Future[R | Failure | Interrupted]] = {}
        broken_at = None
        try:
            with _interrupts_held():  # the workers start here
                for index in queued:
                    assert pool is not None
                    futures[index] = pool.submit(
                        _attempt_in_worker, function, name(items[index]), items[index], index
                    )
            if advance is None:
                advance = stack.enter_context(bar())
            for future in futures.values():
                future.add_done_callback(partial(_count_done, advance))
            for position, index in enumerate(remaining):
                if index in known:
                    yield known.pop(index)
                elif index in alone:
                    yield _read_alone(function, items[index], name, worker_setup, started, index)
                    if advance is not None:
                        advance()
                else:
                    try:
                        outcome = _outcome(futures[index])
                    except BrokenProcessPool:
                        broken_at = position
                        break
                    yield outcome
        finally:
            # Waits for the workers, which after Ctrl-C is a moment (see below). Not waiting
            # leaves the pool's threads to end while the interpreter does, which in Python
            # 3.11 can print an OSError from the pool's atexit hook.
            if pool is not None:
                pool.shutdown(cancel_futures=True)
        if broken_at is None:
            return
        remaining = remaining[broken_at:]
        for index in remaining:
            future = futures.get(index)
            if future is None or index in known:
                continue
            if future.done() and not future.cancelled() and future.exception() is None:
                known[index] = _outcome(future)
            elif started[index] == STARTED:
                alone.add(index)
        if rounds_left <= 0 and not alone:
            for index in remaining:
                yield (
                    known.pop(index) if index in known else Failure(f"{name(items[index])}: {DIED}")
                )
                advance()
            return


def _pool(workers: int, setup: Callable[[], None] | None, started: Any) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(
        max_workers=workers, initializer=_start_worker, initargs=(setup, started)
    )


def _count_done(advance: Callable[[], None], future: Future[Any]) -> None:
    """Counts an item done on the bar, unless its pool broke: it is read again."""
    if not future.cancelled() and not isinstance(future.exception(), BrokenProcessPool):
        advance()


def _read_alone(
    function: Callable[[T], R],
    item: T,
    name: Callable[[T], str],
    setup: Callable[[], None] | None,
    started: Any,
    index: int,
) -> R | Failure:
    """``function(item)`` in a worker of its own: the item, not another, if that one dies."""
    pool = _pool(1, setup, started)
    try:
        with _interrupts_held():
            future = pool.submit(_attempt_in_worker, function, name(item), item, index)
        try:
            return _outcome(future)
        except BrokenProcessPool:
            return Failure(f"{name(item)}: {DIED}")
    finally:
        pool.shutdown(cancel_futures=True)


# Ctrl-C reaches every process of the terminal's process group. In a worker it stops the item
# being read and skips the ones queued for it (the pool can no longer cancel those), each
# answered with Interrupted(); the main process, which got it too, ends the batch. A worker is
# never interrupted outside an item: a KeyboardInterrupt while it waits prints a traceback,
# and one while it sends a result back leaves half a message in the pipe, on which the pool
# hangs for good.
class Interrupted:
    """What a worker answers for an item after Ctrl-C."""


_worker: dict[str, Any] = {"interrupted": False, "in_item": False, "started": None}


@contextmanager
def _interrupts_held() -> Iterator[None]:
    """Ctrl-C held back, not lost, while the workers start: each inherits the signal mask and
    takes a Ctrl-C that came meanwhile once it has its handler. (Before, a worker still
    starting printed a KeyboardInterrupt traceback.)"""
    if not hasattr(signal, "pthread_sigmask"):  # Windows
        yield
        return
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _start_worker(setup: Callable[[], None] | None, started: Any) -> None:
    _worker["started"] = started
    signal.signal(signal.SIGINT, _on_interrupt)
    if hasattr(signal, "SIGTERM"):  # the pool ends its workers so; the command's handler not
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    if setup is not None:
        setup()


def _on_interrupt(*_: object) -> None:
    _worker["interrupted"] = True
    if _worker["in_item"]:
        raise KeyboardInterrupt


def _attempt_in_worker(
    function: Callable[[T], R] | Limited, name: str, item: T, index: int
) -> R | Failure | Interrupted:
    if _worker["interrupted"]:
        return Interrupted()
    started = _worker["started"]
    if started is not None:
        started[index] = STARTED
    _worker["in_item"] = True
    try:
        if isinstance(function, Limited):
            return function.limits.attempt(function.function, name, item)
        return attempt(function, name, item)
    except KeyboardInterrupt:
        return Interrupted()
    finally:
        _worker["in_item"] = False
        if started is not None:
            started[index] = FINISHED


def _outcome(future: Future[R | Failure | Interrupted]) -> R | Failure:
    """The future's outcome; BrokenProcessPool where its worker, or another, died."""
    outcome = future.result()
    if isinstance(outcome, Interrupted):  # a worker got Ctrl-C before this process did
        raise KeyboardInterrupt
    return outcome


@contextmanager
def _progress_bar(
    console: Console | None, description: str, total: int
) -> Iterator[Callable[[], None]]:
    """A function that counts one item done: on a transient bar on ``console``, or nowhere."""
    if console is None:
        yield lambda: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn(description), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task(description, total=total)
        yield partial(progress.advance, task)
