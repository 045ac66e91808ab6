"""Site configuration (``content/site.yaml``): who publishes, for which year, what is public."""

from __future__ import annotations

from typing import Literal

from pydantic import AnyHttpUrl, Field

from generator.models.base import Date, Record, ShortText, Year


class Privacy(Record):
    mask_case_names: bool = Field(True, description="警示案例中的姓名是否隐去为“张某某”")
    public_findings: tuple[Literal["serious", "warning", "notice"], ...] = Field(
        ("serious", "warning"), description="支部页面公开显示哪些级别的合规问题"
    )
    member_points: Literal["none", "top", "all"] = Field(
        "top", description="党员积分公开范围：none 不公开，top 只公开前几名，all 全部"
    )
    top_points: int = Field(3, ge=0, le=50, description="每个支部公开的积分前几名人数")


class Fonts(Record):
    """Font families by role for the PDF bulletins, in order of preference."""

    title: tuple[str, ...] = ("方正小标宋简体", "FZXiaoBiaoSong-B05S", "Noto Serif CJK SC")
    body: tuple[str, ...] = ("仿宋_GB2312", "FangSong", "FandolFang", "Noto Serif CJK SC")
    heading1: tuple[str, ...] = ("黑体", "SimHei", "Noto Sans CJK SC")
    heading2: tuple[str, ...] = ("楷体_GB2312", "KaiTi", "AR PL UKai CN", "Noto Serif CJK SC")
    page_number: tuple[str, ...] = ("宋体", "SimSun", "Noto Serif CJK SC")


class Site(Record):
    title: ShortText = Field(description="网站名称")
    organ: ShortText = Field(description="发文机关全称，例如 中共四川省直属机关工作委员会")
    organ_short: ShortText = Field(description="机关简称，用于页脚和署名")
    organ_mark: ShortText = Field(description="公文的发文机关标志，例如 中共四川省直属机关工作委员会文件")
    doc_prefix: ShortText = Field(description="发文字号的机关代字，例如 川直工委")
    base_url: AnyHttpUrl = Field(description="内网站点地址，例如 http://dangjian.sczg.gov.cn/")
    year: Year = Field(description="当前考核年度")
    today: Date = Field(description="基准日期：判断是否逾期以此为准（可用 --today 覆盖）")
    privacy: Privacy = Privacy()
    fonts: Fonts = Fonts()
    releases_kept: int = Field(5, ge=1, le=100, description="发布时保留的历史版本数")
    severity: dict[str, Literal["serious", "warning", "notice"]] = Field(
        default_factory=dict, description="按代码调整合规问题的级别，例如 ORG005: notice"
    )
