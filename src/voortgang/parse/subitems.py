"""Splitting a Resultaat cell into its title and labelled sub-items.

A sub-item starts with a label, ``a.``…``z.`` or ``1``…``99`` (dot optional), followed by
its text. A label counts:

- at the start of a paragraph (or list item), italic or not;
- inside a paragraph, where an italic stretch starts with the label (``<i>1 Stimuleren</i>``),
  where a plain label stands just before an italic stretch (``1. <i>Analyse</i>``), or just
  after one (``<i>Titel</i> 1 tekst``). Renditions
  that lost their paragraph breaks still show where each sub-item began this way.

An item's first label must be ``a`` or ``1``, so a title that happens to open with a number is
no sub-item; an inline label must be the next in sequence. A paragraph-start label may differ
from the expected one by kind (``a``, ``2``) or skip at most one (``a``, ``b``, ``d``), so that
``voortgang check`` can report the sequence. An italic text without a label is no sub-item.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from voortgang.parse.grid import Paragraph
from voortgang.vocabulary import FIRST_LABELS, LABEL_IN_TEXT, label_position, next_label

LABEL = LABEL_IN_TEXT


@dataclass(frozen=True, slots=True)
class StyledText:
    """Text with an italic flag per character, cut from a paragraph."""

    text: str
    italic: tuple[bool, ...]

    @classmethod
    def of(cls, paragraph: Paragraph) -> StyledText:
        flags = tuple(run.italic for run in paragraph.runs for _ in run.text)
        return cls(paragraph.text, flags)

    def __getitem__(self, span: slice) -> StyledText:
        return StyledText(self.text[span], self.italic[span])

    def strip(self) -> StyledText:
        start = len(self.text) - len(self.text.lstrip())
        end = len(self.text.rstrip())
        return self[start:end]

    @property
    def is_italic(self) -> bool:
        pairs = zip(self.text, self.italic, strict=True)
        flags = [flag for char, flag in pairs if not char.isspace()]
        return bool(flags) and all(flags)


@dataclass
class Segment:
    """The text of one sub-item (``label`` set) or of the text before the first (``None``).

    ``paragraph`` is the index, in the cell it was cut from, of the paragraph a sub-item
    begins in; ``inline`` whether it begins inside that paragraph rather than at its start.
    """

    label: str | None
    parts: list[StyledText] = field(default_factory=list)
    paragraph: int | None = None
    inline: bool = False

    @property
    def text(self) -> str:
        return "\n".join(part.text for part in self.parts if part.text)

    @property
    def is_italic(self) -> bool:
        """Whether the segment's first paragraph is set in italics (a list below it may not be)."""
        first = next((part for part in self.parts if part.text), None)
        return first is not None and first.is_italic


_position = label_position
_successor = next_label  # "" after z: no label follows


def _accepts(label: str, paragraph_start: bool, labels: list[str]) -> bool:
    """Whether ``label`` begins a sub-item, given the labels the item already has."""
    if not labels:
        return label in FIRST_LABELS
    expected = _successor(labels[-1])
    if not expected:
        return False
    if label == expected:
        return True
    if not paragraph_start:
        return False
    same_kind = label.isdigit() == expected.isdigit()
    gap = _position(label) - _position(expected)
    return (same_kind and 0 < gap <= 1) or (not same_kind and gap == 0)


def _label_starts(line: StyledText, labels: list[str]) -> list[tuple[int, int, str]]:
    """(label start, text start, label) for each sub-item that begins in ``line``."""
    starts: list[tuple[int, int, str]] = []
    for match in LABEL.finditer(line.text):
        begin, end, label = match.start(), match.end(), match.group(1)
        paragraph_start = not line.text[:begin].strip()
        italic_begins_here = line.italic[begin] and (begin == 0 or not line.italic[begin - 1])
        label_before_italic = not line.italic[begin] and line.italic[end]
        before = line.text[:begin].rstrip()
        italic_ends_here = bool(before) and line.italic[len(before) - 1] and not line.italic[end]
        if not (paragraph_start or italic_begins_here or label_before_italic or italic_ends_here):
            continue
        if _accepts(label, paragraph_start, labels):
            starts.append((begin, end, label))
            labels.append(label)
    return starts


def split_sub_items(paragraphs: tuple[Paragraph, ...], labels: list[str]) -> list[Segment]:
    """Cut a Resultaat cell into segments: the leading text, then one per sub-item.

    ``labels`` holds the labels the item already has from earlier rows and is extended.
    The first segment is always the leading text (label ``None``), possibly empty.
    """
    segments = [Segment(None)]
    for index, paragraph in enumerate(paragraphs):
        line = StyledText.of(paragraph)
        cut = 0
        for begin, end, label in _label_starts(line, labels):
            segments[-1].parts.append(line[cut:begin].strip())
            inline = bool(line.text[:begin].strip())
            segments.append(Segment(label, paragraph=index, inline=inline))
            cut = end
        segments[-1].parts.append(line[cut:].strip())
    return segments
