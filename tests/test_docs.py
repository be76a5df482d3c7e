"""The README's examples and the record contract say what the code does."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from pydantic import BaseModel

from voortgang import cli
from voortgang.diff import RENUMBER_SIMILARITY
from voortgang.export.csv import ITEM_COLUMNS, SUB_ITEM_COLUMNS
from voortgang.model.diff import DIFF_FIELDS, Changed, Diff, FieldChange, Renumbered
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


def _contract_table(heading: str) -> set[str]:
    """The field names in the table under ``heading`` (## or ###), up to the next heading."""
    body = re.split(rf"^#{{2,3}} {re.escape(heading)}\n", CONTRACT, flags=re.MULTILINE)[1]
    body = re.split(r"^#{2,3} ", body, flags=re.MULTILINE)[0]
    return set(re.findall(r"^\| `(\w+)` \|", body, re.MULTILINE))


def test_the_contract_names_the_fields_of_the_diff() -> None:
    models: dict[str, type[BaseModel]] = {
        "Diff": Diff,
        "Renumbered": Renumbered,
        "Changed": Changed,
        "FieldChange": FieldChange,
    }
    for heading, model in models.items():
        assert _contract_table(heading) == set(model.model_fields), heading


def test_the_contract_names_the_fields_a_diff_compares_in_order() -> None:
    listed = CONTRACT.split("## Diff\n", 1)[1].split("| `fields` |", 1)[1].split("\n", 1)[0]
    assert tuple(re.findall(r"`(\w+)`", listed)) == DIFF_FIELDS
    assert f"at least {RENUMBER_SIMILARITY} alike" in CONTRACT


def test_the_readme_points_at_the_contract_in_the_repository() -> None:
    assert "[`docs/CONTRACT.md`](docs/CONTRACT.md)" in README


def test_the_contract_names_the_csv_columns_in_order() -> None:
    table = CONTRACT.split("## CSV\n", 1)[1]
    assert tuple(re.findall(r"^\| `(\w+)` \|", table, re.MULTILINE)) == (
        *ITEM_COLUMNS,
        *SUB_ITEM_COLUMNS,
    )


def _session(section: str) -> list[tuple[str, str]]:
    """(command, output shown) for each ``$ command`` in the code blocks of a README section;
    a command goes on after a line that ends in a backslash."""
    heading = section if section.startswith("#") else f"## `voortgang {section}`"
    body = README.split(f"{heading}\n", 1)[1].split("\n## ", 1)[0]
    steps: list[tuple[str, str]] = []
    for block in re.findall(r"^```\n(\$ .*?)^```$", body, re.MULTILINE | re.DOTALL):
        command: list[str] = []
        for line in block.splitlines():
            if line.startswith("$ ") or (command and command[-1].endswith("\\")):
                if line.startswith("$ "):
                    steps.append(("", ""))
                command.append(line.removeprefix("$ "))
                steps[-1] = ("\n".join(command), "")
                if not line.endswith("\\"):
                    command = []
            else:
                steps[-1] = (steps[-1][0], steps[-1][1] + line + "\n")
    return steps


@pytest.mark.parametrize(
    "section",
    ["convert", "validate", "debug", "diff", "config", "### Other reports of the family"],
)
def test_the_sessions_show_what_the_commands_print(section: str, tmp_path: Path) -> None:
    """Each command of the section, run in turn in a folder with the samples, prints what the
    README shows (standard output and error as a terminal shows them, unbuffered)."""
    (tmp_path / "samples").symlink_to(ROOT / "samples")
    env = os.environ | {"PYTHONPATH": str(ROOT / "src"), "PYTHON": sys.executable}
    steps = _session(section)
    assert steps
    for command, shown in steps:
        script = f'voortgang() {{ "$PYTHON" -u -m voortgang "$@"; }}\n{command}\n'
        done = subprocess.run(
            ["bash", "-c", script],
            cwd=tmp_path,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            check=False,
        )
        assert done.stdout.decode("utf-8") == shown, command
