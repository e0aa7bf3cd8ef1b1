"""Milliseconds per search at branch scale: 100,000 customers.

Builds a SQLite database with the demo loader the first time (about 20 s)
and reuses it afterwards; then times the desk's searches, each the median
of several runs: part of a name, part of an ID number, a phone number, an
application number, and the next page after a first one.

    python bench/search.py [--db PATH] [--customers 100000] [--repeat 9]
    python bench/search.py --url postgresql+psycopg://…   # an already loaded server
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

from desktop.commands import demo
from desktop.startup import open_store
from domain.customers import get_customer
from domain.search import search_applications, search_customers

DEFAULT_DB = Path(tempfile.gettempdir()) / "loandesk-bench-search.db"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB, help="SQLite file to build or reuse")
    parser.add_argument("--url", help="use this database as it is instead (already loaded)")
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args()
    url = args.url or _built(args.db, args.customers)
    store = open_store(url)
    try:
        _report(store, args.repeat)
    finally:
        store.close()


def _built(path: Path, customers: int) -> str:
    url = f"sqlite:///{path}"
    if path.exists():
        store = open_store(url)
        try:
            with store.uow() as uow:
                if uow.customers.count() >= customers:
                    return url
        finally:
            store.close()
        path.unlink()
    print(f"装入 {customers} 户演示客户到 {path} …", file=sys.stderr)
    loader = argparse.ArgumentParser()
    demo.register(loader.add_subparsers())
    demo_args = loader.parse_args(["demo", "--url", url, "--customers", str(customers)])
    demo.run(demo_args)
    return url


def _timed(repeat: int, search: Callable[[], list]) -> tuple[float, int]:
    """Median milliseconds of ``repeat`` runs, and the number of rows found."""
    times, found = [], 0
    for _ in range(repeat):
        started = time.perf_counter()
        found = len(search())
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), found


def _report(store, repeat: int) -> None:
    uow = store.uow
    sample = search_customers(uow(), "", limit=500)[250]
    customer = get_customer(uow(), sample.id)
    application = search_applications(uow(), limit=300)[150]
    first_page = search_customers(uow(), "张", limit=50)
    rare_name = customer.name[-2:] if len(customer.name) > 2 else customer.name
    cases = [
        ("姓名片段（常见字“张”）", lambda: search_customers(uow(), "张")),
        (f"姓名片段（“{rare_name}”）", lambda: search_customers(uow(), rare_name)),
        ("身份证号码片段（8位）", lambda: search_customers(uow(), customer.id_number[6:14])),
        ("身份证号码片段（后6位）", lambda: search_customers(uow(), customer.id_number[-6:])),
        ("手机号码（11位）", lambda: search_customers(uow(), customer.phone)),
        ("手机号码（后4位）", lambda: search_customers(uow(), customer.phone[-4:])),
        ("无匹配", lambda: search_customers(uow(), "无此人")),
        (
            "“张”的第2页",
            lambda: search_customers(uow(), "张", after=first_page[-1].sort_key),
        ),
        ("申请编号（完整）", lambda: search_applications(uow(), application.application_number)),
        ("申请编号片段", lambda: search_applications(uow(), application.application_number[-9:])),
        ("申请：客户姓名片段", lambda: search_applications(uow(), rare_name)),
        ("申请：按金额排序", lambda: search_applications(uow(), order_by="amount")),
    ]
    print(f"数据库：{store.display_name}；每项取 {repeat} 次的中位数")
    for label, search in cases:
        ms, found = _timed(repeat, search)
        print(f"{ms:8.1f} ms  {found:4d} 行  {label}")


if __name__ == "__main__":
    main()
