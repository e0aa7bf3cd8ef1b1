"""product catalogue and pricing: products, LPR history, risk spreads

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 15:22:27.735241

Column types are the plain storage types (amounts in whole fen, ratios and
rates in whole ten-thousandths) and the seed rows are literal values, so this
migration never changes when application code does. The seed is the catalogue
a new installation starts with (domain.products.default_catalogue,
domain.pricing.default_base_rates and default_spreads as of this revision);
rows are seeded at version 1, the version of a saved record.
"""

import datetime

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

_ALL_METHODS = "equal-installment,equal-principal,interest-monthly,interest-quarterly,cash-flow"

# Shared by every default product: 3 months in business, 12 above 100,000.00
# yuan; penalty uplifts +50% overdue, +100% misuse; no collateral, no group.
_COMMON = {
    "min_months_in_business": 3,
    "higher_amount_threshold": 10_000_000,  # fen
    "min_months_in_business_above_threshold": 12,
    "penalty_uplift": 5000,  # ten-thousandths: 0.50
    "misuse_penalty_uplift": 10000,  # 1.00
    "requires_collateral": False,
    "max_loan_to_value": None,
    "group_min_households": None,
    "group_max_households": None,
    "active": True,
    "version": 1,
}

# code, name, min and max amount (fen), min and max months, guarantee types,
# repayment methods, then what differs from _COMMON.
_PRODUCTS = [
    ("micro", "小微贷款", 500_000, 50_000_000, 3, 24, "natural-person", _ALL_METHODS, {}),
    (
        "quick-mortgage", "快速抵押贷款", 1_000_000, 100_000_000, 3, 36, "collateral",
        _ALL_METHODS, {"requires_collateral": True, "max_loan_to_value": 7000},
    ),
    (
        "trade-chain", "商贸链贷款", 1_000_000, 100_000_000, 3, 12,
        "natural-person,guarantee-company", "interest-monthly,interest-quarterly,cash-flow", {},
    ),
    (
        "guarantee-company", "担保公司担保贷款", 1_000_000, 200_000_000, 3, 36,
        "guarantee-company", _ALL_METHODS, {},
    ),
    (
        "personal-guarantee", "自然人保证贷款", 500_000, 50_000_000, 3, 36, "natural-person",
        _ALL_METHODS, {},
    ),
    (
        "joint-group", "联保贷款", 500_000, 20_000_000, 3, 24, "joint-group", _ALL_METHODS,
        {"group_min_households": 3, "group_max_households": 5},
    ),
]

# Effective date, one-year and five-year LPR in ten-thousandths of a percent.
_BASE_RATES = [
    (datetime.date(2024, 2, 20), 34500, 39500),
    (datetime.date(2024, 7, 22), 33500, 38500),
    (datetime.date(2024, 10, 21), 31000, 36000),
    (datetime.date(2025, 5, 20), 30000, 35000),
]

# Spreads for grades A, B, C, D in ten-thousandths of a percentage point.
_SPREADS = {
    "micro": (10000, 15000, 20000, 30000),
    "quick-mortgage": (5000, 8000, 12000, 18000),
    "trade-chain": (8000, 12000, 18000, 25000),
    "guarantee-company": (8000, 12000, 18000, 25000),
    "personal-guarantee": (10000, 15000, 20000, 30000),
    "joint-group": (12000, 18000, 25000, 35000),
}


def upgrade() -> None:
    products = op.create_table('products',
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('min_amount', sa.BigInteger(), nullable=False),
    sa.Column('max_amount', sa.BigInteger(), nullable=False),
    sa.Column('min_months', sa.Integer(), nullable=False),
    sa.Column('max_months', sa.Integer(), nullable=False),
    sa.Column('guarantee_types', sa.Text(), nullable=False),
    sa.Column('repayment_methods', sa.Text(), nullable=False),
    sa.Column('min_months_in_business', sa.Integer(), nullable=False),
    sa.Column('higher_amount_threshold', sa.BigInteger(), nullable=True),
    sa.Column('min_months_in_business_above_threshold', sa.Integer(), nullable=False),
    sa.Column('penalty_uplift', sa.Integer(), nullable=False),
    sa.Column('misuse_penalty_uplift', sa.Integer(), nullable=False),
    sa.Column('requires_collateral', sa.Boolean(), nullable=False),
    sa.Column('max_loan_to_value', sa.Integer(), nullable=True),
    sa.Column('group_min_households', sa.Integer(), nullable=True),
    sa.Column('group_max_households', sa.Integer(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_products'))
    )
    base_rates = op.create_table('base_rates',
    sa.Column('effective_date', sa.Date(), nullable=False),
    sa.Column('one_year_lpr', sa.Integer(), nullable=False),
    sa.Column('five_year_lpr', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('effective_date', name=op.f('pk_base_rates'))
    )
    rate_spreads = op.create_table('rate_spreads',
    sa.Column('product_code', sa.String(length=40), nullable=False),
    sa.Column('grade', sa.String(length=1), nullable=False),
    sa.Column('spread', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['product_code'], ['products.code'], name=op.f('fk_rate_spreads_product_code_products')),
    sa.PrimaryKeyConstraint('product_code', 'grade', name=op.f('pk_rate_spreads'))
    )
    _seed(products, base_rates, rate_spreads)


def _seed(products, base_rates, rate_spreads) -> None:
    op.bulk_insert(products, [
        {
            **_COMMON,
            "code": code, "name": name, "min_amount": min_amount, "max_amount": max_amount,
            "min_months": min_months, "max_months": max_months,
            "guarantee_types": guarantees, "repayment_methods": methods, **different,
        }
        for code, name, min_amount, max_amount, min_months, max_months, guarantees, methods,
        different in _PRODUCTS
    ])
    op.bulk_insert(base_rates, [
        {"effective_date": day, "one_year_lpr": one, "five_year_lpr": five, "version": 1}
        for day, one, five in _BASE_RATES
    ])
    op.bulk_insert(rate_spreads, [
        {"product_code": code, "grade": grade, "spread": spread, "version": 1}
        for code, row in _SPREADS.items()
        for grade, spread in zip("ABCD", row)
    ])


def downgrade() -> None:
    op.drop_table('rate_spreads')
    op.drop_table('products')
    op.drop_table('base_rates')
