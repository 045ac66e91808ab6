"""Stage 4, scoring: the content errors found while scoring.

All are errors, never compliance findings: a rubric the generator cannot
apply, a points record outside the scheme, a nomination or exemplary-secretary
profile the records do not support, contest scores or fund ledgers that
cannot be right. Each stops the build until the record is fixed.
"""

from generator.codes import define
from generator.diagnostics import Kind, Severity

E, S = Kind.ERROR, Severity.ERROR

UNKNOWN_METRIC = define(
    "RUBRIC001", E, S,
    title=("未知的计算方法", "unknown metric"),
    message=("“{metric}”不是内置的{what_zh}计算方法", "'{metric}' is not a built-in {what_en} metric"),
    hint=("{suggestion_zh}可用的计算方法：{choices}", "{suggestion_en}built-in metrics: {choices}"),
)
BAD_PARAMS = define(
    "RUBRIC002", E, S,
    title=("计算方法参数不对", "bad metric parameters"),
    message=("计算方法“{metric}”的参数不对：{problem}", "bad parameters for metric '{metric}': {problem}"),
    hint=("可用参数：{allowed}", "allowed parameters: {allowed}"),
)
WEIGHTS = define(
    "RUBRIC003", E, S,
    title=("权重之和不对", "weights do not add up"),
    message=("{what_zh}的权重之和为{total}，应为{expected}",
             "the weights of {what_en} add up to {total}, not {expected}"),
    hint=("调整权重，使之和为{expected}", "change the weights so they add up to {expected}"),
)
BANDS = define(
    "RUBRIC004", E, S,
    title=("等次设置不对", "bands misconfigured"),
    message=("{problem_zh}", "{problem_en}"),
    hint=("等次从高到低排列，总分下限依次降低，最后一档为0；exemplary_min_band 填已有的等次标识",
          "list bands from highest to lowest with falling min_total, the last at 0; "
          "exemplary_min_band must name one of them"),
)
DUPLICATE_KEY = define(
    "RUBRIC005", E, S,
    title=("标识重复", "duplicate key"),
    message=("{what_zh}标识“{key}”重复", "duplicate {what_en} key '{key}'"),
    hint=("每个标识只能用一次", "give each one its own key"),
)
POINTS_ITEM = define(
    "POINTS001", E, S,
    title=("积分项目设置不对", "points item misconfigured"),
    message=("积分项目“{item}”：{problem_zh}", "points item '{item}': {problem_en}"),
    hint=("{hint_zh}", "{hint_en}"),
)
POINTS_EVENT_ITEM = define(
    "POINTS002", E, S,
    title=("积分项目不存在或不能手工登记", "no such manual points item"),
    message=("“{item}”不是可以手工登记的积分项目", "'{item}' is not a manual points item"),
    hint=("{suggestion_zh}可登记的项目：{choices}", "{suggestion_en}manual items: {choices}"),
)
POINTS_EVENT_RANGE = define(
    "POINTS003", E, S,
    title=("积分分值超出范围", "points out of range"),
    message=("“{item}”每次分值应在{low}到{high}之间，这里是{points}",
             "'{item}' takes {low} to {high} points, not {points}"),
    hint=("按 points.yaml 的规定改正分值", "use a value within the bounds in points.yaml"),
)
POINTS_EVENT_MEMBER = define(
    "POINTS004", E, S,
    title=("不是本支部当年党员", "not a member of this branch that year"),
    message=("{member}在{year}年不是本支部在册党员", "{member} was not on this branch's roll in {year}"),
    hint=("在该党员所在支部登记积分，或核对党员标识", "record the points in the member's own branch, or fix the id"),
)
NOT_IN_TOP = define(
    "NOM001", E, S,
    title=("优秀党员推荐不在积分前列", "nomination outside the points cut-off"),
    message=("推荐的优秀党员{name}（{member}）{year}年积分{total}分，排名第{rank}名（共{count}人），"
             "不在前{share}（第{cutoff}名以内）",
             "nominated 优秀党员 {name} ({member}) scored {total} in {year}, rank {rank} of {count}, "
             "outside the top {share} (rank {cutoff} or better)"),
    hint=("从积分排名前{cutoff}名中推荐，或核对积分记录",
          "nominate from ranks 1–{cutoff}, or check the points records"),
)
SERVANT_NOT_MEMBER = define(
    "NOM002", E, S,
    title=("优秀公务员不是当年优秀党员", "优秀公务员 not among 优秀党员"),
    message=("推荐的优秀公务员{name}（{member}）不在{year}年本支部优秀党员名单中",
             "nominated 优秀公务员 {name} ({member}) is not among the branch's 优秀党员 of {year}"),
    hint=("先推荐为优秀党员（excellent_member），或撤回优秀公务员推荐",
          "add them to excellent_member first, or withdraw the nomination"),
)
NOMINEE_NOT_MEMBER = define(
    "NOM005", E, S,
    title=("被推荐人不是本支部当年党员", "nominee not on this branch's roll"),
    message=("{member}在{year}年不是本支部在册党员，不能由本支部推荐或评议",
             "{member} was not on this branch's roll in {year}"),
    hint=("核对党员标识，或由其所在支部推荐", "check the id, or nominate from the member's own branch"),
)
PROFILE_INELIGIBLE = define(
    "PROF001", E, S,
    title=("优秀党支部书记不符合条件", "exemplary-secretary profile not eligible"),
    message=("{name}（{member}）{year}年不符合优秀党支部书记条件：{failed}",
             "{name} ({member}) is not eligible as exemplary secretary of {year}: {failed}"),
    hint=("核对书记任职、培训记录、案例和支部等次；不符合条件的不能发布",
          "check the committee, training records, cases and the branch's band; "
          "an ineligible profile cannot be published"),
)
SCORE_RANGE = define(
    "CONTEST001", E, S,
    title=("评委打分超出范围", "judge's score out of range"),
    message=("{entry}“{item}”第{judge}位评委打分{score}，超出0–{max}", "{entry} '{item}' judge {judge} gave {score}, "
             "outside 0–{max}"),
    hint=("核对评分表，分数应在0到{max}之间", "check the score sheet: scores lie between 0 and {max}"),
)
DUPLICATE_ENTRY = define(
    "CONTEST002", E, S,
    title=("参赛记录重复", "duplicate contest entry"),
    message=("{what_zh}与第{other}条参赛记录重复", "{what_en} duplicates entry {other}"),
    hint=("每名选手在每个组别只登记一次", "record each competitor once per group"),
)
JUDGE_COUNT = define(
    "CONTEST003", E, S,
    title=("评分个数与评委人数不符", "scores do not match the judges"),
    message=("{entry}“{item}”有{count}个评分，评委有{judges}人",
             "{entry} '{item}' has {count} scores for {judges} judges"),
    hint=("每位评委一个分数，顺序与 judges 一致", "give one score per judge, in the order of judges"),
)
QUOTAS = define(
    "CONTEST004", E, S,
    title=("获奖比例之和超过1", "award quotas exceed 1"),
    message=("一、二、三等奖比例之和为{total}，超过1", "award quotas add up to {total}, over 1"),
    hint=("调整 quotas，使三者之和不超过1", "lower the quotas so they add up to at most 1"),
)
OVERSPENT = define(
    "FUND001", E, S,
    title=("互助资金支出超过筹集", "aid disbursed exceeds raised"),
    message=("截至{year}年累计支出{disbursed}元，超过累计筹集{raised}元",
             "by {year}, {disbursed} yuan disbursed exceeds {raised} yuan raised"),
    hint=("核对捐款和支出记录，支出不能超过已筹集的资金", "check the ledgers: disbursements cannot exceed donations"),
)
