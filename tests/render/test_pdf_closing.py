"""Where the 版记 goes: the foot of the last page, which GB/T 9704-2012 wants even.

Double-sided printing puts the 版记 on the document's last face, so the last page
is even whatever the body's length; "公文的版记页前有空白页的，空白页和版记页均不编排页码".
The bodies are one-line filler paragraphs; the tests pick their number from the
pages where the signature and the 版记 fall, so each case is built, not hoped for.
"""

from __future__ import annotations

from collections.abc import Callable

import pdfplumber
import pytest
import weasyprint

from generator.render.pdf import FontPlan, render_pdf
from generator.render.pdf.bulletin import BulletinDoc, layout
from tests.render.pdf_measure import MM, Line, lines, open_pdf, text_left, text_right
from tests.render.pdf_samples import SAMPLE, filler, variant

PRINTED = SAMPLE.printed_by + "2024年3月6日印发"
DATE = "2024年3月5日"


def _page_of(document: weasyprint.Document, anchor: str) -> int:
    return next(number for number, page in enumerate(document.pages, 1) if anchor in page.anchors)


def _with_paragraphs(plan: FontPlan, wanted: Callable[[int, int], bool], *, last: bool = False) -> BulletinDoc:
    """The filler body for which ``wanted(signature page, 版记 page)`` holds: the shortest, or with
    ``last`` the longest of the first run of such bodies."""
    found = None
    for paragraphs in range(60):
        doc = variant(body_html=filler(paragraphs), attachments=())
        document = layout(doc, plan)
        if wanted(_page_of(document, "signing"), _page_of(document, "closing")):
            found = doc
            if not last:
                break
        elif found is not None:
            break
    assert found is not None, "no body length gives this case"
    return found


def _numbers(pdf: pdfplumber.PDF) -> dict[int, str]:
    return {ln.page: ln.text for ln in lines(pdf) if ln.text.startswith("— ")}


def _page_lines(pdf: pdfplumber.PDF, page: int) -> list[Line]:
    return [ln for ln in lines(pdf) if ln.page == page]


def _assert_closing_at_foot_of_even_last_page(pdf: pdfplumber.PDF) -> int:
    """The 版记's lines and rules on the last page, which is even, the last rule 262.0 mm from the top."""
    last = len(pdf.pages)
    assert last % 2 == 0
    texts = [ln.text for ln in lines(pdf)]
    cc = next(ln for ln in lines(pdf) if ln.text.startswith("抄送："))
    printed = next(ln for ln in lines(pdf) if ln.text == PRINTED)
    assert cc.page == printed.page == last
    assert texts.index(cc.text) > texts.index(DATE)
    rules = pdf.pages[-1].rects
    assert max(r["bottom"] for r in rules) == pytest.approx(262 * MM, abs=0.05 * MM)
    assert {(round(r["x0"], 1), round(r["x1"], 1)) for r in rules} == {
        (round(text_left(last), 1), round(text_right(last), 1))
    }
    return last


def _signature_page(pdf: pdfplumber.PDF) -> int:
    return next(ln.page for ln in lines(pdf) if ln.text == DATE)


def test_body_ending_on_an_even_page_with_room_keeps_the_closing_below_it(plan: FontPlan) -> None:
    doc = _with_paragraphs(plan, lambda signing, closing: signing == closing == 2)
    with open_pdf(render_pdf(doc, plan)) as pdf:
        last = _assert_closing_at_foot_of_even_last_page(pdf)
        assert last == _signature_page(pdf) == 2
        assert _numbers(pdf) == {1: "— 1 —", 2: "— 2 —"}


@pytest.mark.parametrize("body", ["short", "full"])
def test_body_ending_on_an_odd_page_puts_the_closing_alone_on_the_next_numbered_page(
    plan: FontPlan, body: str
) -> None:
    """A one-page notice has room for the 版记 on page 1, but it still goes to page 2 (and so does a full page)."""
    if body == "short":
        doc = variant(body_html="<p>正文。</p>", attachments=())
    else:
        doc = _with_paragraphs(plan, lambda signing, _: signing == 1, last=True)
    with open_pdf(render_pdf(doc, plan)) as pdf:
        last = _assert_closing_at_foot_of_even_last_page(pdf)
        assert last == 2
        assert _signature_page(pdf) == 1
        assert _numbers(pdf) == {1: "— 1 —", 2: "— 2 —"}
        assert [ln.text for ln in _page_lines(pdf, 2)] == ["抄送：" + "，".join(SAMPLE.cc) + "。", PRINTED, "— 2 —"]


def test_full_even_page_is_followed_by_a_blank_page_then_the_closing_both_unnumbered(plan: FontPlan) -> None:
    doc = _with_paragraphs(plan, lambda signing, closing: signing == 2 and closing > signing)
    data = render_pdf(doc, plan)
    with open_pdf(data) as pdf:
        last = _assert_closing_at_foot_of_even_last_page(pdf)
        assert last == 4
        assert _signature_page(pdf) == 2
        blank = pdf.pages[2]
        assert (blank.chars, blank.rects, blank.lines, blank.images) == ([], [], [], [])
        assert _numbers(pdf) == {1: "— 1 —", 2: "— 2 —"}
        assert [ln.text for ln in _page_lines(pdf, 4)] == ["抄送：" + "，".join(SAMPLE.cc) + "。", PRINTED]
    assert render_pdf(doc, plan) == data


def test_every_body_length_ends_on_an_even_page_holding_the_closing(plan: FontPlan) -> None:
    """Bodies from none to four pages: the 版记 is on the last page, which is even, at most two pages on."""
    seen = set()
    for paragraphs in range(0, 72, 3):
        document = layout(variant(body_html=filler(paragraphs), attachments=()), plan)
        signing, closing = _page_of(document, "signing"), _page_of(document, "closing")
        assert closing == len(document.pages), paragraphs
        assert closing % 2 == 0, paragraphs
        if signing % 2:
            assert closing == signing + 1, paragraphs
        else:
            assert closing in (signing, signing + 2), paragraphs
        seen.add(closing - signing)
    assert seen == {0, 1, 2}
