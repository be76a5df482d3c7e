"""Joining lines into paragraphs: how one line of a cell goes on to the next.

Where two lines of a cell meet, an ordered list of named rules decides (``JOIN_RULES``):
each says a new paragraph begins, the line wrapped at a space, or a word was broken over the
two, or has no opinion and leaves it to the next. The last rule always decides.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property
from operator import attrgetter

from voortgang.parse.grid import Doubt
from voortgang.parse.pdf.columns import TextLine
from voortgang.parse.pdf.glyphs import Glyph, Line, opens_gap
from voortgang.parse.pdf.settings import DEFAULT_SETTINGS, PdfSettings, TableVocabulary

LIST_GLYPHS = frozenset("-–•·o▪◦●■➢✓*")
LIST_LABEL = re.compile(r"(?:\d{1,2}|[a-z])[.)]?")
NUMBERING = re.compile(r"(?:\d{1,2}|[a-z])\.")
NAME_PARTS = re.compile(r"[/,;()\s]+")
# Words after which a line-end hyphen is a dash in "voor- en najaar", not a join.
WORDS_AFTER_DASH = frozenset({"en", "of", "tot", "t/m", "dan"})
# Where a line may break without a space.
BREAKS_AFTER = ("-", "–", "/")
# Apostrophes, which stand inside a word (``auto's``).
APOSTROPHES = ("'", "’")
# A hyphen inside a word, between letters or digits, where a producer may break a line.
INNER_HYPHEN = re.compile(r"\w[-–]\w")
# What a line can begin with only where the word before goes on: punctuation that attaches
# to it (``.``, ``,``, ``)``), or an apostrophe and lower case (``'s``).
ATTACHED = re.compile(r"[.,;:!?)\]»”]|['’][a-z]{1,2}(?![a-z])")
# What stands around a word without being part of it, and what ends a word for certain.
AROUND_WORDS = "\"'“”‘’«»()[]{}.,;:!?"


class Lexicon:
    """The words the document holds whole, as the evidence its own text gives where a line's
    end cannot tell a word too long for its column from a line wrapped at a space (see
    ``documents_words``).

    A word counts where it stands whole for certain: with a drawn space right before it and
    right after it, no wider gap between (a column's edge leaves a gap, and a line's first or
    last word may be half of a broken one); or in a cell, at the end of a line that left room
    for a letter more (``whole_word_room``) and at the start of the line after one or of the
    cell. Kept without case or the punctuation around it. ``known``: words taken to be
    the document's before it is read (the vocabulary's: column names, deadline words).
    """

    def __init__(self, settings: PdfSettings = DEFAULT_SETTINGS, known: Iterable[str] = ()) -> None:
        self.settings = settings
        self.words: set[str] = set()
        self._sorted: list[str] = []  # the same words in order, for ``begins``
        for word in known:
            self._count(word)

    def _count(self, word: str) -> None:
        """``word`` is one the document holds whole: kept, and in order, once."""
        key = _key(word)
        if key and key not in self.words:
            self.words.add(key)
            bisect.insort(self._sorted, key)

    def add(self, lines: Iterable[Line]) -> None:
        for line in lines:
            glyphs = line.glyphs
            start = None  # where the current word began, after a drawn space that touches it
            for index, glyph in enumerate(glyphs):
                if not glyph.text.isspace():
                    continue
                if start is not None and index > start and self._touch(glyphs[index - 1], glyph):
                    self._count("".join(g.text for g in glyphs[start:index]))
                following = glyphs[index + 1] if index + 1 < len(glyphs) else None
                touching = following is not None and self._touch(glyph, following)
                start = index + 1 if glyph.drawn and touching else None

    def add_cell(self, lines: Sequence[TextLine]) -> None:
        """The words a cell's lines hold whole at their ends (see the class)."""
        started = True  # whether the line begins a word: the cell's first, or after room
        for text_line in lines:
            line, edge = text_line.line, text_line.measure.edge
            words = line.words[1:] if starts_list_item(line) else line.words  # not a label
            ended = line.x1 + self.settings.whole_word_room * line.size <= edge
            ends = [words[0]] if started and (ended or len(words) > 1) else []
            ends += [words[-1]] if ended and len(words) > 1 else []
            for word in ends:
                self._count("".join(g.text for g in word))
            started = ended

    def _touch(self, left: Glyph, right: Glyph) -> bool:
        """Whether ``right`` follows ``left`` with no gap wider than a space's share of the
        type, and the space between them, if either is one, was drawn."""
        drawn = all(g.drawn for g in (left, right) if g.text.isspace())
        return drawn and right.x0 - left.x1 <= self.settings.space_gap * right.size

    def knows(self, word: str) -> bool:
        key = _key(word)
        return bool(key) and key in self.words

    def begins(self, start: str) -> bool:
        """Whether a word the document holds begins with ``start`` (a word broken again on
        the line after is the start of one)."""
        key = _key(start)
        if not key:
            return False
        index = bisect.bisect_left(self._sorted, key)
        return index < len(self._sorted) and self._sorted[index].startswith(key)


