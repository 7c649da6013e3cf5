"""Audit tools over a run's output folder: an HTML report (the run's raw texts with every record
at its offsets; nothing is repaired again), a diff of two runs, and scores
against hand-made gold (the same matching rules as ../shared/eval/score.py)."""
