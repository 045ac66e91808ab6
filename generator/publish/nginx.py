"""The nginx configuration shipped with the project, rendered for one server.

The template (``nginx.conf.j2`` beside this module) is the documentation for
the web-server administrator as well: every block says why it is there. Values
are checked before they go into the file, so an odd path cannot inject
directives.
"""

from __future__ import annotations

import re
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from generator.publish.errors import PublishError

TEMPLATE = Path(__file__).resolve().parent / "nginx.conf.j2"
_LISTEN = re.compile(r"^(?:\[[0-9A-Fa-f:.]+\]:|[A-Za-z0-9.-]+:)?\d{1,5}(?: [a-z_]+)*$")
_SERVER_NAME = re.compile(r"^[A-Za-z0-9._*~^$-]+(?: [A-Za-z0-9._*~^$-]+)*$")
_UNSAFE_PATH = re.compile(r'[\x00-\x1f";{}$\\]')


def render(root: Path | str, *, listen: str = "80", server_name: str = "_") -> str:
    """The server block serving ``root`` (a publish target's ``current`` symlink)."""
    root_text = str(root)
    if not root_text.startswith("/") or _UNSAFE_PATH.search(root_text):
        raise PublishError(f"网站根目录必须是不含特殊字符的绝对路径：{root_text}",
                           f"the document root must be an absolute path without special characters: {root_text}")
    if not _LISTEN.match(listen):
        raise PublishError(f"监听地址格式不对：{listen}（例如 80 或 127.0.0.1:8080）",
                           f"bad listen address: {listen} (e.g. 80 or 127.0.0.1:8080)")
    if not _SERVER_NAME.match(server_name):
        raise PublishError(f"服务器名称格式不对：{server_name}", f"bad server name: {server_name}")
    env = Environment(loader=FileSystemLoader(TEMPLATE.parent), undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True, autoescape=False)
    return env.get_template(TEMPLATE.name).render(root=root_text, listen=listen, server_name=server_name)
