"""Reporting rounds: who must send which figures by when, their submissions, review and status."""
