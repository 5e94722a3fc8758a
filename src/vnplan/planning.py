"""Build the plan layer (:class:`~vnplan.model.Plan`) from a parsed document.

Sections are told apart by their headings, matched on folded text so copies
without diacritics work too:

* ``MỤC ĐÍCH`` / ``YÊU CẦU`` (also together, with sub-items ``1. Mục đích``,
  ``2. Yêu cầu``), ``MỤC TIÊU`` / ``CHỈ TIÊU``;
* ``NHIỆM VỤ``, ``GIẢI PHÁP``: tasks not assigned to one agency;
* ``PHÂN CÔNG NHIỆM VỤ``, ``TỔ CHỨC THỰC HIỆN``, ``TRÁCH NHIỆM``: one numbered
  item per agency (``1. Sở Y tế``, ``Sở Y tế: Chủ trì ...``, ``Đề nghị Tòa án
  nhân dân tỉnh ...``), its sub-items being its tasks;
* ``KINH PHÍ``: funding sources; ``CHẾ ĐỘ BÁO CÁO``: reporting duties.

Deadlines, cooperating agencies, targets and reporting duties are read from
the sentences themselves. Nothing is invented: what cannot be read is left out.
"""

from __future__ import annotations

import bisect
import difflib
import functools
import re
from collections.abc import Iterator, Sequence

import attrs

from ._intervals import Intervals
from ._outline import decimal_typo
from ._text import fold, squash
from .citations import find_references, references
from .model import (
    Assignment,
    Deadline,
    DeadlineKind,
    Document,
    Paragraph,
    PartialDate,
    Plan,
    Reference,
    ReportingDuty,
    Role,
    Section,
    SectionKind,
    Target,
    Task,
)
from .model.body import Node
from .source import Source
from .span import Span

__all__ = ["document_references", "find_deadlines", "find_targets", "plan"]

# Section kinds by folded heading; the first match wins ("phân công nhiệm vụ" assigns).
_HEADINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("assign", ("phan cong", "to chuc thuc hien", "trach nhiem cua", "trach nhiem thuc hien", "trach nhiem cac")),
    ("report", ("che do bao cao", "che do thong tin bao cao")),
    ("budget", ("kinh phi",)),
    ("purpose", ("muc dich",)),
    ("requirement", ("yeu cau",)),
    ("goal", ("muc tieu", "chi tieu")),
    ("task", ("nhiem vu", "giai phap", "noi dung", "hoat dong")),
)
_OCR_DIGITS = str.maketrans("60183", "oolbe")
_NOT_AGENCY_KEYS = ("to chuc thuc hien", "kinh phi thuc hien", "che do bao cao", "dieu khoan thi hanh")
# Items of an assignment section that name no agency.
_NOT_AGENCY = re.compile(
    r"^(?:to chuc thuc hien|kinh phi|che do bao cao|bao cao|dieu khoan|hieu luc|trach nhiem thi hanh|"
    r"to chuc trien khai|che do thong tin)"
)
# Verbs that start a task: an agency name ends before them ("Tòa án nhân dân tỉnh Quan tâm ...").
_TASK_VERB = re.compile(
    r"(?<![a-z~])(?:quan tam|chu tri|phoi hop|chi dao|tham muu|tiep tuc|thuc hien|(?<!cac )(?<!, )to chuc|huong dan|"
    r"co trach nhiem|chiu trach nhiem|xay dung|trien khai|tang cuong|day manh|phat huy|nghien cuu|"
    r"theo doi|kiem tra|bo tri|dam bao|bao dam|tuyen truyen|van dong|giam sat|phat dong|lam tot|tien hanh|"
    r"thong ke|tong hop|thu thap|ra soat|danh gia|cung cap|ho tro|xu ly|phat hien|kien toan|nang cao|can cu|"
    r"bo sung|chuan bi|quan ly|uu tien|huy dong|don doc|cap nhat|ban hanh|phan cong|thanh lap|lanh dao|"
    r"tiep cong dan|tiep nhan|cong tac|tong ket|so ket)(?![a-z~])"
)
# The first words of an agency's name (folded), for sections that list agencies without saying so.
_AGENCY_HEAD = re.compile(
    r"(?:de nghi\s+)?(?:cac\s+)?(?:so|ban|bo|cong an|uy ban|ubnd|bao|dai|van phong|cuc|chi cuc|trung tam|hoi|"
    r"lien doan|tinh doan|doan|toa an|vien|mat tran|co quan|kho bac|ngan hang|bao hiem|bhxh|bo chi huy|phong|"
    r"ubmttq|thanh tra)(?![a-z~])"
)
_COOPERATE = re.compile(r"(?<![a-z~])phoi h[a-z~]p\s+(?:voi|cung)\s+")
# ("tại" is not here: folded it is also "Tài", as in "Sở Tài chính".)
_AGENCY_END = re.compile(r"[;.:]|\s(?:de|nham|trong|theo|thuong xuyen|kip thoi|dinh ky)(?![a-z~])")

