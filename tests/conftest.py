"""Shared fixtures. The spaCy pipeline and knowledge base load once per test session."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def resources():
    from accord.pipeline import Resources

    return Resources.load()
