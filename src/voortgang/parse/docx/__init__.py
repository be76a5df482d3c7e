"""Reader for Word documents (DOCX): the body's tables and the text around them, as the grid.

``package`` reads the ZIP's parts within bounds, ``styles`` resolves the formatting a run
inherits, ``numbering`` computes the labels Word's lists draw, ``paragraphs`` reads a
paragraph's runs, ``reader`` walks the document's parts, tables and paragraphs.
"""

from voortgang.parse.docx.package import MAX_PACKAGE_BYTES, MAX_PART_BYTES
from voortgang.parse.docx.reader import read_docx

__all__ = ["MAX_PACKAGE_BYTES", "MAX_PART_BYTES", "read_docx"]
