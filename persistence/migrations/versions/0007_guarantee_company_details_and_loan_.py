"""guarantee company details and loan penalty uplifts

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-28 18:06:49.037764

Column types are the plain storage types (amounts in whole fen as BIGINT,
uplifts in whole ten-thousandths as INTEGER), so this migration never
changes when application code does.

- ``applications``: the guarantee company of a guarantee-company loan, its
  unified social credit code and the amount it guarantees;
- ``loans``: the penalty uplifts fixed at disbursement, so the contract
  keeps saying what was signed when the product is edited later. Existing
  loans take their product's present uplifts, which is what their contracts
  were printed with until now.
"""

import sqlalchemy as sa
from alembic import op


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('applications', schema=None) as batch_op:
        batch_op.add_column(sa.Column('guarantee_company_name', sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column('guarantee_company_credit_code', sa.String(length=18), nullable=True))
        batch_op.add_column(sa.Column('guarantee_company_amount', sa.BigInteger(), nullable=True))

    with op.batch_alter_table('loans', schema=None) as batch_op:
        batch_op.add_column(sa.Column('penalty_uplift', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('misuse_penalty_uplift', sa.Integer(), nullable=True))
    op.execute(
        "UPDATE loans SET "
        "penalty_uplift = (SELECT p.penalty_uplift FROM products p WHERE p.code = loans.product_code), "
        "misuse_penalty_uplift = "
        "(SELECT p.misuse_penalty_uplift FROM products p WHERE p.code = loans.product_code)"
    )
    with op.batch_alter_table('loans', schema=None) as batch_op:
        batch_op.alter_column('penalty_uplift', existing_type=sa.Integer(), nullable=False)
        batch_op.alter_column('misuse_penalty_uplift', existing_type=sa.Integer(), nullable=False)


def downgrade() -> None:
    with op.batch_alter_table('loans', schema=None) as batch_op:
        batch_op.drop_column('misuse_penalty_uplift')
        batch_op.drop_column('penalty_uplift')

    with op.batch_alter_table('applications', schema=None) as batch_op:
        batch_op.drop_column('guarantee_company_amount')
        batch_op.drop_column('guarantee_company_credit_code')
        batch_op.drop_column('guarantee_company_name')
