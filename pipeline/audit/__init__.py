"""Audit tools over a run's output folder: an HTML report, a diff of two runs, and scores
against hand-made gold (the same matching rules as ../shared/eval/score.py)."""
