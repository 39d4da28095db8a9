"""Bylines as people's names only: dates, weekdays, months, times and "Updated" stamps, job titles,
"is a reporter" blurbs, "for The Mail" and agency lines are taken out of them; a byline naming no
person (an organisation, "defense ministries") is no byline."""

from __future__ import annotations

import functools
import re

from audio_edition.languages.language import Language

MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
).split()
_WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
_WEEKDAY_SHORT = r"(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?,?"
_ORDINAL = r"\d{1,2}(st|nd|rd|th)?"
FULL_DATE = (
    rf"\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}|{MONTH}\s+{_ORDINAL},?\s+\d{{4}}|"
    rf"{_ORDINAL}\s+(of\s+)?{MONTH},?\s+\d{{4}}"
)
_DATE = re.compile(rf"\b({FULL_DATE})(?!\d)", re.IGNORECASE)
_ZONES = r"(?<=\s)(gmt|utc|bst|cet|cest|[ecmp][sd]t|et|pt)\b([+-]\d{1,2}(:?\d{2})?)?"
_REMOVALS = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"\b\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?",
        rf"\b({_WEEKDAY_SHORT}\s+)?({FULL_DATE})\b",
        rf"\b({MONTH}\s+{_ORDINAL}|{_ORDINAL}\s+(of\s+)?{MONTH}|{MONTH}\s+\d{{4}})(?!\w)",
        r"\b\d{1,2}([:.]\d{2})?\s*[ap]\.?m\b\.?|\b\d{1,2}:\d{2}(:\d{2})?",
        _ZONES,
        r"\b\d+\s+(seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago\b",
        r"\b(last\s+|first\s+)?(updated|published|posted|modified)(\s+(on|at))?\s*:?",
        rf"\b({'|'.join(_WEEKDAYS)})\b,?",
    )
)
# In another language `et` and `pt` are words (`Marie Dupont et Jean Martin`), not time zones.
_FOREIGN_REMOVALS = tuple(
    re.compile(_ZONES.replace("|et|pt)", ")"), re.IGNORECASE) if p.pattern == _ZONES else p for p in _REMOVALS
)
_RESIDUE = set(_MONTHS) | set(_WEEKDAYS) | {"at", "on", "the", "of", "and", "&", "am", "pm", "a.m.", "p.m."}
_DANGLING = {"and", "&", "by", "with", "at", "on", "of", "the", "|", "-", "–", "—", "·", "•"}
_NAME_GLUE = frozenset("and & de da del della di du la le van von der den bin ibn al el y".split())
_FOREIGN_GLUE = _NAME_GLUE | {"et", "und", "e", "i"}  # `Marie Dupont et Jean Martin`
_PIECE_BREAK = re.compile(r"\s*(?:[|·•]|\s[-–—]\s)\s*")
_BY = re.compile(r"^(written by|words by|by)\s+", re.IGNORECASE)
_DATE_LEAD = re.compile(
    rf"^((published|updated|posted|last updated|first published)\b|\d|{MONTH}\s|"
    r"(mon|tue|wed|thu|fri|sat|sun)[a-z]*\b)",
    re.IGNORECASE,
)


def clean_byline(text: str, language: Language | None = None) -> tuple[str | None, str | None]:
    """(names, first full date) of a byline; `;` separates authors, dates and times are removed
    (`language`, when known and not English, keeps `et` and `pt` as the words they are there)."""
    date = _DATE.search(text)
    removals = _REMOVALS if _code(language) in ("", "en") else _FOREIGN_REMOVALS
    authors = [_clean_author(part, removals) for part in _BY.sub("", " ".join(text.split())).split(";")]
    authors = [name for author in authors for name in people_in(author)]
    return _join([a for a in authors if a]) or None, " ".join(date.group(0).split()) if date else None


def byline_in(text: str, language: Language | None) -> re.Match[str] | None:
    """A byline in the article's language (`Par Marie Dupont`, `Von Anna Weber`): group 2 is the names."""
    words = language.byline_words if language is not None else ""
    return re.match(rf"^({words})\s+(.{{2,80}})$", text, re.IGNORECASE) if words else None


def looks_like_names(byline: str, language: Language | None = None) -> bool:
    """True when what comes before the first comma (a role may follow it) is names joined by "and"
    (or, in an article known to be in another language, by its `et`, `und`, `e`)."""
    words = byline.split(",", 1)[0].split()
    glue = _NAME_GLUE | frozenset(language.name_glue) if language is not None else _NAME_GLUE
    return bool(words) and all(w[:1].isupper() or w.lower() in glue for w in words)


def looks_like_dateline(text: str, language: Language | None = None) -> bool:
    """A publication-date line: short, led by a date word or digit, holding a full date; in an
    article known to be in another language, a full date in its words (`12. Februar 2026`, `3 mars
    2026`, `20 de enero de 2026`) with at most five other words (`Publié le … à 14 h`,
    `Aktualisiert am … 14:05 Uhr`)."""
    if len(text) > 90 or len(text.split()) > 12:
        return False
    if bool(_DATE_LEAD.match(text)) and bool(_DATE.search(text)):
        return True
    code = _code(language)
    if not code or code == "en":
        return False
    date = _foreign_date(code).search(text)
    if date is None:
        return False
    rest = (text[: date.start()] + " " + text[date.end() :]).split()
    return sum(any(ch.isalnum() for ch in word) for word in rest) <= 5


