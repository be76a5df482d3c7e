"""The one exception users see: input that cannot be read as a report (and its kind for a
reading stopped at one of its limits)."""

from __future__ import annotations


class InputError(Exception):
    """The input is not a readable report. ``str()`` is one line meant for the user: the
    problem, after the path of the file where it is known (``report.pdf: the file is empty``).
    """

    def __init__(self, problem: str, path: str | None = None) -> None:
        # Both go to Exception's args, from which pickle rebuilds an exception: so the error
        # crosses from a worker process (the command line's batches, Dask) whole.
        super().__init__(problem, path)
        self.problem = problem
        self.path = path

    def __str__(self) -> str:
        return self.problem if self.path is None else f"{self.path}: {self.problem}"


class LimitError(InputError):
    """A reading past one of its limits (a PDF's inflated streams, operators, forms'
    nesting, a reference cycle): one line naming the limit and the option that sets it.
    Here, not beside the limits (``parse/pdf/limits.py``), so that raising and catching it
    loads no pdfminer."""
