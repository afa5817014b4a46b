"""The `itinerary` command: each command's output, exit codes and one-line errors."""

import contextlib
import csv
import os
import signal
import socket
import stat
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from itinerary import config
from itinerary.cli import main
from itinerary.sources.stops import load_trip
from tests.pages import marker_titles, trip_data
from tests.paths import BAD, DATA, TRAVELS
from tests.streamlit_server import free_port

STOPS, MEETINGS = config.SEED_STOPS, config.SEED_MEETINGS


def test_validate_ok(capsys):
    assert main(["validate", str(STOPS), "--meetings", str(MEETINGS)]) == 0
    assert capsys.readouterr().out == f"{STOPS}: OK, 3 stops, 10 meetings\n"


def test_validate_reports_every_problem_and_exits_2(capsys):
    bad = DATA / "bad" / "duplicate_id.csv"
    assert main(["validate", str(bad)]) == 2
    assert capsys.readouterr().err == (
        f'{bad}, row 4, column stop_id: duplicate stop_id "a" (first used in row 2)\n')


@pytest.mark.parametrize("command", [
    ["geocode", str(STOPS)], ["map", str(STOPS)], ["import-travels", str(TRAVELS / "cases.xml")],
    ["export", str(STOPS), "--format", "png"],
])
@pytest.mark.parametrize(("where", "reason"), [
    ("nowhere/x.out", "cannot be written: the folder {tmp}/nowhere does not exist"),
    ("folder", "is a folder; expected a file name"),
    ("file/x.out", "cannot be written: {tmp}/file is a file, not a folder"),
])
def test_an_output_that_cannot_be_written_is_one_line_and_exit_2(tmp_path, capsys, command,
                                                                 where, reason):
    (tmp_path / "folder").mkdir()
    (tmp_path / "file").write_text("keep")
    target = tmp_path / where
    assert main([*command, "-o", str(target)]) == 2
    assert capsys.readouterr().err == (
        f"itinerary: error: {target}: {reason.format(tmp=tmp_path)}\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file", "folder"]


@pytest.mark.parametrize(("name", "message"), [
    ("bad_date.csv", ', row 2, column start_date: expected an ISO date like 2022-10-05, found '
                     '"Oct 3 2022"'),
    ("empty.csv", ": is empty; expected a CSV file with a header row"),
    ("latin1.csv", ": is not UTF-8 text (byte 0xe1 at offset 40); save it as UTF-8 CSV"),
])
def test_bad_input_is_one_line_and_exit_2(tmp_path, capsys, name, message):
    bad = DATA / "bad" / name
    assert main(["map", str(bad), "-o", str(tmp_path / "x.html")]) == 2
    err = capsys.readouterr().err
    assert err == f"itinerary: error: {bad}{message}\n"
    assert not (tmp_path / "x.html").exists()


