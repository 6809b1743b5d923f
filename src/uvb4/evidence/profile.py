"""``org.yaml``: who the organisation is, which tasks apply, whose signatures count."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from uvb4.messages import t
from uvb4.rulebook.model import Executor, SignerRole

_W1 = tuple(range(1, 12))
_W2 = (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)


def bin_is_valid(number: str) -> bool:
    """The BIN/IIN check digit: weights 1..11 mod 11; if 10, weights 3..11,1,2; if still 10, invalid."""
    if len(number) != 12 or not number.isdigit():
        return False
    digits = [int(c) for c in number]
    check = sum(w * d for w, d in zip(_W1, digits)) % 11
    if check == 10:
        check = sum(w * d for w, d in zip(_W2, digits)) % 11
        if check == 10:
            return False
    return check == digits[11]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


def _check_number(value: str, what: str) -> str:
    if len(value) != 12 or not value.isdigit():
        raise ValueError(t("bad-value.number-length", what=what, value=value))
    if not bin_is_valid(value):
        raise ValueError(t("bad-value.check-digit", what=what, value=value))
    return value


class Official(_Model):
    """A person whose signature counts, with the role that sets its level."""

    name: Annotated[str, StringConstraints(min_length=1)]
    role: SignerRole
    iin: str | None = None
    # The compliance officer who prepares the gap report (its cover and signature block).
    prepares_report: bool = False

    @field_validator("iin", mode="before")
    @classmethod
    def _iin(cls, value: object) -> object:
        return None if value is None else _check_number(str(value), t("number.iin"))


class Unit(_Model):
    name: Annotated[str, StringConstraints(min_length=1)]


class OrgProfile(_Model):
    name: Annotated[str, StringConstraints(min_length=1)]
    bin: str
    type: Executor
    year: Annotated[int, Field(ge=2000, le=2100)]
    units: tuple[Annotated[str, StringConstraints(min_length=1)], ...] = ()
    officials: tuple[Official, ...] = ()

    @field_validator("bin", mode="before")
    @classmethod
    def _bin(cls, value: object) -> object:
        if isinstance(value, int):
            raise ValueError(t("bad-value.bin-not-quoted"))
        return _check_number(str(value), t("number.bin"))

    def official_by_name(self, name: str) -> Official | None:
        wanted = " ".join(name.casefold().split())
        for official in self.officials:
            if " ".join(official.name.casefold().split()) == wanted:
                return official
        return None

    def official_by_iin(self, iin: str) -> Official | None:
        return next((o for o in self.officials if o.iin == iin), None)
