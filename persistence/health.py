"""``loandesk db check``: schema version and integrity of either database."""

from __future__ import annotations

from sqlalchemy import inspect, text

from persistence.database import Database
from persistence.models import Base
from persistence.schema import SchemaState, schema_status


def check(database: Database) -> tuple[list[str], list[str]]:
    """Return (facts, problems). No problems means the database is sound."""
    status = schema_status(database)
    facts = [f"数据库：{database.display_name}", status.message]
    problems: list[str] = []
    if status.state != SchemaState.CURRENT:
        problems.append(status.message)
        return facts, problems
    with database.engine.connect() as connection:
        if database.kind == "sqlite":
            for (row,) in connection.exec_driver_sql("PRAGMA integrity_check"):
                if row != "ok":
                    problems.append(f"SQLite 完整性检查：{row}")
            for row in connection.exec_driver_sql("PRAGMA foreign_key_check"):
                problems.append(f"外键不一致：表 {row[0]} 第 {row[1]} 行引用了不存在的 {row[2]}")
        else:
            connection.execute(text("SELECT 1"))
        problems += _missing_columns(connection)
    if not problems:
        facts.append("完整性检查通过。")
    return facts, problems


def _missing_columns(connection) -> list[str]:
    inspector = inspect(connection)
    present = set(inspector.get_table_names())
    problems = []
    for table in Base.metadata.sorted_tables:
        if table.name not in present:
            problems.append(f"缺少数据表 {table.name}")
            continue
        columns = {c["name"] for c in inspector.get_columns(table.name)}
        problems += [
            f"表 {table.name} 缺少列 {c.name}" for c in table.columns if c.name not in columns
        ]
    return problems
