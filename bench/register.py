"""Milliseconds per page of the loan register at a million loans, on SQLite.

Builds a SQLite database with the demo loan loader the first time (a
million loans with their repayment histories: about half an hour) and
reuses it afterwards; then times, each the median of several runs:

- the first page (100 loans, newest first);
- searches: a whole contract number, a disbursement day, a surname, a full
  name, an officer, and the first page of overdue loans;
- a scroll of 50 successive pages by keyset, each page timed.

    python bench/register.py [--db PATH] [--loans 1000000] [--repeat 9] [--pages 50]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

# Run as a script from a checkout, installed or not: the project root goes first.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop.commands.demo_loans import load_demo_loans
from desktop.startup import open_store
from domain.register import RegisterFilters, loan_register
from domain.reports import portfolio_report

DEFAULT_DB = Path(tempfile.gettempdir()) / "loandesk-bench-register.db"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB, help="SQLite file to build or reuse")
    parser.add_argument("--loans", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--pages", type=int, default=50)
    args = parser.parse_args()
    url = _built(args.db, args.loans)
    store = open_store(url)
    try:
        _report(store, args.repeat, args.pages)
    finally:
        store.close()


def _built(path: Path, loans: int) -> str:
    url = f"sqlite:///{path}"
    if path.exists():
        store = open_store(url)
        try:
            if store.schema_status().state.value == "current":
                total = portfolio_report(store.uow()).total.loans_disbursed
                if total >= loans:
                    return url
        finally:
            store.close()
        path.unlink()
    print(f"装入 {loans} 笔演示贷款到 {path} …", file=sys.stderr)
    store = open_store(url)
    try:
        store.upgrade()
        started = time.perf_counter()
        loaded = load_demo_loans(store.uow, loans=loans, seed=2026, progress=_progress)
        print(f"  用时 {time.perf_counter() - started:.0f} 秒；{loaded.daily_run}", file=sys.stderr)
    finally:
        store.close()
    return url


def _progress(done: int, total: int) -> None:
    print(f"  {done}/{total}", file=sys.stderr, flush=True)


def _median_ms(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def _report(store, repeat: int, pages: int) -> None:
    uow = store.uow
    first = loan_register(uow())
    sample = first[len(first) // 2]
    surname = sample.borrower_name[0]
    print(f"贷款台账（{store.display_name}）每项取 {repeat} 次的中位数：")
    print(
        f"  first page (100 loans)          {_median_ms(lambda: loan_register(uow()), repeat):7.1f} ms"
    )
    searches = {
        "contract number": sample.loan_number,
        "disbursement day": sample.loan_number[2:10],
        f"surname {surname}": surname,
        f"full name {sample.borrower_name}": sample.borrower_name,
        f"officer {sample.officer}": sample.officer,
    }
    for label, text in searches.items():
        found = loan_register(uow(), RegisterFilters(text))
        ms = _median_ms(lambda t=text: loan_register(uow(), RegisterFilters(t)), repeat)
        print(f"  search {label:<24} {ms:7.1f} ms  ({len(found)} on the first page)")
    overdue = _median_ms(lambda: loan_register(uow(), RegisterFilters(overdue=True)), repeat)
    print(f"  overdue only, first page        {overdue:7.1f} ms")
    _scroll(uow, pages)


def _scroll(uow, pages: int) -> None:
    after, times, seen = None, [], set()
    for _ in range(pages):
        started = time.perf_counter()
        page = loan_register(uow(), after=after)
        times.append((time.perf_counter() - started) * 1000)
        seen.update(row.loan_number for row in page)
        after = page[-1].sort_key
    shown = " ".join(f"{t:.1f}" for t in times)
    print(f"  scroll of {pages} pages, ms each: {shown}")
    print(
        f"  scroll: median {statistics.median(times):.1f} ms, slowest {max(times):.1f} ms, "
        f"{len(seen)} distinct loans"
    )


if __name__ == "__main__":
    main()
