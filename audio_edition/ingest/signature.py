"""An attribution line read apart, once: "— Ana Ruiz, mayor of Lyon (@ana) 3 May" is a dash, the name
"Ana Ruiz", and what follows it. Structure detection decides with it whether a line signs a quotation;
the script takes the quotation's speaker from it."""

from __future__ import annotations

import re
from dataclasses import dataclass

DASHES = "—–-~"  # what may open a signature line
_NAME_END = re.compile(r"[,(]")  # a role follows a comma, a handle or a date a bracket


@dataclass(frozen=True)
class Signature:
    """The parts of an attribution line."""

    dashed: bool  # it opens with a dash (or a tilde)
    body: str  # the line without its dash and outer spaces
    name: str  # the body up to its first comma or opening bracket, spaces tidied ("" when none)
    rest: str  # what follows the name: a role, a handle, a date ("" when nothing does)


def read_signature(text: str) -> Signature:
    """`text` split into dash, name and rest; never fails (a line with no name has `name == ""`)."""
    stripped = text.strip()
    body = stripped.lstrip(DASHES + " ").strip()
    cut = _NAME_END.search(body)
    name, rest = (body[: cut.start()], body[cut.start() :].lstrip(", ")) if cut else (body, "")
    return Signature(
        dashed=stripped[:1] != "" and stripped[0] in DASHES,
        body=body,
        name=" ".join(name.split()),
        rest=rest.strip(),
    )
