"""Use cases for staff accounts: first administrator, sign-in, user management.

Each takes a unit of work (``domain.ports.UnitOfWork``) and commits itself.
Permissions are checked here, not only by hiding buttons.
"""

from __future__ import annotations

from collections.abc import Iterable

from domain.errors import AuthenticationFailed, DomainError, NotFound, PermissionDenied
from domain.passwords import hash_password, password_matches, spend_equal_time
from domain.settings import load_security_policy
from domain.users import (
    Role,
    User,
    parse_roles,
    validate_full_name,
    validate_password,
    validate_username,
)

_BAD_CREDENTIALS = "用户名或密码不正确。"


def needs_first_administrator(uow) -> bool:
    """True on an empty database: the app must ask for the first administrator."""
    with uow:
        return uow.users.count() == 0


def create_first_administrator(uow, username: str, full_name: str, password: str) -> User:
    """Create the first user, an administrator, with the password they chose.

    Refused once any user exists, so it cannot be used to add a back door.
    """
    username = validate_username(username)
    with uow.acting(username):
        if uow.users.count() > 0:
            raise DomainError("系统中已有用户，不能再次创建初始管理员。请由管理员登录后添加用户。")
        policy = load_security_policy(uow)
        user = User(
            username=username,
            full_name=validate_full_name(full_name),
            roles=frozenset({Role.ADMINISTRATOR}),
            password_hash=hash_password(validate_password(password, policy)),
            created_at=uow.clock.now(),
        )
        uow.users.add(user)
        uow.record("create_first_administrator", "users", username, {"roles": ["administrator"]})
        uow.commit()
        return user


def sign_in(uow, username: str, password: str) -> User:
    """Check the password. Five wrong ones (a setting) lock the account for a while."""
    username = (username or "").strip().lower()
    with uow.acting(username or "?"):
        user = uow.users.get(username)
        now = uow.clock.now()
        if user is None:
            spend_equal_time(password)
            raise AuthenticationFailed(_BAD_CREDENTIALS)
        if not user.active:
            raise AuthenticationFailed("该账户已停用，请联系管理员。")
        if user.is_locked(now):
            minutes = max(1, int((user.locked_until - now).total_seconds() // 60) + 1)
            raise AuthenticationFailed(f"密码错误次数过多，账户已锁定，请约 {minutes} 分钟后再试。")
        if not password_matches(user.password_hash, password):
            policy = load_security_policy(uow)
            user.register_failed_sign_in(now, policy)
            uow.users.update(user)
            uow.record(
                "sign_in_failed", "users", username, {"locked": user.locked_until is not None}
            )
            uow.commit()
            if user.is_locked(now):
                raise AuthenticationFailed(
                    f"密码连续错误 {policy.max_failed_attempts} 次，账户已锁定 {policy.lockout_minutes} 分钟。"
                )
            left = policy.max_failed_attempts - user.failed_attempts
            raise AuthenticationFailed(f"{_BAD_CREDENTIALS}再错 {left} 次账户将被锁定。")
        if user.failed_attempts or user.locked_until:
            user.register_sign_in()
            uow.users.update(user)
        uow.record("sign_in", "users", username, {})
        uow.commit()
        return user


def confirm_password(uow, username: str, password: str) -> User:
    """Re-entry of the password (unlocking the window, signing off). Counts failures too."""
    return sign_in(uow, username, password)


def list_users(uow, actor: User) -> list[User]:
    actor.require(Role.ADMINISTRATOR, doing="查看用户")
    with uow:
        return uow.users.list()


def add_user(
    uow, actor: User, username: str, full_name: str, roles: Iterable[str | Role], password: str
) -> User:
    actor.require(Role.ADMINISTRATOR, doing="添加用户")
    username = validate_username(username)
    with uow.acting(actor.username):
        if uow.users.get(username) is not None:
            raise DomainError(f"用户名 {username} 已被使用，请换一个。")
        policy = load_security_policy(uow)
        user = User(
            username=username,
            full_name=validate_full_name(full_name),
            roles=parse_roles(str(r) for r in roles),
            password_hash=hash_password(validate_password(password, policy)),
            created_at=uow.clock.now(),
        )
        uow.users.add(user)
        uow.commit()
        return user


def update_user(
    uow,
    actor: User,
    username: str,
    *,
    version: int,
    full_name: str,
    roles: Iterable[str | Role],
    active: bool,
) -> User:
    """Change a user's name, roles or active flag; ``version`` is the copy being edited."""
    actor.require(Role.ADMINISTRATOR, doing="修改用户")
    with uow.acting(actor.username):
        user = _get(uow, username)
        user.version = version
        user.full_name = validate_full_name(full_name)
        user.roles = parse_roles(str(r) for r in roles)
        user.active = active
        _keep_an_administrator(uow, actor, user)
        uow.users.update(user)
        uow.commit()
        return user


def reset_password(uow, actor: User, username: str, new_password: str) -> None:
    """An administrator sets a new password (and lifts a lock)."""
    actor.require(Role.ADMINISTRATOR, doing="重置密码")
    with uow.acting(actor.username):
        user = _get(uow, username)
        user.password_hash = hash_password(
            validate_password(new_password, load_security_policy(uow))
        )
        user.register_sign_in()
        uow.users.update(user)
        uow.commit()


def change_own_password(uow, username: str, old_password: str, new_password: str) -> None:
    with uow.acting(username):
        user = _get(uow, username)
        if not password_matches(user.password_hash, old_password):
            raise AuthenticationFailed("原密码不正确。")
        user.password_hash = hash_password(
            validate_password(new_password, load_security_policy(uow))
        )
        uow.users.update(user)
        uow.commit()


def _get(uow, username: str) -> User:
    user = uow.users.get(username)
    if user is None:
        raise NotFound(f"找不到用户 {username}。")
    return user


def _keep_an_administrator(uow, actor: User, user: User) -> None:
    """Nobody may remove the last active administrator: the bank would be locked out."""
    if user.active and Role.ADMINISTRATOR in user.roles:
        return
    others = [
        u
        for u in uow.users.list()
        if u.username != user.username and u.active and Role.ADMINISTRATOR in u.roles
    ]
    if not others:
        raise PermissionDenied("至少要保留一名启用的管理员。")


def add_user_as_operator(
    uow, operator: str, username: str, full_name: str, roles: Iterable[str | Role], password: str
) -> User:
    """``loandesk user add`` on the server's console: whoever can run it there already
    holds the database, so it acts as an administrator, audited under ``operator``."""
    console = User(operator, operator, frozenset({Role.ADMINISTRATOR}), password_hash="")
    return add_user(uow, console, username, full_name, roles, password)


def staff_with_roles(uow, actor: User, roles: Iterable[Role]) -> list[tuple[str, str]]:
    """(user name, full name) of active staff holding any of ``roles``.

    Any signed-in member of staff may ask: an officer picks the colleague who
    went on the visit with him. Nothing beyond names is revealed.
    """
    if not actor.active:
        raise PermissionDenied(f"账户 {actor.username} 已停用。")
    wanted = frozenset(roles)
    with uow:
        return sorted(
            (u.username, u.full_name) for u in uow.users.list() if u.active and u.roles & wanted
        )
