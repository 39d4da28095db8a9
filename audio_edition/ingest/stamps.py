"""Publication stamps: a line that is only a date and time, perhaps labelled (`PUBLISHED: 10:48 |
UPDATED: 11:05`, `Updated Sat 8:31 PM, Feb 17, 2018`, `sexta-feira, 22 de outubro de 2010 às 20:13`).
Such a line says when the page was made, which the opening already says: it is not read."""

from __future__ import annotations

import re

# Words a stamp is made of besides numbers: labels, weekdays and months (English, French, German,
# Spanish, Italian, Portuguese, in full and abbreviated), the small words between them, clock words.
_LABELS = (
    "published updated posted modified last first created on at by de do da del di le am um à às a "
    "et edt est cst cdt pst pdt mst mdt gmt utc bst cet cest ist aest jst h hrs uhr heure horas ore "
    "publicado atualizado actualizado actualizada publié mis jour veröffentlicht aktualisiert "
    "pubblicato aggiornato em en el il der y and of pm a.m p.m"
)
_CALENDAR = (
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun "
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec "
    "lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril mai juin juillet "
    "août septembre octobre novembre décembre "
    "montag dienstag mittwoch donnerstag freitag samstag sonntag januar februar märz juni juli oktober "
    "dezember "
    "lunes martes miércoles jueves viernes sábado domingo enero febrero marzo abril mayo junio julio "
    "agosto septiembre setiembre octubre noviembre diciembre "
    "lunedì martedì mercoledì giovedì venerdì sabato domenica gennaio febbraio aprile maggio giugno "
    "luglio settembre ottobre dicembre "
    "segunda terça quarta quinta sexta sábado feira janeiro fevereiro março maio junho julho setembro "
    "outubro novembro dezembro"
)
_WORDS = frozenset((_LABELS + " " + _CALENDAR).split())
_NUMBER = re.compile(r"^\d{1,4}(?:[:./h-]\d{1,4}){0,3}(?:am|pm|h|st|nd|rd|th|º|°)?$", re.IGNORECASE)
_TOKEN = re.compile(r"[^\s,|/·•–—:()\[\]]+")


_LABELLED = re.compile(
    r"^[^.!?:]{1,60}?\s(published|updated|posted|publicado|atualizado|actualizado|publié|"
    r"veröffentlicht|aktualisiert|pubblicato|aggiornato)\b(?P<stamp>.+)$",
    re.IGNORECASE,
)


def is_timestamp(line: str) -> bool:
    """Whether `line` is only a date or time, labelled or not (`Updated Sat 8:31 PM`), or a source's
    name and such a stamp (`The Associated Press Published Monday, 8:22AM EST`): at least one number
    and one calendar word or clock time, nothing that is not part of a stamp."""
    labelled = _LABELLED.match(line.strip())
    if labelled and _is_stamp(labelled.group("stamp")):
        return True
    return _is_stamp(line)


def _is_stamp(line: str) -> bool:
    tokens = [t.strip(".").lower() for t in _TOKEN.findall(line.replace(":", " : ").replace("-", " - "))]
    tokens = [t for t in tokens if t and t != "-"]
    if not 2 <= len(tokens) <= 16:
        return False
    numbers = sum(bool(_NUMBER.match(t)) for t in tokens)
    calendar = sum(t in _WORDS for t in tokens)
    clock = re.search(r"\b\d{1,2}[:.h]\d{2}\b", line) is not None
    dated = re.search(r"\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b", line) is not None
    if numbers + calendar != len(tokens) or numbers == 0:
        return False
    return clock or dated or any(t in _CALENDAR.split() for t in tokens)
