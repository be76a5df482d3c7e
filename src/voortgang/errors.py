"""The one exception users see: input that cannot be read as a report."""

from __future__ import annotations


class InputError(Exception):
    """The input is not a readable report. The message is one line, meant for the user."""
