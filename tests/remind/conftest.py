"""Fixtures for the reminder tests: a private session bus and a fake desktop on it."""

from private_bus import desktop, private_bus  # noqa: F401
