"""Country outlines decoded from TopoJSON in Python, for the static map, and which file a
view wants."""

import numpy as np
import pytest

from itinerary.render.topology import country_rings, fine_outlines
from itinerary.route import continuous


def test_every_country_has_rings_of_longitudes_and_latitudes():
    rings = country_rings()
    assert len(rings) > 250
    every = np.concatenate(rings)
    assert every[:, 1].min() >= -90 and every[:, 1].max() <= 90
    assert (rings[0][0] == rings[0][-1]).all()  # closed


def test_the_fine_outlines_have_more_detail():
    assert sum(len(r) for r in country_rings(True)) > 5 * sum(len(r) for r in country_rings())


def test_rings_are_continuous_across_the_antimeridian_but_around_a_pole():
    # scripts/outlines.py mended the files once: Fiji and Chukotka run on past 180°.
    for fine in (False, True):
        for ring in country_rings(fine):
            jumps = np.abs(np.diff(ring[:, 0])) > 180
            lons = continuous(ring[:, 0].tolist())
            assert not jumps.any() or max(lons) - min(lons) >= 360  # around a pole
    assert max(ring[:, 0].max() for ring in country_rings()) > 180


@pytest.mark.parametrize(("points", "fine"), [
    ([], False), ([(4.6, -74.1), (-12.0, -77.0)], True),
    ([(4.6, -74.1), (35.7, 139.7)], False), ([(60.0, 10.0), (0.0, 10.0)], False),
])
def test_a_view_within_sixty_degrees_wants_the_fine_outlines(points, fine):
    assert fine_outlines(points) is fine
