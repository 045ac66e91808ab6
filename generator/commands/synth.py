"""``synth``: write a synthetic province (deterministic content tree) for scale tests and benchmarks."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.codes import Lang
from generator.commands import lang_option, t
from generator.exit_codes import EXIT_OK, EXIT_USAGE

ORDER = 80


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], lang: Lang) -> None:
    p = sub.add_parser("synth", help=t(lang, "生成合成的全省内容（用于性能测试）",
                                       "write a synthetic province's content (for scale tests)"))
    p.add_argument("--branches", type=int, default=300,
                   help=t(lang, "党支部数（默认 300；3000 为全省规模）",
                          "number of branches (default 300; 3000 is a province)"))
    p.add_argument("--seed", type=int, default=1, help=t(lang, "随机种子（默认 1）", "random seed (default 1)"))
    p.add_argument("--out", type=Path, required=True,
                   help=t(lang, "输出的内容目录（须不存在、为空或是以前合成的目录）",
                          "content directory to write (absent, empty or an earlier synthetic tree)"))
    lang_option(p, lang, argparse.SUPPRESS)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, lang: Lang) -> int:
    from generator.synth import SynthError, synthesize

    if args.branches < 1:
        print(t(lang, "--branches 至少为 1", "--branches must be at least 1"), file=sys.stderr)
        return EXIT_USAGE
    try:
        summary = synthesize(args.out, args.branches, args.seed)
    except SynthError:
        print(t(lang, f"拒绝写入：{args.out} 不是空目录，也不是以前合成的内容目录。请换一个 --out。",
                f"refusing to write into {args.out}: it is neither empty nor an earlier synthetic tree. "
                "Choose another --out."), file=sys.stderr)
        return EXIT_USAGE
    counts = "，".join(f"{name} {count}" for name, count in summary.counts.items())
    print(t(lang, f"已写入 {args.out}/：{summary.files} 个文件，{summary.bytes / 1e6:.1f} MB（{counts}）",
            f"wrote {args.out}/: {summary.files} files, {summary.bytes / 1e6:.1f} MB ({counts})"))
    return EXIT_OK
