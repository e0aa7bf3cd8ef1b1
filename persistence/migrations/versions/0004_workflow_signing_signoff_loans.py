"""workflow: approval authority, history, signing checklists, sign-offs, loans

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28 16:07:06.183944

Column types are the plain storage types (amounts in whole fen as BIGINT,
rates in whole ten-thousandths of a percent as INTEGER, instants as
timezone-aware DATETIME), so this migration never changes when application
code does. Indexes are created in batch mode, which SQLite needs and
PostgreSQL runs as plain statements.

Seeds, as literal values of this revision, at version 1 (a saved record):
- approval limits (差别授权): the supervisor approves natural-person
  guaranteed loans (personal-guarantee) and micro loans up to 500,000.00
  yuan; the head-office credit approver any product up to 5,000,000.00;
- a signing checklist template for every product in the catalogue (the
  checks listed in the domain notes: identity, spouse, guarantors, group
  members, two staff, recording segments, contract, photo, declarations);
- the time limits of each step (setting ``time_limits``): 3 working days to
  decide, 5 for head office, 5 to start signing, 1 to finish it, 1 for the
  sign-off and 2 to disburse.
"""

import json

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

# role, product code ('*': every product), limit in fen
_APPROVAL_LIMITS = [
    ("supervisor", "personal-guarantee", 50_000_000),
    ("supervisor", "micro", 50_000_000),
    ("head_office_approver", "*", 500_000_000),
]

_RECORDING = "面签录音录像"

# key, text ({name}: the person), mandatory, evidence kind, scope
_CHECKLIST = [
    ("borrower_id_card", "借款人身份证原件与本人核对一致", True, "scan", "once"),
    ("borrower_online_check", "联网核查公民身份信息结果相符", True, "scan", "once"),
    ("borrower_signed_name", "借款人签名与身份证姓名一致", True, "none", "once"),
    (
        "spouse_attends",
        "借款人配偶{name}到场，核实身份，同意借款并在合同上共同签字（夫妻共同债务）",
        True, "photo", "if_married",
    ),
    (
        "guarantor_attends", "保证人{name}到场，核实身份，签署保证合同", True, "photo",
        "each_guarantor",
    ),
    (
        "group_member_attends", "联保小组成员{name}到场并签字", True, "photo",
        "each_group_member",
    ),
    ("two_staff_present", "两名银行工作人员（客户经理与辅助信贷员）在场", True, "none", "once"),
    ("recording_identity", f"{_RECORDING}：核实借款人身份", True, "recording", "once"),
    (
        "recording_terms", f"{_RECORDING}：讲解年利率、还款方式、期限和利息总额", True,
        "recording", "once",
    ),
    ("recording_risk", f"{_RECORDING}：风险揭示", True, "recording", "once"),
    (
        "recording_statement", f"{_RECORDING}：客户陈述已理解合同内容并自愿申请", True,
        "recording", "once",
    ),
    ("contract_checked", "签字前与客户核对合同编号、金额和期限", True, "none", "once"),
    ("black_pen_fingerprints", "使用黑色签字笔签字，每处签名上按捺指印", True, "scan", "once"),
    ("holding_contract_photo", "拍摄客户手持已签合同的照片", True, "photo", "once"),
    ("purpose_declaration", "借款用途声明书已签署", True, "scan", "once"),
    ("risk_disclosure_read", "风险揭示书已向客户宣读并由客户签字确认", True, "none", "once"),
]

_TIME_LIMITS = {
    "submitted": {"amount": 3, "unit": "working_days"},
    "escalated": {"amount": 5, "unit": "working_days"},
    "approved": {"amount": 5, "unit": "working_days"},
    "signing": {"amount": 1, "unit": "working_days"},
    "signed": {"amount": 1, "unit": "working_days"},
    "signed_off": {"amount": 2, "unit": "working_days"},
    "holidays": [],
}


