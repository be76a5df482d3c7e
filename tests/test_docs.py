"""The examples of the README and of the pages in docs/, and the record contract, say what
the code does."""

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

DOCS = ROOT / "docs"
README = (ROOT / "README.md").read_text(encoding="utf-8")
CONTRACT = (ROOT / "docs" / "CONTRACT.md").read_text(encoding="utf-8")


def _page(name: str) -> str:
    """A page of the documentation: README.md, or one in docs/."""
    return (ROOT / name if name == "README.md" else DOCS / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("page", ["README.md", "parse.md"])
def test_the_jsonl_example_is_the_commands_output(
    page: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    command = "voortgang parse samples/voortgangsrapportage-2009.txt --format jsonl"
    shown = re.search(rf"\$ {re.escape(command)} \| head -n 1 \| cut -c1-250\n(.*)\n", _page(page))
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


def _session(page: str, heading: str | None) -> list[tuple[str, str]]:
    """(command, output shown) for each ``$ command`` in the code blocks of a page, or of its
    section under ``heading`` (up to the next heading of its level or above); a command goes
    on after a line that ends in a backslash."""
    body = _page(page)
    if heading is not None:
        level = heading.split(" ", 1)[0]
        body = body.split(f"{heading}\n", 1)[1]
        body = re.split(rf"^#{{1,{len(level)}}} ", body, maxsplit=1, flags=re.MULTILINE)[0]
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
    ("page", "heading"),
    [
        ("convert.md", None),
        ("validate.md", None),
        ("debug.md", None),
        ("diff.md", None),
        ("config.md", None),
        ("reading.md", "## Other reports of the family"),
        ("parse.md", "## Readings that cannot be right"),
        ("check.md", None),
        ("README.md", "## One example per command"),
    ],
)
def test_the_sessions_show_what_the_commands_print(
    page: str, heading: str | None, tmp_path: Path
) -> None:
    """Each command of the page or section, run in turn in a folder with the samples, prints
    what the page shows (standard output and error as a terminal shows them, unbuffered)."""
    (tmp_path / "samples").symlink_to(ROOT / "samples")
    env = os.environ | {"PYTHONPATH": str(ROOT / "src"), "PYTHON": sys.executable}
    steps = _session(page, heading)
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


def test_the_readme_shows_one_example_of_every_command() -> None:
    """The tour: an example of each command under its own link, the two opening commands
    first, about 1500 words at most."""
    steps = _session("README.md", "## One example per command")
    shown = {command.split()[1] for command, _ in steps if command.startswith("voortgang ")}
    assert shown == set(cli.main.commands)
    opening = re.findall(r"^```sh\n(.*?)\n```$", README, re.MULTILINE | re.DOTALL)[:2]
    assert opening == [
        "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/voortgang parse "
        "samples/voortgangsrapportage-2009.txt",
        "python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && .venv/bin/pytest",
    ]
    assert README.index(opening[0]) < README.index("## ")
    assert len(README.split()) <= 1500


def _anchors(text: str) -> set[str]:
    """GitHub's anchors of a page's headings: lower case, punctuation but hyphens dropped,
    spaces as hyphens."""
    headings = re.findall(r"^#+ (.+)$", re.sub(r"^```.*?^```$", "", text, flags=re.M | re.S), re.M)
    return {re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-") for heading in headings}


@pytest.mark.parametrize("page", ["README.md", *sorted(path.name for path in DOCS.glob("*.md"))])
def test_the_links_between_the_pages_lead_somewhere(page: str) -> None:
    """Every relative link of a page names a file that is there, and a heading of it."""
    base = ROOT if page == "README.md" else DOCS
    text = _page(page)
    links = re.findall(r"\]\(([^)\s]+)\)", text)
    for link in links:
        if re.match(r"[a-z]+:", link):
            continue
        target, _, anchor = link.partition("#")
        path = base / target if target else base / page
        assert path.exists(), link
        if anchor:
            assert anchor in _anchors(path.read_text(encoding="utf-8")), link


def test_the_readme_links_every_page_of_the_docs() -> None:
    linked = set(re.findall(r"\]\(docs/([\w-]+\.md)[#)]", README))
    assert linked == {path.name for path in DOCS.glob("*.md")}
