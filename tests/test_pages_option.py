"""--pages on parse, check and convert (issue 16): only those pages of a PDF are read."""

from __future__ import annotations

import json
from typing import Any

import pytest
from click.testing import CliRunner

from voortgang import cli
from voortgang.errors import InputError
from voortgang.parse.pdf import PdfSettings

from conftest import SAMPLES, TEXT_SAMPLE

PDF = SAMPLES / "voortgangsrapportage-2009-portrait-plain.pdf"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli.main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def whole() -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = json.loads(run("parse", str(PDF), "-f", "json")[1])["items"]
    return items


def unresolved(item: dict[str, Any]) -> dict[str, Any]:
    references = [{**reference, "resolved": None} for reference in item["references"]]
    return {**item, "references": references}


@pytest.mark.parametrize("engine", ["pdfplumber", "pdfium"])
@pytest.mark.parametrize("pages", ["3-4", "3,4"])
def test_parse_reads_the_items_of_those_pages_only(
    engine: str, pages: str, whole: list[dict[str, Any]]
) -> None:
    code, out, err = run("parse", str(PDF), "--pages", pages, "--engine", engine, "-f", "json")
    assert (code, err) == (0, "")
    chosen = set()
    for part in pages.split(","):
        first, _, last = part.partition("-")
        chosen.update(range(int(first), int(last or first) + 1))
    items = json.loads(out)["items"]
    assert items
    assert all(set(item["pages"]) <= chosen for item in items)
    # every item that stands wholly on those pages is read as it is from the whole PDF, but
    # for whether its references resolve: their targets may stand on pages not read
    inside = [unresolved(item) for item in whole if set(item["pages"]) <= chosen]
    assert [unresolved(item) for item in items if unresolved(item) in inside] == inside


def test_a_page_that_starts_inside_an_item_is_said_to(whole: list[dict[str, Any]]) -> None:
    """Page 5 goes on with an item of page 4: read alone, its first row has no number,
    which parse warns about (exit 1), writing the records all the same."""
    assert any(set(item["pages"]) == {4, 5} for item in whole)
    code, out, err = run("parse", str(PDF), "--pages", "5", "-f", "json")
    assert code == 1
    assert "page 5: an item without a number" in err and "[VG501]" in err
    assert json.loads(out)["items"][0]["number"] == ""


def test_check_and_convert_take_pages_too() -> None:
    code, out, _ = run("check", str(PDF), "--pages", "3", "-f", "json")
    # references to items on the pages not read are missing from what was read
    assert code == 1
    found = json.loads(out)
    assert {d["page"] for d in found} == {3}
    assert [d["code"] for d in found] == ["VG101", "VG101", "VG204"]
    code, out, _ = run("convert", str(PDF), "--pages", "3", "-f", "jsonl")
    assert code == 0
    assert {json.loads(line)["pages"][0] for line in out.splitlines()} == {3}


def test_pages_the_pdf_does_not_have_are_one_line_and_exit_2() -> None:
    code, out, err = run("parse", str(PDF), "--pages", "40-41", "-f", "json")
    assert (code, out) == (2, "")
    assert err == f"voortgang: error: {PDF}: no page to read: pages 40, 41 asked for, of 12\n"


@pytest.mark.parametrize("pages", ["0", "3-2", "a", "2-", ""])
def test_a_page_list_that_is_none_is_a_usage_error(pages: str) -> None:
    code, out, err = run("parse", str(PDF), "--pages", pages)
    assert (code, out) == (2, "")
    assert "--pages" in err


def test_other_formats_are_read_whole() -> None:
    assert (
        run("parse", str(TEXT_SAMPLE), "--pages", "1", "-f", "json")[1]
        == run("parse", str(TEXT_SAMPLE), "-f", "json")[1]
    )


def test_the_setting_refuses_no_pages() -> None:
    with pytest.raises(ValueError):
        PdfSettings(pages=frozenset())
    with pytest.raises(InputError, match="of 3"):
        PdfSettings(pages=frozenset({4})).check_pages(3)
