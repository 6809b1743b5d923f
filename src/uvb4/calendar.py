"""The Kazakhstan working-day calendar that deadlines are counted on.

Project 1.2's documents (the plan, with the analytic note) are uploaded to
ЖБАЖ "талдамалық анықтамаға қол қойылған күннен бастап 10 жұмыс күні ішінде":
within 10 working days from the day the analytic note is signed
(rulebook/edition-2022/source-kk.txt line 103).

Counting convention
-------------------
The day of the event (the note's signature) is day 0; **the day after it is
day 1**: "күннен бастап" (from the day of signing) is read as counting from
the next day, as :class:`~uvb4.rulebook.model.Deadline` states.  So
``add_working_days(start, n)`` is the n-th working day strictly after
``start`` (the last day on which a submission is still on time), and
``working_days_between(start, end)`` counts the working days ``d`` with
``start < d <= end``; for ``n >= 1`` the two agree:
``working_days_between(s, add_working_days(s, n)) == n``.  Calendar-day
deadlines are simply ``start + n`` days.  ``n == 0`` gives ``start`` itself;
a negative ``n`` is an error.

What a working day is
---------------------
Monday to Friday, unless it is a public holiday or a day off moved by the
Government (the Labour Code, art. 85(3)).  A weekend day is a working day
only when the Government moved a day off away from it ("working Saturday").
Three sources, strongest first:

1. the rulebook's ``calendar:`` overrides (:class:`~uvb4.rulebook.model.CalendarYear`):
   ``working_days`` are working even on a weekend or a library holiday,
   ``days_off`` are off even on a weekday;
2. the ``holidays`` library's Kazakhstan calendar (``holidays.KZ``): public
   holidays, holidays moved off a weekend, the Government's transfers of days
   off, and the Saturdays those transfers made working
   (``HolidayBase.weekend_workdays``);
3. the five-day week: Saturday and Sunday are off.

``holidays`` is imported only when a year's holidays are not in the user's
cache (:mod:`uvb4.cache`, beside the validated rulebooks), never at module
import: importing it and building a year cost ~0.15 s, more than the rest of a
small check.  A year's holidays are cached as JSON (dates, names, the
Saturdays made working) keyed by the country, the year, the names' language
and the installed ``holidays`` version, so an upgrade of the library is seen;
in a process, each year is built or read once.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover - annotations only; keeps pydantic out of start-up
    from uvb4.rulebook.model import CalendarYear

__all__ = ["COUNTRY", "RULEBOOK_DAY_OFF", "WEEKEND", "WorkingCalendar"]

COUNTRY = "KZ"
WEEKEND = "weekend"
RULEBOOK_DAY_OFF = "rulebook day off"
_DAY_KINDS = ("working", "calendar")
_ONE_DAY = _dt.timedelta(days=1)


def _as_date(value: Any, what: str = "date") -> _dt.date:
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    raise TypeError(f"{what} must be a datetime.date, not {type(value).__name__}")


def _check_n(n: Any) -> int:
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"the number of days must be an int, not {type(n).__name__}")
    if n < 0:
        raise ValueError(f"the number of days must not be negative (got {n})")
    return n


class WorkingCalendar:
    """Working days in Kazakhstan (five-day week), with the rulebook's overrides.

    ``overrides`` is the rulebook's ``calendar:`` mapping, year to
    :class:`~uvb4.rulebook.model.CalendarYear` (keys may be ints or strings;
    they only label the entry: a decree for one year may move a day in
    another, so every listed date counts whatever its key).  A date may not
    be both a working day and a day off.

    ``language`` is passed to ``holidays`` for the names
    :meth:`day_off_reason` returns (``"en_US"``, ``"kk"`` or ``"uk"``; an
    explicit value keeps them independent of the process's locale).
    """

    def __init__(self, overrides: Mapping[Any, CalendarYear] | None = None, *, language: str = "en_US") -> None:
        self.language = language
        self._working: dict[_dt.date, str | None] = {}
        self._off: dict[_dt.date, str | None] = {}
        for year in (overrides or {}).values():
            note = getattr(year, "note", None)
            for text in year.working_days:
                self._working[_dt.date.fromisoformat(text)] = note
            for text in year.days_off:
                self._off[_dt.date.fromisoformat(text)] = note
        clash = sorted(set(self._working) & set(self._off))
        if clash:
            raise ValueError(
                "calendar overrides list a date both as a working day and as a day off: "
                + ", ".join(d.isoformat() for d in clash)
            )
        self._years: dict[int, Any] = {}

    def __repr__(self) -> str:
        return f"WorkingCalendar({COUNTRY}, {len(self._working)} working-day and {len(self._off)} day-off overrides)"

    # ------------------------------------------------------------------
    # The library, lazily

    def _library(self, year: int) -> Any:
        """The holidays of ``year`` (:class:`HolidayYear`): built on first use, then kept."""
        found = self._years.get(year)
        if found is None:
            found = self._years[year] = holiday_year(year, self.language)
        return found

    def _holiday_name(self, d: _dt.date) -> str | None:
        return self._library(d.year).get(d)

    def _library_weekend_workday(self, d: _dt.date) -> bool:
        if d in self._library(d.year).weekend_workdays:
            return True
        # A transfer decreed for next January may make a late-December Saturday working.
        return d.month == 12 and d in self._library(d.year + 1).weekend_workdays

    # ------------------------------------------------------------------
    # Single days

    def is_working_day(self, d: _dt.date) -> bool:
        """Whether ``d`` is a working day (five-day week), overrides first."""
        d = _as_date(d)
        if d in self._working:
            return True
        if d in self._off:
            return False
        if self._holiday_name(d) is not None:
            return False
        if d.weekday() >= 5:
            return self._library_weekend_workday(d)
        return True

    def day_off_reason(self, d: _dt.date) -> str | None:
        """Why ``d`` is not a working day, or ``None`` when it is one.

        The library's holiday name when it has one (``"Nowruz Holiday"``,
        ``"Day off (substituted from 03/05/2022)"``...), else
        ``"rulebook day off"`` for a date in the overrides' ``days_off``,
        else ``"weekend"``.
        """
        d = _as_date(d)
        if self.is_working_day(d):
            return None
        name = self._holiday_name(d)
        if name is not None:
            return name
        if d in self._off:
            return RULEBOOK_DAY_OFF
        return WEEKEND

    def override_note(self, d: _dt.date) -> str | None:
        """The ``note`` of the override that lists ``d``, if any (its decree)."""
        d = _as_date(d)
        return self._working.get(d) or self._off.get(d)

    # ------------------------------------------------------------------
    # Counting

    def add_working_days(self, start: _dt.date, n: int) -> _dt.date:
        """The ``n``-th working day after ``start`` (the day after ``start`` is day 1).

        ``start`` itself may be a day off (a note signed on a Saturday);
        ``n == 0`` returns ``start``; a negative ``n`` raises ``ValueError``.
        """
        day = _as_date(start, "start")
        left = _check_n(n)
        while left:
            day += _ONE_DAY
            if self.is_working_day(day):
                left -= 1
        return day

    def working_days_between(self, start: _dt.date, end: _dt.date) -> int:
        """How many working days ``d`` have ``start < d <= end`` (0 if ``end <= start``)."""
        day, end = _as_date(start, "start"), _as_date(end, "end")
        count = 0
        while day < end:
            day += _ONE_DAY
            if self.is_working_day(day):
                count += 1
        return count

    def deadline(self, start: _dt.date, n: int, days: str = "working") -> _dt.date:
        """The last day of a period of ``n`` days after ``start``.

        ``days`` is ``"working"`` (:meth:`add_working_days`) or ``"calendar"``
        (``start + n`` days, wherever it falls); the rulebook's
        :class:`~uvb4.rulebook.model.DayCount` values are accepted too.
        """
        kind = getattr(days, "value", days)
        if kind not in _DAY_KINDS:
            raise ValueError(f"days must be 'working' or 'calendar', not {days!r}")
        if kind == "working":
            return self.add_working_days(start, n)
        return _as_date(start, "start") + _dt.timedelta(days=_check_n(n))


# --------------------------------------------------------------------------
# One year of the library's holidays, cached on disk


class HolidayYear:
    """The ``holidays`` library's answer for one year: holiday names by date, and the
    weekend days a transfer made working (the two things :class:`WorkingCalendar` asks)."""

    __slots__ = ("names", "weekend_workdays")

    def __init__(self, names: dict[_dt.date, str], weekend_workdays: set[_dt.date]) -> None:
        self.names = names
        self.weekend_workdays = weekend_workdays

    def get(self, d: _dt.date) -> str | None:
        return self.names.get(d)

    def to_json(self) -> str:
        import json

        return json.dumps(
            {
                "names": {d.isoformat(): name for d, name in sorted(self.names.items())},
                "weekend_workdays": sorted(d.isoformat() for d in self.weekend_workdays),
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_data(cls, data: Any) -> HolidayYear | None:
        """From :meth:`to_json`'s data; None when it is not that shape."""
        try:
            names = {_dt.date.fromisoformat(d): name for d, name in data["names"].items() if isinstance(name, str)}
            if len(names) != len(data["names"]):
                return None
            return cls(names, {_dt.date.fromisoformat(d) for d in data["weekend_workdays"]})
        except (KeyError, TypeError, ValueError, AttributeError):
            return None


