"""The `itinerary` command line: validate, geocode, map, export and import itineraries,
read articles, keep trips in the store, and start the dashboard.

A thin shell over the same calls as the app. Errors from the core become one line on
stderr and exit code 2 (bad input); an unresolved place in `geocode`, or a skipped record
in `import-travels`, is exit code 1, after every other row is written. Every line it
prints shows control characters escaped (`text.one_line`): a value from a file can neither
work the terminal nor fake a line of output.
"""

from __future__ import annotations

import argparse
import os
import socket
import sys
from collections.abc import Sequence
from datetime import date
from importlib.util import find_spec
from pathlib import Path
from typing import NoReturn

from itinerary import __version__, config
from itinerary.dashboard import record_trips
from itinerary.dashboard.choices import ALL
from itinerary.dashboard.view import shown_between
from itinerary.dates import iso_date
from itinerary.errors import DataError, DateError, ItineraryError, Problem
from itinerary.exports import FORMATS, MAPS, export
from itinerary.extract import extract
from itinerary.geocoding import place_trip
from itinerary.model import Trip
from itinerary.output import check_writable, write_bytes, write_text
from itinerary.render.map import standalone_html
from itinerary.sources.export import meetings_to_csv, stops_to_csv, write_stops
from itinerary.sources.records import import_folder, import_travels, read_path
from itinerary.sources.stops import load_trip
from itinerary.sources.table import read_file, read_stream
from itinerary.store import open_store
from itinerary.store.links import edit_link, view_link
from itinerary.text import one_line

EXIT_UNRESOLVED, EXIT_BAD_INPUT = 1, 2


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        if getattr(args, "output", None) is not None:
            check_writable(args.output)  # before the work, not after it
        return int(args.run(args))
    except DataError as exc:
        if args.command == "validate":
            for problem in exc.problems:
                say(str(problem))
        else:
            say(f"itinerary: error: {exc}")
        return EXIT_BAD_INPUT
    except NoStops as exc:
        say(f"itinerary: {exc}")
        return EXIT_UNRESOLVED
    except ItineraryError as exc:
        say(f"itinerary: error: {exc}")
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130


