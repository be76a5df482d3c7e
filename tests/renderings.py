"""Test helpers that write a grid the way different tools print a report.

Each renderer takes pages of rows (the grid the readers emit) and writes one rendition: the
converter's text, clean semantic HTML, Word's "Save as HTML", LibreOffice's HTML export and
(``docx_making.py``) Word documents. The
markup follows what those tools really write (Word: ``MsoNormal`` paragraphs, ``<o:p>``,
conditional comments, Symbol-font bullets, windows-1252; LibreOffice: ``<font>`` wrappers,
``<div title="header">``, CSS page breaks), so that a test can check that every shape reads back
to the same records.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from voortgang.parse.grid import Cell, Page, Paragraph, Row, Run

GLYPHS = ("• ", "- ", "o ")


def runs_html(runs: tuple[Run, ...], italic: str, bold: str) -> str:
    """Runs as HTML; ``italic`` and ``bold`` are format strings around the escaped text."""
    out = []
    for run in runs:
        text = escape(run.text, quote=False)
        if run.bold:
            text = bold.format(text)
        if run.italic:
            text = italic.format(text)
        out.append(text)
    return "".join(out)


def split_glyph(paragraph: Paragraph) -> tuple[str, Paragraph]:
    """The list glyph a paragraph starts with ("" for none), and the paragraph without it."""
    first = paragraph.runs[0] if paragraph.runs else Run("")
    for glyph in GLYPHS:
        if first.text.startswith(glyph) and not first.italic:
            rest = Run(first.text[len(glyph) :], first.italic, first.bold)
            return glyph.strip(), Paragraph((rest, *paragraph.runs[1:]))
    return "", paragraph


def heading_rows(page: Page) -> list[Row]:
    return [row for row in page.rows if not row.in_table]


def table_rows(page: Page) -> list[Row]:
    return [row for row in page.rows if row.in_table]


def is_spanning(row: Row) -> bool:
    return len(row.cells) > 1 and all(cell.is_empty for cell in row.cells[1:])


# -- the converter's text rendition ------------------------------------------------------------


def text_cell(cell: Cell) -> str:
    if len(cell.paragraphs) == 1:
        return runs_html(cell.paragraphs[0].runs, "<i>{}</i>", "<b>{}</b>")
    return " ".join(
        f"<p>{runs_html(p.runs, '<i>{}</i>', '<b>{}</b>')}</p>" for p in cell.paragraphs
    )


def render_text(pages: list[Page]) -> bytes:
    lines: list[str] = []
    for page in pages:
        lines.append("")
        for row in heading_rows(page):
            lines += ["# " + row.cells[0].text, ""]
        lines += ["\t".join(text_cell(cell) for cell in row.cells) for row in table_rows(page)]
    return "\n".join(lines).encode("utf-8")


# -- clean semantic HTML -----------------------------------------------------------------------


def semantic_cell(cell: Cell, tag: str) -> str:
    parts: list[str] = []
    bullets: list[str] = []
    for paragraph in cell.paragraphs:
        glyph, rest = split_glyph(paragraph)
        html = runs_html(rest.runs, "<em>{}</em>", "<strong>{}</strong>")
        if glyph == "•":
            bullets.append(f"<li>{html}</li>")
            continue
        if bullets:
            parts.append("<ul>" + "".join(bullets) + "</ul>")
            bullets = []
        if glyph:
            html = runs_html(paragraph.runs, "<em>{}</em>", "<strong>{}</strong>")
        parts.append(f"<p>{html}</p>")
    if bullets:
        parts.append("<ul>" + "".join(bullets) + "</ul>")
    return f"<{tag}>{''.join(parts)}</{tag}>"


def semantic_row(row: Row, tag: str) -> str:
    if is_spanning(row):
        return f'<tr><{tag} colspan="{len(row.cells)}">{escape(row.cells[0].text)}</{tag}></tr>'
    return "<tr>" + "".join(semantic_cell(cell, tag) for cell in row.cells) + "</tr>"


def render_semantic(pages: list[Page]) -> bytes:
    out = ['<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>r</title></head>']
    out.append("<body>")
    for number, page in enumerate(pages):
        style = ' style="break-before: page"' if number else ""
        out.append(f"<section{style}>")
        out += [f"<h2>{escape(row.cells[0].text)}</h2>" for row in heading_rows(page)]
        rows = table_rows(page)
        out.append("<table><thead>")
        out += [semantic_row(row, "th") for row in rows[:2]]
        out.append("</thead><tbody>")
        out += [semantic_row(row, "td") for row in rows[2:]]
        out.append("</tbody></table></section>")
    out.append("</body></html>")
    return "\n".join(out).encode("utf-8")


# -- Microsoft Word, "Save as HTML" ------------------------------------------------------------

WORD_HEAD = """<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns:m="http://schemas.microsoft.com/office/2004/12/omml"
xmlns="http://www.w3.org/TR/REC-html40">

