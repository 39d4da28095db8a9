"""Who said each quotation: speech-verb clauses, attribution lines, pronouns and continued quotes.

For each `speech` quotation, in reading order: the attribution line under its block quote; else a
speech clause (`Peskov said`, `said Ruth Abebe`, `according to X`, `she said`) in the sentence of one
of its spans, nearest first, a clause naming a person beating one naming nobody; else a clause
naming a person elsewhere in its paragraph; else, when it opens its paragraph, the speaker of the
previous paragraph's last quotation (if no other person is named after it, the description of that
speaker aside) or of its last sentence's speech clause (`X said:`, `X said the vote was rigged.`).

Names are given as first written in full (`Peskov said` -> `Dmitry Peskov`, even when the full name
comes later), without honorifics or titles (`Dr. Amara Osei` -> `Amara Osei`). Unnamed speakers (`the
Kremlin said`, `a spokesperson said`, `the minister said` unless an apposition named the minister)
and single words never introduced as a full name (`Moscow said`) give None. In `X said that Y …
“…”` the reporting speaker X is nearest only when Y has no speech verb. Names are looked for in the
article's running text (not headings), never inside quotations.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from audio_edition.ingest.signature import read_signature
from audio_edition.languages.language import Language
from audio_edition.model import Block
from audio_edition.script.attribution_doc import READ, Clause, Doc
from audio_edition.script.names import (
    Token,
    clean_name,
    name_at,
    run_words,
    sentences,
    tokenize,
)
from audio_edition.script.people import Pos, cast_of
from audio_edition.script.quotations import Quotation, QuoteSpan
from audio_edition.script.referents import antecedent, described_person, group_named, groups
from audio_edition.script.subjects import (
    Subject,
    according,
    inverted_subject,
    opens_clause,
    subject_after,
    subject_before,
)
from audio_edition.script.words import ENGLISH, Words, reading_words

_MARKS = "“”‘’\"'«»„‚‹› "


def attribute_speakers(
    blocks: Sequence[Block], quotations: Sequence[Quotation], language: Language | None = None
) -> list[str | None]:
    """The speaker of each quotation (full name as first written in the article), or None.

    `language` picks the speech verbs and words read (None: the language the quotations were found in).
    """
    language = language or (quotations[0].language if quotations else None)
    words = reading_words(language, (b.text for b in blocks)) if language is not None else ENGLISH
    doc = prepare(blocks, quotations, words)
    speakers: list[str | None] = [None] * len(quotations)
    for qi in sorted(
        range(len(quotations)), key=lambda k: _quote_pos(doc, k, 0) if quotations[k].spans else (0, 0)
    ):
        if quotations[qi].kind == "speech" and quotations[qi].spans:
            who = speakers[qi] = decide(doc, qi, speakers)
            if who is not None:
                doc.events.append((_quote_pos(doc, qi, 0), who))
    return speakers


def prepare(blocks: Sequence[Block], quotations: Sequence[Quotation], words: Words = ENGLISH) -> Doc:
    """Token streams with one token per quotation span, the article's cast, and its narrated speakers."""
    spans: list[list[tuple[int, int, int]]] = [[] for _ in blocks]
    for qi, quotation in enumerate(quotations):
        for span in quotation.spans:
            spans[span.block].append((span.start, span.end, qi))
    tokens = [block_tokens(block.text, sorted(spans[b])) for b, block in enumerate(blocks)]
    doc = Doc(
        blocks, quotations, tokens, cast_of(tokens, [b.kind == "heading" for b in blocks], words), words=words
    )
    doc.quote_at = {(t.quote, t.start): i for stream in tokens for i, t in enumerate(stream) if t.quote >= 0}
    doc.sentence_bounds = [sentences(stream, words) for stream in tokens]
    doc.groups = groups(doc)
    for b, stream in enumerate(tokens):
        for lo, hi in sentences(stream, words):
            for clause in clauses(doc, b, lo, hi):
                who = resolve(doc, clause) if clause.subject.name or clause.subject.organisation else None
                if who is not None:
                    doc.events.append((clause.at, who))
    return doc


def block_tokens(text: str, spans: Sequence[tuple[int, int, int]]) -> list[Token]:
    """A block's running text as tokens, each quotation span standing as a single token."""
    out: list[Token] = []
    cursor = 0
    for start, end, qi in spans:
        out += tokenize(text[cursor:start], cursor)
        words = text[start:end].rstrip(_MARKS)
        out.append(Token(text[start:end] or " ", start, qi, words.endswith((".", "!", "?", "…"))))
        cursor = max(cursor, end)
    return out + tokenize(text[cursor:], cursor)


