"""Tests' shared helpers: the app server, signed-in sessions, the area fixture."""
