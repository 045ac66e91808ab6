"""Command line: ``python -m generator COMMAND``; subcommands live in :mod:`generator.commands`.

Help and messages are Chinese by default; ``--lang en`` switches both, and is
read before argparse runs so that ``--lang en --help`` is English too.
Exit codes: 0 clean, 1 content errors, 2 usage error, 70 internal error.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from types import FrameType

from generator import __version__
from generator.codes import Lang
from generator.commands import lang_option, modules, t
from generator.exit_codes import EXIT_INTERNAL

Handler = Callable[[argparse.Namespace, Lang], int]

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


def _pre_lang(argv: Sequence[str]) -> Lang:
    for i, arg in enumerate(argv):
        if (arg == "--lang" and i + 1 < len(argv) and argv[i + 1] == "en") or arg == "--lang=en":
            return "en"
    return "zh"


def _localise_argparse(lang: Lang) -> None:
    """argparse's own words (usage, options, errors) in the user's language."""
    table = _ARGPARSE_ZH if lang == "zh" else {}
    argparse._ = lambda text: table.get(text, text)  # type: ignore[attr-defined]


def build_parser(lang: Lang) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m generator",
        description=t(lang, "省直机关“五好党支部”网站与通报生成器。",
                      "Five-good party branch site and bulletin generator."),
        epilog=t(lang, "退出码：0 正常，1 内容错误，2 用法错误，70 程序内部错误。English: --lang en --help",
                 "Exit codes: 0 clean, 1 content errors, 2 usage error, 70 internal error."),
    )
    parser.add_argument("--version", action="version", version=__version__,
                        help=t(lang, "显示版本号并退出", "show the version and exit"))
    lang_option(parser, lang, "zh")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in modules():
        module.register(sub, lang)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = _pre_lang(argv)
    _localise_argparse(lang)
    try:
        parser = build_parser(lang)
        try:
            args = parser.parse_args(argv)
        except SystemExit as exc:
            return int(exc.code or 0)
        handler: Handler = args.handler
        with _ended_like_ctrl_c():
            return handler(args, args.lang)
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print(t(lang, "已中断；输出目录保持不变。", "interrupted; the output directory is unchanged."), file=sys.stderr)
        return 130
    except Exception:
        return _internal_error(lang)


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


@contextmanager
def _ended_like_ctrl_c() -> Iterator[None]:
    """SIGTERM and SIGHUP (a closed terminal or SSH session) end a command as Ctrl+C does, so the temporary
    directories of a build, publish or preview are removed rather than left in /tmp. A signal someone chose to
    ignore (``nohup``) stays ignored."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught = [signum for signum in (signal.SIGTERM, signal.SIGHUP) if signal.getsignal(signum) == signal.SIG_DFL]
    for signum in caught:
        signal.signal(signum, _interrupt)
    try:
        yield
    finally:
        for signum in caught:
            signal.signal(signum, signal.SIG_DFL)


def _internal_error(lang: Lang) -> int:
    kind, _, tb = sys.exc_info()
    frames = traceback.extract_tb(tb)
    where = f"{frames[-1].filename}:{frames[-1].lineno}" if frames else "?"
    name = kind.__name__ if kind else "Exception"
    print(t(lang, f"程序内部错误（{name}，位置 {where}）。这不是内容的问题，请把本条信息和所用内容报告给维护人员。"
            "设置环境变量 GENERATOR_DEBUG=1 可查看完整信息。",
            f"internal error ({name} at {where}). This is a bug, not a content problem; please report it. "
            "Set GENERATOR_DEBUG=1 for the full traceback."), file=sys.stderr)
    if os.environ.get("GENERATOR_DEBUG"):
        traceback.print_exc()
    return EXIT_INTERNAL
