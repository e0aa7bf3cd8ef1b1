"""Servicing on the command line: the daily run, the portfolio report and
posting a repayment.

    loandesk accrue [--as-of DATE] [--url URL]
    loandesk report portfolio [--as-of DATE] [--by product|officer|area]
                              [--format xlsx|csv|pdf] --out FILE [--url URL]
    loandesk pay --loan NO --amount A --date D --channel C --receipt R
                 [--kind regular|early|settlement] [--option shorten-term|reduce-instalment]
                 [--url URL]

``accrue`` is meant for a scheduled task at the end of the day; running it
again for the same date changes nothing. ``report portfolio`` writes one
row per product (or officer, or marketing area) and the total row; the
format follows ``--format`` or the file's extension. ``pay`` posts as a
teller on the console, audited under the console user, like ``user add``.
"""

from __future__ import annotations

import argparse
import getpass
from pathlib import Path

_FORMATS = ("xlsx", "csv", "pdf")


def register(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add ``accrue``, ``report`` and ``pay``. Safe to call more than once
    (the command line may import this module for each of its names)."""
    from desktop.commands.common import add_url

    if "accrue" in subparsers.choices:
        return subparsers.choices["accrue"]
    accrue = subparsers.add_parser(
        "accrue", help="日终处理：计提罚息复利、更新逾期天数与五级分类建议、生成贷后任务"
    )
    accrue.add_argument("--as-of", help="处理日期（默认今天），如 2026-06-30")
    add_url(accrue)
    accrue.set_defaults(func=run_accrue)

    report = subparsers.add_parser("report", help="报表")
    kinds = report.add_subparsers(dest="report_command", metavar="报表", required=True)
    portfolio = kinds.add_parser("portfolio", help="贷款组合报告：笔数、金额、余额、PAR1/30/90")
    portfolio.add_argument("--as-of", help="统计日期（默认今天）")
    portfolio.add_argument(
        "--by", choices=("product", "officer", "area"), default="product", help="分组（默认按产品）"
    )
    portfolio.add_argument("--format", choices=_FORMATS, help="文件格式（默认按文件扩展名）")
    portfolio.add_argument("--out", required=True, help="输出文件")
    add_url(portfolio)
    portfolio.set_defaults(func=run_portfolio_report)

    pay = subparsers.add_parser("pay", help="登记一笔还款（以控制台操作员身份作为柜员）")
    pay.add_argument("--loan", required=True, help="借款合同编号")
    pay.add_argument("--amount", required=True, help="还款金额，如 8530.99")
    pay.add_argument("--date", required=True, help="还款日期，如 2026-06-20")
    pay.add_argument("--channel", required=True, help="渠道：现金、转账、代扣、手机银行、其他")
    pay.add_argument("--receipt", required=True, help="回单号（业务凭证号），不能重复")
    pay.add_argument(
        "--kind",
        default="regular",
        help="regular（正常还款）、early（提前部分还款）、settlement（提前结清）",
    )
    pay.add_argument("--option", help="提前部分还款：shorten-term（缩短期限）或 reduce-instalment")
    add_url(pay)
    pay.set_defaults(func=run_pay)
    return pay


def _operator() -> str:
    return f"console:{getpass.getuser()}"


def _day(text: str | None, label: str):
    from domain.customers import parse_date

    return None if not text else parse_date(text, "as_of", label)


def run_accrue(args: argparse.Namespace) -> int:
    """Run the daily run for ``--as-of`` (today) and print what it did."""
    from datetime import date

    from desktop.commands.common import open_ready_store
    from domain.servicing import accrue_as_operator

    day = _day(args.as_of, "处理日期") or date.today()
    store = open_ready_store(args)
    try:
        report = accrue_as_operator(store.uow(), _operator(), day)
    finally:
        store.close()
    print(report.message)
    return 0


def run_portfolio_report(args: argparse.Namespace) -> int:
    """Write the portfolio report to ``--out`` and print its total line."""
    from desktop.commands.common import UserError, open_ready_store
    from domain.money import format_amount
    from domain.reports import bank_heading, portfolio_report
    from printing import reports as files

    out = Path(args.out)
    kind = args.format or out.suffix.lower().lstrip(".")
    if kind not in _FORMATS:
        raise UserError("请用 --format 指定 xlsx、csv 或 pdf，或给输出文件加上相应的扩展名。")
    day = _day(args.as_of, "统计日期")
    store = open_ready_store(args)
    try:
        report = portfolio_report(store.uow(), day, args.by)
        bank = bank_heading(store.uow())
    finally:
        store.close()
    if kind == "xlsx":
        files.write_portfolio_xlsx(report, out, bank)
    elif kind == "csv":
        files.write_portfolio_csv(report, out)
    else:
        files.write_portfolio_pdf(report, out, bank)
    total = report.total
    print(
        f"已写入 {out}（截至 {report.as_of.isoformat()}，{len(report.rows)} 行加合计）："
        f"在贷 {total.active_loans} 笔，余额 {format_amount(total.outstanding)} 元，"
        f"PAR30 {total.par30 * 100:.2f}%。"
    )
    return 0


def run_pay(args: argparse.Namespace) -> int:
    """Post the payment and print where its money went."""
    from desktop.commands.common import open_ready_store
    from domain.money import format_amount
    from domain.servicing import RepaymentEntry, loan_position, post_repayment_as_operator

    entry = RepaymentEntry(
        amount=args.amount,
        paid_on=args.date,
        channel=args.channel,
        receipt_number=args.receipt,
        kind=args.kind,
        option=args.option,
    )
    store = open_ready_store(args)
    try:
        posted = post_repayment_as_operator(store.uow(), _operator(), args.loan, entry)
        position = loan_position(store.uow(), posted.loan_number)
    finally:
        store.close()
    a = posted.allocation
    print(
        f"已入账：贷款 {posted.loan_number} 回单 {posted.receipt_number} 金额 {format_amount(posted.amount)} 元"
        f"（罚息 {format_amount(a.penalty)}，复利 {format_amount(a.compound)}，"
        f"利息 {format_amount(a.interest)}，本金 {format_amount(a.principal)}）。"
    )
    state = (
        "已结清"
        if position.state.value == "closed"
        else f"剩余本金 {format_amount(position.outstanding_principal)} 元"
    )
    print(f"贷款状态：{state}，逾期 {position.days_past_due} 天。")
    return 0
