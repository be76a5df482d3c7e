"""Issue 12: other reports of the family. Columns found by the meaning of their headings, in
any order, the deadline and lead columns absent, columns of no field kept in ``Item.extra``;
the same in text, HTML and PDF (assembly is written once)."""

from __future__ import annotations

import io
import json
import re

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas
from test_pdf_roundtrip import merged_at_most
from test_roundtrip import assert_items_read_back

from voortgang import cli, reading_problems
from voortgang.checks import check
from voortgang.errors import InputError
from voortgang.model.records import Item, Reference, Report, SubItem
from voortgang.parse import parse_bytes
from voortgang.parse.grid import Cell, Page, Row
from voortgang.vocabulary import VOCABULARY

from pdf_rendering import MissingFontError, PdfStyle, render_pdf
from renderings import PAGELESS, RENDERERS, render_semantic, render_text
from strategies import FAMILY_HEADINGS, GeneratedReport, cell, plain, reports

HEADING = "# VOORTGANGSRAPPORTAGE 2011\n\n## ACTIEPLAN VOORBEELD 2010-2012\n\nDecember 2011\n\n"


def text_report(header: str, *rows: str) -> bytes:
    """A text rendition: the heading, one track, ``header`` and ``rows`` (cells by TAB)."""
    width = header.count("\t")
    track = "SPOOR 1: LOKALE AANPAK" + "\t" * width
    return (HEADING + track + "\n" + header + "\n" + "".join(r + "\n" for r in rows)).encode()


def read(header: str, *rows: str, **kwargs: object) -> Report:
    return parse_bytes(text_report(header, *rows), "family.txt", **kwargs)  # type: ignore[arg-type]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli.main, list(args))
    return result.exit_code, result.stdout, result.stderr


# -- the vocabulary: each heading of the issue names its field ----------------------------------


@pytest.mark.parametrize(
    ("field", "heading"),
    [(field, heading) for field, names in FAMILY_HEADINGS.items() for heading in names if heading],
)
def test_every_heading_of_the_issue_names_its_field(field: str, heading: str) -> None:
    assert VOCABULARY.field_of(heading) == field


@pytest.mark.parametrize(
    ("heading", "field"),
    [
        ("STAND VAN ZAKEN", "status"),
        ("Stand van\nzaken", "status"),  # wrapped in its cell
        ("Deadlin e", "deadline"),  # broken mid-word in a narrow cell
        ("Verant-\nwoordelijk", "lead"),  # broken with a hyphen
        ("Verantwoordelijk(e)", "lead"),
        ("  voortgang:  ", "status"),
        ("nr", "number"),
        ("#", "number"),
        ("Kosten", None),
        ("", None),
        ("Resultaat Trekker", None),  # two headings in one cell are neither
    ],
)
def test_headings_match_without_case_punctuation_wrapping_or_breaks(
    heading: str, field: str | None
) -> None:
    assert VOCABULARY.field_of(heading) == field


def test_an_added_heading_names_its_field_and_a_known_one_can_be_renamed() -> None:
    vocabulary = VOCABULARY.with_headings({"Omschrijving": "title", "Status": "deadline"})
    assert vocabulary.field_of("omschrijving") == "title"
    assert vocabulary.field_of("Status") == "deadline"
    assert VOCABULARY.field_of("Status") == "status"  # the built-in one is not changed
    with pytest.raises(ValueError, match="no field"):
        VOCABULARY.with_headings({"Kosten": "budget"})


# -- assembly: columns by meaning ------------------------------------------------------------


