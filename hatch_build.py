"""Hatch build hook: compile uvb4's gettext catalogues (``src/uvb4/locale``) into ``.mo`` files
inside the wheel, with Babel (a build-time dependency only; uvb4 reads the ``.mo`` with the
standard library's :mod:`gettext`).

For each domain (``uvb4``: messages; ``uvb4-cli``: the command line's help and Click's words):

- ``ru`` and ``en``: ``locale/<lang>/LC_MESSAGES/<domain>.po`` → ``uvb4/locale/<lang>/LC_MESSAGES/<domain>.mo``;
- ``kk``: the template ``locale/<domain>.pot`` (Kazakh is the source language) → a catalogue in
  which every text translates to itself, so the Kazakh texts are found by their keys (msgctxt).

Fuzzy and untranslated entries are left out, as ``msgfmt`` leaves them out; a catalogue with a
syntax error fails the build.  The ``.po``/``.pot`` files are not shipped in the wheel.
"""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

try:
    from hatchling.builders.hooks.plugin.interface import BuildHookInterface
except ImportError:  # the test suite imports compile_catalogues without hatchling installed
    BuildHookInterface = object  # type: ignore[misc,assignment]

LOCALE = Path("src") / "uvb4" / "locale"


def compile_catalogues(root: Path, out: Path) -> dict[str, str]:
    """Compile every catalogue under ``root/src/uvb4/locale`` into ``out``; returns
    ``{compiled file: its path inside the wheel}``."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    locale = root / LOCALE
    sources: list[tuple[str, str, Path]] = []
    for template in sorted(locale.glob("*.pot")):
        domain = template.stem
        sources.append(("kk", domain, template))
        sources += [(p.parent.parent.name, domain, p) for p in sorted(locale.glob(f"*/LC_MESSAGES/{domain}.po"))]
    built: dict[str, str] = {}
    for lang, domain, source in sources:
        with source.open("rb") as handle:
            catalog = read_po(handle, locale=lang, abort_invalid=True)
        if lang == "kk":
            for message in catalog:
                if message.id:
                    message.string = message.id
        target = out / lang / "LC_MESSAGES" / f"{domain}.mo"
        target.parent.mkdir(parents=True, exist_ok=True)
        buffer = io.BytesIO()
        write_mo(buffer, catalog, use_fuzzy=False)
        target.write_bytes(buffer.getvalue())
        built[str(target)] = f"uvb4/locale/{lang}/LC_MESSAGES/{domain}.mo"
    return built


class CustomBuildHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict) -> None:
        if self.target_name != "wheel":
            return
        self._out = tempfile.TemporaryDirectory(prefix="uvb4-mo-")
        build_data.setdefault("force_include", {}).update(compile_catalogues(Path(self.root), Path(self._out.name)))

    def finalize(self, version: str, build_data: dict, artifact_path: str) -> None:
        out = getattr(self, "_out", None)
        if out is not None:
            out.cleanup()
