"""KPI values from an organisation's figures, against the year's targets.

Pure: figures in, a :class:`KpiTable` out.  Formulas are data in the rulebook
(``share``: numerator ÷ denominator × 100; ``ratio``: numerator ÷
denominator; ``count``: one input) and are evaluated here without ``eval``.

Finding codes (stable): ``missing-figure`` (an input the formula needs is not
given: the KPI is not computable), ``zero-denominator`` (not computable),
``numerator-above-denominator`` (a share above 100%), ``negative-figure``,
``fractional-count`` (a count that is not a whole number),
``unknown-kpi`` and ``unknown-input`` (figures the rulebook does not know),
``unknown-breakdown`` (a part the input does not break down by),
``breakdown-mismatch`` (parts that do not add up to the total), and
``figures-contradict-evidence`` (a positive figure that needs documents in a
task with none, e.g. dismissals for KPI 2.6 without 2.6.1's orders).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from uvb4.figures import Figure, Figures
from uvb4.messages import KPI_FINDINGS, text_of
from uvb4.rulebook.model import Kpi, Rulebook

KPI_CODES = (
    "missing-figure",
    "zero-denominator",
    "numerator-above-denominator",
    "negative-figure",
    "fractional-count",
    "unknown-kpi",
    "unknown-input",
    "unknown-breakdown",
    "breakdown-mismatch",
    "figures-contradict-evidence",
)


class Verdict(str, Enum):
    MET = "met"
    NOT_MET = "not-met"
    NO_TARGET = "no-target"
    NOT_COMPUTABLE = "not-computable"


@dataclass(frozen=True)
class KpiFinding:
    code: str
    message: str
    where: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "where": self.where}


@dataclass
class KpiValue:
    kpi: Kpi
    group: str
    value: float | None
    inputs: dict[str, float | None]
    target: float | None
    verdict: Verdict
    findings: list[KpiFinding] = field(default_factory=list)

    def to_dict(self, lang: str = "kk") -> dict[str, Any]:
        return {
            "id": self.kpi.id,
            "group": self.group,
            "title": self.kpi.title.get(lang),
            "unit": self.kpi.unit.value,
            "direction": self.kpi.direction.value,
            "formula": self.kpi.formula.model_dump(mode="json", exclude_none=True) if self.kpi.formula else None,
            "value": None if self.value is None else round(self.value, 4),
            "inputs": self.inputs,
            "target": self.target,
            "verdict": self.verdict.value,
            "findings": [f.to_dict() for f in self.findings],
        }


@dataclass
class KpiTable:
    year: int
    kpis: list[KpiValue]
    findings: list[KpiFinding]  # figures the rulebook does not know

    def to_dict(self, lang: str = "kk") -> dict[str, Any]:
        return {
            "year": self.year,
            "kpis": [k.to_dict(lang) for k in self.kpis],
            "findings": [f.to_dict() for f in self.findings],
        }


def _msg(code: str, lang: str, **values: Any) -> str:
    return text_of(KPI_FINDINGS, code, lang).format(**values)


def compute_kpis(
    rulebook: Rulebook,
    figures: Figures | None,
    *,
    year: int,
    units: int | None = None,
    applicable: set[str] | None = None,
    task_status: dict[str, str] | None = None,
    lang: str = "kk",
) -> KpiTable:
    """Every KPI (or those in ``applicable``) computed from ``figures``.

    ``units``: the number of units ``org.yaml`` lists (inputs with
    ``from_profile: units``).  ``task_status``: task id → check status, to find
    figures that contradict the evidence.
    """
    figures = figures or Figures(path="")
    values: list[KpiValue] = []
    table_findings: list[KpiFinding] = []
    known = {k.id: k for _, k in rulebook.kpis()}
    for kpi_id, inputs in figures.values.items():
        if kpi_id not in known:
            where = next(iter(inputs.values())).where if inputs else figures.path
            table_findings.append(KpiFinding("unknown-kpi", _msg("unknown-kpi", lang, kpi=kpi_id), where))
    for group, kpi in rulebook.kpis():
        if applicable is not None and kpi.id not in applicable:
            continue
        values.append(_compute(kpi, group.id, figures, year, units, task_status or {}, lang))
    return KpiTable(year=year, kpis=values, findings=table_findings)


def _compute(
    kpi: Kpi, group: str, figures: Figures, year: int, units: int | None, task_status: dict[str, str], lang: str
) -> KpiValue:
    findings: list[KpiFinding] = []
    declared = {i.name: i for i in kpi.inputs}
    given = figures.values.get(kpi.id, {})
    figure: Figure | None
    for name, figure in given.items():
        if name not in declared:
            findings.append(
                KpiFinding(
                    "unknown-input",
                    _msg("unknown-input", lang, input=name, kpi=kpi.id, known=", ".join(declared) or "—"),
                    figure.where,
                )
            )
    inputs: dict[str, float | None] = {}
    contradicted: set[str] = set()
    for name, spec in declared.items():
        figure = given.get(name)
        value = figure.value() if figure else None
        if value is None and spec.from_profile == "units" and units:
            value = float(units)
        inputs[name] = value
        if figure is None or value is None:
            continue
        for part in figure.parts:
            if spec.breakdown and part not in spec.breakdown:
                findings.append(
                    KpiFinding(
                        "unknown-breakdown",
                        _msg("unknown-breakdown", lang, input=name, part=part, known=", ".join(spec.breakdown)),
                        figure.where,
                    )
                )
        if figure.total is not None and figure.parts and abs(sum(figure.parts.values()) - figure.total) > 1e-9:
            findings.append(
                KpiFinding(
                    "breakdown-mismatch",
                    _msg("breakdown-mismatch", lang, input=name, parts=sum(figure.parts.values()), total=figure.total),
                    figure.where,
                )
            )
        for shown in [value, *figure.parts.values()]:
            if shown < 0:
                findings.append(
                    KpiFinding("negative-figure", _msg("negative-figure", lang, input=name, value=shown), figure.where)
                )
                break
            if spec.integer and shown != int(shown):
                findings.append(
                    KpiFinding(
                        "fractional-count", _msg("fractional-count", lang, input=name, value=shown), figure.where
                    )
                )
                break
        if spec.implies_evidence and value > 0 and spec.implies_evidence not in contradicted:
            status = task_status.get(spec.implies_evidence)
            if status in ("missing", "exempt"):
                contradicted.add(spec.implies_evidence)  # once per task, at the first input implying it
                findings.append(
                    KpiFinding(
                        "figures-contradict-evidence",
                        _msg(
                            "figures-contradict-evidence",
                            lang,
                            input=name,
                            value=value,
                            task=spec.implies_evidence,
                            status=status,
                        ),
                        figure.where,
                    )
                )
    value = _evaluate(kpi, inputs, given, findings, lang)
    target = kpi.targets.get(year)
    if value is None:
        verdict = Verdict.NOT_COMPUTABLE
    elif target is None:
        verdict = Verdict.NO_TARGET
    elif (value >= target) if kpi.direction.value == "up" else (value <= target):
        verdict = Verdict.MET
    else:
        verdict = Verdict.NOT_MET
    return KpiValue(kpi, group, value, inputs, target, verdict, findings)


def _evaluate(kpi: Kpi, inputs: dict[str, float | None], given, findings: list[KpiFinding], lang: str) -> float | None:
    formula = kpi.formula
    if formula is None:
        return None
    for name in formula.used_inputs():
        if inputs.get(name) is None:
            findings.append(KpiFinding("missing-figure", _msg("missing-figure", lang, input=name)))
    if any(inputs.get(name) is None for name in formula.used_inputs()):
        return None
    # the model guarantees the names each kind takes, and every input they name was given (above)
    if formula.kind.value == "count":
        assert formula.value is not None
        return inputs[formula.value]
    assert formula.numerator is not None and formula.denominator is not None
    numerator, denominator = inputs[formula.numerator], inputs[formula.denominator]
    assert numerator is not None and denominator is not None
    where = given[formula.denominator].where if formula.denominator in given else None
    if denominator == 0:
        findings.append(
            KpiFinding("zero-denominator", _msg("zero-denominator", lang, input=formula.denominator), where)
        )
        return None
    if formula.kind.value == "share":
        if numerator > denominator:
            findings.append(
                KpiFinding(
                    "numerator-above-denominator",
                    _msg(
                        "numerator-above-denominator",
                        lang,
                        numerator=formula.numerator,
                        n=numerator,
                        denominator=formula.denominator,
                        d=denominator,
                    ),
                    where,
                )
            )
        return numerator / denominator * 100
    return numerator / denominator
