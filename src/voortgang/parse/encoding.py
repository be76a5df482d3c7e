"""Turning a file's bytes into text: its byte order mark, what it declares, else UTF-8, else
Windows-1252, the encoding of older Dutch government files.

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
DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.IGNORECASE)


def decode(data: bytes, declared: str | None = None) -> str:
    """The text of ``data``; ``declared`` is the encoding the file names, if any."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return data.decode(encoding)
    for encoding in (declared, "utf-8"):
        if encoding:
            try:
                return data.decode(encoding)
            except (UnicodeDecodeError, LookupError):
                pass
    return data.decode("cp1252", errors="replace")


def declared_in_html(data: bytes) -> str | None:
    """The charset an HTML file's ``<meta>`` names in its first kilobytes."""
    match = DECLARED.search(data[:4096])
    return match.group(1).decode("ascii") if match else None
