"""Repositories of intake: customers, businesses, the notice list and
applications (with their guarantors, group members, collateral and files).

Domain objects in, domain objects out. Every write flushes at once, so a
conflict surfaces inside the use case that caused it. ``add_many`` methods
insert with Core statements in batches: the bulk loads of a data take-over
or a training database would take minutes through the ORM one by one, and
they are audited as one summary event by the use case instead of row by row.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, and_, func, insert, or_, select, type_coerce
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.attributes import flag_modified

from domain.applications import (
    Application,
    ApplicationState,
    Attachment,
    Collateral,
    CollateralKind,
    GroupMember,
    GuaranteeCompany,
    Guarantor,
    Investigation,
)
from domain.blacklist import BlacklistEntry
from domain.customers import Business, Customer, MaritalStatus, Premises
from domain.errors import ConcurrencyConflict
from domain.identity import mask_id_number
from domain.money import to_fen
from domain.products import GuaranteeType
from domain.schedule import RepaymentMethod
from domain.search import ApplicationHit, ApplicationOrder, CustomerHit, SearchTerms
from persistence.models_intake import (
    ApplicationRow,
    AttachmentRow,
    BlacklistRow,
    BusinessRow,
    CollateralRow,
    CustomerRow,
    GroupMemberRow,
    GuarantorRow,
    NumberSequenceRow,
)

# Rows per IN (...) list: far below either database's limit on parameters.
_CHUNK = 500


def _assign(row: Any, values: dict[str, Any]) -> None:
    """Set only what changed, so the audit trail records real changes only."""
    for name, value in values.items():
        if getattr(row, name) != value:
            setattr(row, name, value)


def _chunks(items: Sequence[Any], size: int = _CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _insert_returning_ids(session: Session, table, rows: list[dict[str, Any]]) -> list[int]:
    """Insert ``rows`` in batches; their new ids in the order given."""
    if not rows:
        return []
    statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    return list(session.execute(statement, rows).scalars())


def _locked(session: Session, query, expected_version: int, conflict: str | None = None):
    """The row of ``query``, locked for update and refreshed; ``ConcurrencyConflict``
    unless it still has ``expected_version``."""
    row = session.scalars(query.with_for_update().execution_options(populate_existing=True)).one()
    if row.version != expected_version:
        raise ConcurrencyConflict(conflict) if conflict else ConcurrencyConflict()
    return row


# ---------------------------------------------------------------------------
# Customers
# ---------------------------------------------------------------------------


def _customer_values(customer: Customer) -> dict[str, Any]:
    return {
        "name": customer.name,
        "id_number": customer.id_number,
        "phone": customer.phone,
        "address": customer.address,
        "marital_status": customer.marital_status.value,
        "spouse_name": customer.spouse_name,
        "spouse_id_number": customer.spouse_id_number,
    }


def _customer(row: CustomerRow) -> Customer:
    return Customer(
        id=row.id,
        name=row.name,
        id_number=row.id_number,
        phone=row.phone,
        address=row.address,
        marital_status=MaritalStatus(row.marital_status),
        spouse_name=row.spouse_name,
        spouse_id_number=row.spouse_id_number,
        version=row.version,
        created_at=row.created_at,
        created_by=row.created_by,
    )


class CustomerRepository:
    def __init__(self, session: Session):
        self.session = session

    def get(self, customer_id: int) -> Customer | None:
        row = self.session.get(CustomerRow, customer_id)
        return None if row is None else _customer(row)

    def get_by_id_number(self, id_number: str) -> Customer | None:
        row = self.session.scalars(
            select(CustomerRow).where(CustomerRow.id_number == id_number)
        ).one_or_none()
        return None if row is None else _customer(row)

    def count(self) -> int:
        return self.session.scalar(select(func.count()).select_from(CustomerRow))

    def add(self, customer: Customer) -> Customer:
        row = CustomerRow(
            created_at=customer.created_at,
            created_by=customer.created_by,
            **_customer_values(customer),
        )
        self.session.add(row)
        self.session.flush()
        return _customer(row)

    def update(self, customer: Customer) -> Customer:
        """Save over the stored customer; ``ConcurrencyConflict`` unless
        ``customer.version`` is the stored version."""
        row = _locked(
            self.session,
            select(CustomerRow).where(CustomerRow.id == customer.id),
            customer.version,
            f"客户 {customer.name} 的资料已被其他人修改，请重新打开后再保存。",
        )
        _assign(row, _customer_values(customer))
        self.session.flush()
        return _customer(row)

    def known_id_numbers(self, id_numbers: Sequence[str]) -> set[str]:
        """Those of ``id_numbers`` already registered."""
        known: set[str] = set()
        for chunk in _chunks(sorted(set(id_numbers))):
            query = select(CustomerRow.id_number).where(CustomerRow.id_number.in_(chunk))
            known.update(self.session.scalars(query))
        return known

    def add_many(self, customers: Sequence[Customer]) -> list[Customer]:
        rows = [
            {
                **_customer_values(c),
                "created_at": c.created_at,
                "created_by": c.created_by,
                "version": 1,
            }
            for c in customers
        ]
        ids = _insert_returning_ids(self.session, CustomerRow.__table__, rows)
        for customer, new_id in zip(customers, ids, strict=True):
            customer.id, customer.version = new_id, 1
        return list(customers)

    def search(
        self, terms: SearchTerms, *, after: tuple[str, int] | None, limit: int
    ) -> list[CustomerHit]:
        """By name then id; see ``domain.search.search_customers``."""
        c = CustomerRow
        query = select(c.id, c.name, c.id_number, c.phone, c.address)
        if not terms.empty:
            conditions = _person_conditions(terms, c)
            if not conditions:
                return []
            query = query.where(or_(*conditions))
        if after is not None:
            name, last_id = after
            query = query.where(or_(c.name > name, and_(c.name == name, c.id > last_id)))
        rows = self.session.execute(query.order_by(c.name, c.id).limit(limit))
        return [
            CustomerHit(r.id, r.name, mask_id_number(r.id_number), r.phone, r.address) for r in rows
        ]


def _person_conditions(terms: SearchTerms, c=CustomerRow) -> list:
    conditions = []
    if terms.name:
        conditions.append(c.name.contains(terms.name, autoescape=True))
    if terms.id_number:
        conditions.append(c.id_number.contains(terms.id_number, autoescape=True))
    if terms.phone:
        conditions.append(c.phone.contains(terms.phone, autoescape=True))
    return conditions


# ---------------------------------------------------------------------------
# Businesses
# ---------------------------------------------------------------------------


def _business_values(business: Business) -> dict[str, Any]:
    return {
        "customer_id": business.customer_id,
        "name": business.name,
        "uscc": business.uscc,
        "industry": business.industry,
        "operating_since": business.operating_since,
        "premises": business.premises.value,
        "employees": business.employees,
        "marketing_area": business.marketing_area,
    }


def _business(row: BusinessRow) -> Business:
    return Business(
        id=row.id,
        customer_id=row.customer_id,
        name=row.name,
        uscc=row.uscc,
        industry=row.industry,
        operating_since=row.operating_since,
        premises=Premises(row.premises),
        employees=row.employees,
        marketing_area=row.marketing_area,
        version=row.version,
    )


class BusinessRepository:
    def __init__(self, session: Session):
        self.session = session

    def get(self, business_id: int) -> Business | None:
        row = self.session.get(BusinessRow, business_id)
        return None if row is None else _business(row)

    def for_customer(self, customer_id: int) -> list[Business]:
        query = select(BusinessRow).where(BusinessRow.customer_id == customer_id)
        return [_business(row) for row in self.session.scalars(query.order_by(BusinessRow.id))]

    def add(self, business: Business) -> Business:
        row = BusinessRow(**_business_values(business))
        self.session.add(row)
        self.session.flush()
        return _business(row)

    def update(self, business: Business) -> Business:
        row = _locked(
            self.session,
            select(BusinessRow).where(BusinessRow.id == business.id),
            business.version,
            f"经营实体 {business.name} 已被其他人修改，请重新打开后再保存。",
        )
        _assign(row, _business_values(business))
        self.session.flush()
        return _business(row)

    def add_many(self, businesses: Sequence[Business]) -> list[Business]:
        rows = [{**_business_values(b), "version": 1} for b in businesses]
        ids = _insert_returning_ids(self.session, BusinessRow.__table__, rows)
        for business, new_id in zip(businesses, ids, strict=True):
            business.id, business.version = new_id, 1
        return list(businesses)


# ---------------------------------------------------------------------------
# The notice list
# ---------------------------------------------------------------------------


def _entry_values(entry: BlacklistEntry) -> dict[str, Any]:
    return {
        "id_number": entry.id_number,
        "name": entry.name,
        "reason": entry.reason,
        "source": entry.source,
        "listed_on": entry.listed_on,
        "active": entry.active,
    }


def _entry(row: BlacklistRow) -> BlacklistEntry:
    return BlacklistEntry(
        id=row.id,
        id_number=row.id_number,
        name=row.name,
        reason=row.reason,
        source=row.source,
        listed_on=row.listed_on,
        active=row.active,
        version=row.version,
    )


class BlacklistRepository:
    def __init__(self, session: Session):
        self.session = session

    def get(self, id_number: str) -> BlacklistEntry | None:
        row = self.session.scalars(
            select(BlacklistRow).where(BlacklistRow.id_number == id_number)
        ).one_or_none()
        return None if row is None else _entry(row)

    def list(self, include_inactive: bool = False) -> list[BlacklistEntry]:
        query = select(BlacklistRow).order_by(BlacklistRow.id_number)
        if not include_inactive:
            query = query.where(BlacklistRow.active.is_(True))
        return [_entry(row) for row in self.session.scalars(query)]

    def entries_for(self, id_numbers: Iterable[str]) -> list[BlacklistEntry]:
        """Entries, active or lifted, for any of ``id_numbers``."""
        return self._for(id_numbers, active_only=False)

    def active_for(self, id_numbers: Iterable[str]) -> list[BlacklistEntry]:
        return self._for(id_numbers, active_only=True)

    def _for(self, id_numbers: Iterable[str], active_only: bool) -> list[BlacklistEntry]:
        found = []
        for chunk in _chunks(sorted(set(id_numbers))):
            query = select(BlacklistRow).where(BlacklistRow.id_number.in_(chunk))
            if active_only:
                query = query.where(BlacklistRow.active.is_(True))
            found += [_entry(row) for row in self.session.scalars(query)]
        return sorted(found, key=lambda e: e.id_number)

    def add(self, entry: BlacklistEntry) -> BlacklistEntry:
        row = BlacklistRow(**_entry_values(entry))
        self.session.add(row)
        self.session.flush()
        return _entry(row)

    def update(self, entry: BlacklistEntry) -> BlacklistEntry:
        row = _locked(
            self.session,
            select(BlacklistRow).where(BlacklistRow.id_number == entry.id_number),
            entry.version,
        )
        _assign(row, _entry_values(entry))
        self.session.flush()
        return _entry(row)


# ---------------------------------------------------------------------------
# Applications
# ---------------------------------------------------------------------------


def _application_values(a: Application) -> dict[str, Any]:
    visit = a.investigation
    return {
        "customer_id": a.customer_id,
        "business_id": a.business_id,
        "product_code": a.product_code,
        "amount": a.amount,
        "months": a.months,
        "purpose": a.purpose or "",
        "repayment_method": None if a.repayment_method is None else a.repayment_method.value,
        "due_day": a.due_day,
        "guarantee_type": None if a.guarantee_type is None else a.guarantee_type.value,
        **_company_values(a.guarantee_company),
        "officer": a.officer,
        "assisting_officer": a.assisting_officer,
        "state": a.state.value,
        "visit_date": visit.visit_date if visit else None,
        "visit_officer": visit.officer if visit else None,
        "visit_assisting_officer": visit.assisting_officer if visit else None,
        "visit_notes": visit.notes if visit else None,
        "analysis": _dump(a.analysis),
        "updated_at": a.updated_at,
        "submitted_at": a.submitted_at,
    }


def _company_values(company: GuaranteeCompany | None) -> dict[str, Any]:
    """The guarantee company's columns; all empty when there is none."""
    return {
        "guarantee_company_name": (company.name or None) if company else None,
        "guarantee_company_credit_code": (company.credit_code or None) if company else None,
        "guarantee_company_amount": company.amount if company else None,
    }