# Deadlines, on folded text.
_NUM_DATE = r"(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})(?:\s*[/.-]\s*(?P<y>\d{4}))?"
_WORD_DATE = r"(?P<d2>\d{1,2})\s+thang\s+(?P<m2>\d{1,2})(?:\s+nam\s+(?P<y2>\d{4}))?"
_BY_DATE = re.compile(rf"(?:truoc|cham nhat|han chot|den)\s+ngay\s+(?:{_NUM_DATE}|{_WORD_DATE})")
_DURING = re.compile(
    r"trong\s+(?:thang\s+(?P<m>\d{1,2})(?:\s*[/]\s*|\s+nam\s+)?(?P<y>\d{4})?"
    r"|quy\s+(?P<q>[ivx]+|\d)(?:\s*[/]\s*|\s+nam\s+)?(?P<qy>\d{4})?|nam\s+(?P<year>\d{4}))"
    r"|giai\s+doan\s+(?P<a>\d{4})\s*-\s*(?P<b>\d{4})"
    r"|(?:thuc\s+hien|hoan\s+thanh)\s+(?:trong\s+)?nam\s+(?P<done>\d{4})(?!\s+va\s+(?:cac|nhung)\s+nam)"
)
_RECURRING = re.compile(
    r"dinh\s+ky\s+(?:(?P<n>\d+)\s+(?P<unit>thang|nam|quy|tuan)|(?:hang|hang|moi)\s+(?P<unit2>nam|quy|thang|tuan))"
    r"|(?<![a-z~])(?:hang|moi)\s+(?P<unit3>nam|quy|thang|tuan)(?![a-z~])"
)
_ONGOING = re.compile(
    r"nam\s+(?P<y>\d{4})\s+va\s+(?:cac|nhung)\s+nam\s+tiep\s+theo|(?<![a-z~])thuong\s+xuyen(?![a-z~])"
)
_PERIOD_NAMES = {"nam": "năm", "quy": "quý", "thang": "tháng", "tuan": "tuần"}

# Targets: a number with % or ‰, or a count of a noun after a qualifier.
# A target's number starts where a digit run starts: from inside a long run every start
# would rescan the run to its end (quadratic).
_TARGET = re.compile(r"(?<!\d)(?P<value>\d+(?:[.,]\d+)?)\s*(?P<unit>%|‰)")
_CLAUSE_OPEN = re.compile(r"[;:.\n]")
_CLAUSE_CLOSE = re.compile(r"[;.\n]")
_MAX_CLAUSE = 300
_QUALIFIER = re.compile(
    r"(?<![a-z~])(?:(?:phan dau|it nhat|toi thieu|tren|duoi|dat|khong qua|giam|tang|len|xuong|con)\s*)+$"
)
_REPORT = re.compile(r"(?<![a-z~])bao cao(?![a-z~])")
_RECIPIENT_END = re.compile(r"[;.(,]|\s(?:de|truoc|tong hop|theo|dinh ky)(?![a-z~])")


def plan(doc: Document, source: str | Source | None = None) -> Plan:
    """The plan layer of ``doc``.

    ``source`` is the text ``doc`` was parsed from: with it, references carry
    their spans in that text. Works on any document; a text that is not a plan
    simply yields a sparse :class:`Plan`.
    """
    if isinstance(source, str):
        source = _source(source)
    builder = _Builder()
    for section, kind in _classified(doc.body):
        builder.add(section, kind)
    return Plan(
        purposes=builder.purposes,
        requirements=builder.requirements,
        goals=builder.goals,
        targets=tuple(t for text, span in builder.goal_items for t in find_targets(text, span)),
        tasks=builder.tasks,
        assignments=builder.assignments,
        other_items=builder.other_items,
        budget=builder.budget,
        reporting=builder.reporting,
        references=_references(doc, source),
    )


