"""The control files inside an organisation folder: ``_meta.yaml`` and ``_register.*``.

They say what a file name cannot (kind, date, signer, upload date, links, a
"no facts" declaration) and list recurring events.  A malformed control file
is an input error (exit 2) placed at ``path:line:col``; see
``docs/evidence-folder.md`` for the contract.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationInfo, field_validator

from uvb4.messages import t
from uvb4.rulebook.model import EvidenceKind, SignerRole

META_NAMES = ("_meta.yaml", "_meta.yml")
REGISTER_NAMES = ("_register.csv", "_register.yaml", "_register.yml", "_register.xlsx")

Url = Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class FileMeta(_Model):
    kind: EvidenceKind | None = None
    date: dt.date | None = None
    signed_by: SignerRole | None = None
    signer: Annotated[str, StringConstraints(min_length=1)] | None = None
    submitted: dt.date | None = None
    requirement: Annotated[str, StringConstraints(min_length=1)] | None = None


class LinkMeta(_Model):
    url: Url
    title: str | None = None
    date: dt.date | None = None


class FolderMeta(_Model):
    signed_by: SignerRole | None = None
    files: dict[str, FileMeta] = {}
    links: tuple[LinkMeta, ...] = ()
    reason: Annotated[str, StringConstraints(min_length=1)] | None = None
    no_facts: bool = False  # after ``reason``: its check sees the reason and is placed at this key

    @field_validator("no_facts")
    @classmethod
    def _reason_with_no_facts(cls, value: bool, info: ValidationInfo) -> bool:
        reason = info.data.get("reason")
        if value and not (reason and reason.strip()):
            raise ValueError(t("bad-value.no-facts-reason"))
        return value


class Event(_Model):
    """One row of a register: an event held."""

    date: dt.date
    title: Annotated[str, StringConstraints(min_length=1)]
    participants: Annotated[int, Field(ge=0)] | None = None
    link: Url | None = None


@dataclass(frozen=True)
class RegisterRow:
    event: Event
    path: str
    line: int


def parse_date(value: Any) -> Any:
    """Accept ISO dates and the dd.mm.yyyy / dd.mm.yy forms officers type in Excel."""
    if isinstance(value, str):
        text = value.strip()
        for fmt in ("%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y", "%d/%m/%Y"):
            try:
                return dt.datetime.strptime(text, fmt).date()
            except ValueError:
                continue
    return value