def test_geocode_fills_in_coordinates(tmp_path, capsys):
    out = tmp_path / "out.csv"
    assert main(["geocode", str(STOPS), "-o", str(out)]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [(r["place"], r["precision"], r["geocoder"] in {"gazetteer", "cache"})
            for r in rows] == [("Bogotá", "city", True), ("Santiago", "city", True),
                               ("Lima", "city", True)]
    assert float(rows[2]["lat"]) == pytest.approx(-12.04, abs=0.05)


def test_geocode_writes_every_row_then_exits_1_when_unresolved(tmp_path, capsys):
    out = tmp_path / "out.csv"
    extra = DATA / "stops_extra.csv"
    source = tmp_path / "in.csv"
    source.write_text((DATA / "stops_unresolvable.csv").read_text())
    assert main(["geocode", str(source), "-o", str(out)]) == 1
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [(r["stop_id"], r["precision"], r["lat"] != "") for r in rows] == [
        ("a", "city", True), ("b", "country", True), ("c", "", False)]
    err = capsys.readouterr().err
    assert "Xyzzyville" in err and 'the country "Atlantis" is not recognised' in err
    assert main(["geocode", str(extra), "-o", str(out)]) == 0
    given = next(r for r in csv.DictReader(out.open(encoding="utf-8")) if r["stop_id"] == "c")
    assert (given["precision"], given["geocoder"]) == ("given", "file")


def test_map_writes_a_standalone_file_for_the_chosen_dates(tmp_path):
    out = tmp_path / "trip.html"
    assert main(["map", str(STOPS), "--meetings", str(MEETINGS), "-o", str(out),
                 "--start", "2022-10-05", "--end", "2022-10-05"]) == 0
    assert marker_titles(trip_data(out.read_text(encoding="utf-8"))) == [
        "2. Santiago, Chile"]


@pytest.mark.parametrize(("limit", "dates", "titles", "warning"), [
    (2, [], ["2. Santiago, Chile", "3. Lima, Peru"],
     "itinerary: warning: The map shows the 2 newest of 3 stops, from 2022-10-05 to "
     "2022-10-07. Narrow the dates to see the earlier ones. (--start, --end)"),
    (2, ["--end", "2022-10-05"], ["1. Bogotá, Colombia", "2. Santiago, Chile"], None),
    (3, [], ["1. Bogotá, Colombia", "2. Santiago, Chile", "3. Lima, Peru"], None),
])
def test_map_draws_at_most_the_limit_of_newest_stops(tmp_path, capsys, monkeypatch, limit,
                                                     dates, titles, warning):
    monkeypatch.setattr(config, "DRAW_LIMIT", limit)
    out = tmp_path / "trip.html"
    assert main(["map", str(STOPS), "-o", str(out), *dates]) == 0
    assert marker_titles(trip_data(out.read_text(encoding="utf-8"))) == titles
    err = capsys.readouterr().err.splitlines()
    assert err[-1] == f"wrote the map of {len(titles)} stops to {out}"
    assert err[:-1] == ([warning] if warning else [])


@pytest.mark.parametrize(("value", "message"), [
    ("5 Oct", 'expected an ISO date like 2022-10-05, got "5 Oct"'),
    ("0202-10-05", "expected a date between 1800-01-01 and 2100-12-31, got 0202-10-05"),
])
def test_bad_date_option_is_a_usage_error(capsys, value, message):
    with pytest.raises(SystemExit) as caught:
        main(["map", str(STOPS), "-o", "x.html", "--start", value])
    assert caught.value.code == 2
    assert capsys.readouterr().err.endswith(f"argument --start: {message}\n")


def test_no_stops_in_the_dates_is_one_line(tmp_path, capsys):
    out = tmp_path / "x.html"
    assert main(["map", str(STOPS), "-o", str(out), "--start", "2023-01-01"]) == 2
    assert capsys.readouterr().err == (
        "itinerary: error: the start 2023-01-01 is after the trip's last day, 2022-10-07\n")
    assert not out.exists()


SCRIPT = Path(sys.executable).parent / "itinerary"  # installed by `make`, as by pip


def test_console_script_prints_one_line_and_no_traceback(tmp_path):
    result = subprocess.run([str(SCRIPT), "validate", str(DATA / "bad" / "binary.csv")],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_import_travels_writes_the_stops_format(tmp_path, capsys):
    out = tmp_path / "stops.csv"
    assert main(["import-travels", str(TRAVELS / "cases.xml"), "-o", str(out)]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [r["place"] for r in rows] == ["Yalta", "Cairo", "Alexandria", "Mumbai (Bombay)",
                                          "", "Windsor (Ontario)"]
    assert capsys.readouterr().err == (
        "imported 5 records as 6 stops in 3 trips; 1 repeated records appear once; "
        f"wrote {out}\n")
    assert main(["validate", str(out)]) == 0  # the output is a valid itinerary


def test_import_travels_says_how_many_it_skipped(tmp_path, capsys):
    out = tmp_path / "stops.csv"
    assert main(["import-travels", str(TRAVELS / "broken.xml"), str(TRAVELS / "cases.xml"),
                 "-o", str(out), "--who", "test-traveller"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 6
    assert err[0].startswith("itinerary: skipped: ") and "record 31 (line 8)" in err[0]
    assert err[-1] == ("imported 6 records as 7 stops in 4 trips; 1 repeated records appear "
                       f"once; skipped 5 records that could not be read; wrote {out}")


@pytest.mark.parametrize(("args", "message"), [
    (["entities.xml"], "entities.xml: uses XML entities or a DTD, which are refused for "
                       "safety; expected plain XML"),
    (["cases.xml", "--who", "nobody"], "cases.xml: holds no travel records of nobody that "
                                       "could be read"),
])
def test_import_travels_with_nothing_to_import_exits_2(tmp_path, capsys, args, message):
    paths = [str(TRAVELS / a) if a.endswith(".xml") else a for a in args]
    assert main(["import-travels", *paths, "-o", str(tmp_path / "x.csv")]) == 2
    assert capsys.readouterr().err.splitlines() == [f"itinerary: error: {TRAVELS}/{message}"]


def test_import_travels_reads_the_bundled_record_without_files(tmp_path, capsys):
    out = tmp_path / "rubio.csv"
    assert main(["import-travels", "-o", str(out), "--who", "rubio-marco"]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert rows[0]["traveler"] == "Marco Rubio" and rows[0]["start_date"] == "2025-02-01"
    assert capsys.readouterr().err.startswith("imported ")
    assert main(["validate", str(out)]) == 0


def test_app_starts_streamlit_on_the_packaged_dashboard(monkeypatch):
    calls = []
    port = str(free_port())
    monkeypatch.setattr(os, "execv", lambda program, command: calls.append((program, command)))
    assert main(["app", str(STOPS), "--port", port]) == 0
    ((program, command),) = calls
    assert program == sys.executable
    assert command[:4] == [sys.executable, "-m", "streamlit", "run"]
    assert command[4].endswith("itinerary_app/streamlit_app.py")
    assert f"--server.port={port}" in command and "--server.maxUploadSize=20" in command
    assert "--server.headless=true" in command
    assert command[-2:] == ["--", str(STOPS)]


def test_import_travels_missing_file_is_one_line(tmp_path, capsys):
    missing = tmp_path / "nope.xml"
    assert main(["import-travels", str(missing), "-o", str(tmp_path / "x.csv")]) == 2
    assert capsys.readouterr().err == (
        f"itinerary: error: {missing}: cannot be read: No such file or directory\n")


CORPUS = [line.rstrip("\n").split("\t") for line in
          (BAD / "expected.tsv").read_text(encoding="utf-8").splitlines()
          if line and not line.startswith("#")]


def test_the_corpus_lists_every_broken_file():
    assert sorted(name for name, _, _ in CORPUS) == sorted(
        p.name for p in BAD.iterdir() if p.name != "expected.tsv")
    assert len(CORPUS) >= 30


@pytest.mark.parametrize(("name", "kind", "message"), CORPUS, ids=[c[0] for c in CORPUS])
def test_each_broken_input_gets_its_exact_message(tmp_path, capsys, name, kind, message):
    # Messages name the file as it was given; run from the corpus folder with bare names.
    out = str(tmp_path / "out")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(BAD)
        if kind == "stops":
            code, expected_code = main(["validate", name]), 2
        elif kind == "meetings":
            code, expected_code = main(["validate", str(STOPS), "--meetings", name]), 2
        elif kind == "record":
            code, expected_code = main(["import-travels", name, "-o", out]), 2
        else:
            code, expected_code = main(["geocode", name, "-o", out]), 0
    err = capsys.readouterr().err.splitlines()
    assert code == expected_code, err
    if kind == "record":  # a file of nothing that could be read: its one problem
        assert err == [f"itinerary: error: {message}"]
    elif kind == "warning":
        assert f"itinerary: warning: {message}" in err
    else:
        assert err[0] == message
    assert "Traceback" not in "\n".join(err)


@pytest.mark.parametrize("value", ["\x1b[2J", "\x1b]0;owned\x07", "x\nitinerary: wrote OK",
                                   "x\ritinerary: wrote OK", "evil\u202e"])
@pytest.mark.parametrize("command", ["validate", "map", "geocode", "import-travels"])
def test_values_can_neither_work_the_terminal_nor_fake_a_line(tmp_path, capsys, value,
                                                              command):
    if command == "import-travels":
        source = tmp_path / "bad.xml"
        source.write_text(
            f'<trips><trip who="w"><id>1</id><name>W</name><start-date>{value}</start-date>'
            "<end-date>2022-01-01</end-date><country>Peru</country><locale>Lima</locale>"
            "</trip></trips>", encoding="utf-8")
    else:
        source = tmp_path / "bad.csv"
        # A bad date is an error; an unknown country, in `geocode`, a warning.
        cells = ("Lima", f'"Peru{value}"', "2022-01-01") if command == "geocode" else (
            "Lima", "Peru", f'"{value}"')
        source.write_text("place,country,start_date\n" + ",".join(cells) + "\n",
                          encoding="utf-8")
    main([command, str(source), *([] if command == "validate" else ["-o",
                                                                     str(tmp_path / "out")])])
    err = capsys.readouterr().err
    for line in err.splitlines():
        assert line.startswith(("itinerary:", str(source), "wrote ")), line
    assert "\x1b" not in err and "\r" not in err and "\u202e" not in err


@pytest.mark.parametrize(("fmt", "suffix", "starts"), [
    ("geojson", ".geojson", b"{"), ("kml", ".kml", b"<?xml"), ("ics", ".ics", b"BEGIN:VCALENDAR"),
    ("csv", ".zip", b"PK"), ("html", ".html", b"<!DOCTYPE html>"), ("png", ".png", b"\x89PNG"),
    ("svg", ".svg", b"<?xml"),
])
def test_export_writes_each_format(tmp_path, capsys, fmt, suffix, starts):
    out = tmp_path / f"trip{suffix}"
    assert main(["export", str(STOPS), "--meetings", str(config.SEED_MEETINGS), "--format",
                 fmt, "-o", str(out)]) == 0
    assert out.read_bytes().startswith(starts)
    assert capsys.readouterr().err == f"wrote 3 stops as {fmt} to {out}\n"


def test_export_csv_to_a_csv_writes_the_meetings_beside_it(tmp_path, capsys):
    out = tmp_path / "trip.csv"
    assert main(["export", str(STOPS), "--meetings", str(config.SEED_MEETINGS), "--format",
                 "csv", "-o", str(out), "--start", "2022-10-06"]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["trip-meetings.csv", "trip.csv"]
    again = load_trip(out, tmp_path / "trip-meetings.csv")
    assert [s.stop_id for s in again.stops] == ["lima"]
    assert {m.stop_id for m in again.meetings} == {"lima"}


def test_export_takes_a_trip_of_the_record(tmp_path):
    out = tmp_path / "r.geojson"
    assert main(["export", "--who", "rubio-marco", "--trip", "2025-02-01", "--format",
                 "geojson", "-o", str(out)]) == 0
    import json
    features = json.loads(out.read_text())["features"]
    assert [f["properties"]["place"] for f in features if f["properties"]["kind"] == "stop"][
        :2] == ["Panama City", "San Salvador"]


@pytest.mark.parametrize(("args", "message"), [
    (["--format", "kml"], "give either a stops CSV or --who SLUG --trip DATE"),
    ([str(STOPS), "--who", "rubio-marco", "--format", "kml"],
     "give either a stops CSV or --who SLUG --trip DATE"),
    (["--who", "rubio-marco", "--format", "kml"],
     "--who needs --trip: the trip's first day (YYYY-MM-DD), or all"),
    ([str(STOPS), "--trip", "all", "--format", "kml"],
     "--trip goes with --who, not with a stops CSV"),
    (["--who", "rubio-marco", "--trip", "2025-02-02", "--format", "kml"],
     "the record holds no trip of rubio-marco starting 2025-02-02; their latest start on "
     "2025-02-01, 2025-02-14 (or use all)"),
    (["--who", "rubio-marco", "--trip", "Feb 1", "--format", "kml"],
     '--trip: expected an ISO date like 2022-10-05, got "Feb 1"'),
    (["--who", "nobody", "--trip", "all", "--format", "kml"],
     "the bundled record: holds no travel records of nobody that could be read"),
    ([str(STOPS), "--format", "kml", "--start", "2030-01-01"],
     "the start 2030-01-01 is after the trip's last day, 2022-10-07"),
    ([str(STOPS), "--format", "kml", "--end", "2022-10-01"],
     "the end 2022-10-01 is before the trip's first day, 2022-10-03"),
    ([str(STOPS), "--format", "kml", "--start", "2022-10-06", "--end", "2022-10-04"],
     "the start 2022-10-06 is after the end 2022-10-04"),
])
def test_export_bad_input_is_one_line_and_exit_2(tmp_path, capsys, args, message):
    out = tmp_path / "x.kml"
    assert main(["export", *args, "-o", str(out)]) == 2
    assert capsys.readouterr().err == f"itinerary: error: {message}\n"
    assert not out.exists()


@pytest.mark.parametrize(("args", "message"), [
    (["--port", "99999"], 'itinerary app: error: argument --port: expected a port from 1 to '
                          '65535, got "99999"'),
    (["--port", "-1"], 'itinerary app: error: argument --port: expected a port from 1 to '
                       '65535, got "-1"'),
    (["--port", "0"], 'itinerary app: error: argument --port: expected a port from 1 to '
                      '65535, got "0"'),
    (["--address", "999.1.1.1"], "itinerary: error: --address 999.1.1.1: not an address to "
                                 "listen on (Name or service not known)"),
    (["--address", "192.0.2.1"], "itinerary: error: cannot listen on 192.0.2.1:{port}: Cannot "
                                 "assign requested address"),
    (["missing.csv"], "itinerary: error: missing.csv: cannot be read: No such file or "
                      "directory"),
    ([str(STOPS), "missing-meetings.csv"], "itinerary: error: missing-meetings.csv: cannot be "
                                           "read: No such file or directory"),
])
def test_the_apps_arguments_are_checked_before_it_starts(monkeypatch, capsys, args, message):
    started = []
    monkeypatch.setattr(os, "execv", lambda *command: started.append(command))
    port = free_port()
    with pytest.raises(SystemExit) as caught:
        raise SystemExit(main(["app", *args, *([] if "--port" in args else
                                               ["--port", str(port)])]))
    assert caught.value.code == 2 and started == []
    assert capsys.readouterr().err.splitlines() == [message.format(port=port)]


def test_a_port_in_use_is_one_line(monkeypatch, capsys):
    monkeypatch.setattr(os, "execv", lambda *command: pytest.fail("started"))
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert main(["app", "--address", "127.0.0.1", "--port", str(port)]) == 2
    assert capsys.readouterr().err == (
        f"itinerary: error: cannot listen on 127.0.0.1:{port}: Address already in use\n")


@pytest.mark.parametrize("signal_sent", [signal.SIGTERM, signal.SIGKILL])
def test_the_server_is_the_commands_own_process(signal_sent):
    # `itinerary app` becomes Streamlit (exec): a signal to the command reaches the server,
    # and killing the command leaves no server behind.
    port = free_port()
    command = subprocess.Popen([str(SCRIPT), "app", "--address", "127.0.0.1", "--port",
                                str(port)], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        health = f"http://127.0.0.1:{port}/_stcore/health"
        deadline = time.monotonic() + 60
        while not _answers(health):
            assert command.poll() is None and time.monotonic() < deadline
            time.sleep(0.2)
        os.kill(command.pid, signal_sent)
        command.wait(timeout=30)
        assert not _answers(health)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(command.pid, signal.SIGKILL)


def _answers(url):
    try:
        with urllib.request.urlopen(url, timeout=2) as reply:
            return reply.status == 200
    except OSError:
        return False


@pytest.mark.parametrize("command", [["validate", "{node}"],
                                     ["validate", str(STOPS), "--meetings", "{node}"],
                                     ["import-travels", "{node}", "-o", "{out}"],
                                     ["map", "{node}", "-o", "{out}"]])
@pytest.mark.parametrize("number", [os.makedev(1, 5), os.makedev(1, 9)])  # zero, urandom
def test_an_endless_input_is_one_line_in_bounded_memory(tmp_path, command, number):
    node = tmp_path / "endless"
    os.mknod(node, stat.S_IFCHR | 0o444, number)
    args = [a.format(node=node, out=tmp_path / "out") for a in command]
    result = subprocess.run(["prlimit", f"--as={1_500_000_000}", str(SCRIPT), *args],
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 2, result.stderr
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr
    assert "NUL bytes" in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_bad_nominatim_url_is_one_line(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("ITINERARY_NOMINATIM_URL", "file:///etc/passwd")
    assert main(["geocode", str(STOPS), "-o", str(tmp_path / "x.csv"), "--online"]) == 2
    assert capsys.readouterr().err == (
        "itinerary: error: ITINERARY_NOMINATIM_URL: expected an http or https URL with a host,"
        ' like https://nominatim.example.org, got "file:///etc/passwd"\n')


def exported(tmp_path, stops, format_):
    """`itinerary export` of a stops file's text as `format_`: the file's text."""
    source = tmp_path / "stops.csv"
    source.write_text(stops, encoding="utf-8")
    out = tmp_path / f"x.{format_}"
    assert main(["export", str(source), "--format", format_, "-o", str(out)]) == 0
    return out.read_text(encoding="utf-8")


@pytest.mark.parametrize("format_", ["geojson", "kml", "csv"])
def test_coordinates_that_round_to_zero_are_looked_up_by_name(tmp_path, capsys, format_):
    text = exported(tmp_path, "stop_id,place,country,start_date,lat,lon\n"
                              "lima,Lima,Peru,2022-10-06,1e-9,1e-9\n", format_)
    assert "-12.04" in text and "[0.0, 0.0]" not in text and "0,0" not in text
    assert "gave 0, 0, which is taken for no coordinates" in capsys.readouterr().err


@pytest.mark.parametrize("format_", ["geojson", "kml", "ics"])
def test_every_export_keeps_a_stop_it_cannot_place(tmp_path, capsys, format_):
    text = exported(tmp_path, "stop_id,place,country,start_date\nlima,Lima,Peru,2022-10-06\n"
                              "x,Xanadu,Atlantis,2022-10-07\n", format_)
    assert capsys.readouterr().err.splitlines()[-1] == (
        f"wrote 2 stops as {format_} to {tmp_path / f'x.{format_}'}")
    assert "Xanadu" in text


ARTICLE = ("---\ndate: '2013-05-17'\n---\nSecretary Kerry will travel May 21 to Muscat, where "
           "he will meet with senior Omani officials.\n\nOn May 22, the Secretary will visit "
           "Amman.\n")


def test_extract_writes_stops_and_meetings_that_load_back(tmp_path, capsys):
    article = tmp_path / "kerry.md"
    article.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "trip.csv"
    assert main(["extract", str(article), "-o", str(out)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:2] == ["1. Muscat, Oman, 21 May 2013 (stated)",
                         "2. Amman, Jordan, 22 May 2013 (stated)"]
    assert "evidence" in out.read_text(encoding="utf-8").splitlines()[0]
    assert main(["validate", str(out), "--meetings",
                 str(tmp_path / "trip-meetings.csv")]) == 0


def test_extract_reads_standard_input_and_says_when_no_stop_is_found(tmp_path, capsys,
                                                                     monkeypatch):
    import io

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"Nothing at all.")))
    assert main(["extract", "-", "-o", str(tmp_path / "x.csv")]) == 1
    assert capsys.readouterr().err.strip() == (
        "itinerary: standard input: no stop found; expected an article that says where "
        "the traveller goes")


@pytest.mark.parametrize(("content", "extra", "message"), [
    (b"", [], "holds no text; expected an article"),
    (b"\x00\x01", [], "is a binary file; expected text, HTML, Markdown or PDF"),
    (ARTICLE.encode(), ["--published", "2013-02-30"],
     "--published: expected an ISO date like 2022-10-05"),
])
def test_extract_bad_input_is_one_line_and_exit_2(tmp_path, capsys, content, extra, message):
    article = tmp_path / "a.txt"
    article.write_bytes(content)
    assert main(["extract", str(article), *extra, "-o", str(tmp_path / "x.csv")]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("itinerary: error: ") and message in line


def test_save_prints_both_links_and_saved_writes_the_trip_out(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("ITINERARY_DATABASE_URL", f"sqlite:///{tmp_path / 'trips.sqlite'}")
    assert main(["save", str(STOPS), "--meetings", str(MEETINGS), "--title", "Seed",
                 "--url", "https://trips.example/"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "saved 3 stops as version 1"
    view, edit = out[1].removeprefix("view: "), out[2].removeprefix("edit: ").split()[0]
    trip_id = view.split("saved=")[1]
    assert view == f"https://trips.example/?saved={trip_id}"
    assert edit.startswith(f"https://trips.example/?saved={trip_id}&key=")
    assert main(["saved", trip_id, "-o", str(tmp_path / "back.csv")]) == 0
    assert capsys.readouterr().out.startswith("version 1 of 1, saved ")
    again = load_trip(tmp_path / "back.csv", tmp_path / "back-meetings.csv")
    assert again == load_trip(STOPS, MEETINGS)  # the title is kept in the store, not in CSV


@pytest.mark.parametrize(("args", "message"), [
    (["saved", "nope", "-o", "x.csv"], "itinerary: error: nope: is not a saved trip, or has no "
                                       "such version"),
    (["saved", "abc", "--version", "0", "-o", "x.csv"],
     "itinerary saved: error: argument --version: expected a version number (1, 2, …), "
     "found '0'"),
    (["save", "missing.csv"], "itinerary: error: missing.csv: cannot be read: No such file "
                              "or directory"),
])
def test_saved_trips_bad_input_is_one_line_and_exit_2(capsys, tmp_path, monkeypatch, args,
                                                      message):
    monkeypatch.setenv("ITINERARY_DATABASE_URL", f"sqlite:///{tmp_path / 'trips.sqlite'}")
    monkeypatch.chdir(tmp_path)
    with contextlib.suppress(SystemExit):
        assert main(args) == 2
    assert capsys.readouterr().err == message + "\n"


def test_db_upgrade_and_an_unusable_database(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("ITINERARY_DATABASE_URL", f"sqlite:///{tmp_path / 'trips.sqlite'}")
    assert main(["db", "upgrade"]) == 0
    assert capsys.readouterr().out == "the store's database is up to date\n"
    (tmp_path / "bad.sqlite").write_bytes(b"garbage" * 1000)
    monkeypatch.setenv("ITINERARY_DATABASE_URL", f"sqlite:///{tmp_path / 'bad.sqlite'}")
    assert main(["db", "upgrade"]) == 2
    assert capsys.readouterr().err == ("itinerary: error: the database could not be opened: "
                                       "its file is damaged\n")
