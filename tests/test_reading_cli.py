"""``voortgang parse`` warns about a reading that cannot be right, and still writes it whole;
``check`` and ``validate`` tell the same problems."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from voortgang import cli

from conftest import TEXT_SAMPLE
from small_reports import page, row

# A footer read into the table on page 2, and a number broken in pieces on page 1.
FOOTER = page(row("1.1"), row("1.2. 1", "Tekst")) + page(row("1.3"), row("Pagina 2 van 2", ""))
WARNINGS = (
    'voortgang: warning: {0}: page 1: "1.2. 1" in the number column is not an item number '
    "[VG501]\n"
    'voortgang: warning: {0}: page 2: "Pagina 2 van 2" in the number column is not an item '
    "number [VG501]\n"
)


def run(*args: str, input: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli.main, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def misread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "misread.txt"
    path.write_text(FOOTER, encoding="utf-8")
    return Path(path.name)


def test_parse_warns_per_problem_exits_1_and_prints_everything(misread: Path) -> None:
    code, out, err = run("parse", str(misread), "-f", "json")
    assert (code, err) == (1, WARNINGS.format(misread))
    numbers = [item["number"] for item in json.loads(out)["items"]]
    assert numbers == ["1.1", "1.2. 1", "1.3", "Pagina 2 van 2"]  # nothing lost


def test_the_output_file_is_written_all_the_same(misread: Path) -> None:
    code, _, err = run("parse", str(misread), "-o", "out.jsonl")
    assert code == 1
    assert err == WARNINGS.format(misread) + "voortgang: wrote 4 items to out.jsonl as jsonl\n"
    assert len(Path("out.jsonl").read_text(encoding="utf-8").splitlines()) == 4


def test_quiet_silences_the_warnings_not_the_exit_code(misread: Path) -> None:
    code, out, err = run("parse", "-q", str(misread), "-f", "json")
    assert (code, err) == (1, "")
    assert len(json.loads(out)["items"]) == 4


def test_a_warning_without_a_page_has_none_in_its_line(tmp_path: Path) -> None:
    html = (
        "<table><tr><th></th><th>Resultaat</th><th>Deadline</th><th>Trekker</th>"
        "<th>Stand van zaken</th></tr><tr><td>1.1</td><td>a</td><td></td><td></td><td></td></tr>"
        "<tr><td>vervolg tekst</td><td>b</td><td></td><td></td><td></td></tr></table>"
    )
    path = tmp_path / "r.html"
    path.write_text(html, encoding="utf-8")
    code, _, err = run("parse", str(path), "-f", "json")
    assert (code, err) == (
        1,
        f'voortgang: warning: {path}: "vervolg tekst" in the number column is not an item '
        "number [VG501]\n",
    )


def test_a_batch_warns_per_file_in_order_and_exits_1(misread: Path) -> None:
    code, out, err = run("parse", str(TEXT_SAMPLE), str(misread), "missing.txt", "-f", "json")
    assert code == 1
    assert err == WARNINGS.format(misread) + "voortgang: error: missing.txt: no such file\n"
    assert [len(report["items"]) for report in json.loads(out)] == [36, 4]
    code, _, err = run("parse", str(TEXT_SAMPLE), str(TEXT_SAMPLE), "-f", "json")
    assert (code, err) == (0, "")


def test_check_reports_them_with_their_codes(misread: Path) -> None:
    code, out, _ = run("check", str(misread), "--select", "VG5")
    assert code == 1  # VG501 is an error
    assert out.splitlines()[1:3] == [
        # the lines of the rows in the file, not the pages (issue 16)
        'misread.txt:10:1: VG501 error "1.2. 1" in the number column is not an item number '
        "[item 1.2. 1]",
        'misread.txt:20:1: VG501 error "Pagina 2 van 2" in the number column is not an item '
        "number [item Pagina 2 van 2]",
    ]
    code, out, _ = run("check", str(misread), "--ignore", "VG5")
    assert "VG5" not in out


def test_check_on_the_records_parse_wrote_tells_them_too(misread: Path) -> None:
    run("parse", str(misread), "-o", "records.json")
    code, out, _ = run("check", "records.json", "--select", "VG501", "-f", "json")
    assert code == 1
    assert [d["item"] for d in json.loads(out)] == ["1.2. 1", "Pagina 2 van 2"]


def test_validate_tells_them_as_problems_with_their_paths(misread: Path) -> None:
    run("parse", str(misread), "-o", "records.json")
    run("parse", str(misread), "-o", "records.jsonl")
    code, out, err = run("validate", "records.json", "records.jsonl")
    assert code == 1
    assert out == (
        'records.json: $.items[1].number: "1.2. 1" in the number column is not an item number '
        "[VG501]\n"
        'records.json: $.items[3].number: "Pagina 2 van 2" in the number column is not an item '
        "number [VG501]\n"
        'records.jsonl:2: $.number: "1.2. 1" in the number column is not an item number '
        "[VG501]\n"
        'records.jsonl:4: $.number: "Pagina 2 van 2" in the number column is not an item '
        "number [VG501]\n"
    )
    assert err == ("voortgang: records.json: 2 problems\nvoortgang: records.jsonl: 2 problems\n")
    code, out, _ = run("validate", "records.json", "-f", "json")
    assert {problem["type"] for problem in json.loads(out)} == {"VG501"}


def test_validate_tells_a_page_problem_at_the_header_pages(tmp_path: Path) -> None:
    pages = page(row("1.1")) + page(row("1.2")) + page(row("1.3"), header=False)
    (tmp_path / "r.txt").write_text(pages, encoding="utf-8")
    run("parse", str(tmp_path / "r.txt"), "-o", str(tmp_path / "r.json"))
    code, out, _ = run("validate", str(tmp_path / "r.json"))
    assert code == 1
    assert out.startswith(f"{tmp_path / 'r.json'}: $.reading.header_pages: the table goes on")
    assert out.rstrip().endswith("[VG503]")
