"""Segmentation (jieba/rjieba), the Analysis the stages share, the text view places and
organizations search, and the spaCy adapter for users' own pipelines."""
