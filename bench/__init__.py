"""The benchmark harness behind `make bench` (run as `python -m bench`).

It seeds a large demo organisation into a database of its own, serves the site with gunicorn on
127.0.0.1, requests every page type the apps offer in `<app>/bench.py` as the demo employee, and
writes the table to docs/performance.md. It measures; it asserts nothing about time.
"""
