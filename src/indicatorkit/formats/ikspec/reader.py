"""Reading spec files: ``grammar/spec.lark`` gives the outline, this module gives it meaning.

Every problem is collected as a located :class:`~indicatorkit.model.findings.Finding`; if there
is any, :class:`~indicatorkit.model.findings.SpecError` is raised with all of them, and no
partial spec is ever returned.

>>> spec = loads('''
... 项目 1 法律援助
...   预算：10000元
...   指标 产出指标 / 数量指标 / 法律援助案件受理数（件)
...     指标值：≥180件
... ''')
>>> spec.projects[0].indicators[0].target
Comparison('≥180件')
>>> try:
...     loads("项目 1\\n  指标值：≥95%\\n")
... except SpecError as error:
...     print(error.findings[0].render())
<text>:2:3: IK012 error: “指标值”不能写在“项目”下 (not allowed under 项目)
    指标值：≥95%
    ^^^^^^
  提示 / hint: 它应写在“指标”下 / it belongs under “指标”
"""

from __future__ import annotations

import bisect
import difflib
import re
import threading
from collections.abc import Callable, Collection, Iterator
from fractions import Fraction
from os import PathLike
from pathlib import Path
from sys import intern
from typing import IO, Any, ClassVar, NamedTuple, TypeVar

from lark import Lark, Token, Tree
from lark.exceptions import LarkError, UnexpectedInput
from lark.indenter import DedentError, Indenter

from indicatorkit.errors import ArgumentError, TextError
from indicatorkit.formats.fund_sources_text import parse_fund_sources
from indicatorkit.language.bounds import Direction
from indicatorkit.language.lenient import LenientParse
from indicatorkit.language.parse import parse_actual, parse_target
from indicatorkit.language.tables import load_tables
from indicatorkit.language.values import Amount, DatePoint
from indicatorkit.model.findings import Finding, Severity, SpecError
from indicatorkit.model.records import (
    Budget,
    Checkpoint,
    Department,
    DepartmentGoal,
    FundSource,
    Indicator,
    Location,
    MeasureGroup,
    Programme,
    Project,
    Spec,
    SpendingPlan,
    Where,
    split_levels,
)
from indicatorkit.numerals import MAX_DIGITS, read_ratio
from indicatorkit.units import UnitDefinitionError, UnitRegistry, registry_in_use

__all__ = ["ALIASES", "DIRECTION_WORDS", "KEYS", "load", "loads", "scan_outline"]

#: Every key, by the record it belongs to: Chinese first, English alias second.  The model
#: attribute each field fills is the third item.
KEYS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "top": (
        ("部门", "department", ""),
        ("项目", "project", ""),
        ("评分规则", "rules", "rules"),
        ("计量单位", "units", "units"),
    ),
    "部门": (
        ("年度", "year", "year"),
        ("总体目标", "overall", "overall_goal"),
        ("目标", "goal", ""),
        ("分项", "programme", ""),
        ("保障措施", "measures", ""),
    ),
    "目标": (("数据", "figures", "figures"),),
    "分项": (
        ("目标", "goal", "goal"),
        ("说明", "summary", "summary"),
        ("支出计划", "plan", "plan"),
        ("指标", "indicator", ""),
    ),
    "项目": (
        ("编码", "code", "code"),
        ("单位", "unit", "unit"),
        ("预算", "budget", "budget"),
        ("财政资金", "fiscal", "fiscal"),
        ("其他资金", "other", "other"),
        ("用途", "purpose", "purpose"),
        ("支出计划", "plan", "plan"),
        ("绩效目标", "goal", "goal"),
        ("暂不公开", "withheld", "withheld"),
        ("执行数", "executed", "executed"),
        ("调整后预算", "adjusted_budget", "adjusted_budget"),
        ("年初预算", "initial_budget", "initial_budget"),
        ("资金来源", "fund_sources", "fund_sources"),
        ("目标完成情况", "goal_outcome", "goal_outcome"),
        ("累计支出", "spent", "spent"),
        ("执行说明", "budget_reason", "budget_reason"),
        ("预算分值", "budget_weight", "budget_weight"),
        ("总分值", "weight_total", "weight_total"),
        ("评价结论", "conclusion", "conclusion"),
        ("存在问题", "problems", "problems"),
        ("改进措施", "improvements", "improvements"),
        ("指标", "indicator", ""),
    ),
    "指标": (
        ("描述", "description", "description"),
        ("指标值", "target", "target"),
        ("依据", "basis", "basis"),
        ("分值", "weight", "weight"),
        ("方向", "direction", "direction"),
        ("实际值", "actual", "actual"),
        ("自评得分", "score", "evaluator_score"),
        ("偏差原因", "reason", "reason"),
        ("不适用", "not_applicable", "not_applicable"),
    ),
    "保障措施": (),
}

#: More names of a key, read like it (the formatter writes the key): the words of the national
#: self-assessment table.
ALIASES: dict[str, str] = {
    "实际完成值": "实际值",
    "全年执行数": "执行数",
    "偏差原因分析": "偏差原因",
}

DIRECTION_WORDS: dict[str, Direction] = {
    "正向": Direction.HIGHER,
    "higher": Direction.HIGHER,
    "反向": Direction.LOWER,
    "lower": Direction.LOWER,
}

