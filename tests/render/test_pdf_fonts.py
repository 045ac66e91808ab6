"""Font roles resolved against installed families, with free fallbacks and a clear stop."""

from __future__ import annotations

import pickle

import pytest

from generator.render.pdf import FontsMissing, resolve_fonts
from generator.render.pdf.fonts import FALLBACKS, INSTALL_COMMAND, ROLES, installed_cjk_families

DEBIAN = {"Noto Serif CJK SC", "Noto Sans CJK SC", "AR PL UKai CN", "AR PL UKai TW"}
NOWHERE = {role: [f"Nonexistent {role} 不存在"] for role in ROLES}


def test_fontconfig_reports_the_debian_cjk_families() -> None:
    installed = installed_cjk_families()
    assert {"Noto Serif CJK SC", "Noto Sans CJK SC", "AR PL UKai CN"} <= installed


def test_nonexistent_families_fall_back_to_installed_free_fonts() -> None:
    plan = resolve_fonts(NOWHERE)  # asks the real fontconfig
    installed = installed_cjk_families()
    for role in ROLES:
        expected = next(f for f in FALLBACKS[role] if f in installed)
        assert plan.used(role) == expected
        assert plan.is_fallback(role)
    assert plan.used("title") == "Noto Serif CJK SC"
    assert plan.used("heading1") == "Noto Sans CJK SC"
    assert plan.used("heading2") == "AR PL UKai CN"


def test_installed_preferred_family_comes_first_then_fallbacks() -> None:
    installed = DEBIAN | {"方正小标宋简体", "仿宋_GB2312"}
    plan = resolve_fonts({"title": ["方正小标宋简体"], "body": ["仿宋_GB2312"]}, installed)
    assert plan.families["title"] == (
        "方正小标宋简体", "Noto Serif CJK SC", "Noto Sans CJK SC", "AR PL UKai CN"
    )
    assert plan.families["body"][0] == "仿宋_GB2312"
    assert not plan.is_fallback("title")
    assert plan.css_family("title").startswith('"方正小标宋简体", "Noto Serif CJK SC"')


def test_matching_ignores_case_and_keeps_installed_spelling() -> None:
    plan = resolve_fonts({"body": ["noto serif cjk sc", "NOTO SERIF CJK SC"]}, DEBIAN)
    assert plan.families["body"].count("Noto Serif CJK SC") == 1
    assert plan.used("body") == "Noto Serif CJK SC"
    assert not plan.is_fallback("body")


def test_describe_names_the_family_used_for_every_role() -> None:
    described = resolve_fonts({"title": ["方正小标宋简体"]}, DEBIAN).describe()
    assert len(described) == len(ROLES)
    assert described[0].startswith("小标宋 title → Noto Serif CJK SC")
    assert "方正小标宋简体" in described[0]
    assert all("→" in line for line in described)


def test_describe_in_one_language_for_the_progress_lines() -> None:
    plan = resolve_fonts({"title": ["方正小标宋简体", "华文中宋"]}, DEBIAN)
    assert plan.describe("zh")[0] == "小标宋 → Noto Serif CJK SC（替代 方正小标宋简体、华文中宋）"
    assert plan.describe("en")[0] == "title → Noto Serif CJK SC (fallback for 方正小标宋简体, 华文中宋)"
    assert plan.describe()[0] == "小标宋 title → Noto Serif CJK SC  (替代 fallback for 方正小标宋简体 / 华文中宋)"


def test_one_free_face_serves_every_role() -> None:
    plan = resolve_fonts(NOWHERE, {"AR PL UKai CN"})
    assert {plan.used(role) for role in ROLES} == {"AR PL UKai CN"}


def test_no_cjk_font_stops_with_the_install_command() -> None:
    with pytest.raises(FontsMissing) as caught:
        resolve_fonts(NOWHERE, set())
    message = str(caught.value)
    assert INSTALL_COMMAND == "apt-get install -y fonts-noto-cjk fonts-arphic-ukai"
    assert INSTALL_COMMAND in message
    assert "未安装可用的中文字体" in message and "No Chinese (CJK) font" in message
    assert caught.value.roles == ROLES


def test_only_the_roles_without_a_face_are_reported() -> None:
    with pytest.raises(FontsMissing) as caught:
        resolve_fonts({"title": ["方正小标宋简体"]}, {"方正小标宋简体"})
    assert caught.value.roles == ("body", "heading1", "heading2", "page_number")


def test_unknown_role_is_an_error() -> None:
    with pytest.raises(ValueError, match="heading3"):
        resolve_fonts({"heading3": ["黑体"]}, DEBIAN)


def test_family_names_are_quoted_for_css() -> None:
    plan = resolve_fonts({"body": ['Odd "Name"']}, DEBIAN | {'Odd "Name"'})
    assert plan.css_family("body").startswith('"Odd \\22 Name\\22 ", ')


def test_errors_survive_pickling_for_the_process_pool() -> None:
    error = FontsMissing(("body",))
    copy = pickle.loads(pickle.dumps(error))
    assert copy.roles == ("body",) and str(copy) == str(error)
