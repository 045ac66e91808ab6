"""Codes the loader emits: all are content errors, the file cannot be read as written."""

from generator.codes import define
from generator.diagnostics import Kind, Severity

E, S = Kind.ERROR, Severity.ERROR

GBK = define(
    "LOAD001", E, S,
    title=("文件不是 UTF-8 编码", "file is not UTF-8"),
    message=("文件不是 UTF-8 编码（看起来是 GBK/GB18030，常见于 Windows 记事本或 WPS 的“ANSI”保存）",
             "file is not UTF-8 (it looks like GBK/GB18030, as saved by Windows Notepad or WPS as 'ANSI')"),
    hint=("用记事本“另存为”，编码选“UTF-8”；或在 VS Code 右下角点编码，选“通过编码保存 → UTF-8”",
          "re-save the file as UTF-8 (Notepad: Save As, Encoding: UTF-8; VS Code: Save with Encoding → UTF-8)"),
)
UTF16 = define(
    "LOAD002", E, S,
    title=("文件是 UTF-16 编码", "file is UTF-16"),
    message=("文件是 UTF-16 编码（记事本里的“Unicode”）", "file is UTF-16 encoded ('Unicode' in Notepad)"),
    hint=("另存为“UTF-8”编码", "re-save the file as UTF-8"),
)
UNDECODABLE = define(
    "LOAD003", E, S,
    title=("文件无法读取为文本", "file is not text"),
    message=("文件不是 UTF-8 文本（第 {byte} 字节无法解码）", "file is not UTF-8 text (byte {byte} cannot be decoded)"),
    hint=("确认这是文本文件并另存为 UTF-8；图片等附件只能放在允许的目录中",
          "make sure this is a text file saved as UTF-8; images belong only in the allowed folders"),
)
SYNTAX = define(
    "LOAD004", E, S,
    title=("YAML 格式错误", "YAML syntax error"),
    message=("YAML 格式错误：{problem_zh}", "YAML syntax error: {problem}"),
    hint=("{hint_zh}", "{hint_en}"),
)
DUPLICATE_KEY = define(
    "LOAD005", E, S,
    title=("字段重复", "duplicate key"),
    message=("字段“{key}”在同一层出现了两次（第一次在第 {first_line} 行）",
             "key '{key}' appears twice in the same mapping (first on line {first_line})"),
    hint=("删除或合并重复的那一行；同一条记录里每个字段只能写一次",
          "remove or merge the repeated line; each key may appear once per record"),
)
ALIAS = define(
    "LOAD006", E, S,
    title=("不支持 YAML 锚点和别名", "YAML anchors and aliases are not allowed"),
    message=("不支持 YAML 锚点/别名（& 和 *）", "YAML anchors/aliases (& and *) are not allowed"),
    hint=("把要重复的内容直接写出来；如果 & 或 * 是正文的一部分，请给整段值加引号",
          "write the repeated value out; if & or * is part of the text, quote the whole value"),
)
TOO_DEEP = define(
    "LOAD007", E, S,
    title=("嵌套层数过多", "nesting too deep"),
    message=("嵌套超过 {limit} 层", "nesting deeper than {limit} levels"),
    hint=("检查缩进是否写错；记录不需要这么多层", "check the indentation; no record needs this depth"),
)
TOO_LARGE = define(
    "LOAD008", E, S,
    title=("文件过大", "file too large"),
    message=("文件有 {size} 字节，超过上限 {limit} 字节", "file has {size} bytes, over the limit of {limit}"),
    hint=("把内容拆成多个文件（例如按年份）", "split the content into several files (by year, for example)"),
)
OUTSIDE = define(
    "LOAD009", E, S,
    title=("链接指向 content/ 之外", "link points outside content/"),
    message=("符号链接指向 content/ 之外：{target}", "symbolic link points outside content/: {target}"),
    hint=("把文件本身复制到 content/ 中，不要使用链接", "copy the file itself into content/ instead of linking"),
)
FRONT_MATTER = define(
    "LOAD010", E, S,
    title=("缺少文件头", "missing front matter"),
    message=("Markdown 文件缺少以 --- 开始和结束的文件头", "Markdown file lacks front matter between --- lines"),
    hint=("文件第一行写 ---，接着写字段，再写一行 --- 结束，之后是正文",
          "start the file with a --- line, then the fields, then a closing --- line, then the body"),
)
UNKNOWN_FILE = define(
    "LOAD011", E, S,
    title=("文件放错了位置", "file in an unknown place"),
    message=("不认识这个位置的文件", "no record type lives at this path"),
    hint=("按 content/README.md 的目录结构放置文件；最接近的位置是 {suggestion}",
          "place files as content/README.md describes; the closest known place is {suggestion}"),
)
NOT_MAPPING = define(
    "LOAD012", E, S,
    title=("文件顶层应是字段", "top level must be a mapping"),
    message=("文件顶层应是“字段: 值”的形式，实际是{found}", "the top level must be 'key: value' pairs, found {found}"),
    hint=("{hint_zh}", "{hint_en}"),
)
TOO_MANY = define(
    "LOAD013", E, S,
    title=("列表项过多", "too many items in a list"),
    message=("“{field}”有 {count} 项，超过每个文件 {limit} 项的上限",
             "'{field}' has {count} items, over the limit of {limit}"),
    hint=("把记录拆到多个文件中（例如按年份或按支部）", "split the records over several files (by year or by branch)"),
)
LINK_DIR = define(
    "LOAD014", E, S,
    title=("符号链接无法读取", "unusable symbolic link"),
    message=("符号链接指向目录、不存在的文件或形成循环，不会被读取：{target}",
             "symbolic link to a directory, a missing file or a loop; not read: {target}"),
    hint=("把文件或目录本身放进 content/，不要使用链接",
          "put the file or folder itself into content/ instead of a link"),
)
UNREADABLE = define(
    "LOAD015", E, S,
    title=("文件无法读取", "file cannot be read"),
    message=("文件无法读取：{reason}", "file cannot be read: {reason}"),
    hint=("检查文件权限，确认它是普通文件", "check the file's permissions and that it is a regular file"),
)
BAD_NAME = define(
    "LOAD016", E, S,
    title=("文件名或文件夹名不能作为标识", "file or folder name is not a valid id"),
    message=("“{stem}”不能作为标识：标识只能用小写英文字母、数字、- 和 _",
             "'{stem}' cannot be an id: ids use only lowercase letters, digits, - and _"),
    hint=("改名，例如 fgw-zhc 或 2024-lijin；如果这是复制出来的副本（“- 副本”“copy”），请删除它或移出 content/",
          "rename it, e.g. fgw-zhc or 2024-lijin; delete a leftover copy ('- copy') or move it out of content/"),
)
