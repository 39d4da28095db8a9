"""Who speaks each segment, for captions: the narrator, or a quotation's named speaker if known."""

from __future__ import annotations

from audio_edition.model import Episode


def speakers(episode: Episode) -> list[str]:
    """A speaker label per segment: "Narrator", the attributed name for a block quote, else "Quote"."""
    blocks = episode.script.article.blocks
    names: dict[int, str] = {}
    for b, block in enumerate(blocks):
        if block.kind == "attribution":
            name = block.text.strip().lstrip("—–-~ ").split(",")[0].strip()
            k = b - 1
            while k >= 0 and blocks[k].kind == "blockquote":
                names[k] = name
                k -= 1
    labels = []
    for timed in episode.timeline:
        seg = timed.segment
        if seg.role == "quote":
            labels.append(names.get(seg.block, "Quote"))
        else:
            labels.append("Narrator")
    return labels
