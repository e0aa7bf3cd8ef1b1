from domain import accounts


def test_first_admin_and_sign_in(store):
    assert accounts.needs_first_administrator(store.uow())
    accounts.create_first_administrator(store.uow(), "admin", "张管理", "secret123")
    user = accounts.sign_in(store.uow(), "admin", "secret123")
    assert user.full_name == "张管理"
    assert store.verify_audit().intact
