"""What real Word documents do, each in a document made for the test (raw OOXML where
python-docx cannot write it), read to the records it must give."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from lxml import etree

from voortgang import cli
from voortgang.errors import InputError
from voortgang.model.records import Report
from voortgang.parse import parse_bytes
from voortgang.parse.docx import read_docx
from voortgang.parse.docx.numbering import Numbering
from voortgang.parse.docx.package import XML_PARSER
from voortgang.parse.docx.styles import Styles
from voortgang.parse.grid import Row
from voortgang.parse.sniff import sniff

from conftest import SAMPLES
from docx_making import (
    W_NS,
    header_row,
    item_row,
    p,
    package,
    r,
    tbl,
    tc,
    tr,
    track_row,
)

TRACK = p("SPOOR 1: LOKALE AANPAK")
TITLE_BLOCK = (
    p(r("VOORTGANGSRAPPORTAGE 2010", "<w:b/><w:sz w:val='28'/>"))
    + p(r("ACTIEPLAN SAMEN 2008-2012", "<w:b/>"))
    + p("Juni 2010")
)


def read(body: str, **parts: object) -> Report:
    return parse_bytes(package(body, **parts), "test.docx")  # type: ignore[arg-type]


def items_of(*rows: str, before: str = TRACK, **parts: object) -> dict[str, object]:
    report = read(before + tbl(header_row(), *rows), **parts)
    return {item.number: item for item in report.items}


def grid_rows(body: str, **parts: object) -> list[Row]:
    (page,) = read_docx(package(body, **parts))  # type: ignore[arg-type]
    return list(page.rows)


# -- the format ---------------------------------------------------------------------------------


def test_a_zip_with_word_document_xml_is_docx_whatever_its_name() -> None:
    data = package(TRACK + tbl(header_row(), item_row("1.1", "Titel", "2010", "BZK", "Klaar.")))
    assert sniff(data) == "docx"
    report = parse_bytes(data, "report.txt")
    assert (report.source.format, [item.number for item in report.items]) == ("docx", ["1.1"])


STRICT_W_NS = b"http://purl.oclc.org/ooxml/wordprocessingml/main"


def test_a_strict_open_xml_document_is_refused_with_one_line() -> None:
    transitional = zipfile.ZipFile(io.BytesIO(package(TRACK + tbl(header_row()))))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as strict:
        for name in transitional.namelist():
            content = transitional.read(name)
            strict.writestr(name, content.replace(W_NS.encode(), STRICT_W_NS))
    data = buffer.getvalue()
    with pytest.raises(InputError, match="Strict Open XML"):
        parse_bytes(data, "strict.docx")


def test_a_folder_stands_for_its_word_documents_too(tmp_path: Path) -> None:
    sample = SAMPLES / "voortgangsrapportage-2009-portrait-plain.docx"
    (tmp_path / "a.DOCX").write_bytes(sample.read_bytes())
    (tmp_path / "b.txt").write_bytes((SAMPLES / "voortgangsrapportage-2009.txt").read_bytes())
    result = CliRunner().invoke(cli.main, ["parse", str(tmp_path), "-f", "jsonl", "-j", "1"])
    assert (result.exit_code, result.stderr) == (0, "")
    sources = [json.loads(line)["source"] for line in result.stdout.splitlines()]
    assert sources == [str(tmp_path / "a.DOCX")] * 36 + [str(tmp_path / "b.txt")] * 36


def test_a_document_is_one_page_without_a_number() -> None:
    (page,) = read_docx(package(TRACK + tbl(header_row())))
    assert page.number is None


# -- tables -------------------------------------------------------------------------------------


def test_the_header_row_word_repeats_stands_once_and_is_read_once() -> None:
    rows = [item_row(f"1.{n}", "Titel", "2010", "BZK", "Klaar.") for n in range(3)]
    report = read(TRACK + tbl(header_row('<w:tblHeader w:val="true"/>'), *rows))
    assert [item.number for item in report.items] == ["1.0", "1.1", "1.2"]


def test_header_rows_typed_again_on_each_page_are_no_items() -> None:
    items = items_of(
        item_row("1.1", "Eerste", "2010", "BZK", "Klaar."),
        track_row("SPOOR 1: LOKALE AANPAK"),
        header_row(),
        item_row("", "", "", "", "Vervolg."),
        item_row("1.2", "Tweede", "2011", "VNG", "Bezig."),
    )
    assert list(items) == ["1.1", "1.2"]
    assert items["1.1"].status == "Klaar.\nVervolg."


def test_tables_per_track_under_their_heading_paragraphs() -> None:
    body = (
        TITLE_BLOCK
        + p(r("SPOOR 1: LOKALE AANPAK", "<w:b/>"))
        + tbl(header_row(), item_row("1.1", "Lokaal", "2010", "BZK", "Klaar."))
        + p(r("SPOOR 2: NATIONALE AANPAK", "<w:b/>"))
        + tbl(header_row(), item_row("2.1", "Nationaal", "2011", "OCW", "Bezig."))
    )
    report = read(body)
    assert [(t.number, t.title) for t in report.tracks] == [
        (1, "Lokale aanpak"),
        (2, "Nationale aanpak"),
    ]
    assert [(item.number, item.track) for item in report.items] == [("1.1", 1), ("2.1", 2)]
    assert (report.title, report.plan, report.date) == (
        "Voortgangsrapportage 2010",
        "Actieplan Samen 2008-2012",
        "Juni 2010",
    )


def test_a_track_row_merged_across_the_columns() -> None:
    body = tbl(
        track_row("SPOOR 3: INTERNATIONAAL"),
        header_row(),
        item_row("3.1", "Titel", "2010", "BuZa", "Klaar."),
    )
    rows = grid_rows(body)
    assert [cell.text for cell in rows[0].cells] == ["SPOOR 3: INTERNATIONAAL", "", "", "", ""]
    report = read(body)
    assert [(t.number, t.title) for t in report.tracks] == [(3, "Internationaal")]
    assert report.items[0].track == 3


def test_cells_merged_vertically_give_one_item() -> None:
    """The number and the deadline merged down over the item's two rows (w:vMerge)."""
    restart, go_on = '<w:vMerge w:val="restart"/>', "<w:vMerge/>"
    items = items_of(
        tr(
            tc(p("1.4"), tcpr=restart),
            tc(p("a. Eerste deel")),
            tc(p("Eind 2010"), tcpr=restart),
            tc(p("BZK")),
            tc(p("Klaar.")),
        ),
        tr(
            tc(tcpr=go_on),
            tc(p("b. Tweede deel")),
            tc(tcpr=go_on),
            tc(p("VNG")),
            tc(p("Bezig.")),
        ),
    )
    (item,) = items.values()
    assert [(s.label, s.text, s.status) for s in item.sub_items] == [
        ("a", "Eerste deel", "Klaar."),
        ("b", "Tweede deel", "Bezig."),
    ]
    assert item.deadline is not None and item.deadline.text == "Eind 2010"
    assert item.lead == ["BZK", "VNG"]