class _Parser(argparse.ArgumentParser):
    """argparse, with a usage error as one line (the usage itself is in --help)."""

    def error(self, message: str) -> NoReturn:
        say(f"{self.prog}: error: {message}")
        raise SystemExit(EXIT_BAD_INPUT)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="itinerary", description="Put a trip on a map.")
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
    mapping.add_argument("--start", type=_date_option, help="first day shown (YYYY-MM-DD)")
    mapping.add_argument("--end", type=_date_option, help="last day shown (YYYY-MM-DD)")
    _online_flag(mapping)
    mapping.set_defaults(run=_map)

    exporting = sub.add_parser("export", help="write the trip as GeoJSON, KML, a calendar, "
                               "CSV, an HTML map or a map image")
    exporting.add_argument("stops", type=Path, nargs="?",
                           help="a stops CSV; or --who and --trip for a trip of the record")
    exporting.add_argument("--meetings", type=Path)
    exporting.add_argument("--who", metavar="SLUG", help="a traveller of the bundled record, "
                           "e.g. blinken-antony-j")
    exporting.add_argument("--trip", metavar="DATE", help="with --who: the trip's first day "
                           "(YYYY-MM-DD), or all")
    exporting.add_argument("--format", required=True, choices=list(FORMATS))
    exporting.add_argument("-o", "--output", type=Path, required=True,
                           help="the file; for csv, a .zip of stops and meetings, or a .csv "
                           "of the stops with the meetings beside it")
    exporting.add_argument("--start", type=_date_option, help="first day (YYYY-MM-DD)")
    exporting.add_argument("--end", type=_date_option, help="last day (YYYY-MM-DD)")
    _online_flag(exporting)
    exporting.set_defaults(run=_export)

    travels = sub.add_parser("import-travels",
                             help="turn official travel-record XML files into stops")
    travels.add_argument("files", type=Path, nargs="*", metavar="FILE.xml",
                         help="record files; the bundled Secretaries' record when none")
    travels.add_argument("-o", "--output", type=Path, required=True)
    travels.add_argument("--who", metavar="SLUG", help="only this traveller, e.g. "
                         "blinken-antony-j")
    travels.set_defaults(run=_import_travels)

    extracting = sub.add_parser("extract", help="read a trip announcement or article "
                                "(text, Markdown, HTML or PDF) into a draft itinerary")
    extracting.add_argument("article", help="the article's file, or - for standard input")
    extracting.add_argument("--published", metavar="YYYY-MM-DD",
                            help="the publication date, which decides years the text omits")
    extracting.add_argument("-o", "--output", type=Path, required=True,
                            help="the stops CSV; the meetings go beside it as "
                            "NAME-meetings.csv")
    extracting.set_defaults(run=_extract)

    saving = sub.add_parser("save", help="keep a trip in the store; prints its view link "
                            "and its secret edit link")
    saving.add_argument("stops", type=Path, help="stops CSV file")
    saving.add_argument("--meetings", type=Path, help="meetings CSV file")
    saving.add_argument("--title", default="", help="the trip's title")
    saving.add_argument("--url", help="the dashboard's address (default: "
                        "ITINERARY_PUBLIC_URL, or http://localhost:8501/)")
    saving.set_defaults(run=_save)

    opening = sub.add_parser("saved", help="write a saved trip out as CSV files")
    opening.add_argument("trip_id", metavar="ID", help="the trip's id, from its link")
    opening.add_argument("--version", type=_positive, help="an older version's number")
    opening.add_argument("-o", "--output", type=Path, required=True,
                         help="stops CSV to write; meetings go beside it")
    opening.set_defaults(run=_saved)

    database = sub.add_parser("db", help="the store's database")
    database.add_argument("action", choices=["upgrade"],
                          help="upgrade: apply the migrations it lacks")
    database.set_defaults(run=_db)

    app = sub.add_parser("app", help="start the dashboard in a web browser")
    app.add_argument("stops", type=Path, nargs="?", help="a stops CSV to show")
    app.add_argument("meetings", type=Path, nargs="?", help="its meetings CSV")
    app.add_argument("--port", type=_port, default=8501)
    app.add_argument("--address", help="the address to listen on (Streamlit's default: all)")
    app.set_defaults(run=_app)
    return parser


def say(line: str, *, out: bool = False) -> None:
    """One line to stderr (or stdout), its control characters shown escaped."""
    print(one_line(line), file=sys.stdout if out else sys.stderr)


def _online_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--online", action="store_true",
                        help="look up places the offline gazetteer lacks with Nominatim")


def _validate(args: argparse.Namespace) -> int:
    trip = load_trip(args.stops, args.meetings)
    meetings = f", {len(trip.meetings)} meetings" if args.meetings else ""
    say(f"{args.stops}: OK, {len(trip.stops)} stops{meetings}", out=True)
    return 0


def _warn(messages: list[str]) -> None:
    for message in messages:
        say(f"itinerary: warning: {message}")


def _geocode(args: argparse.Namespace) -> int:
    trip, messages = place_trip(load_trip(args.stops), online=args.online)
    _warn(messages)
    rows = sorted(trip.stops, key=lambda s: s.row or 0)  # the input's order
    write_stops(rows, args.output)
    say(f"wrote {len(rows)} rows to {args.output}")
    return EXIT_UNRESOLVED if any(not s.located for s in rows) else 0


def _shown(trip: Trip, args: argparse.Namespace, *, drawing: bool) -> Trip:
    """The trip between --start and --end, as a map draws it when `drawing` (at most the
    draw limit, the newest, with a warning); ItineraryError when no stop is there."""
    shown = shown_between(trip, args.start or trip.first_day, args.end or trip.last_day)
    if shown.empty:
        raise ItineraryError(shown.empty)
    if not drawing:
        return shown.dated
    if shown.notice:
        say(f"itinerary: warning: {shown.notice} (--start, --end)")
    return shown.drawn


