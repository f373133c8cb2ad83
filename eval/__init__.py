"""Evaluation: gold questions, metrics, baselines and benchmarks (issues 6 and 7)."""
