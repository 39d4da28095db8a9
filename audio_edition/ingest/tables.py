"""How a table is read aloud, in any format: one sentence per row, the header naming the cells, while
a listener can follow it; a bigger table is left out and listed."""

from __future__ import annotations

import re

# A table is read row by row only while a listener can follow it; a bigger one is left out.
MAX_TABLE_ROWS = 12
MAX_TABLE_COLUMNS = 6
_SENTENCE_END = re.compile(r"[.!?…]['\"”’»)\]]*$")


def table_sentences(header: list[str], body: list[list[str]]) -> list[str] | None:
    """The sentences a table is read as ("Item: Bread, Cost: 2 euros."), or None when it is too big
    to follow by ear. Rows that repeat the header and empty rows are not read."""
    body = [row for row in body if any(row) and row != header]
    columns = max([len(header), *(len(row) for row in body)])
    if len(body) > MAX_TABLE_ROWS or columns > MAX_TABLE_COLUMNS:
        return None
    if not body:
        return [sentence([name for name in header if name])] if any(header) else []
    out = []
    for row in body:
        cells = [f"{name}: {cell}" if name and name != cell else cell
                 for name, cell in zip([*header, *[""] * len(row)], row, strict=False) if cell]
        if cells:
            out.append(sentence(cells))
    return out


def table_shape(header: list[str], body: list[list[str]]) -> str:
    """How a table left out is named: `table (20 rows of 5 columns)`."""
    columns = max([len(header), *(len(row) for row in body)])
    return f"table ({len(body)} rows of {columns} columns)"


def sentence(parts: list[str]) -> str:
    """Parts joined with commas, ending in a full stop unless they end in one already."""
    text = ", ".join(parts)
    return text if not text or _SENTENCE_END.search(text) else f"{text}."
