"""Country outlines decoded from TopoJSON in Python, for the static map."""

import numpy as np

from itinerary.render.topology import _unwrapped, country_rings


def test_every_country_has_rings_of_longitudes_and_latitudes():
    rings = country_rings()
    assert len(rings) > 250
    every = np.concatenate(rings)
    assert every[:, 1].min() >= -90 and every[:, 1].max() <= 90
    assert (rings[0][0] == rings[0][-1]).all()  # closed


def test_the_fine_outlines_have_more_detail():
    assert sum(len(r) for r in country_rings(True)) > 5 * sum(len(r) for r in country_rings())


def test_a_ring_across_the_antimeridian_is_made_continuous():
    ring = np.array([[179.0, -16.0], [-179.0, -16.0], [-179.0, -17.0], [179.0, -17.0],
                     [179.0, -16.0]])
    assert _unwrapped(ring)[:, 0].tolist() == [179.0, 181.0, 181.0, 179.0, 179.0]


def test_a_ring_around_a_pole_is_left_as_it_is():
    lons = np.linspace(-180, 180, 37)
    ring = np.column_stack([lons, np.full(37, -80.0)])
    assert (_unwrapped(ring) == ring).all()
