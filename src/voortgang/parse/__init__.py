"""Reading a report: sniff the format, read it into the grid, assemble the records."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from functools import lru_cache

from voortgang.model.records import Report, Source, SourceFormat
from voortgang.parse.assemble import assemble
from voortgang.parse.deadline import DEADLINE_WORDS
from voortgang.parse.grid import Page
from voortgang.parse.pdf import PdfSettings, TableVocabulary, read_pdf
from voortgang.parse.records import read_item_lines, read_records
from voortgang.parse.sniff import is_item_lines, is_records, sniff
from voortgang.vocabulary import (
    FIELDS,
    ITEM_NUMBER,
    ITEM_NUMBER_START,
    REQUIRED_FIELDS,
    VOCABULARY,
    Vocabulary,
    heading_key,
)


def read_docx(data: bytes) -> Iterator[Page]:
    """The DOCX reader (``parse/docx/``), imported when a Word document is first read: its
    python-docx takes about a tenth of a second to import, which reading other formats need
    not wait for."""
    from voortgang.parse.docx import read_docx as read

    return read(data)


def read_html(data: bytes) -> Iterator[Page]:
    """The HTML reader (``parse/html.py``), imported when an HTML rendition is first read,
    with lxml's parser, which reading a PDF need not wait for."""
    from voortgang.parse.html import read_html as read

    return read(data)


def read_text(data: bytes) -> Iterator[Page]:
    """The text rendition's reader (``parse/text.py``), imported when one is first read: its
    cells hold inline HTML, read with lxml's parser, which reading a PDF need not wait
    for."""
    from voortgang.parse.text import read_text as read

    return read(data)


READERS: dict[SourceFormat, Callable[[bytes], Iterator[Page]]] = {
    "docx": read_docx,
    "html": read_html,
    "text": read_text,
}


@lru_cache(maxsize=8)
def pdf_vocabulary(vocabulary: Vocabulary = VOCABULARY) -> TableVocabulary:
    """What the PDF reader, which knows no report, is told of this one: the headings of each
    field's column, which of them a table must have, the item-number grammar, the
    organisations, and the words a deadline cell reads (months, seasons, ``continu``), which
    a cell's line break may split like any other."""
    return TableVocabulary(
        column_names=tuple(vocabulary.names_of(field) for field in FIELDS),
        item_number=ITEM_NUMBER,
        item_number_start=ITEM_NUMBER_START,
        organisations=frozenset(vocabulary.organisation_names),
        words=DEADLINE_WORDS,
        key=heading_key,
        required=tuple(FIELDS.index(field) for field in REQUIRED_FIELDS),
    )


PDF_VOCABULARY = pdf_vocabulary()


def parse_bytes(
    data: bytes,
    path: str,
    password: str | None = None,
    pdf_settings: PdfSettings | None = None,
    vocabulary: Vocabulary = VOCABULARY,
) -> Report:
    """The report in ``data``, read from ``path`` (used only to name the source).

    ``password`` opens an encrypted PDF; ``pdf_settings`` are the tolerances a PDF is read
    with (the defaults where None); ``vocabulary`` the column headings and organisations it
    is read with (see ``voortgang.config``).
    """
    fmt = sniff(data)
    source = Source(path=path, format=fmt, sha256=hashlib.sha256(data).hexdigest(), pages=None)
    if fmt == "pdf":
        settings = pdf_settings or PdfSettings()
        pages = read_pdf(data, password, vocabulary=pdf_vocabulary(vocabulary), settings=settings)
    else:
        pages = READERS[fmt](data)
    return assemble(pages, source, vocabulary=vocabulary)


def read_reports(
    data: bytes,
    path: str,
    password: str | None = None,
    pdf_settings: PdfSettings | None = None,
    vocabulary: Vocabulary = VOCABULARY,
) -> list[Report]:
    """The reports in ``data``: the one report of a PDF, HTML or text rendition, or those of
    records JSON that ``voortgang parse`` wrote (one report, or an array of them)."""
    if is_records(data):
        return read_records(data)
    return [parse_bytes(data, path, password, pdf_settings, vocabulary)]


def read_any(
    data: bytes,
    path: str,
    password: str | None = None,
    pdf_settings: PdfSettings | None = None,
    vocabulary: Vocabulary = VOCABULARY,
) -> tuple[list[Report], bool]:
    """The reports in ``data`` as ``read_reports`` reads them, or in the JSON Lines that
    ``voortgang parse`` writes; and whether they came from JSON Lines (items without the rest
    of their reports: see ``read_item_lines``)."""
    if is_item_lines(data):
        return read_item_lines(data), True
    return read_reports(data, path, password, pdf_settings, vocabulary), False
