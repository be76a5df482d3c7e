"""``voortgang.diff``: each rule of matching and comparing two editions, one test a rule."""

from __future__ import annotations

import pytest

import voortgang
from voortgang.diff import (
    RENUMBER_SIMILARITY,
    RENUMBER_WINDOW,
    SAME_TITLE_PAIRS_LIMIT,
    WORD_DIFF_LIMIT,
    WordRun,
    match_renumbered,
    word_changes,
)
from voortgang.model.diff import DIFF_FIELDS, Diff, FieldChange
from voortgang.model.records import Deadline, Item, Reference, Report, Source, SubItem, Track

from small_reports import page, read, row


def item(number: str, title: str = "Titel van het punt", **fields: object) -> Item:
    values: dict[str, object] = {
        "number": number,
        "track": int(number.split(".")[0]),
        "title": title,
        "italic": False,
        "deadline": None,
        "lead": ["BZK"],
        "lead_text": "BZK",
        "status": "",
        "sub_items": [],
        "references": [],
        "pages": [1],
    }
    return Item.model_validate(values | fields)


def report(*items: Item, path: str = "a.txt") -> Report:
    tracks = sorted({i.track for i in items})
    return Report(
        title=None,
        plan=None,
        date=None,
        source=Source(path=path, format="text", sha256="0" * 64, pages=1),
        tracks=[Track(number=t, title=f"Spoor {t}") for t in tracks],
        items=list(items),
    )


def deadline(text: str, year: int | None = None) -> Deadline:
    return Deadline(text=text, kind="unknown", year=year, month=None)


def test_the_same_items_are_no_difference() -> None:
    edition = report(item("1.1"), item("1.2", "Ander punt"))
    found = voortgang.diff(edition, edition)
    assert isinstance(found, Diff) and found.empty


def test_items_are_matched_by_number_whatever_their_order() -> None:
    old = report(item("1.1", "Een"), item("1.2", "Twee"))
    new = report(item("1.2", "Twee"), item("1.1", "Een"))
    assert voortgang.diff(old, new).empty


def test_an_item_only_the_new_edition_has_is_added_and_one_only_the_old_has_removed() -> None:
    old = report(item("1.1", "Gemeenteprijs"), item("1.2", "Sociaal calamiteitenplan"))
    new = report(item("1.1", "Gemeenteprijs"), item("1.3", "Monitor spanningen"))
    found = voortgang.diff(old, new)
    assert [i.number for i in found.added] == ["1.3"]
    assert [i.number for i in found.removed] == ["1.2"]
    assert found.renumbered == [] and found.changed == []


def test_a_new_number_with_the_same_title_is_renumbered_not_removed_and_added() -> None:
    old = report(item("2.3.0", "Actieplan democratische rechtstaat"))
    new = report(item("2.3", "Actieplan  democratische\nrechtstaat"))
    found = voortgang.diff(old, new)
    assert [(m.old, m.new, m.track) for m in found.renumbered] == [("2.3.0", "2.3", 2)]
    assert found.added == [] and found.removed == [] and found.changed == []


def test_a_renumbered_item_whose_title_was_touched_up_is_renumbered_and_changed() -> None:
    old = report(item("2.2", "Dialogoog en burgerschap in de wijk"))
    new = report(item("2.4", "Dialoog en burgerschap in de wijk"))
    found = voortgang.diff(old, new)
    assert [(m.old, m.new) for m in found.renumbered] == [("2.2", "2.4")]
    assert [(c.number, list(c.fields)) for c in found.changed] == [("2.4", ["title"])]


def test_titles_less_alike_than_the_threshold_are_removed_and_added() -> None:
    # The two most alike titles of different items in the 2009 sample.
    old = report(item("2.0", "Ontwikkelen van onderzoeksbank"))
    new = report(item("2.1", "Uitvoeren van onderzoeken:"))
    found = voortgang.diff(old, new)
    assert found.renumbered == []
    assert [i.number for i in found.added] == ["2.1"]
    assert [i.number for i in found.removed] == ["2.0"]


def test_the_threshold_lies_between_the_samples_most_alike_titles_and_a_typo() -> None:
    from difflib import SequenceMatcher

    def ratio(a: str, b: str) -> float:
        return SequenceMatcher(None, a.casefold(), b.casefold()).ratio()

    distinct = ratio("Ontwikkelen van onderzoeksbank", "Uitvoeren van onderzoeken:")
    typo = ratio("Dialogoog en Burgerschap", "Dialoog en Burgerschap")
    assert distinct < RENUMBER_SIMILARITY <= typo


