"""``schema``: JSON Schema per record type for editors."""

from __future__ import annotations

import argparse
from pathlib import Path

from generator.codes import Lang
from generator.commands import lang_option, t
from generator.exit_codes import EXIT_OK

ORDER = 30


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], lang: Lang) -> None:
    p = sub.add_parser("schema", help=t(lang, "导出各类记录的 JSON Schema（供编辑器自动补全）",
                                        "write a JSON Schema per record type for editors"))
    p.add_argument("--out", type=Path, default=Path("content/_schemas"),
                   help=t(lang, "输出目录（默认 content/_schemas/）", "output directory (default content/_schemas/)"))
    lang_option(p, lang, argparse.SUPPRESS)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, lang: Lang) -> int:
    from generator.schema import write_schemas

    paths = write_schemas(args.out)
    print(t(lang, f"已写入 {len(paths)} 个 JSON Schema 到 {args.out}/", f"wrote {len(paths)} schemas to {args.out}/"))
    return EXIT_OK
