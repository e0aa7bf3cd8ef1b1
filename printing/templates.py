"""The wording of every document, kept as data an administrator can adapt.

Each document has a TOML file in ``resources/templates`` (``loan_contract.toml``
and so on): its title, the labels of its tables, its clauses and the text
fragments chosen by the data (entrusted or own payment, borrower or
guarantor). Texts use ``{placeholders}`` filled from the paper with
``str.format_map``; a literal brace is written ``{{`` or ``}}``. The bank's
name never appears in a template: it comes from the paper.

A bank keeps its own wording in a directory of its own (``templates_dir``):
a file there overrides the shipped file of the same name key by key, so a
bank that rewrites one clause list or one fragment keeps the shipped text
for everything else.
"""

from __future__ import annotations

import threading
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import cn2an

from domain.errors import DomainError
from domain.money import amount_in_capitals, format_amount
from domain.paperwork import BankDetails

TEMPLATES_DIR = Path(__file__).resolve().parents[1] / "resources" / "templates"


class TemplateError(DomainError):
    """A template file is missing, unreadable, or asks for a text or a
    placeholder that does not exist. The message names the file and the key,
    for the administrator who edited it."""


@dataclass(frozen=True)
class Clause:
    """A numbered clause of a contract: ``第三条 借款利率`` and its paragraphs."""

    heading: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class DocumentTemplate:
    """The wording of one kind of document, read from its TOML file(s)."""

    name: str
    content: Mapping[str, Any]
    sources: tuple[Path, ...]

    def raw(self, key: str) -> Any:
        """The value at a dotted ``key`` (``labels.amount``), unformatted."""
        value: Any = self.content
        for part in key.split("."):
            if not isinstance(value, Mapping) or part not in value:
                raise TemplateError(f"模板 {self._where()} 缺少“{key}”")
            value = value[part]
        return value

    def text(self, key: str, values: Mapping[str, str] | None = None) -> str:
        """The text at ``key`` with its placeholders filled from ``values``
        (already made safe for paragraph markup by ``markup_values``)."""
        return self.fill(self.raw(key), values or {}, key)

    def texts(self, key: str, values: Mapping[str, str]) -> list[str]:
        """A list of texts at ``key``, each filled."""
        raw = self.raw(key)
        if isinstance(raw, str):
            raw = [raw]
        return [self.fill(text, values, key) for text in raw]

    def clauses(self, values: Mapping[str, str], key: str = "clauses") -> list[Clause]:
        """The numbered clauses at ``key``: headings get ``第一条``, ``第二条`` … in
        the order of the file, so inserting a clause needs no renumbering."""
        clauses = []
        for number, entry in enumerate(self.raw(key), start=1):
            self._check_clause(entry, key, number)
            heading = self.fill(entry.get("heading", ""), values, key)
            paragraphs = entry.get("paragraphs", [])
            if isinstance(paragraphs, str):
                paragraphs = [paragraphs]
            clauses.append(
                Clause(
                    heading=f"第{chinese_number(number)}条　{heading}",
                    paragraphs=tuple(self.fill(p, values, key) for p in paragraphs),
                )
            )
        return clauses

    def _check_clause(self, entry: object, key: str, number: int) -> None:
        """A clause has a heading and paragraphs, nothing else. An extra key
        is nearly always text meant for the top of the file: in TOML whatever
        follows ``[[clauses]]`` belongs to that clause."""
        if not isinstance(entry, Mapping):
            raise TemplateError(f"模板 {self._where()} 的“{key}”第 {number} 条格式有误")
        unknown = sorted(set(entry) - {"heading", "paragraphs"})
        if unknown:
            raise TemplateError(
                f"模板 {self._where()} 的“{key}”第 {number} 条中有未知的项："
                f"{'、'.join(unknown)}。写在 [[{key}]] 之后的项属于该条款，"
                "其他项请移到文件中第一个 [表] 之前"
            )

    def fill(self, text: str, values: Mapping[str, str], key: str = "") -> str:
        """``text`` with its placeholders filled; ``TemplateError`` names an
        unknown placeholder and the ones that exist."""
        try:
            return text.format_map(_Placeholders(values, self, key))
        except (ValueError, IndexError) as error:
            raise TemplateError(
                f"模板 {self._where()} 的“{key}”格式有误（{error}）；"
                "花括号须成对出现，原样输出的花括号写作 {{ 或 }}"
            ) from None

    def _where(self) -> str:
        return "、".join(str(p) for p in self.sources)


