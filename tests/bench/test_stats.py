import pytest

from bench.stats import median, percentile, summarise


def test_median_of_odd_and_even_counts():
    assert median([5.0, 1.0, 3.0]) == 3.0
    assert median([4.0, 1.0, 3.0, 2.0]) == 2.5


def test_p95_interpolates_between_closest_ranks():
    samples = [float(n) for n in range(1, 31)]  # 1..30, shuffled order must not matter
    samples.reverse()
    # rank = 0.95 * 29 = 27.55 -> between the 28th (28.0) and 29th (29.0) value
    assert percentile(samples, 95) == pytest.approx(28.55)
    assert percentile(samples, 0) == 1.0
    assert percentile(samples, 100) == 30.0
    assert percentile(samples, 50) == median(samples)


def test_single_sample():
    assert summarise([12.5]) == {"median_ms": 12.5, "p95_ms": 12.5, "n": 1}


def test_outlier_moves_p95_not_median():
    samples = [10.0] * 19 + [200.0]
    summary = summarise(samples)
    assert summary["median_ms"] == 10.0
    assert summary["p95_ms"] == pytest.approx(10.0 + 0.05 * 190.0)
    assert summary["n"] == 20


@pytest.mark.parametrize("bad", [[], None])
def test_no_samples_is_an_error(bad):
    with pytest.raises((ValueError, TypeError)):
        percentile(bad, 95)


def test_percentile_out_of_range():
    with pytest.raises(ValueError):
        percentile([1.0], 101)
