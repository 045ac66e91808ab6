"""Font resolution for the PDF bulletins: typographic role → installed families.

GB/T 9704-2012 names typefaces by role (小标宋 for the title, 仿宋 for the body,
黑体 and 楷体 for headings, 宋体 for page numbers). The official faces are
commercial and often absent, so each role keeps the configured families that
fontconfig actually has, followed by free Debian fallbacks. Pango receives the
whole list, so a rare character missing from the first face still finds a glyph
in a later one. A role without any CJK face stops the build with the command
that installs one: a PDF of empty boxes is never produced.
"""

from __future__ import annotations

import subprocess
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from generator.codes import Lang

ROLES: tuple[str, ...] = ("title", "body", "heading1", "heading2", "page_number")

ROLE_NAMES: Mapping[str, str] = {
    "title": "小标宋 title",
    "body": "仿宋 body",
    "heading1": "黑体 heading 1",
    "heading2": "楷体 heading 2",
    "page_number": "宋体 page number",
}

# Free faces packaged by Debian, nearest in style first (see PDF-NOTES.md).
FALLBACKS: Mapping[str, tuple[str, ...]] = {
    "title": ("Noto Serif CJK SC", "Noto Sans CJK SC", "AR PL UKai CN"),
    "body": ("FandolFang", "Noto Serif CJK SC", "AR PL UKai CN", "Noto Sans CJK SC"),
    "heading1": ("Noto Sans CJK SC", "Noto Serif CJK SC", "AR PL UKai CN"),
    "heading2": ("AR PL UKai CN", "FandolKai", "Noto Serif CJK SC", "Noto Sans CJK SC"),
    "page_number": ("Noto Serif CJK SC", "FandolSong", "Noto Sans CJK SC", "AR PL UKai CN"),
}

INSTALL_COMMAND = "apt-get install -y fonts-noto-cjk fonts-arphic-ukai"


class FontsMissing(Exception):
    """No installed CJK face can serve one or more roles."""

    def __init__(self, roles: Sequence[str]) -> None:
        self.roles = tuple(roles)
        names = "、".join(ROLE_NAMES[r] for r in self.roles)
        super().__init__(
            f"未安装可用的中文字体（{names}），无法生成公文 PDF。请运行：sudo {INSTALL_COMMAND}\n"
            f"No Chinese (CJK) font is installed for: {', '.join(self.roles)}; "
            f"the PDF bulletins cannot be rendered. Run: sudo {INSTALL_COMMAND}"
        )

    def __reduce__(self) -> tuple[type[FontsMissing], tuple[tuple[str, ...]]]:
        return (FontsMissing, (self.roles,))


@dataclass(frozen=True)
class FontPlan:
    """Per role, the installed families in the order Pango should try them."""

    families: Mapping[str, tuple[str, ...]]
    preferred: Mapping[str, tuple[str, ...]]

    def used(self, role: str) -> str:
        """The family that draws ordinary characters of ``role``."""
        return self.families[role][0]

    def is_fallback(self, role: str) -> bool:
        wanted = {family.casefold() for family in self.preferred.get(role, ())}
        return self.used(role).casefold() not in wanted

    def css_family(self, role: str) -> str:
        """A CSS ``font-family`` value listing every family of ``role`` in order."""
        return ", ".join(_css_string(f) for f in self.families[role])

    def describe(self, lang: Lang | None = None) -> list[str]:
        """One line per role: "role → family actually used", marking fallbacks.

        Without ``lang`` in both languages: the render cache keys the PDFs by these lines. With it, for the
        build's progress lines in the user's language.
        """
        lines = []
        for role in ROLES:
            zh, en = ROLE_NAMES[role].split(" ", 1)
            name = {"zh": zh, "en": en}.get(lang or "", ROLE_NAMES[role])
            note = ""
            if self.is_fallback(role) and self.preferred.get(role):
                wanted = self.preferred[role]
                note = {"zh": f"（替代 {'、'.join(wanted)}）", "en": f" (fallback for {', '.join(wanted)})"}.get(
                    lang or "", f"  (替代 fallback for {' / '.join(wanted)})")
            lines.append(f"{name} → {self.used(role)}{note}")
        return lines


def installed_cjk_families() -> frozenset[str]:
    """Families fontconfig reports as covering Chinese; empty if fc-list is absent."""
    try:
        out = subprocess.run(
            ["fc-list", ":lang=zh", "family"],
            check=True,
            capture_output=True,
            text=True,
            timeout=30,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    # One line per face; a face may carry several (localised) names separated by commas.
    return frozenset(
        name.strip().replace("\\-", "-") for line in out.splitlines() for name in line.split(",")
        if name.strip()
    )


def resolve_fonts(
    roles: Mapping[str, Sequence[str]],
    installed: Collection[str] | None = None,
) -> FontPlan:
    """Keep, per role, the installed families of ``roles`` then the free fallbacks.

    ``installed`` is the set of CJK family names to resolve against; by default
    it is asked from fontconfig. Unknown role names are errors, missing roles
    use the fallbacks only.
    """
    unknown = sorted(set(roles) - set(ROLES))
    if unknown:
        raise ValueError(f"unknown font roles {unknown}; expected some of {list(ROLES)}")
    available = installed_cjk_families() if installed is None else installed
    by_folded = {name.casefold(): name for name in available}
    families: dict[str, tuple[str, ...]] = {}
    missing = []
    for role in ROLES:
        chosen: list[str] = []
        for family in (*roles.get(role, ()), *FALLBACKS[role]):
            name = by_folded.get(family.casefold())
            if name is not None and name not in chosen:
                chosen.append(name)
        if chosen:
            families[role] = tuple(chosen)
        else:
            missing.append(role)
    if missing:
        raise FontsMissing(missing)
    preferred = {role: tuple(roles.get(role, ())) for role in ROLES}
    return FontPlan(families=families, preferred=preferred)


def _css_string(family: str) -> str:
    """A CSS string literal that cannot end the string or the ``<style>`` element."""
    escaped = "".join(
        f"\\{ord(c):x} " if c in '"\\<>\n' else c for c in family
    )
    return f'"{escaped}"'
