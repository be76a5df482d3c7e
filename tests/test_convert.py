"""voortgang convert, and the formats parse shares with it."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from voortgang import cli

from conftest import TEXT_SAMPLE

FORMATS = ("json", "jsonl", "csv", "md", "html")
SUFFIXES = {"json": ".json", "jsonl": ".jsonl", "csv": ".csv", "md": ".md", "html": ".html"}


def run(*args: str, input: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli.main, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    ("name", "start"), [("out.csv", "source,number,"), ("out.html", "<!doctype html>")]
)
def test_parse_writes_csv_and_html_by_suffix_or_format(
    tmp_path: Path, name: str, start: str
) -> None:
    target = tmp_path / name
    code, _, err = run("parse", str(TEXT_SAMPLE), "-o", str(target))
    assert code == 0
    assert err.endswith(f"as {name.split('.')[1]}\n")
    assert target.read_text(encoding="utf-8").startswith(start)
    fmt = name.split(".")[1]
    assert run("parse", str(TEXT_SAMPLE), "-f", fmt)[1] == target.read_text(encoding="utf-8")
