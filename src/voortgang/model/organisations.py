"""Organisations that lead actions in the reports (the Trekker column), by the name printed.

The one list: ``parse`` splits Trekker cells with it and ``check`` (VG401) warns about any
name that is neither a key here nor a full name, in any case. Add what real reports use.
"""

from __future__ import annotations

KNOWN_ORGANISATIONS: dict[str, str] = {
    "AIVD": "Algemene Inlichtingen- en Veiligheidsdienst",
    "AZ": "Ministerie van Algemene Zaken",
    "BZK": "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties",
    "BuZa": "Ministerie van Buitenlandse Zaken",
    "COT": "COT Instituut voor Veiligheids- en Crisismanagement",
    "Defensie": "Ministerie van Defensie",
    "DJI": "Dienst Justitiële Inrichtingen",
    "EZ": "Ministerie van Economische Zaken",
    "FORUM": "FORUM, Instituut voor Multiculturele Vraagstukken",
    "Financiën": "Ministerie van Financiën",
    "Gemeenten": "De gemeenten",
    "G4": "De vier grote gemeenten (Amsterdam, Rotterdam, Den Haag, Utrecht)",
    "IND": "Immigratie- en Naturalisatiedienst",
    "J&G": "Programmaministerie voor Jeugd en Gezin",
    "Justitie": "Ministerie van Justitie",
    "KMar": "Koninklijke Marechaussee",
    "KLPD": "Korps Landelijke Politiediensten",
    "LNV": "Ministerie van Landbouw, Natuur en Voedselkwaliteit",
    "NCTb": "Nationaal Coördinator Terrorismebestrijding",
    "NCTV": "Nationaal Coördinator Terrorismebestrijding en Veiligheid",
    "NJi": "Nederlands Jeugdinstituut",
    "Nuansa": "Landelijk kennis- en adviescentrum polarisatie en radicalisering",
    "OCW": "Ministerie van Onderwijs, Cultuur en Wetenschap",
    "OM": "Openbaar Ministerie",
    "Politie": "Nederlandse politie",
    "Reclassering": "Reclassering Nederland",
    "RvdK": "Raad voor de Kinderbescherming",
    "SZW": "Ministerie van Sociale Zaken en Werkgelegenheid",
    "V&W": "Ministerie van Verkeer en Waterstaat",
    "VNG": "Vereniging van Nederlandse Gemeenten",
    "VROM": "Ministerie van Volkshuisvesting, Ruimtelijke Ordening en Milieubeheer",
    "VWS": "Ministerie van Volksgezondheid, Welzijn en Sport",
    "WWI": "Minister voor Wonen, Wijken en Integratie",
}
