"""The kinds of target governments write (tests/examples/governments): the real command's exact
output, in every format a reader sees them in."""

from __future__ import annotations

import pytest

from acceptance_support import assert_matches, planaudit


@pytest.mark.parametrize("output_format", ["table", "markdown", "json", "csv"])
def test_a_city_s_main_targets_against_its_review(output_format):
    done = planaudit("check", "2023", "--format", output_format, data="governments")
    assert done.returncode == 1  # industry-growth is missed
    assert_matches(f"governments-2023.{output_format}", done.stdout)


def test_the_repository_is_valid():
    done = planaudit("validate", data="governments")
    assert (done.returncode, done.stdout) == (0, "no problems found\n")


def test_explain_shows_the_band_and_why_it_is_met():
    done = planaudit("explain", "2023", "riverside", "gdp-growth", data="governments")
    assert done.returncode == 0
    assert_matches("governments-explain-gdp-growth.txt", done.stdout)


def test_a_share_consistent_only_by_its_level_s_rounding():
    import json

    document = json.loads(planaudit("check", "2023", "--format", "json", data="governments").stdout)
    # 3.89万 stands for 38850–38950: 105.00%–105.27% of 3.7万, which 105.3% (105.25%–105.35%) meets; taken as
    # exactly 38900 it would give 105.14%, and one unit in the last place (105.2%–105.4%) would have missed it.
    assert [item["metric"] for item in document["inconsistencies"]] == []
    row = next(row for row in document["results"] if row["id"] == "shantytowns")
    assert (row["verdict"], row["warnings"]) == ("met", [])


def test_explain_names_the_admission_a_target_is_missed_on():
    done = planaudit("explain", "2023", "riverside", "air-quality", data="governments")
    assert done.returncode == 0
    assert_matches("governments-explain-air-quality.txt", done.stdout)
