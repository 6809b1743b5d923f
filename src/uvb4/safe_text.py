"""Text from an organisation's folder, made safe to show on a terminal or in Markdown/HTML.

File names, ``org.yaml``'s name, officials, e-signature subjects and figures'
input names are data, not formatting.  On a terminal an ESC sequence in a name
could retitle the window, clear the screen, hide findings or (OSC 52) write the
clipboard; in Markdown a newline, backtick or ``<script>`` could start a list
item, end a code span or become HTML.  So, for every human-readable output:

- :func:`visible`: C0 and C1 control characters (newline and tab included),
  DEL, bidirectional overrides and lone surrogates (bytes of a name that were
  not UTF-8) are written as ``\\xNN`` / ``\\uNNNN`` — visible, unambiguous,
  never interpreted;
- :func:`markdown`: additionally ``<``, ``>`` (and ``&`` starting an entity) as HTML entities and ``|``,
  `` ` ``, ``[``, ``]`` backslash-escaped, for table cells and list items;
- :func:`code_span`: a Markdown code span that a backtick in the text cannot close.

JSON output keeps names exactly (JSON escapes control characters itself).
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: Any) -> str:
    text = str(text)
    return _UNSAFE.sub(_escape, text) if _UNSAFE.search(text) else text


_MD = str.maketrans({"<": "&lt;", ">": "&gt;", "|": "\\|", "`": "\\`", "[": "\\[", "]": "\\]"})
_ENTITY = re.compile(r"&(?=#?\w+;)")  # only an "&" that would start an entity needs escaping


def markdown(text: Any) -> str:
    return _ENTITY.sub("&amp;", visible(text)).translate(_MD)


def code_span(text: Any) -> str:
    text = visible(text)
    longest = max((len(run) for run in re.findall("`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if longest else ""
    return f"{fence}{pad}{text}{pad}{fence}"


# --------------------------------------------------------------------------
# Results, made safe for the human formats (table, Markdown, reports)


def _finding(finding: Any) -> Any:
    changes = {}
    for name in ("message", "path", "where"):
        value = getattr(finding, name, None)
        if isinstance(value, str) and _UNSAFE.search(value):
            changes[name] = visible(value)
    return dataclasses.replace(finding, **changes) if changes else finding


def _evidence(item: dict[str, Any]) -> dict[str, Any]:
    return {k: visible(v) if isinstance(v, str) and _UNSAFE.search(v) else v for k, v in item.items()}


def clean_result(result: Any) -> Any:
    """A copy of a :class:`~uvb4.checks.model.CheckResult` whose texts from the folder are :func:`visible`."""
    profile = result.profile
    if _UNSAFE.search(profile.name) or any(_UNSAFE.search(o.name) for o in profile.officials):
        profile = profile.model_copy(
            update={
                "name": visible(profile.name),
                "officials": tuple(o.model_copy(update={"name": visible(o.name)}) for o in profile.officials),
            }
        )
    tasks = [
        dataclasses.replace(
            task, findings=[_finding(f) for f in task.findings], evidence=[_evidence(e) for e in task.evidence]
        )
        for task in result.tasks
    ]
    return dataclasses.replace(
        result,
        profile=profile,
        tasks=tasks,
        findings=[_finding(f) for f in result.findings],
        folder=visible(result.folder),
    )


def clean_kpis(table: Any) -> Any:
    """A copy of a :class:`~uvb4.kpi.KpiTable` whose findings and input names are :func:`visible`."""
    rows = []
    for row in table.kpis:
        changes: dict[str, Any] = {"findings": [_finding(f) for f in row.findings]}
        if any(_UNSAFE.search(str(k)) for k in row.inputs):
            changes["inputs"] = {visible(k): v for k, v in row.inputs.items()}
        rows.append(dataclasses.replace(row, **changes))
    return dataclasses.replace(table, kpis=rows, findings=[_finding(f) for f in table.findings])
