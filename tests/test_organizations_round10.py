"""Organization families of round 10 found on new pages (issue 11), in sentences written for
these tests."""

from __future__ import annotations

import pytest
from helpers import organizations_found as found


@pytest.fixture(scope="module")
def nlp(places_and_organizations):
    return places_and_organizations


def test_a_level_kept_with_its_head_by_the_segmenter_is_no_function_word(nlp) -> None:
    # …紧紧围绕|县委: the level of 县委 is not where a longer body's function words end
    names = found(nlp, "近年来，我县农业工作紧紧围绕县委、县政府的部署推进。")
    assert not any(name.endswith("围绕县委") for name in names)
    assert "县政府" in names