def test_a_table_nested_in_a_cell_is_read_into_that_cell() -> None:
    nested = tbl(tr(tc(p("binnen")), tc(p("tabel"))))
    items = items_of(
        tr(tc(p("1.1")), tc(p("Titel")), tc(p("2010")), tc(p("BZK")), tc(p("Voor."), nested))
    )
    assert items["1.1"].status == "Voor.\nbinnen\ntabel"


# -- italics and bold ---------------------------------------------------------------------------

STYLES = """
<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="20"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Schuin"><w:rPr><w:i/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="SchuinOpvolger"><w:basedOn w:val="Schuin"/></w:style>
<w:style w:type="paragraph" w:styleId="Recht"><w:basedOn w:val="Schuin"/>
  <w:rPr><w:i w:val="0"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Nadruk"><w:rPr><w:i/></w:rPr></w:style>
<w:style w:type="character" w:styleId="NadrukOpvolger"><w:basedOn w:val="Nadruk"/></w:style>
"""


@pytest.mark.parametrize(
    ("paragraph", "italic"),
    [
        (p(r("Titel", "<w:i/>")), True),  # direct formatting
        (p(r("Titel", '<w:i w:val="true"/>')), True),
        (p(r("Titel", '<w:i w:val="0"/>')), False),
        (p(r("Titel", '<w:rStyle w:val="Nadruk"/>')), True),  # a character style
        (p(r("Titel", '<w:rStyle w:val="NadrukOpvolger"/>')), True),  # … and its basedOn
        (p(r("Titel", '<w:rStyle w:val="Nadruk"/><w:i w:val="0"/>')), False),
        (p("Titel", ppr='<w:pStyle w:val="Schuin"/>'), True),  # a paragraph style
        (p("Titel", ppr='<w:pStyle w:val="SchuinOpvolger"/>'), True),  # … and its basedOn
        (p("Titel", ppr='<w:pStyle w:val="Recht"/>'), False),  # a style switching it off
        (p(r("Titel", '<w:i w:val="0"/>'), ppr='<w:pStyle w:val="Schuin"/>'), False),
        (p("Titel"), False),
    ],
)
def test_italics_through_direct_formatting_and_styles(paragraph: str, italic: bool) -> None:
    items = items_of(
        tr(tc(p("1.1")), tc(paragraph), tc(p("2010")), tc(p("BZK")), tc(p("Klaar."))),
        styles=STYLES,
    )
    assert items["1.1"].italic is italic


