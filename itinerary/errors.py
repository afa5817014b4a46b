"""The package's one error tree.

Every error the core raises derives from `ItineraryError` and also from the builtin that
describes it best, so callers may catch either. The edges (the app and the CLI) turn these
into messages; nothing below them prints.
"""

from __future__ import annotations

from dataclasses import dataclass

from itinerary.text import shorten


class ItineraryError(Exception):
    """Base of every error raised by the itinerary package."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input file, located as precisely as the input allows.

    Rows are numbered as in a spreadsheet: the header is row 1, the first record row 2.
    """

    file: str
    message: str
    row: int | None = None
    column: str | None = None

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row}"
        if self.column is not None:
            where += f", column {self.column}"
        return f"{where}: {self.message}"


class DataError(ItineraryError, ValueError):
    """An input file is unusable. Holds every problem found, in file order."""

    def __init__(self, problems: list[Problem]) -> None:
        if not problems:
            raise ValueError("DataError needs at least one problem")
        self.problems = list(problems)
        super().__init__(str(self.problems[0]))

    def __str__(self) -> str:
        first = str(self.problems[0])
        more = len(self.problems) - 1
        if more:
            return f"{first} (and {more} more problem{'s' if more > 1 else ''})"
        return first


class ArticleError(DataError):
    """An article that cannot be read: unreadable, binary, empty or too large."""


class DateError(ItineraryError, ValueError):
    """A text that is not a date the package accepts; `reason` tells which rule it broke.

    The message is what was expected ("expected an ISO date like 2022-10-05"); callers say
    where the text came from (a CSV cell, a record element, a link, an option).
    """

    NOT_ISO = "not-iso"
    OUT_OF_RANGE = "out-of-range"

    def __init__(self, reason: str, value: str, expected: str) -> None:
        self.reason, self.value = reason, value
        super().__init__(expected)

    @property
    def shown(self) -> str:
        """The offending text as a message quotes it: in quotes and cut short when it is not
        a date at all, as it is when it is a date out of range."""
        if self.reason == self.OUT_OF_RANGE:
            return self.value
        return f'"{shorten(self.value, 40)}"'


class ConfigError(ItineraryError, ValueError):
    """A setting (an `ITINERARY_*` variable) holds a value the package cannot use."""


class ServiceError(ItineraryError, ConnectionError):
    """An online service failed: timed out, refused, or answered with an error."""


class AssetError(ItineraryError, FileNotFoundError):
    """A vendored map asset is missing, so the map could not be drawn offline."""


class OutputError(ItineraryError, OSError):
    """A file the package makes cannot be written where it was asked to go."""

    def __init__(self, path: object, reason: str) -> None:
        self.path = path
        super().__init__(f"{path}: {reason}")


class StoreError(ItineraryError, RuntimeError):
    """The store of saved trips could not do what was asked; the subclass says why."""


class StaleError(StoreError):
    """A save started from a version that is no longer the latest: someone saved since.
    `latest` is the number of the version now latest."""

    def __init__(self, message: str, latest: int) -> None:
        self.latest = latest
        super().__init__(message)


class AccessError(StoreError, PermissionError):
    """A change asked with no key, a wrong key, or the key of another trip."""


class UnavailableError(StoreError, ConnectionError):
    """The database is down, read-only, full, damaged or locked past the timeout."""
