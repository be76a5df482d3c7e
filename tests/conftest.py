from __future__ import annotations

import json
from pathlib import Path

import pytest

from voortgang import parse
from voortgang.model.records import Report

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
TEXT_SAMPLE = SAMPLES / "voortgangsrapportage-2009.txt"
HTML_SAMPLE = SAMPLES / "voortgangsrapportage-2009.html"
# The committed renditions that read to the golden records.
RENDITIONS = [
    "voortgangsrapportage-2009.txt",
    "voortgangsrapportage-2009.html",
    "voortgangsrapportage-2009-libreoffice.html",
    "voortgangsrapportage-2009-landscape-ruled.pdf",
    "voortgangsrapportage-2009-portrait-plain.pdf",
    "voortgangsrapportage-2009-portrait-carlito.pdf",
    "voortgangsrapportage-2009-landscape-mono.pdf",
    "voortgangsrapportage-2009-portrait-narrow.pdf",
]
# The Word documents the PDFs were printed from (scripts/make_docx_samples.py).
DOCX_SAMPLES = sorted(path.name for path in SAMPLES.glob("*.docx"))
# Browser prints of the HTML rendition: the same items but for line breaks (test_golden).
BROWSER_PRINTS = [
    "voortgangsrapportage-2009-chromium.pdf",
    "voortgangsrapportage-2009-chromium-styled.pdf",
    "voortgangsrapportage-2009-chromium-bottom.pdf",
]
GOLDEN = Path(__file__).parent / "golden" / "voortgangsrapportage-2009.json"


@pytest.fixture(scope="session")
def golden() -> Report:
    return Report.model_validate(json.loads(GOLDEN.read_text(encoding="utf-8")))


@pytest.fixture(scope="session")
def text_report() -> Report:
    return parse(TEXT_SAMPLE)
