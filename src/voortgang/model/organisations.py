"""Organisations that lead actions in the reports (the lead column), by the name printed.

Kept for scripts that imported it from here: the list lives in ``voortgang.vocabulary``.
"""

from __future__ import annotations

from voortgang.vocabulary import ORGANISATIONS as KNOWN_ORGANISATIONS

__all__ = ["KNOWN_ORGANISATIONS"]
