"""Every colour the trip is drawn in, in one place: the map (its stylesheet and scripts read
them from the page, see `css_variables`), the timeline, the map of countries, the static
image and KML.

Trips compared on one map take Okabe and Ito's eight colours, which people with the common
kinds of colour blindness can tell apart; past eight, they repeat in the same order. The
rest reads in black and white too: light land, a dark route, dark markers with white text.
"""

from __future__ import annotations

STOP = "#b03a2e"  # a stop's marker, its bar on the timeline
CLUSTER = "#7b241c"  # a cluster of numbered stops
ROUTE = "#1d4f91"  # the route; a meeting's tick on the timeline; the keyboard's focus ring
SELECTED = "#f1c40f"  # the selected stop's ring and bar
INK = "#333333"  # outlines of what is selected, secondary text
SEA = "#bcd6e6"  # behind the outlines on the map
PAPER_SEA = "#e4ebf2"  # the static image's sea, lighter for print
LAND = "#f3efe4"
BORDER = "#8c8c8c"  # between countries
UNVISITED = "#eeeae0"  # a country with no visit on the map of countries
PICKED = "#222222"  # the country clicked on the map of countries

PART_COLORS: tuple[str, ...] = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00",
                                "#56b4e9", "#000000", "#f0e442")

# The map's stylesheet (static/itinerary.css) uses these as var(--itinerary-…).
_CSS = {"stop": STOP, "cluster": CLUSTER, "route": ROUTE, "selected": SELECTED, "ink": INK,
        "sea": SEA, "land": LAND, "border": BORDER}


def part_color(index: int) -> str:
    return PART_COLORS[index % len(PART_COLORS)]


def css_variables() -> str:
    """The colours as CSS custom properties, for the map's page."""
    return ":root{" + "".join(f"--itinerary-{k}:{v};" for k, v in _CSS.items()) + "}"


def map_colors() -> dict[str, str]:
    """The colours the map's scripts draw with (the route, the outlines)."""
    return {"route": ROUTE, "land": LAND, "border": BORDER}


def kml(color: str) -> str:
    """A colour as KML writes it: opaque, in aabbggrr order ("#b03a2e" -> "ff2e3ab0")."""
    red, green, blue = color[1:3], color[3:5], color[5:7]
    return f"ff{blue}{green}{red}"
