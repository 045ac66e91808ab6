"""Geometry of a rendered bulletin against GB/T 9704-2012, measured on the real PDF."""

from __future__ import annotations

from itertools import pairwise

import pytest

from generator.render.pdf import FontPlan, render_pdf
from tests.render.pdf_measure import (
    CHAR,
    MM,
    PAGE_H,
    PAGE_W,
    PITCH,
    RED,
    TEXT_BOTTOM,
    TEXT_TOP,
    TEXT_W,
    Line,
    Rendered,
    body_lines,
    dark_runs,
    ink_box,
    lines,
    open_pdf,
    paragraph_lines,
    text_left,
    text_right,
)
from tests.render.pdf_samples import SAMPLE, variant

FORBIDDEN_AT_LINE_START = "，。、；：？！”）》"


def _find(sample: Rendered, text: str, *, exact: bool = False) -> Line:
    return next(ln for ln in lines(sample.pdf) if (text == ln.text if exact else text in ln.text))


def _paragraphs(sample: Rendered, plan: FontPlan) -> list[Line]:
    return paragraph_lines(sample.pdf, plan.used("body").replace(" ", "-"))


def test_renders_without_warnings(sample: Rendered) -> None:
    assert sample.warnings == ()


def test_pages_are_a4(sample: Rendered) -> None:
    assert len(sample.pdf.pages) >= 3
    for page in sample.pdf.pages:
        assert page.width == pytest.approx(PAGE_W, abs=0.1)
        assert page.height == pytest.approx(PAGE_H, abs=0.1)


def test_body_text_is_16pt(sample: Rendered, plan: FontPlan) -> None:
    body = _paragraphs(sample, plan)
    assert len(body) > 40
    assert {round(c["size"], 2) for ln in body for c in ln.chars} == {16.0}


def test_body_starts_at_binding_margin_mirrored(sample: Rendered, plan: FontPlan) -> None:
    """Lines start at 28 mm on odd pages, 26 mm on even ones, or two characters in."""
    for ln in _paragraphs(sample, plan):
        left = text_left(ln.page)
        indent = ln.x0 - left
        assert indent == pytest.approx(0, abs=0.2) or indent == pytest.approx(2 * CHAR, abs=0.2), (
            ln.page, ln.text
        )
    starts = {(ln.page % 2, round(ln.x0 / MM, 1)) for ln in _paragraphs(sample, plan)}
    assert (1, 28.0) in starts
    assert (0, 26.0) in starts


def test_full_page_has_22_lines_on_the_grid(sample: Rendered) -> None:
    page2 = [ln for ln in body_lines(sample.pdf) if ln.page == 2]
    assert len(page2) == 22
    bottoms = [ln.bottom for ln in page2 if "Serif" in ln.font]
    for bottom in bottoms:
        steps = (bottom - bottoms[0]) / PITCH
        assert steps == pytest.approx(round(steps), abs=0.02)
    assert page2[0].top - TEXT_TOP < PITCH / 2


def test_lines_hold_28_characters(sample: Rendered, plan: FontPlan) -> None:
    full = [
        ln for ln in _paragraphs(sample, plan)
        if all("\u4e00" <= c <= "\u9fff" or c in "，。、；：“”（）《》" for c in ln.text)
        and abs(ln.x0 - text_left(ln.page)) < 0.2
    ]
    assert full
    assert max(len(ln.text) for ln in full) == 28


def test_organ_mark_is_red_and_35mm_below_text_top(sample: Rendered) -> None:
    mark = _find(sample, SAMPLE.organ_mark)
    assert mark.page == 1
    assert {tuple(round(v, 3) for v in c["non_stroking_color"]) for c in mark.chars} == {RED}
    assert mark.x0 >= text_left(1) - 0.5 and mark.x1 <= text_right(1) + 0.5
    ink = ink_box(sample.data, 1, (20, 50, 190, 100), red=True)
    assert ink is not None
    assert ink[1] == pytest.approx(37 + 35, abs=0.3)


def test_document_number_centred_with_red_rule_4mm_below(sample: Rendered) -> None:
    number = _find(sample, SAMPLE.number)
    assert number.text == SAMPLE.number
    centre = (number.x0 + number.x1) / 2
    assert centre == pytest.approx(text_left(1) + TEXT_W / 2, abs=1)
    mark = _find(sample, SAMPLE.organ_mark)
    # Two blank 3号 lines between the mark and the number.
    assert number.top - mark.bottom == pytest.approx(2 * PITCH, abs=3)
    rules = [r for r in sample.pdf.pages[0].rects if r["non_stroking_color"] == RED]
    assert len(rules) == 1
    rule = rules[0]
    assert rule["top"] - number.bottom == pytest.approx(4 * MM, abs=0.2 * MM)
    assert rule["x0"] == pytest.approx(text_left(1), abs=0.2)
    assert rule["x1"] == pytest.approx(text_right(1), abs=0.2)


