"""The Kazakhstan working-day calendar, on known dates.

Expected dates are worked out by hand in the comments (five-day week; the
day after the event is day 1, source-kk.txt line 103).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest

from uvb4.calendar import RULEBOOK_DAY_OFF, WEEKEND, WorkingCalendar
from uvb4.rulebook.model import CalendarYear, DayCount

SRC = Path(__file__).resolve().parent.parent / "src"


@pytest.fixture(scope="module")
def cal() -> WorkingCalendar:
    """The library's calendar alone (the bundled rulebook has ``calendar: {}``)."""
    return WorkingCalendar({})


# --------------------------------------------------------------------------
# Holidays the library knows


@pytest.mark.parametrize("day", [date(2022, 3, 21), date(2022, 3, 22), date(2022, 3, 23)])
def test_nauryz_2022_is_not_a_working_day(cal, day):
    assert day.weekday() < 5  # Monday to Wednesday
    assert not cal.is_working_day(day)
    assert cal.day_off_reason(day) == "Nowruz Holiday"


def test_ten_working_days_from_a_note_signed_before_nauryz_2022(cal):
    # Signed Thursday 17 March 2022.  Day 1 = Fri 18; Sat 19, Sun 20 weekend;
    # Mon 21-Wed 23 Nauryz; Thu 24 = 2, Fri 25 = 3; Mon 28 = 4, Tue 29 = 5,
    # Wed 30 = 6, Thu 31 = 7, Fri 1 April = 8; Mon 4 = 9, Tue 5 April = 10.
    signed = date(2022, 3, 17)
    assert cal.add_working_days(signed, 10) == date(2022, 4, 5)
    assert cal.deadline(signed, 10, "working") == date(2022, 4, 5)
    # Counting weekdays only, ignoring Nauryz, would have given Thursday 31 March.
    assert cal.working_days_between(signed, date(2022, 3, 31)) == 7
    # Ten calendar days: Sunday 27 March, wherever it falls.
    assert cal.deadline(signed, 10, "calendar") == date(2022, 3, 27)


def test_deadline_across_a_weekend(cal):
    # Thu 9 Nov 2023 (no holidays that month): Fri 10 = 1, Mon 13 = 2, Tue 14 = 3.
    assert cal.add_working_days(date(2023, 11, 9), 1) == date(2023, 11, 10)
    assert cal.add_working_days(date(2023, 11, 9), 2) == date(2023, 11, 13)
    assert cal.add_working_days(date(2023, 11, 9), 3) == date(2023, 11, 14)
    # Signed on a Saturday: day 1 is Monday.
    assert cal.add_working_days(date(2023, 11, 11), 1) == date(2023, 11, 13)
    assert cal.day_off_reason(date(2023, 11, 11)) == WEEKEND
    assert cal.day_off_reason(date(2023, 11, 12)) == WEEKEND
    assert cal.day_off_reason(date(2023, 11, 13)) is None


def test_transferred_day_off_and_its_working_saturday(cal):
    # Government Decree No. 713 of 6 Oct 2021: the day off moves from Saturday
    # 5 March 2022 to Monday 7 March 2022 (8 March is Women's Day).
    assert not cal.is_working_day(date(2022, 3, 7))
    assert cal.day_off_reason(date(2022, 3, 7)).startswith("Day off (substituted from")
    assert cal.is_working_day(date(2022, 3, 5))  # a working Saturday
    assert cal.day_off_reason(date(2022, 3, 5)) is None
    assert cal.is_working_day(date(2022, 3, 6)) is False  # Sunday stays off
    # Signed Fri 4 March: Sat 5 = 1; Sun 6, Mon 7 (transferred), Tue 8 off; Wed 9 = 2.
    assert cal.add_working_days(date(2022, 3, 4), 1) == date(2022, 3, 5)
    assert cal.add_working_days(date(2022, 3, 4), 2) == date(2022, 3, 9)


def test_republic_day_2022_transfer(cal):
    # Republic Day (25 Oct) is a holiday again from 2022; the day off moved from
    # Saturday 22 to Monday 24 October 2022.
    assert cal.day_off_reason(date(2022, 10, 25)) == "Republic Day"
    assert not cal.is_working_day(date(2022, 10, 24))
    assert cal.is_working_day(date(2022, 10, 22))
    # Signed Fri 21 Oct: Sat 22 = 1, Wed 26 = 2.
    assert cal.add_working_days(date(2022, 10, 21), 2) == date(2022, 10, 26)


def test_holiday_on_a_weekend_moves_to_the_next_working_day(cal):
    # New Year 2022 fell on Sat 1 and Sun 2 January: Mon 3 and Tue 4 are off.
    assert not cal.is_working_day(date(2022, 1, 3))
    assert not cal.is_working_day(date(2022, 1, 4))
    assert cal.is_working_day(date(2022, 1, 5))


@pytest.mark.parametrize("day", [date(2023, 6, 28), date(2025, 6, 6)])
def test_kurban_ait_is_a_day_off(cal, day):
    assert day.weekday() < 5  # Wednesday, Friday
    assert not cal.is_working_day(day)
    assert cal.day_off_reason(day) == "Eid al-Adha"


