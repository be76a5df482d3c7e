"""The page of ``voortgang check`` (docs/check.md) shows a real run and the codes as
registered."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from voortgang import cli
from voortgang.model.diagnostics import CODES

from conftest import ROOT, TEXT_SAMPLE

SECTION = (ROOT / "docs" / "check.md").read_text(encoding="utf-8")


def test_the_codes_table_is_the_registry() -> None:
    rows = re.findall(r"^\| (VG\d+) \| (\w+) \| ([\w-]+) \| (.+) \|$", SECTION, re.MULTILINE)
    assert rows == [
        (code.code, code.severity, code.name, code.description) for code in CODES.values()
    ]


def test_the_run_shown_is_what_check_prints(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = re.search(r"^\$ voortgang check (\S+) (\S+); echo \"exit \$\?\"\n(.*?)^exit (\d)$",
                      SECTION, re.MULTILINE | re.DOTALL)  # fmt: skip
    assert shown is not None
    pdf, mutated, output, exit_code = shown.groups()
    edits = re.findall(r"s/(.+?)/(.+?)/", SECTION[: shown.start()])
    text = TEXT_SAMPLE.read_text(encoding="utf-8")
    for before, after in edits:
        pattern = before.replace(r"\t", "\t")
        text = re.sub(pattern, after.replace(r"\t", "\t"), text, flags=re.MULTILINE)
    (tmp_path / "samples").symlink_to(ROOT / "samples")
    (tmp_path / mutated).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli.main, ["check", pdf, mutated])
    assert (result.stdout, result.exit_code) == (output, int(exit_code))