def test_title_22pt_bold_centred_then_addressee_flush_left(sample: Rendered) -> None:
    title_lines = [ln for ln in lines(sample.pdf) if ln.page == 1 and abs(ln.size - 22) < 0.01]
    assert "".join(ln.text for ln in title_lines) == SAMPLE.title
    for ln in title_lines:
        assert "Bold" in ln.font
        assert (ln.x0 + ln.x1) / 2 == pytest.approx(text_left(1) + TEXT_W / 2, abs=1.5)
    addressee = _find(sample, SAMPLE.addressee)
    assert addressee.x0 == pytest.approx(text_left(1), abs=0.2)
    assert addressee.top - title_lines[-1].top == pytest.approx(2 * PITCH, abs=3)


def test_a_title_breaks_where_its_author_broke_it(plan: FontPlan) -> None:
    authored = ("关于省直机关违反中央八项规定精神", "典型案例的通报")
    doc = variant(title="".join(authored), title_lines=authored)
    with open_pdf(render_pdf(doc, plan)) as pdf:
        title_lines = [ln for ln in lines(pdf) if ln.page == 1 and abs(ln.size - 22) < 0.01]
    assert tuple(ln.text for ln in title_lines) == authored  # greedy filling would split 精神 from 典型案例
    for ln in title_lines:
        assert (ln.x0 + ln.x1) / 2 == pytest.approx(text_left(1) + TEXT_W / 2, abs=1.5)


def test_headings_use_their_role_fonts_indented(sample: Rendered, plan: FontPlan) -> None:
    h1 = _find(sample, "一、基本情况")
    h2 = _find(sample, "（一）理论学习扎实深入")
    assert h1.font.startswith(plan.used("heading1").replace(" ", "-"))
    assert h2.font.startswith(plan.used("heading2").replace(" ", "-"))
    for heading in (h1, h2):
        assert heading.size == pytest.approx(16, abs=0.01)
        assert heading.x0 - text_left(heading.page) == pytest.approx(2 * CHAR, abs=0.2)


def test_page_numbers_outer_side_one_character_in_7mm_below(sample: Rendered) -> None:
    pages = len(sample.pdf.pages)
    numbers = [ln for ln in lines(sample.pdf) if ln.top > TEXT_BOTTOM]
    assert [ln.text for ln in numbers if ln.text.startswith("—")] == [
        f"— {n} —" for n in range(1, pages + 1)
    ]
    for ln in numbers:
        if not ln.text.startswith("—"):
            continue
        assert ln.size == pytest.approx(14, abs=0.01)
        if ln.page % 2:
            assert text_right(ln.page) - ln.x1 == pytest.approx(14, abs=0.5)
        else:
            assert ln.x0 - text_left(ln.page) == pytest.approx(14, abs=0.5)
    for page in (1, 2):
        left = text_right(1) / MM - 20 if page == 1 else text_left(2) / MM
        dash = ink_box(sample.data, page, (left, 262.5, left + 5.5, 280))
        assert dash is not None
        assert dash[1] - 262 == pytest.approx(7, abs=0.3)


def test_closing_block_at_foot_of_last_page(sample: Rendered) -> None:
    last = len(sample.pdf.pages)
    cc = _find(sample, "抄送：")
    printed = _find(sample, SAMPLE.printed_by)
    assert cc.page == printed.page == last
    assert cc.text == "抄送：" + "，".join(SAMPLE.cc) + "。"
    assert printed.text == SAMPLE.printed_by + "2024年3月6日印发"
    for ln in (cc, printed):
        assert ln.size == pytest.approx(14, abs=0.01)
        assert ln.x0 - text_left(last) == pytest.approx(14, abs=0.3)
    assert text_right(last) - printed.x1 == pytest.approx(14, abs=0.5)
    page = sample.pdf.pages[last - 1]
    bottom = max(r["bottom"] for r in page.rects)
    assert bottom == pytest.approx(262 * MM, abs=1 * MM)
    widths = {(round(r["x0"] / MM, 1), round(r["x1"] / MM, 1)) for r in page.rects}
    assert widths == {(text_left(last) / MM, text_right(last) / MM)}
    # Rules: 0.35 mm first and last, 0.25 mm between, measured as ink.
    runs = dark_runs(sample.data, last, text_left(last) / MM + 2, cc.top / MM - 12, 263)
    assert runs == [pytest.approx(w, abs=0.05) for w in (0.35, 0.25, 0.35)]