@functools.lru_cache(maxsize=1)
def _source(text: str) -> Source:
    """The :class:`Source` of ``text``, kept for the next call: ``plan(doc, text)`` for every
    document of one file would otherwise index the whole file once per document."""
    return Source(text)


def _classified(nodes: Sequence[Node]) -> Iterator[tuple[Section, str]]:
    """The body's sections with a known kind, descending into sections that have none
    (``I. MỤC ĐÍCH, YÊU CẦU`` with ``1. Mục đích`` and ``2. Yêu cầu``)."""
    for node in nodes:
        if not isinstance(node, Section) or node.kind in (SectionKind.DASH, SectionKind.PLUS):
            continue
        kinds = _kinds(node.heading)
        subsections = [c for c in node.children if isinstance(c, Section)]
        if kinds[:1] != ["assign"] and subsections and all(_kinds(c.heading) for c in subsections):
            # "I. MỤC ĐÍCH, YÊU CẦU" over "1. Mục đích", "2. Yêu cầu": each child has its own kind.
            yield from _classified(node.children)
        elif kinds:
            yield node, kinds[0]
        else:
            yield from _classified(node.children)


def _kinds(heading: str) -> list[str]:
    head = fold(heading[:80])
    if len(heading.split()) > 14:
        return []  # a sentence, not a heading
    return [kind for kind, keys in _HEADINGS if any(k in head for k in keys)]


class _Builder:
    def __init__(self) -> None:
        self.purposes: list[str] = []
        self.requirements: list[str] = []
        self.goals: list[str] = []
        self.goal_items: list[tuple[str, Span | None]] = []
        self.tasks: list[Task] = []
        self.assignments: list[Assignment] = []
        self.other_items: list[str] = []
        self.budget: list[str] = []
        self.reporting: list[ReportingDuty] = []

    def add(self, section: Section, kind: str) -> None:
        items = list(_items(section))
        texts = [text for text, _ in items]
        if kind == "purpose":
            self.purposes.extend(texts)
        elif kind == "requirement":
            self.requirements.extend(texts)
        elif kind == "goal":
            self.goals.extend(texts)
            self.goal_items.extend(items)
        elif kind == "budget":
            self.budget.extend(texts)
        elif kind == "report":
            self.reporting.extend(
                ReportingDuty(t, find_deadlines(t), _recipient(t), span=s) for t, s in items if _REPORT.search(fold(t))
            )
        elif kind == "task" and not _lists_agencies(section):
            self.tasks.extend(_task(t, s) for t, s in items)
        else:  # an assignment section, or a task section that lists agencies
            self.assign(section)

    def assign(self, section: Section) -> None:
        agencies = [c for c in section.children if isinstance(c, Section) and c.kind is not SectionKind.PLUS]
        if not agencies or all(c.kind is SectionKind.DASH for c in agencies):
            # Dash items: "- Sở Y tế: Chủ trì ..." and "- Giao Sở Tài chính bố trí ..." assign;
            # the others are implementation notes, with the reporting duties they carry.
            for child in section.children:
                if isinstance(child, Section) and _dash_assigns(child.heading):
                    self.agency_item(child)
                elif isinstance(child, Section):
                    self.reporting.extend(_reporting_clauses(_flatten(child), child.span))
                else:
                    self.reporting.extend(_reporting_clauses(child.text, child.span))
            return
        for item in _lift_typos(agencies):
            self.agency_item(item)

    def agency_item(self, item: Section) -> None:
        heading, children = item.heading, item.children
        first = children[0] if children else None
        if isinstance(first, Paragraph) and re.search(r"(?:,|-|\s(?:và|của|các))$", heading.rstrip()):
            # "Sở Văn hóa, Thể thao và" over "Du lịch chủ trì ...": a heading wrapped into its first line.
            heading, children = f"{heading.rstrip()} {first.text}", children[1:]
        agency, rest = _split_agency(heading, bool(children))
        if agency is None:
            if _TASK_VERB.match(fold(heading)) and not _not_agency(heading):
                # A task group ("Tổ chức các hội nghị hiệp thương"), not an agency: general tasks.
                self.tasks.extend(_task(t, s) for t, s in _items(item) if t)
                if not children:
                    self.tasks.append(_task(squash(heading), item.span))
                return
            self.other_items.append(squash(heading))
            return
        tasks = [_task(rest, item.span)] if rest else []
        for text, span in _items(attrs.evolve(item, children=children)):
            tasks.append(_task(text, span))
        for task in tasks:
            self.reporting.extend(_reporting_clauses(task.text, task.span))
        # An agency named again ("- Giao Sở ... đôn đốc ..." under Tổ chức thực hiện) gets the new
        # tasks in its first assignment: one row per agency in the responsibility matrix.
        key = squash(fold(agency))
        for k, existing in enumerate(self.assignments):
            if squash(fold(existing.agency)) == key:
                self.assignments[k] = attrs.evolve(existing, tasks=(*existing.tasks, *tasks))
                return
        self.assignments.append(Assignment(agency, tasks, span=item.span))