def _company(row: ApplicationRow) -> GuaranteeCompany | None:
    name = row.guarantee_company_name
    code = row.guarantee_company_credit_code
    amount = row.guarantee_company_amount
    if name is None and code is None and amount is None:
        return None
    return GuaranteeCompany(name or "", code or "", amount)


def _dump(analysis: dict[str, Any] | None) -> str | None:
    if analysis is None:
        return None
    return json.dumps(analysis, ensure_ascii=False, sort_keys=True, default=str)


def _guarantor_values(g: Guarantor) -> dict[str, Any]:
    return {
        "name": g.name,
        "id_number": g.id_number,
        "phone": g.phone or "",
        "relation": g.relation or "",
        "monthly_income": g.monthly_income,
        "employer": g.employer or "",
    }


def _member_values(m: GroupMember) -> dict[str, Any]:
    return {"name": m.name, "id_number": m.id_number, "business": m.business or ""}


def _collateral_values(c: Collateral) -> dict[str, Any]:
    return {
        "kind": CollateralKind(c.kind).value,
        "certificate_number": c.certificate_number or "",
        "owner": c.owner or "",
        "appraised_value": c.appraised_value,
    }


# Each kind of child: the relationship, its row class and its values.
_CHILDREN: tuple[tuple[str, type, Callable[[Any], dict[str, Any]]], ...] = (
    ("guarantors", GuarantorRow, _guarantor_values),
    ("group_members", GroupMemberRow, _member_values),
    ("collaterals", CollateralRow, _collateral_values),
)


