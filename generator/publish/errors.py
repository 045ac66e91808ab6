"""The one error a publish can end with: a message in both languages, no traceback."""

from __future__ import annotations

from generator.codes import Lang


class PublishError(Exception):
    """Publishing stopped before ``current`` was switched; readers still see the old release."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh = zh
        self.en = en

    def text(self, lang: Lang) -> str:
        return self.en if lang == "en" else self.zh
