"""intake: customers, blacklist, applications

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28 15:37:52.822884

Column types are the plain storage types (amounts in whole fen as BIGINT,
instants as timezone-aware DATETIME), so this migration never changes when
application code does. Attachments' contents live in ``attachments.data``
(BLOB / bytea). Substring search on names and ID numbers reads whole
tables by design (fast enough at branch scale, see bench/search.py): no
search index is created here. Runs in batch mode on SQLite.
"""

from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('blacklist',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('id_number', sa.String(length=18), nullable=False),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.Column('source', sa.String(length=100), nullable=False),
    sa.Column('listed_on', sa.Date(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_blacklist')),
    sa.UniqueConstraint('id_number', name=op.f('uq_blacklist_id_number'))
    )
    op.create_table('customers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('id_number', sa.String(length=18), nullable=False),
    sa.Column('phone', sa.String(length=11), nullable=False),
    sa.Column('address', sa.String(length=200), nullable=False),
    sa.Column('marital_status', sa.String(length=16), nullable=False),
    sa.Column('spouse_name', sa.String(length=40), nullable=True),
    sa.Column('spouse_id_number', sa.String(length=18), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_customers')),
    sa.UniqueConstraint('id_number', name=op.f('uq_customers_id_number'))
    )
    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_customers_phone'), ['phone'], unique=False)

    op.create_table('number_sequences',
    sa.Column('key', sa.String(length=24), nullable=False),
    sa.Column('last', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_number_sequences'))
    )
    op.create_table('businesses',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('uscc', sa.String(length=18), nullable=True),
    sa.Column('industry', sa.String(length=40), nullable=False),
    sa.Column('operating_since', sa.Date(), nullable=False),
    sa.Column('premises', sa.String(length=16), nullable=False),
    sa.Column('employees', sa.Integer(), nullable=False),
    sa.Column('marketing_area', sa.String(length=40), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_businesses_customer_id_customers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_businesses'))
    )
    with op.batch_alter_table('businesses', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_businesses_customer_id'), ['customer_id'], unique=False)

    op.create_table('applications',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_number', sa.String(length=24), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('business_id', sa.Integer(), nullable=True),
    sa.Column('product_code', sa.String(length=40), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=True),
    sa.Column('months', sa.Integer(), nullable=True),
    sa.Column('purpose', sa.String(length=200), nullable=False),
    sa.Column('repayment_method', sa.String(length=32), nullable=True),
    sa.Column('due_day', sa.Integer(), nullable=True),
    sa.Column('guarantee_type', sa.String(length=32), nullable=True),
    sa.Column('officer', sa.String(length=32), nullable=False),
    sa.Column('assisting_officer', sa.String(length=32), nullable=True),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('visit_date', sa.Date(), nullable=True),
    sa.Column('visit_officer', sa.String(length=32), nullable=True),
    sa.Column('visit_assisting_officer', sa.String(length=32), nullable=True),
    sa.Column('visit_notes', sa.Text(), nullable=True),
    sa.Column('analysis', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('submitted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['business_id'], ['businesses.id'], name=op.f('fk_applications_business_id_businesses')),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_applications_customer_id_customers')),
    sa.ForeignKeyConstraint(['product_code'], ['products.code'], name=op.f('fk_applications_product_code_products')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_applications')),
    sa.UniqueConstraint('application_number', name=op.f('uq_applications_application_number'))
    )
    with op.batch_alter_table('applications', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_applications_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_applications_officer'), ['officer'], unique=False)
        batch_op.create_index(batch_op.f('ix_applications_state'), ['state'], unique=False)

    op.create_table('attachments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('file_name', sa.String(length=200), nullable=False),
    sa.Column('media_type', sa.String(length=100), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.Column('uploaded_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('uploaded_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['applications.id'], name=op.f('fk_attachments_application_id_applications'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attachments'))
    )
    with op.batch_alter_table('attachments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attachments_application_id'), ['application_id'], unique=False)

    op.create_table('collaterals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('certificate_number', sa.String(length=100), nullable=False),
    sa.Column('owner', sa.String(length=40), nullable=False),
    sa.Column('appraised_value', sa.BigInteger(), nullable=True),
    sa.ForeignKeyConstraint(['application_id'], ['applications.id'], name=op.f('fk_collaterals_application_id_applications'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_collaterals')),
    sa.UniqueConstraint('application_id', 'position', name=op.f('uq_collaterals_application_id'))
    )
    op.create_table('group_members',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('id_number', sa.String(length=18), nullable=False),
    sa.Column('business', sa.String(length=100), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['applications.id'], name=op.f('fk_group_members_application_id_applications'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_group_members')),
    sa.UniqueConstraint('application_id', 'position', name=op.f('uq_group_members_application_id'))
    )
    with op.batch_alter_table('group_members', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_group_members_id_number'), ['id_number'], unique=False)

    op.create_table('guarantors',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('id_number', sa.String(length=18), nullable=False),
    sa.Column('phone', sa.String(length=11), nullable=False),
    sa.Column('relation', sa.String(length=20), nullable=False),
    sa.Column('monthly_income', sa.BigInteger(), nullable=True),
    sa.Column('employer', sa.String(length=100), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['applications.id'], name=op.f('fk_guarantors_application_id_applications'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_guarantors')),
    sa.UniqueConstraint('application_id', 'position', name=op.f('uq_guarantors_application_id'))
    )
    with op.batch_alter_table('guarantors', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_guarantors_id_number'), ['id_number'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('guarantors', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_guarantors_id_number'))

    op.drop_table('guarantors')
    with op.batch_alter_table('group_members', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_group_members_id_number'))

    op.drop_table('group_members')
    op.drop_table('collaterals')
    with op.batch_alter_table('attachments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attachments_application_id'))

    op.drop_table('attachments')
    with op.batch_alter_table('applications', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_applications_state'))
        batch_op.drop_index(batch_op.f('ix_applications_officer'))
        batch_op.drop_index(batch_op.f('ix_applications_customer_id'))

    op.drop_table('applications')
    with op.batch_alter_table('businesses', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_businesses_customer_id'))

    op.drop_table('businesses')
    op.drop_table('number_sequences')
    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_customers_phone'))

    op.drop_table('customers')
    op.drop_table('blacklist')
