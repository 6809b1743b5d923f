"""Signers: who signed each document, against the level the guideline requires.

Codes: ``unsigned`` (no e-signature and no ``signed_by``/``signer`` in
``_meta.yaml``), ``signer-below-required-level`` (signed, but below the
requirement's own signers or, when it names none, below the rulebook-wide
policy of the introduction, lines 35–39: first head, deputy first head,
chief of staff, or a collegial body), ``signer-not-official`` (an
e-signature whose IIN is not among ``org.yaml``'s officials),
``unknown-signer`` (a ``signer`` name not among them), ``signature-invalid``
(an RSA signature that does not match the document).

Only the organisation's own documents are held to this: orders, analytic and
reference notes, plans, letters, protocols, memos and policies.  Links,
photos, videos, registers with employees' signatures, audit reports,
certificates, applications and the Agency's submissions are not, and neither
are documents the rulebook marks as signed by ``other`` alone — issued by
another body, such as the universities' rectors' orders of 3.4.1 and 3.5.1.
"""

from __future__ import annotations

from uvb4.checks.model import Finding, Severity, TaskContext
from uvb4.messages import finding_text, role_name

CODES = ("unsigned", "signer-below-required-level", "signer-not-official", "unknown-signer", "signature-invalid")

SIGNED_KINDS = {"order", "analytic-note", "reference-note", "plan", "letter", "protocol", "memo", "policy"}


def check(ctx: TaskContext, lang: str | None = None) -> list[Finding]:
    findings: list[Finding] = []
    policy = [r.value for r in ctx.rulebook.meta.signature_policy.min_level]
    for match in ctx.matches.values():
        requirement = match.requirement
        if requirement.kind.value not in SIGNED_KINDS or [r.value for r in requirement.signers] == ["other"]:
            continue
        allowed = [r.value for r in requirement.signers] or policy
        for item in match.files:
            roles: list[str] = []
            for signer in item.signatures:
                if signer.verified is False:
                    findings.append(Finding("signature-invalid", Severity.ERROR,
                                            finding_text("signature-invalid", lang), item.rel, requirement.id))
                official = ctx.profile.official_by_iin(signer.iin) if signer.iin else None
                if official is None:
                    findings.append(Finding("signer-not-official", Severity.ERROR,
                                            finding_text("signer-not-official", lang, iin=signer.iin or "?"),
                                            item.rel, requirement.id))
                else:
                    roles.append(official.role.value)
            if item.signer_name:
                official = ctx.profile.official_by_name(item.signer_name)
                if official is None:
                    findings.append(Finding("unknown-signer", Severity.ERROR,
                                            finding_text("unknown-signer", lang, name=item.signer_name),
                                            item.rel, requirement.id))
                else:
                    roles.append(official.role.value)
            if item.signed_by:
                roles.append(item.signed_by)
            if not roles:
                if not item.signatures and not item.signer_name:
                    findings.append(Finding("unsigned", Severity.ERROR, finding_text("unsigned", lang),
                                            item.rel, requirement.id))
                continue
            if not any(role in allowed for role in roles):
                findings.append(Finding(
                    "signer-below-required-level", Severity.ERROR,
                    finding_text("signer-below-required-level", lang,
                                 role=", ".join(role_name(r, lang) for r in roles),
                                 allowed=", ".join(role_name(r, lang) for r in allowed)),
                    item.rel, requirement.id, {"roles": roles, "allowed": allowed}))
    return findings
