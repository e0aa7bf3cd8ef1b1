"""A small line chart of the portfolio over time, drawn with QPainter.

Two series over the same month-ends: the outstanding portfolio (left axis,
in 10,000 yuan) and PAR30 (right axis, percent). No chart library: a desk
needs the shape of the trend, not an interactive plot. UI thread only.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

PORTFOLIO_COLOUR = QColor("#1a73e8")
PAR_COLOUR = QColor("#c5221f")
AXIS_COLOUR = QColor("#9aa0a6")
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 70, 60, 30, 36


def nice_top(value: float, ticks: int = 4) -> float:
    """The axis top above ``value`` whose ``ticks`` steps are round numbers
    (1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten). Pure."""
    if value <= 0:
        return 1.0
    step = value / ticks
    power = 10 ** math.floor(math.log10(step))
    for factor in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if factor * power * ticks >= value * 1.05:
            return factor * power * ticks
    return 10 * power * ticks


class TrendChart(QWidget):
    """``set_points([(day, outstanding, par30), ...])``; an empty chart says so."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("trend_chart")
        self.points: list[tuple[date, Decimal, Decimal]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(220)

    def sizeHint(self) -> QSize:
        return QSize(640, 300)

    def set_points(self, points: Sequence[tuple[date, Decimal, Decimal]]) -> None:
        self.points = list(points)
        self.update()

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        plot = QRectF(
            MARGIN_LEFT,
            MARGIN_TOP,
            max(self.width() - MARGIN_LEFT - MARGIN_RIGHT, 10),
            max(self.height() - MARGIN_TOP - MARGIN_BOTTOM, 10),
        )
        painter.setPen(QPen(AXIS_COLOUR, 1))
        painter.drawRect(plot)
        if not self.points:
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, self.tr("No figures yet"))
            painter.end()
            return
        amounts = [float(p[1]) / 10_000 for p in self.points]
        ratios = [float(p[2]) * 100 for p in self.points]
        top_amount = nice_top(max(amounts))
        top_ratio = nice_top(max(ratios))
        count = len(self.points)

        def x(i: int) -> float:
            return plot.left() + (plot.width() * (i + 0.5) / count)

        def y(value: float, top: float) -> float:
            return plot.bottom() - plot.height() * value / top

        metrics = painter.fontMetrics()
        ratio_places = 1 if (top_ratio * 10 / 4).is_integer() else 2
        for step in range(5):
            fraction = step / 4
            yy = plot.bottom() - plot.height() * fraction
            painter.setPen(QPen(AXIS_COLOUR, 0.5, Qt.PenStyle.DotLine))
            painter.drawLine(QPointF(plot.left(), yy), QPointF(plot.right(), yy))
            painter.setPen(PORTFOLIO_COLOUR)
            places = 0 if (top_amount / 4).is_integer() else 2
            left = f"{top_amount * fraction:,.{places}f}"
            painter.drawText(
                QRectF(0, yy - 10, MARGIN_LEFT - 6, 20),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                left,
            )
            painter.setPen(PAR_COLOUR)
            painter.drawText(
                QRectF(plot.right() + 6, yy - 10, MARGIN_RIGHT - 6, 20),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                f"{top_ratio * fraction:.{ratio_places}f}%",
            )
        label_every = max(
            1, (count * metrics.horizontalAdvance("2026-06") + 1) // int(plot.width()) + 1
        )
        painter.setPen(AXIS_COLOUR)
        for i, point in enumerate(self.points):
            if i % label_every == 0:
                painter.drawText(
                    QRectF(x(i) - 40, plot.bottom() + 4, 80, 20),
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                    point[0].strftime("%Y-%m"),
                )
        for values, top, colour in (
            (amounts, top_amount, PORTFOLIO_COLOUR),
            (ratios, top_ratio, PAR_COLOUR),
        ):
            path = QPainterPath(QPointF(x(0), y(values[0], top)))
            for i, value in enumerate(values[1:], 1):
                path.lineTo(QPointF(x(i), y(value, top)))
            painter.setPen(QPen(colour, 2))
            painter.drawPath(path)
            for i, value in enumerate(values):
                painter.drawEllipse(QPointF(x(i), y(value, top)), 2.5, 2.5)
        painter.setPen(PORTFOLIO_COLOUR)
        painter.drawText(
            QRectF(plot.left(), 4, plot.width() / 2, 20),
            Qt.AlignmentFlag.AlignLeft,
            self.tr("Outstanding (10,000 yuan)"),
        )
        painter.setPen(PAR_COLOUR)
        painter.drawText(
            QRectF(plot.center().x(), 4, plot.width() / 2, 20),
            Qt.AlignmentFlag.AlignRight,
            self.tr("PAR30 (%)"),
        )
        painter.end()
