"""Render stage: pure functions from records to Markdown, HTML fragments and chart specs."""
