"""Figures from the request log the locustfile writes: per page and, in fault mode, per second."""

import statistics
from collections import defaultdict

REFERENCE = "reference (/hulp/)"


def read_log(path):
    rows = []
    with open(path) as log:
        for line in log:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 4:
                rows.append(
                    (float(parts[0]), parts[1], float(parts[2]), parts[3] == "1", parts[4] if len(parts) > 4 else "")
                )
    return rows


def warmup_seconds(rows, started, warmup, seconds):
    """The seconds the page table leaves out: at least `warmup`, and on a busy machine, where the
    logins (PBKDF2) outlast it, until the last login ended; at least 10 s are always left."""
    last_login = max((row[0] for row in rows if row[1] == "login"), default=started)
    return max(warmup, min(int(last_login - started) + 1, seconds - 10))


def percentile(values, fraction):
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def per_page(rows, seconds):
    pages = defaultdict(list)
    for _, name, ms, failed, _why in rows:
        pages[name].append((ms, failed))
    table = {}
    for name, samples in pages.items():
        times = [ms for ms, _ in samples]
        table[name] = {
            "requests": len(samples),
            "rps": len(samples) / seconds if seconds else 0.0,
            "p50": statistics.median(times),
            "p99": percentile(times, 0.99),
            "errors": sum(1 for _, failed in samples if failed),
        }
    return table


def ratio(value, reference):
    """value ÷ reference as "2.5×"; "–" when both are zero (nothing to compare) and "∞" when only the
    reference is (errors on a page where the reference had none)."""
    if reference:
        return f"{value / reference:.1f}×"
    return "∞" if value else "–"


def error_rate(row):
    return row["errors"] / row["requests"] if row["requests"] else 0.0


def page_table(table):
    """Each page's figures, and its req/s, p50, p99 and error rate as ratios to the reference page's
    (the minimal page: what the stack costs before a page's own work)."""
    reference = table.get(REFERENCE)
    lines = [
        "| page | requests | req/s | p50 ms | p99 ms | errors | error % "
        "| req/s ÷ reference | p50 ÷ reference | p99 ÷ reference | error % ÷ reference |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name in sorted(table, key=lambda n: (n != REFERENCE, n)):
        row = table[name]
        if reference:
            ratios = [
                ratio(row["rps"], reference["rps"]),
                ratio(row["p50"], reference["p50"]),
                ratio(row["p99"], reference["p99"]),
                ratio(error_rate(row), error_rate(reference)),
            ]
        else:
            ratios = ["–"] * 4
        lines.append(
            f"| {name} | {row['requests']} | {row['rps']:.1f} | {row['p50']:.0f} | {row['p99']:.0f} | {row['errors']} "
            f"| {100 * error_rate(row):.1f} | " + " | ".join(ratios) + " |"
        )
    return "\n".join(lines)


def fault_table(rows, started, phases, recovery):
    """Per outage: requests and failures while it lasted, and how long after the service came back the
    first whole second without a failure began (recovery)."""
    by_second = defaultdict(lambda: [0, 0])
    for moment, _name, _ms, failed, _why in rows:
        second = int(moment - started)
        by_second[second][0] += 1
        by_second[second][1] += int(failed)
    lines = [
        "| outage | seconds | requests during | failed during | failures/s | recovered after |",
        "|---|---|---|---|---|---|",
    ]
    for phase in phases:
        seconds = range(int(phase.start), int(phase.end) + 1)
        total = sum(by_second[s][0] for s in seconds)
        failed = sum(by_second[s][1] for s in seconds)
        back = None
        for second in range(int(phase.end), int(phase.end + recovery)):
            if by_second[second][0] and by_second[second][1] == 0:
                back = second - phase.end
                break
        length = phase.end - phase.start
        lines.append(
            f"| {phase.name} | {length:.0f} | {total} | {failed} | {failed / length if length else 0:.1f} | "
            + (f"{max(back, 0):.0f} s |" if back is not None else f"not within {recovery:.0f} s |")
        )
    return "\n".join(lines)


def failure_reasons(rows, limit=8):
    reasons = defaultdict(int)
    for _, name, _ms, failed, why in rows:
        if failed:
            reasons[f"{name}: {why}"] += 1
    return sorted(reasons.items(), key=lambda item: -item[1])[:limit]