def _dash_assigns(heading: str) -> bool:
    """Whether a dash item assigns: "Sở Y tế: Chủ trì ...", or "Giao Sở Tài chính bố trí ..."."""
    folded = fold(heading[:120])
    colon = heading.find(":")
    if 0 < colon <= 100 and len(heading[:colon].split()) <= 12 and _AGENCY_HEAD.match(folded):
        return True
    return folded.startswith("giao ") and _AGENCY_HEAD.match(folded, 5) is not None


def _lists_agencies(section: Section) -> bool:
    """Whether most numbered items of ``section`` are headed by an agency ("1. Sở Y tế")."""
    items = [c for c in section.children if isinstance(c, Section) and c.kind is not SectionKind.DASH]
    named = sum(1 for c in items if _AGENCY_HEAD.match(fold(c.heading[:40])) and len(c.heading.split()) <= 16)
    return len(items) >= 2 and named >= 0.6 * len(items)


def _lift_typos(items: list[Section]) -> list[Section]:
    """Items with a decimal typo nested in the previous one lifted out ("7.86 Y tế" under "6.")."""
    out: list[Section] = []
    for item in items:
        children = list(item.children)
        due = int(item.label) + 1 if item.label.isdecimal() and len(item.label) <= 9 else None
        split = decimal_typo(item, due) if due is not None else None
        if split is None or due is None:
            out.append(item)
            continue
        typo = children[split]
        assert isinstance(typo, Section)
        out.append(Section(item.kind, item.label, item.heading, children[:split], span=item.span))
        rest = (*typo.children, *children[split + 1 :])
        out.append(Section(SectionKind.ARABIC, str(due), typo.heading, rest, span=typo.span))
    return out


def _split_agency(heading: str, has_tasks: bool) -> tuple[str | None, str]:
    """(agency, task text) of an assignment item's heading; agency ``None`` when it names none.

    An item with sub-items is headed by the agency alone; an item without them
    may run the agency into its task ("Tòa án nhân dân tỉnh Quan tâm ...").
    """
    text = squash(heading)
    folded = fold(text)
    start = 0
    m = re.match(r"(?:de nghi|giao|yeu cau)\s+", folded)
    if m is not None:
        start = m.end()
    colon = text.find(":", start)
    if 0 < colon < 160:
        head, rest = text[start:colon], text[colon + 1 :]
    else:
        verb = _TASK_VERB.search(folded, start)
        if verb is not None and verb.start() == start:
            return None, text  # the item starts with its task: no agency named
        words = len(text.split())
        if verb is None or (has_tasks and words <= 16) or len(text[start : verb.start()].split()) < 2:
            head, rest = text[start:], ""
        else:
            head, rest = text[start : verb.start()], text[verb.start() :]
    head = head.strip(" ,;.-")
    if not head or _not_agency(head) or len(head.split()) > 25:
        return None, text
    return head, rest.strip(" ,;")


def _not_agency(head: str) -> bool:
    """Whether a heading names a part of the plan, not an agency; OCR-tolerant for short ones."""
    folded = squash(fold(head))
    if _NOT_AGENCY.match(folded):
        return True
    folded = folded.translate(_OCR_DIGITS)  # "T6 chire thwe hién": OCR digits for vowels
    if len(folded.split()) > 5:
        return False
    return any(difflib.SequenceMatcher(None, folded, key).ratio() >= 0.7 for key in _NOT_AGENCY_KEYS)


