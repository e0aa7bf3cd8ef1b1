"""The navigation registry: which views the main window offers, and to whom.

A view module registers itself when imported::

    from PySide6.QtCore import QT_TRANSLATE_NOOP
    from desktop import navigation
    from domain.users import Role

    navigation.register(
        "users",
        QT_TRANSLATE_NOOP("Navigation", "Users"),
        factory=UsersView,                      # called as factory(ctx)
        roles={Role.ADMINISTRATOR},             # empty: everyone signed in
        order=80,                               # position in the list
    )

and its module name is added to ``VIEW_MODULES`` so the main window imports
it (lazily, after sign-in, to keep start-up fast). Labels are English source
texts marked with ``QT_TRANSLATE_NOOP("Navigation", ...)`` so ``lupdate``
finds them; they are translated each time they are shown.

The roles here only decide what is *offered*; every domain service checks
permissions again, so a hidden button is never the only guard.

UI thread only.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from domain.users import Role, User

VIEW_MODULES = [
    "desktop.views.home_view",
    "desktop.views.work_view",
    "desktop.views.customers_view",
    "desktop.views.applications_view",
    "desktop.views.signing_view",
    "desktop.views.signoff_view",
    "desktop.views.disbursement_view",
    "desktop.views.documents_view",
    "desktop.views.notices_view",
    "desktop.views.verify_view",
    "desktop.views.loan_register_view",
    "desktop.views.classification_view",
    "desktop.views.reports_view",
    "desktop.views.blacklist_view",
    "desktop.views.quote_view",
    "desktop.views.products_view",
    "desktop.views.pricing_view",
    "desktop.views.workflow_settings_view",
    "desktop.views.users_view",
    "desktop.views.audit_view",
    "desktop.views.connection_view",
]


@dataclass(frozen=True)
class ViewContext:
    """What every view gets: the signed-in user, the store, the worker, the window.

    ``store`` is the ``desktop.startup.Store``; views use only ``uow()``,
    ``display_name``, ``kind`` and ``schema_status()`` (the latter on the
    worker thread, like every database call).
    """

    user: User
    store: Any
    ops: Any  # desktop.operations.Operations
    window: QWidget

    def uow(self):
        """A fresh unit of work for one domain service call (worker thread)."""
        return self.store.uow()


@dataclass(frozen=True)
class NavEntry:
    key: str
    label: str
    factory: Callable[[ViewContext], QWidget]
    roles: frozenset[Role]
    order: int

    @property
    def text(self) -> str:
        return QCoreApplication.translate("Navigation", self.label)

    def allows(self, user: User) -> bool:
        return not self.roles or user.has_role(*self.roles)


_ENTRIES: dict[str, NavEntry] = {}


def register(
    key: str,
    label: str,
    factory: Callable[[ViewContext], QWidget],
    roles: Iterable[Role] = (),
    order: int = 100,
) -> NavEntry:
    """Offer a view in the navigation list. Registering a key again replaces it."""
    entry = NavEntry(key, label, factory, frozenset(roles), order)
    _ENTRIES[key] = entry
    return entry


def load_views() -> None:
    """Import every view module so that each registers itself."""
    for name in VIEW_MODULES:
        importlib.import_module(name)


def entries_for(user: User) -> list[NavEntry]:
    """The views ``user`` may open, in display order."""
    load_views()
    allowed = [e for e in _ENTRIES.values() if e.allows(user)]
    return sorted(allowed, key=lambda e: (e.order, e.key))


# --- role names as the desktop shows them ---------------------------------------

_ROLE_NAMES = {
    Role.LOAN_OFFICER: QT_TRANSLATE_NOOP("Roles", "Loan officer"),
    Role.ASSISTING_OFFICER: QT_TRANSLATE_NOOP("Roles", "Assisting officer"),
    Role.SUPERVISOR: QT_TRANSLATE_NOOP("Roles", "Supervisor"),
    Role.HEAD_OFFICE_APPROVER: QT_TRANSLATE_NOOP("Roles", "Head-office credit approver"),
    Role.TELLER: QT_TRANSLATE_NOOP("Roles", "Teller"),
    Role.ADMINISTRATOR: QT_TRANSLATE_NOOP("Roles", "Administrator"),
}


def role_name(role: Role) -> str:
    """The role in the UI language (the Chinese equals ``Role.label``)."""
    return QCoreApplication.translate("Roles", _ROLE_NAMES[role])


def role_names(roles: Iterable[Role]) -> str:
    separator = QCoreApplication.translate("Roles", ", ")
    return separator.join(role_name(r) for r in sorted(roles, key=list(Role).index))
