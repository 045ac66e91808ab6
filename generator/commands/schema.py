"""``schema``: JSON Schema per record type for editors."""

from __future__ import annotations

import argparse
from pathlib import Path

from generator.codes import Lang
from generator.commands import lang_option, missing_content, t
from generator.exit_codes import EXIT_OK, EXIT_USAGE

ORDER = 30


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], lang: Lang) -> None:
    p = sub.add_parser("schema", help=t(lang, "导出各类记录的 JSON Schema（供编辑器自动补全）",
                                        "write a JSON Schema per record type for editors"))
    p.add_argument("--content", type=Path, default=Path("content"),
                   help=t(lang, "内容目录（默认 content/）；Schema 写入其中的 _schemas/",
                          "content directory (default content/); the schemas go to its _schemas/"))
    p.add_argument("--out", type=Path, default=None,
                   help=t(lang, "输出目录（默认为内容目录下的 _schemas/）",
                          "output directory (default _schemas/ in the content directory)"))
    lang_option(p, lang, argparse.SUPPRESS)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, lang: Lang) -> int:
    """Schemas belong beside the records they describe: without ``--out``, a missing content folder is a usage
    error, never a reason to create ``content/_schemas`` wherever the command happened to be run."""
    from generator.schema import write_schemas

    if args.out is None and missing_content(args, lang):
        return EXIT_USAGE
    out = args.out if args.out is not None else args.content / "_schemas"
    paths = write_schemas(out)
    print(t(lang, f"已写入 {len(paths)} 个 JSON Schema 到 {out}/", f"wrote {len(paths)} schemas to {out}/"))
    return EXIT_OK
