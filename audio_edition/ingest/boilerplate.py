"""Recognise lines a CMS leaves in an article that must never be read aloud."""

from __future__ import annotations

import re

from audio_edition.languages.language import Language
from audio_edition.model import DropReason

# A capitalised name word (case kept even though rules match case-insensitively), a name particle,
# or a joiner: what a credit line holds after "by" and before "contributed".
_NAME_WORD = r"(?:(?-i:[A-Z][\w'’.-]*)|and|&|in|de|da|del|della|di|du|la|le|van|von|der|den|bin|ibn|al|el)"
_NAMES = rf"(?-i:[A-Z])[\w'’.-]*(?:,?\s+{_NAME_WORD})*"
_ROLE = (
    r"(additional |further )?(reporting|writing|editing|research|fact[- ]checking|graphics|"
    r"production|photography|video|design|translation|compiled|written|edited|reported)"
)
_CREDIT = rf"{_ROLE} by {_NAMES}"
_LIST_LABEL = (
    r"(tags?|topics?|filed under|categor(y|ies|ia|ias|ie|ía|ías)|keywords|palavras-chave|etiquetas|"
    r"mots-clés|schlagwörter|schlagworte)"
)
_COMPANY = r"(inc|ltd|llc|corp|corporation|gmbh|plc|co|group|media|limited|ag|s\.a)\.?"

