"""``org.yaml``: who the organisation is, which tasks apply, whose signatures count."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, StringConstraints, field_validator, model_validator

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


# Types that imply others: the education ministry is a central state body too (its
# tasks 3.3.1-3.7.1 come on top of every central state body's).
IMPLIED_TYPES: dict[Executor, tuple[Executor, ...]] = {
    Executor.EDUCATION_MINISTRY: (Executor.CENTRAL_STATE_BODY,),
}


class OrgProfile(_Model):
    """``org.yaml``.

    ``type``: one type or a list of them (``[central-state-body,
    education-ministry]``); a task applies when any of them is among its
    executors.  A type that implies another (:data:`IMPLIED_TYPES`) brings it
    along, and ``notes`` say so.  ``strict: true`` makes every check of the
    folder strict (signers to confirm are gaps), like ``uvb4 check --strict``.
    """

    name: Annotated[str, StringConstraints(min_length=1)]
    bin: str
    type: tuple[Executor, ...]
    year: Annotated[int, Field(ge=2000, le=2100)]
    units: tuple[Annotated[str, StringConstraints(min_length=1)], ...] = ()
    officials: tuple[Official, ...] = ()
    strict: bool = False
    _notes: tuple[tuple[str, str], ...] = PrivateAttr(default=())

    @field_validator("type", mode="before")
    @classmethod
    def _one_or_more(cls, value: object) -> object:
        if isinstance(value, (list, tuple)):
            if not value:
                raise ValueError(t("bad-value.type-empty"))
            return tuple(value)
        return (value,)

    @model_validator(mode="after")
    def _implied(self) -> OrgProfile:
        types = list(dict.fromkeys(self.type))
        notes = []
        for kind in list(types):
            for implied in IMPLIED_TYPES.get(kind, ()):
                if implied not in types:
                    types.append(implied)
                    notes.append((kind.value, implied.value))
        if tuple(types) != self.type:
            object.__setattr__(self, "type", tuple(types))
        self._notes = tuple(notes)
        return self

    @property
    def implied_types(self) -> tuple[tuple[str, str], ...]:
        """(declared, implied) pairs: types read into ``type`` that ``org.yaml`` did not list."""
        return self._notes

    @property
    def types(self) -> tuple[Executor, ...]:
        return self.type

    def type_names(self) -> list[str]:
        return [kind.value for kind in self.type]

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
