"""Tell a file's format from its content, not its name."""

from __future__ import annotations

import codecs
import re

from voortgang.errors import InputError
from voortgang.model.records import SourceFormat

HTML_START = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|\?xml|head|body|meta|table)\b",
    re.I | re.S,
)


JSON_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*[\[{]")


def is_records(data: bytes) -> bool:
    """Whether ``data`` is JSON (records ``voortgang parse`` wrote) rather than a report."""
    return bool(JSON_START.match(data[:1024]))


def sniff(data: bytes) -> SourceFormat:
    """The format of ``data``; raises InputError for anything voortgang cannot read."""
    if not data.strip():
        raise InputError("the file is empty")
    if b"%PDF-" in data[:1024]:
        return "pdf"
    head = data[:4096]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        head = head.decode("utf-16", errors="ignore").encode("utf-8")
    if HTML_START.match(head):
        return "html"
    if b"\0" in head:
        raise InputError("not a PDF, HTML or text rendition of a report (binary content)")
    if b"\t" in head or b"\t" in data:
        return "text"
    raise InputError("not a PDF, HTML or text rendition of a report (no table found)")