# Each rule: (its drop reason, pattern matched against the whole stripped line, case-insensitive).
_RULES: tuple[tuple[DropReason, str], ...] = (
    (
        DropReason.READ_ALSO,
        r"(read|see|also read|read more|more|related|recommended|must read)"
        r"( also| more| stories| articles?| content| coverage| reading)?\s*[:>\-–—|»]+.*",
    ),
    (DropReason.READ_ALSO, r"(read|see) also\b.*"),
    (DropReason.READ_ALSO, r"(read more|more on this( story)?|related (articles|stories|coverage))\.?"),
    (
        DropReason.ADVERTISEMENT,
        r"(advertisement|advertisment|sponsored( content)?|promoted( content)?|"
        r"ad|ads|paid (content|post|partnership))\s*[:.]?",
    ),
    (DropReason.SHARE, r"share (this|on|via)\b.{0,60}"),
    (
        DropReason.SHARE,
        r"(share|tweet|email|print|copy link)(\s*[|/·•]\s*(share|tweet|email|print|copy link|"
        r"facebook|twitter|x|whatsapp|linkedin|telegram))+",
    ),
    (DropReason.SUBSCRIBE, r"(subscribe|sign up|join)\b.{0,100}"),
    (DropReason.CLICK_HERE, r"(click|tap) here\b.*"),
    (
        DropReason.CLICK_HERE,
        r"((please|simply|just|or) )?(click|tap|press)( on)? (below|to (read|watch|listen|see|view|continue|"
        r"download|learn|play|enlarge|expand)|for (more|the full|details))\b.{0,100}",
    ),
    (
        DropReason.CALL_TO_ACTION,
        r"(if|when) you('re| are)? (using|reading|viewing|on|in)\b.{1,60}?,? "
        r"(click|tap|press|scroll|swipe)\b.{0,100}",
    ),
    (
        DropReason.CALL_TO_ACTION,
        r"((please|simply|just) )?(click|tap|press)( on)? (this|the|that|our) (\w+ ){0,2}"
        r"(box|button|link|banner|icon|bar|arrow)\b.{0,80}",
    ),
    (
        DropReason.CALL_TO_ACTION,
        r"to .{1,60}, (click|tap|press)( on)? (here|below|the (\w+ )?(button|box|link|icon|banner))\b.{0,80}",
    ),
    (
        DropReason.CALL_TO_ACTION,
        r"get (the latest|our|breaking|the best|the top|top) .{0,60}\b(sent|delivered|straight|direct(ly)?) "
        r"to (you|your)\b.{0,60}",
    ),
    (
        DropReason.PHOTO_CREDIT,
        r"(photo|image|picture|video|graphic|illustration|file photo)"
        r"( credits?)?\s*[:/|]\s*.{0,150}",
    ),
    (
        DropReason.PHOTO_CREDIT,
        r"(credits?|source)\s*:\s*(getty|reuters|afp|ap|epa|shutterstock|"
        r"photo|file|supplied|handout).{0,100}",
    ),
    (DropReason.PHOTO_CREDIT, r"\(?(photo|image|picture)s?\s+(by|courtesy( of)?)\s+.{1,80}\)?"),
    (DropReason.PHOTO_CREDIT, r".{0,120}\((getty images|reuters|afp|ap photo|epa|shutterstock)[^)]*\)"),
    (DropReason.FOLLOW_US, r"(follow|like) us (on|at)\b.{0,80}"),
    (
        DropReason.CONTINUE_READING,
        r"(the )?(story|article) continues( below| after (the )?(advertisement|ad))?( advertisement)?\.?|"
        r"continue reading( below)?\.?",
    ),
    (
        DropReason.COMMENTS,
        r"(\d+\s+)?(comments?|leave a (comment|reply)|join the (conversation|discussion))\s*[:.]?",
    ),
    (DropReason.COPYRIGHT, r"(©|\(c\)|copyright\b).{0,150}"),
    (
        DropReason.COPYRIGHT,
        r"this (copy|article|content|material) is for your personal,? non-?commercial use( only)?\b.{0,250}",
    ),
    (DropReason.COPYRIGHT, r".{0,120}\ball rights? (reserved?|res\w*)\.?"),
    (DropReason.COPYRIGHT, r"all rights?\s*"),
    (
        DropReason.COPYRIGHT,
        rf"\d{{4}}(\s*[-–]\s*\d{{2,4}})?\s+{_NAMES}\s*{_COMPANY}(,?\s+all( rights?)?\b.{{0,30}})?",
    ),
    (DropReason.COPYRIGHT, rf"{_NAMES}\s*{_COMPANY},?\s+all( rights?)?\b.{{0,30}}"),
    (DropReason.CREDITS, rf"\(?{_CREDIT}(\s*[;,.]?\s*(and )?{_CREDIT})*\)?\.?"),
    (
        DropReason.CREDITS,
        rf"(?!(he|she|they|we|i|it|you)\b){_NAMES} contributed (additional )?(reporting|research|"
        rf"to this (report|article|story))( (from|in) {_NAMES})?\.?",
    ),
    (DropReason.TAGS, r"(tags?|topics?|filed under)\s*:.{0,200}"),
    (
        DropReason.DOWNLOAD_APP,
        r"(download|get|install) (our|the) (free )?([\w-]+ ){0,2}apps?"
        r"(\s*[.!:,–—-].{0,80}|\s+(now|today|for|on|here|from|to)\b.{0,80})?",
    ),
    (DropReason.NEWSLETTER, r".{0,40}\bnewsletter\b.{0,40}(sign up|subscribe|inbox).{0,40}"),
    (DropReason.SKIP, r"skip (to|ad)\b.{0,30}"),
    (DropReason.PHOTO_CREDIT, r"(image|media) (caption|source)s?\s*[,:].{0,200}"),
    (DropReason.PHOTO_CREDIT, r"(file|pool)( photo)?\s+[-–—]\s+.{0,300}"),
    (DropReason.LISTEN, r"listen to (this|the) (article|story)\b.{0,40}"),
    (DropReason.READING_TIME, r"\d+\s*(-\s*)?min(ute)?s?( read| listen)\.?"),
    (DropReason.TIMESTAMP, r"(updated|published|posted)\s+\d+\s+(seconds?|minutes?|hours?|days?)\s+ago\.?"),
    (DropReason.PRINT, r"(print|email|save)( this)?( article| story| page)?"),
    # promos: follow, chat, share, coverage elsewhere, contact the writer, calls to pay
    (
        DropReason.FOLLOW_US,
        r"follow (\S+ ){0,4}(full |complete |live |latest |ongoing )?coverage of .{1,120}",
    ),
    (DropReason.FOLLOW_US, r"chat with us (in|on|via) .{1,160}"),
    (DropReason.SHARE, r"(like|enjoy(ed)?|love) this (story|article|post)\?\s*share it\b.{0,60}"),
    (DropReason.READ_ALSO, r"also on \S+\.(com|net|org|co\.uk|news|ru|de|fr)\b.{0,200}"),
    (
        DropReason.AUTHOR,
        r"(write to|e-?mail|contact|reach) (the (reporters?|writers?|authors?)|[\w'’.-]+( [\w'’.-]+){0,3}) "
        r"(at|on|via) .{0,200}",
    ),
    (
        DropReason.CREDITS,
        r"([\w'’.-]+ ){0,4}(writers?|reporters?|correspondents?|staff) .{1,240} contributed "
        r"(to this (report|story|article)|reporting|additional reporting)\b.{0,60}",
    ),
    (
        DropReason.CALL_TO_ACTION,
        r"get .{1,80}\bdelivered (to|through|straight to|directly to) (you|your)\b.{0,160}",
    ),
    (DropReason.NEWSLETTER, r".{0,100}\b(sign up|subscribe)\b.{0,100}\bnewsletters?\b.{0,100}"),
    (DropReason.READ_ALSO, r"(you may|you might|you'll) also (like|enjoy|be interested in)\b.{0,80}"),
    (
        DropReason.READ_ALSO,
        r"(most|more) (read|popular|viewed|shared|watched)( stories| articles| videos)?"
        r"( (in|on|from) [\w ]{1,30})?\s*:?",
    ),
    (
        DropReason.READ_ALSO,
        r"related (posts?|stor(y|ies)|articles?|reading|videos?|links?)\s*[:>\-–|]?.{0,120}",
    ),
    (DropReason.READ_ALSO, r"more [\w'’ ]{1,40}:\s*(https?://|www\.)\S+.{0,200}"),
    (DropReason.SHARE, r"click to tweet"),
    (
        DropReason.READ_ALSO,
        r"(você (também )?pode gostar|voc[eê] tamb[eé]m vai gostar|vous aimerez (aussi|également)|"
        r"das könnte sie auch interessieren|(también )?te puede interesar|(ti )?potrebbe(ro)? interessarti|"
        r"ti potrebbe(ro)? interessare)\s*[.…:]*",
    ),
    (DropReason.CALL_TO_ACTION, r"send us (your|yours)\b.{0,80}"),
    (DropReason.LISTEN, r"listen (to [\w'’ ]{1,40} )?(live|back|again|now)\b.{0,120}"),
    (DropReason.CREDITS, r"(by|via|source:?)\s+[\w.-]+\.(com|net|org|co\.uk|io)\.?"),
    (DropReason.TAGS, _LIST_LABEL + r"\s*:?"),
    (DropReason.CALL_TO_ACTION, r"tell us what you think\b.{0,80}"),
    (
        DropReason.READING_TIME,
        r"(tempo de leitura|temps de lecture|lesezeit|tiempo de lectura|tempo di lettura|reading time)"
        r"\s*:?\s*\d+\s*\w+\.?",
    ),
    (DropReason.PHOTO_CREDIT, r"(photo |image |picture )?credits?\s*:\s*[\w .'’/&-]{2,80}"),
    (
        DropReason.COMMENTS,
        r"(note:?\s*)?.{0,60}\bcomments?\b.{0,60}\b(moderat\w*|closed|disabled|spam|approved)\b.{0,160}",
    ),
    (DropReason.COPYRIGHT, r".{0,60}무단\s?전재.{0,60}"),
)
# Rules for lines that may run long: tag lists, captions in the agencies' style.
_LONG_RULES: tuple[tuple[DropReason, str], ...] = (
    (
        DropReason.CLAIM,
        r"(the )?(claim|rating|verdict|our rating|fact[- ]check(ed)?|claimed by|source of (the )?claim|"
        r"(said|stated|posted) by)\s*:\s*.{1,600}",
    ),
    (
        DropReason.FOLLOW_US,
        r"follow ([\w'’@.-]+ ){1,4}on (twitter|x|facebook|instagram|youtube|tiktok|linkedin|threads|"
        r"bluesky|mastodon|snapchat)\b.{0,600}",
    ),
    (
        DropReason.TAGS,
        r"(.{0,40}\b)?(posted|publicado|publié|pubblicato|veröffentlicht)( por| by| par| da| von)? .{1,80}"
        r"(categor\w*|tags?)\s*:.{0,600}",
    ),
    (DropReason.CAPTION, r".{10,400}\(\s*(photo |image )?credits?\s*:\s*[^)]{2,80}\)\.?"),
    (DropReason.TAGS, r"(tags?|topics?|filed under|categor(y|ia|ie|ies|ías))\s*:.{0,1200}"),
    (
        DropReason.CALL_TO_ACTION,
        r"(.{0,40}\b)?if you (enjoyed|liked|value|appreciate|valued|like) (this|our|reading this) "
        r"(article|story|piece|journalism|reporting|content)\b.{0,600}",
    ),
    (
        DropReason.CAPTION,
        r"(in )?this (\w+[.,]? ){0,6}(file |handout |undated |aerial |video |frame grab )?"
        r"(photo|image|picture|photograph|frame grab|still|screenshot|screen grab)"
        r"(,| (made available|taken|released|provided|shot|distributed|obtained|posted)\b).{0,600}",
    ),
    (
        DropReason.CAPTION,
        r".{10,600}[.)]\s*(©\s*)?\(?(ap|afp|reuters|epa|getty images|ap photo|photo)"
        r"\s*/\s*[\w .'’-]{2,60}\)?\.?",
    ),
)
_COMPILED: tuple[tuple[DropReason, re.Pattern[str]], ...] = tuple(
    (reason, re.compile(pattern, re.IGNORECASE)) for reason, pattern in _RULES
)
_COMPILED_LONG: tuple[tuple[DropReason, re.Pattern[str]], ...] = tuple(
    (reason, re.compile(pattern, re.IGNORECASE)) for reason, pattern in _LONG_RULES
)
_MAX_WORDS = 30
_MAX_LONG_WORDS = 200