def holiday_year(year: int, language: str) -> HolidayYear:
    """The holidays of ``year`` from the cache, or from the ``holidays`` library (then cached)."""
    from uvb4.cache import read_entry, write_entry

    version = _holidays_version()
    key = f"{COUNTRY}-{year}-{language}-holidays-{version}"
    name = f"holidays-{key}.json"
    if version is not None:
        found = HolidayYear.from_data(read_entry(name, key))
        if found is not None:
            return found
    import holidays  # lazy: importing holidays costs start-up time

    library = holidays.country_holidays(COUNTRY, years=year, language=language)
    found = HolidayYear(dict(library.items()), set(library.weekend_workdays))
    if version is not None:
        write_entry(name, key, found.to_json())
    return found


_VERSION: list[str | None] = []


def _holidays_version() -> str | None:
    """The installed ``holidays`` version, from its distribution's metadata folder name,
    without importing it (None when it cannot be told: nothing is then cached)."""
    if _VERSION:
        return _VERSION[0]
    version = None
    try:
        from importlib.util import find_spec

        spec = find_spec("holidays")
        if spec is not None and spec.origin:
            import os

            site = os.path.dirname(os.path.dirname(spec.origin))
            found = [
                entry[len("holidays-") : -len(".dist-info")]
                for entry in os.listdir(site)
                if entry.startswith("holidays-") and entry.endswith(".dist-info")
            ]
            if len(found) == 1:
                version = found[0]
    except (ImportError, OSError, ValueError):
        version = None
    _VERSION.append(version)
    return version
