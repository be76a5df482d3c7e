"""Compare renditions of the 2009 report, item for item, with its text rendition.

    python scripts/compare_renditions.py FILE... [--detail]

For each FILE (any rendition voortgang reads: PDF, HTML, text) one line: how many items it
reads, whether their numbers are the text rendition's, whether the heading and tracks are,
and which items differ in which fields (pages left out: a print has its own page breaks).
With --detail, each differing field follows, both values shortened around the first
difference. Made to try the PDF reader on renditions it has not seen (other fonts, page
sizes, producers); the committed equivalent is tests/test_golden.py.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from voortgang import InputError, Report, parse

REPO = Path(__file__).resolve().parent.parent
REFERENCE = REPO / "samples" / "voortgangsrapportage-2009.txt"


def differences(reference: Report, report: Report) -> dict[str, list[str]]:
    """Per item number the reference has, the fields of the item read that differ."""
    read = {item.number: item.model_dump() for item in report.items}
    found: dict[str, list[str]] = {}
    for item in reference.items:
        other = read.get(item.number)
        if other is None:
            continue
        expected = item.model_dump()
        fields = [name for name in expected if name != "pages" and expected[name] != other[name]]
        if fields:
            found[item.number] = fields
    return found


def shortened(expected: object, got: object, width: int = 60) -> tuple[str, str]:
    """Both values as text, cut to ``width`` characters around where they first differ."""
    left, right = str(expected), str(got)
    start = next(
        (i for i, (a, b) in enumerate(zip(left, right, strict=False)) if a != b),
        min(len(left), len(right)),
    )
    begin = max(0, start - width // 3)
    return repr(left[begin : begin + width]), repr(right[begin : begin + width])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--detail", action="store_true", help="show each differing field")
    options = parser.parse_args()
    reference = parse(REFERENCE)
    numbers = [item.number for item in reference.items]
    for path in options.files:
        try:
            report = parse(path)
        except InputError as error:
            print(f"{path.name:55} not read: {error}")
            continue
        same_numbers = [item.number for item in report.items] == numbers
        heading = (report.title, report.plan, report.date, report.tracks)
        same_heading = heading == (
            reference.title,
            reference.plan,
            reference.date,
            reference.tracks,
        )
        found = differences(reference, report)
        listed = " ".join(f"{number}:{','.join(fields)}" for number, fields in found.items())
        verdicts = (
            f"numbers {'same' if same_numbers else 'DIFFER'}, "
            f"heading {'same' if same_heading else 'DIFFERS'}"
        )
        print(
            f"{path.name:55} {len(report.items):3} items, {verdicts}, {len(found)} differ {listed}"
        )
        if options.detail:
            items = {item.number: item for item in report.items}
            for item in reference.items:
                for field in found.get(item.number, []):
                    expected, got = shortened(
                        getattr(item, field), getattr(items[item.number], field)
                    )
                    print(f"    {item.number} {field}:\n      text: {expected}\n      read: {got}")


if __name__ == "__main__":
    main()
