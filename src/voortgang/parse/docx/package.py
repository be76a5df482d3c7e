"""The parts of a Word document's ZIP package, read within bounds.

A DOCX is a ZIP archive of XML parts. Only the parts the reader needs are inflated: the main
document, its relationships, styles, numbering and the page headers and footers. Each is
refused, without being read whole, where it declares or turns out to inflate to more than
``MAX_PART_BYTES``, and the package where those parts together inflate to more than
``MAX_PACKAGE_BYTES``: a ZIP bomb (a few kilobytes inflating to gigabytes) gets one line, not
the machine's memory. The XML is parsed without entity expansion, DTDs or network access.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib

from lxml import etree

from voortgang.errors import InputError

# The largest part inflated: the 16-page sample's document.xml is about 90 KB, so this is
# room for a report of thousands of pages, and far less than the gigabytes of a ZIP bomb.
MAX_PART_BYTES = 64 * 2**20
# The most all parts read may inflate to together.
MAX_PACKAGE_BYTES = 128 * 2**20
MAIN_PART = "word/document.xml"
# What a damaged archive raises from zipfile and zlib while it is read.
ZIP_FAULTS = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, OSError)
XML_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    huge_tree=False,
    remove_comments=True,
    remove_pis=True,
)
RELATIONSHIPS_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def damaged(reason: str) -> InputError:
    return InputError(f"a damaged Word document ({reason})")


class Package:
    """An open DOCX package: its parts by name, inflated and parsed on demand."""

    def __init__(self, data: bytes) -> None:
        try:
            self.archive = zipfile.ZipFile(io.BytesIO(data))
        except ZIP_FAULTS as error:
            raise damaged(f"not a readable ZIP archive: {error}") from None
        self.inflated = 0

    def has(self, name: str) -> bool:
        try:
            self.archive.getinfo(name)
        except KeyError:
            return False
        return True

    def read(self, name: str) -> bytes:
        """The inflated bytes of part ``name``; InputError where it is too large or damaged."""
        try:
            info = self.archive.getinfo(name)
        except KeyError:
            raise damaged(f"{name} is missing") from None
        too_large = InputError(
            f"the Word document's {name} inflates to more than {MAX_PART_BYTES // 2**20} MB"
            " (a ZIP bomb?); not read"
        )
        if info.file_size > MAX_PART_BYTES:
            raise too_large
        try:
            with self.archive.open(info) as stream:
                data = stream.read(MAX_PART_BYTES + 1)
        except ZIP_FAULTS as error:
            raise damaged(f"{name}: {error}") from None
        if len(data) > MAX_PART_BYTES:
            raise too_large
        self.inflated += len(data)
        if self.inflated > MAX_PACKAGE_BYTES:
            raise InputError(
                f"the Word document's parts inflate to more than {MAX_PACKAGE_BYTES // 2**20} MB"
                " (a ZIP bomb?); not read"
            )
        return data

    def xml(self, name: str) -> etree._Element:
        """Part ``name`` parsed; InputError where it is not well-formed XML."""
        try:
            return etree.fromstring(self.read(name), XML_PARSER)
        except etree.XMLSyntaxError as error:
            raise damaged(f"{name} is not well-formed XML: {error}") from None

    def relationships(self, name: str) -> dict[str, tuple[str, str]]:
        """The relationships of part ``name``: their ids to (type, target part name)."""
        folder, base = posixpath.split(name)
        rels = posixpath.join(folder, "_rels", f"{base}.rels")
        if not self.has(rels):
            return {}
        found = {}
        for element in self.xml(rels).iter(f"{RELATIONSHIPS_NS}Relationship"):
            if element.get("TargetMode") == "External":
                continue
            target = posixpath.normpath(posixpath.join(folder, element.get("Target", "")))
            found[element.get("Id", "")] = (element.get("Type", ""), target.lstrip("/"))
        return found
