"""Recognise lines a CMS leaves in an article that must never be read aloud."""

from __future__ import annotations

import re

# A capitalised name word (case kept even though rules match case-insensitively), a name particle,
# or a joiner: what a credit line holds after "by" and before "contributed".
_NAME_WORD = r"(?:(?-i:[A-Z][\w'’.-]*)|and|&|in|de|da|del|della|di|du|la|le|van|von|der|den|bin|ibn|al|el)"
_NAMES = rf"(?-i:[A-Z])[\w'’.-]*(?:,?\s+{_NAME_WORD})*"
_ROLE = (
    r"(additional |further )?(reporting|writing|editing|research|fact[- ]checking|graphics|"
    r"production|photography|video|design|translation|compiled|written|edited|reported)"
)
_CREDIT = rf"{_ROLE} by {_NAMES}"
_COMPANY = r"(inc|ltd|llc|corp|corporation|gmbh|plc|co|group|media|limited|ag|s\.a)\.?"

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
        "click-here",
        r"((please|simply|just|or) )?(click|tap|press)( on)? (below|to (read|watch|listen|see|view|continue|"
        r"download|learn|play|enlarge|expand)|for (more|the full|details))\b.{0,100}",
    ),
    (
        "call-to-action",
        r"(if|when) you('re| are)? (using|reading|viewing|on|in)\b.{1,60}?,? "
        r"(click|tap|press|scroll|swipe)\b.{0,100}",
    ),
    (
        "call-to-action",
        r"((please|simply|just) )?(click|tap|press)( on)? (this|the|that|our) (\w+ ){0,2}"
        r"(box|button|link|banner|icon|bar|arrow)\b.{0,80}",
    ),
    (
        "call-to-action",
        r"to .{1,60}, (click|tap|press)( on)? (here|below|the (\w+ )?(button|box|link|icon|banner))\b.{0,80}",
    ),
    (
        "call-to-action",
        r"get (the latest|our|breaking|the best|the top|top) .{0,60}\b(sent|delivered|straight|direct(ly)?) "
        r"to (you|your)\b.{0,60}",
    ),
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
    ("copyright", r".{0,120}\ball rights? (reserved?|res\w*)\.?"),
    ("copyright", r"all rights?\s*"),
    ("copyright", rf"\d{{4}}(\s*[-–]\s*\d{{2,4}})?\s+{_NAMES}\s*{_COMPANY}(,?\s+all( rights?)?\b.{{0,30}})?"),
    ("copyright", rf"{_NAMES}\s*{_COMPANY},?\s+all( rights?)?\b.{{0,30}}"),
    ("credits", rf"\(?{_CREDIT}(\s*[;,.]?\s*(and )?{_CREDIT})*\)?\.?"),
    (
        "credits",
        rf"(?!(he|she|they|we|i|it|you)\b){_NAMES} contributed (additional )?(reporting|research|"
        rf"to this (report|article|story))( (from|in) {_NAMES})?\.?",
    ),
    ("tags", r"(tags?|topics?|filed under)\s*:.{0,200}"),
    (
        "download-app",
        r"(download|get|install) (our|the) (free )?([\w-]+ ){0,2}apps?"
        r"(\s*[.!:,–—-].{0,80}|\s+(now|today|for|on|here|from|to)\b.{0,80})?",
    ),
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
