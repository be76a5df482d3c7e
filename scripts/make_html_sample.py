"""Make the HTML rendition of a report from its converter text rendition.

    python scripts/make_html_sample.py samples/voortgangsrapportage-2009.txt \
        > samples/voortgangsrapportage-2009.html

The HTML is what a PDF-to-HTML converter gives: per page the heading block and a table whose
head repeats the track row and the column header row, a CSS page break before every page but
the first. Cells keep the converter's inline HTML as it is, bare ``&`` included. This script
does not use voortgang, so the readers are tested against an independent rendition.
"""

from __future__ import annotations

import re
import sys
from html import escape
from pathlib import Path


def heading_line(line: str) -> str:
    """One Markdown heading line as HTML."""
    line = line.rstrip()
    if match := re.match(r"^(#{1,6})\s+(.*)$", line):
        level = len(match.group(1))
        return f"<h{level}>{match.group(2)}</h{level}>"
    if match := re.match(r"^\*\*(.*)\*\*$", line):
        return f"<p><b>{match.group(1)}</b></p>"
    if match := re.match(r"^\*(.*)\*$", line):
        return f"<p><i>{match.group(1)}</i></p>"
    return f"<p>{line}</p>"


def table_row(cells: list[str], tag: str) -> str:
    if len(cells) > 1 and not any(cell.strip() for cell in cells[1:]):
        return f'<tr><{tag} colspan="{len(cells)}">{cells[0]}</{tag}></tr>'
    return "<tr>" + "".join(f"<{tag}>{cell}</{tag}>" for cell in cells) + "</tr>"


def to_html(text: str, title: str) -> str:
    pages: list[tuple[list[str], list[list[str]]]] = []
    for line in text.splitlines():
        if "\t" in line:
            pages[-1][1].append(line.split("\t"))
        elif line.strip():
            if not pages or pages[-1][1]:
                pages.append(([], []))
            pages[-1][0].append(line)
    out = [
        "<!DOCTYPE html>",
        '<html lang="nl">',
        f'<head><meta charset="utf-8"><title>{escape(title)}</title></head>',
        "<body>",
    ]
    for number, (heading, rows) in enumerate(pages):
        style = ' style="break-before: page"' if number else ""
        out.append(f'<section class="page"{style}>')
        out.extend(heading_line(line) for line in heading)
        head, body = rows[:2], rows[2:]
        out.append("<table>")
        out.append("<thead>" + "".join(table_row(row, "th") for row in head) + "</thead>")
        out.append("<tbody>")
        out.extend(table_row(row, "td") for row in body)
        out.append("</tbody>")
        out.append("</table>")
        out.append("</section>")
    out += ["</body>", "</html>", ""]
    return "\n".join(out)


def main() -> None:
    source = Path(sys.argv[1])
    sys.stdout.write(to_html(source.read_text(encoding="utf-8"), source.stem))


if __name__ == "__main__":
    main()