def test_kurban_ait_on_a_saturday_is_not_moved(cal):
    # Religious holidays are not moved off a weekend: Kurban Ait 2022 was
    # Saturday 9 July, and Monday 11 July was an ordinary working day.
    assert cal.day_off_reason(date(2022, 7, 9)) == "Eid al-Adha"
    assert cal.is_working_day(date(2022, 7, 11))


def test_independence_day_is_one_day_from_2022(cal):
    # From 2022 only 16 December; 17 December (Saturday) is not moved to Monday 19.
    assert cal.day_off_reason(date(2022, 12, 16)) == "Independence Day"
    assert cal.is_working_day(date(2022, 12, 19))
    assert cal.is_working_day(date(2022, 12, 1))  # First President Day, abolished in 2022


# --------------------------------------------------------------------------
# Rulebook overrides


def test_working_saturday_from_override():
    saturday = date(2030, 6, 1)
    assert saturday.weekday() == 5
    assert not WorkingCalendar({}).is_working_day(saturday)
    cal = WorkingCalendar({"2030": CalendarYear(working_days=("2030-06-01",), note="test decree")})
    assert cal.is_working_day(saturday)
    assert cal.day_off_reason(saturday) is None
    assert cal.override_note(saturday) == "test decree"
    # Signed Fri 31 May 2030: the Saturday is day 1, Monday 3 June day 2.
    assert cal.add_working_days(date(2030, 5, 31), 1) == saturday
    assert cal.add_working_days(date(2030, 5, 31), 2) == date(2030, 6, 3)


def test_extra_day_off_from_override():
    monday = date(2030, 6, 3)
    assert WorkingCalendar({}).is_working_day(monday)
    cal = WorkingCalendar({2030: CalendarYear(days_off=("2030-06-03",))})
    assert not cal.is_working_day(monday)
    assert cal.day_off_reason(monday) == RULEBOOK_DAY_OFF
    # Signed Fri 31 May 2030: Sat 1, Sun 2 weekend, Mon 3 off, Tue 4 = day 1.
    assert cal.add_working_days(date(2030, 5, 31), 1) == date(2030, 6, 4)


def test_overrides_win_over_the_library():
    cal = WorkingCalendar({2022: CalendarYear(working_days=("2022-03-07",), days_off=("2022-03-05",))})
    assert cal.is_working_day(date(2022, 3, 7))  # the library's transferred day off
    assert not cal.is_working_day(date(2022, 3, 5))  # the library's working Saturday
    assert cal.day_off_reason(date(2022, 3, 5)) == RULEBOOK_DAY_OFF


def test_a_date_cannot_be_both_working_and_off():
    with pytest.raises(ValueError, match="2030-06-03"):
        WorkingCalendar({2030: CalendarYear(working_days=("2030-06-03",), days_off=("2030-06-03",))})


def test_bundled_rulebook_calendar_builds():
    # The rulebook's calendar key parses and feeds the calendar (pydantic model, int keys).
    from uvb4.rulebook.model import RulebookMeta
    from uvb4.yamlio import load_mapping

    path = Path(__file__).resolve().parent.parent / "rulebook" / "edition-2022" / "rulebook.yaml"
    meta = RulebookMeta.model_validate(load_mapping(path))
    cal = WorkingCalendar(meta.calendar)
    assert not cal.is_working_day(date(2022, 3, 21))


# --------------------------------------------------------------------------
# Counting


def test_working_days_between(cal):
    # (17 March, 5 April 2022]: the ten days counted above.
    assert cal.working_days_between(date(2022, 3, 17), date(2022, 4, 5)) == 10
    # (18 March, 25 March 2022]: only Thu 24 and Fri 25.
    assert cal.working_days_between(date(2022, 3, 18), date(2022, 3, 25)) == 2
    # The end day counts, the start day does not.
    assert cal.working_days_between(date(2023, 11, 9), date(2023, 11, 10)) == 1
    assert cal.working_days_between(date(2023, 11, 10), date(2023, 11, 12)) == 0
    assert cal.working_days_between(date(2022, 4, 5), date(2022, 4, 5)) == 0
    assert cal.working_days_between(date(2022, 4, 5), date(2022, 3, 17)) == 0


def test_working_days_in_2022(cal):
    # The Government's 2022 calendar announced 245 working days (five-day week),
    # before the 2022 law that restored Republic Day and dropped 1 and 17 December:
    # +1 (Thu 1 Dec), +1 (Mon 19 Dec, no longer the observed 17th),
    # -2 (Mon 24 and Tue 25 Oct), +1 (Sat 22 Oct worked) = 246.
    assert cal.working_days_between(date(2021, 12, 31), date(2022, 12, 31)) == 246


@pytest.mark.parametrize("start", [date(2022, 3, 17), date(2022, 3, 4), date(2022, 12, 28), date(2024, 5, 3)])
@pytest.mark.parametrize("n", [1, 3, 10, 30])
def test_add_and_between_agree(cal, start, n):
    assert cal.working_days_between(start, cal.add_working_days(start, n)) == n


