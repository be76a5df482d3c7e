"""voortgang: Dutch government progress reports to validated, structured records."""

from __future__ import annotations

from pathlib import Path

from voortgang.checks import check, reading_problems
from voortgang.diff import diff
from voortgang.errors import InputError
from voortgang.files import read_file
from voortgang.model.diagnostics import Diagnostic
from voortgang.model.diff import Diff
from voortgang.model.records import Report
from voortgang.parse import parse_bytes
from voortgang.parse.pdf import PdfSettings
from voortgang.vocabulary import VOCABULARY, Vocabulary

__version__ = "0.1.0"
__all__ = [
    "Diagnostic",
    "Diff",
    "InputError",
    "PdfSettings",
    "Report",
    "Vocabulary",
    "__version__",
    "check",
    "diff",
    "parse",
    "reading_problems",
]


def parse(
    path: str | Path,
    password: str | None = None,
    settings: PdfSettings | None = None,
    vocabulary: Vocabulary = VOCABULARY,
) -> Report:
    """The report in the file at ``path`` (PDF, HTML or text rendition).

    Raises InputError where the file is not a readable report: its message is one line naming
    the file, its ``path`` and ``problem`` the two parts. ``password`` opens an encrypted PDF;
    ``settings`` are the tolerances a PDF is read with (the defaults where None);
    ``vocabulary`` the column headings and organisations (``voortgang.config.load_config()
    .vocabulary`` for those of the config file).
    This is what ``voortgang parse`` runs for each file, in its worker processes too. A reading
    that cannot be right is returned all the same: ``reading_problems(report)`` tells.
    """
    try:
        return parse_bytes(read_file(Path(path)), str(path), password, settings, vocabulary)
    except InputError as error:
        raise InputError(error.problem, str(path)) from None
