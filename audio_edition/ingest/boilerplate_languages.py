"""Boilerplate rules in French, German, Spanish, Italian and Portuguese, and the words of their bylines.

The rules are read like the English ones (`boilerplate.py`): each pattern must match the whole
stripped line, case-insensitively, so a sentence that merely holds such a word is kept ("La
publicité a changé la ville."). Rules marked `anywhere` are labels no English line is: they also
apply when the article's language is not known. The others (`Pub`, a short word an English heading
might be) apply only to an article known to be in their language. Patterns are compiled on first use.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from audio_edition.model import DropReason

_LABEL_TAIL = r"(\s*[:>\-–—|»]+.*)?"  # `LIRE AUSSI : Le maire répond`, `Leggi anche >> …`
_ANY = True  # a rule safe whatever the language
_KNOWN = False  # a rule read only in its own language

R = DropReason
# language -> (reason, pattern, safe anywhere)
RULES: dict[str, tuple[tuple[DropReason, str, bool], ...]] = {
    "fr": (
        (
            R.READ_ALSO,
            r"((à )?(lire|voir) (aussi|également|la suite)|sur le même sujet|nos articles (liés|similaires))"
            + _LABEL_TAIL,
            _ANY,
        ),
        (R.ADVERTISEMENT, r"(publicité|contenu (sponsorisé|partenaire)|article sponsorisé)\s*[:.]?", _ANY),
        (R.ADVERTISEMENT, r"pub\s*[:.]?", _KNOWN),
        (R.SHARE, r"partager( (sur|via|cet article|l['’]article)\b.{0,60})?", _ANY),
        (R.SUBSCRIBE, r"(abonnez-vous|inscrivez-vous|je m['’]abonne)\b.{0,100}", _ANY),
        (R.FOLLOW_US, r"suivez-nous (sur|on)\b.{0,80}", _ANY),
        (
            R.CONTINUE_READING,
            r"(la suite|l['’]article continue) (de l['’]article )?(après|ci-dessous|sous) "
            r"(cette|la) publicité\.?",
            _ANY,
        ),
        (R.COMMENTS, r"(\d+\s+)?(commentaires?|réagir|laisser un commentaire)\s*[:.]?", _ANY),
        (R.COPYRIGHT, r".{0,120}\btous droits réservés\.?", _ANY),
        (R.PHOTO_CREDIT, r"(crédits? photos?|crédit)\s*[:/|]\s*.{0,150}", _ANY),
        (R.DOWNLOAD_APP, r"téléchargez (notre|l['’]) ?(application|appli)\b.{0,80}", _ANY),
        (
            R.READING_TIME,
            r"(temps de )?lecture\s*:?\s*\d+\s*min(utes?)?\.?|\d+\s*min(utes?)? de lecture\.?",
            _ANY,
        ),
        (R.LISTEN, r"écouter (cet|l['’]) ?article\b.{0,40}", _ANY),
        (R.TAGS, r"(mots[- ]clés|thèmes)\s*:.{0,200}", _ANY),
        (R.CLICK_HERE, r"cliquez ici\b.*", _ANY),
        (R.PRINT, r"imprimer( (cet|l['’]) ?article)?", _ANY),
    ),
    "de": (
        (
            R.READ_ALSO,
            r"(lesen sie (auch|mehr)|mehr zum thema|auch interessant|das könnte sie auch interessieren|"
            r"siehe auch|weiterlesen)" + _LABEL_TAIL,
            _ANY,
        ),
        (R.ADVERTISEMENT, r"(anzeige|werbung|gesponsert)\s*[:.]?", _ANY),
        (R.SHARE, r"(artikel )?teilen( (auf|per|via)\b.{0,60})?", _ANY),
        (
            R.SUBSCRIBE,
            r"(jetzt )?(abonnieren|abonnement abschließen|(kostenlos )?registrieren)\b.{0,100}",
            _ANY,
        ),
        (R.FOLLOW_US, r"folgen sie uns (auf|bei)\b.{0,80}", _ANY),
        (
            R.CONTINUE_READING,
            r"((der )?artikel (geht|wird) (unter|nach) (der|dieser) (anzeige|werbung) weiter|"
            r"weiter nach der (anzeige|werbung))\.?",
            _ANY,
        ),
        (R.COMMENTS, r"(\d+\s+)?kommentare?\s*[:.]?", _ANY),
        (R.COPYRIGHT, r".{0,120}\balle rechte vorbehalten\.?", _ANY),
        (R.PHOTO_CREDIT, r"(foto|fotos|bild|bilder|grafik)\s*[:/|]\s*.{0,150}", _ANY),
        (R.DOWNLOAD_APP, r"(laden sie|holen sie sich) (unsere|die) .{0,30}app\b.{0,80}", _ANY),
        (R.READING_TIME, r"lesezeit\s*:?\s*\d+\s*min(uten)?\.?|\d+\s*min(uten)?\.? lesezeit", _ANY),
        (R.LISTEN, r"(artikel|beitrag) (anhören|vorlesen lassen)\b.{0,40}", _ANY),
        (R.TAGS, r"(schlagworte|schlagwörter|themen)\s*:.{0,200}", _ANY),
        (R.CLICK_HERE, r"(klicken sie hier|hier klicken)\b.*", _ANY),
        (R.PRINT, r"(artikel )?drucken", _ANY),
    ),
    "es": (
        (
            R.READ_ALSO,
            r"(lea también|lee también|te puede interesar|le puede interesar|también te puede interesar|"
            r"noticias relacionadas|contenido relacionado|ver también|más información)" + _LABEL_TAIL,
            _ANY,
        ),
        (R.ADVERTISEMENT, r"(publicidad|contenido patrocinado|patrocinado)\s*[:.]?", _ANY),
        (R.SHARE, r"(compartir|comparte)( (en|este artículo)\b.{0,60})?", _ANY),
        (R.SUBSCRIBE, r"(suscríbete|suscríbase|regístrate)\b.{0,100}", _ANY),
        (R.FOLLOW_US, r"síguenos en\b.{0,80}", _ANY),
        (
            R.CONTINUE_READING,
            r"((la noticia|el artículo) continúa (tras|después de) la publicidad|sigue leyendo)\.?",
            _ANY,
        ),
        (R.COMMENTS, r"(\d+\s+)?comentarios?\s*[:.]?", _ANY),
        (R.COPYRIGHT, r".{0,120}\btodos los derechos reservados\.?", _ANY),
        (R.PHOTO_CREDIT, r"(foto|fotos|fotografía|imagen)\s*[:/|]\s*.{0,150}", _ANY),
        (R.DOWNLOAD_APP, r"descarga (nuestra|la) (app|aplicación)\b.{0,80}", _ANY),
        (R.READING_TIME, r"(tiempo de )?lectura:? \d+ min(utos)?\.?|\d+\s*min(utos)? de lectura\.?", _ANY),
        (R.LISTEN, r"escuchar (este artículo|la noticia)\b.{0,40}", _ANY),
        (R.TAGS, r"(etiquetas|temas)\s*:.{0,200}", _ANY),
        (R.CLICK_HERE, r"((haz|haga) clic|pincha) aquí\b.*", _ANY),
        (R.PRINT, r"imprimir", _ANY),
    ),
    "it": (
        (
            R.READ_ALSO,
            r"(leggi anche|leggi pure|potrebbe interessarti|ti potrebbe interessare|articoli correlati|"
            r"per approfondire|vedi anche)" + _LABEL_TAIL,
            _ANY,
        ),
        (R.ADVERTISEMENT, r"(pubblicità|contenuto sponsorizzato|sponsorizzato)\s*[:.]?", _ANY),
        (R.SHARE, r"condividi( (su|questo articolo)\b.{0,60})?", _ANY),
        (R.SUBSCRIBE, r"(abbonati|iscriviti)\b.{0,100}", _ANY),
        (R.FOLLOW_US, r"seguici su\b.{0,80}", _ANY),
        (
            R.CONTINUE_READING,
            r"((l['’]articolo|la notizia) continua (dopo|sotto) la pubblicità|continua a leggere)\.?",
            _ANY,
        ),
        (R.COMMENTS, r"(\d+\s+)?commenti\s*[:.]?", _ANY),
        (R.COPYRIGHT, r".{0,120}\b(tutti i diritti riservati|riproduzione riservata)\.?", _ANY),
        (R.PHOTO_CREDIT, r"(foto|immagine|fotografia)\s*[:/|]\s*.{0,150}", _ANY),
        (R.DOWNLOAD_APP, r"scarica (la nostra|l['’]) ?app\b.{0,80}", _ANY),
        (R.READING_TIME, r"(tempo di )?lettura:? \d+ min(uti)?\.?|\d+\s*min(uti)? di lettura\.?", _ANY),
        (R.TAGS, r"(argomenti|temi)\s*:.{0,200}", _ANY),
        (R.CLICK_HERE, r"clicca qui\b.*", _ANY),
        (R.PRINT, r"stampa", _KNOWN),
    ),
    "pt": (
        (
            R.READ_ALSO,
            r"(leia também|leia mais|leia ainda|veja também|saiba mais|notícias relacionadas|"
            r"você pode gostar|pode também gostar)" + _LABEL_TAIL,
            _ANY,
        ),
        (R.ADVERTISEMENT, r"(publicidade|conteúdo patrocinado|patrocinado)\s*[:.]?", _ANY),
        (R.SHARE, r"(compartilhe|compartilhar|partilhe|partilhar)( (no|na|em|este artigo)\b.{0,60})?", _ANY),
        (R.SUBSCRIBE, r"(assine|subscreva|inscreva-se)\b.{0,100}", _ANY),
        (R.FOLLOW_US, r"siga-nos (no|na|em)\b.{0,80}", _ANY),
        (
            R.CONTINUE_READING,
            r"(continua (depois|após) (a|da) publicidade|continue lendo|continuar a ler)\.?",
            _ANY,
        ),
        (R.COMMENTS, r"(\d+\s+)?comentários?\s*[:.]?", _ANY),
        (R.COPYRIGHT, r".{0,120}\btodos os direitos reservados\.?", _ANY),
        (R.PHOTO_CREDIT, r"(foto|fotos|fotografia|imagem)\s*[:/|]\s*.{0,150}", _ANY),
        (
            R.DOWNLOAD_APP,
            r"(baixe (o nosso|nosso|o) (app|aplicativo)|descarregue a (nossa )?app(licação)?)\b.{0,80}",
            _ANY,
        ),
        (R.READING_TIME, r"(tempo de )?leitura:? \d+ min(utos)?\.?|\d+\s*min(utos)? de leitura\.?", _ANY),
        (R.TAGS, r"(temas|tópicos)\s*:.{0,200}", _ANY),
        (R.CLICK_HERE, r"clique aqui\b.*", _ANY),
        (R.PRINT, r"imprimir", _ANY),
    ),
}

# The words a line that subscribes addresses the reader with (`Abonnez-vous à notre newsletter`).
READER_WORDS = {
    "fr": r"notre|nos|newsletter|gratuit\w*|maintenant|ici|offre|€",
    "de": r"unser\w*|newsletter|kostenlos|jetzt|hier|angebot|€",
    "es": r"nuestr[oa]s?|newsletter|boletín|gratis|ahora|aquí|oferta|€",
    "it": r"nostr[aoie]|newsletter|gratis|gratuit\w*|ora|qui|offerta|€",
    "pt": r"noss[oa]s?|newsletter|grátis|gratuit\w*|agora|aqui|oferta|€|r\$",
}

# The word a byline opens with, per language (`Par Marie Dupont`, `Di Mario Rossi`).
BYLINE_WORDS = {
    "fr": r"par|propos recueillis par",
    "de": r"von|text:?",
    "es": r"por|texto:?",
    "it": r"di|a cura di|testo di",
    "pt": r"por|de|texto:?",
}


# Lines longer than this are prose: in an article whose language is not known, no other language's
# rules are tried on them (an English paragraph met 4-letter hints such as `publ` and `part`, and
# compiled French and Spanish rules for nothing: 8 ms of every script run).
UNKNOWN_LANGUAGE_MAX_WORDS = 15


def candidates(line: str, language: str | None) -> Iterator[tuple[DropReason, re.Pattern[str]]]:
    """The rules for an article in `language` (its own, or every language's safe ones when it is not
    known) that may match `line`: those with a word of theirs in it, compiled the first time one is
    needed, so a line of another language costs one search and no compiling."""
    if language is None and len(line.split()) > UNKNOWN_LANGUAGE_MAX_WORDS:
        return  # another language's label in an article of unknown language is a short line
    rules = _picked(language)
    present = {word[:4] for word in _WORD.findall(line.lower()) if len(word) >= 4}
    for reason, pattern, hints in rules:
        if not hints or not present.isdisjoint(hints):
            yield reason, _compile(pattern)


@functools.cache
def _picked(language: str | None) -> tuple[tuple[DropReason, str, frozenset[str]], ...]:
    """The rules picked for `language`, each with its hints (the starts of its words)."""
    if language is None:
        picked = [(reason, pattern) for rules in RULES.values() for reason, pattern, safe in rules if safe]
    else:
        picked = [(reason, pattern) for reason, pattern, _ in RULES.get(language, ())]
    return tuple((reason, pattern, _hints(pattern)) for reason, pattern in picked)


_WORD = re.compile(r"\w+")


def _hints(pattern: str) -> frozenset[str]:
    """Four-letter starts of the longer words a pattern spells (`publicité` -> `publ`): a line it
    matches holds one of them (empty: the pattern is always tried)."""
    words = re.findall(r"[^\W\d_]{4,}", re.sub(r"\\.", " ", pattern))
    return frozenset(w.lower()[:4] for w in words)


@functools.cache
def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


@functools.cache
def reader_words(language: str | None) -> re.Pattern[str]:
    """The words that show a line addresses the reader, in `language` (every language when unknown)."""
    words = READER_WORDS.values() if language is None else [READER_WORDS.get(language, r"(?!)")]
    return re.compile(rf"(?<!\w)({'|'.join(words)})(?!\w)", re.IGNORECASE)
