"""Pure-Python domain logic of Borderless.

Nothing in this package imports Django (checked by import-linter in the test suite):
functions take and return plain values and dataclasses, so they are tested without a
database and reused by services, management commands and benchmarks.
"""