def _items(section: Section) -> Iterator[tuple[str, Span | None]]:
    """The section's content as items: each paragraph, and each sub-item with what it holds.

    A paragraph starting in lower case continues the item before it (a page break
    split the sentence).
    """
    pending: tuple[str, Span | None] | None = None
    for child in section.children:
        if isinstance(child, Paragraph):
            if pending is not None and child.text[:1].islower():
                pending = (f"{pending[0]} {child.text}", _cover(pending[1], child.span))
                continue
            item = (child.text, child.span)
        else:
            item = (_flatten(child), child.span)
        if pending is not None:
            yield pending
        pending = item
    if pending is not None:
        yield pending


def _cover(a: Span | None, b: Span | None) -> Span | None:
    return a.cover(b) if a is not None and b is not None else a


def _flatten(section: Section) -> str:
    parts = [section.heading] if section.heading else []
    for child in section.children:
        parts.append(child.text if isinstance(child, Paragraph) else _flatten(child))
    return " ".join(p for p in parts if p)


def _task(text: str, span: Span | None) -> Task:
    folded = fold(text)
    role = Role.COOPERATE if folded.startswith("phoi h") else Role.LEAD
    return Task(text, role, _cooperating(text, folded), find_deadlines(text), span=span)


def _cooperating(text: str, folded: str) -> tuple[str, ...]:
    """Agencies after "phối hợp với", up to the verb of the task or the end of the clause."""
    out: list[str] = []
    for m in _COOPERATE.finditer(folded):
        name = text[m.end() : _name_end(folded, m.end(), _AGENCY_END)].strip(" ,;")
        if name and len(name.split()) <= 30:
            out.append(name)
    return tuple(out)


def _name_end(folded: str, start: int, end_pattern: re.Pattern[str]) -> int:
    """Where an agency's name that starts at ``start`` ends: at the task's verb or ``end_pattern``."""
    stops = (p.search(folded, start) for p in (_TASK_VERB, end_pattern))
    return min((m.start() for m in stops if m is not None), default=len(folded))


def find_deadlines(text: str) -> tuple[Deadline, ...]:
    """Every deadline expressed in ``text``, in order."""
    folded = fold(text)
    found: list[tuple[int, Deadline]] = []
    taken = Intervals()

    def add(m: re.Match[str], deadline: Deadline) -> None:
        if taken.overlaps(m.start(), m.end()):
            return
        taken.add(m.start(), m.end())
        found.append((m.start(), deadline))

    for m in _BY_DATE.finditer(folded):
        day = int(m.group("d") or m.group("d2"))
        month = int(m.group("m") or m.group("m2"))
        year = m.group("y") or m.group("y2")
        add(m, Deadline(DeadlineKind.BY_DATE, text[m.start() : m.end()], _date(year, month, day)))
    for m in _ONGOING.finditer(folded):
        year = m.group("y")
        add(m, Deadline(DeadlineKind.ONGOING, text[m.start() : m.end()], start_year=int(year) if year else None))
    for m in _RECURRING.finditer(folded):
        unit = m.group("unit") or m.group("unit2") or m.group("unit3")
        period = _PERIOD_NAMES[unit]
        if m.group("n"):
            period = f"{m.group('n')} {period}"
        add(m, Deadline(DeadlineKind.RECURRING, text[m.start() : m.end()], period=period))
    for m in _DURING.finditer(folded):
        if m.group("a"):
            deadline = Deadline(
                DeadlineKind.DURING, text[m.start() : m.end()], start_year=int(m.group("a")), end_year=int(m.group("b"))
            )
        elif m.group("year") or m.group("done"):
            year = m.group("year") or m.group("done")
            written = text[m.start() : m.end()]
            deadline = Deadline(DeadlineKind.DURING, written, _date(year, None, None), start_year=int(year))
        elif m.group("m"):
            month = int(m.group("m"))
            deadline = Deadline(DeadlineKind.DURING, text[m.start() : m.end()], _date(m.group("y"), month, None))
        else:
            deadline = Deadline(DeadlineKind.DURING, text[m.start() : m.end()], _date(m.group("qy"), None, None))
        add(m, deadline)
    return tuple(d for _, d in sorted(found, key=lambda f: f[0]))


