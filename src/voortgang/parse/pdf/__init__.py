"""Reader for PDF renditions: a step a module, as the reader goes.

``settings`` (the tolerances, ``PdfSettings``, and the report's vocabulary it is handed,
``TableVocabulary``), ``engines`` (pdfium or pdfminer read a page's glyphs and rulings:
``pdfium`` and ``glyphs``), ``glyphs`` (glyphs into lines),
``furniture`` (running headers and footers left out), ``header`` (the header band and its
labels), ``columns``, ``rows``, ``join`` (lines into paragraphs), ``reading`` (what each page's
reading saw) and ``reader`` (pages in order, evidence carried from one to the next).
"""

from voortgang.parse.pdf.engines import ENGINES, Engine
from voortgang.parse.pdf.reader import read_pdf, read_pdf_pages
from voortgang.parse.pdf.reading import PageReading, RowBand, TableReading
from voortgang.parse.pdf.settings import PdfSettings, TableVocabulary

__all__ = [
    "ENGINES",
    "Engine",
    "PageReading",
    "PdfSettings",
    "RowBand",
    "TableReading",
    "TableVocabulary",
    "read_pdf",
    "read_pdf_pages",
]
