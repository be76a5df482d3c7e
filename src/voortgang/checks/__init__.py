"""``voortgang check``: the faults a reviewer wants found before a report goes out.

Each rule is a plain function from a Report to its diagnostics; ``check`` runs them all and
keeps the codes asked for. The codes, their severities and meanings are registered once, in
``voortgang.model.diagnostics``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from voortgang.checks.cells import EXPLANATIONS as CELL_EXPLANATIONS
from voortgang.checks.cells import deadlines, leads
from voortgang.checks.common import Explanation
from voortgang.checks.numbers import EXPLANATIONS as NUMBER_EXPLANATIONS
from voortgang.checks.numbers import (
    duplicate_numbers,
    malformed_numbers,
    number_order,
    numbering_gaps,
    numbers_in_tracks,
    sort_key,
)
from voortgang.checks.reading import EXPLANATIONS as READING_EXPLANATIONS
from voortgang.checks.reading import (
    doubtful_joins,
    long_spans,
    missing_headers,
    not_item_numbers,
    numbering_shape,
    swallowed_numbers,
)
from voortgang.checks.references import EXPLANATIONS as REFERENCE_EXPLANATIONS
from voortgang.checks.references import references
from voortgang.checks.sub_items import EXPLANATIONS as SUB_ITEM_EXPLANATIONS
from voortgang.checks.sub_items import sub_item_labels
from voortgang.model.diagnostics import CODES, Diagnostic
from voortgang.model.records import Report
from voortgang.vocabulary import VOCABULARY, Vocabulary

Rule = Callable[..., Iterable[Diagnostic]]

RULES: tuple[Rule, ...] = (
    references,
    duplicate_numbers,
    number_order,
    numbers_in_tracks,
    numbering_gaps,
    malformed_numbers,
    sub_item_labels,
    leads,
    deadlines,
    not_item_numbers,
    numbering_shape,
    missing_headers,
    long_spans,
    swallowed_numbers,
    doubtful_joins,
)
# The rules that read the vocabulary (the organisations a config file adds), handed it.
VOCABULARY_RULES = frozenset({leads})
READING = "VG5"  # the codes of the reading rules, which parse warns about

# Why each code matters and an example, as each module of rules says it (voortgang rule).
EXPLAINED: dict[str, Explanation] = {
    explanation.code: explanation
    for explanations in (
        REFERENCE_EXPLANATIONS,
        NUMBER_EXPLANATIONS,
        SUB_ITEM_EXPLANATIONS,
        CELL_EXPLANATIONS,
        READING_EXPLANATIONS,
    )
    for explanation in explanations
}

__all__ = [
    "EXPLAINED",
    "READING",
    "RULES",
    "check",
    "explain",
    "is_selected",
    "reading_problems",
    "unknown_selectors",
]


def explain(code: str) -> str:
    """What ``voortgang rule CODE`` prints: the code, its name and severity, what the rule
    checks, why it matters, and an example. Raises KeyError for a code that is none."""
    registered, explained = CODES[code], EXPLAINED[code]
    return (
        f"{code} {registered.name} ({registered.severity})\n\n"
        f"What it checks: {registered.description}\n"
        f"Why: {explained.why}\n"
        f"Example: {explained.example}\n"
    )


def unknown_selectors(selectors: Iterable[str]) -> list[str]:
    """The selectors (codes or prefixes of codes, such as ``VG1``) that name no code."""
    return [s for s in selectors if not any(code.startswith(s.upper()) for code in CODES)]


def is_selected(code: str, select: Sequence[str] | None, ignore: Sequence[str] | None) -> bool:
    """Whether ``code`` is asked for: it starts with a ``select`` prefix (all codes without
    one) and with no ``ignore`` prefix."""
    chosen = select is None or any(code.startswith(s.upper()) for s in select)
    return chosen and not any(code.startswith(s.upper()) for s in ignore or ())


def check(
    report: Report,
    select: Sequence[str] | str | None = None,
    ignore: Sequence[str] | str | None = None,
    vocabulary: Vocabulary = VOCABULARY,
) -> list[Diagnostic]:
    """The faults in ``report``, by page and item number.

    ``select`` and ``ignore`` are codes or prefixes of codes (``VG1`` for every reference
    rule), a list of them or one; without ``select`` every rule runs. Raises ValueError for
    one that names no code, as the command line refuses it. ``vocabulary`` holds the
    organisations VG401 knows (the built-in ones where not given; see ``voortgang.config``).
    """
    select = [select] if isinstance(select, str) else select
    ignore = [ignore] if isinstance(ignore, str) else ignore
    if unknown := unknown_selectors([*(select or ()), *(ignore or ())]):
        raise ValueError(f"no such code: {', '.join(unknown)}")
    found = [
        diagnostic
        for rule in RULES
        for diagnostic in (rule(report, vocabulary) if rule in VOCABULARY_RULES else rule(report))
        if is_selected(diagnostic.code, select, ignore)
    ]
    return sorted(
        found, key=lambda d: (d.page is None, d.page or 0, sort_key(d.item or ""), d.code)
    )


def reading_problems(report: Report) -> list[Diagnostic]:
    """What the reading rules (VG5xx) find in ``report``: signs that it was not read right,
    such as a page footer read as an item or a number column read as part of another. This is
    what ``voortgang parse`` warns about; ``check`` reports these among the rest."""
    return check(report, select=READING)
