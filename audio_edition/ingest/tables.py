"""How a table is read aloud, in any format: one sentence per row while a listener can follow it (a
narrow table's header naming the cells, a wider one's read once first); a bigger table is left out
and listed, unless it is the article."""

from __future__ import annotations

import re

# A table is read row by row only while a listener can follow it; a bigger one is left out.
MAX_TABLE_ROWS = 12
MAX_TABLE_COLUMNS = 6
# Up to this many columns, every cell is read with its column's name.
NAMED_CELLS_COLUMNS = 3
_SENTENCE_END = re.compile(r"[.!?…]['\"”’»)\]]*$")


def table_sentences(header: list[str], body: list[list[str]], *, whole: bool = False) -> list[str] | None:
    """The sentences a table is read as, or None when it is too big to follow by ear (unless `whole`:
    the table is the article). A narrow table names its cells in every row ("Item: Bread, Cost: 2
    euros."); a wider one reads its header once ("Pos, Player, Plays.") and then each row, as a
    person reading a table of figures aloud does. Rows that repeat the header and empty rows are not
    read."""
    body = [row for row in body if any(row) and row != header]
    columns = max([len(header), *(len(row) for row in body)])
    if not whole and (len(body) > MAX_TABLE_ROWS or columns > MAX_TABLE_COLUMNS):
        return None
    names = [name for name in header if name]
    if not body:
        return [sentence(names)] if names else []
    if columns > NAMED_CELLS_COLUMNS:
        return ([sentence(names)] if names else []) + [sentence([c for c in row if c]) for row in body]
    out = []
    for row in body:
        cells = [
            f"{name}: {cell}" if name and not cell.startswith(name) else cell
            for name, cell in zip([*header, *[""] * len(row)], row, strict=False)
            if cell
        ]
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
