"""Bank staff, their roles, and the rules of signing in."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from domain.errors import PermissionDenied, ValidationError


class Role(StrEnum):
    """What a member of staff may do. A user may hold several."""

    LOAN_OFFICER = "loan_officer"
    ASSISTING_OFFICER = "assisting_officer"
    SUPERVISOR = "supervisor"
    HEAD_OFFICE_APPROVER = "head_office_approver"
    TELLER = "teller"
    ADMINISTRATOR = "administrator"

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]


ROLE_LABELS = {
    Role.LOAN_OFFICER: "客户经理",
    Role.ASSISTING_OFFICER: "辅助信贷员",
    Role.SUPERVISOR: "业务主管",
    Role.HEAD_OFFICE_APPROVER: "总行授信审批",
    Role.TELLER: "柜员",
    Role.ADMINISTRATOR: "管理员",
}


@dataclass(frozen=True)
class SecurityPolicy:
    """Sign-in rules; bank settings with these defaults."""

    max_failed_attempts: int = 5
    lockout_minutes: int = 15
    idle_lock_minutes: int = 10
    min_password_length: int = 8


@dataclass
class User:
    username: str
    full_name: str
    roles: frozenset[Role]
    password_hash: str
    active: bool = True
    failed_attempts: int = 0
    locked_until: datetime | None = None
    version: int = 0
    id: int | None = None
    created_at: datetime | None = field(default=None, compare=False)

    def has_role(self, *roles: Role) -> bool:
        """True if the user holds any of ``roles``."""
        return bool(self.roles.intersection(roles))

    def require(self, *roles: Role, doing: str) -> None:
        """Refuse unless the user holds one of ``roles``; ``doing`` names the action."""
        if not self.active:
            raise PermissionDenied(f"账户 {self.username} 已停用，不能{doing}。")
        if not self.has_role(*roles):
            needed = "、".join(r.label for r in roles)
            raise PermissionDenied(
                f"{self.full_name}（{self.username}）没有{needed}权限，不能{doing}。"
            )

    def is_locked(self, now: datetime) -> bool:
        return self.locked_until is not None and now < self.locked_until

    def register_failed_sign_in(self, now: datetime, policy: SecurityPolicy) -> None:
        """Count a wrong password; lock the account once the limit is reached."""
        self.failed_attempts += 1
        if self.failed_attempts >= policy.max_failed_attempts:
            self.locked_until = now + timedelta(minutes=policy.lockout_minutes)
            self.failed_attempts = 0

    def register_sign_in(self) -> None:
        self.failed_attempts = 0
        self.locked_until = None

    @property
    def role_labels(self) -> str:
        return "、".join(r.label for r in sorted(self.roles, key=list(Role).index))


USERNAME_MAX = 32


def validate_username(text: str) -> str:
    """A sign-in name: 2–32 letters, digits, '.', '_' or '-'. Returned lower-cased."""
    name = (text or "").strip().lower()
    if not name:
        raise ValidationError("请输入用户名。", "username")
    if not 2 <= len(name) <= USERNAME_MAX:
        raise ValidationError(f"用户名应为 2 至 {USERNAME_MAX} 个字符。", "username")
    if not all(c.isascii() and (c.isalnum() or c in "._-") for c in name):
        raise ValidationError("用户名只能包含英文字母、数字和 . _ -。", "username")
    return name


def validate_full_name(text: str) -> str:
    name = (text or "").strip()
    if not name:
        raise ValidationError("请输入姓名。", "full_name")
    if len(name) > 40:
        raise ValidationError("姓名不能超过 40 个字。", "full_name")
    return name


def validate_password(password: str, policy: SecurityPolicy) -> str:
    """A new password: long enough, with letters and digits. Never stripped."""
    if len(password or "") < policy.min_password_length:
        raise ValidationError(f"密码至少 {policy.min_password_length} 位。", "password")
    if not any(c.isdigit() for c in password) or not any(c.isalpha() for c in password):
        raise ValidationError("密码须同时包含字母和数字。", "password")
    return password


def parse_roles(names: Iterable[str]) -> frozenset[Role]:
    """Roles from their codes or Chinese labels; at least one."""
    by_label = {r.label: r for r in Role}
    roles = set()
    for name in names:
        name = name.strip()
        if name in by_label:
            roles.add(by_label[name])
            continue
        try:
            roles.add(Role(name.replace("-", "_")))
        except ValueError:
            valid = "、".join(f"{r.value}（{r.label}）" for r in Role)
            raise ValidationError(f"未知角色“{name}”。可选：{valid}", "roles") from None
    if not roles:
        raise ValidationError("请至少选择一个角色。", "roles")
    return frozenset(roles)
