"""``loandesk products``: the loan product catalogue on the command line.

    loandesk products list [--url URL]

Prints every product, switched-off ones included, as an aligned table:
code, name, amount range, term range, guarantee types, penalty uplift and
whether it is on sale.
"""

from __future__ import annotations

import argparse
import unicodedata
from collections.abc import Sequence

from domain.money import format_amount
from domain.pricing import format_percent
from domain.products import GuaranteeType, Product

_HEADERS = ("代码", "名称", "金额范围（元）", "期限（月）", "担保方式", "逾期罚息上浮", "状态")
# Figures read best right-aligned; the rest left-aligned.
_RIGHT_ALIGNED = frozenset({2, 3, 5})


def register(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add the ``products`` subcommand with its ``list`` action (its ``func`` is :func:`run`)."""
    from desktop.commands.common import add_url

    parser = subparsers.add_parser(
        "products", help="贷款产品目录", description="查看贷款产品目录。"
    )
    actions = parser.add_subparsers(dest="products_command", metavar="子命令", required=True)
    listing = actions.add_parser("list", help="列出全部贷款产品（含已停用）")
    add_url(listing)
    listing.set_defaults(func=run)
    return parser


def run(args: argparse.Namespace) -> int:
    """Print the catalogue to stdout and return 0.

    Opens the database named by ``args.url`` (or the default); a database that
    cannot be opened or is not at this program's schema raises ``UserError``.
    """
    from desktop.commands.common import open_ready_store
    from domain.catalogue import list_products

    store = open_ready_store(args)
    try:
        products = list_products(store.uow(), include_inactive=True)
    finally:
        store.close()
    if not products:
        print("产品目录为空。")
        return 0
    print_table([_cells(p) for p in products])
    return 0


def _cells(product: Product) -> tuple[str, ...]:
    return (
        product.code,
        product.name,
        f"{format_amount(product.min_amount)} – {format_amount(product.max_amount)}",
        f"{product.min_months} – {product.max_months}",
        "、".join(g.label for g in GuaranteeType if g in product.guarantee_types),
        format_percent(product.penalty_uplift * 100),
        "在售" if product.active else "已停用",
    )


def print_table(rows: Sequence[tuple[str, ...]]) -> None:
    """Print ``rows`` under the headers, columns aligned for a terminal."""
    widths = [max(_width(cell) for cell in column) for column in zip(_HEADERS, *rows, strict=True)]
    print(_line(_HEADERS, widths))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print(_line(row, widths))


def _line(cells: Sequence[str], widths: Sequence[int]) -> str:
    padded = []
    for column, (cell, width) in enumerate(zip(cells, widths, strict=True)):
        gap = " " * (width - _width(cell))
        padded.append(gap + cell if column in _RIGHT_ALIGNED else cell + gap)
    return "  ".join(padded).rstrip()


def _width(text: str) -> int:
    """Columns the text takes in a terminal: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
