"""The registry of finding codes: each code's one severity, message key and meaning.

Every :class:`~uvb4.checks.model.Finding` that ``uvb4 check`` produces is made
by :func:`make` from this table, so a code cannot carry two severities.  The
table in ``docs/check-output.md`` ("Finding codes") is generated from it
(:func:`markdown_table`) and a test keeps the two equal.

``strict``: the severity under ``uvb4 check --strict`` (or ``strict: true`` in
``org.yaml``) when it differs — only the "signer to confirm" warnings, which
become gaps for the final check before submission.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from uvb4.checks.model import Finding, Severity

TASK, FOLDER = "task", "folder"


@dataclass(frozen=True)
class CodeInfo:
    code: str
    severity: Severity
    level: str  # task | folder
    meaning: str  # English, for docs/check-output.md
    message: str | None = None  # key in uvb4.messages.FINDINGS (default: the code)
    strict: Severity | None = None

    @property
    def message_key(self) -> str:
        return self.message or self.code


E, L, W, INFO = Severity.ERROR, Severity.LATE, Severity.WARNING, Severity.INFO

_CODES = (
    CodeInfo(
        "missing-evidence",
        E,
        TASK,
        "a requirement has no document or link (and is neither optional nor carried by another requirement's document)",
    ),
    CodeInfo("too-few-documents", E, TASK, "fewer documents than the requirement's minimum"),
    CodeInfo(
        "wrong-kind",
        W,
        TASK,
        "a file read as a kind the task does not need; the message names the "
        "kinds it needs and suggests a rename or a `kind:` line in `_meta.yaml`",
    ),
    CodeInfo("unrecognised-file", W, TASK, "a file whose kind its name does not tell"),
    CodeInfo(
        "unknown-requirement",
        W,
        TASK,
        "`_meta.yaml` names a `requirement:` the task does not have; the file is matched by its kind instead",
    ),
    CodeInfo(
        "signer-unconfirmed",
        W,
        TASK,
        "who signed a document is not known (no e-signature, no "
        "`signed_by`/`signer` in `_meta.yaml`, no official named in its signature area): a signer to "
        "confirm",
        strict=E,
    ),
    CodeInfo(
        "signer-inferred",
        W,
        TASK,
        "the signer was inferred from the document's text (an official of "
        "`org.yaml` named in its signature area), never verified: a signer to confirm",
        strict=E,
    ),
    CodeInfo(
        "signer-below-required-level",
        E,
        TASK,
        "signed (known from an e-signature, `_meta.yaml` or "
        "the text: then `data.source` is `text`) below the level the guideline requires",
    ),
    CodeInfo("signer-not-official", E, TASK, "an e-signature by someone not in `org.yaml`'s officials"),
    CodeInfo("unknown-signer", E, TASK, "a `signer` name in `_meta.yaml` not in `org.yaml`'s officials"),
    CodeInfo("signature-invalid", E, TASK, "an RSA e-signature that does not match the document"),
    CodeInfo("late-evidence", L, TASK, "submitted after its deadline (1.2: 10 working days; 4.1.6: 3 days)"),
    CodeInfo("undated-evidence", W, TASK, "the date a deadline counts from is unknown"),
    CodeInfo("too-few-events", E, TASK, "a month or quarter with fewer events than the rhythm sets"),
    CodeInfo("event-outside-year", W, TASK, "a register row outside the reporting year (not counted)"),
    CodeInfo("too-few-items", E, TASK, "fewer items than the guideline demands (20 videos…)"),
    CodeInfo("exempt-no-facts", INFO, TASK, "exempt: no facts, with the declared reason"),
    CodeInfo("exemption-not-allowed", E, TASK, "`no_facts` declared where the guideline grants no exemption"),
    CodeInfo("evidence-despite-no-facts", W, TASK, "`no_facts` declared, yet files are present"),
    CodeInfo("empty-file", W, TASK, "an empty file (0 bytes): it cannot count as evidence"),
    CodeInfo("unreadable-file", W, TASK, "a file that cannot be read: it cannot count as evidence"),
    CodeInfo("content-mismatch", W, TASK, "the first bytes are not of the type the extension promises"),
    CodeInfo(
        "outside-year",
        W,
        TASK,
        "a document dated outside the reporting year, where the requirement "
        "does not take earlier documents (not counted)",
    ),
    CodeInfo(
        "unassigned-file",
        W,
        FOLDER,
        "a file outside any task or project folder, or in the folder of a project whose tasks do not share evidence",
    ),
    CodeInfo("unknown-folder", W, FOLDER, "a folder named by an id the rulebook does not have"),
    CodeInfo(
        "not-applicable-evidence",
        INFO,
        FOLDER,
        "files (or only a `_meta.yaml`) for a task that does not apply to the organisation",
    ),
    CodeInfo(
        "org-type-implied",
        INFO,
        FOLDER,
        "`org.yaml`'s `type` implies another type, read in too (`education-ministry` is also a `central-state-body`)",
    ),
    CodeInfo(
        "meta-not-used",
        W,
        FOLDER,
        "a `_meta.yaml` (its `no_facts`, `signed_by`, links) in the folder of "
        "a project whose tasks do not share evidence: no task reads it; the hint names the task folders",
    ),
    CodeInfo("bad-signature", W, FOLDER, "an e-signature file that cannot be read"),
    CodeInfo("signature-without-document", W, FOLDER, "an e-signature file with no document beside it"),
    # What the scan did not use (docs/robustness.md): each names its path, nothing is skipped silently.
    CodeInfo("skipped-symlink", W, FOLDER, "a symbolic link: uvb4 does not follow it, so its target is not used"),
    CodeInfo("skipped-special", W, FOLDER, "not a regular file (a FIFO, socket or device): not used"),
    CodeInfo("unreadable-folder", W, FOLDER, "a folder that cannot be read: the documents in it were not used"),
    CodeInfo("skipped-too-deep", W, FOLDER, "a folder nested deeper than the limit: not used"),
    CodeInfo("skipped-bad-name", W, FOLDER, "an archive member whose name points outside the folder (`..`): not used"),
    CodeInfo(
        "bad-name",
        W,
        FOLDER,
        "a name that is not UTF-8 (e.g. unpacked from a Windows archive); shown with the bad bytes as `\\xNN`",
    ),
    CodeInfo("duplicate-org-file", W, FOLDER, "a second `org.yaml` (in a ZIP): only the first was read"),
    CodeInfo("duplicate-member", W, FOLDER, "two archive members with the same name: only the first was used"),
    CodeInfo("skipped-encrypted", W, FOLDER, "an encrypted archive member: its content is not checked"),
)

REGISTRY: dict[str, CodeInfo] = {info.code: info for info in _CODES}
ALL_CODES: tuple[str, ...] = tuple(sorted(REGISTRY))
# Codes counted as "signers to confirm" in the summaries.
TO_CONFIRM = ("signer-unconfirmed", "signer-inferred")


def make(
    code: str,
    lang: str | None = None,
    *,
    path: str | None = None,
    requirement: str | None = None,
    data: dict[str, Any] | None = None,
    strict: bool = False,
    message: str | None = None,
    **values: object,
) -> Finding:
    """A finding of ``code`` with the registry's severity and message, filled from ``values``."""
    from uvb4.checks.texts import text as finding_text  # memoised: one format per distinct message

    info = REGISTRY[code]
    severity = info.strict if strict and info.strict is not None else info.severity
    text = finding_text(message or info.message_key, lang, **values)
    return Finding(code, severity, text, path, requirement, data or {})


def markdown_table() -> str:
    """The "Finding codes" table of ``docs/check-output.md``."""
    lines = ["| code | level | severity | meaning |", "|---|---|---|---|"]
    for info in _CODES:
        severity = info.severity.value + (f" ({info.strict.value} with `--strict`)" if info.strict else "")
        lines.append(f"| `{info.code}` | {info.level} | {severity} | {info.meaning} |")
    return "\n".join(lines) + "\n"