def test_attachment_note_and_signature(sample: Rendered) -> None:
    first = _find(sample, "附件：1.")
    second = _find(sample, "2." + SAMPLE.attachments[1][:4])
    wrapped = _find(sample, SAMPLE.attachments[1][-8:])
    left = text_left(first.page)
    assert first.x0 - left == pytest.approx(2 * CHAR, abs=0.2)
    digit = next(c for c in first.chars if c["text"] == "1")
    assert second.x0 == pytest.approx(digit["x0"], abs=0.2)
    name_start = second.chars[len("2.")]  # a wrapped name aligns with its first character
    assert name_start["text"] == SAMPLE.attachments[1][0]
    assert wrapped.x0 == pytest.approx(name_start["x0"], abs=0.2)
    signature = _find(sample, SAMPLE.signature, exact=True)
    date = _find(sample, "2024年3月5日", exact=True)
    assert signature.top - wrapped.top == pytest.approx(2 * PITCH, abs=0.5)
    assert date.top - signature.top == pytest.approx(PITCH, abs=0.5)
    assert text_right(signature.page) - signature.x1 == pytest.approx(2 * CHAR, abs=1)
    assert date.x0 - signature.x0 == pytest.approx(2 * CHAR, abs=0.2)


def test_no_line_starts_with_closing_punctuation(sample: Rendered) -> None:
    starts = [ln.text[0] for ln in lines(sample.pdf)]
    assert not [c for c in starts if c in FORBIDDEN_AT_LINE_START]


def test_non_final_lines_are_flush_right_without_spaces(sample: Rendered, plan: FontPlan) -> None:
    body = _paragraphs(sample, plan)
    non_final = [
        ln for ln, nxt in pairwise(body)
        if abs(nxt.x0 - text_left(nxt.page)) < 0.2 and ln.text[-1] not in "。；"
    ]
    assert len(non_final) > 20
    flush = [ln for ln in non_final if abs(text_right(ln.page) - ln.x1) < 1.0]
    share = len(flush) / len(non_final)
    assert share >= 0.95, [ln.text for ln in non_final if ln not in flush]
    text = "".join(page.extract_text() for page in sample.pdf.pages)
    assert "为深入学习贯彻习近平新时代" in text  # no inserted spaces between characters


def test_reading_order_of_extracted_text(sample: Rendered) -> None:
    text = "".join(page.extract_text() for page in sample.pdf.pages).replace("\n", "")
    order = [
        SAMPLE.organ_mark,
        SAMPLE.number,
        SAMPLE.title,
        SAMPLE.addressee,
        "为深入学习贯彻",
        "一、基本情况",
        "（一）理论学习扎实深入",
        "三、有关要求",
        "附件：1.",
        SAMPLE.signature + "2024年3月5日",
        "抄送：",
    ]
    positions = [text.find(part) for part in order]
    assert -1 not in positions, dict(zip(order, positions, strict=True))
    assert positions == sorted(positions)


def test_long_organ_mark_is_compressed_to_text_width(plan: FontPlan) -> None:
    short = variant(organ_mark="四川省文件", attachments=(), body_html="<p>正文。</p>")
    long = variant(organ_mark="中共四川省直属机关工作委员会四川省人民政府办公厅文件", attachments=())
    for doc in (short, long):
        with open_pdf(render_pdf(doc, plan)) as pdf:
            mark = next(ln for ln in lines(pdf) if abs(ln.size - 36) < 0.01)
            assert mark.text == doc.organ_mark
            assert mark.x0 >= text_left(1) - 0.5 and mark.x1 <= text_right(1) + 0.5
            assert (mark.x0 + mark.x1) / 2 == pytest.approx(text_left(1) + TEXT_W / 2, abs=1)


def test_closing_without_cc_keeps_its_rules_at_the_foot(plan: FontPlan) -> None:
    doc = variant(cc=(), attachments=(), body_html="<p>正文。</p>")
    with open_pdf(render_pdf(doc, plan)) as pdf:
        assert len(pdf.pages) == 2  # the 版记 goes to the even page
        texts = [ln.text for ln in lines(pdf)]
        assert not [t for t in texts if t.startswith("抄送")]
        assert SAMPLE.printed_by + "2024年3月6日印发" in texts
        assert max(r["bottom"] for r in pdf.pages[1].rects) == pytest.approx(262 * MM, abs=MM)
