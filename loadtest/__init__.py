"""`make loadtest`: a workday's mix of reads and writes against a production-like Plein on this
machine, and (with --faults) the same load while Redis, PostgreSQL and the mail server go away in
turn. Loopback only; bounded in time; it stops only what it started itself. docs/performance.md
(load test) and docs/operations.md describe the method and hold the latest figures.
"""