def _date(year: str | None, month: int | None, day: int | None) -> PartialDate | None:
    try:
        return PartialDate(int(year) if year else None, month, day)
    except ValueError:
        return None


def find_targets(text: str, span: Span | None = None) -> tuple[Target, ...]:
    """Quantified targets in ``text``: ``100% trẻ em dưới 6 tuổi được cấp thẻ BHYT``."""
    out: list[Target] = []
    folded = fold(text)
    # Clause bounds from one scan, looked up per target; a clause is cut to _MAX_CLAUSE
    # characters each side, so a text of many targets and no full stop stays linear.
    opens = [m.start() for m in _CLAUSE_OPEN.finditer(text)]
    closes = [m.start() for m in _CLAUSE_CLOSE.finditer(text)]
    for m in _TARGET.finditer(text):
        value = float(m.group("value").replace(",", "."))
        k = bisect.bisect_left(opens, m.start())
        clause_start = max(opens[k - 1] + 1 if k else 0, m.start() - _MAX_CLAUSE)
        k = bisect.bisect_left(closes, m.end())
        clause_end = min(closes[k] if k < len(closes) else len(text), m.end() + _MAX_CLAUSE)
        after = text[m.end() : clause_end].strip(" ,")
        after = re.sub(r"^(?:trở lên|trở xuống|số)\s+", "", after)
        before = text[clause_start : m.start()].strip(" ,")
        q = _QUALIFIER.search(folded[clause_start : m.start()].rstrip())
        qualifier = before[q.start() :].strip() if q is not None and q.group(0).strip() else None
        if q is not None:
            before = before[: q.start()].strip(" ,")
        subject = after if len(after.split()) >= 2 else before or None
        out.append(
            Target(
                text[clause_start:clause_end].strip(),
                value,
                m.group("unit"),
                subject,
                qualifier,
                span=span,
            )
        )
    return tuple(out)


def _recipient(text: str) -> str | None:
    """The body a report goes to: the capitalised name after "gửi" or "về"."""
    folded = fold(text)
    for m in re.finditer(r"(?<![a-z~])(?:gui|ve)\s+", folded):
        if not text[m.end() : m.end() + 1].isupper():
            continue
        name = text[m.end() : _name_end(folded, m.end(), _RECIPIENT_END)].strip(" ,")
        if name:
            return name
    return None


def _reporting_clauses(text: str, span: Span | None) -> Iterator[ReportingDuty]:
    """Clauses that ask for a report with a deadline ("báo cáo ... trước ngày 15/7 về Sở ...")."""
    for clause in re.split(r"(?<=[;.])\s+", text):
        if _REPORT.search(fold(clause)) is None:
            continue
        deadlines = find_deadlines(clause)
        if deadlines:
            yield ReportingDuty(clause.strip(), deadlines, _recipient(clause), span=span)


def _references(doc: Document, source: Source | None) -> tuple[Reference, ...]:
    """The documents ``doc`` cites, first mention of each."""
    seen: set[str] = set()
    out: list[Reference] = []
    for ref in document_references(doc, source):
        key = ref.identifier.upper()
        if key not in seen:
            seen.add(key)
            out.append(ref)
    return tuple(out)


def document_references(doc: Document, source: str | Source | None = None) -> tuple[Reference, ...]:
    """Every citation in ``doc`` (every mention), its own number left out.

    With ``source`` (the text ``doc`` was parsed from) the citations carry their
    spans; without it they are read from the model's texts.
    """
    if isinstance(source, str):
        source = Source(source)
    if source is not None and doc.span is not None:
        found = find_references(source, doc.span.start_line, doc.span.end_line)
    else:
        found = references("\n".join(_texts(doc)))
    own = None
    if doc.header is not None and doc.header.number is not None and doc.header.number.number is not None:
        number = doc.header.number
        own = f"{number.number:02d}/{number.symbol}".upper() if number.symbol else None
    return tuple(ref for ref in found if own is None or ref.identifier.upper() != own)


def _texts(doc: Document) -> Iterator[str]:
    if doc.title is not None and doc.title.summary:
        yield doc.title.summary
    for node in (*doc.body, *doc.annex):
        yield node.text if isinstance(node, Paragraph) else _flatten(node)
