"""Segmentation (jieba/rjieba) and the spaCy adapter for users' own pipelines."""
