"""An organisation's KPI figures: ``figures.yaml``, ``figures.csv`` or ``figures.xlsx``.

All three hold the same rows — KPI id, input name, value, and an optional
breakdown key (a direction, a unit…) — documented in ``docs/figures.md``.
A row without a breakdown is the input's total; rows with one are its parts.
Reading problems (bad YAML, a missing column, a value that is not a number)
are input errors (exit 2) at ``path:line:col``; figures that are readable but
inconsistent are findings of :mod:`uvb4.kpi`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from uvb4.errors import EvidenceError, Position, Problem
from uvb4.messages import t

COLUMNS = ("kpi", "input", "value", "breakdown")
HEADER_ALIASES = {
    "kpi": ("kpi", "кри", "крі", "кпи", "kpi id"),
    "input": ("input", "name", "көрсеткіш", "показатель", "input name"),
    "value": ("value", "мәні", "мән", "значение"),
    "breakdown": ("breakdown", "бөлініс", "бөлінісі", "разбивка", "part"),
}


@dataclass
class Figure:
    """One input's figures: the total (if given) and its parts, with where each came from."""

    total: float | None = None
    parts: dict[str, float] = field(default_factory=dict)
    where: str = ""

    def value(self) -> float | None:
        if self.total is not None:
            return self.total
        return sum(self.parts.values()) if self.parts else None


@dataclass
class Figures:
    path: str
    values: dict[str, dict[str, Figure]] = field(default_factory=dict)

    def get(self, kpi: str, name: str) -> Figure | None:
        return self.values.get(kpi, {}).get(name)


def load_figures(path: Path) -> Figures:
    suffix = path.suffix.casefold()
    if suffix in (".yaml", ".yml"):
        return _from_yaml(path)
    if suffix == ".csv":
        return _from_rows(path, _csv_rows(path))
    if suffix == ".xlsx":
        return _from_rows(path, _xlsx_rows(path))
    raise EvidenceError.one(Position.of(path), t("bad-figures.format"), "bad-figures", t("bad-figures.format.hint"))


def _number(raw: Any, where: Position) -> float:
    """A figure's value (rules in :mod:`uvb4.numbers`), or a positioned problem."""
    from uvb4.numbers import NumberError, parse_number

    try:
        return parse_number(raw)
    except NumberError as exc:
        shown = str(raw)[:40]
        if exc.kind == "not-finite":
            message, hint = t("bad-figure-value.not-finite", value=shown), t("bad-figure-value.hint")
        elif exc.kind == "ambiguous":
            message, hint = t("bad-figure-value.thousands", value=shown), t("bad-figure-value.thousands.hint")
        else:
            message, hint = t("bad-figure-value", value=shown), t("bad-figure-value.hint")
    raise EvidenceError.one(where, message, "bad-figure-value", hint)


