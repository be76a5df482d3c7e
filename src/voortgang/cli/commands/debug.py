"""``voortgang debug``: how each page of a PDF was read, drawn."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from voortgang.cli.app import main
from voortgang.cli.console import interruptible, read_one
from voortgang.cli.options import INPUT_PATH, page_numbers, read_options, reading_options
from voortgang.cli.settings import Settings, quiet_pdf_libraries
from voortgang.debug import (
    DEFAULT_RESOLUTION,
    MAX_RESOLUTION,
    MIN_RESOLUTION,
    DebugReading,
    debug_files,
    read_for_debug,
    write_files,
)
from voortgang.files import OutputError


@main.command("debug")
@click.argument("source", metavar="FILE", type=INPUT_PATH)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    required=True,
    help="The folder to write the pictures, index.html and records.json into; made where "
    "missing. Files of the same names are replaced, others left alone.",
)
@click.option(
    "--pages",
    callback=page_numbers,
    metavar="PAGES",
    help="Draw only these pages (2-4, 1,3,5-7); all are still read, as a page's reading "
    "depends on the pages before it.",
)
@click.option(
    "--resolution",
    type=click.IntRange(min=MIN_RESOLUTION, max=MAX_RESOLUTION),
    default=DEFAULT_RESOLUTION,
    show_default=True,
    help="Pixels per inch of the pictures.",
)
@reading_options
@click.pass_context
@interruptible
def debug_command(
    context: click.Context,
    source: str,
    output: Path,
    pages: set[int] | None,
    resolution: int,
) -> None:
    """Draw how each page of a PDF was read, into the folder -o names.

    Writes a picture per page (page-001.png, …) with the header band, the column bounds and
    the fields they were matched to, the rulings used and ignored, the row cuts with the item
    each row went to, text outside the table, sub-item starts and words joined across lines;
    and index.html, showing them in order with each page's evidence, linked to the records
    (also in records.json). Exit code 2 when FILE is no readable PDF or the folder cannot be
    written (nothing is written then), 1 when the PDF holds no report (the pages are drawn).
    """
    settings = context.ensure_object(Settings)
    quiet_pdf_libraries(settings.verbose)
    if output.exists() and not output.is_dir():
        settings.error(f"{output}: is not a folder")
        sys.exit(2)
    options = read_options(context)

    def draw(data: bytes, label: str) -> tuple[DebugReading, dict[str, bytes]]:
        debugged = read_for_debug(data, label, options.password, options.pdf, options.vocabulary)
        return debugged, debug_files(debugged, pages, resolution)

    found = read_one(source, settings, draw)
    if found is None:
        sys.exit(2)
    debugged, files = found
    try:
        write_files(output, files)
    except OutputError as error:
        settings.error(str(error))
        sys.exit(2)
    drawn = sum(name.endswith(".png") for name in files)
    settings.say(f"drew {drawn} of {debugged.page_count} pages; open {output / 'index.html'}")
    if debugged.problem:
        settings.error(f"{debugged.path}: {debugged.problem} (the pages are drawn all the same)")
        sys.exit(1)
