"""Command line: ``python -m generator {build,check,schema,...}``.

Help and messages are Chinese by default; ``--lang en`` switches both, and is
read before argparse runs so that ``--lang en --help`` is English too.
Exit codes: 0 clean, 1 content errors, 2 usage error, 70 internal error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

from generator import __version__
from generator.codes import Lang

EXIT_OK, EXIT_CONTENT, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 70

Handler = Callable[[argparse.Namespace, Lang], int]


def _t(lang: Lang, zh: str, en: str) -> str:
    return en if lang == "en" else zh


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r}: YYYY-MM-DD") from None


def _pre_lang(argv: Sequence[str]) -> Lang:
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv) and argv[i + 1] == "en":
            return "en"
        if arg == "--lang=en":
            return "en"
    return "zh"


def _common(parser: argparse.ArgumentParser, lang: Lang, *, out: bool = True) -> None:
    parser.add_argument("--content", type=Path, default=Path("content"),
                        help=_t(lang, "内容目录（默认 content/）", "content directory (default content/)"))
    if out:
        parser.add_argument("--out", type=Path, default=Path("site"),
                            help=_t(lang, "输出目录（默认 site/）", "output directory (default site/)"))
    _lang_option(parser, lang, argparse.SUPPRESS)
    parser.add_argument("--today", type=_date, default=None,
                        help=_t(lang, "基准日期 YYYY-MM-DD（默认取 content/site.yaml 的 today）",
                                "reference date YYYY-MM-DD (default: today in content/site.yaml)"))


def _lang_option(parser: argparse.ArgumentParser, lang: Lang, default: str) -> None:
    parser.add_argument("--lang", choices=["zh", "en"], default=default,
                        help=_t(lang, "消息语言：zh 中文（默认）或 en 英文", "message language: zh (default) or en"))


_ARGPARSE_ZH = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "show this help message and exit": "显示本帮助并退出",
    "show program's version number and exit": "显示版本号并退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的取值 %(value)r（可选：%(choices)s）",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "expected one argument": "需要一个值",
    "invalid %(type)s value: %(value)r": "无效的值：%(value)r",
}


def _localise_argparse(lang: Lang) -> None:
    """argparse's own words (usage, options, errors) in the user's language."""
    table = _ARGPARSE_ZH if lang == "zh" else {}
    argparse._ = lambda text: table.get(text, text)  # type: ignore[attr-defined]


def build_parser(lang: Lang) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m generator",
        description=_t(lang, "省直机关“五好党支部”网站与通报生成器。",
                       "Five-good party branch site and bulletin generator."),
        epilog=_t(lang, "退出码：0 正常，1 内容错误，2 用法错误，70 程序内部错误。English: --lang en --help",
                  "Exit codes: 0 clean, 1 content errors, 2 usage error, 70 internal error."),
    )
    parser.add_argument("--version", action="version", version=__version__)
    _lang_option(parser, lang, "zh")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("build", help=_t(lang, "检查内容并生成网站和 PDF 通报", "check content, build site and PDFs"))
    _common(p, lang)
    p.set_defaults(handler=_build)

    p = sub.add_parser("check", help=_t(lang, "只检查内容，列出全部错误和合规问题",
                                        "check content only; list every error and finding"))
    _common(p, lang, out=False)
    p.add_argument("--format", choices=["text", "json"], default="text",
                   help=_t(lang, "输出格式（默认 text）", "output format (default text)"))
    p.set_defaults(handler=_check)

    p = sub.add_parser("schema", help=_t(lang, "导出各类记录的 JSON Schema（供编辑器自动补全）",
                                         "write a JSON Schema per record type for editors"))
    p.add_argument("--out", type=Path, default=Path("content/_schemas"),
                   help=_t(lang, "输出目录（默认 content/_schemas/）", "output directory (default content/_schemas/)"))
    _lang_option(p, lang, argparse.SUPPRESS)
    p.set_defaults(handler=_schema)
    return parser


def _settings(args: argparse.Namespace, lang: Lang):  # type: ignore[no-untyped-def]
    from generator.pipeline import Settings

    return Settings(content=args.content, out=getattr(args, "out", Path("site")), lang=lang, today=args.today)


def _missing_content(args: argparse.Namespace, lang: Lang) -> int | None:
    if args.content.is_dir():
        return None
    print(_t(lang, f"找不到内容目录：{args.content}", f"content directory not found: {args.content}"),
          file=sys.stderr)
    return EXIT_USAGE


def _check(args: argparse.Namespace, lang: Lang) -> int:
    from generator.pipeline import check
    from generator.report import to_json, write_text

    missing = _missing_content(args, lang)
    if missing is not None:
        return missing
    checked = check(_settings(args, lang))
    if args.format == "json":
        print(to_json(checked.diagnostics, lang))
    else:
        write_text(checked.diagnostics, lang, sys.stdout)
    return EXIT_CONTENT if checked.errors else EXIT_OK


def _build(args: argparse.Namespace, lang: Lang) -> int:
    from generator.output import UnsafeOutput
    from generator.pipeline import build
    from generator.report import write_text

    missing = _missing_content(args, lang)
    if missing is not None:
        return missing
    try:
        checked = build(_settings(args, lang))
    except UnsafeOutput as exc:
        print(_t(lang, f"拒绝覆盖：{exc.path} 不是本程序生成的目录（里面没有标记文件）。"
                 "请换一个 --out 目录，或手工清空它。",
                 f"refusing to replace {exc.path}: it is not a directory this program created. "
                 "Choose another --out or empty it by hand."), file=sys.stderr)
        return EXIT_USAGE
    write_text(checked.diagnostics, lang, sys.stdout, findings=False)
    if checked.errors:
        print(_t(lang, f"有内容错误，未生成网站；{args.out}/ 保持不变。",
                 f"content errors: nothing was built; {args.out}/ is unchanged."), file=sys.stderr)
        return EXIT_CONTENT
    print(_t(lang, f"已生成 {args.out}/", f"built {args.out}/"))
    return EXIT_OK


def _schema(args: argparse.Namespace, lang: Lang) -> int:
    from generator.schema import write_schemas

    paths = write_schemas(args.out)
    print(_t(lang, f"已写入 {len(paths)} 个 JSON Schema 到 {args.out}/", f"wrote {len(paths)} schemas to {args.out}/"))
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = _pre_lang(argv)
    _localise_argparse(lang)
    parser = build_parser(lang)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    handler: Handler = args.handler
    try:
        return handler(args, args.lang)
    except KeyboardInterrupt:
        print(_t(lang, "已中断；输出目录保持不变。", "interrupted; the output directory is unchanged."),
              file=sys.stderr)
        return 130
    except Exception:
        return _internal_error(lang)


def _internal_error(lang: Lang) -> int:
    frames = traceback.extract_tb(sys.exc_info()[2])
    where = f"{frames[-1].filename}:{frames[-1].lineno}" if frames else "?"
    kind = sys.exc_info()[0].__name__ if sys.exc_info()[0] else "Exception"
    print(_t(lang, f"程序内部错误（{kind}，位置 {where}）。这不是内容的问题，请把本条信息和所用内容报告给维护人员。"
             "设置环境变量 GENERATOR_DEBUG=1 可查看完整信息。",
             f"internal error ({kind} at {where}). This is a bug, not a content problem; please report it. "
             "Set GENERATOR_DEBUG=1 for the full traceback."), file=sys.stderr)
    import os

    if os.environ.get("GENERATOR_DEBUG"):
        traceback.print_exc()
    return EXIT_INTERNAL
