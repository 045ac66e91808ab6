"""The PDF stage of a build: resolve fonts once, render every bulletin, write the files.

A bulletin that would print an empty box (a character no installed font has)
or a machine with no Chinese font at all is a content error of the build: the
diagnostics name the characters, the record and the install command, and the
staging directory is discarded so the previous site stays published.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from generator.cache.builds import fonts_digest
from generator.cache.render import RenderCache
from generator.codes import define, make
from generator.diagnostics import Diagnostic, Kind, Location, Severity
from generator.models.site import Fonts
from generator.pipeline import PDF_STAGE, Checked
from generator.progress import Progress
from generator.render.bulletins import BulletinView, bulletin_views, pdf_document
from generator.render.pdf import FontsMissing, MissingGlyphs, resolve_fonts
from generator.render.pdf.fonts import INSTALL_COMMAND
from generator.render.pdf.pool import Rendering

GLYPHS = define(
    "PDF001", Kind.ERROR, Severity.ERROR,
    title=("字体缺字", "character missing from every font"),
    message=("通报中有已安装字体都没有的字：{chars}", "no installed font has these characters: {chars}"),
    hint=("改用常用字，或在服务器上安装包含这些字的字体（例如方正仿宋_GB2312）",
          "use common characters, or install a font that has them on the build machine"),
)
NO_FONT = define(
    "PDF002", Kind.ERROR, Severity.ERROR,
    title=("没有中文字体", "no Chinese font"),
    message=("没有可用于{roles}的中文字体，无法生成公文 PDF", "no Chinese font for {roles}; PDFs cannot be made"),
    hint=(f"运行：sudo {INSTALL_COMMAND}", f"run: sudo {INSTALL_COMMAND}"),
)


class PdfErrors(Exception):
    """Content errors found while rendering; the build turns them into diagnostics."""

    def __init__(self, diagnostics: Sequence[Diagnostic]) -> None:
        super().__init__(f"{len(diagnostics)} PDF error(s)")
        self.diagnostics = tuple(diagnostics)


def bulletin_pages(checked: Checked) -> list[BulletinView]:
    """Every bulletin of the corpus as its PDF prints it: made where the checked corpus is, rendered by
    :class:`PendingPdfs` after that corpus is gone (plain data, picklable)."""
    from generator.render.site import make_view

    corpus = checked.corpus
    assert checked.scores is not None
    return bulletin_views(corpus, checked.scores, make_view(checked, frozenset(corpus.assets)).markdown)


class PendingPdfs:
    """Bulletins rendering in worker processes while the build waits for them.

    A bulletin whose document, fonts, templates and generator are unchanged is taken from the
    render cache instead. :meth:`finish` waits, writes the files and reports the stage's own time
    (from the start to the last document done); :meth:`cancel` abandons the work when the build failed.
    """

    def __init__(self, views: Sequence[BulletinView], organ_mark: str, fonts: Fonts, out: Path,
                 progress: Progress, cache: RenderCache | None = None) -> None:
        self.views, self.out, self.progress, self.cache = list(views), out, progress, cache
        self.docs = [pdf_document(view, organ_mark) for view in self.views]
        self.keys: list[tuple[object, ...]] = []
        self.found: list[bytes | None] = [None] * len(self.docs)
        self.rendering: Rendering | None = None
        if not self.docs:
            return
        try:
            plan = resolve_fonts(fonts.model_dump())
        except FontsMissing as missing:
            raise PdfErrors([make(NO_FONT, Location("content/site.yaml", field="fonts"),
                                  roles="、".join(missing.roles))]) from None
        self.fonts_used = plan.describe()
        self.fonts_shown = list(zip(plan.describe("zh"), plan.describe("en"), strict=True))
        if cache is not None:
            installed = fonts_digest()
            self.keys = [("pdf", installed, self.fonts_used, doc) for doc in self.docs]
            self.found = [cache.lookup(key) for key in self.keys]
        self.rendering = Rendering([doc for doc, data in zip(self.docs, self.found, strict=True) if data is None],
                                   plan)

    def finish(self) -> None:
        if self.rendering is None:
            return
        self.progress.begin(PDF_STAGE)
        for zh, en in self.fonts_shown:
            self.progress.say(f"      字体：{zh}", f"      font: {en}")
        try:
            fresh = iter(data for data, _ in self.rendering.result())
        except ExceptionGroup as group:
            paths = {view.source: view.path for view in self.views}
            raise PdfErrors(_diagnostics(group, paths)) from None
        for index, (view, found) in enumerate(zip(self.views, self.found, strict=True)):
            data = found if found is not None else next(fresh)
            if found is None and self.cache is not None:
                self.cache.store(self.keys[index], data)
            path = self.out / view.pdf
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        reused = sum(found is not None for found in self.found)
        made = len(self.docs)
        self.progress.say(f"      PDF 通报：{made}（沿用 {reused}）", f"      PDF bulletins: {made} (reused {reused})")
        self.progress.end(PDF_STAGE, self.rendering.seconds)

    def cancel(self) -> None:
        if self.rendering is not None:
            self.rendering.cancel()


def _where(source: str, path: Path | None, chars: Sequence[str]) -> Location:
    """The first line of the bulletin's file that holds one of the characters."""
    if path is not None and path.is_file():
        for number, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), 1):
            for col, char in enumerate(line, 1):
                if char in chars:
                    return Location(source, number, col)
    return Location(source)


def _diagnostics(group: ExceptionGroup, paths: dict[str, Path]) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for error in group.exceptions:
        if isinstance(error, MissingGlyphs):
            chars = " ".join(f"“{c}”(U+{ord(c):04X})" for c in error.chars)
            found.append(make(GLYPHS, _where(error.source, paths.get(error.source), error.chars), chars=chars))
        else:
            raise error
    return found