def _sync_children(row: ApplicationRow, application: Application) -> None:
    """Rewrite the children slot by slot: a changed slot is updated in place,
    extra slots are added, surplus ones deleted; a slot is never both deleted
    and added in one flush, which the unique position would refuse."""
    for name, row_class, values_of in _CHILDREN:
        rows = getattr(row, name)
        items = getattr(application, name)
        for position, item in enumerate(items):
            values = values_of(item)
            if position < len(rows):
                _assign(rows[position], values)
            else:
                rows.append(row_class(position=position, **values))
        del rows[len(items) :]


def _application(row: ApplicationRow) -> Application:
    visit = None
    if any(
        v is not None
        for v in (row.visit_date, row.visit_officer, row.visit_assisting_officer, row.visit_notes)
    ):
        visit = Investigation(
            row.visit_date, row.visit_officer, row.visit_assisting_officer, row.visit_notes or ""
        )
    return Application(
        id=row.id,
        application_number=row.application_number,
        customer_id=row.customer_id,
        business_id=row.business_id,
        product_code=row.product_code,
        amount=row.amount,
        months=row.months,
        purpose=row.purpose,
        repayment_method=None
        if row.repayment_method is None
        else RepaymentMethod(row.repayment_method),
        due_day=row.due_day,
        guarantee_type=None if row.guarantee_type is None else GuaranteeType(row.guarantee_type),
        guarantee_company=_company(row),
        officer=row.officer,
        assisting_officer=row.assisting_officer,
        state=ApplicationState(row.state),
        investigation=visit,
        analysis=None if row.analysis is None else json.loads(row.analysis),
        guarantors=[
            Guarantor(g.name, g.id_number, g.phone, g.relation, g.monthly_income, g.employer)
            for g in row.guarantors
        ],
        group_members=[GroupMember(m.name, m.id_number, m.business) for m in row.group_members],
        collaterals=[
            Collateral(CollateralKind(c.kind), c.certificate_number, c.owner, c.appraised_value)
            for c in row.collaterals
        ],
        created_at=row.created_at,
        created_by=row.created_by,
        updated_at=row.updated_at,
        submitted_at=row.submitted_at,
        version=row.version,
    )


