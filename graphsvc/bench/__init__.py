"""Benchmarks and the synthetic generator behind `graphsvc bench` and `graphsvc generate`.

Measured, never called by users: nothing in services/ or web/ imports this package.
"""
