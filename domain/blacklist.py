"""The default notice list (违约信息通报名单): people with bad credit records.

An application is stopped at intake, with the reason shown, when the
borrower, the spouse, a guarantor or a member of the joint-guarantee group is
on the list. Supervisors and administrators keep the list, by hand or by
importing the CSV file the head office or the rural credit association
circulates.

Entries are never deleted: lifting one sets ``active`` off, and the audit
trail keeps every earlier reason. One entry per ID number.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import NamedTuple

from domain.customers import FieldProblems, FormErrors, limited_text, required_text
from domain.errors import ConcurrencyConflict, DomainError, NotFound
from domain.identity import mask_id_number, parse_resident_id
from domain.text import compact_code
from domain.users import Role, User

NAME_MAX = 40
REASON_MAX = 200
SOURCE_MAX = 100

KEEPERS = (Role.SUPERVISOR, Role.ADMINISTRATOR)

# Column names accepted in an import file's header, for each field.
_HEADER_NAMES = {
    "id_number": ("身份证号码", "身份证号", "id_number"),
    "name": ("姓名", "name"),
    "reason": ("原因", "reason"),
    "source": ("来源", "source"),
}
_HEADER_LABELS = {"id_number": "身份证号码", "name": "姓名", "reason": "原因", "source": "来源"}
_REQUIRED_COLUMNS = ("id_number", "name", "reason")


@dataclass(repr=False)
class BlacklistEntry:
    """One listed person. ``id_number`` is canonical; ``listed_on`` is the day
    the bank recorded the entry (or last renewed it); ``source`` names the
    notice it came from and may be empty."""

    id_number: str
    name: str
    reason: str
    source: str
    listed_on: date
    active: bool = True
    id: int | None = None
    version: int = field(default=0, compare=False)

    @property
    def masked_id_number(self) -> str:
        return mask_id_number(self.id_number)

    def __repr__(self) -> str:
        return f"BlacklistEntry({self.name!r}, {self.masked_id_number}, active={self.active})"


@dataclass(frozen=True)
class BlacklistHit:
    """A person of an application found on the list, in the role they play."""

    role_label: str  # 借款人, 配偶, 保证人, 联保成员
    name: str
    entry: BlacklistEntry

    @property
    def message(self) -> str:
        source = f"（来源：{self.entry.source}）" if self.entry.source else ""
        return (
            f"{self.role_label} {self.name}（{self.entry.masked_id_number}）"
            f"在违约信息通报名单中：{self.entry.reason}{source}"
        )


class Blacklisted(DomainError):
    """Someone on the application is on the list; ``hits`` says who and why."""

    # Roles whose listing stops the application outright; others can be replaced.
    _UNREPLACEABLE = frozenset({"借款人", "配偶"})

    def __init__(self, hits: Sequence[BlacklistHit]):
        self.hits = list(hits)
        lines = "；".join(hit.message for hit in self.hits)
        if any(hit.role_label in self._UNREPLACEABLE for hit in self.hits):
            advice = "该申请不能受理。"
        else:
            advice = "请更换相关保证人或联保成员后再保存。"
        super().__init__(f"{lines}。{advice}")


# ---------------------------------------------------------------------------
# Checking people
# ---------------------------------------------------------------------------

Person = tuple[str, str, str | None]  # (role label, name, ID number as typed)


def blacklist_hits(uow, id_numbers: Iterable[str]) -> list[BlacklistEntry]:
    """The active entries for any of ``id_numbers`` (as typed; numbers that are
    not resident IDs are ignored), ordered by ID number."""
    with uow:
        return uow.blacklist.active_for(_canonical(id_numbers))


def ensure_not_blacklisted(uow, people: Sequence[Person]) -> None:
    """Raise ``Blacklisted`` naming every listed person of ``people``, each a
    ``(role_label, name, id_number)``; return quietly when nobody is listed."""
    with uow:
        refuse_listed_people(uow, people)


def refuse_listed_people(uow, people: Sequence[Person]) -> None:
    """``ensure_not_blacklisted`` inside a unit of work the caller has opened."""
    wanted = {number for _role, _name, number in people if number}
    entries = {e.id_number: e for e in uow.blacklist.active_for(_canonical(wanted))}
    hits = [
        BlacklistHit(role, name, entries[compact_code(number)])
        for role, name, number in people
        if number and compact_code(number) in entries
    ]
    if hits:
        raise Blacklisted(hits)


def _canonical(numbers: Iterable[str]) -> list[str]:
    return sorted({compact_code(n) for n in numbers if n})


# ---------------------------------------------------------------------------
# Keeping the list by hand
# ---------------------------------------------------------------------------


def list_blacklist(uow, include_lifted: bool = False) -> list[BlacklistEntry]:
    """The list ordered by ID number; lifted entries only when asked."""
    with uow:
        return uow.blacklist.list(include_inactive=include_lifted)


def add_to_blacklist(
    uow,
    actor: User,
    id_number: str,
    name: str,
    reason: str,
    source: str = "",
    listed_on: date | None = None,
) -> BlacklistEntry:
    """List a person, or renew the entry of one already listed (new reason,
    source and date; a lifted entry becomes active again).

    Supervisors and administrators only. ``FormErrors`` for a bad ID number
    or a missing name or reason. ``listed_on`` defaults to today.
    """
    actor.require(*KEEPERS, doing="维护违约信息通报名单")
    with uow.acting(actor.username):
        entry = _validated_entry(id_number, name, reason, source, uow.clock.today())
        entry.listed_on = listed_on or entry.listed_on
        stored = uow.blacklist.get(entry.id_number)
        saved = uow.blacklist.add(entry) if stored is None else _renew(uow, stored, entry)
        uow.commit()
        return saved


def lift_from_blacklist(
    uow, actor: User, id_number: str, *, version: int, reason: str
) -> BlacklistEntry:
    """Take a person off the list (the entry stays, inactive). ``version`` is the
    copy the supervisor was looking at (``ConcurrencyConflict`` if it changed).

    ``reason`` says why (the debt repaid, a notice withdrawn…): it is
    required (``FormErrors`` under ``reason``) and kept in the audit trail
    with the lifting, because the entry itself keeps only the reason for
    listing. An entry already lifted is returned as it is, nothing recorded.
    """
    actor.require(*KEEPERS, doing="维护违约信息通报名单")
    found = FieldProblems()
    reason = found.check(
        "reason", required_text, reason, "reason", "移出原因", REASON_MAX, remark=True
    )
    found.raise_if_any()
    number = parse_resident_id(id_number).number
    with uow.acting(actor.username):
        stored = uow.blacklist.get(number)
        if stored is None:
            raise NotFound(f"名单中没有身份证号码 {mask_id_number(number)}。")
        if stored.version != version:
            raise ConcurrencyConflict()
        if not stored.active:
            return stored
        stored.active = False
        saved = uow.blacklist.update(stored)
        uow.record("lift_blacklist", "blacklist", str(saved.id), {"reason": reason})
        uow.commit()
        return saved


def _validated_entry(
    id_number: str | None, name: str | None, reason: str | None, source: str | None, today: date
) -> BlacklistEntry:
    found = FieldProblems()
    resident = found.check("id_number", parse_resident_id, id_number, "id_number", today=today)
    name = found.check("name", required_text, name, "name", "姓名", NAME_MAX)
    reason = found.check(
        "reason", required_text, reason, "reason", "列入原因", REASON_MAX, remark=True
    )
    source = found.check("source", limited_text, source, "source", "来源", SOURCE_MAX)
    found.raise_if_any()
    return BlacklistEntry(resident.number, name, reason, source, listed_on=today)


def _renew(uow, stored: BlacklistEntry, entry: BlacklistEntry) -> BlacklistEntry:
    entry.id, entry.version = stored.id, stored.version
    return uow.blacklist.update(entry)


# ---------------------------------------------------------------------------
# Importing a circulated list
# ---------------------------------------------------------------------------


class ImportRow(NamedTuple):
    """What became of one line of the file. ``id_number`` is masked."""

    line_no: int
    id_number: str
    accepted: bool
    message: str


@dataclass
class ImportReport:
    """Every data line of the file, in file order, accepted or not and why."""

    rows: list[ImportRow]

    @property
    def accepted(self) -> list[ImportRow]:
        return [row for row in self.rows if row.accepted]

    @property
    def rejected(self) -> list[ImportRow]:
        return [row for row in self.rows if not row.accepted]

    @property
    def summary(self) -> str:
        return (
            f"共 {len(self.rows)} 行：接受 {len(self.accepted)} 行，拒绝 {len(self.rejected)} 行。"
        )


_ADDED = "已加入名单"
_UNCHANGED = "已在名单中，内容相同，未改动"
_RENEWED = "已在名单中，已按本文件更新姓名、原因和来源"
_RELISTED = "曾被移出名单，已按本文件重新列入"


def import_blacklist_csv(uow, actor: User, text_or_path: str | Path) -> ImportReport:
    """Import a circulated list and report on every line.

    ``text_or_path`` is the file's text, or a ``Path`` (or the name of an
    existing file) read as UTF-8 or, failing that, GB18030, the encoding
    Excel uses on Chinese Windows. The header is ``身份证号码,姓名,原因,来源``
    (or ``id_number,name,reason,source``), in any order; ``来源`` may be
    missing, other columns are ignored.

    Per line: a bad ID number, a missing name or a missing reason rejects the
    line; an ID number repeated in the file is taken from its first line and
    the later ones rejected. A person already listed is renewed from the file
    (the circulated notice is the latest word; the audit trail keeps what it
    replaces), or left alone when nothing differs; a lifted entry is listed
    again. All accepted lines are saved in one transaction, and the import
    itself is recorded as one audit event. Supervisors and administrators
    only. ``DomainError`` if the header lacks a required column.
    """
    actor.require(*KEEPERS, doing="导入违约信息通报名单")
    lines = _read_csv(_text_of(text_or_path))
    with uow.acting(actor.username):
        today = uow.clock.today()
        parsed = _parse_lines(lines, today)
        numbers = [entry.id_number for _line, entry in parsed if entry]
        stored = {e.id_number: e for e in uow.blacklist.entries_for(numbers)}
        rows = []
        for line, outcome in parsed:
            if isinstance(outcome, ImportRow):
                rows.append(outcome)
                continue
            rows.append(_apply(uow, line, outcome, stored.get(outcome.id_number)))
        report = ImportReport(sorted(rows, key=lambda row: row.line_no))
        uow.record(
            "import_blacklist",
            "blacklist",
            "csv",
            {"lines": len(report.rows), "accepted": len(report.accepted)},
        )
        uow.commit()
        return report


def _apply(uow, line: int, entry: BlacklistEntry, stored: BlacklistEntry | None) -> ImportRow:
    masked = entry.masked_id_number
    if stored is None:
        uow.blacklist.add(entry)
        return ImportRow(line, masked, True, _ADDED + _warning_note(entry))
    if stored.active and (stored.name, stored.reason, stored.source) == (
        entry.name,
        entry.reason,
        entry.source,
    ):
        return ImportRow(line, masked, True, _UNCHANGED)
    message = _RENEWED if stored.active else _RELISTED
    _renew(uow, stored, entry)
    return ImportRow(line, masked, True, message)


def _warning_note(entry: BlacklistEntry) -> str:
    warnings = parse_resident_id(entry.id_number).warnings
    return f"（{'；'.join(warnings)}）" if warnings else ""


def _text_of(text_or_path: str | Path) -> str:
    if isinstance(text_or_path, str) and ("\n" in text_or_path or "," in text_or_path):
        return text_or_path
    path = Path(text_or_path)
    if not path.is_file():
        if isinstance(text_or_path, Path):
            raise DomainError(f"找不到文件 {path}，请检查文件位置。")
        return text_or_path
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("gb18030", errors="replace")


def _read_csv(text: str) -> list[tuple[int, list[str]]]:
    """Non-blank rows with the file line each starts on."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    rows, line = [], 1
    for cells in reader:
        if any(cell.strip() for cell in cells):
            rows.append((line, cells))
        line = reader.line_num + 1
    return rows


