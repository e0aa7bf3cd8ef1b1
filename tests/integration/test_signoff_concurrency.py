"""Two supervisors sign off the same application at the same moment, each on
his own connection: exactly one succeeds, the other is told, and nothing is
half-written."""

from __future__ import annotations

import threading

import pytest

from desktop.startup import open_store
from domain.applications import ApplicationState
from domain.errors import ConcurrencyConflict
from domain.workflow import Action, TransitionRefused, application_history, sign_off, signoff_view
from persistence.uow import SqlAlchemyUnitOfWork
from tests.integration.test_workflow import PASSWORD, START, Desk, MovableClock

TIMEOUT = 30


class _WaitBeforeSaving:
    """The applications repository, holding every save at a barrier: both
    sign-offs have read and checked everything before either writes."""

    def __init__(self, inner, barrier: threading.Barrier):
        self._inner, self._barrier = inner, barrier

    def update(self, application):
        self._barrier.wait(TIMEOUT)
        return self._inner.update(application)

    def __getattr__(self, name):
        return getattr(self._inner, name)


class MeetingUnitOfWork(SqlAlchemyUnitOfWork):
    def __init__(self, database, clock, barrier):
        super().__init__(database, clock)
        self._barrier = barrier

    def __enter__(self):
        super().__enter__()
        self.applications = _WaitBeforeSaving(self.applications, self._barrier)
        return self


@pytest.fixture
def desk(database_url):
    clock = MovableClock(START)
    store = open_store(database_url, clock)
    store.upgrade()
    yield Desk(store, clock)
    store.close()


def _race(calls) -> list[object]:
    """Run ``calls`` on threads of their own; each one's result or exception."""
    results: list[object] = [None] * len(calls)

    def run(index, call):
        try:
            results[index] = call()
        except Exception as error:  # the loser's refusal is a result here
            results[index] = error

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(TIMEOUT)
    assert not any(t.is_alive() for t in threads)
    return results


def _sign_off_together(desk, number, uow_for) -> list[object]:
    fingerprint = signoff_view(desk.uow(), desk.sun, number).fingerprint
    start = threading.Barrier(2)

    def by(supervisor):
        def call():
            start.wait(TIMEOUT)
            return sign_off(uow_for(), supervisor, number, PASSWORD, fingerprint)

        return call

    return _race([by(desk.sun), by(desk.chen)])


def _exactly_one_won(desk, number, results, loser_errors) -> None:
    winners = [r for r in results if not isinstance(r, Exception)]
    losers = [r for r in results if isinstance(r, Exception)]
    assert len(winners) == 1 and len(losers) == 1, results
    assert isinstance(losers[0], loser_errors), losers[0]
    assert str(losers[0]).startswith(f"申请 {number} ")

    application = desk.get(number)
    assert application.state is ApplicationState.SIGNED_OFF
    view = signoff_view(desk.uow(), desk.sun, number)
    (stored,) = view.signoffs
    assert stored == winners[0] and not stored.void
    steps = [e.action for e in application_history(desk.uow(), number)]
    assert steps.count(Action.SIGN_OFF) == 1
    with desk.uow() as uow:
        signed = [e for e in uow.audit.page(limit=500) if e.action == "sign_off"]
    assert len(signed) == 1 and signed[0].actor == stored.signed_off_by
    assert desk.store.verify_audit().intact


def test_two_supervisors_at_once_exactly_one_signs_off(desk):
    number = desk.signed().application_number

    results = _sign_off_together(desk, number, desk.uow)

    # PostgreSQL: the second waits for the first's row lock, then finds the
    # version moved on. SQLite: the second transaction starts only after the
    # first, and finds the application signed off.
    _exactly_one_won(desk, number, results, (ConcurrencyConflict, TransitionRefused))


def test_both_checked_before_either_writes_exactly_one_signs_off(desk, database_url):
    if database_url.startswith("sqlite"):
        pytest.skip("SQLite runs one writing transaction at a time: both cannot have read first")
    number = desk.signed().application_number
    meet = threading.Barrier(2)

    results = _sign_off_together(
        desk, number, lambda: MeetingUnitOfWork(desk.store.database, desk.clock, meet)
    )

    _exactly_one_won(desk, number, results, ConcurrencyConflict)
    loser = next(r for r in results if isinstance(r, Exception))
    assert "可能已由另一位主管完成合规确认" in str(loser)
