"""The `itinerary` command line: validate, geocode and map itinerary files.

The same code as the app. Errors from the core become one line on stderr and exit code 2
(bad input); an unresolved place in `geocode`, or a skipped record in `import-travels`, is
exit code 1, after every other row is written.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

from itinerary import __version__
from itinerary.errors import DataError, ItineraryError
from itinerary.export import rows_to_csv, write_stops
from itinerary.geocoding import GeocodeCache, locate
from itinerary.geocoding import online as online_geocoder
from itinerary.geocoding.resolve import Resolution
from itinerary.load import load_trip
from itinerary.map import standalone_html
from itinerary.model import Trip
from itinerary.travels import COLUMNS, import_travels, read_path
from itinerary.view import filter_stops

EXIT_UNRESOLVED, EXIT_BAD_INPUT = 1, 2


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except DataError as exc:
        if args.command == "validate":
            for problem in exc.problems:
                print(problem, file=sys.stderr)
        else:
            print(f"itinerary: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except ItineraryError as exc:
        print(f"itinerary: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="itinerary",
                                     description="Put a trip on a map.")
    parser.add_argument("--version", action="version", version=f"itinerary {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    validate = sub.add_parser("validate", help="report every problem in itinerary files")
    validate.add_argument("stops", type=Path)
    validate.add_argument("--meetings", type=Path)
    validate.set_defaults(run=_validate)

    geocode = sub.add_parser("geocode", help="fill in lat, lon, precision and geocoder")
    geocode.add_argument("stops", type=Path)
    geocode.add_argument("-o", "--output", type=Path, required=True)
    _online_flag(geocode)
    geocode.set_defaults(run=_geocode)

    mapping = sub.add_parser("map", help="write the trip's map as a standalone HTML file")
    mapping.add_argument("stops", type=Path)
    mapping.add_argument("-o", "--output", type=Path, required=True)
    mapping.add_argument("--meetings", type=Path)
    mapping.add_argument("--start", type=_iso_date, help="first day shown (YYYY-MM-DD)")
    mapping.add_argument("--end", type=_iso_date, help="last day shown (YYYY-MM-DD)")
    _online_flag(mapping)
    mapping.set_defaults(run=_map)

    travels = sub.add_parser("import-travels",
                             help="turn official travel-record XML files into stops")
    travels.add_argument("files", type=Path, nargs="+", metavar="FILE.xml")
    travels.add_argument("-o", "--output", type=Path, required=True)
    travels.add_argument("--who", metavar="SLUG", help="only this traveller, e.g. "
                         "blinken-antony-j")
    travels.set_defaults(run=_import_travels)
    return parser


def _online_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--online", action="store_true",
                        help="look up places the offline gazetteer lacks with Nominatim")


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f'expected an ISO date like 2022-10-05, got "{value}"') from None


def _validate(args: argparse.Namespace) -> int:
    trip = load_trip(args.stops, args.meetings)
    meetings = f", {len(trip.meetings)} meetings" if args.meetings else ""
    print(f"{args.stops}: OK, {len(trip.stops)} stops{meetings}")
    return 0


def _locate(trip: Trip, online: bool) -> Resolution:
    cache = GeocodeCache()
    try:
        result = locate(trip.stops, cache=cache,
                        online=online_geocoder.configured() if online else None)
    finally:
        cache.close()
    for message in result.messages():
        print(f"itinerary: warning: {message}", file=sys.stderr)
    return result


def _geocode(args: argparse.Namespace) -> int:
    result = _locate(load_trip(args.stops), args.online)
    rows = sorted(result.stops, key=lambda s: s.row or 0)  # the input's order
    write_stops(rows, args.output)
    print(f"wrote {len(rows)} rows to {args.output}", file=sys.stderr)
    return EXIT_UNRESOLVED if result.unresolved else 0


def _map(args: argparse.Namespace) -> int:
    trip = load_trip(args.stops, args.meetings)
    result = _locate(trip, args.online)
    trip = replace(trip, stops=tuple(result.stops))
    start, end = args.start or trip.first_day, args.end or trip.last_day
    shown = filter_stops(trip.stops, start, end)
    if not shown:
        print(f"itinerary: error: no stops between {start} and {end}", file=sys.stderr)
        return EXIT_BAD_INPUT
    numbers = {s.stop_id: trip.number(s.stop_id) for s in shown}
    page = standalone_html(shown, numbers=numbers, meetings=trip.meetings,
                           title=f"Itinerary: {args.stops.name}")
    args.output.write_text(page, encoding="utf-8")
    print(f"wrote the map of {len(shown)} stops to {args.output}", file=sys.stderr)
    return 0


def _import_travels(args: argparse.Namespace) -> int:
    result = import_travels([read_path(path) for path in args.files], who=args.who)
    for problem in result.problems:
        print(f"itinerary: skipped: {problem}", file=sys.stderr)
    if not result.rows:
        who = f" for {args.who}" if args.who else ""
        print(f"itinerary: error: no records could be imported{who}", file=sys.stderr)
        return EXIT_BAD_INPUT
    args.output.write_text(rows_to_csv(result.rows, COLUMNS), encoding="utf-8")
    print(f"{result.summary()}; wrote {args.output}", file=sys.stderr)
    return EXIT_UNRESOLVED if result.problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
