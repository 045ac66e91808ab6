"""``build``: check, then render the site and PDFs into ``--out`` atomically."""

from __future__ import annotations

import argparse
import sys

from generator.codes import Lang
from generator.commands import cache_options, content_options, missing_content, settings, t
from generator.exit_codes import EXIT_CONTENT, EXIT_OK, EXIT_USAGE

ORDER = 10


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], lang: Lang) -> None:
    p = sub.add_parser("build", help=t(lang, "检查内容并生成网站和 PDF 通报", "check content, build site and PDFs"))
    content_options(p, lang)
    cache_options(p, lang)
    p.add_argument("--no-pdf", action="store_true",
                   help=t(lang, "不生成 PDF 通报（只生成网站）", "skip the PDF bulletins (site only)"))
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, lang: Lang) -> int:
    from generator.output import UnsafeOutput
    from generator.pipeline import BUILD_STAGES, build
    from generator.progress import Progress
    from generator.report import write_text

    if missing_content(args, lang):
        return EXIT_USAGE
    try:
        checked = build(settings(args, lang), Progress(BUILD_STAGES, lang=lang))
    except UnsafeOutput as exc:
        print(t(lang, f"拒绝覆盖：{exc.path} 不是本程序生成的目录（里面没有标记文件）。"
                "请换一个 --out 目录，或手工清空它。",
                f"refusing to replace {exc.path}: it is not a directory this program created. "
                "Choose another --out or empty it by hand."), file=sys.stderr)
        return EXIT_USAGE
    write_text(checked.diagnostics, lang, sys.stdout, findings=False)
    if checked.errors:
        print(t(lang, f"有内容错误，未生成网站；{args.out}/ 保持不变。",
                f"content errors: nothing was built; {args.out}/ is unchanged."), file=sys.stderr)
        return EXIT_CONTENT
    print(t(lang, f"已生成 {args.out}/", f"built {args.out}/"))
    return EXIT_OK