<head>
<meta http-equiv=Content-Type content="text/html; charset=windows-1252">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<meta name=Originator content="Microsoft Word 15">
<title>Voortgangsrapportage</title>
<!--[if gte mso 9]><xml>
 <o:DocumentProperties>
  <o:Author>BZK</o:Author>
 </o:DocumentProperties>
</xml><![endif]-->
<style>
<!--
 /* Style Definitions */
 p.MsoNormal, li.MsoNormal, div.MsoNormal
\t{mso-style-unhide:no;
\tmargin:0cm;
\tfont-size:9.0pt;
\tfont-family:"Arial",sans-serif;}
p.MsoHeader, li.MsoHeader, div.MsoHeader
\t{margin:0cm;
\tfont-size:12.0pt;
\tfont-weight:bold;}
span.Nadruk
\t{mso-style-name:Nadruk;
\tfont-style:italic;}
p.MsoListParagraph
\t{margin-left:36.0pt;}
@page WordSection1
\t{size:841.9pt 595.3pt;
\tmso-page-orientation:landscape;}
div.WordSection1
\t{page:WordSection1;}
-->
</style>
</head>

<body lang=NL style='tab-interval:35.4pt;word-wrap:break-word'>

<div class=WordSection1>
"""

WORD_CELL = (
    "<td width={width} valign=top style='width:{points}pt;border:solid windowtext 1.0pt;"
    "mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'>\n{content}</td>"
)
WORD_SPAN = "<span style='font-size:9.0pt;font-family:\"Arial\",sans-serif'>{}</span>"


def wrap_lines(html: str, width: int = 76) -> str:
    """Word breaks its HTML source lines at spaces, inside text too."""
    out, line = [], ""
    for word in html.split(" "):
        if line and len(line) + len(word) > width:
            out.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return "\n".join([*out, line])


def word_italic(index: int) -> str:
    """Word writes italics as <i>, or as a character style, depending on how they were set."""
    if index % 2:
        return "<span class=Nadruk>{}</span>"
    return "<i style='mso-bidi-font-style:normal'>{}</i>"


def word_paragraph(paragraph: Paragraph, index: int) -> str:
    glyph, rest = split_glyph(paragraph)
    body = runs_html(rest.runs, word_italic(index), "<b style='mso-bidi-font-weight:normal'>{}</b>")
    if not glyph:
        return f"<p class=MsoNormal>{WORD_SPAN.format(wrap_lines(body))}<o:p></o:p></p>\n"
    font = "Symbol" if glyph == "•" else "Arial"
    printed = "\u00b7" if glyph == "•" else glyph
    return (
        "<p class=MsoListParagraph style='margin-left:18.0pt;text-indent:-18.0pt;"
        "mso-list:l0 level1 lfo1'><![if !supportLists]>"
        f"<span style='font-family:{font};mso-fareast-font-family:{font}'>"
        f"<span style='mso-list:Ignore'>{printed}"
        "<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span>"
        f"</span></span><![endif]>{WORD_SPAN.format(wrap_lines(body))}<o:p></o:p></p>\n"
    )


def word_cell(cell: Cell, width: int) -> str:
    content = "".join(word_paragraph(p, i) for i, p in enumerate(cell.paragraphs))
    if not content:
        content = "<p class=MsoNormal><o:p>&nbsp;</o:p></p>\n"
    return WORD_CELL.format(width=width, points=width * 0.75, content=content)


def word_row(row: Row, index: int) -> str:
    widths = (48, 260, 70, 80, 400)
    attributes = f"mso-yfti-irow:{index}" + (";mso-yfti-firstrow:yes" if index == 0 else "")
    if index < 2:
        attributes += ";page-break-inside:avoid"
    if is_spanning(row):
        content = word_paragraph(row.cells[0].paragraphs[0], 0)
        cells = (
            f"<td width=858 colspan={len(row.cells)} valign=top style='width:643.5pt;"
            f"border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'>\n{content}</td>"
        )
    else:
        cells = "\n".join(word_cell(cell, widths[i % 5]) for i, cell in enumerate(row.cells))
    return f"<tr style='{attributes}'>\n{cells}\n</tr>\n"


def render_word(pages: list[Page]) -> bytes:
    out = [WORD_HEAD]
    for number, page in enumerate(pages):
        if number:
            out.append(
                "<span style='font-size:9.0pt'><br clear=all style='mso-special-character:"
                "line-break;page-break-before:always'>\n</span>"
            )
        for row in heading_rows(page):
            out.append(f"<p class=MsoHeader>{escape(row.cells[0].text)}<o:p></o:p></p>\n")
        out.append(
            "<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0\n"
            " style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt'>\n"
        )
        out += [word_row(row, index) for index, row in enumerate(table_rows(page))]
        out.append("</table>\n\n<p class=MsoNormal><o:p>&nbsp;</o:p></p>\n\n")
    out.append("</div>\n\n</body>\n\n</html>\n")
    return "".join(out).encode("cp1252", errors="xmlcharrefreplace")


# -- LibreOffice Writer, HTML export -----------------------------------------------------------

LIBREOFFICE_HEAD = """<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0 Transitional//EN">
<html>
<head>
\t<meta http-equiv="content-type" content="text/html; charset=utf-8"/>
\t<title></title>
\t<meta name="generator" content="LibreOffice 7.4.7.2 (Linux)"/>
\t<style type="text/css">
\t\t@page { size: 29.7cm 21cm; margin: 2cm }
\t\tp { line-height: 115%; margin-bottom: 0.25cm; background: transparent }
\t\ttd p { orphans: 0; widows: 0; background: transparent }
\t\tp.western { font-family: "Liberation Sans", sans-serif }
\t</style>
</head>
<body lang="nl-NL" link="#000080" vlink="#800000" dir="ltr"><p style="margin-bottom: 0cm">
"""


def libreoffice_cell(cell: Cell, head: bool, colspan: int = 1) -> str:
    paragraphs = []
    for paragraph in cell.paragraphs:
        body = runs_html(paragraph.runs, "<i>{}</i>", "<b>{}</b>")
        paragraphs.append(
            '<p class="western" align="left"><font face="Liberation Sans, sans-serif">'
            f'<font size="1" style="font-size: 8pt">{body}</font></font></p>\n'
        )
    span = f' colspan="{colspan}"' if colspan > 1 else ""
    style = "border: 1px solid #000000; padding: 0.1cm"
    content = "".join(paragraphs) or '<p class="western" align="left"><br/>\n</p>\n'
    return f'<td{span} style="{style}">{content}</td>\n'


def libreoffice_row(row: Row, head: bool) -> str:
    if is_spanning(row):
        return f'<tr valign="top">\n{libreoffice_cell(row.cells[0], head, len(row.cells))}</tr>\n'
    cells = "".join(libreoffice_cell(cell, head) for cell in row.cells)
    return f'<tr valign="top">\n{cells}</tr>\n'


def render_libreoffice(pages: list[Page]) -> bytes:
    out = [LIBREOFFICE_HEAD]
    for number, page in enumerate(pages):
        style = ' style="page-break-before: always"' if number else ""
        out.append(f'<div title="header"{style}>\n')
        out += [
            f'<p class="western">{escape(row.cells[0].text)}</p>\n' for row in heading_rows(page)
        ]
        out.append("</div>\n")
        rows = table_rows(page)
        out.append('<table width="100%" cellpadding="7" cellspacing="0">\n')
        out.append('\t<col width="20"/>\n\t<col width="120"/>\n\t<col width="30"/>\n')
        out.append("<thead>\n" + "".join(libreoffice_row(row, True) for row in rows[:2]))
        out.append("</thead>\n<tbody>\n")
        out += [libreoffice_row(row, False) for row in rows[2:]]
        out.append("</tbody>\n</table>\n<p><br/>\n</p>\n")
    out.append("</body>\n</html>\n")
    return "".join(out).encode("utf-8")


# -- Word documents (docx_making.py, which uses the helpers above) -----------------------------


def render_docx(pages: list[Page]) -> bytes:
    from docx_making import render_docx as render

    return render(pages)


def render_docx_tracks(pages: list[Page]) -> bytes:
    from docx_making import render_docx_tracks as render

    return render(pages)


RENDERERS: dict[str, Callable[[list[Page]], bytes]] = {
    "text": render_text,
    "semantic": render_semantic,
    "word": render_word,
    "libreoffice": render_libreoffice,
    "docx": render_docx,
    "docx-tracks": render_docx_tracks,
}
# Renditions without pages: a Word document is laid out on pages only when it is printed.
PAGELESS = frozenset({"docx", "docx-tracks"})
