"""A writer process for the crash test: saves users in a loop and prints each
name only after its commit returned. Killed with SIGKILL at random moments."""

import sys
from datetime import UTC, datetime

from desktop.startup import open_store
from domain.users import Role, User

url, prefix = sys.argv[1], sys.argv[2]
store = open_store(url)
for i in range(100_000):
    name = f"{prefix}{i}"
    with store.uow().acting("writer") as uow:
        uow.users.add(
            User(
                name,
                "测试" * 10,
                frozenset({Role.TELLER, Role.LOAN_OFFICER}),
                "h",
                created_at=datetime.now(UTC),
            )
        )
        uow.settings.put(f"probe.{prefix}", {"last": name})
        uow.commit()
    print(name, flush=True)
