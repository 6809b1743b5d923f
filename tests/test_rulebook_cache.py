"""The validated rulebook is cached by content: never stale, never required."""

from __future__ import annotations

from pathlib import Path

import pytest

from uvb4.rulebook import load as rulebook_load


@pytest.fixture
def cache_home(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("UVB4_NO_CACHE", raising=False)
    return tmp_path / "cache" / "uvb4"


def test_second_load_comes_from_the_cache(cache_home, rulebook_copy, monkeypatch):
    first = rulebook_load.load_rulebook(rulebook_copy)
    assert len(list(cache_home.glob("rulebook-*.json"))) == 1
    monkeypatch.setattr(rulebook_load, "read_rulebook", lambda *a, **k: pytest.fail("parsed again"))
    assert rulebook_load.load_rulebook(rulebook_copy) == first


def test_an_edit_is_never_served_stale(cache_home, rulebook_copy):
    rulebook_load.load_rulebook(rulebook_copy)
    meta = rulebook_copy / "rulebook.yaml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("version: 1.1.0", "version: 1.1.1"), encoding="utf-8")
    assert rulebook_load.load_rulebook(rulebook_copy).meta.version == "1.1.1"
    assert len(list(cache_home.glob("rulebook-*.json"))) == 2


def test_an_invalid_rulebook_is_not_cached(cache_home, rulebook_copy):
    group = rulebook_copy / "group-1.yaml"
    group.write_text(group.read_text(encoding="utf-8").replace("kind: order", "kind: decree", 1), encoding="utf-8")
    with pytest.raises(rulebook_load.RulebookError):
        rulebook_load.load_rulebook(rulebook_copy)
    assert not cache_home.exists() or not list(cache_home.glob("*.json"))


def test_a_corrupt_cache_file_is_ignored(cache_home, rulebook_copy):
    rulebook_load.load_rulebook(rulebook_copy)
    for path in cache_home.glob("rulebook-*.json"):
        path.write_bytes(b"not json")
    assert rulebook_load.load_rulebook(rulebook_copy).meta.id == "ubb4"


def test_no_cache_when_turned_off(cache_home, rulebook_copy, monkeypatch):
    monkeypatch.setenv("UVB4_NO_CACHE", "1")
    rulebook_load.load_rulebook(rulebook_copy)
    assert not cache_home.exists()


# --------------------------------------------------------------------------
# Hardening (issue 9, point 6): the cache is data that cannot run code, and only the
# current user's own, well-formed entry for the exact key counts.


def _entry(cache_home: Path) -> Path:
    (entry,) = cache_home.glob("rulebook-*.json")
    return entry


def test_a_pickle_at_the_old_path_is_never_loaded(cache_home, rulebook_copy, tmp_path):
    import pickle

    key = rulebook_load._cache_key(rulebook_copy)
    marker = tmp_path / "pwned"

    class Payload:
        def __reduce__(self):
            return (open, (str(marker), "w"))

    cache_home.mkdir(parents=True)
    (cache_home / f"rulebook-{key}.pickle").write_bytes(pickle.dumps(Payload()))
    assert rulebook_load.load_rulebook(rulebook_copy).meta.id == "ubb4"
    assert not marker.exists()


def test_the_entry_is_private_json_holding_its_key(cache_home, rulebook_copy):
    import json
    import stat

    rulebook_load.load_rulebook(rulebook_copy)
    entry = _entry(cache_home)
    data = json.loads(entry.read_text(encoding="utf-8"))
    assert data["format"] == 1 and data["key"] == rulebook_load._cache_key(rulebook_copy)
    assert data["data"]["meta"]["id"] == "ubb4"
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600
    assert not stat.S_IMODE(cache_home.stat().st_mode) & 0o022


def _served_from_cache(rulebook_copy, monkeypatch) -> bool:
    calls = []
    real = rulebook_load.read_rulebook
    monkeypatch.setattr(rulebook_load, "read_rulebook", lambda *a, **k: calls.append(1) or real(*a, **k))
    rulebook_load.load_rulebook(rulebook_copy)
    monkeypatch.setattr(rulebook_load, "read_rulebook", real)
    return not calls


@pytest.mark.parametrize(
    "tamper",
    [
        "group-writable",
        "world-writable",
        "other-key",
        "edited-content",
        "wrong-format",
        "symlink",
        "folder-shared",
    ],
)
def test_a_tampered_entry_is_ignored(cache_home, rulebook_copy, monkeypatch, tmp_path, tamper):
    import json
    import os

    rulebook_load.load_rulebook(rulebook_copy)
    assert _served_from_cache(rulebook_copy, monkeypatch)
    entry = _entry(cache_home)
    data = json.loads(entry.read_text(encoding="utf-8"))
    if tamper == "group-writable":
        entry.chmod(0o620)
    elif tamper == "world-writable":
        entry.chmod(0o602)
    elif tamper == "other-key":
        data["key"] = "0" * 64
        entry.write_text(json.dumps(data), encoding="utf-8")
    elif tamper == "edited-content":
        data["data"]["meta"]["id"] = 42  # fails the model's validation
        entry.write_text(json.dumps(data), encoding="utf-8")
    elif tamper == "wrong-format":
        data["format"] = 0
        entry.write_text(json.dumps(data), encoding="utf-8")
    elif tamper == "symlink":
        elsewhere = tmp_path / "elsewhere.json"
        elsewhere.write_text(entry.read_text(encoding="utf-8"), encoding="utf-8")
        elsewhere.chmod(0o600)
        entry.unlink()
        os.symlink(elsewhere, entry)
    elif tamper == "folder-shared":
        cache_home.chmod(0o777)
    assert not _served_from_cache(rulebook_copy, monkeypatch)
    assert rulebook_load.load_rulebook(rulebook_copy).meta.id == "ubb4"


def test_validate_lint_and_diff_use_the_cache(cache_home, rulebook_copy, monkeypatch):
    from uvb4.rulebook import lint

    rulebook_load.load_rulebook(rulebook_copy)
    monkeypatch.setattr(rulebook_load, "_validate", lambda *a, **k: pytest.fail("parsed again"))
    result = rulebook_load.read_rulebook(rulebook_copy)
    assert result.rulebook is not None and not result.problems
    assert result.files.groups == [rulebook_copy / name for name in result.rulebook.meta.groups]
    assert result.files.source_lines
    assert lint.lint_folder(rulebook_copy).loaded


def test_validate_caches_a_rulebook_that_validates(cache_home, rulebook_copy):
    assert not rulebook_load.read_rulebook(rulebook_copy).problems
    assert len(list(cache_home.glob("rulebook-*.json"))) == 1
    rulebook_load.read_rulebook(rulebook_copy, cross_check=False)  # not validated whole: nothing new
    assert len(list(cache_home.glob("rulebook-*.json"))) == 1
