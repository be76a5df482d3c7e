"""The command line: thin wrappers that read inputs, call the library and print records.

``app`` holds the group and the console script; ``commands`` a module per command;
``options`` the option decorators they share; ``output`` --format and -o over the format
registry of ``voortgang.export.formats``; ``console`` the terminal side (progress, Ctrl-C);
``settings`` what a command says on stderr.
"""

from voortgang.cli import commands as _commands  # noqa: F401  (registers the commands)
from voortgang.cli.app import main, run
from voortgang.cli.console import terminal

__all__ = ["main", "run", "terminal"]