def test_untitled_items_are_renumbered_by_their_sub_items_and_empty_ones_never() -> None:
    subs = [SubItem(label="a", text="netwerk deskundige sleutelfiguren", italic=True)]
    old = report(item("3.1", "", sub_items=subs), item("3.4", ""))
    new = report(item("3.2", "", sub_items=subs), item("3.5", ""))
    found = voortgang.diff(old, new)
    assert [(m.old, m.new) for m in found.renumbered] == [("3.1", "3.2")]
    assert [i.number for i in found.added] == ["3.5"]  # "" is like "": no evidence at all
    assert [i.number for i in found.removed] == ["3.4"]


def test_of_two_alike_titles_the_more_alike_is_renumbered_and_the_lead_breaks_a_tie() -> None:
    old = report(item("1.1", "Training van professionals", lead=["BZK"]))
    new = report(
        item("1.5", "Training van professionals", lead=["OCW"]),
        item("1.6", "Training van professionals", lead=["BZK"]),
    )
    found = voortgang.diff(old, new)
    assert [(m.old, m.new) for m in found.renumbered] == [("1.1", "1.6")]
    assert [i.number for i in found.added] == ["1.5"]


def test_an_alike_title_is_compared_only_within_the_window_and_the_same_one_anywhere() -> None:
    """Left-over items further apart than RENUMBER_WINDOW places are not compared for a title
    only alike: the work stays linear in the length of the report. An unchanged title pairs
    wherever it stands."""
    far = RENUMBER_WINDOW + 1
    old = [item("1.0", "Oud onderwerp nummer 0000")]
    old += [item(f"1.{n}", f"Iets heel anders {n:04d}") for n in range(1, far + 1)]
    new = [item(f"2.{n}", f"Nieuw ding {n:04d} xyz") for n in range(far)]
    everywhere = (list(range(len(old))), list(range(len(new) + 1)))
    alike = [*new, item("2.999", "Oud onderwerp numer 0000")]
    assert match_renumbered(old, alike, *everywhere) == []
    assert match_renumbered(old, [alike[-1], *new], *everywhere) == [(0, 0)]
    same = [*new, item("2.999", "Oud  onderwerp\nnummer 0000")]
    assert match_renumbered(old, same, *everywhere) == [(0, far)]


def test_a_title_shared_by_very_many_items_pairs_them_first_with_first() -> None:
    count = 101  # 101 * 101 pairs: above SAME_TITLE_PAIRS_LIMIT
    assert count * count > SAME_TITLE_PAIRS_LIMIT
    old = [item(f"1.{n}", "Idem") for n in range(count)]
    new = [item(f"2.{n}", "Idem") for n in range(count)]
    indexes = list(range(count))
    assert match_renumbered(old, new, indexes, indexes) == [(n, n) for n in indexes]


def test_renumbering_is_the_same_whatever_order_the_candidates_score_in() -> None:
    old = report(item("1.1", "Onderzoek naar jongeren"), item("1.2", "Onderzoek naar ouders"))
    new = report(item("1.7", "Onderzoek naar ouders"), item("1.8", "Onderzoek naar jongeren"))
    found = voortgang.diff(old, new)
    assert sorted((m.old, m.new) for m in found.renumbered) == [("1.1", "1.8"), ("1.2", "1.7")]


def test_a_number_twice_in_an_edition_is_matched_first_with_first() -> None:
    old = report(item("1.1", "Een"), item("1.1", "Twee"))
    new = report(item("1.1", "Een"), item("1.1", "Twee"), item("1.1", "Drie"))
    found = voortgang.diff(old, new)
    assert [i.title for i in found.added] == ["Drie"]
    assert found.changed == []


def test_white_space_and_line_breaks_are_no_change() -> None:
    old = report(item("1.1", "Een titel", status="Eerste zin.\nTweede zin."))
    new = report(item("1.1", "Een   titel ", status="Eerste zin. Tweede\nzin."))
    assert voortgang.diff(old, new).empty


def test_a_word_changed_in_the_status_is_a_change_with_both_texts() -> None:
    old = report(item("1.1", status="Er zijn 745 vragen\nbeantwoord."))
    new = report(item("1.1", status="Er zijn 812 vragen beantwoord."))
    (change,) = voortgang.diff(old, new).changed
    assert change.fields == {
        "status": FieldChange(
            old="Er zijn 745 vragen\nbeantwoord.", new="Er zijn 812 vragen beantwoord."
        )
    }


