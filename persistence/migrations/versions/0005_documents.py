"""documents: registered paperwork and its print log

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28 17:00:00.000000

Column types are the plain storage types (instants as timezone-aware
DATETIME, dates as DATE, fingerprints as 64 hex characters), so this
migration never changes when application code does. Indexes are created in
batch mode, which SQLite needs and PostgreSQL runs as plain statements.

- ``issued_documents``: every document issued under its own number, with
  what is needed to fill it again and the fingerprints of its content
  without and with the number; the verification code printed on it is
  unique, and so is the content.
- ``print_log``: every printing or saving as PDF of an issued document.
"""

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('issued_documents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_number', sa.String(length=24), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('application_number', sa.String(length=24), nullable=False),
    sa.Column('loan_number', sa.String(length=24), nullable=True),
    sa.Column('addressee', sa.String(length=40), nullable=False),
    sa.Column('addressee_id_number', sa.String(length=18), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('as_of', sa.Date(), nullable=True),
    sa.Column('content_fingerprint', sa.String(length=64), nullable=False),
    sa.Column('fingerprint', sa.String(length=64), nullable=False),
    sa.Column('verification_code', sa.String(length=14), nullable=False),
    sa.Column('issued_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('issued_by', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_issued_documents')),
    sa.UniqueConstraint('content_fingerprint', name=op.f('uq_issued_documents_content_fingerprint')),
    sa.UniqueConstraint('document_number', name=op.f('uq_issued_documents_document_number')),
    sa.UniqueConstraint('verification_code', name=op.f('uq_issued_documents_verification_code'))
    )
    with op.batch_alter_table('issued_documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_issued_documents_application_number'), ['application_number'], unique=False)
        batch_op.create_index(batch_op.f('ix_issued_documents_loan_number'), ['loan_number'], unique=False)

    op.create_table('print_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_number', sa.String(length=24), nullable=False),
    sa.Column('printed_by', sa.String(length=64), nullable=False),
    sa.Column('printed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('fingerprint', sa.String(length=64), nullable=False),
    sa.Column('copies', sa.Integer(), nullable=False),
    sa.Column('destination', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['document_number'], ['issued_documents.document_number'], name=op.f('fk_print_log_document_number_issued_documents')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_print_log'))
    )
    with op.batch_alter_table('print_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_print_log_document_number'), ['document_number'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('print_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_print_log_document_number'))

    op.drop_table('print_log')
    with op.batch_alter_table('issued_documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_issued_documents_loan_number'))
        batch_op.drop_index(batch_op.f('ix_issued_documents_application_number'))

    op.drop_table('issued_documents')