def _key(word: str) -> str:
    return word.strip(AROUND_WORDS).casefold()


class Join(Enum):
    """How two lines of a cell join; its value is the grid's: None, " " or ""."""

    PARAGRAPH = None  # the next line begins a new paragraph
    SPACE = " "  # the line wrapped at a space
    WORD = ""  # a word was broken over the two lines


@dataclass(frozen=True)
class LineBreak:
    """Two consecutive lines of a cell and what the rules ask about them.

    ``pitch`` is the usual line distance, or None across a page break, where spacing says
    nothing. ``wrap_spaces``: the producer draws the space a line wraps at, so a wrapped line
    without one ended inside a word (``ABC/`` / ``DEF``, ``informati`` / ``e``).
    """

    before: TextLine
    after: TextLine
    pitch: float | None
    wrap_spaces: bool
    vocabulary: TableVocabulary
    settings: PdfSettings
    lexicon: Lexicon | None = None

    @cached_property
    def last(self) -> str:
        """The text of the line before."""
        return self.before.line.text

    @cached_property
    def next_word(self) -> tuple[Glyph, ...]:
        return self.after.line.words[0]

    @cached_property
    def first(self) -> str:
        """The next line's first word."""
        return "".join(g.text for g in self.next_word)

    @cached_property
    def space(self) -> float:
        """The width of a space: the line's, else its column's, else a share of the type."""
        line = self.before.line
        return (
            line.word_space or self.before.measure.space or self.settings.default_space * line.size
        )

    @cached_property
    def last_word(self) -> str:
        """The line before's last word."""
        return "".join(g.text for g in self.before.line.words[-1])

    @cached_property
    def broken(self) -> bool:
        """Whether the line before is a word too long for the column, broken where the column
        was full, and the next line's first word may be its rest. The word may follow the
        label or glyph of a list item, which stands in the item's hanging indent."""
        return self._one_word_going_on and self._fills(self.before.measure.edge)

    @cached_property
    def may_be_broken(self) -> bool:
        """Whether the line before may be such a word: as ``broken``, or, where the producer
        draws the space a line wraps at, full by what the column is known to hold for
        certain, as far as ink or a drawn space reaches in it (its edge is an estimate, which
        a column without rulings may overshoot)."""
        reach = self.before.measure.reach
        by_reach = self.wrap_spaces and reach > -math.inf and self._fills(reach)
        return self._one_word_going_on and (self._fills(self.before.measure.edge) or by_reach)

    def _fills(self, end: float) -> bool:
        """Whether the next line's first glyph would not have fitted on the line before it
        ``end``."""
        glyph = self.next_word[0]
        return self.before.line.x1 + glyph.x1 - glyph.x0 > end

    @cached_property
    def _one_word_going_on(self) -> bool:
        line = self.before.line
        words = len(line.words) - starts_list_item(line)
        return words == 1 and _goes_on(self.last_word, self.first, self.vocabulary)

    @cached_property
    def between_words(self) -> bool:
        """Whether the line ends in a word of letters and the next begins one: where only
        words, not item numbers or names (``BZK/V`` / ``NG``), can tell how the two go on."""
        tail = self.last_word.lstrip(AROUND_WORDS)
        letters = tail.replace("'", "").replace("’", "")
        return bool(letters) and letters.isalpha() and self.first.strip(AROUND_WORDS).isalpha()


JoinRule = Callable[[LineBreak], Join | None]


def spaced_apart(lines: LineBreak) -> Join | None:
    """More than a line's distance between the lines is paragraph spacing: a new paragraph."""
    if lines.pitch is None:
        return None
    step = lines.after.line.top - lines.before.line.top
    return Join.PARAGRAPH if opens_gap(step, lines.pitch, lines.settings) else None


