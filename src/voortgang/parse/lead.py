"""Splitting a Trekker cell into organisations: ``BZK, Justitie/ NCTb en WWI``."""

from __future__ import annotations

import re
from collections.abc import Collection

from voortgang.vocabulary import ORGANISATIONS

SEPARATOR = re.compile(
    r"\s*(?:[/,;+\n]|\bi\.\s?s\.\s?m\.?|\bism\b|\bin samenwerking met\b|\ben\b|\bmet\b)\s*",
    re.IGNORECASE,
)
TRIM = " \t.:;()-–"


def _looks_like_organisation(word: str, known: Collection[str]) -> bool:
    """An abbreviation (``BZK``, ``NCTb``, ``BuZa``, ``J&G``) or a known name."""
    return word in known or "&" in word or sum(c.isupper() for c in word) >= 2


def split_lead(text: str, known: Collection[str] = ORGANISATIONS) -> list[str]:
    """Organisations in order of first mention, each once.

    Separators are ``/``, ``,``, ``en``, ``i.s.m.`` and line breaks. Names separated only by
    spaces (``BuZa NCTb``, one per line in a rendition that lost its line breaks) are split too,
    but only when every word is an abbreviation or a known name, so that a multi-word name
    such as ``Politie Haaglanden`` stays whole.
    """
    found: list[str] = []
    for part in SEPARATOR.split(text):
        part = part.strip(TRIM)
        words = part.split()
        names = (
            words if all(_looks_like_organisation(w, known) for w in words) else [" ".join(words)]
        )
        found.extend(name for name in names if name and name not in found)
    return found
