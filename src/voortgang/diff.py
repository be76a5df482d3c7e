"""Two editions of a report → what changed: items added, removed, renumbered and changed.

Records only: the editions may come from any rendition (a PDF against the text rendition of
the next edition, records JSON against HTML). Printed text is compared after its white space
is normalised, so a line break, a rendition's wrapping or a paragraph a PDF runs into the
next is no change; a deadline is compared as printed, not as the year it was read as.

Items are matched by number first. Among the items left over on both sides, an item whose
title is near enough the same (``RENUMBER_SIMILARITY``) is one item **renumbered**, not one
removed and one added. What is still left over was removed or added.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

from voortgang.model.diff import (
    DIFF_FIELDS,
    Changed,
    Diff,
    DiffField,
    FieldChange,
    Renumbered,
)
from voortgang.model.records import Item, Report, SubItem

# Two titles at least this similar (difflib's ratio, 0 to 1, over the normalised text) can be
# one item renumbered. Measured on the 2009 sample: the most alike titles of two different
# items (two that share their first words, or two about one theme) score 0.68 and below; a
# typo fixed scores 0.95 and more, a year added to a title 0.92, two words added to a short
# one 0.82. 0.8 keeps a margin on both sides: an item renamed more than that is told as
# removed and added, which is true enough for a reader of two editions.
RENUMBER_SIMILARITY = 0.8
# Only this much of a title (its normalised start) is compared for renumbering: a title is a
# line or two; this bounds the time difflib takes on a cell of megabytes.
RENUMBER_TEXT_LIMIT = 300
# An unchanged title pairs two left-over items wherever they stand. A title only alike is
# compared with at most this many left-over new items on either side of its place (both in
# document order): renumbering shifts items, it does not shuffle the report. Where few items
# are left over (the usual case) that is all of them; where thousands are, the work stays
# linear in the report's length instead of quadratic.
RENUMBER_WINDOW = 50
# Where more than this many pairs of left-over items share one title (a title such as
# ``Idem`` on every row of a hostile report), they pair first with first in document order
# rather than each with each by their leads: the number of pairs scored stays bounded.
SAME_TITLE_PAIRS_LIMIT = 10_000
# A changed text is compared word by word (for the renderers' word-level view) where what
# differs, between the words both texts start and end with, is at most this many words on
# either side; a longer stretch is shown removed and added whole. difflib's time grows up to
# the product of the two lengths: two texts of 5,000 words (ten pages, where a status is a
# paragraph or a few) of 50 different words took 0.4 s here, two of 150,000 (a cell of a
# megabyte) nine seconds before this limit.
WORD_DIFF_LIMIT = 5000


def normalise(text: str) -> str:
    """The text with its white space (line breaks, runs of spaces) as single spaces."""
    return " ".join(text.split())


def _identity(item: Item) -> str:
    """What renumbering compares: the title, or where the item has none its sub-items' text;
    normalised and case-folded, its start only."""
    text = normalise(item.title) or normalise(" ".join(sub.text for sub in item.sub_items))
    return text.casefold()[:RENUMBER_TEXT_LIMIT]


def _lead_overlap(old: Item, new: Item) -> float:
    """How much the two leads share (Jaccard, 0 to 1): a tie-breaker between titles alike."""
    a, b = set(old.lead), set(new.lead)
    return len(a & b) / len(a | b) if a | b else 1.0


def similarity(a: str, b: str) -> float | None:
    """difflib's ratio of the two texts where it is RENUMBER_SIMILARITY or more, else None.
    The same whichever text comes first (difflib's ratio need not be: the pair is put in
    order first), so that the old edition against the new one pairs the items the new one
    against the old one does."""
    matcher = SequenceMatcher(None, *sorted((a, b)), autojunk=False)
    if matcher.real_quick_ratio() < RENUMBER_SIMILARITY:
        return None
    if matcher.quick_ratio() < RENUMBER_SIMILARITY:
        return None
    score = matcher.ratio()
    return score if score >= RENUMBER_SIMILARITY else None


def match_by_number(old: Sequence[Item], new: Sequence[Item]) -> list[tuple[int, int]]:
    """Pairs of indexes of items with the same number; where a number stands several times
    in an edition, its first in one with its first in the other, and so on."""
    by_number: dict[str, list[int]] = defaultdict(list)
    for index, item in enumerate(old):
        by_number[item.number].append(index)
    seen: dict[str, int] = defaultdict(int)
    pairs = []
    for index, item in enumerate(new):
        candidates = by_number.get(item.number, [])
        if seen[item.number] < len(candidates):
            pairs.append((candidates[seen[item.number]], index))
            seen[item.number] += 1
    return pairs


Scored = tuple[float, float, bool, int, int]


def _scored(old: Item, new: Item, score: float, old_index: int, new_index: int) -> Scored:
    return (score, _lead_overlap(old, new), old.track == new.track, old_index, new_index)


def _best_first(scored: list[Scored], taken_old: set[int], taken_new: set[int]) -> list:
    """Pairs taken best first (most alike title, then most alike lead, then the same track,
    then document order), each item in one pair at most: the outcome does not depend on the
    order the pairs were scored in."""
    scored.sort(key=lambda s: (-s[0], -s[1], not s[2], s[3], s[4]))
    pairs = []
    for _, _, _, old_index, new_index in scored:
        if old_index not in taken_old and new_index not in taken_new:
            taken_old.add(old_index)
            taken_new.add(new_index)
            pairs.append((old_index, new_index))
    return pairs


def _same_title(
    old: Sequence[Item], new: Sequence[Item], old_left: list[int], new_left: list[int]
) -> list[Scored]:
    """Each pair of left-over items whose titles are the same once normalised (or, where a
    title is shared by more than SAME_TITLE_PAIRS_LIMIT pairs, its items first with first)."""
    groups: dict[str, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for side, items, indexes in ((0, old, old_left), (1, new, new_left)):
        for index in indexes:
            if text := _identity(items[index]):
                groups[text][side].append(index)
    scored = []
    for olds, news in groups.values():
        if len(olds) * len(news) > SAME_TITLE_PAIRS_LIMIT:
            scored += [(1.0, 0.0, False, a, b) for a, b in zip(olds, news, strict=False)]
            continue
        scored += [_scored(old[a], new[b], 1.0, a, b) for a in olds for b in news]
    return scored


def match_renumbered(
    old: Sequence[Item], new: Sequence[Item], old_left: list[int], new_left: list[int]
) -> list[tuple[int, int]]:
    """Pairs among the left-over items (indexes, in document order) whose titles are the
    same, or at least RENUMBER_SIMILARITY alike, each item in one pair at most.

    Items with the same title pair first, wherever they stand; then each old item left is
    scored against the new ones left within RENUMBER_WINDOW of its place. Of several
    candidates the best is taken (see ``_best_first``).
    """
    taken_old: set[int] = set()
    taken_new: set[int] = set()
    pairs = _best_first(_same_title(old, new, old_left, new_left), taken_old, taken_new)
    old_rest = [index for index in old_left if index not in taken_old]
    new_rest = [index for index in new_left if index not in taken_new]
    new_texts = [_identity(new[index]) for index in new_rest]
    scored: list[Scored] = []
    for place, old_index in enumerate(old_rest):
        text = _identity(old[old_index])
        start = max(0, place - RENUMBER_WINDOW)
        for offset, new_text in enumerate(new_texts[start : place + RENUMBER_WINDOW + 1]):
            if text and new_text and (score := similarity(text, new_text)) is not None:
                new_index = new_rest[start + offset]
                scored.append(_scored(old[old_index], new[new_index], score, old_index, new_index))
    return pairs + _best_first(scored, taken_old, taken_new)


def _deadline_text(item: Item | SubItem) -> str | None:
    return normalise(item.deadline.text) if item.deadline is not None else None


def _sub_item_key(sub: SubItem) -> tuple[str, str | None, frozenset[str] | None, str | None]:
    """What a sub-item is compared by: its text, and its own cells where it has them."""
    return (
        normalise(sub.text),
        _deadline_text(sub),
        None if sub.lead is None else frozenset(sub.lead),
        None if sub.status is None else normalise(sub.status),
    )


def by_label(sub_items: Sequence[SubItem]) -> dict[tuple[str, int], SubItem]:
    """The sub-items by label, and by how many before them have that label (0 but where a
    label stands twice, as a misread or misnumbered list may have it)."""
    counts: dict[str, int] = defaultdict(int)
    keyed = {}
    for sub in sub_items:
        keyed[(sub.label, counts[sub.label])] = sub
        counts[sub.label] += 1
    return keyed


def _sub_items_change(old: Item, new: Item) -> FieldChange | None:
    """The sub-items that differ, matched by label: text or own cells changed, or a label
    only one edition has."""
    olds, news = by_label(old.sub_items), by_label(new.sub_items)
    differing = {
        key
        for key in olds.keys() | news.keys()
        if key not in olds
        or key not in news
        or _sub_item_key(olds[key]) != _sub_item_key(news[key])
    }
    if not differing:
        return None
    return FieldChange(
        old=[sub for key, sub in olds.items() if key in differing],
        new=[sub for key, sub in news.items() if key in differing],
    )


def _extra_change(old: Item, new: Item) -> FieldChange | None:
    """The columns of no field (``Item.extra``, by heading) whose text differs, or that only
    one edition has."""
    headings = old.extra.keys() | new.extra.keys()
    differing = {
        heading
        for heading in headings
        if normalise(old.extra.get(heading, "")) != normalise(new.extra.get(heading, ""))
        or (heading in old.extra) != (heading in new.extra)
    }
    if not differing:
        return None
    return FieldChange(
        old={heading: text for heading, text in old.extra.items() if heading in differing},
        new={heading: text for heading, text in new.extra.items() if heading in differing},
    )


def field_change(field: DiffField, old: Item, new: Item) -> FieldChange | None:
    """How ``field`` differs between the two editions of an item, or None where it does not."""
    if field == "sub_items":
        return _sub_items_change(old, new)
    if field == "extra":
        return _extra_change(old, new)
    if field in ("title", "status"):
        a, b = getattr(old, field), getattr(new, field)
        return None if normalise(a) == normalise(b) else FieldChange(old=a, new=b)
    if field == "deadline":
        a_text, b_text = _deadline_text(old), _deadline_text(new)
        return None if a_text == b_text else FieldChange(old=a_text, new=b_text)
    if field == "lead":
        same = set(old.lead) == set(new.lead)
        return None if same else FieldChange(old=list(old.lead), new=list(new.lead))
    targets_old = sorted({reference.target for reference in old.references})
    targets_new = sorted({reference.target for reference in new.references})
    return None if targets_old == targets_new else FieldChange(old=targets_old, new=targets_new)


def item_changes(
    old: Item, new: Item, fields: Iterable[DiffField] = DIFF_FIELDS
) -> dict[DiffField, FieldChange]:
    """The fields (of ``fields``) in which the two editions of an item differ, in order."""
    wanted = set(fields)
    changes = {}
    for field in DIFF_FIELDS:
        if field in wanted and (change := field_change(field, old, new)) is not None:
            changes[field] = change
    return changes


def diff(old: Report, new: Report, fields: Iterable[str] | None = None) -> Diff:
    """What changed from the ``old`` edition of a report to the ``new`` one.

    ``fields`` limits the fields whose change makes an item changed (``["status",
    "deadline"]``); all of DIFF_FIELDS where None. Items are added, removed and renumbered
    whatever the fields. Raises ValueError for a field that is not one of DIFF_FIELDS.
    """
    chosen = check_fields(fields)
    by_number = match_by_number(old.items, new.items)
    old_left = sorted(set(range(len(old.items))) - {a for a, _ in by_number})
    new_left = sorted(set(range(len(new.items))) - {b for _, b in by_number})
    renumbered = match_renumbered(old.items, new.items, old_left, new_left)
    pairs = sorted(by_number + renumbered, key=lambda pair: pair[1])
    renumbered_set = set(renumbered)
    old_paired = {a for a, _ in pairs}
    new_paired = {b for _, b in pairs}
    changed = []
    moved = []
    for old_index, new_index in pairs:
        a, b = old.items[old_index], new.items[new_index]
        if (old_index, new_index) in renumbered_set:
            moved.append(Renumbered(old=a.number, new=b.number, track=b.track, title=b.title))
        if changes := item_changes(a, b, chosen):
            changed.append(Changed(number=b.number, track=b.track, title=b.title, fields=changes))
    new_tracks = {track.number for track in new.tracks}
    return Diff(
        old=old.source,
        new=new.source,
        tracks=[*new.tracks, *(t for t in old.tracks if t.number not in new_tracks)],
        fields=list(chosen),
        added=[item for index, item in enumerate(new.items) if index not in new_paired],
        removed=[item for index, item in enumerate(old.items) if index not in old_paired],
        renumbered=moved,
        changed=changed,
    )


def check_fields(fields: Iterable[str] | None) -> tuple[DiffField, ...]:
    """The fields named, in DIFF_FIELDS order; all where None. Raises ValueError naming any
    that is none of them."""
    if fields is None:
        return DIFF_FIELDS
    named = set(fields)
    if unknown := sorted(named - set(DIFF_FIELDS)):
        raise ValueError(
            f"no such field: {', '.join(unknown)} (fields are {', '.join(DIFF_FIELDS)})"
        )
    return tuple(field for field in DIFF_FIELDS if field in named)


# -- word-level changes of a text, for the renderers ----------------------------------------

Segment = Literal["same", "removed", "added"]


@dataclass(frozen=True)
class WordRun:
    """A run of words that both texts have (``same``), or only the old or the new one."""

    kind: Segment
    text: str


def word_changes(old: str, new: str) -> list[WordRun]:
    """The two texts as runs of words kept, removed and added (difflib over the words; white
    space is no word, so a line break is no change). Where a run was replaced, the removed
    words come before the added ones.

    The words both texts start and end with are kept as they are; where what lies between
    is longer than WORD_DIFF_LIMIT words on either side, it is shown removed and added
    whole rather than compared word by word."""
    a, b = old.split(), new.split()
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    end = 0
    while end < min(len(a), len(b)) - start and a[-1 - end] == b[-1 - end]:
        end += 1
    middle_a, middle_b = a[start : len(a) - end], b[start : len(b) - end]
    runs = [WordRun("same", " ".join(a[:start]))] if start else []
    if max(len(middle_a), len(middle_b)) > WORD_DIFF_LIMIT:
        opcodes = [("replace", 0, len(middle_a), 0, len(middle_b))]
    else:
        opcodes = SequenceMatcher(None, middle_a, middle_b, autojunk=False).get_opcodes()
    for op, i1, i2, j1, j2 in opcodes:
        if op == "equal":
            runs.append(WordRun("same", " ".join(middle_a[i1:i2])))
            continue
        if i2 > i1:
            runs.append(WordRun("removed", " ".join(middle_a[i1:i2])))
        if j2 > j1:
            runs.append(WordRun("added", " ".join(middle_b[j1:j2])))
    if end:
        runs.append(WordRun("same", " ".join(a[len(a) - end :])))
    return runs
