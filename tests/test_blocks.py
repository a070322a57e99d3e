"""HTML blocks set aside while Markdown runs, and put back after."""

from __future__ import annotations

from scripts.render.blocks import put_back, set_aside


def test_whole_line_blocks_after_a_blank_line_are_set_aside_and_put_back_in_order():
    markdown = "# Title\n\n<div>one</div>\n\nText with <b>inline</b> HTML.\n\n<table><tr><td>2</td></tr></table>\n"
    aside, blocks = set_aside(markdown)
    assert blocks == ["<div>one</div>", "<table><tr><td>2</td></tr></table>"]
    assert aside == "# Title\n\n<!--tracker-block-0-->\n\nText with <b>inline</b> HTML.\n\n<!--tracker-block-1-->\n"
    assert put_back("<h1>Title</h1>\n<!--tracker-block-0-->\n<p>x</p>\n<!--tracker-block-1-->", blocks) == (
        "<h1>Title</h1>\n<div>one</div>\n<p>x</p>\n<table><tr><td>2</td></tr></table>")


def test_a_line_inside_a_paragraph_or_not_closed_on_its_line_stays_for_markdown():
    markdown = "Some text\n<span>continued</span>\n\n<div>opened\nclosed</div>\n\n<div>\ncontent</div>\n"
    assert set_aside(markdown) == (markdown, [])
