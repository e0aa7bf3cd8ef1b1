"""Sign-in rules against a real database."""

from datetime import timedelta

import pytest

from domain import accounts
from domain.errors import AuthenticationFailed, DomainError, PermissionDenied, ValidationError
from domain.users import Role


@pytest.fixture
def admin(store):
    accounts.create_first_administrator(store.uow(), "Admin", "管理员", "secret123")
    return accounts.sign_in(store.uow(), "admin", "secret123")


def test_first_administrator_only_once(store, admin):
    assert not accounts.needs_first_administrator(store.uow())
    with pytest.raises(DomainError, match="已有用户"):
        accounts.create_first_administrator(store.uow(), "other", "别人", "secret123")


def test_weak_first_password_is_refused(store):
    with pytest.raises(ValidationError, match="至少 8 位"):
        accounts.create_first_administrator(store.uow(), "admin", "管理员", "short1")
    assert accounts.needs_first_administrator(store.uow())


def test_five_wrong_passwords_lock_the_account(store, admin):
    accounts.add_user(store.uow(), admin, "wang", "王五", ["teller"], "secret123")
    for attempt in range(4):
        with pytest.raises(AuthenticationFailed, match=f"再错 {4 - attempt} 次"):
            accounts.sign_in(store.uow(), "wang", "nope12345")
    with pytest.raises(AuthenticationFailed, match="已锁定 15 分钟"):
        accounts.sign_in(store.uow(), "wang", "nope12345")
    with pytest.raises(AuthenticationFailed, match="已锁定"):
        accounts.sign_in(store.uow(), "wang", "secret123")  # even the right one, for now


def test_lock_expires(store, admin, monkeypatch):
    accounts.add_user(store.uow(), admin, "wang", "王五", ["teller"], "secret123")
    for _ in range(5):
        with pytest.raises(AuthenticationFailed):
            accounts.sign_in(store.uow(), "wang", "nope12345")
    real_now = store.uow().clock.now
    later = real_now() + timedelta(minutes=16)
    from domain.ports import SystemClock

    monkeypatch.setattr(SystemClock, "now", lambda self: later)
    assert accounts.sign_in(store.uow(), "wang", "secret123").username == "wang"


def test_unknown_user_and_wrong_password_read_the_same(store, admin):
    with pytest.raises(AuthenticationFailed, match="用户名或密码不正确"):
        accounts.sign_in(store.uow(), "ghost", "secret123")


def test_only_administrators_manage_users(store, admin):
    teller = accounts.add_user(store.uow(), admin, "wang", "王五", ["柜员"], "secret123")
    with pytest.raises(PermissionDenied, match="管理员"):
        accounts.add_user(store.uow(), teller, "zhao", "赵六", ["teller"], "secret123")
    with pytest.raises(PermissionDenied):
        accounts.list_users(store.uow(), teller)


def test_last_administrator_cannot_be_removed(store, admin):
    with pytest.raises(PermissionDenied, match="至少要保留一名"):
        accounts.update_user(
            store.uow(),
            admin,
            "admin",
            version=admin.version,
            full_name="管理员",
            roles=["teller"],
            active=True,
        )


def test_disabled_user_cannot_sign_in(store, admin):
    u = accounts.add_user(store.uow(), admin, "wang", "王五", ["teller"], "secret123")
    accounts.update_user(
        store.uow(),
        admin,
        "wang",
        version=u.version,
        full_name="王五",
        roles=["teller"],
        active=False,
    )
    with pytest.raises(AuthenticationFailed, match="停用"):
        accounts.sign_in(store.uow(), "wang", "secret123")


def test_user_with_several_roles(store, admin):
    u = accounts.add_user(
        store.uow(), admin, "li", "李四", ["loan_officer", "supervisor"], "secret123"
    )
    assert u.roles == {Role.LOAN_OFFICER, Role.SUPERVISOR}
    assert accounts.sign_in(store.uow(), "li", "secret123").has_role(Role.SUPERVISOR)


def test_any_staff_member_can_list_colleagues_by_role(store, admin):
    officer = accounts.add_user(store.uow(), admin, "li", "李四", ["loan_officer"], "secret123")
    accounts.add_user(store.uow(), admin, "zhou", "周五", ["assisting_officer"], "secret123")
    accounts.add_user(store.uow(), admin, "wang", "王五", ["teller"], "secret123")
    staff = accounts.staff_with_roles(
        store.uow(), officer, [Role.LOAN_OFFICER, Role.ASSISTING_OFFICER]
    )
    assert staff == [("li", "李四"), ("zhou", "周五")]
