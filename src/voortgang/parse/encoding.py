"""Turning a file's bytes into text: its byte order mark, what it declares, else UTF-8, else
Windows-1252, the encoding of older Dutch government files.

A declared encoding is read as browsers read it (the WHATWG Encoding Standard): ISO-8859-1,
Latin-1 and US-ASCII mean Windows-1252, so the euro sign and curly quotes that Windows wrote in
0x80–0x9F survive; its five unassigned bytes are the C1 controls of the same number; UTF-16
declared inside a file that has no byte order mark means UTF-8.

Guessing by letter frequencies (what HTML parsers do without a declaration) reads Dutch in
Windows-1252 as Windows-1250 and turns "geïnformeerd" into "geďnformeerd"; this never guesses.
"""

from __future__ import annotations

import codecs
import re

BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)
# Python's name of a declared encoding -> the decoder a browser uses for it.
WHATWG = {
    "ascii": "windows-1252",
    "iso8859-1": "windows-1252",
    "cp1252": "windows-1252",
    "utf-16": "utf-8",
    "utf-16-le": "utf-8",
    "utf-16-be": "utf-8",
}


def _c1_control(error: UnicodeError) -> tuple[str, int]:
    """Windows-1252's unassigned bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) as the C1 controls."""
    assert isinstance(error, UnicodeDecodeError)
    return error.object[error.start : error.end].decode("latin-1"), error.end


codecs.register_error("voortgang-c1-control", _c1_control)


def _decode_as(data: bytes, encoding: str) -> str:
    """``data`` in ``encoding`` as a browser decodes it; UnicodeDecodeError or LookupError."""
    encoding = WHATWG.get(codecs.lookup(encoding).name, encoding)
    if encoding == "windows-1252":
        return data.decode("cp1252", errors="voortgang-c1-control")
    return data.decode(encoding)


def decode(data: bytes, declared: str | None = None) -> str:
    """The text of ``data``; ``declared`` is the encoding the file names, if any."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return data.decode(encoding)
    for encoding in (declared, "utf-8"):
        if encoding:
            try:
                return _decode_as(data, encoding)
            except (UnicodeDecodeError, LookupError):
                pass
    return data.decode("cp1252", errors="replace")


def declared_in_html(data: bytes) -> str | None:
    """The charset an HTML file's ``<meta>`` names in its first kilobytes."""
    match = DECLARED.search(data[:4096])
    return match.group(1).decode("ascii") if match else None
