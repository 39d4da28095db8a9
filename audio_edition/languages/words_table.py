"""The speaker model's words of a language built from a plain-text table (the form every language
but English keeps them in): space-separated lowercase words; `according` is comma-separated phrases;
`pronouns`, `gendered` and `honorifics` are `word:gender` pairs (`m`, `f`, `x` anyone, `-` unknown).
`auxiliaries` stand between a comma and a participle (`», a déclaré X`) and between a subject and its
verb; `skipped` only between a subject and its verb. Stopwords, titles, honorifics and organisation
words are added to the base language's (English's); the rest replace them.
"""

from __future__ import annotations

from collections.abc import Mapping

from audio_edition.languages.language import Words


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


def words_from_table(
    code: str, table: Mapping[str, str], base: Words, dotted: frozenset[str] = frozenset()
) -> Words:
    """The words of language `code` from its `table`, over `base` (English's); `dotted`: its words
    whose full stop ends no sentence in a name (`sra`, `dott`)."""
    return Words(
        code=code,
        verbs=_set(table["verbs"]),
        according=tuple(tuple(phrase.split()) for phrase in table["according"].split(",")),
        after_comma=_set(table.get("after_comma", "")),
        auxiliaries=_set(table["auxiliaries"]),
        inverted=_set(table.get("inverted", "")),
        pronouns=dict(pair.split(":") for pair in table["pronouns"].split()),
        unnamed=_set(table["unnamed"]),
        skipped=_set(table["auxiliaries"] + " " + table["skipped"]),
        not_subjects=_set(table["not_subjects"]),
        determiners=_set(table["determiners"]),
        definite=_set(table["definite"]),
        days=_set(table["days"]),
        day_preposition="",
        phrase_end=_set(table["phrase_end"]),
        role_stops=_set(table["phrase_end"] + " " + table.get("role_stops", "")),
        relatives=_set(table["relatives"]),
        stopwords=base.stopwords | _set(table["stopwords"]) | _set(table["days"]),
        titles=_titles(base.titles | _set(table["titles"]), table.get("title_heads", "")),
        honorifics=dict(base.honorifics)
        | {k: (None if g == "-" else g) for k, g in (p.split(":") for p in table["honorifics"].split())},
        org_words=base.org_words | _set(table["org_words"]),
        gendered=dict(pair.split(":") for pair in table["gendered"].split()),
        adverb_ending=table.get("adverb_ending", ""),
        title_cues=_set(table["title_cues"]),
        dotted=base.dotted | dotted,
        base=base,
    )


class CompoundTitles(frozenset[str]):
    """Titles of a language that builds them as compounds (German): a word is one when it is in
    the set, or ends in one of `heads` after a stem of its own (`Fraktionschef`, `Pressesprecherin`)."""

    heads: tuple[str, ...] = ()

    def __contains__(self, word: object) -> bool:
        if super().__contains__(word):
            return True
        return isinstance(word, str) and any(word.endswith(h) and len(word) >= len(h) + 3 for h in self.heads)


def _titles(titles: frozenset[str], heads: str) -> frozenset[str]:
    """The titles, as compounds of `heads` (space-separated) too when the language has any."""
    if not heads.split():
        return titles
    compound = CompoundTitles(titles)
    compound.heads = tuple(heads.split())
    return compound