def _map(args: argparse.Namespace) -> int:
    trip, messages = place_trip(load_trip(args.stops, args.meetings), online=args.online)
    _warn(messages)
    shown = _shown(trip, args, drawing=True)
    page = standalone_html(shown, title=f"Itinerary: {args.stops.name}")
    write_text(args.output, page)
    say(f"wrote the map of {len(shown.stops):,} stops to {args.output}")
    return 0


def _export(args: argparse.Namespace) -> int:
    trip, messages = place_trip(_export_source(args), online=args.online)
    _warn(messages)
    # A page or picture of half a million stops helps no one: maps draw as the map does.
    shown = _shown(trip, args, drawing=args.format in MAPS)
    if args.format == "csv" and args.output.suffix.lower() == ".csv":
        return _export_csv_files(shown, args.output)
    made = export(shown, args.format)
    write_bytes(args.output, made)
    say(f"wrote {len(shown.stops):,} stops as {args.format} to {args.output}")
    return 0


def _export_source(args: argparse.Namespace) -> Trip:
    """The trip to export: a stops file, or a trip of the bundled record."""
    if (args.stops is None) == (args.who is None):
        raise ItineraryError("give either a stops CSV or --who SLUG --trip DATE")
    if args.stops is not None:
        if args.trip:
            raise ItineraryError("--trip goes with --who, not with a stops CSV")
        return load_trip(args.stops, args.meetings, title=f"Itinerary: {args.stops.name}")
    if not args.trip:
        raise ItineraryError("--who needs --trip: the trip's first day (YYYY-MM-DD), or all")
    record = import_folder(config.travels_dir(), who=args.who)
    record.require_records("the bundled record", args.who)
    day = None if args.trip == ALL else _date_option(args.trip, "--trip")
    trip = record_trips.open_trip(record, args.who, day)
    if trip is None:
        firsts = ", ".join(j.first_day.isoformat() for j in record.journeys_of(args.who)[-3:])
        raise ItineraryError(f"the record holds no trip of {args.who} starting {args.trip}; "
                             f"their latest start on {firsts} (or use all)")
    return trip


def _date_option(value: str, option: str = "") -> date:
    """An ISO date given as an option: argparse's type for --start and --end (a usage
    error), or for `option`, checked after parsing (one line)."""
    try:
        return iso_date(value)
    except DateError as exc:
        message = one_line(f"{exc}, got {exc.shown}")
        if option:
            raise ItineraryError(f"{option}: {message}") from None
        raise argparse.ArgumentTypeError(message) from None


def _export_csv_files(trip: Trip, path: Path) -> int:
    """Stops to the .csv named, and meetings beside it as NAME-meetings.csv."""
    meetings = path.with_name(f"{path.stem}-meetings.csv")
    check_writable(meetings)
    write_text(path, stops_to_csv(trip.stops))
    write_text(meetings, meetings_to_csv(trip.meetings))
    say(f"wrote {len(trip.stops):,} stops to {path} and {len(trip.meetings):,} meetings to "
        f"{meetings}")
    return 0


def _import_travels(args: argparse.Namespace) -> int:
    if args.files:
        result = import_travels([read_path(path) for path in args.files], who=args.who)
        source = ", ".join(str(path) for path in args.files)
    else:
        result = import_folder(config.travels_dir(), who=args.who)
        source = "the bundled record"
    result.require_records(source, args.who)
    for problem in result.problems:
        say(f"itinerary: skipped: {problem}")
    write_stops(result.stops, args.output)
    say(f"{result.summary()}; wrote {args.output}")
    return EXIT_UNRESOLVED if result.problems else 0


def _extract(args: argparse.Namespace) -> int:
    published = _date_option(args.published, "--published") if args.published else None
    if args.article == "-":
        data, name = read_stream(sys.stdin.buffer, "standard input"), "standard input"
    else:
        data, name = read_file(Path(args.article)), args.article
    draft = extract(data, name=name, published=published)
    if not draft.trip.stops:
        raise NoStops(name)
    for number, stop in enumerate(draft.trip.stops, start=1):
        say(f"{number}. {stop.label}, {stop.dates} ({stop.extra['dates']})", out=True)
    return _export_csv_files(draft.trip, args.output)