def test_italics_from_the_document_defaults() -> None:
    styles = STYLES.replace('<w:sz w:val="20"/>', '<w:sz w:val="20"/><w:i/>')
    items = items_of(
        item_row("1.1", "Schuin", "2010", "BZK", "Klaar."),
        tr(tc(p("1.2")), tc(p(r("Recht", '<w:i w:val="0"/>'))), tc(), tc(p("BZK")), tc()),
        styles=styles,
    )
    assert (items["1.1"].italic, items["1.2"].italic) == (True, False)


def test_italic_sub_items_by_character_style_are_sub_items() -> None:
    emphasis = '<w:rStyle w:val="Nadruk"/>'
    result = [
        p(r("Titel")),
        p(r("a. ", ""), r("Eerste", emphasis)),
        p(r("b. Tweede", emphasis)),
    ]
    items = items_of(
        tr(tc(p("1.1")), tc(*result), tc(p("2010")), tc(p("BZK")), tc(p("Klaar."))),
        styles=STYLES,
    )
    subs = [(s.label, s.text, s.italic) for s in items["1.1"].sub_items]
    assert subs == [("a", "Eerste", True), ("b", "Tweede", True)]


def test_bold_and_type_size_from_styles_rank_the_heading() -> None:
    """The title is the line in the largest type: a classification mark above it, bold but
    smaller, is not."""
    styles = STYLES + (
        '<w:style w:type="paragraph" w:styleId="Titel"><w:rPr><w:b/><w:sz w:val="32"/>'
        "</w:rPr></w:style>"
    )
    body = (
        p(r("STG. CONFIDENTIEEL", "<w:b/>"))
        + p("VOORTGANGSRAPPORTAGE 2010", ppr='<w:pStyle w:val="Titel"/>')
        + p("ACTIEPLAN SAMEN 2008-2012")
        + p("Juni 2010")
        + TRACK
        + tbl(header_row(), item_row("1.1", "Titel", "2010", "BZK", "Klaar."))
    )
    report = read(body, styles=styles)
    assert (report.title, report.plan) == ("Voortgangsrapportage 2010", "Actieplan Samen 2008-2012")


# -- list numbering -----------------------------------------------------------------------------


def abstract(number: int, fmt: str, text: str, start: int = 1, suffix: str = "tab") -> str:
    return (
        f'<w:abstractNum w:abstractNumId="{number}"><w:lvl w:ilvl="0">'
        f'<w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:suff w:val="{suffix}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
        f'<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        f'<w:lvlText w:val="%1.%2"/></w:lvl></w:abstractNum>'
    )


def num(num_id: int, abstract_id: int, restart: int | None = None) -> str:
    override = (
        f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{restart}"/></w:lvlOverride>'
        if restart is not None
        else ""
    )
    return f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{override}</w:num>'


def numbered(text: str, num_id: int, level: int = 0, italic: bool = False) -> str:
    ppr = f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'
    return p(
        r(text, "<w:i/>" if italic else ""), ppr=ppr + ("<w:rPr><w:i/></w:rPr>" if italic else "")
    )


NUMBERING = (
    abstract(1, "lowerLetter", "%1.")
    + abstract(2, "decimal", "%1)")
    + abstract(3, "decimal", "%1", suffix="space")
    + abstract(4, "upperRoman", "%1.")
    + num(1, 1)
    + num(2, 2)
    + num(3, 3)
    + num(4, 1, restart=1)
    + num(5, 4)
    + num(6, 1)
)


def result_row(number: str, *paragraphs: str) -> str:
    return tr(tc(p(number)), tc(*paragraphs), tc(p("2010")), tc(p("BZK")), tc(p("Klaar.")))


