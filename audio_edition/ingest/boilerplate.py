"""Recognise lines a CMS leaves in an article that must never be read aloud."""

from __future__ import annotations

import re

# Each rule: (name, pattern matched against the whole stripped line, case-insensitive).
_RULES: tuple[tuple[str, str], ...] = (
    (
        "read-also",
        r"(read|see|also read|read more|more|related|recommended|must read)"
        r"( also| more| stories| articles?| content| coverage| reading)?\s*[:>\-–—|»]+.*",
    ),
    ("read-also", r"(read|see) also\b.*"),
    ("read-also", r"(read more|more on this( story)?|related (articles|stories|coverage))\.?"),
    (
        "advertisement",
        r"(advertisement|advertisment|sponsored( content)?|promoted( content)?|"
        r"ad|ads|paid (content|post|partnership))\s*[:.]?",
    ),
    ("share", r"share (this|on|via)\b.{0,60}"),
    (
        "share",
        r"(share|tweet|email|print|copy link)(\s*[|/·•]\s*(share|tweet|email|print|copy link|"
        r"facebook|twitter|x|whatsapp|linkedin|telegram))+",
    ),
    ("subscribe", r"(subscribe|sign up|join)\b.{0,100}"),
    ("click-here", r"(click|tap) here\b.*"),
    (
        "photo-credit",
        r"(photo|image|picture|video|graphic|illustration|file photo)"
        r"( credits?)?\s*[:/|]\s*.{0,150}",
    ),
    (
        "photo-credit",
        r"(credits?|source)\s*:\s*(getty|reuters|afp|ap|epa|shutterstock|"
        r"photo|file|supplied|handout).{0,100}",
    ),
    ("photo-credit", r"\(?(photo|image|picture)s?\s+(by|courtesy( of)?)\s+.{1,80}\)?"),
    ("photo-credit", r".{0,120}\((getty images|reuters|afp|ap photo|epa|shutterstock)[^)]*\)"),
    ("follow-us", r"(follow|like) us (on|at)\b.{0,80}"),
    (
        "continue-reading",
        r"(the )?(story|article) continues( below| after (the )?(advertisement|ad))?( advertisement)?\.?|"
        r"continue reading( below)?\.?",
    ),
    ("comments", r"(\d+\s+)?(comments?|leave a (comment|reply)|join the (conversation|discussion))\s*[:.]?"),
    ("copyright", r"(©|\(c\)|copyright\b).{0,150}"),
    ("copyright", r"all rights reserved\.?"),
    ("tags", r"(tags?|topics?|filed under)\s*:.{0,200}"),
    ("download-app", r"download (our|the) app\b.{0,80}"),
    ("newsletter", r".{0,40}\bnewsletter\b.{0,40}(sign up|subscribe|inbox).{0,40}"),
    ("skip", r"skip (to|ad)\b.{0,30}"),
    ("photo-credit", r"(image|media) (caption|source)s?\s*[,:].{0,200}"),
    ("photo-credit", r"(file|pool)( photo)?\s+[-–—]\s+.{0,300}"),
    ("listen", r"listen to (this|the) (article|story)\b.{0,40}"),
    ("reading-time", r"\d+\s*(-\s*)?min(ute)?s?( read| listen)\.?"),
    ("timestamp", r"(updated|published|posted)\s+\d+\s+(seconds?|minutes?|hours?|days?)\s+ago\.?"),
    ("print", r"(print|email|save)( this)?( article| story| page)?"),
)
_COMPILED: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE)) for name, pattern in _RULES
)
_MAX_WORDS = 30


def boilerplate_reason(line: str) -> str | None:
    """The rule's name when the whole line is boilerplate, else None."""
    stripped = line.strip().strip("*_#> ").strip()
    if not stripped or len(stripped.split()) > _MAX_WORDS:
        return None
    for name, pattern in _COMPILED:
        if pattern.fullmatch(stripped):
            if name == "subscribe" and not _is_call_to_action(stripped):
                continue
            return name
    return None


def _is_call_to_action(line: str) -> bool:
    """A 'Subscribe'/'Sign up'/'Join' line is boilerplate only when it addresses the reader."""
    words = line.split()
    if len(words) <= 3:
        return True
    return bool(
        re.search(
            r"\b(our|newsletter|free|today|now|here|updates|inbox|channel|"
            r"whatsapp|telegram)\b",
            line,
            re.IGNORECASE,
        )
    )