@functools.lru_cache(maxsize=16)
def _foreign_date(code: str) -> re.Pattern[str]:
    """A full date in `code`'s month names (from Babel's locale data), day first or month first;
    a pattern that matches nothing for a language Babel does not know."""
    try:
        from babel import Locale, UnknownLocaleError  # only for articles not in English

        locale = Locale.parse(code)
    except (ImportError, ValueError, UnknownLocaleError):
        return re.compile(r"(?!)")
    names = {
        n.lower().rstrip(".")
        for width in ("wide", "abbreviated")
        for n in locale.months["format"][width].values()
    }
    month = "|".join(sorted((re.escape(n) for n in names), key=len, reverse=True))
    return re.compile(
        rf"\b\d{{1,2}}(\.|er|º|°)?\s+(de\s+)?({month})\.?,?\s+(de\s+)?\d{{4}}\b|"
        rf"\b({month})\.?\s+\d{{1,2}},?\s+\d{{4}}\b",
        re.IGNORECASE,
    )


def _code(language: Language | None) -> str:
    return language.code if language is not None else ""


def _clean_author(part: str, removals: tuple[re.Pattern[str], ...] = _REMOVALS) -> str:
    """One author's part with date and time expressions removed; name, role pieces joined by commas."""
    for pattern in removals:
        part = pattern.sub(" ", part)
    pieces = [_trim(piece) for piece in _PIECE_BREAK.split(part)]
    return ", ".join(p for p in pieces if p and not _residue_only(p))


def _trim(piece: str) -> str:
    """Commas collapsed, and joining words or separators left dangling at either end removed."""
    words = re.sub(r"\s*,(\s*,)*", ",", piece).replace(",", ", ").split()
    while words and (words[0].strip(",") == "" or words[0].strip(",").lower() in _DANGLING):
        words.pop(0)
    while words and (words[-1].strip(",") == "" or words[-1].strip(",").lower() in _DANGLING):
        words.pop()
    return " ".join(words).strip(" ,")


def _residue_only(piece: str) -> bool:
    """True when a piece holds only date words and numbers (what is left of "Monday, November")."""
    words = re.split(r"[\s,]+", piece.lower().strip(" ,."))
    return all(w.rstrip(".") in _RESIDUE or w.isdigit() for w in words if w)


def _join(names: list[str]) -> str:
    """Authors as spoken: "A", "A and B", "A, B and C"."""
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


# Words that make a piece of a byline a job, a desk or an organisation rather than a person.
_NOT_PERSON = frozenset(
    """reporter reporters correspondent correspondents editor editors writer writers staff contributor
    contributors columnist columnists journalist journalists producer producers photographer
    photographers analyst critic critics anchor host presenter chief senior deputy associate
    assistant managing executive political business sports health science technology national
    foreign news newsroom desk team agency agencies press wire wires media service services bureau
    ministry ministries department departments government office inc ltd llc plc corp corporation
    company group network newspaper magazine online digital reuters afp ap bloomberg
    phd ph.d md m.d""".split()
)
_IS_BLURB = re.compile(r"\s+(is|was|has been|covers|writes)\b.*$", re.IGNORECASE)
_FOR_OUTLET = re.compile(r"\s+(for|at|of|from|via)\s+(the\s+)?[A-Z].*$")
_AGENCY_TAIL = re.compile(
    r"(,?\s+|^)(the\s+)?(associated press|press association|agence france[- ]presse|reuters|afp|ap|"
    r"bloomberg news|bloomberg|upi|dpa|efe|ansa|pti|ians|xinhua)\.?$",
    re.IGNORECASE,
)


def people_in(author: str) -> list[str]:
    """The people's names in one author's part of a byline: `Phil Helsel is a reporter` ->
    [`Phil Helsel`], `Kwame Boateng, Sports Correspondent` -> [`Kwame Boateng`], `Ana Ruiz for The
    Mail` -> [`Ana Ruiz`], `Reuters` or `Russian and Syrian defense ministries` -> []."""
    found: list[str] = []
    for piece in author.split(","):
        piece = _BY.sub("", piece.strip())
        piece = _IS_BLURB.sub("", piece)
        piece = _FOR_OUTLET.sub("", piece)
        while (tail := _AGENCY_TAIL.search(piece)) and tail.start() < len(piece):
            piece = piece[: tail.start()].strip()
        piece = _trim(piece)
        if _is_person(piece):
            found.append(piece)
    return found


def _is_person(piece: str) -> bool:
    """True when a piece reads as people's names: every word capitalised (or a joining word), no
    word of a job, desk or organisation, and no name written all in capitals of three letters or
    fewer (`AP`, `NASA`-like initials)."""
    words = piece.replace(" and ", " & ").split()
    if not words:
        return False
    for word in words:
        bare = word.strip("'’").rstrip(".")
        if bare.lower() in _NOT_PERSON:
            return False
        if not (bare[:1].isupper() or bare.lower() in _FOREIGN_GLUE | {"with"} or bare == "&"):
            return False
    names = [w for w in words if w.lower() not in _FOREIGN_GLUE | {"with"} and w != "&"]
    return not (len(names) == 1 and names[0].isupper() and len(names[0]) <= 4)
