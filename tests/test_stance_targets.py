"""Topic targets: the shipped defaults and user-written targets files."""
from __future__ import annotations

import pytest

from data_prep.stance import TargetsFileError, load_targets


def topic_named(topics, name):
    return next(topic for topic in topics if topic.name == name)


def test_defaults_cover_common_news_topics():
    names = {topic.name for topic in load_targets()}
    assert {"sanctions", "military aid", "NATO", "elections", "ceasefire / peace talks"} <= names


def test_default_aliases_match_case_insensitively_on_word_boundaries():
    ceasefire = topic_named(load_targets(), "ceasefire / peace talks")
    text = "A Cease-Fire now, and PEACE TALKS later; ceasefires are not peacetime."
    assert [text[s:e] for s, e in ceasefire.spans_in(text)] == ["Cease-Fire", "PEACE TALKS"]


def test_targets_file_with_header_comments_and_aliases(tmp_path):
    path = tmp_path / "targets.csv"
    path.write_text("target,aliases\n# my topics\nRail strike,rail strike|walkout|train drivers\n\n"
                    "United Nations,U.N.|United Nations\n", encoding="utf-8")
    topics = load_targets(path)
    assert [t.name for t in topics] == ["Rail strike", "United Nations"]
    strike, united_nations = topics
    assert strike.spans_in("The WALKOUT by train drivers") == [(4, 11), (15, 28)]
    assert strike.spans_in("walkouts and strikes") == []
    assert united_nations.spans_in("the U.N. said") == [(4, 8)]


def test_target_name_alone_is_its_own_alias(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("NATO\n", encoding="utf-8")
    (nato,) = load_targets(path)
    assert nato.spans_in("Nato members") == [(0, 4)]


@pytest.mark.parametrize("content", ["", "target,aliases\n", "# only a comment\n"])
def test_empty_targets_file_is_a_clear_error(tmp_path, content):
    path = tmp_path / "t.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(TargetsFileError, match="no targets"):
        load_targets(path)


def test_missing_targets_file_is_a_clear_error(tmp_path):
    with pytest.raises(TargetsFileError, match="cannot read targets file"):
        load_targets(tmp_path / "absent.csv")
