"""The YAML cache (exercises/yamlfile.py): what a build parsed is read again from
the cache, and entries that no build has read for two weeks go."""

import os
import time

import exercises.yamlfile as yamlfile

MONTH_AGO = time.time() - 30 * 86400


def test_parses_are_reused_and_entries_of_old_versions_go(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setattr(yamlfile, "CACHE_DIR", cache)
    quiz, other = tmp_path / "quiz.yml", tmp_path / "other.yml"
    quiz.write_text("titel: Erste Fassung\n", encoding="utf-8")
    other.write_text("titel: Andere Datei\n", encoding="utf-8")
    first, problems = yamlfile.read_yaml(quiz)
    assert problems == [] and first.data["titel"] == "Erste Fassung"
    [entry] = cache.glob("*.pickle")

    os.utime(entry, (MONTH_AGO, MONTH_AGO))
    again, _ = yamlfile.read_yaml(quiz)  # from the cache, which marks the entry as in use
    assert again.data == first.data and again.data.lc.key("titel") == (0, 0)
    assert entry.stat().st_mtime > MONTH_AGO

    os.utime(entry, (MONTH_AGO, MONTH_AGO))  # the first version, unread for a month
    yamlfile.read_yaml(other)  # a new entry: the old one goes, this one stays
    quiz.write_text("titel: Zweite Fassung\n", encoding="utf-8")
    second, _ = yamlfile.read_yaml(quiz)
    assert second.data["titel"] == "Zweite Fassung"
    assert not entry.exists()
    assert len(list(cache.glob("*.pickle"))) == 2
