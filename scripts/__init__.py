"""The tracker's pipeline: load → validate → (extract) → render → build.

Run it as ``python -m scripts <command>``; see ``python -m scripts --help``.
"""
