"""Renderers of a Diff: for the terminal (rich; struck-through red and green, or the plain
marks ``[-removed-]{+added+}`` without colour), Markdown, and JSON.

Each renders the same outline: a summary line, then per track the items that differ, in the
order of their numbers, each with what changed. Title, status and sub-item text changes are
shown word by word, with CONTEXT_WORDS of unchanged text around each change.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import groupby

from rich.console import Console
from rich.text import Text

from voortgang.checks.numbers import sort_key
from voortgang.diff import WordRun, by_label, word_changes
from voortgang.model.diff import Diff, DiffField, FieldChange
from voortgang.model.records import Item, SubItem
from voortgang.terminal import visible

# Unchanged words kept on either side of a change in a text; a longer stretch between two
# changes, or before the first and after the last, is shown as "…". Six words place a
# change in its sentence; the whole texts are in the JSON.
CONTEXT_WORDS = 6
ELLIPSIS = "…"
STYLES = {"removed": "red strike", "added": "green", "same": ""}
PLAIN_MARKS = {"removed": ("[-", "-]"), "added": ("{+", "+}"), "same": ("", "")}
MARKDOWN_MARKUP = re.compile(r"([\\|*_`<\[\]~])")
ORDERED_LIST_START = re.compile(r"^(\d+)\.")  # a sub-item label "1." would start a list
SIGNS = {"added": "+", "removed": "-", "renumbered": "~", "changed": "~"}


@dataclass
class Line:
    """One line of the outline: ``depth`` 0 for an item, 1 for one of its fields or
    sub-items; a ``sign`` (+ added, - removed, ~ changed) and a ``label`` before the runs."""

    depth: int
    sign: str
    label: str
    runs: list[WordRun] = field(default_factory=list)


def summary(diff: Diff) -> str:
    """``2 added, 1 removed, 7 changed``; ``no differences``."""
    counts = (
        ("added", len(diff.added)),
        ("removed", len(diff.removed)),
        ("renumbered", len(diff.renumbered)),
        ("changed", len(diff.changed)),
    )
    return ", ".join(f"{count} {what}" for what, count in counts if count) or "no differences"


def in_context(runs: list[WordRun], context: int = CONTEXT_WORDS) -> list[WordRun]:
    """The runs with each unchanged stretch cut to ``context`` words next to a change, the
    rest shown as "…"."""
    out: list[WordRun] = []
    for index, run in enumerate(runs):
        if run.kind != "same":
            out.append(run)
            continue
        words = run.text.split(" ")
        before = index > 0  # a change before this stretch
        after = index < len(runs) - 1  # and after it
        keep_start = words[:context] if before else []
        keep_end = words[-context:] if after else []
        if len(keep_start) + len(keep_end) >= len(words):
            out.append(run)
            continue
        parts = [*keep_start, ELLIPSIS, *keep_end]
        out.append(WordRun("same", " ".join(parts)))
    return out


def _whole(kind: str, text: str) -> list[WordRun]:
    return [WordRun(kind, text)] if text else []  # type: ignore[arg-type]


def _replaced(old: str, new: str) -> list[WordRun]:
    """Old text struck out and new text added, as wholes (a deadline, a name)."""
    return [*_whole("removed", old), *_whole("added", new)]


def _set_runs(old: list[str], new: list[str]) -> list[WordRun]:
    """The members of both sets, those only the old one has struck out, the new ones added."""
    runs = [WordRun("same", name) for name in new if name in old]
    runs += [WordRun("removed", name) for name in old if name not in new]
    runs += [WordRun("added", name) for name in new if name not in old]
    return runs


def _sub_item_lines(change: FieldChange) -> Iterator[Line]:
    """A line per sub-item that differs, by label, and under it its own cells that differ."""
    olds = by_label([sub for sub in change.old or [] if isinstance(sub, SubItem)])
    news = by_label([sub for sub in change.new or [] if isinstance(sub, SubItem)])
    for key in [*news, *(key for key in olds if key not in news)]:
        old, new, label = olds.get(key), news.get(key), key[0]
        if old is None or new is None:
            kind = "added" if old is None else "removed"
            sub = new if old is None else old
            assert sub is not None
            yield Line(2, SIGNS[kind], f"{label}.", in_context(_whole(kind, sub.text)))
            continue
        yield Line(2, "~", f"{label}.", in_context(word_changes(old.text, new.text)))
        old_deadline = old.deadline.text if old.deadline else ""
        new_deadline = new.deadline.text if new.deadline else ""
        if old_deadline.split() != new_deadline.split():
            yield Line(3, "", "deadline:", _replaced(old_deadline, new_deadline))
        if set(old.lead or []) != set(new.lead or []):
            yield Line(3, "", "lead:", _set_runs(old.lead or [], new.lead or []))
        if (old.status or "").split() != (new.status or "").split():
            runs = word_changes(old.status or "", new.status or "")
            yield Line(3, "", "status:", in_context(runs))


def field_lines(name: DiffField, change: FieldChange) -> Iterator[Line]:
    """The lines that show how one field of an item changed."""
    if name == "sub_items":
        yield Line(1, "", "sub_items:")
        yield from _sub_item_lines(change)
        return
    old, new = change.old, change.new
    if name == "extra":
        olds = old if isinstance(old, dict) else {}
        news = new if isinstance(new, dict) else {}
        for heading in [*news, *(heading for heading in olds if heading not in news)]:
            runs = word_changes(olds.get(heading, ""), news.get(heading, ""))
            yield Line(1, "", f"{heading}:", in_context(runs))
        return
    if name in ("title", "status") and isinstance(old, str) and isinstance(new, str):
        yield Line(1, "", f"{name}:", in_context(word_changes(old, new)))
    elif name == "deadline":
        yield Line(1, "", "deadline:", _replaced(str(old or ""), str(new or "")))
    else:  # lead, references: sets of names
        olds = [str(value) for value in old] if isinstance(old, list) else []
        news = [str(value) for value in new] if isinstance(new, list) else []
        yield Line(1, "", f"{name}:", _set_runs(olds, news))


def _flat(text: str) -> str:
    return " ".join(text.split())


def _item_line(kind: str, item: Item) -> Line:
    """An item added or removed: its number and what it is about."""
    about = item.title or "; ".join(f"{sub.label}. {sub.text}" for sub in item.sub_items)
    return Line(0, SIGNS[kind], item.number, [WordRun("same", f"{kind}: {_flat(about)}")])


def outline(diff: Diff) -> Iterator[tuple[int, list[Line]]]:
    """Per track (in the order of ``diff.tracks``), its lines: each item that differs, in the
    order of their numbers, with what changed."""
    renumbered = {move.new: move for move in diff.renumbered}
    changed = {change.number: change for change in diff.changed}
    entries: list[tuple[int, str, list[Line]]] = []
    for item in diff.added:
        entries.append((item.track, item.number, [_item_line("added", item)]))
    for item in diff.removed:
        entries.append((item.track, item.number, [_item_line("removed", item)]))
    for number in dict.fromkeys([*renumbered, *changed]):
        move, change = renumbered.get(number), changed.get(number)
        about = move or change
        assert about is not None
        label = f"{move.old} → {number}" if move is not None else number
        title = ("renumbered: " if move else "") + _flat(about.title)
        lines = [Line(0, "~", label, [WordRun("same", title)] if title else [])]
        for name, field_change in (change.fields if change else {}).items():
            lines += field_lines(name, field_change)
        entries.append((about.track, number, lines))
    order = {track.number: index for index, track in enumerate(diff.tracks)}
    entries.sort(key=lambda e: (order.get(e[0], len(order)), e[0], sort_key(e[1])))
    for track, group in groupby(entries, key=lambda entry: entry[0]):
        yield track, [line for _, _, lines in group for line in lines]


def _track_title(diff: Diff, number: int) -> str:
    titles = {track.number: track.title for track in diff.tracks}
    return f"Spoor {number}: {titles[number]}" if titles.get(number) else f"Spoor {number}"


def header(diff: Diff) -> str:
    return f"{diff.old.path} → {diff.new.path}"


# -- the terminal ----------------------------------------------------------------------------


def _runs_text(runs: list[WordRun], marks: bool) -> Text:
    text = Text()
    for index, run in enumerate(runs):
        if index:
            text.append(" ")
        if marks:
            start, end = PLAIN_MARKS[run.kind]
            text.append(f"{start}{visible(run.text)}{end}")
        else:
            text.append(visible(run.text), style=STYLES[run.kind])
    return text


def line_text(line: Line, marks: bool) -> Text:
    """A line of the outline for the terminal: styled, or with plain marks where ``marks``."""
    indent = "  " * (line.depth + 1)
    style = {"+": "green", "-": "red"}.get(line.sign, "") if not marks else ""
    text = Text(f"{indent}{line.sign} " if line.sign else f"{indent}  ", style=style)
    text.append(visible(line.label), style="bold" if line.depth == 0 and not marks else "")
    if line.runs:
        text.append(" ")
        text.append_text(_runs_text(line.runs, marks))
    return text


def print_diff(diff: Diff, console: Console, quiet: bool = False) -> None:
    """The diff for people: the two sources and the summary line (not when ``quiet``), then
    per track its items that differ. Coloured where the console has colour; else with the
    plain marks ``[-removed-]{+added+}``. Lines are not wrapped. Control and escape
    characters of the reports' text and paths are written out (``terminal.visible``)."""
    marks = console.color_system is None or not console.is_terminal
    if not quiet:
        console.print(Text(visible(header(diff)), style="" if marks else "bold"), soft_wrap=True)
        console.print(Text(summary(diff), style="" if marks else "bold"), soft_wrap=True)
    for index, (track, lines) in enumerate(outline(diff)):
        if index or not quiet:  # a blank line between blocks
            console.print()
        title = visible(_track_title(diff, track))
        console.print(Text(title, style="" if marks else "bold"), soft_wrap=True)
        for line in lines:
            console.print(line_text(line, marks), soft_wrap=True)


