"""``publish``: build, then make the site the current release of a web server directory.

Also ``--rollback`` (switch back to the previous release) and ``--nginx-config``
(print the shipped nginx configuration for the target). Exit codes: 0 done,
1 content errors (nothing published), 2 the target cannot be used (not ours,
unreachable, nothing to roll back).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from generator.codes import Lang
from generator.commands import content_options, missing_content, settings, t
from generator.exit_codes import EXIT_CONTENT, EXIT_OK, EXIT_USAGE

ORDER = 40


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], lang: Lang) -> None:
    p = sub.add_parser("publish", help=t(lang, "生成网站并发布为新版本（原子切换，可回滚）",
                                         "build and publish the site as a new release (atomic switch, rollback)"))
    p.add_argument("--to", required=True, metavar="TARGET",
                   help=t(lang, "发布目录：本机目录，或 user@host:/path（经 ssh 用 rsync 传输）",
                          "target: a local directory, or user@host:/path (rsync over ssh)"))
    action = p.add_mutually_exclusive_group()
    action.add_argument("--rollback", action="store_true",
                        help=t(lang, "切换回上一个版本（不重新生成）",
                               "switch back to the previous release (no build)"))
    action.add_argument("--nginx-config", action="store_true",
                        help=t(lang, "输出适用于该发布目录的 nginx 配置", "print the nginx configuration for TARGET"))
    p.add_argument("--listen", default="80",
                   help=t(lang, "与 --nginx-config 一起用：监听端口或地址（默认 80）",
                          "with --nginx-config: listen port or address (default 80)"))
    p.add_argument("--server-name", default="_",
                   help=t(lang, "与 --nginx-config 一起用：服务器域名（默认 _，即任意）",
                          "with --nginx-config: server_name (default _, any)"))
    content_options(p, lang, out=False)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, lang: Lang) -> int:
    from generator.publish import PublishError

    try:
        if args.nginx_config:
            return _nginx(args)
        if args.rollback:
            return _rollback(args, lang)
        return _publish(args, lang)
    except PublishError as exc:
        print(exc.text(lang), file=sys.stderr)
        return EXIT_USAGE


def _nginx(args: argparse.Namespace) -> int:
    from generator.publish.nginx import render
    from generator.publish.targets import store_for

    root = f"{store_for(args.to).server_path().rstrip('/')}/current"
    sys.stdout.write(render(root, listen=args.listen, server_name=args.server_name))
    return EXIT_OK


def _rollback(args: argparse.Namespace, lang: Lang) -> int:
    from generator.publish import rollback
    from generator.publish.targets import store_for

    outcome = rollback(store_for(args.to))
    print(t(lang, f"已回滚：{args.to} 的当前版本从 {outcome.previous} 切换为 {outcome.release}。",
            f"rolled back: {args.to} now serves {outcome.release} (was {outcome.previous})."))
    return EXIT_OK


def _publish(args: argparse.Namespace, lang: Lang) -> int:
    from generator.pipeline import build
    from generator.publish import publish
    from generator.publish.targets import store_for
    from generator.report import write_text

    if missing_content(args, lang):
        return EXIT_USAGE
    store = store_for(args.to)
    with tempfile.TemporaryDirectory(prefix="generator-publish-") as tmp:
        args.out = Path(tmp) / "site"
        checked = build(settings(args, lang))
        write_text(checked.diagnostics, lang, sys.stdout, findings=False)
        if checked.errors or checked.corpus.site is None:
            print(t(lang, "有内容错误，没有发布；线上版本保持不变。",
                    "content errors: nothing was published; the live release is unchanged."), file=sys.stderr)
            return EXIT_CONTENT
        outcome = publish(args.out, store, keep=checked.corpus.site.value.releases_kept)
    if outcome.replaced is not None:
        print(t(lang, f"警告：{args.to}/current 原先指向 {outcome.replaced}，不是本程序发布的版本；"
                f"现已改为指向新版本 {outcome.release}。原先指向的目录没有改动。",
                f"warning: {args.to}/current pointed to {outcome.replaced}, which is not one of our releases; "
                f"it now points to the new release {outcome.release}. That folder was left untouched."),
              file=sys.stderr)
    if outcome.unchanged:
        print(t(lang, f"内容没有变化：{args.to} 仍是版本 {outcome.release}。",
                f"nothing changed: {args.to} still serves {outcome.release}."))
        return EXIT_OK
    removed = "、".join(outcome.removed) or "无"
    print(t(lang, f"已发布版本 {outcome.release}（{outcome.files} 个文件）到 {args.to}；"
            f"上一版本 {outcome.previous or '无'}，清理旧版本：{removed}。",
            f"published release {outcome.release} ({outcome.files} files) to {args.to}; "
            f"previous {outcome.previous or 'none'}, removed: {', '.join(outcome.removed) or 'none'}."))
    return EXIT_OK
