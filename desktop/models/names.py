"""The names lists show for codes: a product's name for its code, a member
of staff's full name for his user name. Read on the worker; a code without
a name (a product or user since removed) shows as itself."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from domain.accounts import staff_with_roles
from domain.catalogue import list_products
from domain.users import Role, User


def product_names(uow: Callable[[], Any]) -> dict[str, str]:
    """Every product's name by its code, withdrawn products included."""
    return {p.code: p.name for p in list_products(uow(), include_inactive=True)}


def staff_names(uow: Callable[[], Any], actor: User) -> dict[str, str]:
    """Every active member of staff's full name by his user name."""
    return dict(staff_with_roles(uow(), actor, set(Role)))


@dataclass
class Names:
    products: dict[str, str] = field(default_factory=dict)
    staff: dict[str, str] = field(default_factory=dict)

    def product(self, code: str) -> str:
        return self.products.get(code, code)

    def person(self, username: str) -> str:
        return self.staff.get(username, username)


def load_names(uow: Callable[[], Any], actor: User) -> Names:
    """Worker thread: both maps."""
    return Names(product_names(uow), staff_names(uow, actor))
