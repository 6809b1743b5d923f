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

``holidays`` is imported the first time a date is looked up, never at module
import (start-up time matters), and one holiday set per year is built once
and cached.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover - annotations only; keeps pydantic out of start-up
    from uvb4.rulebook.model import CalendarYear

__all__ = ["WorkingCalendar", "COUNTRY", "RULEBOOK_DAY_OFF", "WEEKEND"]

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

    def __init__(self, overrides: Mapping[Any, CalendarYear] | None = None, *,
                 language: str = "en_US") -> None:
        self.language = language
        self._working: dict[_dt.date, str | None] = {}
        self._off: dict[_dt.date, str | None] = {}
        for key, year in (overrides or {}).items():
            note = getattr(year, "note", None)
            for text in year.working_days:
                self._working[_dt.date.fromisoformat(text)] = note
            for text in year.days_off:
                self._off[_dt.date.fromisoformat(text)] = note
        clash = sorted(set(self._working) & set(self._off))
        if clash:
            raise ValueError("calendar overrides list a date both as a working day and as a day off: "
                             + ", ".join(d.isoformat() for d in clash))
        self._years: dict[int, Any] = {}

    def __repr__(self) -> str:
        return (f"WorkingCalendar({COUNTRY}, {len(self._working)} working-day and "
                f"{len(self._off)} day-off overrides)")

    # ------------------------------------------------------------------
    # The library, lazily

    def _library(self, year: int) -> Any:
        """The ``holidays`` set for ``year``: built on first use, then cached."""
        found = self._years.get(year)
        if found is None:
            import holidays  # lazy: importing holidays costs start-up time

            found = holidays.country_holidays(COUNTRY, years=year, language=self.language)
            self._years[year] = found
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
