"""Summary statistics of timing samples, kept free of Django so they are easy to test."""

import statistics


def median(values):
    if not values:
        raise ValueError("median of no samples")
    return statistics.median(values)


def percentile(values, p):
    """The p-th percentile (0-100) with linear interpolation between closest ranks.

    The same definition as numpy's default ("linear"): rank = p/100 * (n - 1) in the sorted samples.
    """
    if not values:
        raise ValueError("percentile of no samples")
    if not 0 <= p <= 100:
        raise ValueError("p must lie between 0 and 100")
    ordered = sorted(values)
    rank = p / 100 * (len(ordered) - 1)
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def summarise(samples_ms):
    """Median and p95 of a page's timings in milliseconds."""
    return {"median_ms": median(samples_ms), "p95_ms": percentile(samples_ms, 95), "n": len(samples_ms)}
