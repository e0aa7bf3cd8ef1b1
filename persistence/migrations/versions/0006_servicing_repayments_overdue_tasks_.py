"""servicing: repayments, overdue, tasks, classification

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28 17:08:41.841571

Column types are the plain storage types (amounts in whole fen as BIGINT,
rates and uplifts in whole ten-thousandths as INTEGER, instants as
timezone-aware DATETIME), so this migration never changes when application
code does. Indexes are created in batch mode, which SQLite needs and
PostgreSQL runs as plain statements.

- ``loan_accounts``: each loan's servicing account, one row per loan, with
  the register's columns (outstanding, oldest unpaid due date, next due
  date and amount, days past due, classification) and their indexes;
- ``loan_schedule_lines``: every version of each loan's servicing schedule
  with what has been paid of each instalment; superseded versions stay;
- ``repayments`` (receipt numbers unique) and ``repayment_reversals`` (at
  most one per posting);
- ``loan_accruals``: the daily run's record per loan and day;
- ``follow_up_tasks``: officers' tasks, one open per loan and kind;
- ``loan_classifications``: supervisors' classification decisions.
"""

import sqlalchemy as sa
from alembic import op


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('follow_up_tasks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('loan_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('officer', sa.String(length=32), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=8), nullable=False),
    sa.Column('open_key', sa.String(length=40), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('completed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('completed_by', sa.String(length=64), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('evidence_reference', sa.String(length=200), nullable=False),
    sa.Column('evidence_file_name', sa.String(length=200), nullable=False),
    sa.Column('evidence_sha256', sa.String(length=64), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['loan_id'], ['loans.id'], name=op.f('fk_follow_up_tasks_loan_id_loans')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_follow_up_tasks')),
    sa.UniqueConstraint('open_key', name=op.f('uq_follow_up_tasks_open_key'))
    )
    with op.batch_alter_table('follow_up_tasks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_follow_up_tasks_loan_id'), ['loan_id'], unique=False)
        batch_op.create_index('ix_follow_up_tasks_officer_status_due', ['officer', 'status', 'due_on'], unique=False)
        batch_op.create_index('ix_follow_up_tasks_status_due', ['status', 'due_on'], unique=False)

    op.create_table('loan_accounts',
    sa.Column('loan_id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('loan_number', sa.String(length=24), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('borrower_name', sa.String(length=40), nullable=False),
    sa.Column('product_code', sa.String(length=40), nullable=False),
    sa.Column('officer', sa.String(length=32), nullable=False),
    sa.Column('marketing_area', sa.String(length=40), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('annual_rate', sa.Integer(), nullable=False),
    sa.Column('repayment_method', sa.String(length=32), nullable=False),
    sa.Column('penalty_uplift', sa.Integer(), nullable=False),
    sa.Column('disbursed_on', sa.Date(), nullable=False),
    sa.Column('maturity_date', sa.Date(), nullable=False),
    sa.Column('first_due_on', sa.Date(), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('outstanding_principal', sa.BigInteger(), nullable=False),
    sa.Column('penalty_paid', sa.BigInteger(), nullable=False),
    sa.Column('compound_paid', sa.BigInteger(), nullable=False),
    sa.Column('schedule_version', sa.Integer(), nullable=False),
    sa.Column('arrears_since', sa.Date(), nullable=True),
    sa.Column('days_past_due', sa.Integer(), nullable=False),
    sa.Column('in_arrears', sa.Boolean(), nullable=False),
    sa.Column('overdue_principal', sa.BigInteger(), nullable=False),
    sa.Column('overdue_interest', sa.BigInteger(), nullable=False),
    sa.Column('penalty_owed', sa.BigInteger(), nullable=False),
    sa.Column('compound_owed', sa.BigInteger(), nullable=False),
    sa.Column('next_due_date', sa.Date(), nullable=True),
    sa.Column('next_due_amount', sa.BigInteger(), nullable=False),
    sa.Column('computed_on', sa.Date(), nullable=True),
    sa.Column('suggested_class', sa.String(length=16), nullable=False),
    sa.Column('classification', sa.String(length=16), nullable=False),
    sa.Column('classification_confirmed', sa.Boolean(), nullable=False),
    sa.Column('last_paid_on', sa.Date(), nullable=True),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('next_revisit_on', sa.Date(), nullable=True),
    sa.Column('next_collection_on', sa.Date(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_loan_accounts_customer_id_customers')),
    sa.ForeignKeyConstraint(['loan_id'], ['loans.id'], name=op.f('fk_loan_accounts_loan_id_loans')),
    sa.PrimaryKeyConstraint('loan_id', name=op.f('pk_loan_accounts')),
    sa.UniqueConstraint('loan_number', name=op.f('uq_loan_accounts_loan_number'))
    )
    with op.batch_alter_table('loan_accounts', schema=None) as batch_op:
        batch_op.create_index('ix_loan_accounts_arrears_number', ['in_arrears', 'loan_number'], unique=False)
        batch_op.create_index(batch_op.f('ix_loan_accounts_arrears_since'), ['arrears_since'], unique=False)
        batch_op.create_index('ix_loan_accounts_borrower_number', ['borrower_name', 'loan_number'], unique=False)
        batch_op.create_index(batch_op.f('ix_loan_accounts_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_loan_accounts_next_due_date'), ['next_due_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_loan_accounts_next_revisit_on'), ['next_revisit_on'], unique=False)
        batch_op.create_index('ix_loan_accounts_officer_number', ['officer', 'loan_number'], unique=False)
        batch_op.create_index('ix_loan_accounts_product_number', ['product_code', 'loan_number'], unique=False)
        batch_op.create_index('ix_loan_accounts_state_number', ['state', 'loan_number'], unique=False)

    op.create_table('loan_accruals',
    sa.Column('loan_id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('as_of', sa.Date(), nullable=False),
    sa.Column('days_past_due', sa.Integer(), nullable=False),
    sa.Column('outstanding_principal', sa.BigInteger(), nullable=False),
    sa.Column('overdue_principal', sa.BigInteger(), nullable=False),
    sa.Column('overdue_interest', sa.BigInteger(), nullable=False),
    sa.Column('penalty_interest', sa.BigInteger(), nullable=False),
    sa.Column('compound_interest', sa.BigInteger(), nullable=False),
    sa.Column('penalty_accrued', sa.BigInteger(), nullable=False),
    sa.Column('compound_accrued', sa.BigInteger(), nullable=False),
    sa.Column('classification', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['loan_id'], ['loans.id'], name=op.f('fk_loan_accruals_loan_id_loans')),
    sa.PrimaryKeyConstraint('loan_id', 'as_of', name=op.f('pk_loan_accruals'))
    )
    with op.batch_alter_table('loan_accruals', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_loan_accruals_as_of'), ['as_of'], unique=False)

    op.create_table('loan_classifications',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('loan_id', sa.Integer(), nullable=False),
    sa.Column('category', sa.String(length=16), nullable=False),
    sa.Column('suggested', sa.String(length=16), nullable=False),
    sa.Column('days_past_due', sa.Integer(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('decided_by', sa.String(length=32), nullable=False),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('blacklisted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['loan_id'], ['loans.id'], name=op.f('fk_loan_classifications_loan_id_loans')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_loan_classifications'))
    )
    with op.batch_alter_table('loan_classifications', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_loan_classifications_loan_id'), ['loan_id'], unique=False)

    op.create_table('loan_schedule_lines',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('loan_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('period', sa.Integer(), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=False),
    sa.Column('principal', sa.BigInteger(), nullable=False),
    sa.Column('interest', sa.BigInteger(), nullable=False),
    sa.Column('balance', sa.BigInteger(), nullable=False),
    sa.Column('days', sa.Integer(), nullable=False),
    sa.Column('principal_paid', sa.BigInteger(), nullable=False),
    sa.Column('interest_paid', sa.BigInteger(), nullable=False),
    sa.Column('penalty_settled', sa.BigInteger(), nullable=False),
    sa.Column('compound_settled', sa.BigInteger(), nullable=False),
    sa.Column('superseded', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['loan_id'], ['loans.id'], name=op.f('fk_loan_schedule_lines_loan_id_loans')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_loan_schedule_lines')),
    sa.UniqueConstraint('loan_id', 'version', 'period', name=op.f('uq_loan_schedule_lines_loan_id'))
    )
    op.create_table('repayments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('loan_id', sa.Integer(), nullable=False),
    sa.Column('receipt_number', sa.String(length=40), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('paid_on', sa.Date(), nullable=False),
    sa.Column('channel', sa.String(length=16), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('early_option', sa.String(length=24), nullable=True),
    sa.Column('allocation', sa.Text(), nullable=False),
    sa.Column('principal', sa.BigInteger(), nullable=False),
    sa.Column('interest', sa.BigInteger(), nullable=False),
    sa.Column('penalty', sa.BigInteger(), nullable=False),
    sa.Column('compound', sa.BigInteger(), nullable=False),
    sa.Column('posted_by', sa.String(length=64), nullable=False),
    sa.Column('posted_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('schedule_version_before', sa.Integer(), nullable=False),
    sa.Column('schedule_version_after', sa.Integer(), nullable=False),
    sa.Column('outstanding_after', sa.BigInteger(), nullable=False),
    sa.Column('arrears_since_after', sa.Date(), nullable=True),
    sa.Column('note', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['loan_id'], ['loans.id'], name=op.f('fk_repayments_loan_id_loans')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_repayments')),
    sa.UniqueConstraint('receipt_number', name=op.f('uq_repayments_receipt_number'))
    )
    with op.batch_alter_table('repayments', schema=None) as batch_op:
        batch_op.create_index('ix_repayments_loan_paid_on', ['loan_id', 'paid_on'], unique=False)

    op.create_table('repayment_reversals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('repayment_id', sa.Integer(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('requested_by', sa.String(length=64), nullable=False),
    sa.Column('approved_by', sa.String(length=32), nullable=False),
    sa.Column('reversed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('allocation', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['repayment_id'], ['repayments.id'], name=op.f('fk_repayment_reversals_repayment_id_repayments')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_repayment_reversals')),
    sa.UniqueConstraint('repayment_id', name=op.f('uq_repayment_reversals_repayment_id'))
    )


def downgrade() -> None:
    op.drop_table('repayment_reversals')
    with op.batch_alter_table('repayments', schema=None) as batch_op:
        batch_op.drop_index('ix_repayments_loan_paid_on')

    op.drop_table('repayments')
    op.drop_table('loan_schedule_lines')
    with op.batch_alter_table('loan_classifications', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_loan_classifications_loan_id'))

    op.drop_table('loan_classifications')
    with op.batch_alter_table('loan_accruals', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_loan_accruals_as_of'))

    op.drop_table('loan_accruals')
    with op.batch_alter_table('loan_accounts', schema=None) as batch_op:
        batch_op.drop_index('ix_loan_accounts_state_number')
        batch_op.drop_index('ix_loan_accounts_product_number')
        batch_op.drop_index('ix_loan_accounts_officer_number')
        batch_op.drop_index(batch_op.f('ix_loan_accounts_next_revisit_on'))
        batch_op.drop_index(batch_op.f('ix_loan_accounts_next_due_date'))
        batch_op.drop_index(batch_op.f('ix_loan_accounts_customer_id'))
        batch_op.drop_index('ix_loan_accounts_borrower_number')
        batch_op.drop_index(batch_op.f('ix_loan_accounts_arrears_since'))
        batch_op.drop_index('ix_loan_accounts_arrears_number')

    op.drop_table('loan_accounts')
    with op.batch_alter_table('follow_up_tasks', schema=None) as batch_op:
        batch_op.drop_index('ix_follow_up_tasks_status_due')
        batch_op.drop_index('ix_follow_up_tasks_officer_status_due')
        batch_op.drop_index(batch_op.f('ix_follow_up_tasks_loan_id'))

    op.drop_table('follow_up_tasks')
