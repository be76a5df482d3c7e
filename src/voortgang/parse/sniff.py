"""Tell a file's format from its content, not its name."""

from __future__ import annotations

import codecs
import io
import json
import re
import zipfile

from voortgang.errors import InputError
from voortgang.model.records import SourceFormat

HTML_START = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|\?xml|head|body|meta|table)\b",
    re.I | re.S,
)


ZIP_MAGIC = b"PK\x03\x04"
# Word 97-2003 documents, and encrypted Office documents of any age, are OLE2 compound files.
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# An encrypted DOCX is an OLE2 file holding these streams; their names are UTF-16 in its
# directory.
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
WORD_STREAM = "WordDocument".encode("utf-16-le")
DOCX_MAIN_PART = "word/document.xml"
BINARY = "not a PDF, Word (DOCX), HTML or text rendition of a report (binary content)"
DOC_HINT = "soffice --headless --convert-to docx"


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
    if data.startswith(ZIP_MAGIC):
        return _sniff_zip(data)
    if data.startswith(OLE2_MAGIC):
        raise InputError(_ole2_problem(data))
    head = data[:4096]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        head = head.decode("utf-16", errors="ignore").encode("utf-8")
    if HTML_START.match(head):
        return "html"
    if b"\0" in head:
        raise InputError(BINARY)
    if b"\t" in head or b"\t" in data:
        return "text"
    raise InputError("not a PDF, Word (DOCX), HTML or text rendition of a report (no table found)")


def _sniff_zip(data: bytes) -> SourceFormat:
    """ "docx" for a ZIP archive holding ``word/document.xml``; InputError for another ZIP
    (an ODF or Excel file, a folder zipped) or a damaged one. Only the archive's directory is
    read here, nothing inflated."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as error:
        raise InputError(f"a damaged Word document (not a readable ZIP archive: {error})") from None
    if DOCX_MAIN_PART not in names:
        raise InputError(f"a ZIP archive but not a Word document (no {DOCX_MAIN_PART} in it)")
    return "docx"


def _ole2_problem(data: bytes) -> str:
    """What an OLE2 compound file is told as: an encrypted DOCX, a Word 97-2003 document, or
    another old Office file."""
    if ENCRYPTED_STREAM in data:
        return "the Word document is encrypted (password-protected); save it without a password"
    if WORD_STREAM in data:
        return f"a Word 97-2003 document (.doc); convert it to DOCX first: {DOC_HINT} FILE"
    return f"an old Office file (OLE2), not a report voortgang reads; for Word: {DOC_HINT} FILE"