def test_a_deadline_is_compared_as_printed_not_as_the_year_it_was_read_as() -> None:
    old = report(item("1.1", deadline=deadline("zomer", 2009)))
    new = report(item("1.1", deadline=deadline("zomer", 2010)))
    assert voortgang.diff(old, new).empty
    moved = report(item("1.1", deadline=deadline("Begin 2011", 2011)))
    (change,) = voortgang.diff(old, moved).changed
    assert change.fields == {"deadline": FieldChange(old="zomer", new="Begin 2011")}


def test_a_deadline_set_or_cleared_is_a_change_from_or_to_null() -> None:
    old = report(item("1.1"))
    new = report(item("1.1", deadline=deadline("eind 2010")))
    (change,) = voortgang.diff(old, new).changed
    assert change.fields["deadline"] == FieldChange(old=None, new="eind 2010")


def test_the_lead_is_compared_as_a_set() -> None:
    old = report(item("1.1", lead=["BZK", "VNG"]))
    assert voortgang.diff(old, report(item("1.1", lead=["VNG", "BZK"]))).empty
    (change,) = voortgang.diff(old, report(item("1.1", lead=["BZK"]))).changed
    assert change.fields == {"lead": FieldChange(old=["BZK", "VNG"], new=["BZK"])}


def test_references_are_compared_as_sets_of_targets() -> None:
    def ref(target: str, text: str) -> Reference:
        return Reference(target=target, text=text, field="status", resolved=True)

    old = report(item("1.1", references=[ref("2.1", "zie 2.1"), ref("2.2", "(2.2)")]))
    same = report(item("1.1", references=[ref("2.2", "zie punt 2.2"), ref("2.1", "(2.1)")]))
    assert voortgang.diff(old, same).empty
    new = report(item("1.1", references=[ref("2.1", "zie 2.1"), ref("2.3", "(2.3)")]))
    (change,) = voortgang.diff(old, new).changed
    assert change.fields == {"references": FieldChange(old=["2.1", "2.2"], new=["2.1", "2.3"])}


def test_sub_items_are_compared_by_label_and_only_those_that_differ_are_given() -> None:
    def sub(label: str, text: str) -> SubItem:
        return SubItem(label=label, text=text, italic=True)

    old = report(item("1.1", sub_items=[sub("a", "een"), sub("b", "twee"), sub("c", "drie")]))
    new = report(
        item("1.1", sub_items=[sub("a", "een"), sub("b", "twee\nen meer"), sub("d", "vier")])
    )
    (change,) = voortgang.diff(old, new).changed
    assert change.fields == {
        "sub_items": FieldChange(
            old=[sub("b", "twee"), sub("c", "drie")],
            new=[sub("b", "twee\nen meer"), sub("d", "vier")],
        )
    }


def test_a_sub_items_own_cells_are_part_of_it_and_its_italics_are_not() -> None:
    plain = SubItem(label="a", text="een", italic=False, lead=["BZK"], status="loopt")
    slanted = plain.model_copy(update={"italic": True, "status": "loopt\n"})
    assert voortgang.diff(
        report(item("1.1", sub_items=[plain])), report(item("1.1", sub_items=[slanted]))
    ).empty
    taken_over = plain.model_copy(update={"lead": ["OCW"]})
    (change,) = voortgang.diff(
        report(item("1.1", sub_items=[plain])), report(item("1.1", sub_items=[taken_over]))
    ).changed
    assert list(change.fields) == ["sub_items"]


def test_fields_limit_what_counts_as_a_change_but_not_added_or_removed() -> None:
    old = report(item("1.1", status="oud", lead=["BZK"]), item("1.2", "Weg"))
    new = report(item("1.1", status="nieuw", lead=["OCW"]), item("1.3", "Nieuw punt"))
    found = voortgang.diff(old, new, fields=["lead"])
    assert [(c.number, list(c.fields)) for c in found.changed] == [("1.1", ["lead"])]
    assert found.fields == ["lead"]
    assert [i.number for i in found.added] == ["1.3"] and [i.number for i in found.removed] == [
        "1.2"
    ]
    assert voortgang.diff(
        old, report(item("1.1", status="nieuw"), item("1.2", "Weg")), fields=["deadline"]
    ).empty


def test_an_unknown_field_is_refused() -> None:
    with pytest.raises(ValueError, match="no such field: colour"):
        voortgang.diff(report(item("1.1")), report(item("1.1")), fields=["colour"])


