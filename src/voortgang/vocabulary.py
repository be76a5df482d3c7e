"""The report's vocabulary: the words and numbers a voortgangsrapportage is read by.

The one home of what the readers and assembly know about the report's language rather than
its file format: the names of its columns, the grammar of its item numbers and the
organisations that lead its actions. Assembly hands them to the PDF reader, whose geometry
knows no report.
"""

from __future__ import annotations

import re

from voortgang.model.organisations import KNOWN_ORGANISATIONS

# The report's columns, each in the spellings it goes by (lower case).
COLUMN_NAMES = {
    "result": ("resultaat", "resultaten"),
    "deadline": ("deadline", "deadlines", "termijn", "planning"),
    "lead": ("trekker", "trekkers", "verantwoordelijk", "verantwoordelijke"),
    "status": ("stand van zaken", "voortgang", "status"),
}
# An item's number as its row shows it: ``7.4``, ``7.0.3``, ``7.5.``.
ITEM_NUMBER = re.compile(r"\d{1,2}(?:\.\d{1,2})+\.?")
# The part of an item number a narrow cell may end a line with, the rest on the next line
# (``7.0.`` / ``3``, ``7.1`` / ``2``).
ITEM_NUMBER_START = re.compile(r"\d{1,2}(?:\.\d{1,2})*\.|\d{1,2}(?:\.\d{1,2})+")
# The names the organisations leading actions are printed by (see model.organisations).
ORGANISATIONS = frozenset(KNOWN_ORGANISATIONS)
