"""Diagnostics as SARIF 2.1.0 (OASIS), the format GitHub code scanning, GitLab and most CI
dashboards read: one run, whose tool driver lists every rule (``voortgang.model.diagnostics``'s
registry, with why each matters), and a result per diagnostic with its rule, level, message
and physical location: the file checked and, where it has lines, the line and column."""

from __future__ import annotations

import json
from urllib.parse import quote

from voortgang import __version__
from voortgang.model.diagnostics import CODES, Diagnostic

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
# SARIF's levels are error, warning, note and none; info is a note.
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _rules() -> list[dict[str, object]]:
    from voortgang.checks import EXPLAINED, explain

    return [
        {
            "id": code.code,
            "name": code.name,
            "shortDescription": {"text": code.description},
            "fullDescription": {"text": f"{code.description} {EXPLAINED[code.code].why}"},
            "help": {"text": explain(code.code)},
            "defaultConfiguration": {"level": LEVELS[code.severity]},
        }
        for code in CODES.values()
    ]


def artifact_uri(path: str) -> str:
    """A path as a URI reference: slashes for separators, other characters escaped."""
    return quote(path.replace("\\", "/"), safe="/:")


def _location(diagnostic: Diagnostic) -> dict[str, object]:
    physical: dict[str, object] = {"artifactLocation": {"uri": artifact_uri(diagnostic.path)}}
    if diagnostic.located and diagnostic.line is not None:
        region: dict[str, int] = {"startLine": diagnostic.line}
        if diagnostic.column is not None:
            region["startColumn"] = diagnostic.column
        physical["region"] = region
    location: dict[str, object] = {"physicalLocation": physical}
    if diagnostic.item is not None:
        location["logicalLocations"] = [{"name": diagnostic.item, "kind": "item"}]
    return location


def _result(diagnostic: Diagnostic, index: dict[str, int]) -> dict[str, object]:
    result: dict[str, object] = {
        "ruleId": diagnostic.code,
        "ruleIndex": index[diagnostic.code],
        "level": LEVELS[diagnostic.severity],
        "message": {"text": diagnostic.message},
        "locations": [_location(diagnostic)],
    }
    properties: dict[str, object] = {"source": diagnostic.source}
    if diagnostic.page is not None:
        properties["page"] = diagnostic.page
    if diagnostic.suggestions:
        properties["suggestions"] = diagnostic.suggestions
    result["properties"] = properties
    return result


def diagnostics_sarif(diagnostics: list[Diagnostic]) -> str:
    """A SARIF 2.1.0 log of one run holding ``diagnostics``."""
    index = {code: number for number, code in enumerate(CODES)}
    log = {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "voortgang",
                        "version": __version__,
                        "rules": _rules(),
                    }
                },
                "results": [_result(diagnostic, index) for diagnostic in diagnostics],
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
