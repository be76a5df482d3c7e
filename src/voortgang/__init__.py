"""voortgang: Dutch government progress reports to validated, structured records."""

from __future__ import annotations

from pathlib import Path

from voortgang.errors import InputError
from voortgang.model.records import Report
from voortgang.parse import parse_bytes

__version__ = "0.1.0"
__all__ = ["InputError", "Report", "__version__", "parse"]


def parse(path: str | Path) -> Report:
    """The report in the file at ``path`` (PDF, HTML or text rendition)."""
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise InputError(f"{path}: {error.strerror or error}") from None
    return parse_bytes(data, str(path))
