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
    assert len(list(cache_home.glob("rulebook-*.pickle"))) == 1
    monkeypatch.setattr(rulebook_load, "read_rulebook", lambda *a, **k: pytest.fail("parsed again"))
    assert rulebook_load.load_rulebook(rulebook_copy) == first


def test_an_edit_is_never_served_stale(cache_home, rulebook_copy):
    rulebook_load.load_rulebook(rulebook_copy)
    meta = rulebook_copy / "rulebook.yaml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("version: 1.1.0", "version: 1.1.1"), encoding="utf-8")
    assert rulebook_load.load_rulebook(rulebook_copy).meta.version == "1.1.1"
    assert len(list(cache_home.glob("rulebook-*.pickle"))) == 2


def test_an_invalid_rulebook_is_not_cached(cache_home, rulebook_copy):
    group = rulebook_copy / "group-1.yaml"
    group.write_text(group.read_text(encoding="utf-8").replace("kind: order", "kind: decree", 1), encoding="utf-8")
    with pytest.raises(rulebook_load.RulebookError):
        rulebook_load.load_rulebook(rulebook_copy)
    assert not cache_home.exists() or not list(cache_home.glob("*.pickle"))


def test_a_corrupt_cache_file_is_ignored(cache_home, rulebook_copy):
    rulebook_load.load_rulebook(rulebook_copy)
    for path in cache_home.glob("rulebook-*.pickle"):
        path.write_bytes(b"not a pickle")
    assert rulebook_load.load_rulebook(rulebook_copy).meta.id == "ubb4"


def test_no_cache_when_turned_off(cache_home, rulebook_copy, monkeypatch):
    monkeypatch.setenv("UVB4_NO_CACHE", "1")
    rulebook_load.load_rulebook(rulebook_copy)
    assert not cache_home.exists()
