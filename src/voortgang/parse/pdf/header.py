"""The header band: the lines that name a table's columns, read as labels, and where the
table below them ends."""

from __future__ import annotations

import statistics
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from voortgang.parse.pdf.glyphs import Glyph, Line, with_spaces
from voortgang.parse.pdf.settings import DEFAULT_SETTINGS, PdfSettings, TableVocabulary


@dataclass(frozen=True, slots=True)
class Label:
    text: str
    x0: float
    x1: float


def labels_of(
    lines: Sequence[Line],
    names: Collection[str] = (),
    settings: PdfSettings = DEFAULT_SETTINGS,
    key: Callable[[str], str] = str.lower,
) -> list[Label]:
    """The labels of a header row, left to right: on each line the stretches of text set off
    from each other by more than a space, and on the lines below, what stands under them (a
    label wrapped in its cell, ``Stand van`` / ``zaken``, or broken, ``Deadlin`` / ``e``).

    Where cells stand as close as words (``Deadline Trekker``), a stretch that spells one of
    ``names`` (as ``key`` makes them) ends where the next word begins another.
    """
    labels: list[Label] = []
    for line in lines:
        # Words stand apart by a space; the font's own (0.6 em in a monospaced one) where
        # the PDF draws it.
        drawn = [g.x1 - g.x0 for g in line.glyphs if g.drawn and g.text == " "]
        space = min(max(drawn, default=0), line.size)
        word_gap = max(settings.label_gap * line.size, settings.label_gap_over_space * space)
        stretches: list[list[Glyph]] = []
        for word in line.words:
            spelled = key("".join(g.text for g in stretches[-1])) if stretches else ""
            begun = key("".join(g.text for g in word))
            next_name = spelled in names and any(name.startswith(begun) for name in names)
            if stretches and not next_name and word[0].x0 - stretches[-1][-1].x1 <= word_gap:
                stretches[-1].extend(word)
            else:
                stretches.append(list(word))
        for stretch in stretches:
            text = Line(with_spaces(stretch, settings)).text
            x0, x1 = stretch[0].x0, stretch[-1].x1
            above = next((i for i, got in enumerate(labels) if x0 < got.x1 and x1 > got.x0), None)
            if above is None:
                labels.append(Label(text, x0, x1))
            else:
                label = labels[above]
                labels[above] = Label(f"{label.text} {text}", min(label.x0, x0), max(label.x1, x1))
    return sorted(labels, key=lambda label: label.x0)


def header_at(
    lines: Sequence[Line], start: int, vocabulary: TableVocabulary, settings: PdfSettings
) -> tuple[list[Label], int] | None:
    """The labels of a header row that begins with ``lines[start]``, and where the lines after
    it begin; None if no header row begins there. A header row may take a few lines, its
    labels wrapped or broken in narrow cells: of the bands of one line and more that name
    the required columns, the one whose labels name the most columns, and of those the one
    whose names are longest (``Stand`` / ``van`` / ``zaken`` is one label, though ``Stand``
    is a name too), the shortest of those (a line of the table below the header joins its
    labels and names fewer)."""
    band = lines[start : start + settings.header_lines]
    key = vocabulary.key
    first = "".join(key(band[0].text).split())
    names = vocabulary.all_header_names
    if not any(name in first for name in vocabulary.telling_names):
        return None
    best: tuple[tuple[int, int], list[Label], int] | None = None
    for count in range(1, len(band) + 1):
        if count > 1 and (
            band[count - 1].top - band[count - 2].bottom > settings.header_line_gap * band[0].size
        ):
            break
        labels = labels_of(band[:count], names, settings, key)
        found = {"".join(key(label.text).split()).rstrip(":.") for label in labels}
        if count == 1 and not found & names:  # a header's first line has a whole name
            return None
        if not all(found & spellings for spellings in vocabulary.required_names):
            continue
        named = sum(bool(found & spellings) for spellings in vocabulary.header_names)
        score = (named, sum(len(name) for name in found & names))
        if best is None or score > best[0]:
            best = (score, labels, start + count)
    return None if best is None else (best[1], best[2])


def table_end(lines: Sequence[Line], settings: PdfSettings) -> int:
    """Where the table that ``lines`` begin with ends: at a line in larger type than the
    table's text (a heading set after the table), or at the end."""
    if not lines:
        return 0
    size = statistics.median(line.size for line in lines)
    larger = settings.heading_size * size
    return next((i for i, line in enumerate(lines) if line.size > larger), len(lines))