class _Placeholders(dict):
    """Values for ``format_map`` that report a missing placeholder in the
    administrator's terms rather than as a bare ``KeyError``."""

    def __init__(self, values: Mapping[str, str], template: DocumentTemplate, key: str):
        super().__init__(values)
        self._template = template
        self._key = key

    def __missing__(self, name: str) -> str:
        known = "、".join("{" + k + "}" for k in sorted(self))
        raise TemplateError(
            f"模板 {self._template._where()} 的“{self._key}”用了未知的占位符 {{{name}}}；"
            f"可用的占位符：{known}"
        )


def markup_values(values: Mapping[str, object]) -> dict[str, str]:
    """``values`` as text safe inside paragraph markup: a name such as
    ``A&B商行`` or ``<张三>`` must print as typed, not break the page."""
    return {key: escape(str(value)) for key, value in values.items()}


_cache: dict[tuple[str, Path | None], tuple[tuple[int, ...], DocumentTemplate]] = {}
_cache_lock = threading.Lock()


def load_template(name: str, templates_dir: Path | str | None = None) -> DocumentTemplate:
    """The template ``name`` (``"loan_contract"``): the shipped file, overridden
    key by key by ``templates_dir/name.toml`` when that file exists.

    Parsed once and kept while the files are unchanged, so a batch of a
    thousand notices reads the file once and an administrator's edit is
    picked up by the next document. Safe from any thread. Raises
    ``TemplateError`` for a missing shipped file or a file that is not valid
    TOML.
    """
    override_dir = Path(templates_dir) if templates_dir is not None else None
    paths = [TEMPLATES_DIR / f"{name}.toml"]
    if override_dir is not None and (override_dir / f"{name}.toml").is_file():
        paths.append(override_dir / f"{name}.toml")
    stamps = tuple(_modified(path) for path in paths)
    key = (name, override_dir)
    with _cache_lock:
        cached = _cache.get(key)
        if cached and cached[0] == stamps:
            return cached[1]
    content: dict[str, Any] = {}
    for path in paths:
        content = _merged(content, _read(path))
    template = DocumentTemplate(name, content, tuple(paths))
    with _cache_lock:
        _cache[key] = (stamps, template)
    return template


def _modified(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except FileNotFoundError:
        raise TemplateError(f"找不到文书模板文件：{path}") from None


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as file:
            return tomllib.load(file)
    except tomllib.TOMLDecodeError as error:
        raise TemplateError(f"文书模板 {path} 格式有误：{error}") from None


def _merged(base: Mapping[str, Any], override: Mapping[str, Any]) -> dict[str, Any]:
    """``base`` with ``override`` laid over it: tables merge key by key, any
    other value (text, list of clauses) is replaced whole."""
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), Mapping):
            merged[key] = _merged(merged[key], value)
        else:
            merged[key] = value
    return merged


# --- Values as printed ---------------------------------------------------------------


def yuan(amount: Decimal) -> str:
    """``8,530.99``: an amount in figures, without the unit."""
    return format_amount(amount)


def capitals(amount: Decimal) -> str:
    """``人民币捌仟伍佰叁拾元玖角玖分``: an amount in Chinese capitals."""
    return amount_in_capitals(amount)


def chinese_date(day: date) -> str:
    """``2025年7月20日``, as dates are written in Chinese documents."""
    return f"{day.year}年{day.month}月{day.day}日"


def chinese_time(moment: datetime) -> str:
    """``2025年7月20日 14:05``."""
    return f"{chinese_date(moment)} {moment:%H:%M}"


def percent(rate: Decimal) -> str:
    """``4.35%``: a rate kept in percent, with its own decimals (at least two)."""
    text = format(rate.normalize(), "f")
    whole, _, decimals = text.partition(".")
    return f"{whole}.{decimals.ljust(2, '0')}%"


def uplift(ratio: Decimal) -> str:
    """``50%``: an uplift kept as a ratio (``Decimal("0.5")``)."""
    return f"{format((ratio * 100).normalize(), 'f')}%"


def chinese_number(number: int) -> str:
    """``六``, ``十二``: a small whole number in Chinese numerals."""
    return cn2an.an2cn(number)


def bank_values(bank: BankDetails) -> dict[str, str]:
    """The bank's placeholders, common to every template."""
    return {
        "bank_name": bank.bank_name,
        "branch_name": bank.branch_name,
        "bank_full_name": bank.full_name,
        "bank_address": bank.address,
        "bank_phone": bank.phone,
        "bank_phone_note": f"（联系电话：{bank.phone}）" if bank.phone else "",
    }