def _attachment(row: AttachmentRow, with_data: bool = False) -> Attachment:
    return Attachment(
        id=row.id,
        application_id=row.application_id,
        file_name=row.file_name,
        media_type=row.media_type,
        size=row.size,
        sha256=row.sha256,
        uploaded_at=row.uploaded_at,
        uploaded_by=row.uploaded_by,
        data=row.data if with_data else None,
    )


_WITH_CHILDREN = (
    selectinload(ApplicationRow.guarantors),
    selectinload(ApplicationRow.group_members),
    selectinload(ApplicationRow.collaterals),
)


class ApplicationRepository:
    def __init__(self, session: Session):
        self.session = session

    def _query(self):
        return select(ApplicationRow).options(*_WITH_CHILDREN)

    def get(self, application_number: str) -> Application | None:
        query = self._query().where(ApplicationRow.application_number == application_number)
        row = self.session.scalars(query).one_or_none()
        return None if row is None else _application(row)

    def add(self, application: Application) -> Application:
        row = ApplicationRow(
            application_number=application.application_number,
            created_at=application.created_at,
            created_by=application.created_by,
            guarantors=[],
            group_members=[],
            collaterals=[],
            **_application_values(application),
        )
        _sync_children(row, application)
        self.session.add(row)
        self.session.flush()
        return _application(row)

    def update(self, application: Application) -> Application:
        """Save over the stored application, children included. The version
        goes up on every save, a change of a guarantor alone included."""
        row = _locked(
            self.session,
            self._query().where(ApplicationRow.id == application.id),
            application.version,
            f"申请 {application.application_number} 已被其他人修改，请重新打开后再保存。",
        )
        _assign(row, _application_values(application))
        _sync_children(row, application)
        flag_modified(row, "updated_at")
        self.session.flush()
        return _application(row)

    def next_sequence(self, key: str) -> int:
        """The next number of the day's sequence ``key`` (1 for the first)."""
        return self.reserve_sequences(key, 1)

    def reserve_sequences(self, key: str, count: int) -> int:
        """Reserve ``count`` consecutive numbers under ``key``; the first one.

        One atomic upsert: a second desk doing the same waits for this
        transaction and continues after it, never repeating a number.
        """
        table = NumberSequenceRow.__table__
        dialect = self.session.get_bind().dialect.name
        upsert = postgresql_insert if dialect == "postgresql" else sqlite_insert
        statement = (
            upsert(table)
            .values(key=key, last=count)
            .on_conflict_do_update(
                index_elements=[table.c.key], set_={"last": table.c.last + count}
            )
            .returning(table.c.last)
        )
        last = self.session.execute(statement).scalar_one()
        return last - count + 1

    def add_many(self, applications: Sequence[Application]) -> list[Application]:
        rows = [
            {
                **_application_values(a),
                "application_number": a.application_number,
                "created_at": a.created_at,
                "created_by": a.created_by,
                "version": 1,
            }
            for a in applications
        ]
        ids = _insert_returning_ids(self.session, ApplicationRow.__table__, rows)
        for application, new_id in zip(applications, ids, strict=True):
            application.id, application.version = new_id, 1
        for name, row_class, values_of in _CHILDREN:
            children = [
                {"application_id": a.id, "position": position, **values_of(item)}
                for a in applications
                for position, item in enumerate(getattr(a, name))
            ]
            if children:
                self.session.execute(insert(row_class.__table__), children)
        return list(applications)

    def of_customer(self, customer_id: int, state: str) -> list[Application]:
        """The customer's applications in ``state`` (few: one borrower's loans)."""
        query = self._query().where(
            ApplicationRow.customer_id == customer_id, ApplicationRow.state == state
        )
        return [_application(row) for row in self.session.scalars(query)]

    def count_by_state(self) -> dict[str, tuple[int, str]]:
        """For each state in use: how many, and the lowest application number."""
        a = ApplicationRow
        query = select(a.state, func.count(), func.min(a.application_number)).group_by(a.state)
        return {state: (count, example) for state, count, example in self.session.execute(query)}

    # --- files ----------------------------------------------------------------

    def add_attachment(self, attachment: Attachment) -> Attachment:
        row = AttachmentRow(
            application_id=attachment.application_id,
            file_name=attachment.file_name,
            media_type=attachment.media_type,
            size=attachment.size,
            sha256=attachment.sha256,
            data=attachment.data,
            uploaded_at=attachment.uploaded_at,
            uploaded_by=attachment.uploaded_by,
        )
        self.session.add(row)
        self.session.flush()
        return _attachment(row)

    def attachments(self, application_id: int) -> list[Attachment]:
        query = (
            select(AttachmentRow)
            .where(AttachmentRow.application_id == application_id)
            .order_by(AttachmentRow.id)
        )
        return [_attachment(row) for row in self.session.scalars(query)]

    def attachment(self, attachment_id: int) -> Attachment | None:
        row = self.session.get(AttachmentRow, attachment_id)
        return None if row is None else _attachment(row, with_data=True)

    def attachment_with_hash(self, application_id: int, sha256: str) -> Attachment | None:
        query = select(AttachmentRow).where(
            AttachmentRow.application_id == application_id, AttachmentRow.sha256 == sha256
        )
        row = self.session.scalars(query.limit(1)).first()
        return None if row is None else _attachment(row)

    # --- search ---------------------------------------------------------------

    def search(
        self,
        terms: SearchTerms,
        *,
        state: ApplicationState | None,
        officer: str | None,
        after: tuple[Any, ...] | None,
        limit: int,
        order: ApplicationOrder,
    ) -> list[ApplicationHit]:
        """See ``domain.search.search_applications``."""
        a, c = ApplicationRow, CustomerRow
        query = select(
            a.id,
            a.application_number,
            c.name,
            c.id_number,
            a.product_code,
            a.amount,
            a.months,
            a.state,
            a.officer,
            a.created_at,
        ).join(c, c.id == a.customer_id)
        if not terms.empty:
            conditions = _person_conditions(terms, c)
            if terms.application_number:
                conditions.append(
                    a.application_number.contains(terms.application_number, autoescape=True)
                )
            if not conditions:
                return []
            query = query.where(or_(*conditions))
        if state is not None:
            query = query.where(a.state == state.value)
        if officer:
            query = query.where(or_(a.officer == officer, a.assisting_officer == officer))
        query = _ordered(query, order, after).limit(limit)
        return [
            ApplicationHit(
                id=r.id,
                application_number=r.application_number,
                customer_name=r.name,
                masked_id_number=mask_id_number(r.id_number),
                product_code=r.product_code,
                amount=r.amount,
                months=r.months,
                state=ApplicationState(r.state),
                officer=r.officer,
                created_at=r.created_at,
                order=order,
            )
            for r in self.session.execute(query)
        ]


def _ordered(query, order: ApplicationOrder, after: tuple[Any, ...] | None):
    """``query`` sorted by ``order`` and started after the keyset ``after``."""
    a, c = ApplicationRow, CustomerRow
    if order is ApplicationOrder.NUMBER:
        if after is not None:
            query = query.where(a.application_number > after[0])
        return query.order_by(a.application_number)
    if order is ApplicationOrder.AMOUNT:
        # Compared in whole fen; no amount yet sorts below every amount.
        fen = func.coalesce(type_coerce(a.amount, BigInteger), -1)
        if after is not None:
            amount, last_id = after
            key = to_fen(Decimal(amount))
            query = query.where(or_(fen < key, and_(fen == key, a.id > last_id)))
        return query.order_by(fen.desc(), a.id)
    if order is ApplicationOrder.CUSTOMER:
        if after is not None:
            name, last_id = after
            query = query.where(or_(c.name > name, and_(c.name == name, a.id > last_id)))
        return query.order_by(c.name, a.id)
    if after is not None:
        query = query.where(a.id < after[0])
    return query.order_by(a.id.desc())