#: Between the items of a list field: ， ； ; 、 — and "," unless it groups thousands
#: (``1,000人`` is one figure).
#: Per context, every way of writing a key there (Chinese, English, alias) → its Chinese name.
_KEY_NAMES: dict[str, dict[str, str]] = {
    context: {
        **{
            alias: chinese
            for alias, chinese in ALIASES.items()
            if chinese in {c for c, _, _ in keys}
        },
        **{english: chinese for chinese, english, _ in keys},
        **{chinese: chinese for chinese, _, _ in keys},
    }
    for context, keys in KEYS.items()
}
#: Per context, the Chinese name of each key → the record attribute it fills.
_ATTRIBUTES: dict[str, dict[str, str]] = {
    context: {chinese: attribute for chinese, _, attribute in keys}
    for context, keys in KEYS.items()
}
_SEPARATORS = re.compile(r"\s*(?:[，；;、]|(?<![0-9]),|,(?![0-9]{3}(?![0-9])))\s*")
_LONE_CR = re.compile(r"\r(?!\n)")
#: The deepest outline a spec may have (real specs use four levels).
MAX_DEPTH = 16
#: The most projects one withheld range (``项目 6-13``) may stand for.
MAX_WITHHELD_RANGE = 1000


# ---------------------------------------------------------------------------------------------
# The outline


class _Indentation(Indenter):
    NL_type = "_NL"
    OPEN_PAREN_types: ClassVar[list[str]] = []
    CLOSE_PAREN_types: ClassVar[list[str]] = []
    INDENT_type = "_INDENT"
    DEDENT_type = "_DEDENT"
    tab_len = 4


_per_thread = threading.local()


def _outline_parser() -> Lark:
    """The outline parser of this thread, made from the shipped tables of ``spec.lark``
    (:mod:`indicatorkit.language.tables`): the indentation post-lexer keeps state while it
    reads, so threads never share one."""
    parser: Lark | None = getattr(_per_thread, "parser", None)
    if parser is None:
        parser = _per_thread.parser = load_tables("spec", postlex=_Indentation())
    return parser


class _Node(NamedTuple):
    """One outline line and the lines indented under it."""

    kind: str  # "keyed", "bullet" or "continuation"
    key: str
    rest: str
    line: int
    column: int  # of the key
    rest_column: int  # of the rest
    children: tuple[_Node, ...]
    comments: tuple[str, ...]


#: A key as ``spec.lark`` has it: no space, no colon; not starting with "-", "|" or "#".
_KEY = re.compile(r"[^\s:：#|\-][^\s:：]*")


def scan_outline(lines: list[str]) -> list[_Node] | None:
    """The outline of ``lines`` (comment lines already blank) exactly as ``spec.lark`` and its
    indentation post-lexer read it — or ``None`` for anything not plainly well-formed, which
    the grammar then reads and reports on.  One pass, no parser: loading a large spec spends
    its time on the records, not on the outline.  ``tests/test_spec_reader.py`` holds the two
    equal on generated outlines.

    >>> [(node.key, node.rest, [child.key for child in node.children])
    ...  for node in scan_outline(["项目 1 名称", "  预算：5元", "  - 一项"])]
    [('项目', '1 名称', ['预算', '-'])]
    >>> scan_outline(["  缩进开头"]) is None, scan_outline(["a", "    b", "  c"]) is None
    (True, True)
    """
    tab = _Indentation.tab_len
    top: list[list[Any]] = []
    levels: list[tuple[int, list[list[Any]]]] = [(0, top)]  # (width, where its entries go)
    last: list[Any] | None = None
    for number, line in enumerate(lines, 1):
        content = line.lstrip(" \t")
        if not content:
            continue
        if content[0].isspace():
            return None  # another kind of space before the entry: the grammar says where
        indent = line[: len(line) - len(content)]
        width = indent.count(" ") + indent.count("\t") * tab
        if width > levels[-1][0]:
            if last is None:
                return None  # an indented first entry
            levels.append((width, last[6]))
        else:
            while width < levels[-1][0]:
                levels.pop()
            if width != levels[-1][0]:
                return None  # a dedent to no outer level
        column = len(indent) + 1
        head = content[0]
        if head == "-" or head == "|":
            kind, key, after = ("bullet" if head == "-" else "continuation"), head, content[1:]
        else:
            match = _KEY.match(content)
            if match is None:
                return None
            kind, key, after = "keyed", match.group(), content[match.end() :]
        rest = after.lstrip(" \t")
        if rest and rest[0].isspace():
            return None
        rest_column = column + len(content) - len(rest) if rest else column + len(key)
        last = [kind, key, rest.rstrip(), number, column, rest_column, []]
        levels[-1][1].append(last)
    return _frozen(top)


def _frozen(entries: list[list[Any]]) -> list[_Node]:
    return [
        _Node(kind, key, rest, line, column, rest_column, tuple(_frozen(children)), ())
        for kind, key, rest, line, column, rest_column, children in entries
    ]


# ---------------------------------------------------------------------------------------------
# Reading


def load(
    path: str | PathLike[str] | IO[str] | IO[bytes], *, units: UnitRegistry | None = None
) -> Spec:
    """Read a spec file (UTF-8): a path, or an open file (text or binary, as :func:`dump`
    writes).  Raises :class:`SpecError` for a file that is not valid.

    ``units`` is the unit registry to read targets with (``None``: :func:`~indicatorkit.units.registry_in_use`);
    the spec keeps it.

    >>> import pathlib, tempfile
    >>> from indicatorkit import load
    >>> folder = tempfile.TemporaryDirectory()
    >>> path = pathlib.Path(folder.name, "表.ikspec")
    >>> _ = path.write_text("项目 1 法律援助\\n  预算：10000元\\n", encoding="utf-8")
    >>> load(path).projects[0].name
    '法律援助'
    >>> with path.open("rb") as handle:
    ...     load(handle).projects[0].name
    '法律援助'
    >>> folder.cleanup()
    """
    name = str(path) if isinstance(path, str | PathLike) else getattr(path, "name", None)
    name = name if isinstance(name, str) else None
    try:
        if isinstance(path, str | PathLike):
            data: str | bytes = Path(path).read_bytes()
        elif callable(getattr(path, "read", None)):
            data = path.read()
        else:
            raise TypeError(
                f"需要路径或打开的文件 (a path or an open file), not {type(path).__name__}"
            )
        if not isinstance(data, str | bytes):
            raise TypeError(f"读到的不是文字 (the file gave {type(data).__name__}, not text)")
    except (OSError, ValueError, TypeError) as error:  # ValueError: a NUL in the path
        raise SpecError(
            [_finding("IK001", f"无法读取文件 (cannot read the file): {error}", 1, file=name)]
        ) from None
    if isinstance(data, str):
        return loads(data, file=name, units=units)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        line_start = data.rfind(b"\n", 0, error.start) + 1
        column = len(data[line_start : error.start].decode("utf-8", errors="replace")) + 1
        raise SpecError(
            [
                _finding(
                    "IK002",
                    "文件不是 UTF-8 编码 (the file is not UTF-8)",
                    line,
                    column,
                    file=name,
                    suggestion="请另存为 UTF-8 / save the file as UTF-8",
                )
            ]
        ) from None
    return loads(text, file=name, units=units)


