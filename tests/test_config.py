"""The config file: found as ruff finds its own, read into the vocabulary and check's codes,
shown by ``voortgang config``; each test in a temporary folder of its own."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from voortgang import cli
from voortgang.config import Config, ConfigError, load_config, parse_column

REPORT = (
    "# VOORTGANGSRAPPORTAGE 2011\n\n## ACTIEPLAN VOORBEELD 2010-2012\n\nDecember 2011\n\n"
    "SPOOR 1: LOKALE AANPAK\t\t\t\t\n"
    "Nr.\tOmschrijving\tWie\tWanneer\tVoortgang\n"
    "1.1\tEen\tBZK/ GGD\teind 2011\tLoopt, zie 1.2.\n"
    "1.2\tTwee\tVNG\tmei\tKlaar.\n"
    "1.4\tDrie\tOCW\tmei\tKlaar.\n"
)
SETTINGS = """
[columns]
"Omschrijving" = "title"

[organisations]
GGD = "Gemeentelijke Gezondheidsdienst"

[check]
ignore = ["VG204"]
"""


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli.main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder with a report in a subfolder, the current folder."""
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "r.txt").write_text(REPORT, encoding="utf-8")
    monkeypatch.chdir(tmp_path / "reports")
    return tmp_path


def test_without_a_config_file_the_defaults_hold(folder: Path) -> None:
    assert load_config() == Config()
    code, _, err = run("check", "r.txt")
    assert code == 2 and "no table with a title and status column" in err


def test_voortgang_toml_in_a_folder_above_is_found(folder: Path) -> None:
    (folder / "voortgang.toml").write_text(SETTINGS, encoding="utf-8")
    config = load_config()
    assert config.path == (folder / "voortgang.toml").resolve()
    assert config.vocabulary.field_of("omschrijving") == "title"
    assert config.ignore == ("VG204",)
    code, out, _ = run("check", "r.txt")
    # GGD is known, the gap 1.2 -> 1.4 ignored: nothing to report.
    assert code == 0 and "VG" not in out


def test_tool_voortgang_in_pyproject_is_found_and_one_without_it_passed_over(
    folder: Path,
) -> None:
    tool = SETTINGS.replace("\n[", "\n[tool.voortgang.")
    (folder / "pyproject.toml").write_text(tool, encoding="utf-8")
    (folder / "reports" / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    config = load_config()
    assert config.path == (folder / "pyproject.toml").resolve()
    assert config.organisations == (("GGD", "Gemeentelijke Gezondheidsdienst", str(config.path)),)


def test_voortgang_toml_wins_over_pyproject_in_the_same_folder(folder: Path) -> None:
    (folder / "pyproject.toml").write_text("[tool.voortgang.check]\nselect = ['VG1']\n")
    (folder / "voortgang.toml").write_text("[check]\nselect = ['VG2']\n")
    assert load_config().select == ("VG2",)


def test_the_nearest_config_file_holds(folder: Path) -> None:
    (folder / "voortgang.toml").write_text("[check]\nselect = ['VG1']\n")
    (folder / "reports" / "voortgang.toml").write_text("[check]\nselect = ['VG4']\n")
    assert load_config().select == ("VG4",)


def test_config_option_names_the_file(folder: Path, tmp_path_factory) -> None:
    elsewhere = tmp_path_factory.mktemp("elsewhere") / "settings.toml"
    elsewhere.write_text(SETTINGS, encoding="utf-8")
    (folder / "voortgang.toml").write_text("[check]\nselect = ['VG1']\n")
    code, out, err = run("parse", "r.txt", "-f", "jsonl", "--config", str(elsewhere))
    assert (code, err) == (0, "")
    assert '"title": "Een"' in out
    code, _, err = run("--config", str(elsewhere), "check", "--select", "VG401", "r.txt")
    assert code == 0  # before the command name too


def test_column_option_adds_to_the_file(folder: Path) -> None:
    (folder / "voortgang.toml").write_text('[columns]\n"Wie" = "lead"\n')
    code, out, err = run("parse", "r.txt", "-f", "jsonl", "--column", "Omschrijving=title")
    assert (code, err) == (0, "")
    assert len(out.splitlines()) == 3


def test_select_on_the_command_line_replaces_the_files_and_ignore_adds(folder: Path) -> None:
    (folder / "voortgang.toml").write_text(SETTINGS.replace("ignore", "select"))
    config = load_config()
    assert config.for_check([], []) == (["VG204"], [])
    assert config.for_check(["VG4"], ["VG401"]) == (["VG4"], ["VG401"])
    code, out, _ = run("check", "r.txt", "--select", "VG4")
    assert code == 0 and "VG204" not in out


def test_voortgang_config_prints_each_setting_and_where_it_came_from(folder: Path) -> None:
    (folder / "voortgang.toml").write_text(SETTINGS, encoding="utf-8")
    code, out, err = run("config", "--column", "Taak=title")
    path = (folder / "voortgang.toml").resolve()
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == f"config file: {path}"
    assert f"columns.title: Omschrijving ({path})" in lines
    assert "columns.title: Taak (--column)" in lines
    assert f"organisations: GGD = Gemeentelijke Gezondheidsdienst ({path})" in lines
    assert "check.select: every code (default)" in lines
    assert f"check.ignore: VG204 ({path})" in lines
    assert any(line.startswith("columns.status: Stand van zaken, ") for line in lines)


def test_voortgang_config_without_a_file_says_none_was_found(folder: Path) -> None:
    code, out, _ = run("config")
    assert code == 0 and out.splitlines()[0] == "config file: none found"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[columns\n", "not valid TOML"),
        ("colums = {}\n", '"colums" is no setting'),
        ('[columns]\n"Taak" = "budget"\n', "budget is no field"),
        ("[columns]\nTaak = 3\n", "columns is a table of headings and fields"),
        ("organisations = 3\n", "organisations is a table"),
        ("[check]\nselect = ['VG999']\n", "check.select: no such code: VG999"),
        ("[check]\nfix = true\n", "check.fix is no setting"),
    ],
)
def test_a_wrong_config_file_is_one_line_and_exit_2(folder: Path, text: str, message: str) -> None:
    (folder / "voortgang.toml").write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_config()
    for command in (("parse", "r.txt"), ("check", "r.txt"), ("config",)):
        code, out, err = run(*command)
        assert (code, out) == (2, "")
        assert err.count("\n") == 1 and message in err and "Traceback" not in err


def test_a_missing_config_file_is_one_line_and_exit_2(folder: Path) -> None:
    code, out, err = run("parse", "r.txt", "--config", "nowhere.toml")
    assert (code, out) == (2, "")
    assert err == "voortgang: error: nowhere.toml: no such config file\n"


@pytest.mark.parametrize(
    ("pair", "expected"),
    [
        ("Omschrijving=title", ("Omschrijving", "title")),
        ("Stand = van=STATUS", ("Stand = van", "status")),
    ],
)
def test_a_column_pair_is_heading_and_field(pair: str, expected: tuple[str, str]) -> None:
    assert parse_column(pair) == expected