class NoStops(ItineraryError):
    """An article in which no stop was found: exit 1, as a run that found nothing."""

    def __init__(self, name: str) -> None:
        super().__init__(f"{name}: no stop found; expected an article that says where "
                         f"the traveller goes")


def _save(args: argparse.Namespace) -> int:
    trip = load_trip(args.stops, args.meetings, title=args.title or args.stops.stem)
    base = args.url or config.public_url()
    saved = open_store().create(trip, origin=f"itinerary save {args.stops.name}")
    say(f"saved {len(trip.stops):,} stops as version 1", out=True)
    say(f"view: {view_link(base, saved.trip_id)}", out=True)
    say(f"edit: {edit_link(base, saved.trip_id, saved.key)}  (anyone with this link can edit; "
        "it is shown once)", out=True)
    return 0


def _saved(args: argparse.Namespace) -> int:
    opened = open_store().open(args.trip_id, args.version)
    if opened is None:
        raise DataError([Problem(args.trip_id, "is not a saved trip, or has no such "
                                               "version")])
    say(f"version {opened.version.number} of {opened.latest}, saved "
        f"{opened.version.saved:%Y-%m-%d %H:%M}", out=True)
    return _export_csv_files(opened.trip, args.output)


def _db(args: argparse.Namespace) -> int:
    open_store()  # opening applies the migrations the database lacks
    say("the store's database is up to date", out=True)
    return 0


def _positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"expected a version number (1, 2, …), found "
                                         f"{value!r}")
    return int(value)


def _app(args: argparse.Namespace) -> int:
    """Run Streamlit on the packaged dashboard, with the server settings of `config`.

    The arguments are checked first (the files can be read, the address and port can be
    listened on), so a mistake is one line here rather than a server that starts and fails.
    Streamlit then takes this process's place (exec): there is no child to outlive the
    command, and every signal sent to it reaches the server.
    """
    spec = find_spec("itinerary_app.streamlit_app")
    if spec is None or spec.origin is None:
        raise ItineraryError("the dashboard is not installed with this package")
    files = [p for p in (args.stops, args.meetings) if p is not None]
    for path in files:
        read_file(path)  # DataError naming it, as the page would
    _check_listen(args.address, args.port)
    options = {**config.STREAMLIT_OPTIONS, "server.port": args.port}
    if args.address:
        options["server.address"] = args.address
    command = [sys.executable, "-m", "streamlit", "run", spec.origin,
               *(f"--{key}={_flag(value)}" for key, value in options.items())]
    if files:
        command += ["--", *(str(p.absolute()) for p in files)]
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(sys.executable, command)  # noqa: S606  # the command is ours, no shell
    return 0  # not reached: the process is Streamlit's now


def _check_listen(address: str | None, port: int) -> None:
    """ItineraryError unless a server could listen on the address and port now."""
    try:
        found = socket.getaddrinfo(address or None, port, type=socket.SOCK_STREAM,
                                   flags=socket.AI_PASSIVE)
    except (socket.gaierror, UnicodeError) as exc:
        why = exc.strerror if isinstance(exc, socket.gaierror) else "not a host name"
        raise ItineraryError(f"--address {address}: not an address to listen on ({why})"
                             ) from None
    family, kind, proto, _, where = found[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as Tornado binds
        try:
            probe.bind(where)
        except OSError as exc:
            at = f"{address}:{port}" if address else f"port {port}"
            raise ItineraryError(f"cannot listen on {at}: {exc.strerror or exc}") from None


def _port(value: str) -> int:
    port = int(value) if value.isdigit() else -1
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f'expected a port from 1 to 65535, got "{value}"')
    return port


def _flag(value: object) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


if __name__ == "__main__":
    raise SystemExit(main())
