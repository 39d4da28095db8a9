"""The English abbreviations (every page may print them), beside pySBD's own table (which splits the
sentences); each other language adds its own words in its module (`Language.dotted`).

pySBD knows which full stops end no sentence when it cuts a paragraph; this table adds what the
script needs besides: how each abbreviation is said (None: the engine reads it as written), and,
derived from it, the words whose full stop ends no sentence inside a run of names (`Dr. Ruiz`).
"""

from __future__ import annotations

SAID: dict[str, str | None] = {
    "Mr.": "Mister",
    "Mrs.": "Missus",
    "Dr.": "Doctor",
    "Prof.": "Professor",
    "Gov.": "Governor",
    "Sen.": "Senator",
    "Rep.": "Representative",
    "Gen.": "General",
    "Lt.": "Lieutenant",
    "Sgt.": "Sergeant",
    "Capt.": "Captain",
    "Cllr": "Councillor",
    "St.": "Saint",
    "Jr.": "Junior",
    "Sr.": "Senior",
    "U.S.": "U S",
    "U.K.": "U K",
    "U.N.": "U N",
    "E.U.": "E U",
    "e.g.": "for example",
    "i.e.": "that is",
    "etc.": "etcetera",
    "vs.": "versus",
    "approx.": "approximately",
    "a.m.": "A M",
    "p.m.": "P M",
    "Ms.": None,
    "Rev.": None,
    "Col.": None,
    "Mt.": None,
    "No.": None,  # "No. 5" is said "Number 5" by the normaliser's own rule
    "Hon.": None,
    "Pres.": None,
    "Supt.": None,
    "Insp.": None,
    "Det.": None,
    "Dept.": None,
}

SPOKEN: dict[str, str] = {short: said for short, said in SAID.items() if said is not None}
"""The abbreviations the normaliser expands, in the order it tries them."""

DOTTED_WORDS = frozenset(
    short[:-1].lower() for short in SAID if short.endswith(".") and "." not in short[:-1]
)
"""Lower-case single words (`dr`, `mrs`) whose full stop ends no sentence."""

ABBREVIATED = frozenset(short.rstrip(".").lower() for short in SAID)
"""Every abbreviation in lower case without its last full stop (`dr`, `u.s`, `cllr`): a full stop
after one of them ends no sentence."""