def list_item(lines: LineBreak) -> Join | None:
    """A line that begins a list item begins a paragraph (see ``starts_list_item``)."""
    return Join.PARAGRAPH if starts_list_item(lines.after.line) else None


def attached(lines: LineBreak) -> Join | None:
    """A line that begins with what attaches to the word before it (``.``, ``,``, ``)``,
    ``'s``) goes on that word: no line wraps at a space before such a thing, but a producer
    carries it over with the end of a word that did not fit."""
    return Join.WORD if ATTACHED.match(lines.first) and lines.last[-1:].isalnum() else None


def next_word_fitted(lines: LineBreak) -> Join | None:
    """Where the next word would have fitted after a space, the line was ended on purpose: a
    new paragraph. Unless it ends in a comma, as no paragraph does: then the column is
    narrower than measured (a browser shrinks a column of short entries to its content:
    ``ABC,`` / ``DEF,`` / ``GHI,``)."""
    before, word = lines.before, lines.next_word
    room = before.measure.sure - before.line.x1 - lines.space
    fitted = word[-1].x1 - word[0].x0 <= room - lines.settings.fit_margin
    return Join.PARAGRAPH if fitted and not lines.last.endswith(",") else None


def drawn_wrap_space(lines: LineBreak) -> Join | None:
    """Where the producer draws the space a line wraps at and the line ends in one, it
    wrapped there."""
    line = lines.before.line
    return Join.SPACE if lines.wrap_spaces and line.ends_in_space else None


def missing_wrap_space(lines: LineBreak) -> Join | None:
    """Where the producer draws wrap spaces and the line had room for one yet drew none, it
    did not wrap at a space: it broke after a hyphen or slash, or inside a word too long for
    the column (the word goes on), or it ended (a new paragraph)."""
    before = lines.before
    if not (lines.wrap_spaces and before.line.tells_wrap_space):
        return None
    if before.line.x1 + lines.space > before.measure.reach:
        return None
    return Join.WORD if lines.last.endswith(BREAKS_AFTER) or lines.broken else Join.PARAGRAPH


def hyphenated(lines: LineBreak) -> Join | None:
    """A hyphen between letters at the line's end joins a compound (``samen-`` / ``werking``),
    unless the next word makes it a dash (``voor-`` / ``en najaar``)."""
    last, first = lines.last, lines.first
    if not (last.endswith("-") and last[-2:-1].isalnum() and first[:1].isalnum()):
        return None
    return Join.SPACE if first.lower() in WORDS_AFTER_DASH else Join.WORD


def documents_words(lines: LineBreak) -> Join | None:
    """Where a line was full and the next word may go on its last (``broken``), where the
    line wrapped is a thing the page cannot show: a line that ends a word too long for the
    column and one that wrapped at a space it had no room for look the same, and a producer
    draws no space past a column's end. The document's own words decide (``Lexicon``): the
    two halves found whole elsewhere as (the start of) one word, a broken word; so too a rest
    of one letter the document never holds as a word (``novembe`` / ``r``); the line's last
    word found as a word and the next line's as (the start of: it may be broken again) one,
    but not the two as one, a wrap. Without such evidence the rules after decide. Words of
    letters only: item numbers and names have their own rules (``_goes_on``)."""
    lexicon = lines.lexicon
    if lexicon is None or not lines.may_be_broken or not lines.between_words:
        return None
    tail, head = lines.last_word, lines.first
    rest = head.strip(AROUND_WORDS)
    if lexicon.begins(tail + head) or (len(rest) == 1 and not lexicon.knows(rest)):
        return Join.WORD
    if lexicon.knows(tail) and lexicon.begins(head):
        return Join.SPACE
    return None


def broken_where_full(lines: LineBreak) -> Join | None:
    """A word too long for its column goes on on the next line: in a column of short
    entries, or where the producer draws wrap spaces (else a wide column's full line of one
    word wrapped at a space)."""
    narrow = lines.wrap_spaces or not lines.before.is_wide(lines.settings)
    return Join.WORD if lines.broken and narrow else None


def broken_after_slash(lines: LineBreak) -> Join | None:
    """A line broken after a slash between words goes on without a space where the next word
    goes on in lower case (``en/`` / ``of``); a name (``ABC``) may stand apart."""
    last, first = lines.last, lines.first
    slash = last.endswith("/") and last[-2:-1].isalpha() and first[:1].islower()
    return Join.WORD if slash else None


