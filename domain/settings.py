"""Bank settings: named values with defaults, kept in the database.

Where a rule varies between banks it is a setting, never a constant in code.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from domain.users import SecurityPolicy

SECURITY = "security"
BANK = "bank"

DEFAULT_BANK = {
    "bank_name": "示范农村商业银行",
    "branch_name": "城关支行",
    "address": "",
    "phone": "",
}


def load_security_policy(uow: Any) -> SecurityPolicy:
    """The sign-in rules in force (defaults where the bank has set nothing)."""
    stored = uow.settings.get(SECURITY, {}) or {}
    known = {f.name for f in fields(SecurityPolicy)}
    return SecurityPolicy(**{k: int(v) for k, v in stored.items() if k in known})


def load_bank(uow: Any) -> dict[str, str]:
    return {**DEFAULT_BANK, **(uow.settings.get(BANK, {}) or {})}


ANALYSIS = "analysis"


def load_analysis_policy(uow: Any):
    """The bank's tolerances for the analysis cross-checks and repayment capacity."""
    from domain.analysis import AnalysisPolicy

    return AnalysisPolicy.from_settings(uow.settings.get(ANALYSIS))