def _parse_lines(
    lines: list[tuple[int, list[str]]], today: date
) -> list[tuple[int, ImportRow | BlacklistEntry]]:
    if not lines:
        raise DomainError("文件是空的，没有可导入的内容。")
    _header_line, header = lines[0]
    columns = _columns(header)
    first_line_of: dict[str, int] = {}
    parsed: list[tuple[int, ImportRow | BlacklistEntry]] = []
    for line, cells in lines[1:]:
        values = {key: cells[i] if i < len(cells) else "" for key, i in columns.items()}
        outcome = _parse_line(line, values, today)
        if isinstance(outcome, BlacklistEntry):
            first = first_line_of.setdefault(outcome.id_number, line)
            if first != line:
                outcome = ImportRow(
                    line,
                    outcome.masked_id_number,
                    False,
                    f"与第 {first} 行身份证号码重复，已按第 {first} 行处理",
                )
        parsed.append((line, outcome))
    return parsed


def _columns(header: list[str]) -> dict[str, int]:
    """Which cell holds which field; ``DomainError`` if a required one is missing."""
    names = [compact_code(cell).lower() for cell in header]
    columns = {}
    for key, accepted in _HEADER_NAMES.items():
        for index, name in enumerate(names):
            if name in {a.lower() for a in accepted}:
                columns[key] = index
                break
    missing = [_HEADER_LABELS[key] for key in _REQUIRED_COLUMNS if key not in columns]
    if missing:
        raise DomainError(
            f"第 1 行表头缺少“{'”“'.join(missing)}”列。表头应为：身份证号码,姓名,原因,来源"
        )
    return columns


def _parse_line(line: int, values: dict[str, str], today: date) -> ImportRow | BlacklistEntry:
    masked = mask_id_number(values.get("id_number"))
    try:
        return _validated_entry(
            values.get("id_number"),
            values.get("name"),
            values.get("reason"),
            values.get("source", ""),
            today,
        )
    except FormErrors as error:
        return ImportRow(line, masked, False, "；".join(error.problems.values()))
