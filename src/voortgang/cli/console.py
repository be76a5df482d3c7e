"""The terminal side of a command: its console, the progress bar of a batch, Ctrl-C, and the
exit codes of inputs that could not be read. Reading paths and folders (``voortgang.inputs``)
and the worker pool (``voortgang.batch``) are the library's; this runs them for people."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from contextlib import closing
from functools import partial, wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from voortgang.batch import Failure, attempt, ordered_map
from voortgang.cli.settings import Settings, quiet_pdf_libraries, to_stderr
from voortgang.inputs import Input, gather, preload_readers

if TYPE_CHECKING:  # imported when printing for people (rich)
    from rich.console import Console

R = TypeVar("R")
T = TypeVar("T")


def terminal(force_terminal: bool | None = None, stderr: bool = False) -> Console:
    """The console for people: plain text where NO_COLOR asks for it."""
    from rich.console import Console

    plain = bool(os.environ.get("NO_COLOR"))
    return Console(
        color_system=None if plain else "auto", force_terminal=force_terminal, stderr=stderr
    )


def interruptible(command: Callable[..., None]) -> Callable[..., None]:
    """Ctrl-C ends the command with exit code 130, what a shell reports for it, and nothing
    else: no traceback, no "Aborted!"."""

    @wraps(command)
    def run_command(*args: Any, **kwargs: Any) -> None:
        try:
            command(*args, **kwargs)
        except KeyboardInterrupt:
            if sys.stderr.isatty():
                click.echo(err=True)  # after the ^C the terminal shows
            sys.exit(130)

    return run_command


def run_batch(
    task: Callable[[Input], R],
    names: Sequence[str],
    suffixes: Sequence[str],
    settings: Settings,
    jobs: int,
    description: str,
    on_result: Callable[[R, Console | None], None] | None = None,
) -> tuple[list[R], int]:
    """``task`` applied to each input ``names`` stand for (a folder: its report files), ``jobs``
    at a time: the results in input order, and how many inputs could not be read, each told in
    one line on stderr (a folder without report files first, the others in input order). A
    progress bar on stderr where it is a terminal, for several inputs and without -q.
    ``on_result`` is called with each result in its turn, and the progress bar's console to
    print through while there is one."""
    inputs, problems = gather(names, suffixes)
    for problem in problems:
        settings.error(str(problem))
    quiet_pdf_libraries(settings.verbose)
    show = not settings.quiet and len(inputs) > 1 and sys.stderr.isatty()
    bar = terminal(stderr=True) if show else None
    outcomes = ordered_map(
        task,
        inputs,
        jobs=jobs,
        timeout=settings.timeout,
        isolate=True,
        memory=settings.max_memory,
        preload=partial(preload_readers, {Path(str(item)).suffix for item in inputs}),
        worker_setup=partial(quiet_pdf_libraries, settings.verbose),
        progress=bar,
        description=description,
    )
    results: list[R] = []
    with closing(outcomes):
        for outcome in outcomes:
            if not isinstance(outcome, Failure):
                results.append(outcome)
                if on_result is not None:
                    on_result(outcome, bar)
                continue
            if settings.verbose and outcome.traceback:
                to_stderr(outcome.traceback, bar)
            settings.error(outcome.message, bar)
    return results, len(inputs) + len(problems) - len(results)


def read_one(name: str, settings: Settings, read: Callable[[bytes, str], T]) -> T | None:
    """``read`` applied to one input's bytes and label, in this process (debug and diff read
    one input at a time), or None after saying on stderr why it could not be read, as a
    batch says it."""
    source = Input("<stdin>", sys.stdin.buffer.read()) if name == "-" else Input(name)
    outcome = attempt(
        lambda source: read(source.read(), source.name),
        source.name,
        source,
        seconds=settings.timeout,
        isolate=True,
        memory=settings.max_memory,
    )
    if not isinstance(outcome, Failure):
        return outcome
    if settings.verbose and outcome.traceback:
        to_stderr(outcome.traceback)
    settings.error(outcome.message)
    return None


def several(names: Sequence[str]) -> bool:
    """Whether the inputs are more than one file, so that JSON is an array and tables name
    their file: more than one name, or a folder, however many files are in it."""
    return len(names) > 1 or any(name != "-" and Path(name).is_dir() for name in names)
