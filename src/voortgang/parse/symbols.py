"""What symbol fonts draw: the characters Word writes in its Symbol and Wingdings fonts, as
the characters they show, for every reader.

Word writes a list bullet as a code of the font (``·`` or U+F0B7 in Symbol, ``§`` or U+F0A7 in
Wingdings): the character means nothing without the font. HTML and DOCX name the font with the
text, so their readers map by font (``SYMBOL_FONT_GLYPHS``). A PDF printed from such a document
(LibreOffice draws the bullet in OpenSymbol) keeps only the code in Unicode's private use area,
U+F000 plus the font's code, which no other font uses for text: the PDF reader maps those codes
whatever the font (``PRIVATE_USE_SYMBOLS``), so that a bullet reads as a bullet and starts a list
item as a typed one does.
"""

from __future__ import annotations

SYMBOL_FONT_GLYPHS = {
    "symbol": {"·": "•", "\uf0b7": "•", "-": "−"},
    "wingdings": {"§": "▪", "\uf0a7": "▪", "Ø": "➢", "\uf0d8": "➢", "ü": "✓", "l": "●", "n": "■"},
}
# Codes of Unicode's private use area that symbol fonts draw, as what they show.
PRIVATE_USE_SYMBOLS = {
    code: shown
    for glyphs in SYMBOL_FONT_GLYPHS.values()
    for code, shown in glyphs.items()
    if "\ue000" <= code <= "\uf8ff"
}
