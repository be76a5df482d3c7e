"""The output options of every command that writes records (--format and -o), and where
what it writes goes: one decorator, ``output_options``, over the formats the registry
(``voortgang.export.formats``) has for that kind of record, so that every command chooses a
format from its name or the suffix of -o in the same way, and says the same things when it
cannot."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import wraps
from pathlib import Path
from typing import Any, Generic, TypeVar

import click

from voortgang.cli.console import terminal
from voortgang.cli.settings import Settings
from voortgang.export.formats import Format, Formats, Rendering
from voortgang.files import OutputError, check_output, write_output
from voortgang.terminal import visible

T = TypeVar("T")


@dataclass(frozen=True)
class Choosing:
    """How a command picks its format where --format does not say: ``on_terminal`` and
    ``piped`` without -o (None: --format is needed), ``other_suffix`` for -o whose suffix
    names no format (None: a usage error); ``spoken``, the option messages name."""

    command: str
    on_terminal: str | None
    piped: str | None
    other_suffix: str | None
    spoken: str = "--format"


def short_names(formats: Formats[Any]) -> str:
    """``json|jsonl|csv|md|html``: the shortest name of each format that can be written."""
    return "|".join(min((f.name, *f.aliases), key=len) for f in formats.written())


def choose(
    formats: Formats[T], choosing: Choosing, name: str | None, output: Path | None
) -> Format[T]:
    """The format --format names, else the one -o's suffix picks, else the command's default
    (see ``Choosing``); raises click.UsageError where none is, or where a format for people
    only would go to a file."""
    if name is None and output is None:
        name = choosing.on_terminal if sys.stdout.isatty() else choosing.piped
        if name is None:
            raise click.UsageError(
                f"without -o, {choosing.command} writes to stdout and needs "
                f"{choosing.spoken} {short_names(formats)}"
            )
    if name is None and output is not None:
        by_suffix = formats.by_suffix(output.suffix)
        name = by_suffix.name if by_suffix is not None else choosing.other_suffix
        if name is None:
            raise click.UsageError(
                f"{output}: the suffix {output.suffix or '(none)'} names no format: end OUT in "
                f"{', '.join(formats.suffixes())}, or pass {choosing.spoken} "
                f"{short_names(formats)}"
            )
    assert name is not None
    chosen = formats.get(name)
    if output is not None and chosen.render is None:
        written = [found.name for found in formats.written()]
        listed = ", ".join(written[:-1]) + " or " + written[-1]
        raise click.UsageError(
            f"{choosing.spoken} {chosen.name} prints to the terminal; choose {listed}"
        )
    return chosen


@dataclass(frozen=True)
class Output(Generic[T]):
    """Where a command's records go, and as what: to stdout, or to the file -o names."""

    format: Format[T]
    path: Path | None

    def write(self, values: list[T], rendering: Rendering, settings: Settings, said: str) -> None:
        """``values`` in the format: shown on the terminal in a format for people, else
        written to stdout, or to the file (see ``write_output``), saying on stderr ``said``
        (``36 items``) went there as what; exit 2 where it cannot be written."""
        if self.path is None and self.format.show is not None:
            self.format.show(values, terminal(), rendering)
            return
        assert self.format.render is not None
        rows = ", a row per sub-item" if rendering.explode else ""
        self.write_text(self.format.render(values, rendering), settings, said, rows)

    def stream(self, rendering: Rendering) -> Stream[T] | None:
        """A Stream of the values as they come, where they go to stdout in a format that
        streams or is shown on the terminal; None where they are written at once (to a file,
        atomically, or in a format that is whole only at the end)."""
        streams = self.format.streaming is not None or self.format.show is not None
        return Stream(self, rendering) if self.path is None and streams else None

    def write_text(self, text: str, settings: Settings, said: str, how: str = "") -> None:
        """``text`` to stdout or the file, as ``write`` writes what it renders."""
        if self.path is None:
            # On a terminal, text to read; in a pipe, data kept as it is.
            click.echo(visible(text, keep="\n\t") if sys.stdout.isatty() else text, nl=False)
            return
        try:
            write_output(self.path, text)
        except OutputError as error:
            settings.error(str(error))
            sys.exit(2)
        settings.say(f"wrote {said} to {self.path} as {self.format.name}{how}")


class Stream(Generic[T]):
    """Values written to stdout as they come, in a format that streams (see ``Streaming``)
    or, for people, shown one at a time on the terminal; ``end`` closes what was opened."""

    def __init__(self, output: Output[T], rendering: Rendering) -> None:
        self.output, self.rendering, self.count = output, rendering, 0

    def add(self, value: T) -> None:
        found = self.output.format
        if found.streaming is None:
            assert found.show is not None
            found.show([value], terminal(), self.rendering)
        else:
            _echo(found.streaming.piece(value, self.count, self.rendering))
        self.count += 1

    def end(self) -> None:
        if self.output.format.streaming is not None:
            _echo(self.output.format.streaming.end(self.count, self.rendering))


def _echo(text: str) -> None:
    """Text to stdout: on a terminal, to read; in a pipe, data kept as it is."""
    if text:
        click.echo(visible(text, keep="\n\t") if sys.stdout.isatty() else text, nl=False)


def output_options(
    formats: Formats[Any],
    choosing: Choosing,
    *,
    names: Sequence[str] = ("-f", "--format"),
    format_help: str,
    output_help: str,
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """--format (under ``names``) and -o/--output for a command writing ``formats``: the
    command gets ``output``, an Output, chosen (see ``choose``) and its file checked before
    any input is read; a wrong choice is one line on stderr and exit code 2."""

    def decorate(command: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(command)
        def with_output(
            *args: Any, output_format: str | None, output: Path | None, **kwargs: Any
        ) -> Any:
            settings = click.get_current_context().ensure_object(Settings)
            try:
                chosen = choose(formats, choosing, output_format, output)
                if output is not None:
                    check_output(output)
            except (click.UsageError, OutputError) as error:
                settings.error(str(error))
                sys.exit(2)
            return command(*args, output=Output(chosen, output), **kwargs)

        with_output = click.option(
            "-o", "--output", type=click.Path(path_type=Path), help=output_help
        )(with_output)
        return click.option(
            *names, "output_format", type=click.Choice(formats.names()), help=format_help
        )(with_output)

    return decorate