def test_zero_and_negative_n(cal):
    saturday = date(2023, 11, 11)
    assert cal.add_working_days(saturday, 0) == saturday
    assert cal.deadline(saturday, 0) == saturday
    assert cal.deadline(saturday, 0, "calendar") == saturday
    with pytest.raises(ValueError):
        cal.add_working_days(saturday, -1)
    with pytest.raises(ValueError):
        cal.deadline(saturday, -1, "working")
    with pytest.raises(ValueError):
        cal.deadline(saturday, -1, "calendar")


def test_deadline_kinds(cal):
    signed = date(2023, 11, 9)
    assert cal.deadline(signed, 3, "calendar") == date(2023, 11, 12)  # a Sunday, as is
    assert cal.deadline(signed, 3, DayCount.WORKING) == date(2023, 11, 14)
    assert cal.deadline(signed, 3, DayCount.CALENDAR) == date(2023, 11, 12)
    with pytest.raises(ValueError):
        cal.deadline(signed, 3, "business")


def test_datetimes_are_read_as_their_date(cal):
    assert cal.add_working_days(datetime(2023, 11, 9, 17, 30), 1) == date(2023, 11, 10)
    with pytest.raises(TypeError):
        cal.is_working_day("2023-11-09")


# --------------------------------------------------------------------------
# Start-up


def test_import_does_not_load_holidays():
    code = (
        "import sys, json\n"
        "import uvb4.calendar as c\n"
        "before = 'holidays' in sys.modules\n"
        "cal = c.WorkingCalendar({})\n"
        "built = 'holidays' in sys.modules\n"
        "import datetime\n"
        "cal.is_working_day(datetime.date(2022, 3, 21))\n"
        "print(json.dumps([before, built, 'holidays' in sys.modules, 'pydantic' in sys.modules]))\n"
    )
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(SRC), env.get("PYTHONPATH")) if p)
    env["UVB4_NO_CACHE"] = "1"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env).stdout
    before, built, after, pydantic = json.loads(out)
    assert (before, built, pydantic) == (False, False, False)
    assert after is True  # loaded on first look-up


def test_holiday_sets_are_cached_per_year():
    cal = WorkingCalendar({})
    cal.is_working_day(date(2022, 3, 21))
    first = cal._library(2022)
    cal.add_working_days(date(2022, 3, 17), 10)
    assert cal._library(2022) is first
    assert set(cal._years) == {2022}


# --------------------------------------------------------------------------
# The holidays of a year, cached beside the rulebook (holidays imported only on a miss)


def _every_day(year: int):
    day = date(year, 1, 1)
    while day.year == year:
        yield day
        day = date.fromordinal(day.toordinal() + 1)


def test_cached_years_answer_like_the_library(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("UVB4_NO_CACHE", raising=False)
    years = range(2019, 2026)
    built = WorkingCalendar({})  # cache empty: from the library, then written
    answers = {d: (built.is_working_day(d), built.day_off_reason(d)) for y in years for d in _every_day(y)}
    assert len(list((tmp_path / "uvb4").glob("holidays-KZ-*.json"))) >= len(years)
    cached = WorkingCalendar({})
    import uvb4.calendar as calendar_module

    monkeypatch.setattr(calendar_module, "holiday_year", _no_library(calendar_module.holiday_year))
    assert {d: (cached.is_working_day(d), cached.day_off_reason(d)) for y in years for d in _every_day(y)} == answers


def _no_library(real):
    import sys

    def from_cache_only(year, language):
        hidden = sys.modules.pop("holidays", None)
        sys.modules["holidays"] = None  # an import now fails
        try:
            return real(year, language)
        finally:
            del sys.modules["holidays"]
            if hidden is not None:
                sys.modules["holidays"] = hidden

    return from_cache_only


def test_a_cache_hit_does_not_import_holidays(tmp_path):
    code = (
        "import sys, datetime\n"
        "import uvb4.calendar as c\n"
        "print(c.WorkingCalendar({}).day_off_reason(datetime.date(2022, 3, 21)), 'holidays' in sys.modules)\n"
    )
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path))
    env.pop("UVB4_NO_CACHE", None)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(SRC), env.get("PYTHONPATH")) if p)
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env).stdout
    second = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env).stdout
    assert first.split() == ["Nowruz", "Holiday", "True"]
    assert second.split() == ["Nowruz", "Holiday", "False"]


@pytest.mark.parametrize("content", ['{"format": 1, "key": "x", "data": {}}', "not json", '{"names": 1}'])
def test_a_damaged_holiday_entry_is_rebuilt(tmp_path, monkeypatch, content):
    import uvb4.calendar as calendar_module

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("UVB4_NO_CACHE", raising=False)
    assert WorkingCalendar({}).day_off_reason(date(2022, 3, 21)) == "Nowruz Holiday"
    (entry,) = (tmp_path / "uvb4").glob("holidays-KZ-2022-*.json")
    entry.write_text(content, encoding="utf-8")
    assert calendar_module.HolidayYear.from_data({"names": 1}) is None
    assert WorkingCalendar({}).day_off_reason(date(2022, 3, 21)) == "Nowruz Holiday"
