"""Summary statistics of timing samples, kept free of Django so they are easy to test."""

import statistics

from intranet.numbers import percentile

__all__ = ["median", "percentile", "summarise"]


def median(values):
    if not values:
        raise ValueError("median of no samples")
    return statistics.median(values)


def summarise(samples_ms):
    """Median and p95 of a page's timings in milliseconds."""
    return {"median_ms": median(samples_ms), "p95_ms": percentile(samples_ms, 95), "n": len(samples_ms)}
