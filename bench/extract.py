"""The article extractor: time per article and scores on ../shared/articles, beside a
naive baseline measured in the same run (every gazetteer place and country the text names,
in order of mention, with no dates), and the cost of a 1 MB text against a 10 KB one.

Run by `make bench`; skipped, with a line saying so, when ../shared is not beside the
repository."""

from __future__ import annotations

import json
import time
from datetime import date
from pathlib import Path

from itinerary.extract import extract, read_article
from itinerary.extract.places import PlaceFinder
from itinerary.extract.score import Score, score
from itinerary.extract.sentences import sentences
from itinerary.geocoding import Gazetteer
from itinerary.geocoding.countries import country
from itinerary.model import Stop, Trip

ARTICLES = Path(__file__).resolve().parent.parent.parent / "shared" / "articles"
REPEATS = 3  # runs of each article; the least time is kept


def naive(data: bytes, gazetteer: Gazetteer, day: date) -> Trip:
    article = read_article(data)
    finder = PlaceFinder(gazetteer, article.text)
    stops = []
    for sentence in sentences(article.text):
        for m in finder.mentions(sentence.plain):
            info = country(m.country_code)
            stops.append(Stop(f"s{len(stops)}", "" if m.is_country else m.text,
                              info.common if info else m.text, day, day))
    return Trip(tuple(stops))


def best_of(run, times: int = REPEATS):
    """The least time of a few runs, and the last run's result: the machine is shared,
    and the least is the one least disturbed."""
    least, result = float("inf"), None
    for _ in range(times):
        start = time.perf_counter()
        result = run()
        least = min(least, time.perf_counter() - start)
    return least, result


def main() -> None:
    if not ARTICLES.is_dir():
        print("bench/extract.py: ../shared/articles is not beside the repository; skipped")
        return
    gazetteer = Gazetteer()
    gazetteer.named("warm")  # the index is opened (or built) before timing
    texts = json.loads((ARTICLES / "expected.json").read_text(encoding="utf-8"))["texts"]
    ours, baseline, spent, base_spent = Score(), Score(), 0.0, 0.0
    for text in texts:
        data = (ARTICLES / text["file"]).read_bytes()
        published = None if read_article(data).published else date.fromisoformat(
            text["published"])
        day = date.fromisoformat(text["published"])
        took, draft = best_of(lambda: extract(data, published=published,  # noqa: B023
                                              gazetteer=gazetteer))
        spent += took
        ours.add(score(draft.trip, text))
        took, plain = best_of(lambda: naive(data, gazetteer, day))  # noqa: B023 (called now)
        base_spent += took
        baseline.add(score(plain, text))
    print(f"{'':22}{'extractor':>12}{'naive':>12}")
    for (name, share), base in zip(ours.shares().items(), baseline.shares().values(),
                                   strict=True):
        print(f"{name:22}{share:12.0%}{base:12.0%}")
    print(f"{'ms per article':22}{spent / len(texts) * 1000:12.1f}"
          f"{base_spent / len(texts) * 1000:12.1f}")
    body = b"\n\n".join((ARTICLES / t["file"]).read_bytes() for t in texts[:4])
    small = (body * (10_000 // len(body) + 1))[:10_000]
    large = (body * (1_000_000 // len(body) + 1))[:1_000_000]
    times = []
    for data in (small, large):
        start = time.perf_counter()
        extract(data, published=date(2022, 1, 1), gazetteer=gazetteer)
        times.append(time.perf_counter() - start)
    print(f"10 KB text: {times[0]:.2f} s; 1 MB text: {times[1]:.2f} s "
          f"(ratio {times[1] / times[0]:.0f} for 100 times the text)")
    # Hostile: one sentence that never ends, every few words a place and a date.
    unit = ("he will travel to Lima, Peru on May 3 and meet with President Pedro Castillo "
            "in Lima and then Quito, Ecuador on May 4 ")
    times = []
    for count in (1_000, 10_000):
        start = time.perf_counter()
        extract(unit * count, published=date(2022, 5, 1), gazetteer=gazetteer)
        times.append(time.perf_counter() - start)
    print(f"a sentence that never ends, 118 KB: {times[0]:.2f} s; 1.2 MB: {times[1]:.2f} s "
          f"(ratio {times[1] / times[0]:.0f} for 10 times the text)")


if __name__ == "__main__":
    main()
