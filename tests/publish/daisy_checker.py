"""A DAISY 2.02 checker written from the specification (www.daisy.org/z3986/specifications/daisy_202.html):
`check_book(folder)` lists every way the talking book in `folder` breaks a rule, as sentences naming
the file, the rule and where the specification states it; an empty list means it passed.

Sources: the metadata table of Appendix 2 ("Tabular presentations of metadata sets"), the NCC rules
(#ncc), the SMIL rules (#smil, the <audio> attributes #smilaudi), the master SMIL (#mastersmil),
the text content documents (#textdoc), and the timing and link checks of the DAISY Pipeline's 2.02
validator (which compares stated times with the clips in whole seconds, as the specification
recommends hh:mm:ss). The files carry DOCTYPEs with external DTDs: expat does not fetch them.
"""

from __future__ import annotations

import codecs
import datetime as dt
import math
import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from audio_edition.audio.ffmpeg import decode_audio

APPENDIX_2 = "Appendix 2"
NCC_RULES, SMIL_RULES, AUDIO_RULES, MASTER_RULES = "#ncc", "#smil", "#smilaudi", "#mastersmil"
TYPES = ("audioOnly", "audioNcc", "audioPartText", "audioFullText", "textPartAudio", "textNcc")
PAGE_CLASSES = ("page-normal", "page-front", "page-special")
SPAN_CLASSES = (*PAGE_CLASSES, "noteref", "sidebar", "optional-prodnote")
# The SMIL metadata set: dc:format is mandatory, the others occur at most once.
SMIL_METAS = {
    "dc:format", "dc:identifier", "dc:title", "ncc:generator", "ncc:timeInThisSmil",
    "ncc:totalElapsedTime", "title",
}  # fmt: skip
SMIL_EXPECTED = ("dc:identifier", "ncc:timeInThisSmil", "ncc:totalElapsedTime")
HMS = re.compile(r"^\d{2,}:[0-5]\d:[0-5]\d(\.\d+)?$")


# --- values -------------------------------------------------------------------------------------
def _text(value: str) -> str | None:
    return None if value.strip() else "is empty"


def _integer(value: str) -> str | None:
    return None if value.isdigit() else "is not a whole number"


def _date(value: str) -> str | None:
    wrong = "is not a date written yyyy-mm-dd"
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return wrong
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return wrong
    return None


def _clock(value: str) -> str | None:
    return None if HMS.match(value) else "is not a time written hh:mm:ss"


def _depth(value: str) -> str | None:
    return None if value in {"1", "2", "3", "4", "5", "6"} else "is not a heading depth from 1 to 6"