# -- Markdown and JSON ----------------------------------------------------------------------


def _markdown_escape(text: str) -> str:
    return MARKDOWN_MARKUP.sub(r"\\\1", text)


def _markdown_runs(runs: list[WordRun]) -> str:
    shown = {"removed": "~~{}~~", "added": "**{}**", "same": "{}"}
    return " ".join(shown[run.kind].format(_markdown_escape(run.text)) for run in runs)


def diff_markdown(diff: Diff) -> str:
    """The diff as Markdown for a memo or a pull request: a heading with the two sources, the
    summary, then per track a list of the items that differ (an item added or removed says
    so), each with a nested list of what changed; removed words ~~struck~~, added ones
    **bold**."""
    out = [
        f"# {_markdown_escape(header(diff))}\n\n{summary(diff)}\n",
    ]
    for track, lines in outline(diff):
        out.append(f"\n## {_markdown_escape(_track_title(diff, track))}\n\n")
        for line in lines:
            indent = "  " * line.depth
            label = _markdown_escape(line.label)
            label = f"**{label}**" if line.depth == 0 else ORDERED_LIST_START.sub(r"\1\\.", label)
            runs = f" {_markdown_runs(line.runs)}" if line.runs else ""
            out.append(f"{indent}- {label}{runs}\n")
    return "".join(out)


def diff_json(diff: Diff) -> str:
    """The Diff as the contract has it."""
    return diff.model_dump_json(indent=2) + "\n"
