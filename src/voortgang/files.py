"""Reading inputs and writing outputs for the command line: errors as one line, no half files."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from voortgang.errors import InputError


def read_input(name: str) -> bytes:
    """The bytes of the file ``name``, or of standard input for ``-``."""
    if name == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(name).read_bytes()
    except IsADirectoryError:
        raise InputError("is a directory") from None
    except FileNotFoundError:
        raise InputError("no such file") from None
    except OSError as error:
        raise InputError(error.strerror or str(error)) from None


class OutputError(Exception):
    """The output file cannot be written; the message is one line, meant for the user."""


def _mode_for(path: Path) -> int:
    """The permissions a new file gets (the umask's), or the ones the file it replaces had."""
    try:
        return path.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file beside it, renamed into place, so a
    failure leaves neither a partial file nor a damaged old one."""
    target = path.resolve()
    try:
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    except OSError as error:
        raise OutputError(f"{path}: cannot write here ({error.strerror or error})") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        Path(temporary).chmod(_mode_for(target))
        Path(temporary).replace(target)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise OutputError(f"{path}: cannot write ({error.strerror or error})") from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