def boilerplate_reason(line: str, language: Language | None = None) -> DropReason | None:
    """The rule's reason when the whole line is boilerplate, else None.

    The English rules apply to every article (sites in any language print `Share`, `©`, `Photo:`).
    An article known to be in another language is also read with its language's own rules
    (`Language.boilerplate`); one whose language is not known (None) with every language's rules
    that no English line could match (`boilerplate_languages.py`).
    """
    stripped = line.strip().strip("*_#> ").strip()
    words = len(stripped.split())
    if not stripped or words > _MAX_LONG_WORDS:
        return None
    reason = _short_line_reason(stripped, language) if words <= _MAX_WORDS else None
    return reason or next((r for r, pattern in _COMPILED_LONG if pattern.fullmatch(stripped)), None)


def _short_line_reason(stripped: str, language: Language | None) -> DropReason | None:
    """The reason of the first rule for short lines (English, then the article's language) matching."""
    for reason, pattern in _COMPILED:
        if pattern.fullmatch(stripped):
            if reason is DropReason.SUBSCRIBE and not _is_call_to_action(stripped):
                continue
            return reason
    if language is not None and not language.boilerplate:
        return None
    from audio_edition.ingest import boilerplate_languages as languages  # the first time one is needed

    for reason, pattern in languages.candidates(stripped, language):
        if pattern.fullmatch(stripped):
            if reason is DropReason.SUBSCRIBE and not _addresses_reader(
                stripped, languages.reader_words(language)
            ):
                continue
            return reason
    return None


def _is_call_to_action(line: str) -> bool:
    """A 'Subscribe'/'Sign up'/'Join' line is boilerplate only when it addresses the reader."""
    return _addresses_reader(line, _READER)


_READER = re.compile(
    r"\b(our|newsletter|free|today|now|here|updates|inbox|channel|whatsapp|telegram)\b", re.I
)


def _addresses_reader(line: str, words: re.Pattern[str]) -> bool:
    """Three words or fewer, or a word that speaks to the reader (`our`, `notre`, `unser`)."""
    return len(line.split()) <= 3 or bool(words.search(line))


_LIST_LABEL_LINE = re.compile(_LIST_LABEL + r"\s*:?", re.IGNORECASE)


def is_list_label(line: str) -> bool:
    """A line that only labels the list after it: `Tags`, `Topics:`, `Palavras-chave`."""
    return _LIST_LABEL_LINE.fullmatch(line.strip()) is not None


def is_word_list(line: str) -> bool:
    """A list of short items separated by commas, not a sentence: `stock car 2018, stock car brasil`."""
    items = [item.strip() for item in line.split(",")]
    short = all(0 < len(item.split()) <= 6 for item in items)
    return len(items) >= 3 and short and not line.rstrip().endswith((".", "!", "?"))
