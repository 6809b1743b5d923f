"""JSON Schemas of the rulebook files, generated from the Pydantic models.

The committed copies (``rulebook/schema/*.schema.json``) give editors
completion and checking through the ``yaml-language-server`` modeline at the
top of each rulebook file; a test fails when they are stale.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from uvb4.rulebook.model import Group, RulebookMeta

SCHEMA_FILES = {"group": "group.schema.json", "rulebook": "rulebook.schema.json"}


def rulebook_schema(kind: str = "group") -> dict[str, Any]:
    """The JSON Schema of a group file (``group``) or of ``rulebook.yaml`` (``rulebook``)."""
    models: dict[str, type[BaseModel]] = {"group": Group, "rulebook": RulebookMeta}
    model = models[kind]
    schema = model.model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://uvb4.invalid/schema/{SCHEMA_FILES[kind]}",
        **schema,
    }
