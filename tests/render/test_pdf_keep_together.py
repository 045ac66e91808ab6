"""Blocks a document officer never accepts split from the text they close, measured on the real PDF.

GB/T 9704-2012 7.3.5.4: the 成文日期 (with the signature) must not be left on a page
of its own; when it does not fit below the body, the layout makes it fit. Here the
body's last line goes over with it.
"""

from __future__ import annotations

import pytest

from generator.render.pdf import FontPlan, render_pdf
from tests.render.pdf_measure import lines, open_pdf
from tests.render.pdf_samples import SAMPLE, filler, variant

FILLER_START = "各级党组织要切实履行主体责任"


# Filler bodies whose last line falls at or near the foot of page 1 or page 2, where the
# signature block (one blank line and two lines) no longer fits below them.
@pytest.mark.parametrize("paragraphs", [*range(5, 10), *range(26, 32)])
def test_signature_and_date_never_stand_alone_on_a_page(plan: FontPlan, paragraphs: int) -> None:
    doc = variant(body_html=filler(paragraphs), attachments=())
    with open_pdf(render_pdf(doc, plan)) as pdf:
        found = lines(pdf)
        signature = next(ln for ln in found if ln.text == SAMPLE.signature)
        date = next(ln for ln in found if ln.text == "2024年3月5日")
        assert date.page == signature.page
        above = [ln.text for ln in found if ln.page == signature.page and ln.top < signature.top]
        assert any(text.startswith(FILLER_START) for text in above), (paragraphs, signature.page, above)


def test_table_header_labels_stay_on_one_line_beside_long_cells(plan: FontPlan) -> None:
    rows = "".join(
        f"<tr><td>{i}</td><td>四川省人力资源和社会保障厅</td><td>救援协调和预案管理处党支部</td><td>9{i}.5</td></tr>"
        for i in range(1, 4)
    )
    table = (
        '<table><thead><tr><th scope="col">序号</th><th scope="col">单位</th><th scope="col">党支部</th>'
        f'<th scope="col">得分</th></tr></thead><tbody>{rows}</tbody></table>'
    )
    doc = variant(body_html=f"<p>名单如下：</p>{table}", attachments=())
    with open_pdf(render_pdf(doc, plan)) as pdf:
        header = [ln.text for ln in lines(pdf) if abs(ln.size - 14) < 0.01 and "序" in ln.text]
        assert header and set(header) == {"序号单位党支部得分"}  # repeated on each page the table spans
