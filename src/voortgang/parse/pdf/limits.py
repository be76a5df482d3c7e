"""Limits a PDF's reading obeys, enforced where the work happens: in pdfminer's stream
decoding, so that a stream built to inflate to gigabytes stops inflating at the limit rather
than after the machine ran out of memory.

pdfminer decodes a stream once, in ``PDFStream.decode``, and inflates FlateDecode through its
module's ``zlib.decompress``. While ``inflation_bounded`` is in force, that function inflates
at most as far as the limits leave room for, and each decoded stream counts against the
document's total. Outside it pdfminer works as it always does.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

import pdfminer.pdftypes
from pdfminer.pdftypes import PDFStream

from voortgang.errors import InputError


class LimitError(InputError):
    """A PDF past one of the reading's limits: one line naming the limit and the option that
    sets it."""


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


def _install() -> None:
    """Put the bounded decoding in place in pdfminer, once; it does nothing without a budget
    in force."""
    if not isinstance(pdfminer.pdftypes.zlib, _BoundedZlib):
        pdfminer.pdftypes.zlib = _BoundedZlib()  # type: ignore[assignment]
        PDFStream.decode = _bounded_decode  # type: ignore[method-assign]


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
