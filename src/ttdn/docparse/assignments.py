"""Who is to do what: the "Tổ chức thực hiện" section of a plan.

A plan ends with numbered unit headings ("1. Sở Thông tin và Truyền thông"), each followed by
its tasks: "-" bullets, or plain paragraphs. A heading may carry its task after a colon
("11. Đề nghị Ban Tuyên giáo Tỉnh ủy: chỉ đạo, định hướng …"). "Đề nghị …" addresses a body the
issuer cannot order (a Party body): a request. "Các sở, ban, ngành, UBND các huyện" addresses a
group of units. The closing paragraph ("Nhằm triển khai hiệu quả …", "Trên đây là …") and the
"Nơi nhận" list are not tasks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ttdn.docparse.model import Section
from ttdn.text import fold

_IMPLEMENTATION = re.compile(r"^tổ chức thực hiện\b", re.IGNORECASE)
_UNIT_HEADING = re.compile(r"^(?:\d{1,2})\.\s+(?P<unit>[^\n]+)$")
_BULLET = re.compile(r"^\s*[-–+•]\s*")
_CLOSING = re.compile(
    r"^(?:Nhằm|Trên đây|Yêu cầu|Trong quá trình|Giao Sở|Giao Văn phòng|Nơi nhận)", re.IGNORECASE
)
_REQUEST = re.compile(r"^Đề nghị\s+", re.IGNORECASE)
_COLLECTIVE = re.compile(r"^(?:Các|Những)\s", re.IGNORECASE)
_RECURRENCE = [
    (re.compile(r"hằng năm|hàng năm|định kỳ năm", re.IGNORECASE), "yearly"),
    (re.compile(r"6 tháng|sáu tháng", re.IGNORECASE), "half_yearly"),
    (re.compile(r"hằng quý|hàng quý|định kỳ quý", re.IGNORECASE), "quarterly"),
    (re.compile(r"hằng tháng|hàng tháng", re.IGNORECASE), "monthly"),
]
_DUE = re.compile(
    r"trước ngày\s+(?P<day>\d{1,2})/(?P<month>\d{1,2})(?:/(?P<year>\d{4}))?", re.IGNORECASE
)


@dataclass(frozen=True)
class Task:
    """One task of an assignment, with the deadline or recurrence its text states."""

    text: str
    start: int
    end: int
    due: str | None = None  # "15/12" (every year) or "2024-09-30"
    recurrence: str | None = None


@dataclass(frozen=True)
class Assignment:
    """A unit (as written) and its tasks."""

    unit: str
    number: str
    kind: str  # "order" or "request"
    collective: bool
    tasks: tuple[Task, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, object]:
        """Return the assignment as contract JSON."""
        return {
            "unit": self.unit,
            "number": self.number,
            "kind": self.kind,
            "collective": self.collective,
            "tasks": [task.text for task in self.tasks],
            "schedule": [
                {"task": i, "due": task.due, "recurrence": task.recurrence}
                for i, task in enumerate(self.tasks)
                if task.due or task.recurrence
            ],
        }


def _schedule(text: str) -> tuple[str | None, str | None]:
    due_match = _DUE.search(text)
    due = None
    if due_match:
        day, month, year = due_match.group("day"), due_match.group("month"), due_match.group("year")
        due = (
            f"{year}-{int(month):02d}-{int(day):02d}"
            if year
            else f"{int(day):02d}/{int(month):02d}"
        )
    recurrence = next((name for pattern, name in _RECURRENCE if pattern.search(text)), None)
    return due, recurrence


def _line_start(text: str, position: int) -> int:
    return text.rfind("\n", 0, position) + 1


def find_assignments(text: str, sections: tuple[Section, ...]) -> list[Assignment]:
    """Return the assignments of the "Tổ chức thực hiện" part, or [] if there is none."""
    part = next((s for s in sections if s.level == 1 and _IMPLEMENTATION.match(s.heading)), None)
    if part is None:
        return []
    following = [s for s in sections if s.start > part.start and s.level == 1]
    end = _line_start(text, following[0].start) if following else len(text)
    groups = [s for s in sections if part.start < s.start < end and s.level == part.level + 1]
    assignments: list[Assignment] = []
    for index, group in enumerate(groups):
        # Sections point at heading text; a group ends where the next heading's line begins.
        stop = _line_start(text, groups[index + 1].start) if index + 1 < len(groups) else end
        heading_line_end = text.find("\n", group.start)
        heading_line_end = (
            stop if heading_line_end < 0 or heading_line_end > stop else heading_line_end
        )
        heading = text[group.start : heading_line_end]
        unit, _, inline = heading.partition(":")
        unit = unit.strip()
        kind = "request" if _REQUEST.match(unit) else "order"
        unit_name = _REQUEST.sub("", unit).strip()
        tasks: list[Task] = []
        if inline.strip():
            offset = group.start + len(unit) + 1
            stripped = inline.strip()
            start = text.index(stripped, offset)
            tasks.append(Task(stripped, start, start + len(stripped), *_schedule(stripped)))
        position = heading_line_end + 1
        for line in text[heading_line_end + 1 : stop].split("\n"):
            line_start = position
            position += len(line) + 1
            content = line.strip()
            if not content:
                continue
            if _CLOSING.match(content) or fold(content).lower().startswith("noi nhan"):
                break
            bullet = _BULLET.match(line)
            body = line[bullet.end() :] if bullet else line.lstrip()
            start = line_start + (len(line) - len(body))
            body = body.rstrip()
            if not bullet and tasks and not body[:1].isupper():
                # A wrapped line continues the previous task.
                previous = tasks[-1]
                joined = text[previous.start : start + len(body)]
                tasks[-1] = Task(
                    " ".join(joined.split()), previous.start, start + len(body), *_schedule(joined)
                )
                continue
            tasks.append(Task(body, start, start + len(body), *_schedule(body)))
        assignments.append(
            Assignment(
                unit=unit_name,
                number=group.number,
                kind=kind,
                collective=bool(_COLLECTIVE.match(unit_name)),
                tasks=tuple(tasks),
            )
        )
    return assignments
