"""Benchmarks: programs run by `make bench` (python -m tests.benchmarks), not pytest tests."""
