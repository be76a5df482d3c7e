"""The engines that read a PDF's pages into glyphs and rulings: pdfium and pdfminer.

An engine opens the document and yields each page as a ``SourcePage`` (its size, glyphs and
rulings), releasing the page before the next; whatever the engine's library raises on a
damaged or encrypted file becomes an ``InputError`` with one line to say so, and anything
raised in voortgang's own code stays what it is.

- ``pdfplumber`` (pdfminer through pdfplumber, the default): the reference the reader was
  built on, all in Python, its stream decoding bounded (``limits``);
- ``pdfium`` (pypdfium2): pdfium lays the text out in C, faster; what it inflates is not
  bounded by voortgang, so it is for PDFs from sources one trusts.

Both measure glyphs the same way (see ``pdfium``), so that the reader makes the same records
of either; ``tests/test_pdf_engines.py`` holds them to it.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from voortgang.errors import InputError, LimitError
from voortgang.parse.pdf.glyphs import Glyph, Rulings
from voortgang.parse.pdf.settings import ENGINES, Engine, PdfSettings

# pdfium is not thread-safe: one call into it at a time in a process (Dask's threads).
PDFIUM_LOCK = threading.RLock()


@dataclass(frozen=True, slots=True)
class SourcePage:
    """What the reader needs of one page: its size in points, its glyphs and rulings."""

    number: int
    width: float
    height: float
    glyphs: list[Glyph]
    rulings: Rulings


def source_pages(
    data: bytes, password: str | None, engine: Engine, settings: PdfSettings
) -> Iterator[SourcePage]:
    """The document's pages as ``engine`` reads them."""
    readers: dict[Engine, Callable[..., Iterator[SourcePage]]] = {
        "pdfium": _pdfium_pages,
        "pdfplumber": _pdfminer_pages,
    }
    if engine not in readers:
        raise ValueError(f"no PDF engine {engine!r}: choose one of {', '.join(ENGINES)}")
    return readers[engine](data, password, settings)


# -- pdfium ---------------------------------------------------------------------------------


def _pdfium_pages(data: bytes, password: str | None, settings: PdfSettings) -> Iterator[SourcePage]:
    import pypdfium2 as pdfium

    from voortgang.parse.pdf.pdfium import read_pdfium_page

    with PDFIUM_LOCK:
        try:
            document = pdfium.PdfDocument(data, password=password)
        except pdfium.PdfiumError as error:
            raise InputError(_pdfium_open_error(error, password)) from None
    try:
        settings.check_pages(len(document))
        for index in range(len(document)):
            if not settings.reads(index + 1):
                continue
            with PDFIUM_LOCK:
                try:
                    page = document[index]
                except pdfium.PdfiumError as error:
                    problem = _short(str(error))
                    raise InputError(f"not a readable PDF: page {index + 1}: {problem}") from None
                try:
                    width, height = page.get_size()
                    glyphs, rulings = read_pdfium_page(page, settings)
                except LimitError as error:
                    raise LimitError(f"page {index + 1}: {error.problem}") from None
                finally:
                    page.close()
            yield SourcePage(index + 1, width, height, glyphs, rulings)
    finally:
        with PDFIUM_LOCK:
            document.close()


# What pdfium's error codes (FPDF_GetLastError) mean, said for a user.
PDFIUM_ERRORS = {
    2: "the file could not be opened",
    3: "the file is damaged or not a PDF",
    5: "the PDF uses a security handler that cannot be opened",
    6: "a page cannot be read",
}
PDFIUM_PASSWORD_ERROR = 4


def _pdfium_open_error(error: Exception, password: str | None) -> str:
    code = getattr(error, "err_code", None)
    if code == PDFIUM_PASSWORD_ERROR:
        return _password_problem(password)
    return f"not a readable PDF: {PDFIUM_ERRORS.get(code, _short(str(error)))}"


# -- pdfminer (through pdfplumber) ----------------------------------------------------------