def _from_yaml(path: Path) -> Figures:
    from uvb4.yamlio import Locator, load_yaml, read_text

    text = read_text(path)  # not UTF-8 (Excel's cp1251): a positioned problem, not a crash
    data = load_yaml(path, text)
    locator = Locator(path, text)
    figures = Figures(str(path))
    if not isinstance(data, dict) or not isinstance(data.get("kpis"), dict):
        raise EvidenceError.one(
            Position.of(path, 1, 1), t("bad-figures.no-kpis"), "bad-figures", t("bad-figures.no-kpis.hint")
        )
    problems: list[Problem] = []
    for kpi, inputs in data["kpis"].items():
        kpi = str(kpi)
        if not isinstance(inputs, dict):
            problems.append(
                Problem(
                    locator.position(("kpis", kpi)),
                    t("bad-figures.inputs-not-a-mapping"),
                    "bad-figures",
                    t("bad-figures.inputs-not-a-mapping.hint"),
                )
            )
            continue
        for name, raw in inputs.items():
            if raw is None:  # left blank (as in the template): not given
                continue
            loc = ("kpis", kpi, name)
            figure = Figure(where=str(locator.position(loc)))
            try:
                if isinstance(raw, dict):
                    unknown = set(raw) - {"total", "breakdown"}
                    if unknown:
                        raise EvidenceError.one(
                            locator.position(loc),
                            t("bad-figures.unknown-keys", keys=sorted(unknown)),
                            "bad-figures",
                            t("bad-figures.unknown-keys.hint"),
                        )
                    if raw.get("total") is not None:
                        figure.total = _number(raw["total"], locator.position(loc + ("total",)))
                    parts = raw.get("breakdown") or {}
                    if not isinstance(parts, dict):
                        raise EvidenceError.one(
                            locator.position(loc + ("breakdown",)),
                            t("bad-figures.breakdown-not-a-mapping"),
                            "bad-figures",
                            t("bad-figures.breakdown-not-a-mapping.hint"),
                        )
                    for key, value in parts.items():
                        if value is None:
                            continue
                        figure.parts[str(key)] = _number(value, locator.position(loc + ("breakdown", key)))
                else:
                    figure.total = _number(raw, locator.position(loc))
            except EvidenceError as exc:
                problems.extend(exc.problems)
                continue
            if figure.total is None and not figure.parts:
                continue
            figures.values.setdefault(kpi, {})[str(name)] = figure
    if problems:
        raise EvidenceError(problems)
    return figures


def _header_index(header: list[str], path: Path) -> dict[str, int]:
    folded = [h.strip().casefold() for h in header]
    index = {}
    for column, aliases in HEADER_ALIASES.items():
        for i, name in enumerate(folded):
            if name in aliases:
                index[column] = i
                break
    missing = [c for c in ("kpi", "input", "value") if c not in index]
    if missing:
        raise EvidenceError.one(
            Position.of(path, 1, 1),
            t("bad-figures.missing-columns", columns=", ".join(missing)),
            "bad-figures",
            t("bad-figures.missing-columns.hint"),
        )
    return index


def _csv_rows(path: Path):
    """UTF-8 (±BOM), UTF-16 or Windows-1251, as Excel saves it (uvb4.evidence.tables)."""
    from uvb4.evidence.tables import csv_rows, decode_csv, read_bytes

    return [(line, row, "line") for line, row in csv_rows(decode_csv(read_bytes(path), path), path)]


def _xlsx_rows(path: Path):
    from uvb4.xlsx import read_rows  # bounded, every openpyxl failure positioned, formulas without values flagged

    return read_rows(path)


def _from_rows(path: Path, rows) -> Figures:
    figures = Figures(str(path))
    if not rows:
        return figures
    index = _header_index([str(c) for c in rows[0][1]], path)
    problems: list[Problem] = []
    for number, row, _unit in rows[1:]:
        cells = list(row) + [""] * (len(COLUMNS) + 4)
        if not any(str(c).strip() for c in row):
            continue
        kpi = str(cells[index["kpi"]]).strip()
        name = str(cells[index["input"]]).strip()
        part = str(cells[index["breakdown"]]).strip() if "breakdown" in index else ""
        col = index["value"] + 1
        where = Position.of(path, number, col)
        if not kpi or not name:
            problems.append(
                Problem(
                    Position.of(path, number, 1),
                    t("bad-figures.row-incomplete"),
                    "bad-figures",
                    t("bad-figures.row-incomplete.hint"),
                )
            )
            continue
        if str(cells[index["value"]]).strip() == "":
            continue  # left blank (as in the template): not given
        try:
            value = _number(cells[index["value"]], where)
        except EvidenceError as exc:
            problems.extend(exc.problems)
            continue
        figure = figures.values.setdefault(kpi, {}).setdefault(name, Figure(where=str(Position.of(path, number))))
        if part:
            figure.parts[part] = value
        else:
            figure.total = value
    if problems:
        raise EvidenceError(problems)
    return figures
