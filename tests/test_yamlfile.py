"""The strict YAML reader: YAML's traps become problems with lines, never surprises."""

import pytest

from scripts.yamlfile import decode_text, parse_yaml


def codes(text: str) -> list[tuple[str, int]]:
    _, problems = parse_yaml(text, "f.yaml")
    return [(p.code, p.line) for p in problems]


@pytest.mark.parametrize("plain, expected", [
    ("no", "no"), ("yes", "yes"), ("on", "on"), ("off", "off"),      # YAML 1.1 booleans stay text
    ("2025-11-31", "2025-11-31"),                                     # dates stay text, checked later
    ("1_000", "1_000"), ("0x1F", "0x1F"), (".inf", ".inf"), (".nan", ".nan"),
    ("true", True), ("false", False), ("null", None), ("~", None),
    ("14", 14), ("-3", -3), ("1.5", 1.5), ("1e3", 1000.0), ("'14'", "14"), ("!!str 14", "14"),
])
def test_scalars_follow_the_yaml_1_2_core_schema(plain, expected):
    doc, problems = parse_yaml(f"a: {plain}\n", "f.yaml")
    assert problems == []
    assert doc.data["a"] == expected
    assert type(doc.data["a"]) is type(expected)


def test_duplicate_key_is_reported_with_both_lines():
    _, problems = parse_yaml("a: 1\nb: 2\na: 3\n", "f.yaml")
    assert [(p.code, p.line) for p in problems] == [("duplicate-key", 3)]
    assert "first on line 1" in problems[0].message


def test_aliases_anchors_and_merge_keys_are_refused():
    assert codes("a: &x 1\nb: *x\n") == [("yaml-alias", 1)]
    assert codes("base: {a: 1}\nc:\n  <<: {b: 2}\n") == [("yaml-alias", 3)]


def test_an_alias_bomb_is_refused_before_it_expands():
    bomb = "a: &a [x, x]\n" + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}]\n"
                                       for i in range(20))
    assert codes(bomb) == [("yaml-alias", 1)]


def test_tabs_give_a_syntax_problem_that_says_to_use_spaces():
    _, problems = parse_yaml("a:\n\tb: 1\n", "f.yaml")
    assert problems[0].code == "yaml-syntax" and problems[0].line == 2
    assert "spaces" in problems[0].fix


def test_lines_of_nested_values_are_kept():
    doc, _ = parse_yaml("items:\n  - id: a\n    value: 1\n  - id: b\n    value: 2\n", "f.yaml")
    assert doc.line_of(("items", 1, "value")) == 5
    assert doc.line_of(("items", 1, "missing")) == 4


def test_front_matter_lines_are_shifted_by_the_offset():
    _, problems = parse_yaml("a: 1\na: 2\n", "s.md", line_offset=1)
    assert problems[0].line == 3


@pytest.mark.parametrize("raw, code, line", [
    (b"\xef\xbb\xbfa: 1\n", "byte-order-mark", 1),
    (b"a: 1\nb: caf\xe9\n", "not-utf8", 2),
    (b"a: 1\x00\n", "not-utf8", 1),
    (b"x" * 50, "file-too-large", 1),
])
def test_bytes_that_are_not_clean_utf8_text_are_refused(raw, code, line):
    text, problems = decode_text(raw, "f.yaml", limit=40)
    assert text is None
    assert [(p.code, p.line) for p in problems] == [(code, line)]
