"""``bench``: time synthetic corpora of several sizes and print one table (``make bench``)."""

from __future__ import annotations

import argparse
import sys

from generator.codes import Lang
from generator.commands import lang_option, t
from generator.exit_codes import EXIT_INTERNAL, EXIT_OK, EXIT_USAGE

ORDER = 90


def _sizes(text: str) -> list[int]:
    try:
        sizes = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: 300,3000") from None
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError(f"{text!r}: 300,3000")
    return sizes


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], lang: Lang) -> None:
    p = sub.add_parser("bench", help=t(lang, "用合成内容测量生成速度和内存，打印一张表",
                                       "benchmark builds of synthetic corpora and print one table"))
    p.add_argument("--sizes", type=_sizes, default=[300, 3000],
                   help=t(lang, "党支部数，逗号分隔（默认 300,3000）",
                          "branch counts, comma-separated (default 300,3000)"))
    p.add_argument("--runs", type=int, default=3,
                   help=t(lang, "每项重复次数，取中位数（默认 3）",
                          "repetitions per figure; the median is shown (default 3)"))
    lang_option(p, lang, argparse.SUPPRESS)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, lang: Lang) -> int:
    from generator.bench import bench, table

    if args.runs < 1:
        print(t(lang, "--runs 至少为 1", "--runs must be at least 1"), file=sys.stderr)
        return EXIT_USAGE
    results = bench(args.sizes, args.runs, lambda line: print(line, file=sys.stderr, flush=True))
    print(table(results, args.runs))
    for result in results:
        for failure in result.failures:
            print(t(lang, f"{result.branches} 个支部的构建失败：{failure}",
                    f"build of {result.branches} branches failed: {failure}"), file=sys.stderr)
    return EXIT_INTERNAL if any(r.failures for r in results) else EXIT_OK
