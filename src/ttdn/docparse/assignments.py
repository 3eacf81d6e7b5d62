"""Who is to do what: the "Tổ chức thực hiện" section of a plan.

A plan ends with numbered unit headings ("1. Sở Thông tin và Truyền thông" under a Roman part,
"a) Sở Nội vụ" under an Arabic one), each followed by its tasks: "-" bullets, or plain
paragraphs. Some plans instead give a table of tasks with the columns "Nội dung – Đơn vị chủ
trì – Đơn vị phối hợp – Thời gian"; each row is a task of its lead unit. A heading may carry its task after a colon
("11. Đề nghị Ban Tuyên giáo Tỉnh ủy: chỉ đạo, định hướng …"). "Đề nghị …" addresses a body the
issuer cannot order (a Party body): a request. "Các sở, ban, ngành, UBND các huyện" addresses a
group of units. The closing paragraph ("Nhằm triển khai hiệu quả …", "Trên đây là …") and the
"Nơi nhận" list are not tasks.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ttdn.docparse.model import Section
from ttdn.text import fold

#: A table as the DOCX reader gives it: rows of cell texts.
Table = Sequence[Sequence[str]]

_IMPLEMENTATION = re.compile(r"^tổ chức thực hiện\b", re.IGNORECASE)
_BULLET = re.compile(r"^\s*[-–+•]\s*")
_CLOSING = re.compile(
    r"^(?:Nhằm|Trên đây|Yêu cầu|Trong quá trình|Giao Sở|Giao Văn phòng|Nơi nhận)", re.IGNORECASE
)
_REQUEST = re.compile(r"^Đề nghị\s+", re.IGNORECASE)
_COLLECTIVE = re.compile(r"^(?:Các|Những)\s", re.IGNORECASE)
# "6 tháng" alone is a duration ("hoàn thành trong 06 tháng kể từ …"), not a recurrence: only
# "định kỳ 6 tháng", "6 tháng/lần", "mỗi 6 tháng" repeat.
_RECURRENCE = [
    (re.compile(r"hằng năm|hàng năm|định kỳ năm|mỗi năm", re.IGNORECASE), "yearly"),
    (
        re.compile(
            r"(?:định kỳ|mỗi|hằng|hàng)\s+0?6\s+tháng|\b0?6\s+tháng\s*(?:/|một)\s*lần"
            r"|(?:định kỳ|mỗi)\s+sáu\s+tháng|sáu\s+tháng\s*(?:/|một)\s*lần",
            re.IGNORECASE,
        ),
        "half_yearly",
    ),
    (re.compile(r"hằng quý|hàng quý|định kỳ quý|mỗi quý", re.IGNORECASE), "quarterly"),
    (re.compile(r"hằng tháng|hàng tháng|mỗi tháng", re.IGNORECASE), "monthly"),
]
_ONGOING = re.compile(r"^\s*(?:thường xuyên|liên tục)", re.IGNORECASE)
_DUE = re.compile(
    r"trước ngày\s+(?P<day>\d{1,2})/(?P<month>\d{1,2})(?:/(?P<year>\d{4}))?", re.IGNORECASE
)
# "trình UBND tỉnh trong năm 2025": due by the end of that year.
_DUE_YEAR = re.compile(r"(?:trong|hoàn thành)\s+năm\s+(?P<year>\d{4})\b", re.IGNORECASE)
# What a "Thời gian" cell of a task table says: a date, a month, a quarter or a year.
_CELL_DATE = re.compile(r"(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>\d{4})")
_CELL_MONTH = re.compile(r"tháng\s+(?P<month>\d{1,2})\s*/\s*(?P<year>\d{4})", re.IGNORECASE)
_CELL_QUARTER = re.compile(
    r"quý\s+(?P<quarter>I{1,3}V?|IV|[1-4])\s*/\s*(?:năm\s+)?(?P<year>\d{4})", re.IGNORECASE
)
_CELL_YEAR = re.compile(r"năm\s+(?P<year>\d{4})", re.IGNORECASE)
_QUARTERS = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}
# Words that begin a unit's name: a comma followed by one of them separates two units; any
# other comma belongs to a name ("Sở Văn hóa, Thể thao và Du lịch", "Các sở, ban, ngành").
_UNIT_START = re.compile(
    r"^(?:Sở|Ban|Bộ|Ủy ban|UBND|Công an|Báo|Đài|Liên hiệp|Hội|Văn phòng|Cục|Chi cục|Tỉnh đoàn|"
    r"Thanh tra|Trường|Các|Những|Đề nghị|Mặt trận|Đoàn|Kho bạc|Ngân hàng|Cảng vụ|Trung tâm)\b"
)


@dataclass(frozen=True)
class Task:
    """One task of an assignment, with the deadline or recurrence its text states."""

    text: str
    start: int
    end: int
    due: str | None = None  # "15/12" (every year) or "2024-09-30"
    recurrence: str | None = None
    supporters: tuple[str, ...] = ()
    deadline_text: str | None = None


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
            "supporters": [
                {"task": i, "units": list(task.supporters)}
                for i, task in enumerate(self.tasks)
                if task.supporters
            ],
            "deadlines": [
                {"task": i, "text": task.deadline_text}
                for i, task in enumerate(self.tasks)
                if task.deadline_text
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
    elif year_match := _DUE_YEAR.search(text):
        due = f"{year_match.group('year')}-12-31"
    recurrence = next((name for pattern, name in _RECURRENCE if pattern.search(text)), None)
    return due, recurrence


def _month_end(year: int, month: int) -> str | None:
    if not 1 <= month <= 12:
        return None
    return f"{year}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"


def cell_schedule(cell: str) -> tuple[str | None, str | None]:
    """Return (due, recurrence) of a "Thời gian" cell: a period means its last day.

    "Trước ngày 30/9/2025" and "30/9/2025" → 2025-09-30; "Tháng 10/2025" → 2025-10-31;
    "Quý III/2025" → 2025-09-30; "Năm 2025" → 2025-12-31; "Hằng quý" → quarterly;
    "Thường xuyên" → ongoing, with no due date.
    """
    due, recurrence = _schedule(cell)
    if due is None and (match := _CELL_DATE.search(cell)):
        day, month, year = (int(match.group(n)) for n in ("day", "month", "year"))
        if 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]:
            due = f"{year}-{month:02d}-{day:02d}"
    if due is None and (match := _CELL_MONTH.search(cell)):
        due = _month_end(int(match.group("year")), int(match.group("month")))
    if due is None and (match := _CELL_QUARTER.search(cell)):
        quarter = _QUARTERS.get(match.group("quarter").upper())
        if quarter:
            due = _month_end(int(match.group("year")), quarter * 3)
    if due is None and (match := _CELL_YEAR.search(cell)):
        due = f"{int(match.group('year'))}-12-31"
    if recurrence is None and _ONGOING.match(cell):
        recurrence = "ongoing"
    return due, recurrence


def split_units(cell: str) -> list[str]:
    """Split a cell naming several units (by line, ";" or a comma before a unit's name)."""
    units: list[str] = []
    for raw in re.split(r"[\n;]+", cell):
        line = _BULLET.sub("", raw).strip().rstrip(".")
        if not line:
            continue
        pieces = [piece.strip() for piece in line.split(",")]
        merged: list[str] = []
        for piece in pieces:
            if merged and not _UNIT_START.match(piece):
                merged[-1] = f"{merged[-1]}, {piece}"
            elif piece:
                merged.append(piece)
        units.extend(unit for unit in (re.sub(r"^(?:và|với)\s+", "", u) for u in merged) if unit)
    return units


def _line_start(text: str, position: int) -> int:
    return text.rfind("\n", 0, position) + 1


def _column(header: Sequence[str], *words: str) -> int | None:
    for index, cell in enumerate(header):
        folded = fold(cell).lower()
        if any(word in folded for word in words):
            return index
    return None


def is_task_table(table: Table) -> bool:
    """Tell whether a table is a list of tasks (its header names the content and the lead)."""
    if not table:
        return False
    header = table[0]
    return _column(header, "noi dung", "nhiem vu") is not None and (
        _column(header, "chu tri") is not None
    )


def _table_assignments(text: str, tables: Sequence[Table]) -> list[Assignment]:
    """Return one assignment per lead unit of the task tables, in order of first appearance."""
    groups: dict[str, list[Task]] = {}
    cursor = 0
    for table in tables:
        if not is_task_table(table):
            continue
        header = table[0]
        content = _column(header, "noi dung", "nhiem vu")
        lead = _column(header, "chu tri")
        support = _column(header, "phoi hop")
        when = _column(header, "thoi gian", "thoi han", "tien do")
        if content is None or lead is None:
            continue
        for row in table[1:]:
            cells = [
                " ".join(cell.split("\n")).strip() if i != support else cell.strip()
                for i, cell in enumerate(row)
            ]
            if len(cells) <= max(content, lead):
                continue
            body, lead_cell = cells[content], row[lead].strip()
            if not body or not lead_cell or body == lead_cell:
                continue  # a heading row ("I. Công tác tuyên truyền") spans the whole table
            body = " ".join(body.split())
            leads = split_units(lead_cell)
            supporters = (
                split_units(cells[support]) if support is not None and support < len(cells) else []
            )
            time_cell = (
                " ".join(cells[when].split()) if when is not None and when < len(cells) else ""
            )
            due, recurrence = cell_schedule(time_cell) if time_cell else (None, None)
            found = text.find(body, cursor)
            start = found if found >= 0 else 0
            if found >= 0:
                cursor = found + len(body)
            task = Task(
                body,
                start,
                start + len(body) if found >= 0 else 0,
                due,
                recurrence,
                supporters=(*leads[1:], *supporters),
                deadline_text=time_cell or None,
            )
            groups.setdefault(leads[0] if leads else lead_cell, []).append(task)
    return [
        Assignment(
            unit=_REQUEST.sub("", unit).strip(),
            number=str(index),
            kind="request" if _REQUEST.match(unit) else "order",
            collective=bool(_COLLECTIVE.match(_REQUEST.sub("", unit))),
            tasks=tuple(tasks),
        )
        for index, (unit, tasks) in enumerate(groups.items(), start=1)
    ]


def find_assignments(
    text: str, sections: tuple[Section, ...], tables: Sequence[Table] = ()
) -> list[Assignment]:
    """Return the assignments of the "Tổ chức thực hiện" part and of task tables, or []."""
    task_tables = [table for table in tables if is_task_table(table)]
    # The DOCX reader also writes every cell as a line of the text: those lines are the
    # table's, not tasks of the unit heading above the table.
    cell_lines = {
        line.strip()
        for table in task_tables
        for row in table
        for cell in row
        for line in cell.split("\n")
        if line.strip()
    }
    return [
        *_section_assignments(text, sections, cell_lines),
        *_table_assignments(text, task_tables),
    ]


def _section_assignments(
    text: str, sections: tuple[Section, ...], skip: set[str]
) -> list[Assignment]:
    # The part is "IV. TỔ CHỨC THỰC HIỆN" in most plans, "4. Tổ chức thực hiện" in plans
    # numbered in Arabic, or a sub-item ("II.3. Tổ chức thực hiện") in short ones.
    part = next((s for s in sections if _IMPLEMENTATION.match(s.heading)), None)
    if part is None:
        return []
    following = [s for s in sections if s.start > part.start and s.level <= part.level]
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
        if heading.strip() in skip:
            continue
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
        bulleted = False
        position = heading_line_end + 1
        for line in text[heading_line_end + 1 : stop].split("\n"):
            line_start = position
            position += len(line) + 1
            content = line.strip()
            if not content or content in skip:
                continue
            if _CLOSING.match(content) or fold(content).lower().startswith("noi nhan"):
                break
            bullet = _BULLET.match(line)
            body = line[bullet.end() :] if bullet else line.lstrip()
            start = line_start + (len(line) - len(body))
            body = body.rstrip()
            if not bullet and bulleted and body[:1].isupper():
                # After bulleted tasks, a paragraph of its own is the plan's closing words
                # ("Chủ tịch UBND tỉnh yêu cầu …"), not one more task of the last unit.
                break
            if not bullet and tasks and not body[:1].isupper():
                # A wrapped line continues the previous task.
                previous = tasks[-1]
                joined = text[previous.start : start + len(body)]
                tasks[-1] = Task(
                    " ".join(joined.split()), previous.start, start + len(body), *_schedule(joined)
                )
                continue
            bulleted = bulleted or bool(bullet)
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