def loads(text: str, *, file: str | None = None, units: UnitRegistry | None = None) -> Spec:
    """Read a spec from text.  Raises :class:`SpecError` listing every problem found.

    ``units`` is the unit registry to read targets with (``None``: :func:`~indicatorkit.units.registry_in_use`);
    the spec keeps it.

    >>> from indicatorkit import loads
    >>> spec = loads("项目 1 法律援助\\n  预算：10000元\\n  指标 产出指标 / 数量指标 / 受理数\\n    指标值：≥180件\\n")
    >>> indicator = spec.projects[0].indicators[0]
    >>> indicator.name, indicator.target
    ('受理数', Comparison('≥180件'))
    """
    if not isinstance(text, str):
        raise ArgumentError(
            "loads", "text", "str", text, "indicatorkit.load(path) 读文件 / reads a file"
        )
    reader = _Reader(text, file, units)
    spec = reader.read()
    if reader.findings:
        raise SpecError(reader.findings)
    assert spec is not None
    return spec


def _finding(
    code: str,
    message: str,
    line: int,
    column: int = 1,
    end_column: int | None = None,
    *,
    source_line: str = "",
    suggestion: str | None = None,
    file: str | None = None,
) -> Finding:
    return Finding(
        code, Severity.ERROR, message, line, column, end_column, source_line, suggestion, file
    )


