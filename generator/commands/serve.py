"""``serve``: local preview on 127.0.0.1 that rebuilds and reloads the browser when files change."""

from __future__ import annotations

import argparse
import signal
import sys
import tempfile
import threading
from pathlib import Path
from types import FrameType

from generator.codes import Lang
from generator.commands import content_options, missing_content, settings, t
from generator.exit_codes import EXIT_OK, EXIT_USAGE

ORDER = 45
TEMPLATES = Path(__file__).resolve().parent.parent.parent / "templates"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], lang: Lang) -> None:
    p = sub.add_parser("serve", help=t(lang, "本机预览：修改内容或模板后自动重新生成并刷新浏览器",
                                       "local preview that rebuilds and reloads the browser on change"))
    p.add_argument("--port", type=int, default=8000,
                   help=t(lang, "端口（默认 8000；0 表示任选一个空闲端口）", "port (default 8000; 0 picks a free one)"))
    content_options(p, lang, out=False)
    p.set_defaults(handler=run)


def _stop(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def run(args: argparse.Namespace, lang: Lang) -> int:
    from generator.serve import Preview, PreviewServer
    from generator.serve.preview import with_out

    if missing_content(args, lang):
        return EXIT_USAGE
    with tempfile.TemporaryDirectory(prefix="generator-preview-") as tmp:
        base = settings(args, lang)
        preview = Preview(with_out(base, Path(tmp) / "site"), watched=(args.content, TEMPLATES))
        preview.build()
        try:
            server = PreviewServer(preview, args.port)
        except OSError as exc:
            print(t(lang, f"无法在端口 {args.port} 上启动预览：{exc.strerror}。请用 --port 换一个端口。",
                    f"cannot serve on port {args.port}: {exc.strerror}. Choose another with --port."), file=sys.stderr)
            return EXIT_USAGE
        print(t(lang, f"预览地址：{server.url}  （按 Ctrl+C 结束）", f"preview at {server.url}  (Ctrl+C to stop)"),
              flush=True)
        stop = threading.Event()
        watcher = threading.Thread(target=preview.watch, args=(stop,), name="watch", daemon=True)
        watcher.start()
        signal.signal(signal.SIGTERM, _stop)
        try:
            server.serve_forever(poll_interval=0.2)
        except KeyboardInterrupt:
            print(t(lang, "预览已结束。", "preview stopped."), flush=True)
        finally:
            stop.set()
            preview.close()
            server.server_close()
            watcher.join(timeout=5)
    return EXIT_OK