@pytest.mark.parametrize(
    ("num_id", "labels"),
    [(1, ["a", "b", "c"]), (2, ["1", "2", "3"]), (3, ["1", "2", "3"])],
)
def test_sub_item_labels_drawn_by_list_numbering(num_id: int, labels: list[str]) -> None:
    """``%1.`` lowerLetter, ``%1)`` and ``%1`` decimal: the label is in no run; computed."""
    texts = ["Eerste", "Tweede", "Derde"]
    items = items_of(
        result_row("1.1", p("Titel"), *(numbered(text, num_id, italic=True) for text in texts)),
        numbering=NUMBERING,
    )
    subs = [(s.label, s.text, s.italic) for s in items["1.1"].sub_items]
    assert subs == [(label, text, True) for label, text in zip(labels, texts, strict=True)]
    assert items["1.1"].title == "Titel"


def test_a_list_goes_on_over_rows_and_restarts_where_word_restarts_it() -> None:
    items = items_of(
        result_row("1.1", numbered("Een", 1), numbered("Twee", 1)),
        result_row("", numbered("Drie", 1)),  # the same list, the item's next row
        result_row("1.2", numbered("Vier", 4), numbered("Vijf", 4)),  # restarted at 1
        result_row("1.3", numbered("Zes", 6)),  # another num on list 1, unrestarted: goes on
        numbering=NUMBERING,
    )
    assert [s.label for s in items["1.1"].sub_items] == ["a", "b", "c"]
    assert [s.label for s in items["1.2"].sub_items] == ["a", "b"]
    # d, after a, b, c of num 1 (num 4 counted on its own); no sub-item a: so a title
    assert items["1.3"].title == "d. Zes"


def test_numbering_formats_levels_and_restarts() -> None:
    root = etree.fromstring(
        f'<w:numbering xmlns:w="{W_NS}">{NUMBERING}</w:numbering>'.encode(), XML_PARSER
    )
    numbering = Numbering(root, Styles(None))
    drawn = [
        numbering.label(num_id, level).text  # type: ignore[union-attr]
        for num_id, level in [("5", 0), ("5", 0), ("5", 1), ("5", 1), ("5", 0), ("5", 1)]
    ]
    # %1 in level 1's text is shown in level 0's format, as Word shows it
    assert drawn == ["I.\t", "II.\t", "II.1\t", "II.2\t", "III.\t", "III.1\t"]
    assert numbering.label("0", 0) is None
    assert numbering.label("99", 0) is None


def test_bullets_drawn_by_numbering_in_a_symbol_font() -> None:
    bullets = (
        '<w:abstractNum w:abstractNumId="9"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/>'
        '<w:lvlText w:val="\uf0b7"/><w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol"/>'
        "</w:rPr></w:lvl></w:abstractNum>" + num(9, 9)
    )
    items = items_of(
        tr(
            tc(p("1.1")),
            tc(p("Titel")),
            tc(),
            tc(p("BZK")),
            tc(p("Voor."), numbered("eerste", 9), numbered("tweede", 9)),
        ),
        numbering=bullets,
    )
    assert items["1.1"].status == "Voor.\n• eerste\n• tweede"


def test_a_numbered_paragraph_style_draws_its_label() -> None:
    styles = STYLES + (
        '<w:style w:type="paragraph" w:styleId="Lijst"><w:pPr><w:numPr><w:numId w:val="1"/>'
        "</w:numPr></w:pPr></w:style>"
    )
    paragraphs = [p(text, ppr='<w:pStyle w:val="Lijst"/>') for text in ("Een", "Twee")]
    items = items_of(result_row("1.1", p("Titel"), *paragraphs), styles=styles, numbering=NUMBERING)
    assert [(s.label, s.text) for s in items["1.1"].sub_items] == [("a", "Een"), ("b", "Twee")]


# -- what is not content ------------------------------------------------------------------------


def test_tracked_deletions_are_not_read_and_insertions_are() -> None:
    deleted = f'<w:del w:id="1" w:author="A">{r("oud ").replace("w:t", "w:delText")}</w:del>'
    inserted = f'<w:ins w:id="2" w:author="A">{r("nieuw ")}</w:ins>'
    deleted_row = tr(
        tc(p("1.9")), tc(p("Weg")), tc(), tc(p("BZK")), tc(), trpr='<w:del w:id="3" w:author="A"/>'
    )
    items = items_of(
        tr(tc(p("1.1")), tc(p("Het ", deleted, inserted, "plan")), tc(), tc(p("BZK")), tc()),
        deleted_row,
    )
    assert list(items) == ["1.1"]
    assert items["1.1"].title == "Het nieuw plan"