def test_the_issues_report_with_other_headings_reads() -> None:
    """The header the issue quotes, refused before: ``Nr. | Actie | Planning |
    Verantwoordelijk | Voortgang``."""
    report = read(
        "<b>Nr.</b>\t<b>Actie</b>\t<b>Planning</b>\t<b>Verantwoordelijk</b>\t<b>Voortgang</b>",
        "1.1\tEen plan\teind 2011\tBZK/VNG\tLoopt goed",
    )
    (item,) = report.items
    assert (item.number, item.title, item.status) == ("1.1", "Een plan", "Loopt goed")
    assert (item.deadline.text, item.deadline.year) == ("eind 2011", 2011)
    assert item.lead == ["BZK", "VNG"]
    assert report.columns == {
        "number": "Nr.",
        "title": "Actie",
        "deadline": "Planning",
        "lead": "Verantwoordelijk",
        "status": "Voortgang",
    }


def test_columns_in_another_order_read_to_the_same_item() -> None:
    usual = read("\tResultaat\tDeadline\tTrekker\tStand van zaken", "1.1\tTitel\t2010\tOCW\tLoopt")
    turned = read("Stand\tWie\tNummer\tWanneer\tWat", "Loopt\tOCW\t1.1\t2010\tTitel")
    assert turned.items == usual.items
    assert list(turned.columns or {}) == ["status", "lead", "number", "deadline", "title"]


def test_without_deadline_and_lead_columns_those_fields_are_empty_and_check_is_silent() -> None:
    report = read("#\tMaatregel\tToelichting", "1.1\tTitel\tLoopt", "1.2\tTweede\tKlaar")
    first = report.items[0]
    assert (first.deadline, first.lead, first.lead_text) == (None, [], "")
    assert report.columns == {"number": "#", "title": "Maatregel", "status": "Toelichting"}
    assert check(report) == []


def test_a_column_of_no_field_is_kept_whole_under_its_heading() -> None:
    report = read(
        "\tActie\tKosten\tVoortgang\tToelichting",
        "1.1\tTitel\t2 mln.<br>per jaar\tLoopt\tZie bijlage",
        "\tvervolg\t\tnog meer\t",
        "1.2\tTwee\t\tKlaar\t",
    )
    first, second = report.items
    # A second column meaning the status (Toelichting after Voortgang) is kept as it is, too.
    assert first.extra == {"Kosten": "2 mln.\nper jaar", "Toelichting": "Zie bijlage"}
    assert first.status == "Loopt\nnog meer"
    assert second.extra == {"Kosten": "", "Toelichting": ""}
    assert "Toelichting" not in (report.columns or {}).values()


def test_two_columns_of_no_field_under_one_heading_are_both_kept() -> None:
    (item,) = read("\tActie\tNoot\tStatus\tNoot", "1.1\tTitel\teen\tLoopt\ttwee").items
    assert item.extra == {"Noot": "een", "Noot (2)": "twee"}


def test_each_column_of_no_field_keeps_a_heading_of_its_own() -> None:
    header = "\tActie\tNoot\tStatus\tNoot\tNoot (2)\tNoot"
    (item,) = read(header, "1.1\tTitel\ta\tLoopt\tb\tc\td").items
    assert item.extra == {"Noot": "a", "Noot (2)": "b", "Noot (2) (2)": "c", "Noot (3)": "d"}


def test_the_number_column_may_stand_after_the_title() -> None:
    (item,) = read("Actie\tNr.\tStatus", "Titel\t1.1\tLoopt").items
    assert (item.number, item.title) == ("1.1", "Titel")


def test_a_table_without_title_or_status_column_names_the_headings_it_has() -> None:
    with pytest.raises(InputError) as error:
        read("Nr.\tOmschrijving\tWanneer\tOpmerking", "1.1\tTitel\t2010\tLoopt")
    assert error.value.problem == (
        'no table with a title and status column (the first table row has "Nr.", '
        '"Omschrijving", "Wanneer", "Opmerking"); name a heading\'s field with '
        "--column HEADING=FIELD"
    )


def test_the_error_quotes_a_few_cells_of_the_first_row_shortened() -> None:
    cells = ["Nr."] + [f"Kolom {i} " + "x" * 60 for i in range(10)]
    with pytest.raises(InputError) as error:
        read("\t".join(cells), "\t".join(["1.1"] + ["a"] * 10))
    assert error.value.problem.count("Kolom") == 7 and ", …);" in error.value.problem
    assert len(error.value.problem) < 500