def upgrade() -> None:
    approval_limits = op.create_table('approval_limits',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=32), nullable=False),
    sa.Column('product_code', sa.String(length=40), nullable=False),
    sa.Column('max_amount', sa.BigInteger(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_approval_limits')),
    sa.UniqueConstraint('role', 'product_code', name=op.f('uq_approval_limits_role'))
    )
    templates = op.create_table('checklist_templates',
    sa.Column('product_code', sa.String(length=40), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_by', sa.String(length=64), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['product_code'], ['products.code'], name=op.f('fk_checklist_templates_product_code_products')),
    sa.PrimaryKeyConstraint('product_code', name=op.f('pk_checklist_templates'))
    )
    template_items = op.create_table('checklist_template_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('product_code', sa.String(length=40), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.Column('text', sa.String(length=200), nullable=False),
    sa.Column('mandatory', sa.Boolean(), nullable=False),
    sa.Column('evidence_kind', sa.String(length=16), nullable=False),
    sa.Column('scope', sa.String(length=24), nullable=False),
    sa.ForeignKeyConstraint(['product_code'], ['checklist_templates.product_code'], name=op.f('fk_checklist_template_items_product_code_checklist_templates'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_checklist_template_items')),
    sa.UniqueConstraint('product_code', 'position', name=op.f('uq_checklist_template_items_product_code'))
    )
    op.create_table('application_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(length=64), nullable=False),
    sa.Column('action', sa.String(length=32), nullable=False),
    sa.Column('from_state', sa.String(length=16), nullable=False),
    sa.Column('to_state', sa.String(length=16), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['applications.id'], name=op.f('fk_application_events_application_id_applications'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_application_events'))
    )
    with op.batch_alter_table('application_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_application_events_application_id'), ['application_id'], unique=False)

    op.create_table('application_participants',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=32), nullable=False),
    sa.Column('capacity', sa.String(length=32), nullable=False),
    sa.Column('since', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['applications.id'], name=op.f('fk_application_participants_application_id_applications'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_application_participants')),
    sa.UniqueConstraint('application_id', 'username', 'capacity', name=op.f('uq_application_participants_application_id'))
    )
    op.create_table('approvals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('approved_by', sa.String(length=32), nullable=False),
    sa.Column('approved_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('risk_grade', sa.String(length=1), nullable=False),
    sa.Column('authority_role', sa.String(length=32), nullable=False),
    sa.Column('authority_limit', sa.BigInteger(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['applications.id'], name=op.f('fk_approvals_application_id_applications'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_approvals')),
    sa.UniqueConstraint('application_id', name=op.f('uq_approvals_application_id'))
    )
    op.create_table('checklist_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.Column('text', sa.String(length=300), nullable=False),
    sa.Column('mandatory', sa.Boolean(), nullable=False),
    sa.Column('evidence_kind', sa.String(length=16), nullable=False),
    sa.Column('confirmed_by', sa.String(length=32), nullable=True),
    sa.Column('confirmed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['applications.id'], name=op.f('fk_checklist_items_application_id_applications'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_checklist_items')),
    sa.UniqueConstraint('application_id', 'position', name=op.f('uq_checklist_items_application_id'))
    )
    op.create_table('loans',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('loan_number', sa.String(length=24), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('borrower_name', sa.String(length=40), nullable=False),
    sa.Column('product_code', sa.String(length=40), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('annual_rate', sa.Integer(), nullable=False),
    sa.Column('base_rate', sa.Integer(), nullable=False),
    sa.Column('spread', sa.Integer(), nullable=False),
    sa.Column('pricing_description', sa.String(length=200), nullable=False),
    sa.Column('risk_grade', sa.String(length=1), nullable=False),
    sa.Column('months', sa.Integer(), nullable=False),
    sa.Column('repayment_method', sa.String(length=32), nullable=False),
    sa.Column('due_day', sa.Integer(), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('maturity_date', sa.Date(), nullable=False),
    sa.Column('payment_mode', sa.String(length=16), nullable=False),
    sa.Column('repayment_account', sa.String(length=40), nullable=False),
    sa.Column('counterparty_name', sa.String(length=100), nullable=True),
    sa.Column('counterparty_account', sa.String(length=40), nullable=True),
    sa.Column('counterparty_bank', sa.String(length=100), nullable=True),
    sa.Column('entrusted_amount', sa.BigInteger(), nullable=True),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('outstanding_principal', sa.BigInteger(), nullable=False),
    sa.Column('disbursed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('disbursed_by', sa.String(length=32), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['applications.id'], name=op.f('fk_loans_application_id_applications')),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_loans_customer_id_customers')),
    sa.ForeignKeyConstraint(['product_code'], ['products.code'], name=op.f('fk_loans_product_code_products')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_loans')),
    sa.UniqueConstraint('application_id', name=op.f('uq_loans_application_id')),
    sa.UniqueConstraint('loan_number', name=op.f('uq_loans_loan_number'))
    )
    with op.batch_alter_table('loans', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_loans_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_loans_state'), ['state'], unique=False)

    op.create_table('signings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('started_by', sa.String(length=32), nullable=False),
    sa.Column('first_staff', sa.String(length=32), nullable=False),
    sa.Column('second_staff', sa.String(length=32), nullable=False),
    sa.Column('completed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('completed_by', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['application_id'], ['applications.id'], name=op.f('fk_signings_application_id_applications'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_signings')),
    sa.UniqueConstraint('application_id', name=op.f('uq_signings_application_id'))
    )
    op.create_table('signoffs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('signed_off_by', sa.String(length=32), nullable=False),
    sa.Column('signed_off_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('fingerprint', sa.String(length=64), nullable=False),
    sa.Column('opinion', sa.Text(), nullable=False),
    sa.Column('voided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('voided_by', sa.String(length=64), nullable=True),
    sa.Column('void_reason', sa.String(length=200), nullable=True),
    sa.ForeignKeyConstraint(['application_id'], ['applications.id'], name=op.f('fk_signoffs_application_id_applications'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_signoffs'))
    )
    with op.batch_alter_table('signoffs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_signoffs_application_id'), ['application_id'], unique=False)

    op.create_table('checklist_evidence',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('attachment_id', sa.Integer(), nullable=True),
    sa.Column('reference', sa.String(length=500), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('added_by', sa.String(length=32), nullable=False),
    sa.Column('added_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['attachment_id'], ['attachments.id'], name=op.f('fk_checklist_evidence_attachment_id_attachments')),
    sa.ForeignKeyConstraint(['item_id'], ['checklist_items.id'], name=op.f('fk_checklist_evidence_item_id_checklist_items'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_checklist_evidence'))
    )
    with op.batch_alter_table('checklist_evidence', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_checklist_evidence_item_id'), ['item_id'], unique=False)

    op.create_table('loan_instalments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('loan_id', sa.Integer(), nullable=False),
    sa.Column('period', sa.Integer(), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=False),
    sa.Column('payment', sa.BigInteger(), nullable=False),
    sa.Column('principal', sa.BigInteger(), nullable=False),
    sa.Column('interest', sa.BigInteger(), nullable=False),
    sa.Column('balance', sa.BigInteger(), nullable=False),
    sa.Column('days', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['loan_id'], ['loans.id'], name=op.f('fk_loan_instalments_loan_id_loans'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_loan_instalments')),
    sa.UniqueConstraint('loan_id', 'period', name=op.f('uq_loan_instalments_loan_id'))
    )
    _seed(approval_limits, templates, template_items)


def _seed(approval_limits, templates, template_items) -> None:
    op.bulk_insert(approval_limits, [
        {"role": role, "product_code": code, "max_amount": limit, "version": 1}
        for role, code, limit in _APPROVAL_LIMITS
    ])
    # Every product in the catalogue now, the administrator's own included.
    codes = list(op.get_bind().execute(sa.text("SELECT code FROM products ORDER BY code")).scalars())
    op.bulk_insert(templates, [
        {"product_code": code, "updated_at": None, "updated_by": None, "version": 1}
        for code in codes
    ])
    op.bulk_insert(template_items, [
        {
            "product_code": code, "position": position, "key": key, "text": text,
            "mandatory": mandatory, "evidence_kind": evidence, "scope": scope,
        }
        for code in codes
        for position, (key, text, mandatory, evidence, scope) in enumerate(_CHECKLIST, 1)
    ])
    settings = sa.table(
        "settings", sa.column("key", sa.String), sa.column("value", sa.Text),
        sa.column("version", sa.Integer),
    )
    op.bulk_insert(settings, [{
        "key": "time_limits",
        "value": json.dumps(_TIME_LIMITS, ensure_ascii=False, sort_keys=True),
        "version": 1,
    }])


def downgrade() -> None:
    op.execute(sa.text("DELETE FROM settings WHERE key = 'time_limits'"))
    op.drop_table('loan_instalments')
    with op.batch_alter_table('checklist_evidence', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_checklist_evidence_item_id'))

    op.drop_table('checklist_evidence')
    with op.batch_alter_table('signoffs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_signoffs_application_id'))

    op.drop_table('signoffs')
    op.drop_table('signings')
    with op.batch_alter_table('loans', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_loans_state'))
        batch_op.drop_index(batch_op.f('ix_loans_customer_id'))

    op.drop_table('loans')
    op.drop_table('checklist_items')
    op.drop_table('approvals')
    op.drop_table('application_participants')
    with op.batch_alter_table('application_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_application_events_application_id'))

    op.drop_table('application_events')
    op.drop_table('checklist_template_items')
    op.drop_table('checklist_templates')
    op.drop_table('approval_limits')
