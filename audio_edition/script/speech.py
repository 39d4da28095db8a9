"""Turn a segment's written text into the text an engine should speak: figures and names said the
way a newsreader says them, and no markup or stray symbol left for a voice to spell out."""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from audio_edition.languages.language import Language
from audio_edition.model import Pronunciation, Speech
from audio_edition.script.lexicon import Entry, apply_lexicon
from audio_edition.script.normalize import normalize
from audio_edition.script.symbols import symbols_as_words
from audio_edition.text.quotes import strip_quote_marks

_SLOT = 0xF0000  # while the rules run, each pronounced word stands in the text as one private-use character
_PRIVATE = re.compile("[\U000f0000-\U000ffffd]")

_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_CODE = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
# Comments are cut by `_without_comments` (a pattern `<!--.*?-->` is quadratic on `<!-- ` repeated).
_DECLARATION = re.compile(r"<!\[CDATA\[|\]\]>|<![A-Za-z][^<>]*>|<\?[^<>]*\?>")
_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)\b(?:[^<>\"']|\"[^\"]*\"|'[^']*')*?/?>")
_ELEMENTS = frozenset(
    "a abbr address area article aside audio b base bdi bdo big blink blockquote body br button canvas "
    "caption center cite code col colgroup data datalist dd del details dfn dialog div dl dt em embed "
    "fieldset figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html i "
    "iframe img input ins kbd label legend li link main map mark marquee math menu meta meter nav "
    "noscript object ol optgroup option output p param picture pre progress q rp rt ruby s samp script "
    "section select slot small source span strike strong style sub summary sup svg table tbody td "
    "template textarea tfoot th thead time title tr track tt u ul var video wbr".split()
)
_INLINE = frozenset(
    "a abbr b bdi bdo big cite code data del dfn em font i ins kbd mark q s samp small span strike "
    "strong sub sup time tt u var wbr".split()
)


def speech_text(text: str, language: Language, lexicon: tuple[Entry, ...] = ()) -> Speech:
    """Written text as it should be spoken: markup and stray symbols dropped (script and style
    elements with their contents), figures normalised for `language`, quotation marks removed,
    lexicon pronunciations applied and kept intact, layout punctuation made pauses. Should nothing
    speakable be left, script contents are said, then tag names, then the symbols themselves."""
    attempts = (_without_markup(text), _without_markup(text, keep_code=True), text)
    for written in attempts:
        said = _protected(_said(written, language, lexicon), language)
        if _has_words(said.text) or not _has_words(text):
            return said
    return _protected(_said(text, language, lexicon), language, symbols=False)


def _said(text: str, language: Language, lexicon: tuple[Entry, ...]) -> tuple[str | Pronunciation, ...]:
    """Figures normalised, quotation marks removed (apostrophes kept), then the lexicon applied."""
    return apply_lexicon(strip_quote_marks(normalize(text, language)), lexicon)


def _has_words(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def _without_markup(text: str, keep_code: bool = False) -> str:
    """Text with character references decoded, HTML tags, comments and declarations dropped
    (script and style elements whole unless `keep_code`) and underscores made spaces."""
    text = _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)
    if not keep_code:
        text = _CODE.sub(" ", text)
    text = _DECLARATION.sub(" ", _without_comments(text))
    return _TAG.sub(_tag_gap, text).replace("_", " ")  # `_Kyiv_` is a word the lexicon knows


def _without_comments(text: str) -> str:
    """`text` with each `<!-- ... -->` a space, in one pass: once a comment has no end, none after it
    has one either."""
    parts, at = [], 0
    while (start := text.find("<!--", at)) >= 0:
        end = text.find("-->", start + 4)
        if end < 0:
            break
        parts += [text[at:start], " "]
        at = end + 3
    return "".join(parts) + text[at:] if parts else text


def _tag_gap(match: re.Match[str]) -> str:
    """What stands where a tag was: nothing inside a word (`<b>`), a space (`<br/>`), or the text
    itself when it only looks like a tag (`<Smith>`)."""
    name = match.group(1).lower()
    if name not in _ELEMENTS:
        return match.group(0)
    return "" if name in _INLINE else " "


def _protected(pieces: tuple[str | Pronunciation, ...], language: Language, symbols: bool = True) -> Speech:
    """The layout (and `symbols`) rules applied to the text around the pronounced words, never to
    the words themselves: each stands in the text as one private-use character while they run."""
    words = [p for p in pieces if isinstance(p, Pronunciation)]
    slotted, k = [], 0
    for piece in pieces:
        if isinstance(piece, str):
            slotted.append(_PRIVATE.sub("", piece))
        else:
            slotted.append(chr(_SLOT + k))
            k += 1
    said = _tidy("".join(slotted), language, symbols)
    out: list[str | Pronunciation] = []
    at = 0
    for slot in _PRIVATE.finditer(said):
        out += [said[at : slot.start()], words[ord(slot.group(0)) - _SLOT]]
        at = slot.end()
    out.append(said[at:])
    return Speech(tuple(p for p in out if p))


# Small single-purpose layout rules applied in order (each str -> str).


def _agency_dateline(text: str) -> str:
    """'KYIV, Ukraine (AP) — Text' is read 'KYIV, Ukraine — Text': the agency tag is not spoken."""
    return re.sub(r"^(.{2,60}?)\s*\((AP|Reuters|AFP|UPI|dpa|Bloomberg|CNN|PA)\)\s*(?=[—–-])", r"\1 ", text)


def _dashes_as_pauses(text: str) -> str:
    return re.sub(r"\s+[–—-]{1,2}\s+|\s*—\s*", ", ", text)


def _leading_dash(text: str) -> str:
    return text.lstrip("—–-~ ")


def _collapse_space(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"\s+([,.;:!?])", r"\1", text)


def _lone_commas(text: str) -> str:
    """Commas left by dropped symbols: doubled (`, ,`), before a stop (`, .`) or opening the text."""
    text = re.sub(r",(?:\s*,)+", ",", text)
    text = re.sub(r",\s*([.;:!?])", r"\1", text)
    return re.sub(r"\(\s*\)", "", text)


def _lonely_punctuation(text: str) -> str:
    return re.sub(r"^[,;:.\s]+", "", text)


RULES: tuple[Callable[[str], str], ...] = (
    _leading_dash,
    _agency_dateline,
    _dashes_as_pauses,
)
AFTER: tuple[Callable[[str], str], ...] = (
    _collapse_space,
    _lone_commas,
    _collapse_space,
    _lonely_punctuation,
)


def _tidy(text: str, language: Language, symbols: bool = True) -> str:
    """The layout rules, then (with `symbols`) symbols said as words or dropped, then spaces and commas."""
    for rule in RULES:
        text = rule(text)
    if symbols:
        text = symbols_as_words(text, language)
    for rule in AFTER:
        text = rule(text)
    return text