def _language(value: str) -> str | None:
    return None if re.fullmatch(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*", value) else "is not an RFC 1766 tag"


def _charset(value: str) -> str | None:
    try:
        codecs.lookup(value)
    except LookupError:
        return "is not a character set"
    return None


def _set_info(value: str) -> str | None:
    found = re.fullmatch(r"(\d+) of (\d+)", value)
    return None if found and 1 <= int(found[1]) <= int(found[2]) else "is not written 'n of m'"


def _one_of(*allowed: str) -> Callable[[str], str | None]:
    return lambda value: None if value in allowed else f"is not one of {', '.join(allowed)}"


@dataclass(frozen=True)
class Item:
    """A row of Appendix 2's NCC table: how often the item may occur, what its value must look like,
    and whether its absence is a problem (mandatory items, and recommended items every producer
    can state; those about the print source are demanded only of a book that knows its source)."""

    level: str
    value: Callable[[str], str | None] = _text
    many: bool = False
    demanded: bool = True


MAN, REC, OPT = "mandatory", "recommended", "optional"
WHEN_USED = "mandatory when the book has any (recommended as 0 when it has none)"
SET_INFO = "mandatory in a multi-volume set (recommended as '1 of 1' for one volume)"
NCC_TABLE: dict[str, Item] = {
    "dc:contributor": Item(OPT, many=True, demanded=False),
    "dc:coverage": Item(OPT, many=True, demanded=False),
    "dc:creator": Item(MAN, many=True),  # "Unknown" when no author is known
    "dc:date": Item(MAN, _date),
    "dc:description": Item(OPT, many=True, demanded=False),
    "dc:format": Item(MAN, _one_of("Daisy 2.02")),
    "dc:identifier": Item(MAN),
    "dc:language": Item(MAN, _language, many=True),
    "dc:publisher": Item(MAN),
    "dc:relation": Item(OPT, many=True, demanded=False),
    "dc:rights": Item(OPT, many=True, demanded=False),
    "dc:source": Item(REC, demanded=False),
    "dc:subject": Item(REC, many=True, demanded=False),
    "dc:title": Item(MAN),
    "dc:type": Item(OPT, many=True, demanded=False),
    "ncc:charset": Item(MAN, _charset),
    "ncc:depth": Item(REC, _depth),
    "ncc:files": Item(REC, _integer),
    "ncc:footnotes": Item(WHEN_USED, _integer),
    "ncc:generator": Item(OPT, demanded=False),
    "ncc:kByteSize": Item(OPT, _integer, demanded=False),
    "ncc:maxPageNormal": Item(REC, _integer),
    "ncc:multimediaType": Item(REC, _one_of(*TYPES)),
    "ncc:narrator": Item(REC, many=True),
    "ncc:pageFront": Item(MAN, _integer),
    "ncc:pageNormal": Item(MAN, _integer),
    "ncc:pageSpecial": Item(MAN, _integer),
    "ncc:prodNotes": Item(WHEN_USED, _integer),
    "ncc:producer": Item(OPT, demanded=False),
    "ncc:producedDate": Item(OPT, _date, demanded=False),
    "ncc:revision": Item(OPT, _integer, demanded=False),
    "ncc:revisionDate": Item(OPT, _date, demanded=False),
    "ncc:setInfo": Item(SET_INFO, _set_info),
    "ncc:sidebars": Item(WHEN_USED, _integer),
    "ncc:sourceDate": Item(REC, _date, demanded=False),
    "ncc:sourceEdition": Item(REC, demanded=False),
    "ncc:sourcePublisher": Item(REC, demanded=False),
    "ncc:sourceRights": Item(OPT, demanded=False),
    "ncc:sourceTitle": Item("mandatory when the print title is not dc:title", demanded=False),
    "ncc:tocItems": Item(MAN, _integer),
    "ncc:totalTime": Item(MAN, _clock),
}


# --- parsing ------------------------------------------------------------------------------------
def local(tag: str) -> str:
    """An element's name without its namespace."""
    return tag.rsplit("}", 1)[-1]


def metas(root: ET.Element) -> dict[str, list[str]]:
    """Every named <meta> of a document's head: name -> its contents, in order."""
    out: dict[str, list[str]] = {}
    for element in root.iter():
        if local(element.tag) == "meta" and element.get("name") is not None:
            out.setdefault(element.get("name", ""), []).append(element.get("content", ""))
    return out


def seconds(value: str) -> float | None:
    """A SMIL 1.0 clock value (full or partial clock, or timecount, `npt=` allowed) in seconds."""
    value = value.removeprefix("npt=").strip()
    clock = re.fullmatch(r"(?:(\d+):)?(\d{1,2}):(\d{2}(?:\.\d+)?)", value)
    if clock:
        return int(clock[1] or 0) * 3600 + int(clock[2]) * 60 + float(clock[3])
    count = re.fullmatch(r"(\d+(?:\.\d+)?)(h|min|s|ms)?", value)
    if count:
        return float(count[1]) * {"h": 3600, "min": 60, "s": 1, "ms": 0.001, None: 1}[count[2]]
    return None


def slack(value: str) -> float:
    """How far a stated time may be from the truth because of the digits it is written with."""
    digits = re.search(r"\.(\d+)", value)
    return 0.5 * 10 ** -(len(digits[1]) if digits else 0) + 1e-6


@cache
def audio_seconds(path: Path, size: int, mtime: float) -> float:
    """The decoded length of an audio file (cached by path, size and time of change)."""
    return decode_audio(path).duration


@dataclass
class Smil:
    """What the checker learns of one SMIL file: its metadata, its ids, its clips in order."""

    name: str
    root: ET.Element
    metas: dict[str, list[str]]
    clips: list[tuple[str, float, float]] = field(default_factory=list)  # (audio file, begin, end)

    @property
    def duration(self) -> float:
        """Seconds this SMIL plays: the sum of its clips."""
        return sum(end - begin for _, begin, end in self.clips)


# --- the checker ----------------------------------------------------------------------------------
class Checker:
    """Collects the problems of one book; `run` checks it all."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.problems: list[str] = []
        self.docs: dict[str, ET.Element | None] = {}
        self.texts: set[str] = set()  # the text content documents the SMIL files point into

    def problem(self, where: str, what: str, rule: str) -> None:
        """Record `what` is wrong in `where`, citing `rule`."""
        self.problems.append(f"{where}: {what} ({rule})")

    def parse(self, name: str) -> ET.Element | None:
        """The file's root element (parsed once), or None with a problem when it is not XML."""
        if name not in self.docs:
            try:
                self.docs[name] = ET.parse(self.folder / name).getroot()
            except (ET.ParseError, OSError) as error:
                self.problem(name, f"cannot be read as XML ({error})", "XHTML 1.0 / SMIL 1.0 are XML")
                self.docs[name] = None
        return self.docs[name]

    def run(self) -> list[str]:
        """Check the book and return its problems."""
        names = sorted(p.name for p in self.folder.iterdir())
        nccs = [n for n in names if n.lower() == "ncc.html"]
        if len(nccs) != 1:
            self.problem(self.folder.name, f"has {len(nccs)} NCC files, not exactly one", NCC_RULES)
            return self.problems
        ncc = self.parse(nccs[0])
        if ncc is None:
            return self.problems
        self.ncc_name, self.ncc = nccs[0], ncc
        self.stated = metas(ncc)
        self.metadata()
        spine = self.structure()
        smils = [s for s in (self.smil(name) for name in spine) if s is not None]
        unread = {n for n in names if n.lower().endswith(".smil") and n != "master.smil"} - set(spine)
        for name in sorted(unread):
            self.problem(name, "is a SMIL file the NCC never links to", NCC_RULES)
        self.timing(smils)
        self.master([s.name for s in smils], sum(s.duration for s in smils))
        self.fileset(smils)
        return self.problems

    # --- NCC metadata (Appendix 2) -----------------------------------------------------------
    def metadata(self) -> None:
        """Every item of the table: present as often as it must be, its value well formed."""
        for name, item in NCC_TABLE.items():
            values = self.stated.get(name, [])
            if not values and item.demanded:
                self.problem(self.ncc_name, f"{name} is {item.level} but missing", APPENDIX_2)
            if len(values) > 1 and not item.many:
                self.problem(self.ncc_name, f"{name} occurs {len(values)} times, at most once", APPENDIX_2)
            for value in values:
                wrong = item.value(value)
                if wrong:
                    self.problem(self.ncc_name, f"{name} {value!r} {wrong}", APPENDIX_2)
        for name in self.stated:
            if name.startswith(("dc:", "ncc:")) and name not in NCC_TABLE:
                self.problem(self.ncc_name, f"{name} is no item of the NCC metadata set", APPENDIX_2)
        title = next((e for e in self.ncc.iter() if local(e.tag) == "title"), None)
        if title is None or not (title.text or "").strip():
            self.problem(self.ncc_name, "the head has no <title>", NCC_RULES)
        self.charset()

    def charset(self) -> None:
        """ncc:charset names the encoding every text file of the book is written in."""
        charset = self.one("ncc:charset")
        if not charset or _charset(charset):
            return
        for path in sorted(self.folder.iterdir()):
            if path.suffix.lower() not in (".html", ".smil", ".htm"):
                continue
            data = path.read_bytes()
            declared = re.match(rb"<\?xml[^>]*encoding=[\"']([^\"']+)", data)
            if declared and codecs.lookup(declared[1].decode()).name != codecs.lookup(charset).name:
                self.problem(
                    path.name, f"declares {declared[1].decode()}, not ncc:charset {charset}", APPENDIX_2
                )
            try:
                data.decode(charset)
            except UnicodeDecodeError:
                self.problem(path.name, f"is not written in ncc:charset {charset}", APPENDIX_2)

    def one(self, name: str) -> str | None:
        """The NCC's single value of `name`, or None."""
        values = self.stated.get(name, [])
        return values[0] if values else None

    def agrees(self, name: str, actual: int | str, rule: str = APPENDIX_2) -> None:
        """A stated count (or value) of the NCC must be what the book holds."""
        stated = self.one(name)
        if stated is not None and stated != str(actual):
            self.problem(self.ncc_name, f"{name} states {stated} but the book has {actual}", rule)

    # --- NCC structure ----------------------------------------------------------------------
    def structure(self) -> list[str]:
        """The NCC body's rules; returns the SMIL files in the order the NCC first links to them."""
        body = next((e for e in self.ncc if local(e.tag) == "body"), None)
        if local(self.ncc.tag) != "html" or body is None:
            self.problem(self.ncc_name, "is not an XHTML document with a body", NCC_RULES)
            return []
        items = list(body)
        first = items[0] if items else None
        if first is None or local(first.tag) != "h1" or first.get("class") != "title":
            self.problem(self.ncc_name, 'the first element of the body is not <h1 class="title">', NCC_RULES)
        self.unique_ids(self.ncc_name, self.ncc)
        level, depth, spine, links = 0, 0, [], []
        for element in items:
            tag, css = local(element.tag), element.get("class", "")
            if not element.get("id"):
                self.problem(self.ncc_name, f"<{tag}> has no id", NCC_RULES)
            if re.fullmatch(r"h[1-6]", tag):
                if int(tag[1]) > level + 1:
                    self.problem(self.ncc_name, f"<{tag}> follows a level-{level} heading", NCC_RULES)
                level = int(tag[1])
                depth = max(depth, level)
            elif not (tag == "span" and css in SPAN_CLASSES or tag == "div" and css == "group"):
                self.problem(self.ncc_name, f'<{tag} class="{css}"> may not be in the body', NCC_RULES)
            anchors = [c for c in element if local(c.tag) == "a"]
            if len(anchors) != 1 or len(element) != 1:
                self.problem(
                    self.ncc_name, f"<{tag} id={element.get('id')}> must hold exactly one <a>", NCC_RULES
                )
                continue
            links.append(anchors[0].get("href", ""))
        for href in links:
            file, _, fragment = href.partition("#")
            target = self.parse(file) if (self.folder / file).is_file() and file.endswith(".smil") else None
            found = target is not None and any(
                e.get("id") == fragment and local(e.tag) in ("par", "text") for e in target.iter()
            )
            if not found:
                self.problem(self.ncc_name, f"link {href!r} does not reach a SMIL <par> or <text>", NCC_RULES)
            elif file not in spine:
                spine.append(file)
        self.reading_order(links, spine)
        self.counts(items, depth)
        return spine

    def reading_order(self, links: list[str], spine: list[str]) -> None:
        """The NCC's links follow the book: SMIL files in order, and within one, <par>s in order."""
        last = (-1, -1)
        for href in links:
            file, _, fragment = href.partition("#")
            root = self.docs.get(file)
            if file not in spine or root is None:
                continue
            ids = [e.get("id") for e in root.iter() if e.get("id")]
            place = (spine.index(file), ids.index(fragment) if fragment in ids else -1)
            if place < last:
                self.problem(self.ncc_name, f"link {href!r} goes back in the reading order", NCC_RULES)
            last = max(last, place)

    def counts(self, items: list[ET.Element], depth: int) -> None:
        """The NCC's counts agree with its body (Appendix 2: tocItems, pages, notes, depth)."""
        classes = [e.get("class", "") for e in items if local(e.tag) == "span"]
        self.agrees("ncc:tocItems", len(items))
        self.agrees("ncc:depth", depth)
        self.agrees("ncc:pageNormal", classes.count("page-normal"))
        self.agrees("ncc:pageFront", classes.count("page-front"))
        self.agrees("ncc:pageSpecial", classes.count("page-special"))
        self.agrees("ncc:footnotes", classes.count("noteref"))
        self.agrees("ncc:sidebars", classes.count("sidebar"))
        self.agrees("ncc:prodNotes", classes.count("optional-prodnote"))
        pages = [
            int(text)
            for e in items
            if e.get("class") == "page-normal" and (text := "".join(e.itertext()).strip()).isdigit()
        ]
        self.agrees("ncc:maxPageNormal", max(pages, default=0))
        title = self.one("dc:title")
        heading = "".join(items[0].itertext()).strip() if items else ""
        if title is not None and heading and title != heading:
            self.problem(self.ncc_name, f"the title heading {heading!r} is not dc:title {title!r}", NCC_RULES)

    def unique_ids(self, name: str, root: ET.Element) -> None:
        """Every id of a document is used once (XML)."""
        ids = Counter(e.get("id", "") for e in root.iter() if "id" in e.attrib)
        for key in sorted(k for k, n in ids.items() if n > 1):
            self.problem(name, f"id {key!r} is used twice", "XML: ids are unique")

    # --- SMIL files -------------------------------------------------------------------------
    def smil(self, name: str) -> Smil | None:
        """One SMIL file: its head's metadata, one <seq> of <par>s, each a text and its audio."""
        root = self.parse(name)
        if root is None:
            return None
        smil = Smil(name, root, metas(root))
        self.unique_ids(name, root)
        self.smil_head(smil)
        body = [e for e in root if local(e.tag) == "body"]
        seqs = [e for e in body[0] if local(e.tag) == "seq"] if body else []
        if len(seqs) != 1 or len(body[0]) != 1:
            self.problem(name, "the body is not one <seq>", SMIL_RULES)
            return smil
        pars = [e for e in seqs[0].iter() if local(e.tag) == "par"]
        if not pars:
            self.problem(name, "the <seq> holds no <par>", SMIL_RULES)
        for par in pars:
            self.par(smil, par)
        dur = seqs[0].get("dur")
        if dur is not None:
            value = seconds(dur)
            if value is None or abs(value - smil.duration) > slack(dur):
                self.problem(
                    name, f"<seq dur={dur!r}> is not the {smil.duration:.3f} s its clips play", SMIL_RULES
                )
        return smil

    def smil_head(self, smil: Smil) -> None:
        """The SMIL head's metadata: dc:format once, the others at most once and true to the NCC."""
        for name, values in smil.metas.items():
            if name not in SMIL_METAS:
                self.problem(smil.name, f"{name} is no item of the SMIL metadata set", APPENDIX_2)
            elif len(values) > 1:
                self.problem(smil.name, f"{name} occurs {len(values)} times, at most once", APPENDIX_2)
        if smil.metas.get("dc:format") != ["Daisy 2.02"]:
            self.problem(smil.name, "dc:format 'Daisy 2.02' is mandatory", APPENDIX_2)
        for name in SMIL_EXPECTED:
            if name not in smil.metas:
                self.problem(smil.name, f"{name} is missing (expected in every SMIL file)", APPENDIX_2)
        self.same_as_ncc(smil.name, smil.metas)
        layout = [e for e in smil.root.iter() if local(e.tag) == "layout"]
        if len(layout) != 1 or not any(local(e.tag) == "region" and e.get("id") for e in layout[0]):
            self.problem(smil.name, "the head has no <layout> with a <region id>", SMIL_RULES)

    def same_as_ncc(self, name: str, stated: dict[str, list[str]]) -> None:
        """A file that states dc:identifier or dc:title states the NCC's (one book, one identity)."""
        for key in ("dc:identifier", "dc:title"):
            for value in stated.get(key, []):
                if value != self.one(key):
                    self.problem(name, f"{key} {value!r} is not the NCC's {self.one(key)!r}", APPENDIX_2)

    def par(self, smil: Smil, par: ET.Element) -> None:
        """A <par>: endsync="last", one <text> into a content document, its audio clips."""
        where = f"{smil.name} par {par.get('id')}"
        if par.get("endsync") != "last":
            self.problem(smil.name, f'<par id={par.get("id")}> lacks endsync="last"', SMIL_RULES)
        texts = [e for e in par if local(e.tag) == "text"]
        audios = [e for e in par.iter() if local(e.tag) == "audio"]
        if len(texts) != 1:
            self.problem(where, f"has {len(texts)} <text> elements, not one", SMIL_RULES)
        for element in texts + audios:
            if not element.get("id"):
                self.problem(where, f"<{local(element.tag)}> has no id", SMIL_RULES)
        for text in texts:
            self.target(where, text.get("src", ""))
        if self.one("ncc:multimediaType") == "audioFullText":
            into_ncc = any(t.get("src", "").partition("#")[0] == self.ncc_name for t in texts)
            if not audios or into_ncc:
                self.problem(where, "is not text of a content document with its audio", APPENDIX_2)
        for audio in audios:
            self.clip(smil, where, audio)

    def target(self, where: str, src: str) -> None:
        """A link into a text document reaches an element with that id."""
        file, _, fragment = src.partition("#")
        root = self.parse(file) if (self.folder / file).is_file() else None
        if root is None or not any(e.get("id") == fragment for e in root.iter()):
            self.problem(where, f"<text src={src!r}> does not resolve", SMIL_RULES)
        elif file != self.ncc_name and file not in self.texts:
            self.texts.add(file)
            self.unique_ids(file, root)
            self.same_as_ncc(file, metas(root))

    def clip(self, smil: Smil, where: str, audio: ET.Element) -> None:
        """An <audio> clip: an existing file, npt= times, begin before end, inside the audio."""
        src = audio.get("src", "")
        path = self.folder / src
        if not src or not path.is_file():
            self.problem(where, f"<audio src={src!r}> is not a file of the book", AUDIO_RULES)
            return
        begin_text, end_text = audio.get("clip-begin", ""), audio.get("clip-end", "")
        begin, end = seconds(begin_text), seconds(end_text)
        if (
            not begin_text.startswith("npt=")
            or not end_text.startswith("npt=")
            or begin is None
            or end is None
        ):
            self.problem(
                where, f"clip {begin_text!r}..{end_text!r} is not written npt=<clock value>", AUDIO_RULES
            )
            return
        stat = path.stat()
        length = audio_seconds(path, stat.st_size, stat.st_mtime)
        if not 0 <= begin < end:
            self.problem(where, f"clip {begin_text}..{end_text} does not run forwards", AUDIO_RULES)
        if end > length + slack(end_text):
            self.problem(where, f"clip ends at {end:.3f} s, after the audio ({length:.3f} s)", AUDIO_RULES)
        smil.clips.append((src, begin, end))

    # --- times across the book --------------------------------------------------------------
    def timing(self, smils: list[Smil]) -> None:
        """Each SMIL states the time its clips play (ncc:timeInThisSmil) and the time of the SMIL
        files before it (ncc:totalElapsedTime: the sum of their timeInThisSmil); ncc:totalTime is
        the sum of all. Stated times are true to within the digits they are written with."""
        self.clip_order(smils)
        elapsed, stated, slacks, complete = 0.0, 0.0, 0.0, True
        for smil in smils:
            here = self.stated_time(smil, "ncc:timeInThisSmil", smil.duration)
            before = self.stated_time(smil, "ncc:totalElapsedTime", elapsed)
            if before and complete and abs(before[0] - stated) > before[1] + slacks:
                what = f"ncc:totalElapsedTime is not {stated:.0f} s, the timeInThisSmil of the files before"
                self.problem(smil.name, what, SMIL_RULES)
            if here:
                stated, slacks = stated + here[0], slacks + here[1]
            complete = complete and here is not None
            elapsed += smil.duration
        total = self.one("ncc:totalTime")
        value = seconds(total) if total and not _clock(total) else None
        if total is None or value is None:
            return
        if abs(value - elapsed) > slack(total):
            what = f"ncc:totalTime {total} is not the {elapsed:.3f} s the SMIL files play"
            self.problem(self.ncc_name, what, APPENDIX_2)
        if complete and abs(value - stated) > slack(total) + slacks:
            what = f"ncc:totalTime {total} is not {stated:.0f} s, the sum of the SMIL files' timeInThisSmil"
            self.problem(self.ncc_name, what, APPENDIX_2)

    def clip_order(self, smils: list[Smil]) -> None:
        """Read in order, the clips play forwards through each audio file, none over another."""
        last_end: dict[str, float] = {}
        for smil in smils:
            for src, begin, end in smil.clips:
                if begin < last_end.get(src, 0.0) - 1e-6:
                    what = f"the clip at {begin:.3f} s of {src} starts before the one before it ended"
                    self.problem(smil.name, what, AUDIO_RULES)
                last_end[src] = end

    def stated_time(self, smil: Smil, name: str, truth: float) -> tuple[float, float] | None:
        """(seconds, rounding slack) of a SMIL's stated time, with a problem if it is not `truth`."""
        values = smil.metas.get(name)
        if not values:
            return None
        value = seconds(values[0]) if not _clock(values[0]) else None
        if value is None:
            self.problem(smil.name, f"{name} {values[0]!r} is not written hh:mm:ss", APPENDIX_2)
            return None
        if abs(value - truth) > slack(values[0]):
            self.problem(smil.name, f"{name} {values[0]} is not {truth:.3f} s", SMIL_RULES)
        return value, slack(values[0])

    # --- master SMIL and the file set -------------------------------------------------------
    def master(self, spine: list[str], total: float) -> None:
        """master.smil, when present, refers to every SMIL file in the NCC's order."""
        if not (self.folder / "master.smil").is_file():
            return
        root = self.parse("master.smil")
        if root is None:
            return
        stated = metas(root)
        if stated.get("dc:format") != ["Daisy 2.02"]:
            self.problem("master.smil", "dc:format 'Daisy 2.02' is mandatory", MASTER_RULES)
        self.same_as_ncc("master.smil", stated)
        refs = [e for e in root.iter() if local(e.tag) == "ref"]
        if [r.get("src", "").partition("#")[0] for r in refs] != spine:
            self.problem("master.smil", "its <ref>s are not the NCC's SMIL files in order", MASTER_RULES)
        if any(not r.get("id") for r in refs):
            self.problem("master.smil", "a <ref> has no id", MASTER_RULES)
        for value in stated.get("ncc:timeInThisSmil", []):
            time = seconds(value) if not _clock(value) else None
            if time is None or abs(time - total) > slack(value):
                self.problem(
                    "master.smil", f"ncc:timeInThisSmil {value} is not the book's {total:.3f} s", MASTER_RULES
                )

    def fileset(self, smils: list[Smil]) -> None:
        """ncc:files and ncc:kByteSize are the book's real count and size; the type fits the book."""
        paths = [p for p in self.folder.rglob("*") if p.is_file()]
        self.agrees("ncc:files", len(paths))
        stated = self.one("ncc:kByteSize")
        if stated is not None and stated.isdigit():
            size = sum(p.stat().st_size for p in paths) / 1024
            if not math.floor(size) <= int(stated) <= math.ceil(size):
                self.problem(
                    self.ncc_name, f"ncc:kByteSize states {stated} but the book has {size:.1f} KB", APPENDIX_2
                )
        kind = self.one("ncc:multimediaType")
        has_audio = any(s.clips for s in smils)
        if kind in TYPES and has_audio != (kind != "textNcc"):
            self.problem(
                self.ncc_name,
                f"ncc:multimediaType {kind} does not fit a book {'with' if has_audio else 'without'} audio",
                APPENDIX_2,
            )


def check_book(folder: Path) -> list[str]:
    """Every problem of the DAISY 2.02 book in `folder` (empty when it meets the specification)."""
    return Checker(folder).run()
