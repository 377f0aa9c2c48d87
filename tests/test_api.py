"""The library's entry points: what they take, and where they find the repository."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest

from planaudit import api
from planaudit.errors import NotADataRepository

EXAMPLE = Path(__file__).parent / "examples" / "basic"


def test_audit_and_prepare_judge_afresh_and_take_no_cache_option():
    """The library judges every file afresh: only `check`'s run memo is a cache (of whole runs)."""
    assert "cache" not in inspect.signature(api.audit).parameters
    assert "cache" not in inspect.signature(api.prepare).parameters


def test_the_repository_is_found_from_any_folder_inside_it():
    assert api.repository_root(EXAMPLE / "targets" / "2022") == EXAMPLE


def test_a_folder_in_no_repository_is_an_error_of_exit_status_2(tmp_path):
    with pytest.raises(NotADataRepository) as raised:
        api.repository_root(tmp_path)
    assert raised.value.exit_status == 2
