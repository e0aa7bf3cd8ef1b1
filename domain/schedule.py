"""Repayment schedules, exact to the fen."""

from __future__ import annotations

from enum import StrEnum


class RepaymentMethod(StrEnum):
    """How a loan is repaid. Values are the command line's spellings."""

    EQUAL_INSTALLMENT = "equal-installment"  # 等额本息
    EQUAL_PRINCIPAL = "equal-principal"  # 等额本金
    INTEREST_MONTHLY = "interest-monthly"  # 按月付息到期还本
    INTEREST_QUARTERLY = "interest-quarterly"  # 按季付息到期还本
    CASH_FLOW = "cash-flow"  # 按现金流约定还本

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    RepaymentMethod.EQUAL_INSTALLMENT: "等额本息",
    RepaymentMethod.EQUAL_PRINCIPAL: "等额本金",
    RepaymentMethod.INTEREST_MONTHLY: "按月付息到期还本",
    RepaymentMethod.INTEREST_QUARTERLY: "按季付息到期还本",
    RepaymentMethod.CASH_FLOW: "按现金流约定还本",
}
