"""``check``: every content error and compliance finding, as text or JSON."""

from __future__ import annotations

import argparse
import sys

from generator.codes import Lang
from generator.commands import cache_options, content_options, missing_content, settings, t
from generator.exit_codes import EXIT_CONTENT, EXIT_OK, EXIT_USAGE

ORDER = 20


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], lang: Lang) -> None:
    p = sub.add_parser("check", help=t(lang, "只检查内容，列出全部错误和合规问题",
                                       "check content only; list every error and finding"))
    content_options(p, lang, out=False)
    cache_options(p, lang)
    p.add_argument("--format", choices=["text", "json"], default="text",
                   help=t(lang, "输出格式（默认 text）", "output format (default text)"))
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, lang: Lang) -> int:
    from generator.pipeline import check
    from generator.report import to_json, write_text

    if missing_content(args, lang):
        return EXIT_USAGE
    checked = check(settings(args, lang))
    if args.format == "json":
        print(to_json(checked.diagnostics, lang))
    else:
        write_text(checked.diagnostics, lang, sys.stdout)
    return EXIT_CONTENT if checked.errors else EXIT_OK
