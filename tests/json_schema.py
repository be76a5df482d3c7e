"""A small JSON Schema validator for the tests: the keywords pydantic writes, no more. A
keyword it does not know is an error, never skipped, so that a schema cannot pass here for
a constraint nobody checked. (No validator is among the project's dependencies.)"""

from __future__ import annotations

from typing import Any

ANNOTATIONS = {"title", "description", "default", "$defs", "examples"}
TYPES: dict[str, Any] = {
    "object": dict,
    "array": list,
    "string": str,
    "boolean": bool,
    "null": type(None),
}


def _is_type(value: Any, name: str) -> bool:
    if name == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if name == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    return isinstance(value, TYPES[name])


def errors(value: Any, schema: dict[str, Any], root: dict[str, Any], path: str = "$") -> list[str]:
    """Where ``value`` breaks ``schema`` (with ``root`` for ``$ref``), as ``path: problem``."""
    found: list[str] = []
    for keyword, rule in schema.items():
        if keyword in ANNOTATIONS:
            continue
        if keyword == "$ref":
            assert rule.startswith("#/$defs/"), rule
            found += errors(value, root["$defs"][rule.removeprefix("#/$defs/")], root, path)
        elif keyword == "type":
            names = rule if isinstance(rule, list) else [rule]
            if not any(_is_type(value, name) for name in names):
                found.append(f"{path}: {value!r} is not of type {rule}")
        elif keyword == "anyOf":
            if all(errors(value, option, root, path) for option in rule):
                found.append(f"{path}: {value!r} matches none of anyOf")
        elif keyword == "enum":
            if value not in rule:
                found.append(f"{path}: {value!r} is not one of {rule}")
        elif keyword == "const":
            if value != rule:
                found.append(f"{path}: {value!r} is not {rule!r}")
        elif keyword in ("minimum", "maximum"):
            if isinstance(value, int | float) and (
                value < rule if keyword == "minimum" else value > rule
            ):
                found.append(f"{path}: {value!r} is out of {keyword} {rule}")
        elif keyword == "required":
            if isinstance(value, dict):
                found += [f"{path}: {name} is required" for name in rule if name not in value]
        elif keyword == "properties":
            if isinstance(value, dict):
                for name, sub in rule.items():
                    if name in value:
                        found += errors(value[name], sub, root, f"{path}.{name}")
        elif keyword == "additionalProperties":
            if isinstance(value, dict):
                known = set(schema.get("properties", {}))
                for name in set(value) - known:
                    if rule is False:
                        found.append(f"{path}: {name} is not allowed")
                    elif isinstance(rule, dict):
                        found += errors(value[name], rule, root, f"{path}.{name}")
        elif keyword == "propertyNames":
            if isinstance(value, dict):
                for name in value:
                    found += errors(name, rule, root, f"{path}[{name!r}]")
        elif keyword == "items":
            if isinstance(value, list):
                for index, item in enumerate(value):
                    found += errors(item, rule, root, f"{path}[{index}]")
        else:
            raise ValueError(f"{path}: the keyword {keyword} is not known here")
    return found
