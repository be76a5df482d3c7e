"""Properties of ``voortgang.diff`` over random reports: an edition against itself differs in
nothing, and the old against the new is the new against the old, mirrored."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import voortgang
from voortgang.model.diff import FieldChange
from voortgang.model.records import Item, Report, Source

from strategies import GeneratedReport, reports


def as_report(generated: GeneratedReport, path: str) -> Report:
    return Report(
        title=generated.title,
        plan=generated.plan,
        date=generated.date,
        source=Source(path=path, format="text", sha256="0" * 64, pages=len(generated.pages)),
        tracks=generated.tracks,
        items=generated.items,
    )


@st.composite
def edited(draw: st.DrawFn, items: list[Item], others: list[Item]) -> list[Item]:
    """The items, each kept, dropped, renumbered or given another's text or cells; and some
    of ``others`` added."""
    result = []
    for index, item in enumerate(items):
        action = draw(st.sampled_from(["keep", "keep", "drop", "renumber", "edit"]))
        if action == "drop":
            continue
        if action == "renumber":
            item = item.model_copy(update={"number": f"{item.track}.{100 + index}"})
        if action == "edit":
            donor = draw(st.sampled_from(items + others))
            fields = draw(st.sets(st.sampled_from(["title", "deadline", "lead", "status"])))
            item = item.model_copy(update={name: getattr(donor, name) for name in fields})
        result.append(item)
    added = draw(st.lists(st.sampled_from(others), max_size=3, unique_by=lambda i: i.number))
    return result + added


def swapped(change: FieldChange) -> FieldChange:
    return FieldChange(old=change.new, new=change.old)


@settings(max_examples=50, deadline=None)
@given(st.data())
def test_an_edition_against_itself_differs_in_nothing(data: st.DataObject) -> None:
    report = as_report(data.draw(reports()), "a.txt")
    assert voortgang.diff(report, report).empty


@settings(max_examples=50, deadline=None)
@given(st.data())
def test_the_new_against_the_old_is_the_old_against_the_new_mirrored(data: st.DataObject) -> None:
    first = data.draw(reports())
    others = data.draw(reports())
    second_items = data.draw(edited(first.items, others.items))
    a = as_report(first, "a.txt")
    b = a.model_copy(
        update={"items": second_items, "source": a.source.model_copy(update={"path": "b.txt"})}
    )
    forward, backward = voortgang.diff(a, b), voortgang.diff(b, a)
    assert forward.added == backward.removed
    assert forward.removed == backward.added
    assert {(m.old, m.new) for m in forward.renumbered} == {
        (m.new, m.old) for m in backward.renumbered
    }
    old_number = {m.new: m.old for m in forward.renumbered}
    backward_changes = {c.number: c.fields for c in backward.changed}
    assert len(forward.changed) == len(backward.changed)
    for change in forward.changed:
        mirrored = backward_changes[old_number.get(change.number, change.number)]
        assert {name: swapped(value) for name, value in change.fields.items()} == mirrored
