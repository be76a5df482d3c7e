"""Each command loads what it uses: the readers' libraries are imported when a file of their
format is first read, not when voortgang starts (issue 17: a three-page PDF paid for
BeautifulSoup, Pillow and pypdfium2 before reading a page)."""

from __future__ import annotations

import subprocess
import sys

from conftest import HTML_SAMPLE, SAMPLES, TEXT_SAMPLE

HEAVY = ("bs4", "soupsieve", "PIL", "pypdfium2", "docx")


def imported_after(code: str) -> set[str]:
    """Which of HEAVY a new interpreter has imported after running ``code``."""
    probe = f"{code}\nimport sys\nprint(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    return set(result.stdout.split())


def test_starting_the_command_line_imports_no_reader_library() -> None:
    assert imported_after("import voortgang.cli") == set()


def test_reading_a_pdf_imports_neither_html_nor_word_libraries() -> None:
    pdf = sorted(SAMPLES.glob("*.pdf"))[0]
    assert imported_after(f"import voortgang; voortgang.parse({str(pdf)!r})") == set()


def test_reading_html_and_the_text_rendition_imports_none_of_them() -> None:
    # Their markup is read by lxml's parser into a tree of the reader's own (no BeautifulSoup).
    for path in (TEXT_SAMPLE, HTML_SAMPLE):
        assert imported_after(f"import voortgang; voortgang.parse({str(path)!r})") == set()