def test_changed_fields_come_in_the_order_of_the_contract() -> None:
    old = report(item("1.1", "Oud", status="a", deadline=deadline("mei")))
    new = report(item("1.1", "Nieuw", status="b", deadline=deadline("juni")))
    (change,) = voortgang.diff(old, new).changed
    assert list(change.fields) == [f for f in DIFF_FIELDS if f in ("title", "deadline", "status")]


def test_word_changes_keep_the_words_both_have() -> None:
    assert word_changes("in 2009 zijn 745\nvragen", "in 2010 zijn 812 vragen") == [
        WordRun("same", "in"),
        WordRun("removed", "2009"),
        WordRun("added", "2010"),
        WordRun("same", "zijn"),
        WordRun("removed", "745"),
        WordRun("added", "812"),
        WordRun("same", "vragen"),
    ]
    assert word_changes("een twee", "een\ntwee") == [WordRun("same", "een twee")]


def test_text_renditions_of_two_editions_diff_as_their_cells_say() -> None:
    old = read(page(row("1.1", "Prijs", "november", "BZK", "Uitgereikt"), row("1.2", "Weg")))
    new = read(
        page(
            row("1.1", "Prijs", "Begin 2011", "BZK/VNG", "Uitgereikt aan Rotterdam"),
            row("1.3", "Nieuw"),
        )
    )
    found = voortgang.diff(old, new)
    (change,) = found.changed
    assert change.fields == {
        "deadline": FieldChange(old="november", new="Begin 2011"),
        "lead": FieldChange(old=["BZK"], new=["BZK", "VNG"]),
        "status": FieldChange(old="Uitgereikt", new="Uitgereikt aan Rotterdam"),
    }
    assert [i.number for i in found.added] == ["1.3"]
    assert [i.number for i in found.removed] == ["1.2"]


def test_a_long_changed_stretch_is_removed_and_added_whole_between_the_words_kept() -> None:
    middle_old = " ".join(f"oud{n}" for n in range(WORD_DIFF_LIMIT + 1))
    middle_new = " ".join(f"nieuw{n}" for n in range(3))
    runs = word_changes(f"begin hier {middle_old} en eind", f"begin hier {middle_new} en eind")
    assert runs == [
        WordRun("same", "begin hier"),
        WordRun("removed", middle_old),
        WordRun("added", middle_new),
        WordRun("same", "en eind"),
    ]
    # within the limit, the same stretch is compared word by word
    short = word_changes("begin een twee drie eind", "begin een vier drie eind")
    assert short == [
        WordRun("same", "begin een"),
        WordRun("removed", "twee"),
        WordRun("added", "vier"),
        WordRun("same", "drie eind"),
    ]


def test_a_label_twice_in_an_item_is_compared_occurrence_by_occurrence() -> None:
    def sub(label: str, text: str) -> SubItem:
        return SubItem(label=label, text=text, italic=False)

    old = report(item("1.1", sub_items=[sub("a", "een"), sub("a", "twee")]))
    new = report(item("1.1", sub_items=[sub("a", "een nu"), sub("a", "twee")]))
    (change,) = voortgang.diff(old, new).changed
    assert change.fields == {
        "sub_items": FieldChange(old=[sub("a", "een")], new=[sub("a", "een nu")])
    }


def test_a_column_of_no_field_that_changed_is_a_change_of_extra() -> None:
    """A column of the family's table that no field names (``Item.extra``) is compared by its
    heading, as text: a changed amount is a change; white space is none."""
    from voortgang.parse import parse_bytes

    def edition(costs: str) -> Report:
        text = "# T\n\nSPOOR 1: A\n#\tActie\tVoortgang\tWie\tKosten\n"
        text += f"1.1\tBuurtaanpak\tLoopt.\tBZK\t{costs}\n1.2\tTraining\tKlaar.\tOCW\t\n"
        return parse_bytes(text.encode(), "a.txt")

    old, new = edition("2 mln."), edition("5 mln.")
    found = voortgang.diff(old, new)
    assert [(c.number, list(c.fields)) for c in found.changed] == [("1.1", ["extra"])]
    assert found.changed[0].fields["extra"].old == {"Kosten": "2 mln."}
    assert found.changed[0].fields["extra"].new == {"Kosten": "5 mln."}
    assert voortgang.diff(old, new, fields=["status"]).changed == []
    assert voortgang.diff(old, edition("2  mln.")).changed == []
