"""Signers: who signed each document, against the level the guideline requires.

The evidence is graded.  uvb4 learns who signed a document from, in order:

1. an e-signature beside it (``X.pdf.cms``): *verified* when its RSA signature
   matches the document;
2. ``_meta.yaml``: ``signed_by`` (a role) or ``signer`` (an official's name):
   *declared*;
3. the document's own text (a DOCX's paragraphs, a PDF's text layer) naming an
   official of ``org.yaml`` in its signature area (:mod:`uvb4.evidence.doctext`):
   *inferred*, never verified.

Codes: ``signer-unconfirmed`` (none of the three tells who signed: a warning,
a signer to confirm — scans of documents signed in ink look like this),
``signer-inferred`` (known only from the text: a warning, a signer to
confirm), ``signer-below-required-level`` (a signer *known* to be below the
requirement's own signers or, when it names none, the rulebook-wide policy of
lines 35–39: a gap), ``signer-not-official`` (an e-signature whose IIN is not
among ``org.yaml``'s officials), ``unknown-signer`` (a ``signer`` name not
among them), ``signature-invalid`` (an RSA signature that does not match the
document).  With ``--strict`` (or ``strict: true`` in ``org.yaml``) the two
"to confirm" warnings are gaps.

Only the organisation's own documents need a signer (:data:`SIGNED_KINDS`):
orders, analytic and reference notes, plans, letters, protocols, memos and
policies.  Links, photos, videos, registers with employees' signatures, audit
reports, certificates, applications and the Agency's submissions do not, and
neither do documents the rulebook marks as signed by ``other`` alone — issued
by another body, such as the universities' rectors' orders of 3.4.1 and 3.5.1.
"""

from __future__ import annotations

from typing import TypedDict

from uvb4.checks.codes import make
from uvb4.checks.model import Finding, TaskContext
from uvb4.messages import role_name

CODES = (
    "signer-unconfirmed",
    "signer-inferred",
    "signer-below-required-level",
    "signer-not-official",
    "unknown-signer",
    "signature-invalid",
)

SIGNED_KINDS = {"order", "analytic-note", "reference-note", "plan", "letter", "protocol", "memo", "policy"}


class _Where(TypedDict):
    """Where a finding points: passed on to every ``make`` of a file."""

    path: str
    requirement: str


def needs_signer(requirement) -> bool:
    return requirement.kind.value in SIGNED_KINDS and [r.value for r in requirement.signers] != ["other"]


def allowed_roles(ctx: TaskContext, requirement) -> list[str]:
    policy = [r.value for r in ctx.rulebook.meta.signature_policy.min_level]
    return [r.value for r in requirement.signers] or policy


def check(ctx: TaskContext, lang: str | None = None) -> list[Finding]:
    findings: list[Finding] = []
    for match in ctx.matches.values():
        requirement = match.requirement
        if not needs_signer(requirement):
            continue
        allowed = allowed_roles(ctx, requirement)
        for item in match.files:
            where: _Where = {"path": item.rel, "requirement": requirement.id}
            roles: list[str] = []
            for signer in item.signatures:
                if signer.verified is False:
                    findings.append(make("signature-invalid", lang, **where))
                official = ctx.profile.official_by_iin(signer.iin) if signer.iin else None
                if official is None:
                    findings.append(make("signer-not-official", lang, iin=signer.iin or "?", **where))
                else:
                    roles.append(official.role.value)
            if item.signer_name:
                official = ctx.profile.official_by_name(item.signer_name)
                if official is None:
                    findings.append(make("unknown-signer", lang, name=item.signer_name, **where))
                else:
                    roles.append(official.role.value)
            if item.signed_by:
                roles.append(item.signed_by)
            if (item.signatures or item.signer_name) and not roles:
                continue  # the e-signature's or the name's own finding says why
            inferred = False
            if not roles:
                official = ctx.infer_signer(item) if ctx.infer_signer else None
                if official is None:
                    findings.append(make("signer-unconfirmed", lang, strict=ctx.strict, **where))
                    continue
                roles.append(official.role.value)
                inferred = True
                if official.role.value in allowed:
                    findings.append(
                        make(
                            "signer-inferred",
                            lang,
                            strict=ctx.strict,
                            name=official.name,
                            role=role_name(official.role.value, lang),
                            data={"name": official.name, "role": official.role.value},
                            **where,
                        )
                    )
                    continue
            if not any(role in allowed for role in roles):
                findings.append(
                    make(
                        "signer-below-required-level",
                        lang,
                        role=", ".join(role_name(r, lang) for r in roles),
                        allowed=", ".join(role_name(r, lang) for r in allowed),
                        data={"roles": roles, "allowed": allowed, **({"source": "text"} if inferred else {})},
                        **where,
                    )
                )
    return findings
