"""Strike incidents through the editors' queue, as an editor uses it: extract writes them beside the
figures, review shows them, accept makes a new strike event or cites the recorded one (never a
duplicate, never a changed toll), reject remembers them, forged ones are refused."""

from __future__ import annotations

import pytest
import yaml

from scripts.cli import main
from scripts.extract.append import AppendRefused, inserted_citation
from scripts.extract.incidents import incident_id
from scripts.validate import validate_project
from tests.test_review_queue import NEW, fact_bytes, project, read, write_article  # noqa: F401 (a fixture)

# The mini project records a strike of 30 Sept 2025 in the Caribbean (6 killed), one of 15 Sept
# (3 killed) and one of 5 Oct in the Eastern Pacific.
NEW_STRIKE = "A U.S. strike on a boat in the eastern Pacific on Tuesday killed 2 people, officials said."
SAME_DAY = "A strike on Sept. 30 killed 6 people aboard a boat in the Caribbean, a local outlet reported."
OTHER_TOLL = "A strike on Oct. 1 killed 4 people aboard a boat in the Caribbean, a local outlet reported."


def extracted(project, capsys, *sentences: str) -> dict[str, dict]:
    """The article of ``sentences`` extracted; its incidents by sentence."""
    write_article(project, "\n\n".join(sentences))
    assert main(["extract", f"seeds/{NEW}.md"]) == 0
    capsys.readouterr()
    return {i["quote"]: i for i in incidents(project)}


def incidents(project) -> list[dict]:
    data = yaml.safe_load((project.drafts / f"{NEW}.yaml").read_text(encoding="utf-8"))
    return data.get("incidents") or []


def events(project, name: str = "events.yaml") -> list[dict]:
    return read(project.facts / name)["events"]


def valid(project) -> bool:
    _, problems = validate_project(project)
    return not [p for p in problems if p.severity == "error"]


def test_extract_writes_incidents_beside_the_figures_and_review_shows_them(project, capsys):
    found = extracted(project, capsys, NEW_STRIKE)
    incident = found[NEW_STRIKE]
    start = NEW_STRIKE.index("2 people")
    assert incident["id"] == incident_id(NEW, NEW_STRIKE, start, start + 1, 2)
    assert (incident["date"], incident["theater"], incident["killed"]) == (
        "2025-10-14", "Eastern Pacific", {"value": 2, "qualifier": "exact"})
    assert main(["review", NEW]) == 0
    out = capsys.readouterr().out
    line = next(line for line in out.splitlines() if line.strip().startswith(incident["id"]))
    assert "2025-10-14 (day)" in line and "Eastern Pacific" in line and "killed 2" in line
    assert NEW_STRIKE in out
    assert main(["review"]) == 0
    # the strike's toll is proposed once, as the strike, not again as a figure of the running total
    assert f"{NEW}: 0 placed, 0 not placed, 1 incident(s)" in capsys.readouterr().out


def test_a_new_incident_becomes_a_strike_event_of_its_year_that_validates(project, capsys):
    incident = extracted(project, capsys, NEW_STRIKE)[NEW_STRIKE]
    before = fact_bytes(project)
    assert main(["accept", incident["id"]]) == 0
    assert "added 'strike-2025-10-14-eastern-pacific' at facts/events-strikes-2025.yaml:" in capsys.readouterr().out
    [event] = events(project, "events-strikes-2025.yaml")
    assert event["id"] == "strike-2025-10-14-eastern-pacific" and event["date"] == "2025-10-14"
    assert event["title"] == "Strike in the Eastern Pacific kills two"
    assert event["summary"] == ("The US military struck a boat in the Eastern Pacific; two people were killed, "
                                "according to Test Wire.")
    assert event["sources"] == [{"source": NEW, "quote": NEW_STRIKE}]
    assert event["strike"] == {"theater": "Eastern Pacific", "killed": {"value": 2, "qualifier": "exact"}}
    assert (event["status"], event["date_precision"]) == ("verified", "day")
    assert fact_bytes(project) == {**before, "events-strikes-2025.yaml": fact_bytes(project)["events-strikes-2025.yaml"]}
    assert valid(project) and incidents(project) == []


