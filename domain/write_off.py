"""Writing off a loss loan (核销): 账销案存.

A loan may be written off only once a supervisor has confirmed its
five-level classification as 损失 (``domain.classification.classify``). A
supervisor writes it off, giving the reason; a second person, an
administrator or another supervisor, approves on the spot by re-entering
his password (a wrong one counts as a failed sign-in). Neither may be the
loan's own officer.

"账销案存": the loan leaves the books but not the files. Its servicing
account is marked written off (``LoanState.WRITTEN_OFF``, ``closed_on`` the
day of the write-off) and drops out of the daily run and the portfolio
figures; the loan stays in the register with its schedule, postings,
tasks and classification history; posting to it is refused (money
recovered after a write-off follows the bank's written-off asset
procedure). The amount written off, outstanding principal plus the
interest fallen due and unpaid, is recorded in a business event of the
audit trail, with the penalty and compound interest still claimed.

The use case takes a unit of work with the repositories ``loan_accounts``,
``users`` (the approver's password) and ``settings``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Any

from domain.accounts import confirm_password
from domain.classification import Category, load_thresholds, thresholds_for
from domain.customers import required_text
from domain.errors import ConcurrencyConflict, DomainError, PermissionDenied
from domain.loans import LoanState
from domain.money import ZERO
from domain.overdue import Position
from domain.servicing import LoanAccount, apply_position, figures_of, find_account
from domain.users import Role, User

REASON_MAX = 500
WRITERS = (Role.SUPERVISOR,)
APPROVERS = (Role.SUPERVISOR, Role.ADMINISTRATOR)


@dataclass(frozen=True)
class WriteOff:
    """A loan written off: what left the books, why, and who did it.

    ``principal`` is the outstanding principal and ``interest`` the interest
    fallen due and unpaid on ``written_off_on``; ``penalty`` and
    ``compound`` (罚息、复利) are still claimed from the borrower.
    """

    loan_number: str
    borrower_name: str
    written_off_on: date
    principal: Decimal
    interest: Decimal
    penalty: Decimal
    compound: Decimal
    reason: str
    written_off_by: str
    approved_by: str

    @property
    def total(self) -> Decimal:
        """The amount written off: principal and unpaid interest."""
        return self.principal + self.interest


def write_off_refusal(account: LoanAccount) -> str | None:
    """Why the loan cannot be written off, or ``None`` if it can. Pure.

    Only a loan still standing whose classification a supervisor has
    confirmed as 损失.
    """
    number = account.loan_number
    if account.state is LoanState.WRITTEN_OFF:
        when = account.closed_on.isoformat() if account.closed_on else ""
        return f"贷款 {number} 已于 {when} 核销，不能重复核销。"
    if account.state is LoanState.CLOSED:
        return f"贷款 {number} 已结清，无需核销。"
    if account.classification is not Category.LOSS or not account.classification_confirmed:
        standing = "已认定" if account.classification_confirmed else "尚未经业务主管认定"
        return (
            f"只有五级分类经业务主管认定为“损失”类的贷款才能核销；"
            f"贷款 {number} 目前为“{account.classification.label}”（{standing}）。"
        )
    return None


def written_off_amounts(figures: Position) -> tuple[Decimal, Decimal, Decimal, Decimal]:
    """Principal, unpaid interest, penalty and compound interest of a
    position, none below zero. Pure."""
    return tuple(
        max(value, ZERO)
        for value in (
            figures.outstanding_principal,
            figures.overdue_interest,
            figures.penalty_interest,
            figures.compound_interest,
        )
    )


def check_write_off_staff(actor: User, approver: User, account: LoanAccount) -> None:
    """Four eyes: the approver is an administrator or supervisor other than
    ``actor``, and neither is the loan's officer. Pure."""
    approver.require(*APPROVERS, doing="审批核销")
    if approver.username == actor.username:
        raise PermissionDenied("核销须由办理人以外的另一位业务主管或管理员审批。")
    for person in (actor, approver):
        if person.username == account.officer:
            raise PermissionDenied(
                f"{person.full_name}（{person.username}）是贷款 {account.loan_number} 的经办客户经理，"
                "不能办理或审批该笔贷款的核销。"
            )


def write_off(
    uow,
    actor: User,
    loan_number: str,
    reason: str,
    *,
    version: int,
    approver: str,
    approver_password: str,
) -> WriteOff:
    """A supervisor writes off a loan confirmed as 损失, approved on the spot.

    ``approver`` re-enters his password (``AuthenticationFailed`` when
    wrong, counted as a failed sign-in). ``version`` is the loan account's
    version the supervisor looked at: a posting, a reclassification or the
    daily run since then gives ``ConcurrencyConflict``. Refused
    (``DomainError``) for a loan closed, already written off or not
    confirmed 损失; ``ValidationError`` without a reason. The account is
    written off as of today, everything in one transaction, audited.
    """
    actor.require(*WRITERS, doing="核销贷款")
    text = required_text(reason, "reason", "核销原因", REASON_MAX, remark=True)
    confirmed = confirm_password(uow, (approver or "").strip().lower(), approver_password)
    with uow.acting(actor.username):
        account = find_account(uow, loan_number, lock=True)
        refusal = write_off_refusal(account)
        if refusal is not None:
            raise DomainError(refusal)
        if account.version != version:
            raise ConcurrencyConflict(
                f"贷款 {account.loan_number} 的状况刚刚有变化（还款、分类认定或日终处理），"
                "请刷新后重新核对再核销。"
            )
        check_write_off_staff(actor, confirmed, account)
        done, updated = _written_off(uow, account, text, actor, confirmed)
        uow.loan_accounts.save(updated)
        uow.record("write_off", "loan_accounts", account.loan_number, _detail(done))
        uow.commit()
        return done


def _written_off(
    uow, account: LoanAccount, reason: str, actor: User, approver: User
) -> tuple[WriteOff, LoanAccount]:
    """The write-off and the account written off as of today.

    The position is brought up to date for the register, the supervisor's
    classification kept as confirmed.
    """
    today = uow.clock.today()
    as_of = max(today, account.last_paid_on or today)
    figures = figures_of(account, uow.loan_accounts.lines(account.loan_id), as_of)
    principal, interest, penalty, compound = written_off_amounts(figures)
    thresholds = thresholds_for(load_thresholds(uow), account.product_code)
    updated = replace(
        apply_position(account, figures, thresholds),
        classification=account.classification,
        classification_confirmed=account.classification_confirmed,
        state=LoanState.WRITTEN_OFF,
        closed_on=today,
    )
    done = WriteOff(
        loan_number=account.loan_number,
        borrower_name=account.borrower_name,
        written_off_on=today,
        principal=principal,
        interest=interest,
        penalty=penalty,
        compound=compound,
        reason=reason,
        written_off_by=actor.username,
        approved_by=approver.username,
    )
    return done, updated


def _detail(done: WriteOff) -> dict[str, Any]:
    return {
        "loan_number": done.loan_number,
        "written_off_on": done.written_off_on.isoformat(),
        "principal": str(done.principal),
        "interest": str(done.interest),
        "amount": str(done.total),
        "penalty": str(done.penalty),
        "compound": str(done.compound),
        "reason": done.reason,
        "approved_by": done.approved_by,
        "state": LoanState.WRITTEN_OFF.value,
    }