def decide(doc: Doc, qi: int, speakers: Sequence[str | None]) -> str | None:
    """The speaker of one quotation: its attribution line, its sentence, its paragraph, or the one before."""
    line = attribution_line(doc, doc.quotations[qi])
    if line is not None:
        return line
    spans = _span_order(doc.quotations[qi].spans)
    for local in (True, False):
        for k in spans:
            found, who = pick(doc, nearby_clauses(doc, qi, k, local), settle=local)
            if found:
                return who
        subject = sentence_subject(doc, qi) if local else None
        if subject is not None:
            return subject
    return continuation(doc, qi, speakers)


def sentence_subject(doc: Doc, qi: int) -> str | None:
    """The person opening the quotation's sentence when no speech verb names anyone: `The
    chancellor, Rachel Osei, has defended the budget, saying it could not “…”`."""
    block, at = _quote_pos(doc, qi, 0)
    bounds = doc.sentence_bounds[block]
    lo = bounds[max(0, bisect.bisect_right(bounds, (at, len(doc.tokens[block]))) - 1)][0]
    opener = [
        (i, who)
        for (b, i), who in doc.cast.people
        if b == block and lo <= i < at and (b, i) in doc.cast.subjects
    ]
    if not opener or acted_upon(doc.tokens[block], opener[0][0], at):
        return None
    return opener[0][1]


_PASSIVE = frozenset("was were is are been being got get gets".split())
_PARTICIPLES = frozenset(
    """threatened attacked targeted warned sued told shown sent given hit struck shot killed hurt
    injured abused harassed insulted named accused charged""".split()
)


def acted_upon(tokens: Sequence[Token], name_at: int, end: int) -> bool:
    """The person opening the sentence is the one something is done to (`Congresswoman Lee was
    threatened by a caller who said “…”`, `Lee received a threat from a man, saying “…”`): the
    object of the sentence, never the speaker of its quotation."""
    words = [t.word.lower() for t in tokens[name_at:end] if t.word]
    for k, word in enumerate(words[:-1]):
        if word in _PASSIVE and (words[k + 1] in _PARTICIPLES or words[k + 1].endswith("ed")):
            return True
    return any(w in ("threat", "threats", "voicemail", "message", "letter") for w in words[:8]) and any(
        w in ("received", "got", "gets", "receives") for w in words[:6]
    )


def _span_order(spans: Sequence[QuoteSpan]) -> list[int]:
    """Spans to search near: the first, the last, then those between."""
    return list(dict.fromkeys([0, len(spans) - 1, *range(1, len(spans) - 1)]))


def _quote_pos(doc: Doc, qi: int, k: int) -> Pos:
    """Where span `k` of quotation `qi` sits in its block's token stream."""
    span = doc.quotations[qi].spans[k]
    return span.block, doc.quote_at.get((qi, span.start), 0)


def attribution_line(doc: Doc, quotation: Quotation) -> str | None:
    """The name on the attribution line after the block quote holding the quotation, if any."""
    k = quotation.spans[-1].block
    if doc.blocks[k].kind != "blockquote":
        return None
    while k < len(doc.blocks) and doc.blocks[k].kind == "blockquote":
        k += 1
    if k == len(doc.blocks) or doc.blocks[k].kind != "attribution":
        return None
    body = read_signature(doc.blocks[k].text).name
    tokens = tokenize(body)
    if not tokens or not all(t.word or t.text == "." for t in tokens):
        return None
    name = clean_name(run_words(tokens, 0, len(tokens)), doc.words)
    return None if name is None else doc.cast.full_name(name) or name.text


def nearby_clauses(doc: Doc, qi: int, k: int, local: bool) -> list[Clause]:
    """Speech clauses in the span's sentence (`local`) or elsewhere in its paragraph (up to
    `_REACH` sentences away, so a huge paragraph costs no more per quotation), nearest first."""
    block, at = _quote_pos(doc, qi, k)
    bounds = doc.sentence_bounds[block]
    here = max(0, bisect.bisect_right(bounds, (at, len(doc.tokens[block]))) - 1)
    picked = [here] if local else [j for j in range(here - _REACH, here + _REACH + 1) if j != here]
    found: list[Clause] = []
    for j in picked:
        if 0 <= j < len(bounds):
            found += clauses(doc, block, *bounds[j])
    return sorted(found, key=lambda c: (abs(c.at[1] - at), c.at[1] < at))


_REACH = 8


