"""The PDF as a file: metadata, fonts, determinism, glyph errors, line breaking, the pool."""

from __future__ import annotations

import datetime
import io
import subprocess
from pathlib import Path

import pydyf
import pypdf
import pytest
from weasyprint.layout import preferred

from generator.render.pdf import FontPlan, MissingGlyphs, bench_pdf, render_many, render_pdf, speedups
from generator.render.pdf.pool import longest_first
from tests.render.pdf_measure import Rendered, body_lines, open_pdf, text_right
from tests.render.pdf_samples import SAMPLE, variant


def test_metadata_from_the_document(sample: Rendered) -> None:
    reader = pypdf.PdfReader(io.BytesIO(sample.data))
    info = reader.metadata
    assert info is not None
    assert info.title == SAMPLE.title
    assert info.author == SAMPLE.author
    assert info.subject == SAMPLE.subject
    assert info["/CreationDate"].startswith("D:20240305")
    assert info["/ModDate"].startswith("D:20240305")
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "zh-CN"
    assert "/StructTreeRoot" in root  # tagged PDF
    assert len(reader.trailer["/ID"]) == 2


def test_bookmarks_follow_the_headings(sample: Rendered) -> None:
    reader = pypdf.PdfReader(io.BytesIO(sample.data))

    def walk(items: list[object], depth: int = 0) -> list[tuple[int, str]]:
        found: list[tuple[int, str]] = []
        for item in items:
            if isinstance(item, list):
                found += walk(item, depth + 1)
            else:
                found.append((depth, item.title))  # type: ignore[attr-defined]
        return found

    outline = walk(reader.outline)
    assert outline[0] == (0, SAMPLE.title)
    assert (1, "一、基本情况") in outline
    assert (2, "（一）理论学习扎实深入") in outline
    assert (1, "三、有关要求") in outline


def test_fonts_are_embedded_subsets_and_never_type3(sample: Rendered, tmp_path: Path) -> None:
    path = tmp_path / "bulletin.pdf"
    path.write_bytes(sample.data)
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    rows = out.stdout.splitlines()[2:]
    assert rows
    for row in rows:
        fields = row.split()
        emb, sub = fields[-5], fields[-4]
        assert (emb, sub) == ("yes", "yes"), row
        assert "Type 3" not in row
        assert "+" in fields[0]  # subset tag


def test_same_input_gives_identical_bytes(sample: Rendered, plan: FontPlan) -> None:
    assert render_pdf(SAMPLE, plan) == sample.data


def test_a_different_document_gets_a_different_file_id(sample: Rendered, plan: FontPlan) -> None:
    other = render_pdf(variant(number="川直工委〔2024〕13号"), plan)
    first = pypdf.PdfReader(io.BytesIO(sample.data)).trailer["/ID"][0]
    second = pypdf.PdfReader(io.BytesIO(other)).trailer["/ID"][0]
    assert first != second


def test_character_without_glyph_raises_naming_it_and_the_source(plan: FontPlan) -> None:
    doc = variant(body_html="<p>测试\U0010fffd字符\U0002ebf0。</p>")
    with pytest.raises(MissingGlyphs) as caught:
        render_pdf(doc, plan)
    assert caught.value.source == SAMPLE.source
    assert caught.value.chars == ("\U0010fffd", "\U0002ebf0")
    message = str(caught.value)
    assert SAMPLE.source in message
    assert "U+10FFFD" in message and "U+2EBF0" in message


def test_dates_have_no_zero_padding(plan: FontPlan) -> None:
    doc = variant(date=datetime.date(2024, 1, 9), printed_on=datetime.date(2024, 1, 10))
    with open_pdf(render_pdf(doc, plan)) as pdf:
        text = "".join(page.extract_text() for page in pdf.pages)
    assert "2024年1月9日" in text
    assert "2024年1月10日印发" in text


@pytest.mark.parametrize("mark", ["，", "。", "”", "）", "》", "、"])
def test_closing_marks_never_start_a_line(plan: FontPlan, mark: str) -> None:
    """The mark falls 27th: the first line holds 26 characters after its 2-character indent."""
    opener = {"）": "（", "》": "《", "”": "“"}.get(mark, "党")
    text = "党" * 24 + opener + "建" + mark + "工作" * 20
    doc = variant(body_html=f"<p>{text}。</p>", attachments=())
    with open_pdf(render_pdf(doc, plan)) as pdf:
        body = [ln for ln in body_lines(pdf) if "党党" in ln.text or "工作" in ln.text]
    assert len(body) >= 2
    assert all(ln.text[0] not in "，。、；：？！”）》" for ln in body)
    # The line that gave a character away is still flush with the right edge.
    assert abs(text_right(body[0].page) - body[0].x1) < 1.0


def test_render_many_matches_render_pdf_in_worker_processes(
    sample: Rendered, plan: FontPlan
) -> None:
    other = variant(number="川直工委〔2024〕13号", source="content/bulletins/2024-13.md")
    results = render_many([SAMPLE, other], plan, workers=2)
    assert results[0] == sample.data
    assert results[1] == render_pdf(other, plan)


def test_render_many_starts_the_longest_first_and_keeps_the_given_order(
    sample: Rendered, plan: FontPlan
) -> None:
    longer = variant(body_html=SAMPLE.body_html * 3, source="content/bulletins/2024-14.md")
    assert longest_first([SAMPLE, longer, SAMPLE]) == [1, 0, 2]
    results = render_many([SAMPLE, longer], plan, workers=2)
    assert results == [sample.data, render_pdf(longer, plan)]


def test_render_many_attempts_all_and_reports_every_failure(plan: FontPlan) -> None:
    bad = [
        variant(body_html=f"<p>坏字\U0010fffd{i}</p>", source=f"content/bulletins/bad-{i}.md")
        for i in range(2)
    ]
    with pytest.raises(ExceptionGroup) as caught:
        render_many([bad[0], SAMPLE, bad[1]], plan, workers=1)
    errors = caught.value.exceptions
    assert [e.source for e in errors] == [d.source for d in bad]  # type: ignore[attr-defined]
    assert all(isinstance(e, MissingGlyphs) for e in errors)


def test_bench_reports_rates() -> None:
    docs_per_s, pages_per_s = bench_pdf(1)
    assert docs_per_s > 0
    assert pages_per_s >= 3 * docs_per_s


def test_speedups_print_the_same_bytes_as_plain_weasyprint(
    plan: FontPlan, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A contest-results table over several pages, its cells repeating, with and without the memos."""
    awards, units = ("一等奖", "二等奖", "三等奖"), ("财政厅", "教育厅信息中心", "人民政府港澳事务办公室")
    rows = "".join(
        f"<tr><td>{awards[i % 3]}</td><td>选手{i % 7}</td><td>四川省{units[i % 2]}</td><td>{90 - i % 5}.50</td></tr>"
        for i in range(120)
    )
    table = (
        "<h3>处级干部组·讲话撰写</h3><table><thead><tr><th>奖项</th><th>姓名</th><th>单位</th><th>得分</th></tr>"
        f"</thead><tbody>{rows}</tbody></table>"
    )
    doc = variant(body_html=SAMPLE.body_html + table)
    fast = render_pdf(doc, plan)
    for name in ("inline_min_content_width", "inline_max_content_width"):
        monkeypatch.setattr(preferred, name, getattr(preferred, name).original)
    monkeypatch.setattr(pydyf.PDF, "page_references", speedups.PAGE_REFERENCES)
    plain = render_pdf(doc, plan)
    assert len(pypdf.PdfReader(io.BytesIO(plain)).pages) >= 4
    assert fast == plain