def _pdfminer_pages(
    data: bytes, password: str | None, settings: PdfSettings
) -> Iterator[SourcePage]:
    """The pages as pdfminer lays them out; the streams it decodes obey
    ``settings.max_inflate`` and ``max_inflate_total``, its pages ``max_operators`` and
    ``max_form_depth``, and a reference cycle in the PDF's objects is refused (LimitError
    past them). pdfminer is imported here, when the engine is first used."""
    import pdfplumber  # noqa: F401  (loaded before cycles_refused replaces names in it)

    from voortgang.parse.pdf.graph import cycles_refused
    from voortgang.parse.pdf.limits import drawing_bounded, inflation_bounded

    with (
        inflation_bounded(settings.max_inflate, settings.max_inflate_total),
        drawing_bounded(settings.max_operators, settings.max_form_depth),
        cycles_refused(),
    ):
        yield from _pdfminer_bounded(data, password, settings)


def _pdfminer_bounded(
    data: bytes, password: str | None, settings: PdfSettings
) -> Iterator[SourcePage]:
    import pdfplumber

    from voortgang.parse.pdf.graph import check_page_tree
    from voortgang.parse.pdf.plumber import read_page

    try:
        document = pdfplumber.open(io.BytesIO(data), password=password or "")
        check_page_tree(document.doc.catalog)
        pages = document.pages
    except Exception as error:
        if limit := _limit_in(error):
            raise LimitError(limit.problem) from None
        if not _raised_by_pdfminer(error):
            raise
        raise InputError(_pdfminer_open_error(error, password)) from None
    with document:
        settings.check_pages(len(pages))
        for number, page in enumerate(pages, start=1):
            if not settings.reads(number):
                continue
            try:
                glyphs, rulings, (width, height) = read_page(page, settings)
            except Exception as error:
                if limit := _limit_in(error):
                    raise LimitError(f"page {number}: {limit.problem}") from None
                if not _raised_by_pdfminer(error):
                    raise
                problem = _pdfminer_reason(error)
                raise InputError(f"not a readable PDF: page {number}: {problem}") from None
            finally:
                page.close()
            yield SourcePage(number, width, height, glyphs, rulings)


def _limit_in(error: BaseException) -> LimitError | None:
    """The LimitError that ``error`` is or wraps (pdfplumber wraps what pdfminer raises in
    its own exception), or None. A MemoryError it wraps is raised again as it is: the
    process's memory limit ran out, not the file's reading."""
    seen: set[int] = set()
    found: BaseException | None = error
    while found is not None and id(found) not in seen:
        if isinstance(found, LimitError):
            return found
        if isinstance(found, MemoryError):
            raise MemoryError from None
        seen.add(id(found))
        inner = found.args[0] if found.args else None
        found = inner if isinstance(inner, BaseException) else found.__cause__ or found.__context__
    return None


def _raised_by_pdfminer(error: BaseException) -> bool:
    """Whether ``error`` was raised inside pdfminer or pdfplumber: whether, of the frames it
    passed through, the innermost one of theirs or ours is theirs (the standard library's,
    zlib's say, count for whoever called them)."""
    innermost = ""
    frame = error.__traceback__
    while frame is not None:
        module = frame.tb_frame.f_globals.get("__name__", "")
        if module.split(".")[0] in ("pdfminer", "pdfplumber", "voortgang"):
            innermost = module
        frame = frame.tb_next
    return innermost.startswith(("pdfminer", "pdfplumber"))


def _pdfminer_reason(error: BaseException) -> str:
    """What pdfminer said, short and on one line."""
    from pdfplumber.utils.exceptions import PdfminerException

    wrapped = isinstance(error, PdfminerException) and error.args  # pdfplumber wraps pdfminer's
    cause = error.args[0] if wrapped else error
    text = " ".join(str(cause).split())
    if not isinstance(cause, BaseException):
        return text[:100]
    return _short(f"{type(cause).__name__}: {text}" if text else type(cause).__name__)


def _pdfminer_open_error(error: BaseException, password: str | None) -> str:
    reason = _pdfminer_reason(error)
    if "password" in reason.lower():
        return _password_problem(password)
    return f"not a readable PDF: {reason}"


def _password_problem(password: str | None) -> str:
    if password is not None:
        return "the PDF's password is not right"
    return "the PDF is encrypted; pass --password"


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 100 else text[:99] + "…"