def clauses(doc: Doc, block: int, lo: int, hi: int) -> list[Clause]:
    """The speech clauses of one sentence (tokens lo..hi of a block)."""
    tokens, words = doc.tokens[block], doc.words
    out = []
    for v in range(lo, hi):
        word = tokens[v].word.lower()
        subject: Subject | None = None
        perfect = word in words.perfects and v > lo and tokens[v - 1].word.lower() in words.have
        if word in words.verbs or perfect:
            subject = subject_before(tokens, v, lo, words)
            if subject is None and opens_clause(tokens, v, lo, words):
                subject = subject_after(tokens, v + 1, hi, words)  # “…,” said Ruth Abebe
        elif words.inverted and "-" in word:
            subject = inverted_subject(tokens, v, hi, words)  # « … », dit-il / a-t-elle ajouté
        else:
            after = according(tokens, v, hi, words)
            if after is not None:
                subject = subject_after(tokens, after, hi, words)
        if subject is not None:
            out.append(Clause((block, v), subject))
    return out


def pick(doc: Doc, found: Sequence[Clause], settle: bool = True) -> tuple[bool, str | None]:
    """The first clause naming a person wins; else, with `settle`, clauses naming nobody settle on None."""
    for clause in found:
        who = resolve(doc, clause)
        if who is not None:
            return True, who
    return settle and bool(found), None


def resolve(doc: Doc, clause: Clause) -> str | None:
    """The person a clause's subject refers to, if any."""
    subject = clause.subject
    if subject.organisation is not None:
        doc.bodies.add(subject.organisation)
        return subject.organisation
    if subject.name is not None:
        return doc.cast.full_name(subject.name)
    if subject.pronoun is not None:
        return antecedent(doc, subject.pronoun, clause.at)
    if subject.described:
        return described_person(doc, clause.at)
    if subject.role is None:
        return None
    return doc.cast.holder(subject.role, clause.at) or group_named(doc, subject.role, clause.at)


def continuation(doc: Doc, qi: int, speakers: Sequence[str | None]) -> str | None:
    """A paragraph opening with a quotation continues the previous paragraph's speaker (or its `X said:`)."""
    first = doc.quotations[qi].spans[0]
    b = first.block
    if b == 0 or doc.blocks[b].text[: first.start].strip() or doc.blocks[b - 1].kind not in READ:
        return None
    tokens = doc.tokens[b - 1]
    lo, hi = doc.sentence_bounds[b - 1][-1] if tokens else (0, 0)
    if doc.blocks[b - 1].text.rstrip().endswith(":"):
        return pick(doc, clauses(doc, b - 1, lo, hi)[::-1])[1]
    last = [i for i, t in enumerate(tokens) if t.quote >= 0 and doc.quotations[t.quote].kind == "speech"]
    if not last:
        return reported(doc, b - 1, lo, hi)
    who = speakers[tokens[last[-1]].quote]
    described = apposition_of(doc, b - 1, who, last[-1])
    after = [(at, p) for at, p in doc.cast.people if at[0] == b - 1 and at[1] > last[-1]]
    return None if {p for at, p in after if at[1] not in described} - {who} else who


def apposition_of(doc: Doc, b: int, who: str | None, quote: int) -> range:
    """The tokens of the description after the speaker's name in the sentence of the quotation at
    token `quote` of block `b` (`said Ana Ruiz, research director for the Middle East at Amnesty
    International.`): from the comma after the name to the next comma or the sentence's end. The
    people named there describe the speaker and do not interrupt them."""
    tokens = doc.tokens[b]
    lo, hi = next((lo, hi) for lo, hi in doc.sentence_bounds[b] if lo <= quote < hi)
    for (block, at), person in doc.cast.people:
        if block != b or person != who or not lo <= at < hi:
            continue
        found = name_at(tokens, at, doc.words)
        end = found[2] if found else at + 1
        if end < hi and tokens[end].text == ",":
            stop = next((k for k in range(end + 1, hi) if tokens[k].text == ","), hi)
            return range(end, stop)
    return range(0)


def reported(doc: Doc, b: int, lo: int, hi: int) -> str | None:
    """The person whose words the last sentence (tokens lo..hi of block `b`) reports, when nobody else
    is named after its speech clause: `Ruiz said the vote was rigged.` before a paragraph that is all
    quotation."""
    found = clauses(doc, b, lo, hi)
    if not found:
        return None
    clause = found[-1]
    who = resolve(doc, clause)
    others = {p for at, p in doc.cast.people if at[0] == b and at[1] > clause.at[1]} - {who}
    return None if others else who
