"""Two bench runs side by side: the Redis key prefix (and optionally database) follow the arguments."""

import pytest

from bench.cli import bench_environment, parse_args, redis_url
from bench.database import BenchDatabase


def test_the_redis_prefix_defaults_from_the_database_name():
    assert parse_args(["--db-name", "plein_bench_perf"]).redis_prefix == "bench-plein_bench_perf"
    assert parse_args(["--db-name", "a", "--redis-prefix", "mijn"]).redis_prefix == "mijn"
    assert parse_args([]).redis_prefix != parse_args(["--db-name", "plein_bench_other"]).redis_prefix


def test_the_redis_database_replaces_redis_urls_own():
    assert redis_url("redis://127.0.0.1:6379/0", 7) == "redis://127.0.0.1:6379/7"
    assert redis_url("redis://127.0.0.1:6379/0", None) == "redis://127.0.0.1:6379/0"
    assert redis_url("", 7) == ""  # no Redis: a local-memory cache, nothing to move


def test_the_environment_carries_both(monkeypatch):
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/0")
    args = parse_args(["--db-name", "plein_bench_x", "--redis-db", "5"])
    env = bench_environment(BenchDatabase("postgresql", "postgres://h/plein_bench_x", "plein_bench_x"), args)
    assert env["CACHE_KEY_PREFIX"] == "bench-plein_bench_x"
    assert env["REDIS_URL"] == "redis://127.0.0.1:6379/5"


def test_a_redis_database_out_of_range_is_refused():
    with pytest.raises(SystemExit):
        parse_args(["--redis-db", "16"])
