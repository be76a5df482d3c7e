"""Reading inputs and writing outputs for the command line: errors as one line, no half files."""

from __future__ import annotations

import os
import re
import stat
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from voortgang.errors import InputError


def read_file(path: Path) -> bytes:
    """The bytes of the file at ``path``; InputError, the problem in a few words, where there
    are none to read."""
    try:
        return path.read_bytes()
    except IsADirectoryError:
        raise InputError("is a directory") from None
    except FileNotFoundError:
        raise InputError("no such file") from None
    except OSError as error:
        raise InputError(error.strerror or str(error)) from None


def report_files(folder: Path, suffixes: Sequence[str]) -> list[Path]:
    """The files directly in ``folder`` whose names end in one of ``suffixes`` (in any case),
    sorted by name, and links to nothing among them. Subfolders are not entered, and hidden
    files (``.name``: editors' lock files, macOS's ``._report.pdf``, a half-written output)
    are left out. InputError, naming
    the folder, where it holds none."""
    try:
        entries = [entry for entry in folder.iterdir() if not entry.name.startswith(".")]
    except OSError as error:
        problem = f"cannot list the folder ({error.strerror or error})"
        raise InputError(problem, str(folder)) from None
    # A broken link is kept, to be told as a file not there rather than silently skipped.
    readable = (e for e in entries if e.is_file() or (e.is_symlink() and not e.exists()))
    found = sorted(e for e in readable if e.suffix.lower() in suffixes)
    if not found:
        problem = f"a folder with no {', '.join(suffixes[:-1])} or {suffixes[-1]} files in it"
        if any(entry.is_dir() for entry in entries):
            problem += " (its subfolders are not read)"
        raise InputError(problem, str(folder))
    return found


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


# Names of this process's open file descriptors, written through the descriptor itself.
DESCRIPTOR_NAME = re.compile(r"/dev/(stdout|stderr|fd/(\d+))|/proc/self/fd/(\d+)")


def check_output(path: Path) -> None:
    """Raise OutputError now for an output path that can never be written (a directory), so
    that a bad ``-o`` is told before any input is read."""
    if path.is_dir():
        raise OutputError(f"{path}: is a directory")
    _refuse_unwritable(path)


def _refuse_unwritable(path: Path) -> None:
    """OutputError for a file there that this user may not write: replacing it through a
    rename would succeed where the folder is writable, but a shell's redirect is refused, and
    so is -o."""
    try:
        writable = not path.exists() or os.access(path, os.W_OK)
    except OSError:
        return  # told when it is written
    if not writable:
        raise OutputError(f"{path}: cannot write (permission denied)")


def write_output(path: Path, text: str) -> None:
    """Write ``text`` to ``path``: a regular file (or a new one) is replaced atomically, through
    a temporary file renamed into place; a FIFO, a device or a name of an open descriptor
    (``/dev/stdout``) is written in place, as a rename would replace the FIFO or device itself
    with a file."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as error:
        raise OutputError(f"{path}: cannot write here ({error.strerror or error})") from None
    if mode is not None and stat.S_ISDIR(mode):
        raise OutputError(f"{path}: is a directory")
    if descriptor := DESCRIPTOR_NAME.fullmatch(str(path)):
        _write_to_descriptor(path, _descriptor_number(descriptor), text)
    elif mode is not None and not stat.S_ISREG(mode):
        try:
            with path.open("w", encoding="utf-8") as file:
                file.write(text)
        except OSError as error:
            raise OutputError(f"{path}: cannot write ({error.strerror or error})") from None
    else:
        write_atomically(path, text)


def _descriptor_number(match: re.Match[str]) -> int:
    name, number, proc_number = match.groups()
    return {"stdout": 1, "stderr": 2}.get(name) or int(number or proc_number)


def _write_to_descriptor(path: Path, descriptor: int, text: str) -> None:
    """Write where the descriptor's stream is, at its offset, as a shell redirection does:
    opening /proc/self/fd/1 anew would truncate a redirected file or write over what follows."""
    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    try:
        with os.fdopen(os.dup(descriptor), "w", encoding="utf-8") as file:
            file.write(text)
    except OSError as error:
        raise OutputError(f"{path}: cannot write ({error.strerror or error})") from None


def write_atomically(path: Path, text: str | bytes) -> None:
    """Write ``text`` (or bytes) to ``path`` through a temporary file beside it, renamed into
    place, so a failure leaves neither a partial file nor a damaged old one."""
    target = path.resolve()
    _refuse_unwritable(target)
    try:
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    except OSError as error:
        raise OutputError(f"{path}: cannot write here ({error.strerror or error})") from None
    try:
        if isinstance(text, bytes):
            with os.fdopen(handle, "wb") as binary:
                binary.write(text)
        else:
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