def test_an_incident_of_a_recorded_day_and_theater_is_cited_on_that_event_never_duplicated(project, capsys):
    incident = extracted(project, capsys, SAME_DAY)[SAME_DAY]
    before_text = (project.facts / "events.yaml").read_text(encoding="utf-8")
    before = events(project)
    assert main(["accept", incident["id"]]) == 0
    assert "cited on the recorded event 'strike-2025-09-30'" in capsys.readouterr().out
    after = events(project)
    assert len(after) == len(before) and not (project.facts / "events-strikes-2025.yaml").exists()
    assert after[0]["sources"] == [*before[0]["sources"], {"source": NEW, "quote": SAME_DAY}]  # same toll: no reading
    assert after[0]["strike"] == before[0]["strike"] and after[1:] == before[1:]
    after_text = (project.facts / "events.yaml").read_text(encoding="utf-8")
    added = f"      - source: {NEW}\n        quote: {SAME_DAY}\n"
    assert after_text == before_text.replace("    strike:\n      theater: Caribbean\n      killed: {value: 6",
                                             added + "    strike:\n      theater: Caribbean\n      killed: {value: 6", 1)
    assert valid(project)


def test_a_different_toll_or_date_becomes_a_reading_of_the_citation_not_a_change_of_the_event(project, capsys):
    incident = extracted(project, capsys, OTHER_TOLL)[OTHER_TOLL]
    before = events(project)
    assert main(["accept", incident["id"]]) == 0
    after = events(project)
    assert after[0]["sources"][-1] == {"source": NEW, "quote": OTHER_TOLL, "date": "2025-10-01",
                                       "killed": {"value": 4}}
    assert after[0]["strike"] == before[0]["strike"] and after[0]["date"] == before[0]["date"]
    assert valid(project)


def test_accept_all_takes_the_incidents_and_two_incidents_of_one_strike_make_one_event(project, capsys):
    second = "The Pentagon said the strike on Tuesday in the eastern Pacific killed 3 people aboard a boat."
    extracted(project, capsys, NEW_STRIKE, second)
    assert len(incidents(project)) == 2
    assert main(["accept", "--all", NEW]) == 0
    out = capsys.readouterr().out
    assert "cited on the new event 'strike-2025-10-14-eastern-pacific'" in out
    [event] = events(project, "events-strikes-2025.yaml")
    assert [c["quote"] for c in event["sources"]] == [NEW_STRIKE, second]
    assert event["sources"][1]["killed"] == {"value": 3} and event["strike"]["killed"]["value"] == 2
    assert valid(project) and incidents(project) == []


def test_an_incident_without_a_date_needs_one_and_flags_correct_it(project, capsys):
    undated = "A strike killed 2 people aboard a boat in the eastern Pacific, officials said."
    incident = extracted(project, capsys, undated)[undated]
    assert incident["date"] is None
    before = fact_bytes(project)
    assert main(["accept", incident["id"]]) == 1
    assert "--date" in capsys.readouterr().err and fact_bytes(project) == before
    assert main(["accept", incident["id"], "--date", "2025-10-04", "--theater", "Caribbean"]) == 0
    [event] = events(project, "events-strikes-2025.yaml")
    assert (event["id"], event["strike"]["theater"]) == ("strike-2025-10-04-caribbean", "Caribbean")


def test_a_corrected_toll_the_sentence_does_not_state_is_refused_and_nothing_written(project, capsys):
    incident = extracted(project, capsys, NEW_STRIKE)[NEW_STRIKE]
    before = fact_bytes(project)
    assert main(["accept", incident["id"], "--killed", "5"]) == 1
    assert "event-figure-not-in-quote" in capsys.readouterr().err
    assert fact_bytes(project) == before and len(incidents(project)) == 1


