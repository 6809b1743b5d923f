"""The "no facts" exemption: "фактілер болмаған жағдайда … құжаттарды енгізу талап етілмейді".

Codes: ``exempt-no-facts`` (the task is exempt: ``_meta.yaml`` declares
``no_facts: true`` with a reason, and the guideline allows it for the task),
``exemption-not-allowed`` (declared for a task the guideline does not exempt;
the task is then checked as usual), ``evidence-despite-no-facts`` (declared,
yet the folder holds files).
"""

from __future__ import annotations

from uvb4.checks.codes import make
from uvb4.checks.model import Finding, TaskContext

CODES = ("exempt-no-facts", "exemption-not-allowed", "evidence-despite-no-facts")


def check(ctx: TaskContext, lang: str | None = None) -> tuple[bool, list[Finding]]:
    """(exempt?, findings)."""
    declared = [(rel, meta) for rel, meta in ctx.metas if meta.no_facts]
    if not declared:
        return False, []
    rel, meta = declared[0]
    if ctx.task.exemption is None:
        return False, [make("exemption-not-allowed", lang, path=rel)]
    findings = [make("exempt-no-facts", lang, path=rel, reason=meta.reason)]
    if ctx.files:
        findings.append(make("evidence-despite-no-facts", lang, path=rel, count=len(ctx.files)))
    return True, findings
