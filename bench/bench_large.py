"""How much time and memory voortgang takes to read a large, legitimate report.

    python bench/bench_large.py [--rows 100000] [--rows-per-page 12] [--format jsonl]

Writes a report of ``--rows`` table rows as the text rendition and as HTML (clean semantic
HTML, with a CSS page break before each page, and the same without page breaks: one table of
all the rows, as hand-written and exported HTML often is), made with the tests' renderers
(``tests/renderings.py``), and runs ``voortgang parse FILE -f FORMAT`` on each in a new
process, its output to a temporary file. The report is generated, not copied: items under
several tracks, a third with sub-items (some of which have a row of their own, with their own
deadline, lead and status), statuses of one to five paragraphs and list items, references to
earlier items, deadlines of every kind; the page heading block, track row and header row
repeat on each page of ``--rows-per-page`` rows.

For each file it prints the wall time, the CPU time (user + system) and the peak resident
memory of the process (``os.wait4``: the child's own rusage, what
``getrusage(RUSAGE_CHILDREN)`` gives for one child), the exit code, the items written, and the
memory above that of reading the one-page sample (start-up and imports) per table row and per
page. The issue's goal: 100,000 rows in either format under 600 MB and 60 s.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from voortgang.parse.grid import Cell, Page, Paragraph, Row, Run

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from renderings import render_semantic, render_text  # noqa: E402

HEADING = ("VOORTGANGSRAPPORTAGE 2031", "ACTIEPLAN VOORBEELD EN ONDERZOEK 2029-2033", "Juni 2031")
HEADER = ("", "Resultaat", "Deadline", "Trekker", "Stand van zaken")
THEMES = ("LOKALE AANPAK", "NATIONALE AANPAK", "INTERNATIONALE SAMENWERKING", "ONDERZOEK")
# Items a track can number: t.a and t.a.b, each level below 100.
TRACK_ITEMS = 100 * 100
LEADS = ("BZK", "WWI", "OCW", "NCTb", "AIVD", "SZW", "Justitie", "BuZa", "VNG", "J&G")
DEADLINES = ("continu", "2031", "Begin 2032", "november", "voorjaar", "eind 2031", "mei", "")
WORDS = (
    "gemeenten ondersteuning aanpak onderzoek netwerk professionals jongeren beleid kennis"
    " bijeenkomsten trainingen expertise ontwikkeling uitvoering evaluatie samenwerking"
    " handreiking programma verspreid georganiseerd ontwikkeld betrokken partners lokale"
    " landelijke regionale rapportage voortgang scholen instellingen ervaringen uitgewisseld"
    " de het een van in op met voor en door aan is zijn wordt worden bij naar over ook"
).split()


class Generator:
    """Rows of a made-up report, drawn from a seeded random source."""

    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)
        self.numbers: list[str] = []  # those of the items so far, for references

    def sentence(self, low: int = 6, high: int = 18) -> str:
        words = self.random.choices(WORDS, k=self.random.randint(low, high))
        text = " ".join(words)
        if self.numbers and self.random.random() < 0.15:
            target = self.random.choice(self.numbers[-500:])
            text += self.random.choice((f" (zie {target})", f" ({target})", f", onder {target}"))
        return text[0].upper() + text[1:] + "."

    def status(self) -> Cell:
        paragraphs = []
        for _ in range(self.random.choice((1, 1, 2, 2, 3, 5))):
            if self.random.random() < 0.25:
                text = "- " + self.sentence(4, 12)
            else:
                text = " ".join(self.sentence() for _ in range(self.random.randint(1, 3)))
            paragraphs.append(Paragraph((Run(text),)))
        return Cell(tuple(paragraphs))

    def item_rows(self, number: str) -> list[Row]:
        """The rows of one item: one, or (a sub-item on a row of its own) a few."""
        title = Paragraph((Run(self.sentence(2, 7).rstrip(".")),))
        deadline = cell(self.random.choice(DEADLINES))
        lead = cell(" ".join(self.random.sample(LEADS, self.random.choice((1, 1, 2)))))
        labels = "abcdef"[: self.random.randint(2, 6)] if self.random.random() < 1 / 3 else ""
        own_rows = bool(labels) and self.random.random() < 0.3
        sub_items = [
            Paragraph((Run(f"{label}. {self.sentence(3, 9)}", italic=True),)) for label in labels
        ]
        first_title = (title, *(sub_items[:1] if own_rows else sub_items))
        rows = [Row((cell(number), Cell(first_title), deadline, lead, self.status()))]
        for sub_item in sub_items[1:] if own_rows else ():
            deadline = cell(self.random.choice(DEADLINES))
            lead = cell(self.random.choice(LEADS))
            rows.append(Row((Cell(), Cell((sub_item,)), deadline, lead, self.status())))
        self.numbers.append(number)
        return rows


def cell(text: str) -> Cell:
    return Cell((Paragraph((Run(text),)),) if text else ())


def plain_row(text: str, in_table: bool, width: int = 5) -> Row:
    if not in_table:
        return Row((cell(text),), in_table=False)
    return Row((cell(text), *(Cell() for _ in range(width - 1))))


def numbers(tracks: int) -> Iterator[tuple[int, str]]:
    """(track, item number): ``t.a`` and ``t.a.b``, each level below 100, track by track."""
    for track in range(1, tracks + 1):
        for first in range(100):
            yield track, f"{track}.{first}"
            for second in range(1, 100):
                yield track, f"{track}.{first}.{second}"


def report_pages(rows: int, rows_per_page: int, seed: int = 2031) -> list[Page]:
    """A report of about ``rows`` table rows (an item's rows are not cut), in pages of about
    ``rows_per_page``; each page opens with the heading block, its track's row and the
    header row. Four tracks, or as many as the items need (an item has 1.3 rows)."""
    generator = Generator(seed)
    tracks = min(99, max(4, 1 + rows // TRACK_ITEMS))
    per_track = max(1, rows // tracks)
    item_numbers = numbers(tracks)
    pages: list[Page] = []
    page_rows: list[Row] = []
    made = 0
    track = 0
    while made < rows:
        next_track = min(tracks, made // per_track + 1)
        number_track, number = next(item_numbers)
        while number_track < next_track:
            number_track, number = next(item_numbers)
        item = generator.item_rows(number)
        if next_track != track or len(page_rows) >= rows_per_page:
            if page_rows:
                pages.append(page(track, page_rows))
            page_rows, track = [], next_track
        page_rows += item
        made += len(item)
    pages.append(page(track, page_rows))
    return pages


def page(track: int, rows: list[Row]) -> Page:
    heading = [plain_row(text, in_table=False) for text in HEADING]
    header = Row(tuple(cell(text) for text in HEADER))
    track_row = plain_row(f"SPOOR {track}: {THEMES[(track - 1) % len(THEMES)]}", in_table=True)
    return Page(None, (*heading, track_row, header, *rows))


def run(path: Path, output_format: str) -> tuple[float, float, int, int, int]:
    """Wall seconds, CPU seconds, peak resident bytes, exit code and items of ``voortgang
    parse`` on ``path`` in a new process."""
    command = [sys.executable, "-m", "voortgang", "parse", str(path), "-q", "-f", output_format]
    command += ["--timeout", "0"]  # measured to the end, however loaded the machine
    with tempfile.TemporaryFile() as out:
        started = time.perf_counter()
        child = subprocess.Popen(command, stdout=out, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        items = count_items(out.read(), output_format)
    cpu = usage.ru_utime + usage.ru_stime
    return wall, cpu, usage.ru_maxrss * 1024, child.returncode, items


def count_items(output: bytes, output_format: str) -> int:
    if not output:
        return 0
    if output_format == "jsonl":
        return output.count(b"\n")
    return len(json.loads(output)["items"])


RENDITIONS = {"text": ".txt", "html": ".html", "html-one-table": ".html"}


def make(folder: Path, rows: int, rows_per_page: int) -> None:
    """Write each rendition to ``folder``, and the counts of item rows and pages; run in a
    process of its own, so that the one measuring stays small: a child's peak memory counts
    that of the process it was started from (its fork's, before exec)."""
    pages = report_pages(rows, rows_per_page)
    renders = {
        "text": lambda: render_text(pages),
        "html": lambda: render_semantic(pages),
        "html-one-table": lambda: render_semantic([Page(None, one_table(pages))]),
    }
    for name, render in renders.items():
        (folder / f"{name}{RENDITIONS[name]}").write_bytes(render())
    table_rows = sum(1 for each in pages for row in each.rows[5:])
    (folder / "counts.json").write_text(json.dumps([table_rows, len(pages)]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--rows-per-page", type=int, default=12)
    parser.add_argument("--format", choices=("json", "jsonl"), default="json")
    parser.add_argument("--only", choices=list(RENDITIONS), action="append")
    parser.add_argument("--make", type=Path, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.make:
        make(options.make, options.rows, options.rows_per_page)
        return
    baseline = run(ROOT / "samples" / "voortgangsrapportage-2009.txt", options.format)[2]
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        sizes = [f"--rows={options.rows}", f"--rows-per-page={options.rows_per_page}"]
        subprocess.run([sys.executable, __file__, "--make", name, *sizes], check=True)
        table_rows, page_count = json.loads((folder / "counts.json").read_text())
        print(f"{options.rows} rows asked, {table_rows} item rows, {page_count} pages;")
        print(f"baseline (the sample, start-up and imports): {baseline / 2**20:.0f} MB")
        print(
            f"{'rendition':15} {'MB in':>6} {'pages':>6} {'wall s':>7} {'cpu s':>7}"
            f" {'peak MB':>8} {'exit':>4} {'items':>7} {'B/row':>7} {'KB/page':>8}"
        )
        for rendition in options.only or list(RENDITIONS):
            path = folder / f"{rendition}{RENDITIONS[rendition]}"
            wall, cpu, peak, code, items = run(path, options.format)
            pages = 1 if rendition == "html-one-table" else page_count
            above = max(0, peak - baseline)
            print(
                f"{rendition:15} {path.stat().st_size / 2**20:6.1f} {pages:6d} {wall:7.1f}"
                f" {cpu:7.1f} {peak / 2**20:8.0f} {code:4d} {items:7d}"
                f" {above / table_rows:7.0f} {above / pages / 1024:8.1f}",
                flush=True,
            )


def one_table(pages: list[Page]) -> tuple[Row, ...]:
    """All the pages' rows as one table: the heading block and the header row once, a track
    row where the track changes."""
    rows: list[Row] = []
    track = ""
    for number, each in enumerate(pages):
        track_row, header, *items = (row for row in each.rows if row.in_table)
        if track_row.cells[0].text != track:
            rows.append(track_row)
            track = track_row.cells[0].text
        if not number:
            rows.append(header)
        rows += items
    return (*[row for row in pages[0].rows if not row.in_table], *rows)


if __name__ == "__main__":
    main()
