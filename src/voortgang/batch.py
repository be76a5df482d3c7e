"""One function over many inputs: in worker processes or in this one, the outcomes in input
order whatever order they finish in, a failure captured per input instead of ending the rest.

Reading a PDF is CPU-bound Python, so the workers are processes; the function, its inputs and
its results cross to and from them by pickle (module-level functions, pydantic records).
"""

from __future__ import annotations

import multiprocessing
import signal
import threading
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


@dataclass(frozen=True)
class WithinTime:
    """``function`` with a time limit per call (see ``deadline``); it pickles, so that it
    reaches worker processes."""

    function: Callable[[Any], Any]
    seconds: float | None

    def __call__(self, item: Any) -> Any:
        with deadline(self.seconds):
            return self.function(item)


def attempt(function: Callable[[T], R], name: str, item: T) -> R | Failure:
    """``function(item)``, or the Failure it ended in; ``name`` names the item in the message
    where the error does not."""
    try:
        return function(item)
    except TimedOut as error:
        return Failure(f"{name}: not read within {error.seconds:g} s (--timeout)")
    except InputError as error:
        return Failure(str(error) if error.path is not None else f"{name}: {error}")
    except Exception as error:
        message = f"{name}: internal error: {error!r} (run with -v for the traceback)"
        return Failure(message, traceback.format_exc())


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
) -> Generator[R | Failure, None, None]:
    """``function`` applied to each item, as outcomes in the order of ``items``.

    With ``jobs`` above 1 and more than one item, ``jobs`` worker processes (at most one per
    item) run it, each after ``worker_setup``; else it runs here, one item after the other.
    ``progress``, a console, shows a transient bar on it counting the items done. Ctrl-C
    raises KeyboardInterrupt here, once the workers, which get it too, have stopped.
    ``timeout``: seconds an item may take; one that takes longer is a Failure naming it.
    """
    if timeout:
        function = WithinTime(function, timeout)
    if jobs <= 1 or len(items) <= 1:
        with _progress_bar(progress, description, len(items)) as advance:
            for item in items:
                outcome = attempt(function, name(item), item)
                advance()
                yield outcome
        return
    bar = partial(_progress_bar, progress, description, len(items))
    yield from _in_pools(function, items, jobs, name, worker_setup, bar)


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
    function: Callable[[T], R], name: str, item: T, index: int
) -> R | Failure | Interrupted:
    if _worker["interrupted"]:
        return Interrupted()
    started = _worker["started"]
    if started is not None:
        started[index] = STARTED
    _worker["in_item"] = True
    try:
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
