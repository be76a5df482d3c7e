"""The library API: what voortgang.parse raises, and that what crosses between processes
(reports, diagnostics, errors) pickles."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

import voortgang
from voortgang.errors import InputError

from conftest import TEXT_SAMPLE


def test_records_and_errors_pickle() -> None:
    report = voortgang.parse(TEXT_SAMPLE)
    assert pickle.loads(pickle.dumps(report)) == report
    diagnostics = voortgang.check(report)
    assert pickle.loads(pickle.dumps(diagnostics)) == diagnostics
    for error in (InputError("the file is empty"), InputError("the file is empty", "x.pdf")):
        copy = pickle.loads(pickle.dumps(error))
        assert (type(copy), str(copy), copy.path, copy.problem) == (
            InputError,
            str(error),
            error.path,
            error.problem,
        )


def test_the_library_names_the_file_in_its_error(tmp_path: Path) -> None:
    with pytest.raises(InputError) as raised:
        voortgang.parse(tmp_path / "missing.pdf")
    assert str(raised.value) == f"{tmp_path / 'missing.pdf'}: no such file"
    assert (raised.value.path, raised.value.problem) == (
        str(tmp_path / "missing.pdf"),
        "no such file",
    )


def test_check_takes_one_selector_or_a_list_and_refuses_an_unknown_one() -> None:
    report = voortgang.parse(TEXT_SAMPLE)
    gap = [("VG204", "2.2")]
    assert [(d.code, d.item) for d in voortgang.check(report, select="VG2")] == gap
    assert [(d.code, d.item) for d in voortgang.check(report, select=["VG204"])] == gap
    assert voortgang.check(report, ignore="VG2") == []
    with pytest.raises(ValueError, match="no such code: VG9"):
        voortgang.check(report, select=["VG9"])
