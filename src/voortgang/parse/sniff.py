"""Tell a file's format from its content, not its name."""

from __future__ import annotations

import codecs
import json
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


def is_item_lines(data: bytes) -> bool:
    """Whether ``data`` is JSON Lines (``voortgang parse --format jsonl``) rather than one JSON
    document: its first line is a whole JSON object, and no report (which has ``items``)."""
    text = data.removeprefix(codecs.BOM_UTF8).lstrip()
    if not text.startswith(b"{"):
        return False
    end = text.find(b"\n")
    try:
        loaded = json.loads(text if end < 0 else text[:end])
    except ValueError:  # not JSON, or not UTF-8
        return False
    return isinstance(loaded, dict) and "items" not in loaded


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
