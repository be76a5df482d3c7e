"""What reaches the terminal: text that shows as text, and standard output that fails loudly.

A report's cells, a records file's keys and a file's name are the input's, and may hold
escape sequences (a window title, a clipboard write ``ESC]52;``, a screen clear) or control
characters. ``visible`` is the one function every line meant for people passes through before
it is printed (the table view, ``check``'s and ``validate``'s text output, error and warning
lines): such characters are shown as the escapes Python writes for them (``\\x1b``,
``\\u2028``), never sent raw. Machine formats (JSON, CSV, Markdown, HTML, to a pipe or a file)
are data and keep their text as it is, escaped as their own syntax asks.
"""

from __future__ import annotations

import errno
import io
import os
import re
import sys
from pathlib import Path

# Characters a terminal acts on or that move text about rather than show it: the C0 and C1
# controls and DEL (ESC among them), the line and paragraph separators, and the bidirectional
# controls that make text read in another order than it is written (Trojan Source).
_HIDDEN = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _shown(match: re.Match[str]) -> str:
    character = match.group()
    code = ord(character)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def visible(text: str, keep: str = "") -> str:
    """``text`` with every control, escape and bidirectional character written out as its
    escape (``ESC`` as ``\\x1b``), so that a terminal shows it rather than acts on it; the
    characters in ``keep`` (``"\\n"`` for text of several lines) are left as they are."""
    if keep:
        return "".join(
            part if part in keep else _HIDDEN.sub(_shown, part)
            for part in re.split(f"([{re.escape(keep)}])", text)
        )
    return _HIDDEN.sub(_shown, text)


class OutputStreamError(OSError):
    """Standard output could not be written: a full disk, a closed descriptor, a device that
    failed. ``str()`` is the one line for the user."""

    def __str__(self) -> str:
        return f"cannot write to standard output ({self.strerror or 'write failed'})"


class _Stdout(io.TextIOWrapper):
    """Standard output that tells its own failures apart from every other OSError."""

    def write(self, text: str) -> int:
        try:
            return super().write(text)
        except OSError as error:
            raise OutputStreamError(error.errno, error.strerror) from error

    def flush(self) -> None:
        try:
            super().flush()
        except OSError as error:
            raise OutputStreamError(error.errno, error.strerror) from error


class _ClosedDescriptor(io.RawIOBase):
    """Where standard output goes when the shell closed it (``>&-``): each write fails as a
    write to a closed descriptor does, instead of the output being dropped with exit 0."""

    def writable(self) -> bool:
        return True

    def write(self, _: object) -> int:
        raise OSError(errno.EBADF, os.strerror(errno.EBADF))


def guard_standard_output() -> None:
    """Make a failed write to standard output an ``OutputStreamError``, also where the shell
    closed it. A closed descriptor 1 (and 2) is taken by ``/dev/null``, so that no file this
    process opens later (the temporary file of ``-o``) becomes standard output by accident."""
    closed = []
    for descriptor in (1, 2):
        try:
            os.fstat(descriptor)
        except OSError:
            closed.append(descriptor)
    for descriptor in closed:
        opened = os.open(os.devnull, os.O_WRONLY)
        if opened != descriptor:  # a lower one was free too, and got it
            os.dup2(opened, descriptor)
            os.close(opened)
    if 1 in closed:
        buffer: io.BufferedIOBase = io.BufferedWriter(_ClosedDescriptor())
        encoding, errors, line_buffering = "utf-8", "strict", False
    elif sys.stdout is not None and hasattr(sys.stdout, "buffer"):
        buffer = sys.stdout.buffer
        encoding, errors = sys.stdout.encoding, sys.stdout.errors
        line_buffering = sys.stdout.line_buffering
    else:
        return
    sys.stdout = _Stdout(buffer, encoding=encoding, errors=errors, line_buffering=line_buffering)


def stop_writing_standard_output() -> None:
    """After a failed write: point descriptor 1 at ``/dev/null``, so that what is still
    buffered for it goes nowhere at exit instead of failing again with a second message."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.close(devnull)
    except OSError:
        pass
    if isinstance(sys.stdout, _Stdout) and isinstance(
        getattr(sys.stdout.buffer, "raw", None), _ClosedDescriptor
    ):
        sys.stdout = Path(os.devnull).open("w", encoding="utf-8")  # noqa: SIM115