def test_the_command_line_names_the_headings_found_and_column_names_one(tmp_path) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(text_report("Nr.\tOmschrijving\tWanneer\tOpmerking", "1.1\tA\t2010\tLoopt"))
    code, out, err = run("parse", str(path), "-f", "json")
    assert (code, out) == (2, "")
    assert len(err.splitlines()) == 1 and '"Omschrijving", "Wanneer", "Opmerking"' in err
    code, out, err = run(
        "parse", str(path), "-f", "jsonl", "--column", "Omschrijving=title", "--column",
        "Opmerking=status",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert '"title": "A"' in out and '"status": "Loopt"' in out


def test_a_bad_column_option_is_a_usage_error(tmp_path) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(text_report("\tActie\tStatus", "1.1\tA\tLoopt"))
    for wrong in ("Omschrijving", "Omschrijving=budget", "=title"):
        code, out, err = run("parse", str(path), "--column", wrong)
        assert (code, out) == (2, "")
        assert (len(err.splitlines()) == 1 and "HEADING=FIELD" in err) or "no field" in err


# -- the model refuses what no rule can read (it made check fail with "internal error") ------


def _item(number: str = "1.1", **changes: object) -> dict[str, object]:
    item = Item(
        number="1.1", track=1, title="", italic=False, deadline=None, lead=[], lead_text="",
        status="", sub_items=[], references=[], pages=[],
    ).model_dump()  # fmt: skip
    return item | {"number": number} | changes


@pytest.mark.parametrize(
    ("number", "message"),
    [
        ("2.²", "the digit '²', not one of 0-9"),
        ("٣.١", "the digit '٣', not one of 0-9"),
        ("9" * 5000, "an item number of 5000 characters (at most 1000)"),
    ],
)
def test_the_model_refuses_item_numbers_no_rule_can_read(number: str, message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        Item.model_validate(_item(number))
    # A number column read wrongly may hold words: check reports it (VG501).
    assert Item.model_validate(_item("Pagina 2 van 3")).number == "Pagina 2 van 3"


def test_the_model_refuses_sub_item_labels_and_targets_of_other_digits() -> None:
    sub = SubItem(label="a", text="x", italic=False).model_dump()
    with pytest.raises(ValueError, match="no sub-item label"):
        Item.model_validate(_item(sub_items=[sub | {"label": "²"}]))
    reference = Reference(target="1.2", text="zie 1.2", field="status", resolved=True)
    with pytest.raises(ValueError, match="no item number or sub-item"):
        Item.model_validate(_item(references=[reference.model_dump() | {"target": "1.²"}]))


@pytest.mark.parametrize("number", ["2.²", "9" * 5000])
def test_records_with_such_numbers_fail_validate_and_check_clearly(tmp_path, number) -> None:
    report = read("\tActie\tStatus", "1.1\tA\tLoopt").model_dump(mode="json")
    report["items"][0]["number"] = number
    path = tmp_path / "records.json"
    path.write_text(json.dumps(report), encoding="utf-8")
    code, out, _ = run("validate", str(path))
    assert code == 1 and "$.items[0].number" in out
    code, out, err = run("check", str(path))
    assert code == 2 and out == ""
    assert len(err.splitlines()) == 1 and "internal error" not in err and "number" in err


def test_a_number_cell_no_record_can_hold_is_bad_input() -> None:
    with pytest.raises(InputError, match="the number column holds an item number with the digit"):
        read("\tActie\tStatus", "1.²\tA\tLoopt")


# -- a small report of the family, checked by hand, in text, HTML and PDF ------------------------


def _page(number: int, track: str, header: Row, *rows: Row) -> Page:
    width = len(header.cells)
    head = [
        Row((cell(plain(line)),), in_table=False)
        for line in ("VOORTGANGSRAPPORTAGE 2011", "ACTIEPLAN VOORBEELD 2010-2012", "December 2011")
    ]
    track_row = Row((cell(plain(track)), *(Cell(),) * (width - 1)))
    return Page(number, (*head, track_row, header, *rows))


def _row(*texts: str | tuple[str, ...]) -> Row:
    return Row(
        tuple(
            cell(*(plain(p) for p in ((text,) if isinstance(text, str) else text)))
            if text
            else Cell()
            for text in texts
        )
    )


# Nr. | Actie | Voortgang | Verantwoordelijk | Kosten: no deadline column, the status before the
# lead, a column of no field.
SMALL_HEADER = _row("Nr.", "Actie", "Voortgang", "Verantwoordelijk", "Kosten")
SMALL_PAGES = [
    _page(
        1,
        "SPOOR 1: LOKALE AANPAK",
        SMALL_HEADER,
        _row(
            "1.1",
            ("Buurtaanpak", "a. Eerste stap", "b. Tweede stap"),
            "Loopt volgens plan, zie 1.2.",
            "BZK i.s.m. VNG",
            "2 mln.",
        ),
        _row("1.2", "Training professionals", "Afgerond in mei.", "OCW", ""),
    ),
    _page(
        2,
        "SPOOR 2: NATIONALE AANPAK",
        SMALL_HEADER,
        _row("2.1", "Onderzoek", "Gestart (zie 2.3).", "Justitie/ NCTb", "0,5 mln."),
    ),
]
# Written down by hand from the table above.
SMALL_ITEMS = [
    {
        "number": "1.1",
        "track": 1,
        "title": "Buurtaanpak",
        "italic": False,
        "deadline": None,
        "lead": ["BZK", "VNG"],
        "lead_text": "BZK i.s.m. VNG",
        "status": "Loopt volgens plan, zie 1.2.",
        "sub_items": [
            {"label": "a", "text": "Eerste stap", "italic": False, "deadline": None,
             "lead": None, "status": None},
            {"label": "b", "text": "Tweede stap", "italic": False, "deadline": None,
             "lead": None, "status": None},
        ],
        "references": [{"target": "1.2", "text": "zie 1.2", "field": "status", "resolved": True}],
        "pages": [1],
        "extra": {"Kosten": "2 mln."},
    },
    {
        "number": "1.2",
        "track": 1,
        "title": "Training professionals",
        "italic": False,
        "deadline": None,
        "lead": ["OCW"],
        "lead_text": "OCW",
        "status": "Afgerond in mei.",
        "sub_items": [],
        "references": [],
        "pages": [1],
        "extra": {"Kosten": ""},
    },
    {
        "number": "2.1",
        "track": 2,
        "title": "Onderzoek",
        "italic": False,
        "deadline": None,
        "lead": ["Justitie", "NCTb"],
        "lead_text": "Justitie/ NCTb",
        "status": "Gestart (zie 2.3).",
        "sub_items": [],
        "references": [{"target": "2.3", "text": "zie 2.3", "field": "status", "resolved": False}],
        "pages": [2],
        "extra": {"Kosten": "0,5 mln."},
    },
]  # fmt: skip
SMALL_COLUMNS = {
    "number": "Nr.",
    "title": "Actie",
    "status": "Voortgang",
    "lead": "Verantwoordelijk",
}


DEFAULT_STYLE = PdfStyle()


def _pdf(pages: list[Page], style: PdfStyle = DEFAULT_STYLE, shares=None) -> bytes:
    try:
        return render_pdf(pages, style, shares) if shares else render_pdf(pages, style)
    except MissingFontError as missing:
        pytest.skip(str(missing))


@pytest.mark.parametrize("shape", ["text", "html", "pdf"])
def test_a_small_report_of_the_family_reads_to_its_hand_checked_records(shape: str) -> None:
    data = {
        "text": lambda: render_text(SMALL_PAGES),
        "html": lambda: render_semantic(SMALL_PAGES),
        "pdf": lambda: _pdf(SMALL_PAGES, shares=(0.06, 0.34, 0.38, 0.12, 0.10)),
    }[shape]()
    report = parse_bytes(data, f"small.{shape}")
    assert reading_problems(report) == []
    assert (report.title, report.plan, report.date) == (
        "Voortgangsrapportage 2011",
        "Actieplan Voorbeeld 2010-2012",
        "December 2011",
    )
    assert report.columns == SMALL_COLUMNS
    dumped = [item.model_dump() for item in report.items]
    if shape == "html":  # one page break per page: the HTML shows pages too
        assert [item["pages"] for item in dumped] == [[1], [1], [2]]
    assert dumped == SMALL_ITEMS


# -- check: exactly the faults planted ---------------------------------------------------------

PLANTED_HEADER = "Nr.\tWat\tWie\tWanneer\tStand"
CLEAN_ROWS = (
    "1.1\tEen\tBZK\teind 2011\tLoopt, zie 1.2.",
    "1.2\tTwee\tVNG/ OCW\tmei\tKlaar.",
    "1.3\tDrie\tJustitie\tcontinu\tGestart.",
)
PLANTED_ROWS = (
    "1.1\tEen\tBZK\teind 2011\tLoopt, zie 1.5.",  # VG101: no item 1.5
    "1.2\tTwee\tVNG/ GGD\tooit\tKlaar.",  # VG401: GGD is no known organisation; VG402
    "1.3\tDrie\tJustitie\tcontinu\tGestart.",
    "1.1\tVier\tOCW\t2012\tGestart.",  # VG201: 1.1 again
)


def _found(report: Report) -> set[tuple[str, str | None]]:
    return {(d.code, d.item) for d in check(report)}


def test_check_finds_nothing_in_the_clean_report_of_the_family() -> None:
    assert check(read(PLANTED_HEADER, *CLEAN_ROWS)) == []


def test_check_finds_exactly_the_faults_planted_in_a_report_of_the_family() -> None:
    assert _found(read(PLANTED_HEADER, *PLANTED_ROWS)) == {
        ("VG101", "1.1"),
        ("VG401", "1.2"),
        ("VG402", "1.2"),
        ("VG201", "1.1"),
    }


def test_an_organisation_added_to_the_vocabulary_is_known(tmp_path) -> None:
    report = read(PLANTED_HEADER, *PLANTED_ROWS)
    known = VOCABULARY.with_organisations({"GGD": "Gemeentelijke Gezondheidsdienst"})
    assert ("VG401", "1.2") not in {(d.code, d.item) for d in check(report, vocabulary=known)}
    # By its full name too, in any case.
    renamed = read(
        PLANTED_HEADER, PLANTED_ROWS[1].replace("GGD", "gemeentelijke gezondheidsdienst")
    )
    assert check(renamed, select="VG401", vocabulary=known) == []


# -- generated reports of the family: text, HTML and PDF read back -----------------------------

FAMILY = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)


def _expected_columns(generated: GeneratedReport) -> dict[str, str]:
    return {
        name: " ".join(heading.split())
        for name, heading in generated.table.columns
        if name != "extra"
    }


@pytest.mark.parametrize("shape", sorted(RENDERERS))
@FAMILY
@given(generated=reports(family=True))
def test_reports_of_the_family_read_back_unchanged(shape: str, generated: GeneratedReport) -> None:
    report = parse_bytes(RENDERERS[shape](generated.pages), f"generated.{shape}")
    pages_known = shape == "text" or (len(generated.pages) > 1 and shape not in PAGELESS)
    assert report.columns == _expected_columns(generated)
    assert_items_read_back(report, generated, pages_known)


PDF_STYLES = [
    PdfStyle(),
    PdfStyle(fonts="Times", landscape=True, ruled=False),
    PdfStyle(fonts="DejaVuSans", ruled=True, font_size=8),
]


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)
@given(generated=reports(broken_rows=False, family=True), style=st.sampled_from(PDF_STYLES))
def test_reports_of_the_family_printed_to_pdf_read_back(
    generated: GeneratedReport, style: PdfStyle
) -> None:
    # Known limit (not root-caused): in a table without a lead column, rows that hold a
    # sub-item each with its own status, below an item's first row, can be read into the row
    # above (with rulings too, seen where such a row follows a page break). Such tables are
    # left out here; the text and HTML round trips hold them.
    own_rows = any(sub.status is not None for item in generated.items for sub in item.sub_items)
    assume(not own_rows or generated.table.has("lead"))
    report = parse_bytes(_pdf(generated.pages, style, generated.table.shares), "generated.pdf")
    assert reading_problems(report) == []
    assert report.columns == _expected_columns(generated)
    assert [item.number for item in report.items] == [item.number for item in generated.items]
    for parsed, expected in zip(report.items, generated.items, strict=True):
        found, wanted = parsed.model_dump(exclude={"pages"}), expected.model_dump(exclude={"pages"})
        differing = {key: (found[key], wanted[key]) for key in found if found[key] != wanted[key]}
        assert merged_at_most(found, wanted), differing