def wrapped(lines: LineBreak) -> Join | None:
    """Otherwise the line wrapped at a space."""
    return Join.SPACE


# In order: the first rule with an opinion decides.
JOIN_RULES: tuple[JoinRule, ...] = (
    spaced_apart,
    list_item,
    attached,
    next_word_fitted,
    drawn_wrap_space,
    missing_wrap_space,
    hyphenated,
    documents_words,
    broken_where_full,
    broken_after_slash,
    wrapped,
)


def join_between(
    before: TextLine,
    after: TextLine,
    pitch: float | None,
    wrap_spaces: bool = False,
    *,
    vocabulary: TableVocabulary,
    settings: PdfSettings = DEFAULT_SETTINGS,
    lexicon: Lexicon | None = None,
) -> str | None:
    """How two consecutive lines of a cell join: None for a new paragraph, " " for a wrapped
    line, "" where a word was broken over the lines; as the first of ``JOIN_RULES`` with an
    opinion decides. ``pitch``, ``wrap_spaces`` and ``lexicon`` as for ``LineBreak``."""
    return read_join(LineBreak(before, after, pitch, wrap_spaces, vocabulary, settings, lexicon))[
        0
    ].value


def read_join(lines: LineBreak) -> tuple[Join, Doubt | None]:
    """How the two lines join, as the first of ``JOIN_RULES`` with an opinion decides; and
    a doubt where that was a guess: the words could go on or not (``LineBreak.may_be_broken``)
    and the document's words did not tell (``documents_words``), in a PDF whose producer
    draws the space a line wraps at, and so breaks a word too long for its column wherever
    it is full (Word, LibreOffice). A producer that draws none (a browser, ReportLab) breaks
    no word in a column wide enough for words (see ``broken_where_full``)."""
    index, join = next(
        (index, join) for index, rule in enumerate(JOIN_RULES) if (join := rule(lines)) is not None
    )
    guessed = (
        index > JOIN_RULES.index(documents_words)
        and join is not Join.PARAGRAPH
        and lines.lexicon is not None
        and lines.wrap_spaces
        and lines.may_be_broken
        and lines.between_words
    )
    doubt = Doubt(lines.last_word, lines.first, join is Join.WORD) if guessed else None
    return join, doubt


def starts_list_item(line: Line) -> bool:
    """Whether the line begins with a list glyph (``-``, ``•``) or a numbering (``2.``,
    ``b.``) followed by text: such a line begins a paragraph. A numbering in parentheses
    (``1)``) is as often an enumeration in running text, wrapped to the start of a line, so
    there the line's fit decides."""
    words = line.words
    if len(words) < 2:
        return False
    first = "".join(glyph.text for glyph in words[0])
    return first in LIST_GLYPHS or bool(NUMBERING.fullmatch(first))


def _goes_on(last: str, first: str, vocabulary: TableVocabulary) -> bool:
    """Whether ``first`` may be the rest of a word that ``last`` ends with: a word goes on in
    lower case (after a letter, or an apostrophe: ``auto'`` / ``s``); an item number
    where the halves make one (broken after a dot or before it); where a half is a known
    name (``WWI`` / ``en``, ``BZK`` / ``VNG``), only if the halves make one (``NCT`` / ``b``).

    A producer breaks a word too long for its column at a hyphen inside it before it breaks
    it anywhere else: a word that holds one it did not break at (``abc-def``) fitted whole,
    and the line wrapped after it. (Not so a slash: LibreOffice breaks ``abc/def`` inside.)"""
    names = vocabulary.organisations
    tail, head = NAME_PARTS.split(last)[-1], NAME_PARTS.split(first)[0]
    if tail and tail + head in names:
        return tail not in names or head not in names
    if tail in names or head in names:
        return False
    if vocabulary.item_number_start.fullmatch(last):
        return bool(vocabulary.item_number.fullmatch(last + first))
    if INNER_HYPHEN.search(last):
        return False
    in_word = last[-1:].isalpha() or (last[-1:] in APOSTROPHES and last[-2:-1].isalpha())
    return in_word and first[:1].islower()


# -- wrap spaces ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class WrapSpaces:
    """Of ``lines`` lines of cells, ``spaced`` end in a drawn space; ``drawn``: enough do to
    tell that the producer draws the space at which a line wraps, as LibreOffice does and
    browsers do not. True as ``drawn`` is."""

    spaced: int
    lines: int
    drawn: bool

    def __bool__(self) -> bool:
        return self.drawn


