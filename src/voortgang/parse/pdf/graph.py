"""Reference cycles in a PDF's object graph, refused where pdfminer resolves objects rather
than followed until the time limit.

A PDF's objects refer to one another by number (``6 0 R``). pdfminer resolves a reference
that leads to another reference in ``resolve1``'s loop and a container's references in
``resolve_all``'s recursion; neither notices coming back to where it began, so an object that
refers to itself, or two that refer to each other (a stream's ``/Length``, a page's
``/Resources``), keep it resolving for ever. While ``cycles_refused`` is in force, both
remember the objects on the way and raise ``LimitError`` naming the object met again.

A page tree that loops (a ``/Kids`` entry that leads back to a node above it) or whose
``/Parent`` entries go round is refused the same way by ``check_page_tree``, before a page is
read: pdfminer steps over such a node silently, which would read the document's pages with
some left out or read twice.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import pdfminer.pdftypes
from pdfminer.pdftypes import PDFObjRef

from voortgang.errors import LimitError

_refusing: ContextVar[bool] = ContextVar("voortgang_pdf_cycles", default=False)

_resolve1 = pdfminer.pdftypes.resolve1
_resolve_all = pdfminer.pdftypes.resolve_all


def _cycle(objid: object) -> LimitError:
    return LimitError(f"the PDF's object {objid} refers back to itself (a reference cycle)")


def resolve1(x: object, default: object = None) -> Any:
    """pdfminer's ``resolve1``; while cycles are refused, LimitError where the chain of
    references comes back to an object it passed."""
    if not _refusing.get():
        return _resolve1(x, default)
    passed: set[object] = set()
    while isinstance(x, PDFObjRef):
        if x.objid in passed:
            raise _cycle(x.objid)
        passed.add(x.objid)
        x = x.resolve(default=default)
    return x


def resolve_all(x: object, default: object = None) -> Any:
    """pdfminer's ``resolve_all``; while cycles are refused, LimitError where a reference
    inside leads back to an object that contains it. Walked with a stack, not recursion, so
    that deep nesting is no RecursionError either."""
    if not _refusing.get():
        return _resolve_all(x, default)
    root: list[Any] = [x]
    # Each entry: a container, its key or index to resolve, and the objects above it.
    stack: list[tuple[Any, Any, frozenset[object]]] = [(root, 0, frozenset())]
    while stack:
        container, key, above = stack.pop()
        value = container[key]
        path = above  # copied only where a reference adds to it
        while isinstance(value, PDFObjRef):
            if value.objid in path:
                raise _cycle(value.objid)
            path = path | {value.objid}
            value = value.resolve(default=default)
        if isinstance(value, list):
            value = list(value)
        container[key] = value
        keys: Any = range(len(value)) if isinstance(value, list) else value
        if isinstance(value, (list, dict)):
            stack.extend((value, inner_key, path) for inner_key in keys)
    return root[0]


def _install() -> None:
    """Put the refusing functions in place of pdfminer's, in every module of pdfminer and
    pdfplumber that took them by name; they do as pdfminer's do outside ``cycles_refused``."""
    for name, module in list(sys.modules.items()):
        if module is None or not name.startswith(("pdfminer", "pdfplumber")):
            continue
        if getattr(module, "resolve1", None) is _resolve1:
            module.resolve1 = resolve1  # type: ignore[attr-defined]
        if getattr(module, "resolve_all", None) is _resolve_all:
            module.resolve_all = resolve_all  # type: ignore[attr-defined]


@contextmanager
def cycles_refused() -> Iterator[None]:
    """While in force, pdfminer raises LimitError on a reference cycle instead of following
    it. Import pdfplumber before: its modules' names are replaced once they are loaded."""
    _install()
    token = _refusing.set(True)
    try:
        yield
    finally:
        _refusing.reset(token)


def check_page_tree(catalog: dict[str, Any]) -> None:
    """LimitError where the page tree under ``catalog`` loops: a node among its own
    descendants through ``/Kids``, or a ``/Parent`` chain that comes back to a node it
    passed. Each node is visited once on each walk: linear in the tree's size."""
    root = catalog.get("Pages")
    if not isinstance(root, PDFObjRef):
        return
    # Depth first through /Kids, a node marked when entered and unmarked when left: a kid
    # that is marked is an ancestor of itself.
    on_path: set[object] = set()
    done: set[object] = set()
    parents_known: set[object] = set()  # nodes whose /Parent chain was walked
    stack: list[tuple[PDFObjRef, bool]] = [(root, True)]
    while stack:
        reference, entering = stack.pop()
        if not entering:
            on_path.discard(reference.objid)
            done.add(reference.objid)
            continue
        if reference.objid in on_path:
            raise LimitError(
                f"the PDF's page tree loops: object {reference.objid} is among its own kids "
                "(a reference cycle)"
            )
        if reference.objid in done:
            continue
        node = resolve1(reference)
        if not isinstance(node, dict):
            continue
        _check_parents(reference.objid, node, parents_known)
        on_path.add(reference.objid)
        stack.append((reference, False))
        kids = resolve1(node.get("Kids"))
        if isinstance(kids, list):
            stack.extend((kid, True) for kid in reversed(kids) if isinstance(kid, PDFObjRef))


def _check_parents(objid: object, node: dict[str, Any], known: set[object]) -> None:
    """LimitError where the ``/Parent`` chain from ``node`` comes back to a node it passed;
    it stops at a node whose chain was walked already (``known``), and adds those it passed."""
    passed: set[object] = set()
    while objid not in known:
        if objid in passed:
            raise LimitError(
                f"the PDF's page tree loops: the /Parent entries lead back to object {objid} "
                "(a reference cycle)"
            )
        passed.add(objid)
        parent = node.get("Parent")
        if not isinstance(parent, PDFObjRef):
            break
        objid, node = parent.objid, resolve1(parent)
        if not isinstance(node, dict):
            break
    known.update(passed)