class _Reader:
    """Turns an outline into a :class:`Spec`, collecting every problem."""

    def __init__(self, text: str, file: str | None, units: UnitRegistry | None = None) -> None:
        # a lone CR (old Mac files) ends a line too; CRLF stays as it is (see ``problem``)
        self.text = _LONE_CR.sub("\n", text.removeprefix("\ufeff"))
        self.file = file
        self.units = units
        self.lines = self.text.split("\n")
        self.findings: list[Finding] = []

    # ---- problems ----
    def problem(
        self,
        code: str,
        message: str,
        line: int,
        column: int = 1,
        end_column: int | None = None,
        suggestion: str | None = None,
    ) -> None:
        source = self.lines[line - 1].rstrip("\r") if 0 < line <= len(self.lines) else ""
        self.findings.append(
            _finding(
                code,
                message,
                line,
                column,
                end_column,
                source_line=source,
                suggestion=suggestion,
                file=self.file,
            )
        )

    # ---- outline ----
    def outline(self) -> list[_Node] | None:
        comments: dict[int, str] = {}
        blanked = []
        for number, text in enumerate(self.lines, 1):
            stripped = text.strip()
            if stripped.startswith("#"):
                comments[number] = stripped[1:].strip()
                blanked.append("")
            else:
                blanked.append(text.rstrip("\r"))
        too_deep = _too_deep(blanked)
        if too_deep is not None:
            self.problem(
                "IK003",
                f"层级过深 (nested more than {MAX_DEPTH} levels)",
                too_deep,
                suggestion="规格文件最多四五层缩进 / a spec uses a few levels of indentation",
            )
            return None
        scanned = scan_outline(blanked)
        if scanned is not None:
            self.attach_comments(scanned, comments)
            return scanned
        source = "\n".join(blanked) + "\n"
        try:
            tree = _outline_parser().parse(source)
        except DedentError:
            line = _dedent_line(blanked)
            mixed = _mixed_indent_line(blanked[:line])
            if mixed is not None:
                self.problem(
                    "IK003",
                    "缩进混用了制表符和空格 (indentation mixes tabs and spaces)",
                    mixed,
                    suggestion="只用空格缩进（一个制表符按 4 个空格计）/ indent with spaces only "
                    "(a tab counts as 4 spaces)",
                )
                return None
            self.problem(
                "IK003",
                "缩进与上文任何一层都对不齐 (indentation matches no outer level)",
                line,
                suggestion="同一层的条目用相同的缩进 / indent entries of one level alike",
            )
            return None
        except UnexpectedInput as error:
            self.problem(
                "IK004",
                f"无法读取这一行 (cannot read this line): {_unexpected(error)}",
                error.line if error.line > 0 else len(blanked),
                max(error.column, 1),
                suggestion="每行以键开头，例如“指标值：≥95%”；列表项以“- ”开头 / "
                "a line starts with a key, or '- ' for a list item",
            )
            return None
        except LarkError as error:  # anything else the outline parser can raise
            self.problem("IK004", f"无法读取 (cannot read): {error}", 1)
            return None
        nodes = [self.node(block) for block in tree.children if isinstance(block, Tree)]
        self.attach_comments(nodes, comments)
        return nodes

    def node(self, block: Tree[Token]) -> _Node:
        line_tree = block.children[0]
        assert isinstance(line_tree, Tree)
        head, rest = line_tree.children
        assert isinstance(head, Token)
        rest_text = str(rest).rstrip() if rest is not None else ""
        rest_column = rest.column if isinstance(rest, Token) and rest.column else head.end_column
        children = tuple(
            self.node(child) for child in block.children[1:] if isinstance(child, Tree)
        )
        return _Node(
            str(line_tree.data),
            str(head),
            rest_text,
            head.line or 0,
            head.column or 1,
            rest_column or 1,
            children,
            (),
        )

    def attach_comments(self, nodes: list[_Node], comments: dict[int, str]) -> None:
        """A comment belongs to the next entry after it.  Comments at the end of the file, and
        comments at its top that a blank line separates from the first entry, belong to the
        spec (they are written at its top)."""
        lines = sorted(_all_lines(nodes))
        self.leading: list[str] = []
        self.comment_map: dict[int, list[str]] = {}
        self.claimed: set[int] = set()
        for number, text in sorted(comments.items()):
            after = bisect.bisect_right(lines, number)
            following = lines[after] if after < len(lines) else None
            gap = (
                following is not None
                and following == lines[0]
                and any(not self.lines[n - 1].strip() for n in range(number + 1, following))
            )
            if following is None or gap:
                self.leading.append(text)
            else:
                self.comment_map.setdefault(following, []).append(text)

    def comments_for(self, node: _Node) -> tuple[str, ...]:
        """Comments on the record's own line and on every line of it that no record inside it
        has claimed (records inside are built, and claim theirs, first)."""
        lines = []
        stack = [node]
        while stack:
            current = stack.pop()
            lines.append(current.line)
            stack.extend(reversed(current.children))
        found: list[str] = []
        for line in lines:
            if line not in self.claimed:
                self.claimed.add(line)
                found.extend(self.comment_map.get(line, ()))
        return tuple(found)

    # ---- the spec ----
    def read(self) -> Spec | None:
        nodes = self.outline()
        if nodes is None:
            return None
        department: Department | None = None
        projects: list[Project] = []
        rules: str | None = None
        rules_given = False
        keyed = [(node, self.key(node, "top")) for node in nodes]
        for node, key in keyed:  # the file's own units first: every target is read with them
            if key == "计量单位":
                self.unit_block(node)
        for node, key in keyed:
            if key == "评分规则":
                read = self.rules(node)
                if rules_given:
                    self.problem(
                        "IK013",
                        "“评分规则”写了两次 (given twice)",
                        node.line,
                        node.column,
                        node.column + len(node.key),
                    )
                rules_given = True
                rules = rules if rules is not None else read
            elif key == "部门":
                built = self.department(node)
                if department is not None and built is not None:
                    self.problem(
                        "IK011",
                        "一个规格文件只能有一个“部门” (one department a file)",
                        node.line,
                        node.column,
                    )
                department = department or built
            elif key == "项目":
                projects.extend(self.projects(node))
        numbers: dict[int, Project] = {}
        for project in projects:
            if project.number in numbers:
                where = project.where.at if project.where else Location(1)
                self.problem(
                    "IK016",
                    f"项目编号 {project.number} 重复 (duplicate project number)",
                    where.line,
                    where.column,
                )
            numbers[project.number] = project
        if self.findings:
            return None
        try:
            return Spec(
                department,
                tuple(projects),
                units=self.units,
                rules=rules,
                comments=tuple(self.leading),
            )
        except ValueError as error:  # the model checks what the reader has not
            self.problem("IK040", str(error), 1)
            return None

    def unit_block(self, node: _Node) -> None:
        """``计量单位`` and under it one ``- 名称 = 定义`` line a unit (the syntax of
        :func:`~indicatorkit.define_unit`): units of this file only, added to the registry the
        file is read with; comments above it go to the spec."""
        self.leading.extend(self.comments_for(node))
        if node.rest.strip():
            self.problem(
                "IK061",
                "“计量单位”这一行不写内容，定义写在下面的列表项里 "
                "(nothing after 计量单位: definitions go in '- ' items under it)",
                node.line,
                node.rest_column,
                node.rest_column + len(node.rest.rstrip()),
                suggestion="在下面缩进写“- 人天 = [人天]” / indented below: - 人天 = [人天]",
            )
        registry = self.units if self.units is not None else registry_in_use()
        for child in node.children:
            definition = child.rest.strip()
            if child.kind != "bullet" or child.children or not definition:
                self.problem(
                    "IK061",
                    "计量单位下每个单位写一行“- 名称 = 定义” "
                    "(one '- name = definition' line a unit under 计量单位)",
                    child.line,
                    child.column,
                    suggestion="例如 / e.g. - 人天 = [人天]；- 亩次 = 亩",
                )
                continue
            try:
                registry = registry.define(definition)
            except UnitDefinitionError as error:
                self.problem(
                    "IK060",
                    str(error),
                    child.line,
                    child.rest_column,
                    child.rest_column + len(definition),
                    suggestion="写作“名称 = 定义”，例如“人天 = [人天]”（新的量）或“千亩 = 1000 * 亩” "
                    "/ write name = definition, e.g. 人天 = [人天] or 千亩 = 1000 * 亩",
                )
        if registry.definitions != () or self.units is not None:
            self.units = registry

    def rules(self, node: _Node) -> str | None:
        """``评分规则 national``: the name of the rule set (comments above it go to the spec)."""
        self.leading.extend(self.comments_for(node))
        for child in node.children:
            self.problem(
                "IK015",
                "“评分规则”下不能写内容 (nothing goes under 评分规则)",
                child.line,
                child.column,
            )
        name = node.rest.strip()
        if name.startswith(("：", ":")):
            name = name[1:].strip()
        if not re.fullmatch(r"[^\s/]+", name):
            self.problem(
                "IK020",
                f"评分规则应为一个名称 (the rule set is one name): “{name}”",
                node.line,
                node.rest_column if name else node.column,
                suggestion="例如“评分规则 national” / e.g. 评分规则 national",
            )
            return None
        return name

    def key(self, node: _Node, context: str) -> str | None:
        """The canonical (Chinese) key of ``node`` in ``context``, or ``None`` after a finding."""
        if node.kind != "keyed":
            self.problem(
                "IK012",
                f"这里不能写{'列表项' if node.kind == 'bullet' else '续行'} "
                f"(no {'list item' if node.kind == 'bullet' else 'continuation'} here)",
                node.line,
                node.column,
            )
            return None
        chinese = _KEY_NAMES[context].get(node.key)
        if chinese is not None:
            return chinese
        allowed = KEYS[context]
        names = [c for c, _, _ in allowed] + [e for _, e, _ in allowed]
        close = difflib.get_close_matches(node.key, names, n=1, cutoff=0.3)
        where = "最外层" if context == "top" else f"“{context}”下"
        name = ALIASES.get(node.key, node.key)
        elsewhere = [c for c, keys in KEYS.items() if any(name in (k, e) for k, e, _ in keys)]
        message = (
            f"“{node.key}”不能写在{where} (not allowed {'at the top' if context == 'top' else 'under ' + context})"
            if elsewhere
            else f"未知的键“{node.key}” (unknown key)"
        )
        if elsewhere:
            home = "、".join(f"“{c}”" for c in elsewhere if c != "top")
            suggestion = f"它应写在{home}下 / it belongs under {home}" if home else None
        elif close:
            suggestion = f"是否想写“{close[0]}”？/ did you mean {close[0]!r}?"
        else:
            suggestion = "可用的键 / keys here: " + "、".join(c for c, _, _ in allowed)
        self.problem(
            "IK012", message, node.line, node.column, node.column + len(node.key), suggestion
        )
        return None

    def fields(
        self,
        node: _Node,
        context: str,
        records: Collection[str] = (),
    ) -> tuple[dict[str, tuple[str, _Node]], list[tuple[str, _Node]]]:
        """Split ``node``'s children into fields (``key → (value, node)``) and records."""
        values: dict[str, tuple[str, _Node]] = {}
        children: list[tuple[str, _Node]] = []
        last: str | None = None  # the field a "| …" line at the same level continues
        for child in node.children:
            if child.kind == "continuation" and last is not None:
                text, field = values[last]
                values[last] = (intern("\n".join((text, child.rest.strip())).strip()), field)
                continue
            last = None
            key = self.key(child, context)
            if key is None:
                continue
            if key in records:
                children.append((key, child))
                continue
            value = self.value(child)
            if value is None:
                continue
            if key in values:
                self.problem(
                    "IK013",
                    f"“{key}”写了两次 (given twice)",
                    child.line,
                    child.column,
                    child.column + len(child.key),
                )
                continue
            values[key] = (value, child)
            last = key
        return values, children

    def value(self, node: _Node) -> str | None:
        """The value of a field line ``键：值`` with its continuation lines."""
        rest = node.rest
        if not rest.startswith(("：", ":")):
            self.problem(
                "IK014",
                f"“{node.key}”后面缺少冒号 (a colon is missing after {node.key!r})",
                node.line,
                node.rest_column,
                suggestion=f"写作“{node.key}：{rest}” / write {node.key}：value",
            )
            return None
        parts = [rest[1:].strip()]
        for child in node.children:
            if child.kind == "continuation":
                parts.append(child.rest.strip())
            else:
                self.problem(
                    "IK015",
                    "字段下只能写续行“| …” (only '| ' continuation lines under a field)",
                    child.line,
                    child.column,
                )
        return intern("\n".join(parts).strip())

    def value_column(self, node: _Node) -> int:
        """Column of the first character of a field's value."""
        offset = 1 + (len(node.rest[1:]) - len(node.rest[1:].lstrip()))
        return node.rest_column + offset

    # ---- typed values ----
    def integer(self, text: str, node: _Node, what: str) -> int | None:
        if re.fullmatch(r"\d+", text.strip()) and len(text.strip()) <= MAX_DIGITS:
            return int(text)
        self.problem(
            "IK020",
            f"{what}应为整数 ({what} must be a whole number): “{text}”",
            node.line,
            self.value_column(node) if node.rest.startswith(("：", ":")) else node.rest_column,
        )
        return None

    def located_text_error(self, error: TextError, node: _Node, column: int, code: str) -> None:
        self.problem(
            code,
            error.message,
            node.line,
            column + error.position,
            column + error.end,
            error.suggestion,
        )

    def amount(self, text: str, node: _Node, what: str, dimension: str | None) -> Amount | None:
        column = self.value_column(node)
        try:
            value = parse_actual(text, units=self.units)
        except TextError as error:
            self.located_text_error(error, node, column, "IK021")
            return None
        if not isinstance(value, Amount) or (
            dimension is not None and value.unit.dimension != dimension
        ):
            self.problem(
                "IK021",
                f"{what}应为{'金额' if dimension == '[money]' else '数量'} "
                f"({what} must be {'money' if dimension == '[money]' else 'an amount'}): “{text}”",
                node.line,
                column,
                column + len(text),
                suggestion="例如“10000元”或“1.5万元” / e.g. 10000元"
                if dimension == "[money]"
                else None,
            )
            return None
        return value

    def fund_sources(self, text: str, node: _Node) -> tuple[FundSource, ...] | None:
        """``当年财政拨款 年初 10万元 全年 12万元 执行 11.4万元；上年结转资金 全年 0万元``."""
        try:
            return parse_fund_sources(text, units=self.units)
        except ValueError as error:
            self.problem("IK021", str(error), node.line, self.value_column(node))
            return None

    def amounts(self, text: str, node: _Node) -> tuple[Amount, ...] | None:
        found = []
        failed = False
        for part in _SEPARATORS.split(text.strip()):
            if not part:
                continue
            amount = self.amount(part, node, "数据", None)
            failed |= amount is None
            if amount is not None:
                found.append(amount)
        return None if failed else tuple(found)

    def plan(self, text: str, node: _Node, what: str = "支出计划") -> SpendingPlan | None:
        """A spending plan (or, ``what`` = 累计支出, what was spent): ``3月底 30%，…``."""
        if not text.strip():
            return None  # an empty field is a field not given
        checkpoints = []
        column = self.value_column(node)
        for part in _SEPARATORS.split(text.strip()):
            pieces = part.split()
            if len(pieces) != 2:
                self.problem(
                    "IK022",
                    f"{what}的每一项应为“时点 比例” (each entry is 'checkpoint share'): “{part}”",
                    node.line,
                    column,
                    column + len(text),
                    suggestion="例如“3月底 30%，6月底 60%，10月底 80%，12月底 100%”",
                )
                return None
            try:
                point = parse_actual(pieces[0], units=self.units)
                share = parse_actual(pieces[1], units=self.units)
            except TextError as error:
                offset = text.find(error.text)
                self.located_text_error(error, node, column + max(offset, 0), "IK022")
                return None
            if (
                not isinstance(point, DatePoint)
                or not isinstance(share, Amount)
                or (share.unit.dimension != "[ratio]")
            ):
                self.problem(
                    "IK022",
                    f"{what}的一项无效 (invalid checkpoint): “{part}”",
                    node.line,
                    column,
                    column + len(text),
                    suggestion="时点写作“3月底”或“6月30日”，比例写作“30%”"
                    + (
                        "；金额请先除以预算数 / a share of the budget: divide an amount by it"
                        if what == "累计支出"
                        else ""
                    ),
                )
                return None
            checkpoints.append(Checkpoint(point, share))
        return SpendingPlan(tuple(checkpoints))

    def target(self, text: str, node: _Node) -> LenientParse | None:
        try:
            read = parse_target(text, lenient=True, units=self.units)
            undeclared = read.undeclared_unit()
            if undeclared is not None:
                raise undeclared
            return read
        except TextError as error:
            self.located_text_error(error, node, self.value_column(node), "IK030")
            return None

    def where(self, node: _Node, values: dict[str, tuple[str, _Node]], context: str) -> Where:
        attributes = _ATTRIBUTES[context]
        return Where(
            Location(node.line, node.column),
            {
                attributes[key]: Location(child.line, self.value_column(child))
                for key, (_, child) in values.items()
                if attributes.get(key)
            },
        )

    # ---- records ----
    def department(self, node: _Node) -> Department | None:
        code, _, name = node.rest.partition(" ")
        if code == "-":
            code = ""
        elif not re.fullmatch(r"[A-Za-z0-9]+", code):
            code, name = "", node.rest
        values, children = self.fields(node, "部门", {"目标", "分项", "保障措施"})
        year = None
        if "年度" in values:
            year = self.integer(values["年度"][0], values["年度"][1], "年度")
        goals, programmes, measures = [], [], []
        for key, child in children:
            if key == "目标":
                goal = self.goal(child)
                if goal is not None:
                    goals.append(goal)
            elif key == "分项":
                programme = self.programme(child)
                if programme is not None:
                    programmes.append(programme)
            else:
                group = self.measures(child)
                if group is not None:
                    measures.append(group)
        return _build(
            self,
            node,
            Department,
            code=code.strip(),
            name=name.strip(),
            year=year,
            overall_goal=values.get("总体目标", ("",))[0],
            goals=goals,
            programmes=programmes,
            measures=measures,
            where=self.where(node, values, "部门"),
            comments=self.comments_for(node),
        )

    def goal(self, node: _Node) -> DepartmentGoal | None:
        label, colon, text = _split_colon(node.rest)
        if not colon:
            self.problem(
                "IK014",
                "目标的写法是“目标 编号：内容” (write 目标 N：text)",
                node.line,
                node.rest_column,
            )
            return None
        number = None
        if label.strip():
            number = self.integer(label, node._replace(rest=label), "目标编号")
            if number is None:
                return None
        # "| …" lines right under the goal continue its text; the fields come after them
        leading = 0
        while leading < len(node.children) and node.children[leading].kind == "continuation":
            leading += 1
        parts = [text.strip(), *(c.rest.strip() for c in node.children[:leading])]
        values, _ = self.fields(node._replace(children=node.children[leading:]), "目标")
        figures: tuple[Amount, ...] | None = ()
        if "数据" in values:
            figures = self.amounts(*values["数据"])
        if figures is None:
            return None
        return _build(
            self,
            node,
            DepartmentGoal,
            number=number,
            text="\n".join(parts).strip(),
            figures=figures,
            where=self.where(node, values, "目标"),
            comments=self.comments_for(node),
        )

    def programme(self, node: _Node) -> Programme | None:
        values, children = self.fields(node, "分项", {"指标"})
        plan = self.plan(*values["支出计划"]) if values.get("支出计划", ("",))[0] else None
        indicators = [self.indicator(child) for _, child in children]
        if not node.rest.strip():
            self.problem("IK017", "分项需要名称 (a programme needs a name)", node.line, node.column)
            return None
        if any(i is None for i in indicators) or (
            values.get("支出计划", ("",))[0] and plan is None
        ):
            return None
        return _build(
            self,
            node,
            Programme,
            name=node.rest,
            goal=values.get("目标", ("",))[0],
            summary=values.get("说明", ("",))[0],
            plan=plan,
            indicators=indicators,
            where=self.where(node, values, "分项"),
            comments=self.comments_for(node),
        )

    def measures(self, node: _Node) -> MeasureGroup | None:
        items = []
        for child in node.children:
            if child.kind != "bullet":
                self.problem(
                    "IK012",
                    "保障措施下只能写列表项“- …” (only '- ' list items under 保障措施)",
                    child.line,
                    child.column,
                )
                continue
            lines = [child.rest.strip()] + [
                c.rest.strip() for c in child.children if c.kind == "continuation"
            ]
            items.append("\n".join(lines))
        return _build(
            self,
            node,
            MeasureGroup,
            title=node.rest,
            items=items,
            where=Where(Location(node.line, node.column)),
            comments=self.comments_for(node),
        )

    def projects(self, node: _Node) -> Iterator[Project]:
        match = re.fullmatch(r"(\d+)(?:[-–—~～至](\d+))?(?:\s+(.*))?", node.rest.strip())
        if match is None:
            self.problem(
                "IK018",
                f"项目需要编号 (a project needs a number): “{node.rest}”",
                node.line,
                node.rest_column,
                suggestion="写作“项目 1 项目名称” / write 项目 N name",
            )
            return
        if len(match[1]) > MAX_DIGITS or (match[2] is not None and len(match[2]) > MAX_DIGITS):
            self.problem(
                "IK018",
                f"项目编号过长 (a project number longer than {MAX_DIGITS} digits)",
                node.line,
                node.rest_column,
            )
            return
        first, last, name = int(match[1]), match[2], intern(match[3] or "")
        values, children = self.fields(node, "项目", {"指标"})
        if last is not None:
            if set(values) != {"暂不公开"} or children:
                self.problem(
                    "IK018",
                    "编号范围只能用于暂不公开的项目 (a range of numbers is only for withheld projects)",
                    node.line,
                    node.rest_column,
                )
                return
            if int(last) < first or int(last) - first >= MAX_WITHHELD_RANGE:
                self.problem(
                    "IK018",
                    f"编号范围无效 (invalid range of numbers) “{match[1]}-{last}”："
                    + (
                        "终点小于起点 (it ends before it starts)"
                        if int(last) < first
                        else f"最多 {MAX_WITHHELD_RANGE} 个项目 (at most {MAX_WITHHELD_RANGE})"
                    ),
                    node.line,
                    node.rest_column,
                )
                return
            for number in range(first, int(last) + 1):
                project = _build(
                    self,
                    node,
                    Project,
                    number=number,
                    name=name,
                    withheld=values["暂不公开"][0],
                    where=self.where(node, values, "项目"),
                    comments=self.comments_for(node) if number == first else (),
                )
                if project is not None:
                    yield project
            return
        budget = self.budget(values)
        planned = values.get("支出计划", ("",))[0]
        plan = self.plan(*values["支出计划"]) if planned else None
        count = len(self.findings)
        executed = adjusted = None
        if "执行数" in values:
            executed = self.amount(*values["执行数"], "执行数", "[money]")
        if "调整后预算" in values:
            adjusted = self.amount(*values["调整后预算"], "调整后预算", "[money]")
        initial = None
        if "年初预算" in values:
            initial = self.amount(*values["年初预算"], "年初预算", "[money]")
        sources = self.fund_sources(*values["资金来源"]) if "资金来源" in values else ()
        spent = None
        if values.get("累计支出", ("",))[0]:
            spent = self.plan(*values["累计支出"], what="累计支出")
        points = {key: self.points(values, key) for key in ("预算分值", "总分值")}
        indicators = [self.indicator(child) for _, child in children]
        if (
            any(i is None for i in indicators)
            or budget is False
            or (planned and plan is None)
            or len(self.findings) > count
        ):
            return
        project = _build(
            self,
            node,
            Project,
            number=first,
            name=name,
            code=values.get("编码", ("",))[0],
            unit=values.get("单位", ("",))[0],
            budget=budget,
            purpose=values.get("用途", ("",))[0],
            plan=plan,
            goal=values.get("绩效目标", ("",))[0],
            indicators=indicators,
            withheld=values["暂不公开"][0] if "暂不公开" in values else None,
            executed=executed,
            adjusted_budget=adjusted,
            initial_budget=initial,
            fund_sources=sources or (),
            goal_outcome=values.get("目标完成情况", ("",))[0],
            spent=spent,
            budget_reason=values.get("执行说明", ("",))[0],
            budget_weight=points["预算分值"],
            weight_total=points["总分值"],
            conclusion=values.get("评价结论", ("",))[0],
            problems=values.get("存在问题", ("",))[0],
            improvements=values.get("改进措施", ("",))[0],
            where=self.where(node, values, "项目"),
            comments=self.comments_for(node),
        )
        if project is not None:
            yield project

    def points(self, values: dict[str, tuple[str, _Node]], key: str) -> Fraction | None:
        """A 分值 field (an indicator's, the budget line's, the 总分 row's): a number ≥ 0, or
        ``None`` when not written or after a finding."""
        if key not in values:
            return None
        text, node = values[key]
        try:
            return read_ratio(text)
        except ValueError:
            self.problem(
                "IK020",
                f"{key}应为非负数 ({'weight' if key == '分值' else 'points'} must be a number ≥ 0): "
                f"“{text}”",
                node.line,
                self.value_column(node),
            )
            return None

    def budget(self, values: dict[str, tuple[str, _Node]]) -> Budget | bool | None:
        """The budget, ``None`` when none is given, ``False`` after a finding."""
        amounts: dict[str, Amount | None] = {}
        failed = False
        for key in ("预算", "财政资金", "其他资金"):
            if key in values:
                text, node = values[key]
                amount = self.amount(text, node, key, "[money]")
                failed |= amount is None
                amounts[key] = amount
        if failed:
            return False
        if not amounts:
            return None
        if amounts.get("预算") is None:
            first = values["财政资金"][1] if "财政资金" in values else values["其他资金"][1]
            self.problem(
                "IK019",
                "写了财政资金或其他资金，却没有预算数 (fiscal or other funds without a budget)",
                first.line,
                first.column,
            )
            return False
        total = amounts["预算"]
        assert total is not None
        return Budget(total, amounts.get("财政资金"), amounts.get("其他资金"))

    def indicator(self, node: _Node) -> Indicator | None:
        """An indicator; every problem in it is reported, not only the first."""
        count = len(self.findings)
        levels = [intern(level) for level in split_levels(node.rest)]
        values, _ = self.fields(node, "指标")
        if len(levels) != 3:
            self.problem(
                "IK031",
                f"指标标题应为“一级 / 二级 / 三级” (write level-1 / level-2 / level-3): "
                f"“{node.rest}”",
                node.line,
                node.rest_column,
                node.rest_column + len(node.rest),
                suggestion="层级之间用“ / ”（前后各一个空格）分隔，空缺的层级留空",
            )
        reading = None
        if "指标值" in values:
            reading = self.target(*values["指标值"])
        else:
            self.problem(
                "IK032",
                "指标缺少“指标值” (the indicator has no target)",
                node.line,
                node.column,
                suggestion="在指标下写“指标值：≥95%” / add 指标值：…",
            )
        weight = self.points(values, "分值")
        score = None
        if "自评得分" in values:
            score_text, score_node = values["自评得分"]
            try:
                score = read_ratio(score_text)
            except ValueError:
                self.problem(
                    "IK020",
                    f"自评得分应为非负数 (the evaluator score must be a number ≥ 0): “{score_text}”",
                    score_node.line,
                    self.value_column(score_node),
                    self.value_column(score_node) + len(score_text),
                )
        direction = None
        if "方向" in values:
            word, direction_node = values["方向"]
            direction = DIRECTION_WORDS.get(word.strip())
            if direction is None:
                self.problem(
                    "IK020",
                    f"方向应为“正向”或“反向” (direction is 正向 or 反向): “{word}”",
                    direction_node.line,
                    self.value_column(direction_node),
                )
        if len(self.findings) > count:
            return None
        return _build(
            self,
            node,
            Indicator,
            level1=levels[0],
            level2=levels[1],
            name=levels[2],
            target=reading.target if reading is not None else None,
            target_text=values["指标值"][0],
            reading=reading,
            description=values.get("描述", ("",))[0],
            basis=values.get("依据", ("",))[0],
            weight=weight,
            direction=direction,
            actual=values.get("实际值", ("",))[0],
            evaluator_score=score,
            reason=values.get("偏差原因", ("",))[0],
            not_applicable=values["不适用"][0] if "不适用" in values else None,
            where=self.where(node, values, "指标"),
            comments=self.comments_for(node),
        )


