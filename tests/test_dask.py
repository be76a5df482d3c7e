"""The library in a Dask bag (an optional extra: skipped without Dask): reports and errors go
to Dask's worker processes and back by pickle, and the example of docs/library.md does what it
shows."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import voortgang
from voortgang.errors import InputError

from conftest import ROOT, TEXT_SAMPLE

dask = pytest.importorskip("dask")
db = pytest.importorskip("dask.bag")

LIBRARY = (ROOT / "docs" / "library.md").read_text(encoding="utf-8")


def test_the_library_page_example_prints_what_it_shows(tmp_path: Path) -> None:
    code = re.search(r"```python\n(# parse_all\.py\n.*?)```", LIBRARY, re.DOTALL)
    shown = re.search(r"^\$ python parse_all\.py ([^\n]+)\n(.*?)^```", LIBRARY, re.DOTALL | re.M)
    assert code is not None and shown is not None
    script = tmp_path / "parse_all.py"
    script.write_text(code.group(1), encoding="utf-8")
    command = [sys.executable, str(script), *shown.group(1).split()]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == shown.group(2)


def test_an_input_error_in_a_worker_reaches_compute_whole(tmp_path: Path) -> None:
    missing = tmp_path / "missing.pdf"
    bag = db.from_sequence([str(TEXT_SAMPLE), str(missing)]).map(voortgang.parse)
    with dask.config.set(scheduler="processes"), pytest.raises(InputError) as raised:
        bag.compute()
    assert (raised.value.path, raised.value.problem) == (str(missing), "no such file")
