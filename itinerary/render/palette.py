"""The colours of trips compared on one map, shared by the map's legend and the timeline.

Okabe and Ito's eight colours, which people with the common kinds of colour blindness can
tell apart; past eight, they repeat in the same order.
"""

from __future__ import annotations

PART_COLORS: tuple[str, ...] = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00",
                                "#56b4e9", "#000000", "#f0e442")


def part_color(index: int) -> str:
    return PART_COLORS[index % len(PART_COLORS)]
