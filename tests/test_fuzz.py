"""Property-based: random and mutated YAML fed to the reader and the validator never raises an
uncaught exception and never hangs; every problem it reports has a declared code and a line."""

from __future__ import annotations

import os
import re
import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scripts.problems import CODES
from scripts.validate import validate_project
from scripts.yamlfile import decode_text, parse_yaml
from tests.conftest import MINI, make_project

# Examples per fuzzed file kind; raise it (FUZZ_EXAMPLES=5000) for a long hunt.
FUZZ_EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "150"))
VALID = (MINI / "facts" / "strikes.yaml").read_text(encoding="utf-8")
FRAGMENTS = ["\t", ": ", "- ", "&a ", "*a", "<<: ", "!!python/object ", "'", '"', "[", "{", "}", "]", "\n",
             "  ", "yes", ".inf", "0x1F", "1_000", "2025-02-30", "~", "#", "---\n", "...\n", "%YAML 1.1\n",
             "\ufeff", "\x00", "?", "|", ">", "é", "—"]


@st.composite
def mutated_yaml(draw) -> str:
    text = VALID
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "duplicate"]))
        if action == "insert":
            text = text[:at] + draw(st.sampled_from(FRAGMENTS)) + text[at:]
        elif action == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 40)):]
        else:
            end = min(len(text), at + draw(st.integers(1, 80)))
            text = text[:end] + text[at:end] + text[end:]
    return text


@settings(max_examples=300, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=400), mutated_yaml()))
def test_the_reader_never_raises(text):
    doc, problems = parse_yaml(text, "f.yaml")
    assert doc is not None or problems
    assert all(p.code in CODES and p.line >= 1 for p in problems)


@settings(max_examples=300, deadline=2000)
@given(st.binary(max_size=300))
def test_any_bytes_are_decoded_or_refused(raw):
    text, problems = decode_text(raw, "f.yaml")
    assert (text is None) == bool(problems)


@settings(max_examples=60, deadline=5000, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(mutated_yaml())
def test_the_validator_never_raises_on_a_mutated_fact_file(tmp_path_factory, text):
    project = make_project(tmp_path_factory.mktemp("fuzz") / "p")
    (project.facts / "strikes.yaml").write_text(text, encoding="utf-8")
    _, problems = validate_project(project)
    assert all(p.code in CODES and p.line >= 1 and p.path for p in problems)
    shutil.rmtree(project.root)


# Every kind of file a stranger's pull request can hold, and its name: each input either
# validates or gives problems with a file and a line; never an exception, never a hang, never a
# path outside the project.
HOSTILE = ["1e999", "-1e999", "9" * 401, "[" * 1000 + "]" * 1000, '"abc\\n"', '"\\u00a0\\u00a0\\u00a0\\u00a0\\u00a0'
           '\\u00a0\\u00a0\\u00a0\\u00a0\\u00a0"', "0001-01-01", "9999-12-31", "https://example[].org/x", "-500",
           "2.5", "{value: 1e999}", "{value: -3, qualifier: exact}", "'at least 8'", "../../etc/passwd", "\u2028",
           "derived: summed", "corrections: [{date: 2025-10-02, old_value: 1e999, reason: x}]", "null", "{}", "[]"]
FIELDS = ["id", "metric", "value", "qualifier", "as_of", "as_of_precision", "source", "quote", "status", "scope",
          "date", "killed", "survivors", "vessels", "theater", "plausible_max", "unit", "kind", "cues", "url",
          "published", "title", "outlet", "excerpt", "old_value", "sources", "strike", "nouns"]
KINDS = {
    "metrics": "facts/metrics.yaml",
    "events": "facts/events.yaml",
    "observations": "facts/strikes.yaml",
    "seed": "seeds/2025-10-01-test-strike-report.md",
}


@st.composite
def hostile_text(draw, original: str) -> str:
    text = original
    for _ in range(draw(st.integers(1, 5))):
        at = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["field", "field", "fragment", "delete", "duplicate"]))
        if action == "field":  # a hostile value for one field the file has
            places = list(re.finditer(r"\b(?:%s): [^,}\n]*" % "|".join(FIELDS), text))
            if places:
                place = places[draw(st.integers(0, len(places) - 1))]
                key = place.group().split(":")[0]
                text = text[:place.start()] + f"{key}: {draw(st.sampled_from(HOSTILE))}" + text[place.end():]
        elif action == "fragment":
            text = text[:at] + draw(st.sampled_from(FRAGMENTS + HOSTILE)) + text[at:]
        elif action == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 40)):]
        else:
            end = min(len(text), at + draw(st.integers(1, 120)))
            text = text[:end] + text[at:end] + text[end:]
    return text


@pytest.fixture(scope="module")
def fuzz_project(tmp_path_factory):
    return make_project(tmp_path_factory.mktemp("fuzz-kinds") / "p")


def _assert_reported_in_the_project(project, problems):
    for p in problems:
        assert p.code in CODES and p.line >= 1 and p.col >= 1 and p.path, p
        assert not p.path.startswith(("/", "..")) and "\n" not in p.path, p


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_any_hostile_edit_of_any_file_kind_is_a_problem_with_a_line(fuzz_project, kind):
    path = fuzz_project.root / KINDS[kind]
    original = path.read_text(encoding="utf-8")

    @settings(max_examples=FUZZ_EXAMPLES, deadline=10_000, suppress_health_check=list(HealthCheck))
    @given(hostile_text(original))
    def run(text):
        path.write_text(text, encoding="utf-8")
        try:
            _, problems = validate_project(fuzz_project, base=None)
            _assert_reported_in_the_project(fuzz_project, problems)
        finally:
            path.write_text(original, encoding="utf-8")

    run()


NAMES = st.text(st.characters(blacklist_characters="/\x00", blacklist_categories=("Cs",)), min_size=1, max_size=60)


@settings(max_examples=FUZZ_EXAMPLES, deadline=10_000, suppress_health_check=list(HealthCheck))
@given(folder=st.sampled_from(["facts", "seeds"]), name=NAMES, suffix=st.sampled_from([".yaml", ".md", ""]))
def test_any_file_name_is_validated_or_reported(fuzz_project, folder, name, suffix):
    source = fuzz_project.root / ("facts/strikes.yaml" if folder == "facts" else KINDS["seed"])
    target = fuzz_project.root / folder / (name + suffix)
    if name in (".", "..") or target.exists():
        return
    try:
        target.write_bytes(source.read_bytes())
    except OSError:  # a name the file system refuses (too long in bytes, reserved): not a pull request
        return
    try:
        _, problems = validate_project(fuzz_project)
        _assert_reported_in_the_project(fuzz_project, problems)
    finally:
        target.unlink()
