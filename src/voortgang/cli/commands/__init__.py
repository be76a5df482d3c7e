"""A module per command, each registering itself on ``voortgang.cli.app.main``."""

from voortgang.cli.commands import (  # noqa: F401
    check,
    config,
    convert,
    debug,
    diff,
    parse,
    rule,
    schema,
    validate,
)
