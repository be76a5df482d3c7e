"""check's outputs for CI and people (issue 16): SARIF 2.1.0, --exit-zero, --statistics, and
``voortgang rule``, whose texts live beside the rules."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from voortgang import cli
from voortgang.checks import EXPLAINED, explain
from voortgang.export.sarif import artifact_uri
from voortgang.model.diagnostics import CODES

from conftest import SAMPLES, TEXT_SAMPLE
from small_reports import page, row


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli.main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """Two missing items referred to, an unknown Trekker, a deadline that cannot be read."""
    path = tmp_path / "broken report.txt"
    path.write_text(
        page(
            row("1.1", status="zie 1.7"),
            row("1.2", lead="Xanten", status="onder 1.9"),
            row("1.3", deadline="z.s.m."),
        )
    )
    return path


# -- SARIF 2.1.0 ------------------------------------------------------------------------------
# What the official schema (oasis-tcs/sarif-spec, Schemata/sarif-schema-2.1.0.json) allows of
# the objects voortgang writes: their properties (each object has additionalProperties false)
# and the required ones. No validator is installed, so the structure is walked here.
ALLOWED: dict[str, tuple[set[str], set[str]]] = {
    "log": (
        set("$schema version runs inlineExternalProperties properties".split()),
        set("version runs".split()),
    ),
    "run": (
        set(
            "tool results invocations artifacts originalUriBaseIds properties columnKind "
            "language".split()
        ),
        set("tool".split()),
    ),
    "tool": (
        set("driver extensions properties".split()),
        set("driver".split()),
    ),
    "driver": (
        set(
            "name version semanticVersion informationUri rules organization fullName "
            "properties".split()
        ),
        set("name".split()),
    ),
    "rule": (
        set(
            "id name shortDescription fullDescription help helpUri defaultConfiguration "
            "properties deprecatedIds guid messageStrings relationships".split()
        ),
        set("id".split()),
    ),
    "configuration": (
        set("enabled level rank parameters properties".split()),
        set("".split()),
    ),
    "multiformat": (
        set("text markdown properties".split()),
        set("text".split()),
    ),
    "result": (
        set(
            "ruleId ruleIndex rule kind level message locations properties fingerprints "
            "partialFingerprints suppressions baselineState rank".split()
        ),
        set("message".split()),
    ),
    "message": (
        set("text markdown id arguments properties".split()),
        set("".split()),
    ),
    "location": (
        set(
            "id physicalLocation logicalLocations message annotations relationships "
            "properties".split()
        ),
        set("".split()),
    ),
    "physical": (
        set("address artifactLocation region contextRegion properties".split()),
        set("".split()),
    ),
    "artifact": (
        set("uri uriBaseId index description properties".split()),
        set("".split()),
    ),
    "region": (
        set(
            "startLine startColumn endLine endColumn charOffset charLength byteOffset "
            "byteLength snippet message sourceLanguage properties".split()
        ),
        set("".split()),
    ),
    "logical": (
        set("name index fullyQualifiedName decoratedName parentIndex kind properties".split()),
        set("".split()),
    ),
}
LEVELS = {"none", "note", "warning", "error"}


def assert_object(value: Any, kind: str) -> None:
    allowed, required = ALLOWED[kind]
    assert isinstance(value, dict), kind
    assert set(value) <= allowed, (kind, set(value) - allowed)
    assert required <= set(value), (kind, required - set(value))


def assert_sarif(log: Any) -> None:
    """The log against the 2.1.0 structure: every object's properties and types as the schema
    has them, and the references between results and rules."""
    assert_object(log, "log")
    assert log["version"] == "2.1.0"
    for run_ in log["runs"]:
        assert_object(run_, "run")
        assert_object(run_["tool"], "tool")
        driver = run_["tool"]["driver"]
        assert_object(driver, "driver")
        ids = [rule["id"] for rule in driver["rules"]]
        assert len(ids) == len(set(ids))
        for rule in driver["rules"]:
            assert_object(rule, "rule")
            for text in ("shortDescription", "fullDescription", "help"):
                assert_object(rule[text], "multiformat")
            assert_object(rule["defaultConfiguration"], "configuration")
            assert rule["defaultConfiguration"]["level"] in LEVELS
        for result in run_["results"]:
            assert_object(result, "result")
            assert result["level"] in LEVELS
            assert ids[result["ruleIndex"]] == result["ruleId"]
            assert_object(result["message"], "message")
            assert isinstance(result["message"]["text"], str)
            for location in result["locations"]:
                assert_object(location, "location")
                physical = location["physicalLocation"]
                assert_object(physical, "physical")
                assert_object(physical["artifactLocation"], "artifact")
                assert not re.search(r"[ \\<>]", physical["artifactLocation"]["uri"])
                if "region" in physical:
                    assert_object(physical["region"], "region")
                    assert all(isinstance(v, int) and v >= 1 for v in physical["region"].values())
                for logical in location.get("logicalLocations", []):
                    assert_object(logical, "logical")


def test_sarif_holds_every_rule_and_every_diagnostic_with_its_place(broken: Path) -> None:
    code, out, err = run("check", str(broken), "--format", "sarif")
    assert code == 1
    log = json.loads(out)
    assert_sarif(log)
    driver = log["runs"][0]["tool"]["driver"]
    assert [rule["id"] for rule in driver["rules"]] == list(CODES)
    results = log["runs"][0]["results"]
    expected = json.loads(run("check", str(broken), "--format", "json")[1])
    assert [r["ruleId"] for r in results] == [d["code"] for d in expected]
    assert [r["message"]["text"] for r in results] == [d["message"] for d in expected]
    first = results[0]
    assert (first["level"], first["locations"][0]["physicalLocation"]) == (
        "error",
        {
            "artifactLocation": {"uri": artifact_uri(str(broken))},
            "region": {"startLine": 9, "startColumn": 20},
        },
    )
    assert "%20" in artifact_uri(str(broken))  # the space in the file's name
    assert err.endswith("in 1 file\n")


def test_sarif_of_a_pdf_marks_the_file_and_keeps_the_page() -> None:
    pdf = SAMPLES / "voortgangsrapportage-2009-portrait-plain.pdf"
    log = json.loads(run("check", str(pdf), "-f", "sarif")[1])
    assert_sarif(log)
    (result,) = log["runs"][0]["results"]
    assert "region" not in result["locations"][0]["physicalLocation"]
    assert (result["level"], result["properties"]["page"]) == ("note", 3)


def test_the_suffix_sarif_picks_sarif(tmp_path: Path, broken: Path) -> None:
    target = tmp_path / "results.sarif"
    assert run("check", str(broken), "-o", str(target))[0] == 1
    assert_sarif(json.loads(target.read_text(encoding="utf-8")))


# -- --exit-zero, --statistics -----------------------------------------------------------------


def test_exit_zero_reports_the_errors_and_exits_0(broken: Path) -> None:
    code, out, _ = run("check", str(broken), "--exit-zero")
    assert code == 0
    assert "VG101 error" in out
    assert run("check", str(broken), "--exit-zero", "--strict")[0] == 0


def test_exit_zero_still_exits_2_for_an_input_that_cannot_be_read(tmp_path: Path) -> None:
    assert run("check", str(tmp_path / "missing.txt"), "--exit-zero")[0] == 2


def test_statistics_count_per_code_as_ruff_prints_them(broken: Path) -> None:
    code, out, _ = run("check", str(broken), "--statistics")
    assert code == 1
    assert (
        out
        == "2\tVG101\tmissing-item\n1\tVG401\tunknown-organisation\n1\tVG402\tunreadable-deadline\n"
    )


def test_statistics_as_json(broken: Path) -> None:
    _, out, _ = run("check", str(broken), "--statistics", "-f", "json")
    assert json.loads(out) == [
        {"code": "VG101", "name": "missing-item", "severity": "error", "count": 2},
        {"code": "VG401", "name": "unknown-organisation", "severity": "warning", "count": 1},
        {"code": "VG402", "name": "unreadable-deadline", "severity": "warning", "count": 1},
    ]


def test_statistics_go_with_text_and_json_only(broken: Path) -> None:
    code, out, err = run("check", str(broken), "--statistics", "-f", "github")
    assert (code, out) == (2, "")
    assert err == "voortgang: error: --statistics counts in text or json; not github\n"


# -- voortgang rule ----------------------------------------------------------------------------


def test_every_code_is_explained_beside_its_rule() -> None:
    assert list(EXPLAINED) == list(CODES) or set(EXPLAINED) == set(CODES)
    for code in CODES:
        assert EXPLAINED[code].why and EXPLAINED[code].example


def test_rule_prints_what_why_and_an_example() -> None:
    code, out, err = run("rule", "vg101")
    assert (code, err) == (0, "")
    assert out == explain("VG101")
    assert out.startswith("VG101 missing-item (error)\n\nWhat it checks: A reference to an item")
    assert "\nWhy: " in out and "\nExample: " in out


def test_rule_all_prints_every_code_in_order() -> None:
    code, out, _ = run("rule", "--all")
    assert code == 0
    assert re.findall(r"^(VG\d+) ", out, re.MULTILINE) == list(CODES)


@pytest.mark.parametrize(("args", "message"), [
    (["VG999"], "no such code: VG999; voortgang rule --all lists them"),
    ([], "name a code (voortgang rule VG101) or pass --all"),
])  # fmt: skip
def test_rule_without_a_code_is_a_usage_error(args: list[str], message: str) -> None:
    code, out, err = run("rule", *args)
    assert (code, out, err) == (2, "", f"voortgang: error: {message}\n")


def test_the_sample_in_sarif() -> None:
    log = json.loads(run("check", str(TEXT_SAMPLE), "-f", "sarif")[1])
    assert_sarif(log)
    (result,) = log["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 51,
        "startColumn": 1,
    }
