"""Render the HTML site: plain data from the checked corpus into Jinja templates."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from generator.pipeline import Checked

TEMPLATES = Path(__file__).resolve().parent.parent.parent / "templates"


def environment(templates: Path = TEMPLATES) -> Environment:
    env = Environment(
        loader=FileSystemLoader(templates),
        autoescape=select_autoescape(["html", "j2", "xml"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["cndate"] = lambda d: f"{d.year}年{d.month}月{d.day}日"
    return env


def render_site(checked: Checked, out: Path) -> None:
    corpus = checked.corpus
    assert corpus.site is not None
    env = environment()
    site = corpus.site.value
    common = {"site": {"title": site.title, "organ": site.organ, "year": site.year, "today": checked.today}}
    branches = [
        {"id": bid, "name": data.branch.value.name, "unit": corpus.units[data.unit].value.name
         if data.unit in corpus.units else data.unit}
        for bid, data in sorted(corpus.branches.items())
    ]
    _write(out / "index.html", env.get_template("site/index.html.j2").render(**common, branches=branches, root=""))
    for branch in branches:
        page = env.get_template("site/branch.html.j2").render(**common, branch=branch, root="../../")
        _write(out / "branches" / branch["id"] / "index.html", page)
    css = (TEMPLATES / "static" / "style.css").read_bytes()
    (out / "static").mkdir(parents=True, exist_ok=True)
    (out / "static" / "style.css").write_bytes(css)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