def draws_wrap_spaces(
    parts: Sequence[Line], settings: PdfSettings = DEFAULT_SETTINGS
) -> WrapSpaces:
    """Whether the producer draws the space at which a line wraps: whether a good share of
    the lines of cells end in a drawn space; with the counts that tell."""
    told = [part for part in parts if part.tells_wrap_space]
    spaced = sum(part.ends_in_space for part in told)
    share = settings.wrap_space_share * len(told)
    return WrapSpaces(spaced, len(told), spaced >= settings.wrap_space_lines and spaced >= share)


# -- paragraphs ----------------------------------------------------------------------------------

Box = tuple[float, float, float, float]  # x0, top, x1, bottom


def _box(glyphs: Sequence[Glyph]) -> Box:
    return (
        glyphs[0].x0,
        min(g.top for g in glyphs),
        glyphs[-1].x1,
        max(g.bottom for g in glyphs),
    )


@dataclass(frozen=True, slots=True)
class LineJoin:
    """Where a paragraph went on from one line to the next: the boxes of the line's last word
    and of the next line's first, and the join (" " or "")."""

    end: Box
    start: Box
    join: str


@dataclass
class StyledParagraph:
    """Glyph runs of one paragraph; ``joins_previous`` as in the grid; ``joins`` where it
    went on from one line to the next; ``start`` the box of its first word."""

    pieces: list[tuple[str, bool, bool]] = field(default_factory=list)
    joins_previous: str | None = None
    joins: list[LineJoin] = field(default_factory=list)
    # The box of the paragraph's first word.
    start: Box | None = None
    # Where the paragraph's lines could go on in a word or at a space, and it was a guess.
    doubts: list[Doubt] = field(default_factory=list)


def paragraphs_of(
    lines: Sequence[TextLine],
    pitch: float,
    first_join: str | None = None,
    wrap_spaces: bool = False,
    *,
    vocabulary: TableVocabulary,
    settings: PdfSettings = DEFAULT_SETTINGS,
    lexicon: Lexicon | None = None,
) -> list[StyledParagraph]:
    """Lines of one cell as paragraphs of (text, italic, bold) pieces; ``wrap_spaces`` as
    for ``join_between``."""
    paragraphs: list[StyledParagraph] = []
    label: str | None = None  # the label the current paragraph began with
    for index, text_line in enumerate(lines):
        before = lines[index - 1] if index else None
        join, doubt = (
            (None, None)
            if before is None
            else read_join(
                LineBreak(before, text_line, pitch, wrap_spaces, vocabulary, settings, lexicon)
            )
        )
        join = join.value if join is not None else None
        first = "".join(g.text for g in text_line.line.words[0])
        if join is not None and label is not None and first == _next_label(label):
            join = None  # the next in a list (``3 …``, ``4 …``), wherever the line before ended
        if before is None or join is None:
            paragraphs.append(
                StyledParagraph(
                    joins_previous=first_join if index == 0 else None,
                    start=_box(text_line.line.words[0]),
                )
            )
        else:
            paragraphs[-1].joins.append(
                LineJoin(_box(before.line.words[-1]), _box(text_line.line.words[0]), join)
            )
            if join:
                paragraphs[-1].pieces.append((join, False, False))
            if doubt is not None:
                paragraphs[-1].doubts.append(doubt)
        paragraphs[-1].pieces.extend(_styled_runs(text_line.line.trimmed))
        if join is None:
            label = first if LIST_LABEL.fullmatch(first) and len(text_line.line.words) > 1 else None
    return paragraphs


def _styled_runs(glyphs: Sequence[Glyph]) -> Iterator[tuple[str, bool, bool]]:
    """The glyphs' text, a piece for each stretch of one style (not a piece a glyph: a cell's
    runs are then normalised a stretch at a time)."""
    for (italic, bold), stretch in itertools.groupby(glyphs, key=_STYLE):
        yield "".join(map(_TEXT, stretch)), italic, bold


_STYLE, _TEXT = attrgetter("italic", "bold"), attrgetter("text")


def _next_label(label: str) -> str:
    """``3`` → ``4``, ``c.`` → ``d.``, ``2)`` → ``3)``."""
    body, mark = label.rstrip(".)"), label[len(label.rstrip(".)")) :]
    following = str(int(body) + 1) if body.isdigit() else chr(ord(body) + 1)
    return following + mark
