"""``new``: scaffold a record file with every field explained, ready to fill in; never overwrites."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.codes import Lang
from generator.commands import lang_option, t
from generator.exit_codes import EXIT_OK, EXIT_USAGE

ORDER = 50

_EXAMPLES = """例子 / examples:
  python -m generator new branch fgw-zhc              支部 branches/fgw-zhc/branch.yaml
  python -m generator new members fgw-zhc             党员名单
  python -m generator new activities fgw-zhc 2024     全年组织生活
  python -m generator new case 2024-zhang             警示案例 cases/2024-zhang.md
  python -m generator new fund 2024                   互助金 fund/2024.yaml"""


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], lang: Lang) -> None:
    from generator.load.discover import LAYOUT

    kinds = ", ".join(kind for _, kind in LAYOUT)
    p = sub.add_parser(
        "new", help=t(lang, "新建一条记录的模板文件（字段带中文说明，不覆盖已有文件）",
                      "create a commented template for a new record (never overwrites)"),
        epilog=_EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("type", metavar="TYPE",
                   help=t(lang, f"记录类型及参数：{kinds}", f"record type and its arguments: {kinds}"))
    p.add_argument("values", nargs="*", metavar="ARG", help=t(lang, "标识或年份", "ids or year"))
    p.add_argument("--content", type=Path, default=Path("content"),
                   help=t(lang, "内容目录（默认 content/）", "content directory (default content/)"))
    lang_option(p, lang, argparse.SUPPRESS)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, lang: Lang) -> int:
    from generator.scaffold import ScaffoldError, create, missing_branch
    from generator.schema import write_schemas

    try:
        path = create(args.content, args.type, list(args.values))
    except ScaffoldError as exc:
        print(exc.en if lang == "en" else exc.zh, file=sys.stderr)
        return EXIT_USAGE
    schemas = args.content / "_schemas"
    if not (schemas / f"{args.type}.schema.json").exists():
        write_schemas(schemas)
    print(t(lang, f"已创建 {path}：按注释填写后运行 python -m generator check 检查。",
            f"created {path}: fill it in following the comments, then run python -m generator check."))
    branch = missing_branch(args.content, args.type, list(args.values))
    if branch:
        print(t(lang, f"注意：还没有 {branch}，请先运行 python -m generator new branch {args.values[0]}",
                f"note: {branch} does not exist yet; run python -m generator new branch {args.values[0]} first"))
    return EXIT_OK
