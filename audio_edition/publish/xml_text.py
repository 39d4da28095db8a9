"""Text made safe for every XML and HTML file we write: the characters XML 1.0 forbids (controls
but tab and newlines, lone surrogates, U+FFFE and U+FFFF) taken out, then escaped."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET

_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """`text` without the characters XML 1.0 forbids."""
    return _FORBIDDEN.sub("", text)


def escape(text: str, quote: bool = True) -> str:
    """`html.escape` of `text` once the characters XML forbids are taken out."""
    return html.escape(xml_safe(text), quote)


def clean_tree(root: ET.Element) -> ET.Element:
    """Take what XML forbids out of every text, tail and attribute of the tree, in place."""
    for element in root.iter():
        if element.text:
            element.text = xml_safe(element.text)
        if element.tail:
            element.tail = xml_safe(element.tail)
        for name, value in element.attrib.items():
            element.attrib[name] = xml_safe(value)
    return root
