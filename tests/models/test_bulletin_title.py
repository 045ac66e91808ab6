"""A bulletin's title may be written as the lines it is to be printed in (GB/T 9704-2012 7.3.1: words stay
whole when a title breaks); everywhere else it reads as one title."""

from __future__ import annotations

import pytest
import yaml
from pydantic import ValidationError

from generator.models.campaign import Bulletin
from tests.conftest import BUNDLED


def front_matter(name: str) -> dict[str, object]:
    text = (BUNDLED / "bulletins" / name).read_text(encoding="utf-8")
    return dict(yaml.safe_load(text.split("---\n")[1]))


def test_lines_as_written_and_one_title_joined() -> None:
    bulletin = Bulletin.model_validate(front_matter("2024-cases.md"))
    assert bulletin.title_lines == ("关于省直机关违反中央八项规定精神", "典型案例的通报")
    assert bulletin.title_text == "关于省直机关违反中央八项规定精神典型案例的通报"


def test_a_title_on_one_line_is_one_line() -> None:
    bulletin = Bulletin.model_validate({**front_matter("2024-cases.md"), "title": "关于开展警示教育的通报"})
    assert bulletin.title_lines == ("关于开展警示教育的通报",)


@pytest.mark.parametrize("title", [[], ["关于", "开展", "警示", "教育", "的通报"], ["关于", ""]])
def test_an_empty_or_overlong_list_is_refused(title: list[str]) -> None:
    with pytest.raises(ValidationError):
        Bulletin.model_validate({**front_matter("2024-cases.md"), "title": title})

