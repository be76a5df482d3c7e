"""Reader for PDF renditions: pages read in order, into the grid.

Per page: the glyphs become lines (``glyphs``), the page furniture is left out
(``furniture``), lines that name the report's columns are a table's header row (``header``),
and the lines below it are cut into columns (``columns``), rows (``rows``) and paragraphs
(``join``). Text above a table is free text (the page heading and the track row). The rest of
a row that a page break cut off is marked as continuing the row before, its paragraphs as
joining the ones they continue. Pages are read one at a time and released; each comes with
its ``PageReading``.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from voortgang.errors import InputError
from voortgang.parse.grid import Cell, Doubt, Page, Paragraph, Row, Run, normalise_runs
from voortgang.parse.pdf.columns import Columns, Measure, TextLine, find_columns
from voortgang.parse.pdf.engines import SourcePage, source_pages
from voortgang.parse.pdf.furniture import PageLines, running_lines, within_margins
from voortgang.parse.pdf.glyphs import Line, Rulings, make_lines
from voortgang.parse.pdf.header import Label, header_at, table_end
from voortgang.parse.pdf.join import (
    Box,
    Lexicon,
    LineJoin,
    draws_wrap_spaces,
    join_between,
    paragraphs_of,
)
from voortgang.parse.pdf.reading import PageReading, RowBand, RowKind, TableReading
from voortgang.parse.pdf.rows import (
    alignment_evidence,
    alignment_of,
    fills_a_row,
    has_rules_between,
    is_merged,
    is_spanning,
    line_pitch,
    split_rows,
)
from voortgang.parse.pdf.settings import DEFAULT_SETTINGS, PdfSettings, TableVocabulary

SENTENCE_ENDS = (".", ":", ";", "!", "?")
# A table: the lines of its header row (none on a page that does not repeat it), its labels
# (None there) and the lines below.
Table = tuple[Sequence[Line], list[Label] | None, list[Line]]
# A header row: the index of its first line, its labels and the index of the line after it.
Header = tuple[int, list[Label], int]


@dataclass(frozen=True, slots=True)
class Prepared:
    """A page as glyphs and rulings read it: its lines (``all_lines``, and ``lines`` without
    a browser's header and footer in the margins), its drawn rulings and the table header
    rows among ``lines``."""

    number: int
    width: float
    height: float
    rulings: Rulings
    all_lines: list[Line]
    lines: list[Line]
    headers: list[Header]

    @property
    def running(self) -> PageLines:
        first = self.headers[0][0] if self.headers else len(self.lines)
        return PageLines(self.lines, self.height, first)


class _TableReader:
    """Reads pages in order, remembering what a table continued on the next page needs."""

    def __init__(self, vocabulary: TableVocabulary, settings: PdfSettings) -> None:
        self.vocabulary = vocabulary
        self.settings = settings
        self.columns: Columns | None = None
        # The last line of each column in the last row of the previous page.
        self.tails: dict[int, TextLine] = {}
        # The distance between lines of a paragraph, as last seen.
        self.pitch = settings.default_pitch
        # Whether the table's rows have been seen ruled off from each other, and where its
        # numbers stand in their rows (as all pages so far tell).
        self.rows_ruled = False
        self.alignments_seen: Counter[str] = Counter()
        # Whether the producer draws the space a line wraps at (see draws_wrap_spaces).
        self.wrap_spaces = False
        # The words the cells read so far hold whole (see documents_words).
        names = [name for names in vocabulary.column_names for name in names]
        self.lexicon = Lexicon(settings, [*" ".join(names).split(), *vocabulary.words])
        # Where the row being read could not tell how its words go on (see read_join).
        self.doubts: list[Doubt] = []
        # Where paragraphs went on from line to line on the page being read.
        self.joins: list[LineJoin] = []

    def prepare(self, source: SourcePage) -> Prepared:
        """The page's glyphs as lines, and its rulings: all the reader needs of the PDF page,
        so that the page can be released before its neighbours are read."""
        all_lines = make_lines(source.glyphs, self.settings)
        self.lexicon.add(all_lines)
        lines = within_margins(all_lines, self.settings)
        vocabulary, settings = self.vocabulary, self.settings
        headers = [
            (i, *found)
            for i in range(len(lines))
            if (found := header_at(lines, i, vocabulary, settings))
        ]
        return Prepared(
            source.number, source.width, source.height, source.rulings, all_lines, lines, headers
        )

    def page(self, prepared: Prepared, around: Sequence[Prepared]) -> tuple[Page, PageReading]:
        """The page's grid and reading; ``around`` are the pages before and after it, to tell
        its running header and footer by."""
        settings = self.settings
        lines = prepared.lines
        top, bottom = running_lines(prepared.running, [other.running for other in around], settings)
        header_lines, lines, footer_lines = (
            lines[:top],
            lines[top : len(lines) - bottom],
            lines[len(lines) - bottom :],
        )
        kept = {id(line) for line in lines}
        furniture = tuple(line for line in prepared.all_lines if id(line) not in kept)
        self.joins = []
        # Where the page's text ends, taking the margins to be the same on the left and right.
        right = prepared.width - min((line.x0 for line in prepared.lines), default=0)
        usual = statistics.median(line.size for line in prepared.lines) if prepared.lines else 1
        # Furniture stops at a header row: every one stands among the lines left.
        tables = self._tables(
            lines, [(i - top, labels, end - top) for i, labels, end in prepared.headers]
        )
        first = len(lines) - sum(len(header) + len(below) for header, _, below in tables)
        free_text = list(lines[:first])
        rows = self._free_text([*header_lines, *free_text], right, usual)
        readings: list[TableReading] = []
        for index, (header, labels, lines_below) in enumerate(tables):
            end = table_end(lines_below, settings)
            body = lines_below[:end]
            if labels is not None:
                self.columns = self._columns(labels, body, prepared)
                rows.append(Row(tuple(Cell(_label(text)) for text in self.columns.labels)))
            table_rows, table_reading = self._table(
                header, labels, body, prepared.rulings, index == 0, len(rows)
            )
            rows += table_rows
            readings.append(table_reading)
            rows += self._free_text(lines_below[end:], right, usual)
            free_text += lines_below[end:]
        rows += self._free_text(footer_lines, right, usual)
        reading = PageReading(
            number=prepared.number,
            width=prepared.width,
            height=prepared.height,
            lines=tuple(prepared.all_lines),
            furniture=furniture,
            free_text=tuple(free_text),
            tables=tuple(readings),
            joins=tuple(self.joins),
        )
        return Page(prepared.number, tuple(rows)), reading

    def _columns(self, labels: list[Label], body: list[Line], prepared: Prepared) -> Columns:
        """The columns of a table whose header row has ``labels``, measured on the lines of
        its cells: a line that runs across the columns (a heading between two tables, a
        merged track row) says nothing of how far a column's text reaches."""
        vocabulary, settings = self.vocabulary, self.settings
        vertical, width = prepared.rulings.vertical, prepared.width
        columns = find_columns(labels, body, vertical, width, self.columns, settings)
        cells = [line for line in body if not is_spanning(line, columns, vocabulary, settings)]
        if len(cells) == len(body):
            return columns
        return find_columns(labels, cells, vertical, width, self.columns, settings)

    def _tables(self, lines: list[Line], headers: list[Header]) -> list[Table]:
        """The tables on the page: one below each header row, and above the first (or on a
        page without one) the table of the page before going on, if there is one: from the
        first line within its columns (a line across them or centred over them, a heading,
        stands above it)."""
        vocabulary, settings = self.vocabulary, self.settings
        first_header = headers[0][0] if headers else len(lines)
        tables: list[Table] = []
        columns = self.columns
        if columns is not None:
            inside = (
                i
                for i, line in enumerate(lines[:first_header])
                if not is_spanning(line, columns, vocabulary, settings)
                and not columns.centres(line, settings)
            )
            start = next(inside, first_header)
            if start < first_header or not headers:
                tables.append(((), None, lines[start:first_header]))
        elif not headers:
            self.tails = {}
        ends = [*(i for i, _, _ in headers[1:]), len(lines)] if headers else []
        tables += [
            (lines[start:body], labels, lines[body:end])
            for (start, labels, body), end in zip(headers, ends, strict=True)
        ]
        return tables

    def _table(
        self,
        header: Sequence[Line],
        labels: list[Label] | None,
        body: list[Line],
        rulings: Rulings,
        continued: bool,
        first_row: int,
    ) -> tuple[list[Row], TableReading]:
        """Rows of the table's body and how they were read; ``continued`` where the table may
        go on from the page before; ``first_row`` the index its first row will have among
        the page's rows."""
        vocabulary, settings = self.vocabulary, self.settings
        columns = self.columns
        assert columns is not None
        left, right = columns.bounds[0], columns.bounds[-1]
        long = settings.row_rule_length * (right - left)
        rules_across = [rule for rule in rulings.horizontal if rule[2] - rule[1] >= long]
        rules = sorted(y for y, _, _ in rules_across)
        pitch = line_pitch(body, columns, settings) or self.pitch
        self.pitch = pitch
        self.rows_ruled = self.rows_ruled or has_rules_between(body, rules)
        row_rules = rules if self.rows_ruled else []
        evidence = alignment_evidence(
            body, columns, pitch, vocabulary=vocabulary, settings=settings
        )
        self.alignments_seen += evidence
        alignment = alignment_of(self.alignments_seen)
        row_groups = split_rows(
            body, columns, row_rules, pitch, alignment, vocabulary=vocabulary, settings=settings
        )
        split = [
            (
                row_lines,
                None
                if is_merged(row_lines, columns, vocabulary, settings)
                else columns.cells_of(row_lines),
            )
            for row_lines in row_groups
        ]
        cell_lines = [part.line for _, cells in split for parts in cells or () for part in parts]
        for _, cells in split:
            for parts in cells or ():
                self.lexicon.add_cell(parts)
        wrap_spaces = draws_wrap_spaces(cell_lines, settings)
        self.wrap_spaces = self.wrap_spaces or wrap_spaces.drawn
        rows: list[Row] = []
        bands: list[RowBand] = []
        for index, (row_lines, parts_by_column) in enumerate(split):
            kind: RowKind = "merged"
            self.doubts = []
            if parts_by_column is None:
                merged = [TextLine.alone(line) for line in row_lines]
                cell, starts = self._cell(merged, pitch, None, self.wrap_spaces)
                rows.append(Row((cell,), doubts=tuple(self.doubts)))
                paragraph_starts = (starts,)
                self.tails = {}
            else:
                first_on_page = continued and index == 0
                joins = self._joins_across_page(parts_by_column) if first_on_page else None
                read = [
                    self._cell(parts, pitch, joins[column] if joins else None, self.wrap_spaces)
                    if parts
                    else (Cell(), ())
                    for column, parts in enumerate(parts_by_column)
                ]
                cells = tuple(cell for cell, _ in read)
                rows.append(Row(cells, continues=joins is not None, doubts=tuple(self.doubts)))
                paragraph_starts = tuple(starts for _, starts in read)
                self.tails = {c: parts[-1] for c, parts in enumerate(parts_by_column) if parts}
                kind = "item" if joins is None else "continuation"
            top, bottom = min(ln.top for ln in row_lines), max(ln.bottom for ln in row_lines)
            bands.append(RowBand(top, bottom, kind, first_row + index, paragraph_starts))
        used = rules_across if self.rows_ruled else []
        reading = TableReading(
            header=(min(ln.top for ln in header), max(ln.bottom for ln in header))
            if header
            else None,
            labels=tuple(labels or ()),
            bounds=columns.bounds,
            column_labels=columns.labels,
            rulings_used=Rulings(
                tuple(x for x in rulings.vertical if x in columns.bounds), tuple(used)
            ),
            rulings_ignored=Rulings(
                tuple(x for x in rulings.vertical if x not in columns.bounds),
                tuple(rule for rule in rulings.horizontal if rule not in used),
            ),
            rows_ruled=self.rows_ruled,
            rows=tuple(bands),
            pitch=pitch,
            alignment_evidence=dict(evidence),
            alignment=alignment,
            wrap_spaces=wrap_spaces,
            wrap_spaces_used=self.wrap_spaces,
        )
        return rows, reading

    def _cell(
        self, lines: list[TextLine], pitch: float, first_join: str | None, wrap_spaces: bool
    ) -> tuple[Cell, tuple[Box, ...]]:
        """The cell of ``lines``, and the box of each of its paragraphs' first word."""
        paragraphs = paragraphs_of(
            lines,
            pitch,
            first_join,
            wrap_spaces,
            vocabulary=self.vocabulary,
            settings=self.settings,
            lexicon=self.lexicon,
        )
        self.joins += [join for paragraph in paragraphs for join in paragraph.joins]
        self.doubts += [doubt for paragraph in paragraphs for doubt in paragraph.doubts]
        cell = Cell(
            tuple(
                Paragraph(
                    tuple(normalise_runs(Run(text, it, bold) for text, it, bold in p.pieces)),
                    p.joins_previous,
                )
                for p in paragraphs
            )
        )
        return cell, tuple(p.start for p in paragraphs if p.start is not None)

    def _free_text(self, lines: Sequence[Line], right: float, usual: float) -> list[Row]:
        """Text outside a table, a row per paragraph, with its type size over ``usual``, the
        page's. A line goes on the paragraph of the line right above it, set in the same type,
        whose text would have reached past ``right`` (where the page's text ends) with the
        line's first word: a heading wrapped over two lines."""
        groups: list[list[Line]] = []
        for line in lines:
            before = groups[-1][-1] if groups else None
            if before is not None and self._wrapped(before, line, right):
                groups[-1].append(line)
            else:
                groups.append([line])
        cells = [
            self._cell(
                [TextLine(line, Measure(line.x0, right, right)) for line in group],
                pitch=math.inf,
                first_join=None,
                wrap_spaces=False,
            )[0]
            for group in groups
        ]
        return [
            Row((cell,), in_table=False, size=group[0].size / usual)
            for cell, group in zip(cells, groups, strict=True)
        ]

    def _wrapped(self, before: Line, after: Line, right: float) -> bool:
        settings = self.settings
        if abs(after.size - before.size) > settings.heading_size_change * before.size:
            return False
        if after.top - before.top > settings.heading_step * before.size:
            return False
        measure = Measure(before.x0, right, right)
        join = join_between(
            TextLine(before, measure),
            TextLine(after, measure),
            None,
            vocabulary=self.vocabulary,
            settings=settings,
        )
        return join is not None

    def _joins_across_page(self, parts_by_column: list[list[TextLine]]) -> list[str | None] | None:
        """For the first row on a page: if it is the rest of the row the page break cut off,
        how each column's first line joins that column's last line before the break; else
        None. It is the rest of a row where it has too little of its own to be a row, or
        where a sentence runs on in a column wide enough for sentences: the next line goes on
        in lower case, or the last one did not end a sentence. Or where the number cell goes
        on an item number the break cut in two, its first part on the page before."""
        if not self.tails:
            return None
        if parts_by_column[0]:
            tail = self.tails.get(0)
            if tail is None or not self._cut_number(tail.line.text, parts_by_column[0][0]):
                return None
        tails = [self.tails.get(column) for column in range(len(parts_by_column))]
        joins = [
            join_between(
                tail,
                parts[0],
                None,
                self.wrap_spaces,
                vocabulary=self.vocabulary,
                settings=self.settings,
                lexicon=self.lexicon,
            )
            if parts and tail is not None
            else None
            for tail, parts in zip(tails, parts_by_column, strict=True)
        ]
        runs_on = any(
            join is not None
            and parts[0].is_wide(self.settings)
            and (parts[0].line.text[:1].islower() or not tail.line.text.endswith(SENTENCE_ENDS))
            for join, parts, tail in zip(joins, parts_by_column, tails, strict=True)
            if tail is not None
        )
        return joins if runs_on or not fills_a_row(parts_by_column, self.settings) else None

    def _cut_number(self, before: str, after: TextLine) -> bool:
        """Whether ``before``, the number cell's last line before a page break, is the start
        of an item number and no item number itself, which ``after`` completes."""
        vocabulary = self.vocabulary
        return (
            bool(vocabulary.item_number_start.fullmatch(before))
            and not vocabulary.item_number.fullmatch(before)
            and bool(vocabulary.item_number.fullmatch(before + after.line.text))
        )


def _label(text: str) -> tuple[Paragraph, ...]:
    return (Paragraph((Run(text),)),) if text else ()


def read_pdf_pages(
    data: bytes,
    password: str | None = None,
    *,
    vocabulary: TableVocabulary,
    settings: PdfSettings = DEFAULT_SETTINGS,
) -> Iterator[tuple[Page, PageReading]]:
    """The PDF's pages, each with how it was read, by the engine ``settings`` name. Whatever
    the engine raises on a damaged file, while opening it or reading a page, is an
    InputError; an error raised in voortgang's own code is not."""
    reader = _TableReader(vocabulary, settings)
    sources = source_pages(data, password, settings.engine, settings)
    prepared = (reader.prepare(source) for source in sources)
    seen_text = False
    for result in _pages_in_context(reader, prepared, settings.running_pages):
        seen_text = seen_text or bool(result[0].rows)
        yield result
    if not seen_text:
        raise InputError("the PDF has no text layer (a scan?); run OCR on it first")


def _pages_in_context(
    reader: _TableReader, prepared: Iterable[Prepared], around: int
) -> Iterator[tuple[Page, PageReading]]:
    """Each page read with up to ``around`` pages before and after it at hand, and no more
    in memory."""
    window: list[Prepared] = []  # the pages before the next to read, it, and those after

    def read(index: int) -> tuple[Page, PageReading]:
        return reader.page(window[index], window[:index] + window[index + 1 :])

    done = 0  # how many of the window's pages are read
    for page in prepared:
        window.append(page)
        if len(window) > done + around:
            yield read(done)
            done += 1
            if done > around:
                window.pop(0)
                done -= 1
    while done < len(window):
        yield read(done)
        done += 1


def read_pdf(
    data: bytes,
    password: str | None = None,
    *,
    vocabulary: TableVocabulary,
    settings: PdfSettings = DEFAULT_SETTINGS,
) -> Iterator[Page]:
    """The PDF's pages (see ``read_pdf_pages``)."""
    for page, _ in read_pdf_pages(data, password, vocabulary=vocabulary, settings=settings):
        yield page
