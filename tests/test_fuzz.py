"""Property-based: random and mutated YAML fed to the reader and the validator never raises an
uncaught exception and never hangs; every problem it reports has a declared code and a line."""

from __future__ import annotations

import shutil

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scripts.problems import CODES
from scripts.validate import validate_project
from scripts.yamlfile import decode_text, parse_yaml
from tests.conftest import MINI, make_project

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
