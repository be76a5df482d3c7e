"""Limits a PDF's reading obeys, enforced where the work happens: in pdfminer's stream
decoding, so that a stream built to inflate to gigabytes stops inflating at the limit rather
than after the machine ran out of memory, and in its content interpreter, so that a page that
draws without end stops at the limit.

pdfminer decodes a stream once, in ``PDFStream.decode``, and inflates FlateDecode through its
module's ``zlib.decompress``. While ``inflation_bounded`` is in force, that function inflates
at most as far as the limits leave room for, and each decoded stream counts against the
document's total.

pdfminer's ``PDFPageInterpreter`` reads a page's operators from a ``PDFContentParser`` and
runs a form XObject's content in ``render_contents``, once per time it is drawn. While
``drawing_bounded`` is in force, the parser counts the operators it hands over per page and
``render_contents`` how deep forms nest: a form that draws the next ten times at every level
(the "billion laughs") stops at one of the two. Outside both pdfminer works as it always does.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

import pdfminer.pdfinterp
import pdfminer.pdftypes
from pdfminer.pdfinterp import PDFContentParser, PDFPageInterpreter
from pdfminer.pdftypes import PDFStream
from pdfminer.psparser import PSKeyword

from voortgang.errors import LimitError


def _megabytes(count: int) -> str:
    return f"{count / (1024 * 1024):g} MB"


@dataclass
class _Budget:
    stream: int  # bytes one stream may inflate to
    total: int  # bytes all of the document's streams may
    used: int = 0

    def room(self) -> int:
        return min(self.stream, self.total - self.used)

    def check(self, size: int) -> None:
        """LimitError where a stream of ``size`` bytes is past a limit."""
        if size > self.stream:
            raise LimitError(
                f"a stream of the PDF inflates past {_megabytes(self.stream)} (--max-inflate)"
            )
        if self.used + size > self.total:
            raise LimitError(
                f"the PDF's streams inflate past {_megabytes(self.total)} together "
                "(--max-inflate-total)"
            )

    def count(self, size: int) -> None:
        """A stream of ``size`` bytes decoded: LimitError where it is past a limit."""
        self.check(size)
        self.used += size


_budget: ContextVar[_Budget | None] = ContextVar("voortgang_pdf_budget", default=None)


class _BoundedZlib:
    """What pdfminer's stream decoding sees as ``zlib``: the module, but for a ``decompress``
    that inflates no further than the budget in force leaves room for."""

    def __getattr__(self, name: str) -> Any:
        return getattr(zlib, name)

    @staticmethod
    def decompress(data: bytes, *args: Any, **kwargs: Any) -> bytes:
        budget = _budget.get()
        if budget is None:
            return zlib.decompress(data, *args, **kwargs)
        # One byte past the room tells that the stream goes on past it. A stream cut short
        # gives what it holds, as pdfminer's reading of a corrupted one would.
        inflated = zlib.decompressobj().decompress(data, budget.room() + 1)
        budget.check(len(inflated))
        return inflated


_decode = PDFStream.decode


def _bounded_decode(self: PDFStream) -> None:
    _decode(self)
    budget = _budget.get()
    if budget is not None and self.data is not None:
        budget.count(len(self.data))  # what every filter (LZW, run length…) made


@dataclass
class _Drawing:
    operators: int  # operators one page may run, its forms' included
    depth: int  # how deep forms may nest
    run: int = 0  # operators the page ran so far
    nesting: int = 0  # forms entered and not left


_drawing: ContextVar[_Drawing | None] = ContextVar("voortgang_pdf_drawing", default=None)


class _CountingParser(PDFContentParser):
    """pdfminer's content parser, but for counting the operators it hands the interpreter
    against the drawing limits in force."""

    def nextobject(self) -> Any:
        found = super().nextobject()
        drawing = _drawing.get()
        if drawing is not None and isinstance(found[1], PSKeyword):
            drawing.run += 1
            if drawing.run > drawing.operators:
                raise LimitError(
                    f"the page draws more than {drawing.operators:,} operators (--max-operators)"
                )
        return found


_process_page = PDFPageInterpreter.process_page
_render_contents = PDFPageInterpreter.render_contents


def _bounded_process_page(self: PDFPageInterpreter, page: Any) -> None:
    drawing = _drawing.get()
    if drawing is not None:  # each page counts from nothing
        drawing.run = drawing.nesting = 0
    _process_page(self, page)


def _bounded_render_contents(self: PDFPageInterpreter, *args: Any, **kwargs: Any) -> None:
    drawing = _drawing.get()
    if drawing is None:
        return _render_contents(self, *args, **kwargs)
    if drawing.nesting > drawing.depth:  # the page's own content is at nesting 0
        raise LimitError(f"the page's forms nest more than {drawing.depth} deep (--max-form-depth)")
    drawing.nesting += 1
    try:
        return _render_contents(self, *args, **kwargs)
    finally:
        drawing.nesting -= 1


def _install() -> None:
    """Put the bounded decoding and drawing in place in pdfminer, once; they do nothing
    without limits in force."""
    if not isinstance(pdfminer.pdftypes.zlib, _BoundedZlib):
        pdfminer.pdftypes.zlib = _BoundedZlib()  # type: ignore[assignment]
        PDFStream.decode = _bounded_decode  # type: ignore[method-assign]
        pdfminer.pdfinterp.PDFContentParser = _CountingParser  # type: ignore[misc]
        PDFPageInterpreter.process_page = _bounded_process_page  # type: ignore[method-assign]
        PDFPageInterpreter.render_contents = _bounded_render_contents  # type: ignore[method-assign]


@contextmanager
def inflation_bounded(stream: int, total: int) -> Iterator[None]:
    """While in force, pdfminer decodes no stream past ``stream`` bytes and no more than
    ``total`` bytes of streams together; LimitError past either."""
    _install()
    token = _budget.set(_Budget(stream, total))
    try:
        yield
    finally:
        _budget.reset(token)


@contextmanager
def drawing_bounded(operators: int, depth: int) -> Iterator[None]:
    """While in force, pdfminer runs no more than ``operators`` operators a page (its forms'
    included) and nests forms no more than ``depth`` deep; LimitError past either."""
    _install()
    token = _drawing.set(_Drawing(operators, depth))
    try:
        yield
    finally:
        _drawing.reset(token)