@pytest.mark.parametrize("shape", ["text", "semantic"])
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(generated=reports(family=True))
def test_check_finds_only_the_broken_references_generated_in_the_family(
    shape: str, generated: GeneratedReport
) -> None:
    """As test_check_generated, for tables of the family: the only faults are the references
    written to a missing item; a missing deadline or lead column is none."""
    report = parse_bytes(RENDERERS[shape](generated.pages), f"generated.{shape}")
    broken = sorted(
        ("VG101", item.number)
        for item in generated.items
        for reference in item.references
        if not reference.resolved
    )
    found = sorted((d.code, d.item) for d in check(report) if d.severity != "info")
    assert found == broken


# -- the PDF reader finds a header row of the family, its headings broken in narrow cells -------


def _drawn_table(header_lines: list[list[tuple[float, str]]], rows: list[list[str]]) -> bytes:
    """A PDF page with a report's heading, then a table drawn word by word: the header lines
    (x, text), then a row per list of cells at the x of the first header line's labels."""
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4)
    y = A4[1] - 60
    canvas.setFont("Helvetica-Bold", 14)
    canvas.drawString(50, y, "VOORTGANGSRAPPORTAGE 2011")
    canvas.setFont("Helvetica", 10)
    y -= 30
    canvas.drawString(50, y, "SPOOR 1: LOKALE AANPAK")
    y -= 24
    for line in header_lines:
        for x, text in line:
            canvas.drawString(x, y, text)
        y -= 12
    xs = [x for x, _ in header_lines[0]]
    for row in rows:
        y -= 14
        for x, text in zip(xs, row, strict=True):
            canvas.drawString(x, y, text)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


@pytest.mark.parametrize(
    ("status", "rest", "printed"),
    [
        ("Voort", "gang", "Voort gang"),  # the band needs its second line for the status
        ("Status", "", "Status"),  # the first line has title and status: the band goes on
    ],
)
def test_the_pdf_reader_finds_other_headings_broken_mid_word_over_two_lines(
    status: str, rest: str, printed: str
) -> None:
    data = _drawn_table(
        [
            [(50, "Nr."), (90, "Maatregel"), (250, "Verantwoor-"), (330, status), (420, "Budget")],
            [(250, "delijk"), (330, rest)],
        ],
        [["1.1", "Eerste", "BZK", "Loopt", "1 mln."], ["1.2", "Tweede", "OCW", "Klaar", ""]],
    )
    report = parse_bytes(data, "drawn.pdf")
    assert report.columns == {
        "number": "Nr.",
        "title": "Maatregel",
        "lead": "Verantwoor- delijk",
        "status": printed,
    }
    assert [(i.number, i.title, i.lead, i.status, i.extra) for i in report.items] == [
        ("1.1", "Eerste", ["BZK"], "Loopt", {"Budget": "1 mln."}),
        ("1.2", "Tweede", ["OCW"], "Klaar", {"Budget": ""}),
    ]
