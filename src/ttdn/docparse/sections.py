"""The heading tree of a document: I., II. (parts), 1., 2. (sections), a), b) (points).

A section's span covers its heading text only (after the "II." or "1." marker), so that
``text[start:end] == heading``; a section's body runs to the start of the next section's line.
Numbers are hierarchical: "II", "II.1", "II.1.a" (Nghị định 30/2020, Phụ lục I: parts in Roman
numerals, items in Arabic numerals, points in lower-case letters).
"""

from __future__ import annotations

import re

from ttdn.docparse.model import Section

_HEADING = re.compile(
    r"^[ \t]*(?:(?P<roman>[IVXL]{1,6})\.|(?P<arabic>\d{1,2})\.(?!\d)|(?P<letter>[a-zđ])\))"
    r"[ \t]+(?P<heading>\S[^\n]*)$",
    re.MULTILINE,
)
_MAX_HEADING = 300


def find_sections(text: str) -> list[Section]:
    """Return the numbered headings of ``text`` with hierarchical numbers ("II.1.a")."""
    sections: list[Section] = []
    roman: str | None = None
    arabic: str | None = None
    for match in _HEADING.finditer(text):
        heading = match.group("heading").rstrip()
        start = match.start("heading")
        if len(heading) > _MAX_HEADING:
            # A numbered paragraph: its first sentence stands for the heading.
            cut = re.search(r"[.;:](\s|$)", heading)
            heading = heading[: cut.start() if cut and cut.start() > 0 else _MAX_HEADING]
        if match.group("roman"):
            roman, arabic = match.group("roman"), None
            number, level = roman, 1
        elif match.group("arabic"):
            arabic = match.group("arabic")
            number = f"{roman}.{arabic}" if roman else arabic
            level = 2 if roman else 1
        else:
            letter = match.group("letter")
            parent = ".".join(part for part in (roman, arabic) if part)
            number = f"{parent}.{letter}" if parent else letter
            level = (2 if roman else 1) + (1 if arabic else 0)
        sections.append(Section(number, heading, start, start + len(heading), level))
    return sections