def test_a_paragraph_break_deleted_in_tracking_runs_the_paragraphs_on() -> None:
    deleted_mark = '<w:rPr><w:del w:id="4" w:author="A"/></w:rPr>'
    status = [p("Bezig met", ppr=deleted_mark), p(" de rest."), p("Nieuwe alinea.")]
    items = items_of(tr(tc(p("1.1")), tc(p("Titel")), tc(), tc(p("BZK")), tc(*status)))
    assert items["1.1"].status == "Bezig met de rest.\nNieuwe alinea."


def test_comments_are_not_content() -> None:
    marked = (
        '<w:commentRangeStart w:id="0"/>'
        + r("Titel")
        + '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>'
    )
    comments = f'<w:comment w:id="0" w:author="A">{p("Dit klopt niet")}</w:comment>'
    items = items_of(
        tr(tc(p("1.1")), tc(p(marked)), tc(), tc(p("BZK")), tc(p("Klaar."))),
        comments=comments,
    )
    assert items["1.1"].title == "Titel"
    assert "klopt" not in items["1.1"].model_dump_json()


def field(instruction: str, result: str) -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + r(result)
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def test_page_number_fields_are_not_content_other_fields_results_are() -> None:
    status = p(
        "Pagina ",
        field("PAGE", "7"),
        " zie ",
        field("REF _Ref1 \\h", "1.2"),
        " en ",
        '<w:fldSimple w:instr=" NUMPAGES ">' + r("12") + "</w:fldSimple>",
    )
    items = items_of(
        tr(tc(p("1.1")), tc(p("Titel")), tc(), tc(p("BZK")), tc(status)),
        item_row("1.2", "Ander", "", "BZK", "Klaar."),
    )
    assert items["1.1"].status == "Pagina zie 1.2 en"
    assert [ref.target for ref in items["1.1"].references] == ["1.2"]


def test_a_field_left_open_hides_no_more_than_its_paragraph() -> None:
    broken = p("Voor ", '<w:r><w:fldChar w:fldCharType="begin"/></w:r>', "in het veld")
    items = items_of(tr(tc(p("1.1")), tc(p("Titel")), tc(), tc(p("BZK")), tc(broken, p("Na."))))
    assert items["1.1"].status == "Voor\nNa."


def test_page_header_and_footer_give_the_heading_and_never_table_content() -> None:
    letterhead = tbl(tr(tc(p("Ministerie van BZK")), tc(p("Kenmerk 2010-1"))))
    header = (
        letterhead
        + p(r("VOORTGANGSRAPPORTAGE 2010", "<w:b/><w:sz w:val='32'/>"))
        + p(r("ACTIEPLAN SAMEN 2008-2012", "<w:b/>"))
        + p("Juni 2010")
    )
    footer = p("Pagina ", field("PAGE", "1"), " van ", field("NUMPAGES", "3")) + tbl(
        item_row("9.9", "Kenmerk in een tabel", "", "BZK", "")  # looks like an item row
    )
    report = read(
        TRACK + tbl(header_row(), item_row("1.1", "Titel", "2010", "BZK", "Klaar.")),
        headers=[("default", header)],
        footers=[("default", footer)],
    )
    assert (report.title, report.plan, report.date) == (
        "Voortgangsrapportage 2010",
        "Actieplan Samen 2008-2012",
        "Juni 2010",
    )
    assert len(report.items) == 1
    dumped = report.items[0].model_dump_json()
    assert "Pagina" not in dumped and "Kenmerk" not in dumped


def test_a_first_page_header_counts_only_where_the_section_has_a_different_first_page() -> None:
    body = TRACK + tbl(header_row(), item_row("1.1", "Titel", "2010", "BZK", "Klaar."))
    first = p(r("VOORTGANGSRAPPORTAGE 2010", "<w:b/><w:sz w:val='32'/>"))
    other = p(r("CONCEPT", "<w:b/>"))
    headers = [("default", other), ("first", first)]
    assert read(body, headers=headers, title_page=True).title == "Voortgangsrapportage 2010"
    assert read(body, headers=headers, title_page=False).title == "Concept"