def test_forged_incidents_are_refused(project, capsys):
    incident = extracted(project, capsys, NEW_STRIKE)[NEW_STRIKE]
    path = project.drafts / f"{NEW}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["incidents"][0]["killed"] = {"value": 20, "qualifier": "exact"}
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    before = fact_bytes(project)
    assert main(["accept", incident["id"]]) == 1
    assert "draft-mismatch" in capsys.readouterr().err and fact_bytes(project) == before
    quote = "A U.S. strike on a boat on Tuesday killed 20 people."       # not in the article
    start = quote.index("20")
    forged = dict(incident, id=incident_id(NEW, quote, start, start + 2, 20), quote=quote,
                  killed={"value": 20, "qualifier": "exact"})
    path.write_text(yaml.safe_dump({"source": NEW, "candidates": [], "incidents": [forged]}), encoding="utf-8")
    assert main(["accept", "--all", NEW]) == 1
    assert "is no longer in seeds/" in capsys.readouterr().err and fact_bytes(project) == before
    (project.drafts / "0000-forged.yaml").write_text(yaml.safe_dump({"source": NEW, "incidents": [incident],
                                                                       "candidates": []}), encoding="utf-8")
    assert main(["accept", incident["id"]]) == 1
    assert "draft-mismatch" in capsys.readouterr().err and fact_bytes(project) == before


def test_a_rejected_incident_is_remembered_and_never_proposed_again(project, capsys):
    incident = extracted(project, capsys, NEW_STRIKE)[NEW_STRIKE]
    assert main(["reject", incident["id"], "--reason", "a boarding, not a strike"]) == 0
    [rejected] = read(project.rejected_file)["rejected"]
    assert (rejected["candidate"], rejected["value"], rejected["quote"]) == (incident["id"], 2, NEW_STRIKE)
    assert main(["extract", f"seeds/{NEW}.md"]) == 0
    assert incidents(project) == [] and valid(project)


def test_an_incident_already_cited_is_not_proposed(project, capsys):
    extracted(project, capsys, SAME_DAY)
    assert main(["accept", "--all", NEW]) == 0
    assert main(["extract", f"seeds/{NEW}.md"]) == 0
    assert incidents(project) == []


EVENTS = """events:
  - id: a
    sources:
      - source: s
        quote: |
          First line.

    # the editor's comment stays where it is
    strike: {theater: Caribbean}
  - id: b
    sources: [{source: s, quote: q}]
"""


def test_a_citation_goes_after_the_last_one_and_a_flow_list_is_refused():
    new, first, last = inserted_citation(EVENTS, "a", {"source": "t", "quote": "Q."}, "events.yaml")
    assert new == EVENTS.replace("          First line.\n", "          First line.\n      - source: t\n"
                                 "        quote: Q.\n", 1)
    assert (first, last) == (7, 8)
    with pytest.raises(AppendRefused, match="not a block list"):
        inserted_citation(EVENTS, "b", {"source": "t", "quote": "Q."}, "events.yaml")


def test_a_second_sentence_of_a_cited_article_that_says_nothing_new_is_not_cited_again(project, capsys):
    seed = project.seeds / "2025-10-01-test-strike-report.md"
    other = "Officials gave no more details of the strike in the Caribbean."
    seed.write_text(seed.read_text(encoding="utf-8") + other + "\n", encoding="utf-8")
    events_file = project.facts / "events.yaml"  # strike-2025-09-30 now cites the article by that sentence
    events_file.write_text(events_file.read_text(encoding="utf-8").replace(
        "quote: The U.S. military killed 6 people on Tuesday in a strike on a boat, officials said.",
        f"quote: {other}", 1), encoding="utf-8")
    assert main(["extract", f"seeds/{seed.name}"]) == 0
    capsys.readouterr()
    data = yaml.safe_load((project.drafts / f"{seed.stem}.yaml").read_text(encoding="utf-8"))
    [incident] = data["incidents"]
    before = events_file.read_bytes()
    assert main(["accept", incident["id"]]) == 0
    assert "already cites this article" in capsys.readouterr().out
    assert events_file.read_bytes() == before
