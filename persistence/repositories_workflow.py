"""Repositories of the workflow after intake: the application's history,
participants, approval, signing and sign-offs (``workflow``), approval limits,
checklist templates, application checklists, and loans.

Domain objects in, domain objects out; every write flushes at once, so a
conflict surfaces inside the use case that caused it. Reads of what a
sign-off covers refresh rows already in the session (``populate_existing``):
a use case that waited for a lock must see what the other desk committed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, selectinload

from domain.applications import Application, ApplicationState
from domain.checklist import (
    ChecklistItem,
    ChecklistTemplate,
    Evidence,
    EvidenceKind,
    ItemScope,
    SigningRecord,
    TemplateItem,
)
from domain.errors import ConcurrencyConflict
from domain.loans import Loan, LoanState
from domain.paperwork import EntrustedPayment, OwnPayment
from domain.pricing import RiskGrade
from domain.schedule import Instalment, RepaymentMethod, Schedule
from domain.users import Role
from domain.workflow import (
    Action,
    Approval,
    ApprovalLimit,
    Capacity,
    Participant,
    SignOff,
    StateEntry,
    WorkflowEvent,
)
from persistence.models_intake import ApplicationRow, AttachmentRow, CustomerRow
from persistence.models_workflow import (
    ApplicationEventRow,
    ApprovalLimitRow,
    ApprovalRow,
    ChecklistEvidenceRow,
    ChecklistItemRow,
    ChecklistTemplateItemRow,
    ChecklistTemplateRow,
    LoanInstalmentRow,
    LoanRow,
    ParticipantRow,
    SigningRow,
    SignOffRow,
)
from persistence.repositories_intake import _WITH_CHILDREN
from persistence.repositories_intake import _application as _to_application

_FRESH = {"populate_existing": True}


def _fresh(session: Session, query):
    return session.scalars(query.execution_options(**_FRESH))


# ---------------------------------------------------------------------------
# The application's workflow records
# ---------------------------------------------------------------------------


class WorkflowRepository:
    def __init__(self, session: Session):
        self.session = session

    # --- the application row -------------------------------------------------

    def lock_application(self, application_id: int) -> Application:
        """The application as committed now, its row locked until the end of
        the transaction (PostgreSQL; SQLite's write lock is already held)."""
        query = (
            select(ApplicationRow)
            .options(*_WITH_CHILDREN)
            .where(ApplicationRow.id == application_id)
            .with_for_update()
        )
        return _to_application(_fresh(self.session, query).one())

    # --- history ---------------------------------------------------------------

    def add_event(self, event: WorkflowEvent) -> None:
        self.session.add(
            ApplicationEventRow(
                application_id=event.application_id,
                at=event.at,
                actor=event.actor,
                action=event.action.value,
                from_state=event.from_state.value,
                to_state=event.to_state.value,
                note=event.note,
            )
        )
        self.session.flush()

    def events(self, application_id: int) -> list[WorkflowEvent]:
        query = (
            select(ApplicationEventRow)
            .where(ApplicationEventRow.application_id == application_id)
            .order_by(ApplicationEventRow.id)
        )
        return [
            WorkflowEvent(
                r.at,
                r.actor,
                Action(r.action),
                ApplicationState(r.from_state),
                ApplicationState(r.to_state),
                r.note,
                r.application_id,
            )
            for r in self.session.scalars(query)
        ]

    # --- participants ----------------------------------------------------------

    def add_participants(
        self, application_id: int, people: Sequence[tuple[str, Capacity]], since: datetime
    ) -> None:
        """Add those of ``people`` not yet recorded in that capacity."""
        known = {(p.username, p.capacity) for p in self.participants(application_id)}
        for username, capacity in people:
            if (username, capacity) not in known:
                self.session.add(
                    ParticipantRow(
                        application_id=application_id,
                        username=username,
                        capacity=capacity.value,
                        since=since,
                    )
                )
        self.session.flush()

    def participants(self, application_id: int) -> list[Participant]:
        query = (
            select(ParticipantRow)
            .where(ParticipantRow.application_id == application_id)
            .order_by(ParticipantRow.id)
        )
        return [
            Participant(r.username, Capacity(r.capacity), r.since)
            for r in _fresh(self.session, query)
        ]

    # --- approval ----------------------------------------------------------------

    def save_approval(self, approval: Approval) -> Approval:
        row = self.session.scalars(
            select(ApprovalRow).where(ApprovalRow.application_id == approval.application_id)
        ).one_or_none()
        if row is None:
            row = ApprovalRow(application_id=approval.application_id)
            self.session.add(row)
        row.approved_by, row.approved_at = approval.approved_by, approval.approved_at
        row.amount, row.risk_grade = approval.amount, approval.risk_grade.value
        row.authority_role = approval.authority_role.value
        row.authority_limit, row.note = approval.authority_limit, approval.note
        self.session.flush()
        return _approval(row)

    def approval(self, application_id: int) -> Approval | None:
        query = select(ApprovalRow).where(ApprovalRow.application_id == application_id)
        row = _fresh(self.session, query).one_or_none()
        return None if row is None else _approval(row)

    # --- signing -------------------------------------------------------------------

    def save_signing(self, signing: SigningRecord) -> SigningRecord:
        row = self.session.scalars(
            select(SigningRow).where(SigningRow.application_id == signing.application_id)
        ).one_or_none()
        if row is None:
            row = SigningRow(application_id=signing.application_id)
            self.session.add(row)
        values = {
            "started_at": signing.started_at,
            "started_by": signing.started_by,
            "first_staff": signing.staff[0],
            "second_staff": signing.staff[1],
            "completed_at": signing.completed_at,
            "completed_by": signing.completed_by,
        }
        for name, value in values.items():
            if getattr(row, name) != value:
                setattr(row, name, value)
        self.session.flush()
        return _signing(row)

    def signing(self, application_id: int) -> SigningRecord | None:
        query = select(SigningRow).where(SigningRow.application_id == application_id)
        row = _fresh(self.session, query).one_or_none()
        return None if row is None else _signing(row)

    # --- sign-offs -------------------------------------------------------------------

    def add_signoff(self, signoff: SignOff) -> SignOff:
        row = SignOffRow(
            application_id=signoff.application_id,
            signed_off_by=signoff.signed_off_by,
            signed_off_at=signoff.signed_off_at,
            fingerprint=signoff.fingerprint,
            opinion=signoff.opinion,
        )
        self.session.add(row)
        self.session.flush()
        return _signoff(row)

    def current_signoff(self, application_id: int) -> SignOff | None:
        """The latest sign-off that is not void."""
        query = (
            select(SignOffRow)
            .where(SignOffRow.application_id == application_id, SignOffRow.voided_at.is_(None))
            .order_by(SignOffRow.id.desc())
            .limit(1)
        )
        row = _fresh(self.session, query).first()
        return None if row is None else _signoff(row)

    def signoffs(self, application_id: int) -> list[SignOff]:
        query = (
            select(SignOffRow)
            .where(SignOffRow.application_id == application_id)
            .order_by(SignOffRow.id)
        )
        return [_signoff(r) for r in _fresh(self.session, query)]

    def void_signoff(self, signoff_id: int, at: datetime, by: str, reason: str) -> None:
        row = self.session.get(SignOffRow, signoff_id)
        row.voided_at, row.voided_by, row.void_reason = at, by, reason
        self.session.flush()

    # --- waiting in a state ---------------------------------------------------------

    def waiting(self, states: Sequence[str]) -> list[StateEntry]:
        """Applications in ``states``, each with when it entered its state
        (its last step; for applications loaded in bulk, their last change),
        oldest first."""
        return self._waiting(ApplicationRow.state.in_(list(states)))

    def waiting_one(self, application_id: int) -> StateEntry:
        (entry,) = self._waiting(ApplicationRow.id == application_id)
        return entry

    def _waiting(self, condition) -> list[StateEntry]:
        a, c, e = ApplicationRow, CustomerRow, ApplicationEventRow
        last = (
            select(e.application_id, func.max(e.at).label("at"))
            .group_by(e.application_id)
            .subquery()
        )
        query = (
            select(
                a.application_number,
                c.name,
                a.product_code,
                a.amount,
                a.officer,
                a.state,
                last.c.at,
                a.updated_at,
            )
            .join(c, c.id == a.customer_id)
            .outerjoin(last, last.c.application_id == a.id)
            .where(condition)
            .order_by(a.id)
        )
        entries = []
        for r in self.session.execute(query):
            entered = r.at or r.updated_at
            entries.append(
                StateEntry(
                    r.application_number,
                    r.name,
                    r.product_code,
                    r.amount,
                    r.officer,
                    ApplicationState(r.state),
                    entered,
                )
            )
        return sorted(entries, key=lambda entry: entry.entered_at)


def _approval(row: ApprovalRow) -> Approval:
    return Approval(
        approved_by=row.approved_by,
        approved_at=row.approved_at,
        amount=row.amount,
        risk_grade=RiskGrade(row.risk_grade),
        authority_role=Role(row.authority_role),
        authority_limit=row.authority_limit,
        note=row.note,
        application_id=row.application_id,
    )


def _signing(row: SigningRow) -> SigningRecord:
    return SigningRecord(
        started_at=row.started_at,
        started_by=row.started_by,
        staff=(row.first_staff, row.second_staff),
        completed_at=row.completed_at,
        completed_by=row.completed_by,
        application_id=row.application_id,
        id=row.id,
    )


def _signoff(row: SignOffRow) -> SignOff:
    return SignOff(
        signed_off_by=row.signed_off_by,
        signed_off_at=row.signed_off_at,
        fingerprint=row.fingerprint,
        opinion=row.opinion,
        voided_at=row.voided_at,
        voided_by=row.voided_by,
        void_reason=row.void_reason or "",
        application_id=row.application_id,
        id=row.id,
    )


# ---------------------------------------------------------------------------
# Approval limits
# ---------------------------------------------------------------------------


class ApprovalLimitRepository:
    def __init__(self, session: Session):
        self.session = session

    def list(self) -> list[ApprovalLimit]:
        query = select(ApprovalLimitRow).order_by(
            ApprovalLimitRow.role, ApprovalLimitRow.product_code
        )
        return [_limit(r) for r in self.session.scalars(query)]

    def get(self, role: Role, product_code: str) -> ApprovalLimit | None:
        row = self._row(role, product_code)
        return None if row is None else _limit(row)

    def put(self, limit: ApprovalLimit) -> ApprovalLimit:
        """Add the limit (``version`` 0) or change the stored one of that version."""
        row = self._row(limit.role, limit.product_code)
        if row is None:
            row = ApprovalLimitRow(role=limit.role.value, product_code=limit.product_code)
            self.session.add(row)
        elif row.version != limit.version:
            raise ConcurrencyConflict()
        if row.max_amount != limit.max_amount:
            row.max_amount = limit.max_amount
        self.session.flush()
        return _limit(row)

    def remove(self, role: Role, product_code: str) -> None:
        self.session.execute(
            delete(ApprovalLimitRow).where(
                ApprovalLimitRow.role == role.value, ApprovalLimitRow.product_code == product_code
            )
        )

    def _row(self, role: Role, product_code: str) -> ApprovalLimitRow | None:
        query = select(ApprovalLimitRow).where(
            ApprovalLimitRow.role == role.value, ApprovalLimitRow.product_code == product_code
        )
        return _fresh(self.session, query).one_or_none()


def _limit(row: ApprovalLimitRow) -> ApprovalLimit:
    return ApprovalLimit(Role(row.role), row.product_code, row.max_amount, row.version)


# ---------------------------------------------------------------------------
# Checklist templates
# ---------------------------------------------------------------------------


class ChecklistTemplateRepository:
    def __init__(self, session: Session):
        self.session = session

    def _row(self, product_code: str) -> ChecklistTemplateRow | None:
        query = (
            select(ChecklistTemplateRow)
            .options(selectinload(ChecklistTemplateRow.items))
            .where(ChecklistTemplateRow.product_code == product_code)
        )
        return _fresh(self.session, query).one_or_none()

    def get(self, product_code: str) -> ChecklistTemplate | None:
        row = self._row(product_code)
        return None if row is None else _template(row)

    def save(self, template: ChecklistTemplate) -> ChecklistTemplate:
        """Store the template over the stored one, items rewritten slot by slot."""
        row = self._row(template.product_code)
        if row is None:
            row = ChecklistTemplateRow(product_code=template.product_code, items=[])
            self.session.add(row)
        row.updated_at, row.updated_by = template.updated_at, template.updated_by
        for position, item in enumerate(template.items, 1):
            values = {
                "key": item.key,
                "text": item.text,
                "mandatory": item.mandatory,
                "evidence_kind": item.evidence.value,
                "scope": item.scope.value,
            }
            if position <= len(row.items):
                slot = row.items[position - 1]
                for name, value in values.items():
                    if getattr(slot, name) != value:
                        setattr(slot, name, value)
            else:
                row.items.append(ChecklistTemplateItemRow(position=position, **values))
        del row.items[len(template.items) :]
        self.session.flush()
        return _template(row)


def _template(row: ChecklistTemplateRow) -> ChecklistTemplate:
    return ChecklistTemplate(
        product_code=row.product_code,
        items=tuple(
            TemplateItem(
                i.key, i.text, i.mandatory, EvidenceKind(i.evidence_kind), ItemScope(i.scope)
            )
            for i in row.items
        ),
        version=row.version,
        updated_at=row.updated_at,
        updated_by=row.updated_by,
    )


# ---------------------------------------------------------------------------
# Application checklists
# ---------------------------------------------------------------------------


class ChecklistRepository:
    def __init__(self, session: Session):
        self.session = session

    def add_items(self, application_id: int, items: Sequence[ChecklistItem]) -> None:
        self.session.add_all(
            ChecklistItemRow(
                application_id=application_id,
                position=item.number,
                key=item.key,
                text=item.text,
                mandatory=item.mandatory,
                evidence_kind=item.evidence_kind.value,
                confirmed_by=item.confirmed_by,
                confirmed_at=item.confirmed_at,
                note=item.note,
            )
            for item in items
        )
        self.session.flush()

    def items(self, application_id: int) -> list[ChecklistItem]:
        """The checklist in order, each item with its evidence."""
        query = (
            select(ChecklistItemRow)
            .where(ChecklistItemRow.application_id == application_id)
            .order_by(ChecklistItemRow.position)
        )
        rows = list(_fresh(self.session, query))
        evidence = self._evidence([r.id for r in rows])
        return [_item(r, evidence.get(r.id, [])) for r in rows]

    def item(self, application_id: int, number: int) -> ChecklistItem | None:
        row = self._row(application_id, number)
        return None if row is None else _item(row, self._evidence([row.id]).get(row.id, []))

    def update_item(self, application_id: int, item: ChecklistItem) -> None:
        """Save who confirmed the item, when, and its note."""
        row = self._row(application_id, item.number)
        for name in ("confirmed_by", "confirmed_at", "note"):
            if getattr(row, name) != getattr(item, name):
                setattr(row, name, getattr(item, name))
        self.session.flush()

    def add_evidence(self, item_id: int, evidence: Evidence) -> Evidence:
        row = ChecklistEvidenceRow(
            item_id=item_id,
            kind=evidence.kind.value,
            attachment_id=evidence.attachment_id,
            reference=evidence.reference,
            sha256=evidence.sha256,
            added_by=evidence.added_by,
            added_at=evidence.added_at,
        )
        self.session.add(row)
        self.session.flush()
        return replace(evidence, id=row.id)

    def _row(self, application_id: int, number: int) -> ChecklistItemRow | None:
        query = select(ChecklistItemRow).where(
            ChecklistItemRow.application_id == application_id,
            ChecklistItemRow.position == number,
        )
        return _fresh(self.session, query).one_or_none()

    def _evidence(self, item_ids: Sequence[int]) -> dict[int, list[Evidence]]:
        if not item_ids:
            return {}
        query = (
            select(ChecklistEvidenceRow, AttachmentRow.file_name)
            .outerjoin(AttachmentRow, AttachmentRow.id == ChecklistEvidenceRow.attachment_id)
            .where(ChecklistEvidenceRow.item_id.in_(list(item_ids)))
            .order_by(ChecklistEvidenceRow.id)
            .execution_options(**_FRESH)
        )
        found: dict[int, list[Evidence]] = {}
        for row, file_name in self.session.execute(query):
            found.setdefault(row.item_id, []).append(
                Evidence(
                    kind=EvidenceKind(row.kind),
                    sha256=row.sha256,
                    added_by=row.added_by,
                    added_at=row.added_at,
                    file_name=file_name or "",
                    attachment_id=row.attachment_id,
                    reference=row.reference,
                    id=row.id,
                )
            )
        return found


def _item(row: ChecklistItemRow, evidence: list[Evidence]) -> ChecklistItem:
    return ChecklistItem(
        number=row.position,
        key=row.key,
        text=row.text,
        mandatory=row.mandatory,
        evidence_kind=EvidenceKind(row.evidence_kind),
        confirmed_by=row.confirmed_by,
        confirmed_at=row.confirmed_at,
        note=row.note,
        evidence=evidence,
        id=row.id,
    )


# ---------------------------------------------------------------------------
# Loans
# ---------------------------------------------------------------------------


class LoanRepository:
    def __init__(self, session: Session):
        self.session = session

    def add(self, loan: Loan, schedule: Schedule) -> Loan:
        """Store the loan and its schedule; the loan with its id and version."""
        payment = loan.payment
        entrusted = isinstance(payment, EntrustedPayment)
        row = LoanRow(
            loan_number=loan.loan_number,
            application_id=loan.application_id,
            customer_id=loan.customer_id,
            borrower_name=loan.borrower_name,
            product_code=loan.product_code,
            amount=loan.amount,
            annual_rate=loan.annual_rate,
            base_rate=loan.base_rate,
            spread=loan.spread,
            pricing_description=loan.pricing_description,
            risk_grade=loan.risk_grade.value,
            months=loan.months,
            repayment_method=loan.repayment_method.value,
            due_day=loan.due_day,
            start_date=loan.start_date,
            maturity_date=loan.maturity_date,
            payment_mode=loan.payment_mode.value,
            repayment_account=loan.repayment_account,
            counterparty_name=payment.counterparty_name if entrusted else None,
            counterparty_account=payment.counterparty_account if entrusted else None,
            counterparty_bank=payment.counterparty_bank if entrusted else None,
            entrusted_amount=payment.amount if entrusted else None,
            state=loan.state.value,
            outstanding_principal=loan.outstanding_principal,
            disbursed_at=loan.disbursed_at,
            disbursed_by=loan.disbursed_by,
            penalty_uplift=loan.penalty_uplift,
            misuse_penalty_uplift=loan.misuse_penalty_uplift,
        )
        self.session.add(row)
        self.session.flush()
        self.session.add_all(
            LoanInstalmentRow(
                loan_id=row.id,
                period=i.period,
                due_date=i.due_date,
                payment=i.payment,
                principal=i.principal,
                interest=i.interest,
                balance=i.balance,
                days=i.days,
            )
            for i in schedule.instalments
        )
        self.session.flush()
        return _loan(row, loan.application_number)

    def get(self, loan_number: str) -> Loan | None:
        return self._one(LoanRow.loan_number == loan_number)

    def for_application(self, application_number: str) -> Loan | None:
        return self._one(ApplicationRow.application_number == application_number)

    def _one(self, condition) -> Loan | None:
        query = (
            select(LoanRow, ApplicationRow.application_number)
            .join(ApplicationRow, ApplicationRow.id == LoanRow.application_id)
            .where(condition)
        )
        found = self.session.execute(query).one_or_none()
        return None if found is None else _loan(*found)

    def schedule(self, loan_id: int) -> list[Instalment]:
        query = (
            select(LoanInstalmentRow)
            .where(LoanInstalmentRow.loan_id == loan_id)
            .order_by(LoanInstalmentRow.period)
        )
        return [
            Instalment(r.period, r.due_date, r.payment, r.principal, r.interest, r.balance, r.days)
            for r in self.session.scalars(query)
        ]


def _loan(row: LoanRow, application_number: str) -> Loan:
    if row.payment_mode == "entrusted":
        payment = EntrustedPayment(
            row.counterparty_name,
            row.counterparty_account,
            row.counterparty_bank,
            row.entrusted_amount,
        )
    else:
        payment = OwnPayment()
    return Loan(
        loan_number=row.loan_number,
        application_number=application_number,
        application_id=row.application_id,
        customer_id=row.customer_id,
        borrower_name=row.borrower_name,
        product_code=row.product_code,
        amount=row.amount,
        annual_rate=row.annual_rate,
        base_rate=row.base_rate,
        spread=row.spread,
        pricing_description=row.pricing_description,
        risk_grade=RiskGrade(row.risk_grade),
        months=row.months,
        repayment_method=RepaymentMethod(row.repayment_method),
        due_day=row.due_day,
        start_date=row.start_date,
        maturity_date=row.maturity_date,
        repayment_account=row.repayment_account,
        payment=payment,
        disbursed_at=row.disbursed_at,
        disbursed_by=row.disbursed_by,
        penalty_uplift=row.penalty_uplift,
        misuse_penalty_uplift=row.misuse_penalty_uplift,
        state=LoanState(row.state),
        outstanding_principal=row.outstanding_principal,
        id=row.id,
        version=row.version,
    )