_Record = TypeVar("_Record")


def _build(
    reader: _Reader, node: _Node, cls: Callable[..., _Record], **fields: Any
) -> _Record | None:
    """``cls(**fields)``, turning a refusal of the model into a finding at ``node``."""
    try:
        return cls(**fields)
    except ValueError as error:
        reader.problem("IK040", str(error), node.line, node.column)
        return None


def _split_colon(text: str) -> tuple[str, str, str]:
    """``"1：内容"`` → ``("1", "：", "内容")``; no colon → ``(text, "", "")``."""
    match = re.search(r"[：:]", text)
    if match is None:
        return text, "", ""
    return text[: match.start()], match.group(), text[match.end() :]


def _indent_width(line: str) -> int:
    """The width of a line's indentation as the outline's post-lexer counts it (lark's
    Indenter: a space is 1, a tab is ``tab_len`` — not tab stops)."""
    indent = line[: len(line) - len(line.lstrip(" \t"))]
    return indent.count(" ") + indent.count("\t") * _Indentation.tab_len


def _mixed_indent_line(lines: list[str]) -> int | None:
    """The first line (1-based) whose indentation has both tabs and spaces, or ``None``."""
    for number, line in enumerate(lines, 1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if " " in indent and "\t" in indent:
            return number
    return None


def _too_deep(lines: list[str]) -> int | None:
    """The first line (1-based) nested more than :data:`MAX_DEPTH` levels, or ``None``."""
    levels = [0]
    for number, text in enumerate(lines, 1):
        if not text.strip():
            continue
        width = _indent_width(text)
        while levels and width < levels[-1]:
            levels.pop()
        if not levels or width > levels[-1]:
            levels.append(width)
            if len(levels) > MAX_DEPTH:
                return number
    return None


def _all_lines(nodes: list[_Node] | tuple[_Node, ...]) -> Iterator[int]:
    for node in nodes:
        yield node.line
        yield from _all_lines(node.children)


def _dedent_line(lines: list[str]) -> int:
    """The first line whose indentation matches no enclosing level."""
    levels = [0]
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        indent = _indent_width(line)
        if indent > levels[-1]:
            levels.append(indent)
            continue
        while levels and indent < levels[-1]:
            levels.pop()
        if not levels or levels[-1] != indent:
            return number
    return len(lines)


def _unexpected(error: UnexpectedInput) -> str:
    token = getattr(error, "token", None)
    if token is not None:
        return f"意外的“{token}” (unexpected {str(token)!r})"
    char = getattr(error, "char", "")
    return f"意外的字符“{char}” (unexpected {char!r})"
