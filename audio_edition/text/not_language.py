"""Text that is not language: program code, markup, bare web addresses and tracking strings.

`looks_like_code(text)` is the invariant the reader keeps on every line it lets through (nothing a
listener hears is code), and the test the benchmark of real pages runs over every segment. It
weighs signs that prose never shows in number (statement punctuation, operators, calls on dotted
names, tags, keywords of scripts) against the line's words, so a sentence that mentions
`window.open()` or a URL is still prose.
"""

from __future__ import annotations

import re

# A web address or e-mail standing alone (with its punctuation): nothing in it to say.
_BARE_ADDRESS = re.compile(
    r"^[\s(\[<\"'“‘]*(?:(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|"
    r"(?:[\w-]+\.)+(?:com|org|net|co|uk|io|ly|gl|me|tv|news|gov|edu)/\S*|pic\.twitter\.com/\S+)"
    r"[\s)\]>\"'”’.,;:]*$",
    re.IGNORECASE,
)
# A shortcode of a publishing system: [button link="…"], [/caption].
_SHORTCODE = re.compile(r"\[/?[a-z_][\w-]*(?:\s+[\w-]+\s*=\s*(?:\"[^\"\]]*\"|'[^'\]]*'|[^\s\]]+))*\s*/?\]")
_TAG = re.compile(r"</?[a-zA-Z][\w:-]*(?:\s+[\w:-]+(?:\s*=\s*(?:\"[^\"<>]*\"|'[^'<>]*'|[^\s<>]+))?)*\s*/?>")
_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,6}|#x[0-9a-fA-F]{2,6});")
# Signs of a script: each counts once per occurrence.
_CODE_SIGNS = re.compile(
    r"===|!==|==|!=|&&|\|\||=>|\+\+|--(?=\w)|\+=|-=|::|"  # operators
    r"[{}]|(?<=[)\]'\"\d])\s*;|"  # statement punctuation (a semicolon after a call, a value)
    r"[\"']\s*\+\s*[\"']|<\/?[a-zA-Z]+(?=[\"'])|"  # strings joined, tags cut apart ("<scr" + "ipt")
    r"\b[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+\s*\(|"  # a call on a dotted name: window.open(
    r"\b(?:function|typeof|var|const|let|return|null|undefined|void|async|await|new)\b(?=\s*[\w$({\[])|"
    r"\b[a-z_$][\w$]*\s*=\s*(?:[\"'\[{(]|function\b|new\b|\d)|"  # an assignment: x = "...", x = 1
    r"\b[a-z_$][\w$]*\([^()\s]*\)"  # a call without spaces: f(), init(x)
)
_ADDRESS = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]{2,}")


def looks_like_code(text: str) -> bool:
    """Whether `text` is code, markup, a bare web address or a tracking string rather than language
    a listener could follow."""
    line = text.strip()
    if not line:
        return False
    if _BARE_ADDRESS.match(line):
        return True
    words = len(_WORD.findall(line))
    marks = _TAG.findall(line) + _ENTITY.findall(line) + _SHORTCODE.findall(line)
    if marks:
        outside = len(_WORD.findall(_SHORTCODE.sub(" ", _ENTITY.sub(" ", _TAG.sub(" ", line)))))
        if len(marks) >= outside or sum(map(len, marks)) * 2 >= len(line):
            return True  # markup, by count against the words outside it or by the room it takes
    addresses = len(_ADDRESS.findall(line))
    if addresses >= 2 and len(_WORD.findall(_ADDRESS.sub(" ", line))) <= 4 * addresses:
        return True  # a list of links with their labels: "Listen: http://… | Download: http://…"
    signs = len(_CODE_SIGNS.findall(line))
    if signs >= 3 and signs * 3 >= words:
        return True
    return _is_token_soup(line, words)


def _is_token_soup(line: str, words: int) -> bool:
    """A string of identifiers, ids and punctuation with almost no words: `utm_source=x&id=9f3a`,
    `data-ad-slot_728x90`, `__gads_ID=...`."""
    pieces = line.split()
    if len(pieces) > 4 or len(line) < 12:
        return False
    odd = sum(ch in "_=&{}<>|\\^~" for ch in line)
    return odd >= 3 and (words <= 3 or len(pieces) <= 2 and "=" in line)
