"""One function over many inputs: in worker processes or in this one, the outcomes in input
order whatever order they finish in, a failure captured per input instead of ending the rest.

Reading a PDF is CPU-bound Python, so the workers are processes; the function, its inputs and
its results cross to and from them by pickle (module-level functions, pydantic records).
"""

from __future__ import annotations

import signal
import traceback
from collections import deque
from collections.abc import Callable, Generator, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from typing import TypeVar

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from voortgang.errors import InputError

T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True)
class Failure:
    """Why one input gave no result: one line naming it, for the user, and for an internal
    error (a bug of ours) the traceback, formatted where it happened, in the worker."""

    message: str
    traceback: str | None = None


def attempt(function: Callable[[T], R], name: str, item: T) -> R | Failure:
    """``function(item)``, or the Failure it ended in; ``name`` names the item in the message
    where the error does not."""
    try:
        return function(item)
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
) -> Generator[R | Failure, None, None]:
    """``function`` applied to each item, as outcomes in the order of ``items``.

    With ``jobs`` above 1 and more than one item, ``jobs`` worker processes (at most one per
    item) run it, each after ``worker_setup``; else it runs here, one item after the other.
    ``progress``, a console, shows a transient bar on it counting the items done. Ctrl-C
    raises KeyboardInterrupt here, once the workers, which get it too, have stopped.
    """
    if jobs <= 1 or len(items) <= 1:
        with _progress_bar(progress, description, len(items)) as advance:
            for item in items:
                outcome = attempt(function, name(item), item)
                advance()
                yield outcome
        return
    pool = ProcessPoolExecutor(
        max_workers=min(jobs, len(items)), initializer=_start_worker, initargs=(worker_setup,)
    )
    try:
        futures: deque[tuple[str, Future[R | Failure | Interrupted]]] = deque()
        with _interrupts_held():  # the workers start here
            for item in items:
                label = name(item)
                futures.append((label, pool.submit(_attempt_in_worker, function, label, item)))
        # The bar's thread starts after the workers: forking a process that runs threads can
        # leave a lock held in the child.
        with _progress_bar(progress, description, len(items)) as advance:
            for _, future in futures:
                future.add_done_callback(lambda _: advance())
            while futures:
                yield _outcome(*futures.popleft())
    finally:
        # Waits for the workers, which after Ctrl-C is a moment (see below). Not waiting
        # leaves the pool's threads to end while the interpreter does, which in Python 3.11
        # can print an OSError from the pool's atexit hook.
        pool.shutdown(cancel_futures=True)


# Ctrl-C reaches every process of the terminal's process group. In a worker it stops the item
# being read and skips the ones queued for it (the pool can no longer cancel those), each
# answered with Interrupted(); the main process, which got it too, ends the batch. A worker is
# never interrupted outside an item: a KeyboardInterrupt while it waits prints a traceback,
# and one while it sends a result back leaves half a message in the pipe, on which the pool
# hangs for good.
class Interrupted:
    """What a worker answers for an item after Ctrl-C."""


_worker = {"interrupted": False, "in_item": False}


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


def _start_worker(setup: Callable[[], None] | None) -> None:
    signal.signal(signal.SIGINT, _on_interrupt)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    if setup is not None:
        setup()


def _on_interrupt(*_: object) -> None:
    _worker["interrupted"] = True
    if _worker["in_item"]:
        raise KeyboardInterrupt


def _attempt_in_worker(function: Callable[[T], R], name: str, item: T) -> R | Failure | Interrupted:
    if _worker["interrupted"]:
        return Interrupted()
    _worker["in_item"] = True
    try:
        return attempt(function, name, item)
    except KeyboardInterrupt:
        return Interrupted()
    finally:
        _worker["in_item"] = False


def _outcome(name: str, future: Future[R | Failure | Interrupted]) -> R | Failure:
    try:
        outcome = future.result()
    except BrokenProcessPool:
        # A worker that died (killed, out of memory) takes its pool with it: every input not
        # done by then is told, none is silently lost.
        return Failure(f"{name}: not read: a worker process ended abruptly (killed?)")
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
    columns = (TextColumn(description), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task(description, total=total)
        yield partial(progress.advance, task)
