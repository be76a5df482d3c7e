"""The ``voortgang`` group, and the console script that runs it: signals, a closed pipe and
standard output that cannot be written, the same for every command."""

from __future__ import annotations

import signal
import sys

import click

from voortgang import __version__
from voortgang.cli.options import common_options, config_options
from voortgang.terminal import (
    OutputStreamError,
    guard_standard_output,
    stop_writing_standard_output,
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]}, no_args_is_help=True)
@click.version_option(__version__, prog_name="voortgang")
@common_options
@config_options
def main() -> None:
    """Turn Dutch government progress reports (voortgangsrapportages) into records."""


def _exit_on_signal(number: int, _: object) -> None:
    sys.exit(128 + number)  # the code a shell reports for a process the signal ended


def run() -> None:
    """The console script. A reader that stops reading (| head) ends it quietly, as it does
    any Unix tool. Standard output that cannot be written (a full disk, ``>&-``) is one
    line on stderr and exit code 2, on every command, never a traceback or exit 0 with the
    output cut short."""
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    # Ended by kill or a closed terminal: exit as Python does on an exception, so that a
    # temporary file of -o is removed on the way (the workers take the default back).
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _exit_on_signal)
    guard_standard_output()
    try:
        try:
            main()
        finally:  # what is still buffered fails here, not unseen at exit
            sys.stdout.flush()
    except OutputStreamError as error:
        stop_writing_standard_output()
        click.echo(f"voortgang: error: {error}", err=True)
        sys.exit(2)