def test_markup_nested_past_the_xml_parsers_depth_is_one_line_not_a_crash() -> None:
    inner = p("diep")
    for _ in range(100):  # 300 levels of XML: more than the parser's 256
        inner = tbl(tr(tc(inner)))
    with pytest.raises(InputError, match="Excessive depth"):
        read(TRACK + tbl(header_row(), result_row("1.1", inner)))


def test_tables_nested_within_the_parsers_depth_are_read() -> None:
    inner = p("diep")
    for _ in range(60):
        inner = tbl(tr(tc(inner)))
    items = items_of(result_row("1.1", p("Titel"), inner))
    assert items["1.1"].title == "Titel\ndiep"


def text_box(*paragraphs: str) -> str:
    """A run holding a drawing with a text box, as Word writes it: the DrawingML shape and,
    as the fallback for older readers, the same text again in VML."""
    content = f"<w:txbxContent>{''.join(paragraphs)}</w:txbxContent>"
    return (
        '<w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/'
        'markup-compatibility/2006"><mc:Choice Requires="wps"><w:drawing><wp:anchor '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">'
        f"<wps:txbx xmlns:wps='http://schemas.microsoft.com/office/word/2010/"
        f"wordprocessingShape'>{content}</wps:txbx></wp:anchor></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict>{content}</w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )


def test_a_text_box_in_a_cell_is_that_cells_text_once() -> None:
    status = p("Voor", text_box(p("In het kader"), p("tweede regel")), "na")
    items = items_of(tr(tc(p("1.1")), tc(p("Titel")), tc(), tc(p("BZK")), tc(status)))
    assert items["1.1"].status == "Voor\nIn het kader\ntweede regel\nna"


# -- characters ---------------------------------------------------------------------------------


def test_soft_line_breaks_end_paragraphs_and_special_characters_read_as_shown() -> None:
    result = p(
        r("Titel"),
        "<w:r><w:br/></w:r>",
        r("a. Een", "<w:i/>"),
        '<w:r><w:br w:type="textWrapping"/></w:r>',
        r("b. Twee", "<w:i/>"),
    )
    status = p(
        r("Regel een"),
        "<w:r><w:br/></w:r>",
        r("Eerste"),
        "<w:r><w:tab/></w:r>",
        r("regel\u00a0met"),
        "<w:r><w:noBreakHyphen/></w:r>",
        r("streep"),
        "<w:r><w:softHyphen/></w:r>",
        r("je "),
        '<w:r><w:sym w:font="Symbol" w:char="F0B7"/></w:r>',
        r(" punt"),
        '<w:r><w:br w:type="page"/></w:r>',
        r("verder"),
    )
    items = items_of(tr(tc(p("1.1")), tc(result), tc(), tc(p("BZK")), tc(status)))
    item = items["1.1"]
    assert item.title == "Titel"
    assert [(s.label, s.text) for s in item.sub_items] == [("a", "Een"), ("b", "Twee")]
    assert item.status == "Regel een\nEerste regel met-streepje • punt verder"


def test_hidden_text_is_not_read() -> None:
    items = items_of(
        tr(
            tc(p("1.1")),
            tc(p(r("Titel"), r(" verborgen", "<w:vanish/>"))),
            tc(),
            tc(p("BZK")),
            tc(),
        )
    )
    assert items["1.1"].title == "Titel"


def test_a_document_made_with_python_docx_reads() -> None:
    """The library users write reports with: its styles part, its defaults."""
    document = docx.Document()
    document.add_paragraph("SPOOR 1: LOKALE AANPAK")
    table = document.add_table(rows=2, cols=5)
    for cell, text in zip(
        table.rows[0].cells,
        ["", "Resultaat", "Deadline", "Trekker", "Stand van zaken"],
        strict=True,
    ):
        cell.text = text
    for cell, text in zip(
        table.rows[1].cells, ["1.1", "Titel", "2010", "BZK", "Klaar."], strict=True
    ):
        cell.text = text
    table.rows[1].cells[1].paragraphs[0].runs[0].italic = True
    buffer = io.BytesIO()
    document.save(buffer)
    report = parse_bytes(buffer.getvalue(), "made.docx")
    assert [(i.number, i.title, i.italic, i.lead) for i in report.items] == [
        ("1.1", "Titel", True, ["BZK"])
    ]
