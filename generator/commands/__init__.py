"""Subcommands of ``python -m generator``: one module each, found by name.

A module here defines ``ORDER`` (its place in ``--help``) and
``register(subparsers, lang)``, which adds its parser and sets ``handler``.
Adding a command means adding a module; the CLI itself does not change.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import pkgutil
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from generator.codes import Lang


def t(lang: Lang, zh: str, en: str) -> str:
    return en if lang == "en" else zh


def modules() -> list[ModuleType]:
    found = [importlib.import_module(f"{__name__}.{info.name}") for info in pkgutil.iter_modules(__path__)]
    return sorted(found, key=lambda module: getattr(module, "ORDER", 100))


def date_parser(lang: Lang) -> Callable[[str], dt.date]:
    """``--today`` in the user's language: a clerk who typed month 13 is told how a date is written."""

    def parse_date(value: str) -> dt.date:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise argparse.ArgumentTypeError(t(
                lang, f"“{value}”不是有效的日期；请按 年-月-日 书写，例如 2024-12-31。",
                f"'{value}' is not a valid date; write it as year-month-day (YYYY-MM-DD), e.g. 2024-12-31.",
            )) from None

    return parse_date


def lang_option(parser: argparse.ArgumentParser, lang: Lang, default: str) -> None:
    parser.add_argument("--lang", choices=["zh", "en"], default=default,
                        help=t(lang, "消息语言：zh 中文（默认）或 en 英文", "message language: zh (default) or en"))


def content_options(parser: argparse.ArgumentParser, lang: Lang, *, out: bool = True) -> None:
    """The options every content-reading command shares: --content, --out, --lang, --today."""
    parser.add_argument("--content", type=Path, default=Path("content"),
                        help=t(lang, "内容目录（默认 content/）", "content directory (default content/)"))
    if out:
        parser.add_argument("--out", type=Path, default=Path("site"),
                            help=t(lang, "输出目录（默认 site/）", "output directory (default site/)"))
    lang_option(parser, lang, argparse.SUPPRESS)
    parser.add_argument("--today", type=date_parser(lang), default=None,
                        help=t(lang, "基准日期 YYYY-MM-DD（默认取 content/site.yaml 的 today）",
                               "reference date YYYY-MM-DD (default: today in content/site.yaml)"))


def cache_options(parser: argparse.ArgumentParser, lang: Lang) -> None:
    """--cache DIR and --no-cache, for the commands that read content (see generator/cache)."""
    parser.add_argument("--cache", type=Path, default=None,
                        help=t(lang, "缓存目录（默认为内容目录旁的 .cache/）",
                               "cache directory (default .cache/ beside the content directory)"))
    parser.add_argument("--no-cache", action="store_true",
                        help=t(lang, "不读也不写缓存，完整重新生成", "neither read nor write the cache: a cold build"))


def settings(args: argparse.Namespace, lang: Lang):  # type: ignore[no-untyped-def]
    from generator.pipeline import Settings

    return Settings(content=args.content, out=getattr(args, "out", Path("site")), lang=lang, today=args.today,
                    cache=getattr(args, "cache", None), use_cache=not getattr(args, "no_cache", False),
                    pdf=not getattr(args, "no_pdf", False))


def missing_content(args: argparse.Namespace, lang: Lang) -> bool:
    """Print a usage error if ``--content`` is not a directory."""
    import sys

    if args.content.is_dir():
        return False
    print(content_not_found(args.content, lang), file=sys.stderr)
    return True


def content_not_found(content: Path, lang: Lang) -> str:
    """The usage error for a missing content folder, with the two ways out: most often the command was simply
    run outside the project folder."""
    return t(lang, f"找不到内容目录：{content}。请在项目目录（含 content/ 的目录）中运行，"
                   "或用 --content 路径 指定内容目录。",
             f"content directory not found: {content}. Run the command in the project folder "
             "(the one holding content/), or pass --content PATH.")
