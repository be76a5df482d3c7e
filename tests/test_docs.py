"""The README's examples and the record contract say what the code does."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from pydantic import BaseModel

from voortgang import cli
from voortgang.export.csv import ITEM_COLUMNS, SUB_ITEM_COLUMNS
from voortgang.model.records import Item, Report

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
CONTRACT = (ROOT / "docs" / "CONTRACT.md").read_text(encoding="utf-8")


def test_the_jsonl_example_is_the_commands_output(monkeypatch: pytest.MonkeyPatch) -> None:
    command = "voortgang parse samples/voortgangsrapportage-2009.txt --format jsonl"
    shown = re.search(rf"\$ {re.escape(command)} \| head -n 1 \| cut -c1-250\n(.*)\n", README)
    assert shown is not None
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(cli.main, command.split()[1:])
    first = result.stdout_bytes.split(b"\n")[0]
    # GNU cut -c counts bytes, as -b does.
    assert shown.group(1).encode("utf-8") == first[:250]


def _contract_fields(section: str) -> set[str]:
    table = CONTRACT.split(f"## {section}\n", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\| `(\w+)` \|", table, re.MULTILINE))


def test_the_contract_names_the_fields_of_the_records() -> None:
    models: dict[str, type[BaseModel]] = {"Report": Report, "Item": Item}
    for section, model in models.items():
        assert _contract_fields(section) == set(model.model_fields), section


def test_the_readme_points_at_the_contract_in_the_repository() -> None:
    assert "[`docs/CONTRACT.md`](docs/CONTRACT.md)" in README


def test_the_contract_names_the_csv_columns_in_order() -> None:
    table = CONTRACT.split("## CSV\n", 1)[1]
    assert tuple(re.findall(r"^\| `(\w+)` \|", table, re.MULTILINE)) == (
        *ITEM_COLUMNS,
        *SUB_ITEM_COLUMNS,
    )
