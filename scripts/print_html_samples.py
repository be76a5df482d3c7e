"""Print the HTML rendition of the 2009 report to PDF with headless Chromium, as users do.

    python scripts/print_html_samples.py [OUTPUT_DIR]

Makes, in OUTPUT_DIR (default: samples/):

    voortgangsrapportage-2009-chromium.pdf          samples/voortgangsrapportage-2009.html as it
                                                    is (no CSS: Chromium's default serif font,
                                                    borderless tables, US Letter portrait)
    voortgangsrapportage-2009-chromium-styled.pdf   the same HTML with a <style> block injected:
                                                    every cell ruled (border-collapse), DejaVu Sans
                                                    9 pt, 4px padding, A4 landscape
    voortgangsrapportage-2009-chromium-bottom.pdf   every cell ruled in grey, each border drawn
                                                    cell by cell, cells aligned to the bottom,
                                                    Carlito 11 pt, US Letter landscape

All are printed without the browser's header and footer (no date, title, URL or page
numbers). The HTML keeps its CSS page break before every page but the first, so each page of
the source gives at least one PDF page.

Needs Chromium (Debian: ``apt-get install chromium``; ``CHROMIUM=/path/to/chrome`` picks
another binary) and, for the styled variants, the DejaVu and Carlito fonts
(``fonts-dejavu-core``, ``fonts-crosextra-carlito``). It runs headless with a throwaway
profile, also as root (``--no-sandbox``).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SOURCE = REPO / "samples" / "voortgangsrapportage-2009.html"
STEM = "voortgangsrapportage-2009"

# The <style> block injected into the HTML, per variant.
STYLES = {
    "styled": """<style>
@page { size: A4 landscape; }
table { border-collapse: collapse; }
td, th { border: 1px solid #000; padding: 4px; font-family: 'DejaVu Sans'; font-size: 9pt; }
</style>
""",
    "bottom": """<style>
@page { size: letter landscape; }
body { font-family: 'Carlito'; font-size: 11pt; }
table { border-collapse: collapse; }
td, th { border: 1px solid #888; vertical-align: bottom; padding: 6px; }
</style>
""",
}

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-pdf-header-footer",
)


def chromium() -> str:
    """The Chromium binary: $CHROMIUM, else the first of the usual names on PATH."""
    if candidate := os.environ.get("CHROMIUM"):
        return candidate
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        if found := shutil.which(name):
            return found
    raise SystemExit("Chromium not found: apt-get install chromium, or set CHROMIUM")


def styled(html: str, style: str) -> str:
    """``html`` with ``style`` injected just before ``</head>``."""
    if "</head>" not in html:
        raise SystemExit(f"{SOURCE}: no </head> to inject the style into")
    return html.replace("</head>", style + "</head>", 1)


def print_to_pdf(html: Path, pdf: Path, temp: Path) -> None:
    """Chromium's print of ``html`` to ``pdf``, with a fresh profile under ``temp``."""
    profile = Path(tempfile.mkdtemp(prefix="profile-", dir=temp))
    subprocess.run(
        [
            chromium(),
            *CHROMIUM_FLAGS,
            f"--user-data-dir={profile}",
            f"--print-to-pdf={pdf}",
            html.resolve().as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    if not pdf.is_file() or pdf.stat().st_size == 0:
        raise SystemExit(f"Chromium wrote no PDF for {html}")


def make(outdir: Path) -> list[Path]:
    """Print every variant into ``outdir``; the files written."""
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="voortgang-chromium-") as name:
        temp = Path(name)
        jobs = {f"{STEM}-chromium.pdf": SOURCE}
        for variant, style in STYLES.items():
            html = temp / f"{STEM}-{variant}.html"
            html.write_text(styled(SOURCE.read_text(encoding="utf-8"), style), encoding="utf-8")
            jobs[f"{STEM}-chromium-{variant}.pdf"] = html
        written = []
        for pdf_name, html in jobs.items():
            pdf = temp / pdf_name
            print_to_pdf(html, pdf, temp)
            written.append(Path(shutil.copyfile(pdf, outdir / pdf_name)))
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "outdir", nargs="?", type=Path, default=REPO / "samples", help="default: samples/"
    )
    for path in make(parser.parse_args().outdir):
        print(path)


if __name__ == "__main__":
    main()
