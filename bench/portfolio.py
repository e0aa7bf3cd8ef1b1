"""Seconds to compute PAR and classification for 100,000 loans, on SQLite.

Builds a SQLite database with the demo loan loader the first time (100,000
loans with their repayment histories: a few minutes) and reuses it
afterwards; then times:

- the portfolio report with PAR1/30/90 from the loan accounts, by product
  and by officer, and the classification breakdown (median of several runs);
- the same report for a past month end, recomputed from the postings;
- twelve month ends of portfolio and PAR;
- the daily run for tomorrow (on a copy of the database, which it changes);
- every active loan's position and suggested category computed afresh
  from its schedule lines (what the daily run does for the loans that moved).

    python bench/portfolio.py [--db PATH] [--loans 100000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

# Run as a script from a checkout, installed or not: the project root goes first.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop.commands.demo_loans import load_demo_loans
from desktop.startup import open_store
from domain.classification import load_thresholds, thresholds_for
from domain.reports import (
    classification_breakdown,
    month_ends,
    portfolio_report,
    portfolio_series,
)
from domain.servicing import accrue_as_operator, apply_position, figures_of

DEFAULT_DB = Path(tempfile.gettempdir()) / "loandesk-bench-portfolio.db"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB, help="SQLite file to build or reuse")
    parser.add_argument("--loans", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    url = _built(args.db, args.loans)
    store = open_store(url)
    try:
        _report(store, args.repeat)
    finally:
        store.close()
    _daily_run(args.db)


def _built(path: Path, loans: int) -> str:
    url = f"sqlite:///{path}"
    if path.exists():
        store = open_store(url)
        try:
            current = store.schema_status().state.value == "current"
            if current and portfolio_report(store.uow()).total.loans_disbursed >= loans:
                return url
        finally:
            store.close()
        path.unlink()
    print(f"装入 {loans} 笔演示贷款到 {path} …", file=sys.stderr)
    store = open_store(url)
    try:
        store.upgrade()
        started = time.perf_counter()
        loaded = load_demo_loans(store.uow, loans=loans, seed=2026)
        print(f"  用时 {time.perf_counter() - started:.0f} 秒；{loaded.daily_run}", file=sys.stderr)
    finally:
        store.close()
    return url


def _median_s(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _report(store, repeat: int) -> None:
    uow = store.uow
    today = date.today()
    total = portfolio_report(uow()).total
    print(
        f"贷款组合（{store.display_name}）：累计 {total.loans_disbursed} 笔，在贷 {total.active_loans} 笔，"
        f"PAR1 {total.par1} PAR30 {total.par30} PAR90 {total.par90}"
    )
    timings = {
        "PAR by product (accounts)": lambda: portfolio_report(uow()),
        "PAR by officer (accounts)": lambda: portfolio_report(uow(), None, "officer"),
        "classification breakdown": lambda: classification_breakdown(uow()),
    }
    for label, action in timings.items():
        print(f"  {label:<36} {_median_s(action, repeat) * 1000:8.1f} ms")
    month_end = month_ends(today - timedelta(days=40), today - timedelta(days=40))[0]
    past = _median_s(lambda: portfolio_report(uow(), month_end), max(repeat // 2, 1))
    print(f"  PAR on {month_end} (recomputed)      {past * 1000:8.1f} ms")
    first = today.replace(day=1) - timedelta(days=330)
    series = _median_s(lambda: portfolio_series(uow(), first), 1)
    print(f"  12 month ends of PAR                 {series * 1000:8.1f} ms")
    _positions(uow, today)


def _positions(uow, today: date) -> None:
    """Every active loan's position and category, computed from its lines."""
    with uow() as unit:
        thresholds = load_thresholds(unit)
        accounts = unit.accruals.accounts_to_compute(
            today + timedelta(days=3650), after=0, limit=10**7
        )
        started = time.perf_counter()
        lines = unit.loan_accounts.lines_of_many([a.loan_id for a in accounts])
        loaded = time.perf_counter() - started
        started = time.perf_counter()
        for account in accounts:
            figures = figures_of(account, lines.get(account.loan_id, []), today)
            apply_position(account, figures, thresholds_for(thresholds, account.product_code))
        computed = time.perf_counter() - started
    rate = len(accounts) / computed if computed else 0
    print(
        f"  positions and categories of {len(accounts)} active loans: "
        f"{loaded:.1f} s reading lines, {computed:.1f} s computing ({rate:,.0f} loans/s)"
    )


class _Tomorrow:
    """A clock a day ahead: the daily run refuses dates after today."""

    def now(self) -> datetime:
        return datetime.now(UTC) + timedelta(days=1)

    def today(self) -> date:
        return date.today() + timedelta(days=1)


def _daily_run(path: Path) -> None:
    copy = path.with_name(path.stem + "-run.db")
    shutil.copyfile(path, copy)
    store = open_store(f"sqlite:///{copy}", _Tomorrow())
    try:
        tomorrow = date.today() + timedelta(days=1)
        started = time.perf_counter()
        report = accrue_as_operator(store.uow(), "bench", tomorrow)
        seconds = time.perf_counter() - started
    finally:
        store.close()
        copy.unlink()
    print(f"  daily run for {tomorrow}: {seconds:.1f} s — {report.message}")


if __name__ == "__main__":
    main()
