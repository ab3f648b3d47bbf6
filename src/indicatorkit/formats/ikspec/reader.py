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

import re
from os import PathLike
from pathlib import Path
from typing import IO

from indicatorkit.errors import ArgumentError
from indicatorkit.formats.ikspec.department import read_department
from indicatorkit.formats.ikspec.keys import ALIASES, DIRECTION_WORDS, KEYS
from indicatorkit.formats.ikspec.located import finding
from indicatorkit.formats.ikspec.outline import MAX_DEPTH, Node, read_outline, scan_outline
from indicatorkit.formats.ikspec.project import MAX_WITHHELD_RANGE, read_projects
from indicatorkit.formats.ikspec.values import ValueReader
from indicatorkit.model.findings import WHOLE, SpecError
from indicatorkit.model.records import Department, Location, Project, Spec
from indicatorkit.units import UnitDefinitionError, UnitRegistry, registry_in_use

__all__ = [
    "ALIASES",
    "DIRECTION_WORDS",
    "KEYS",
    "MAX_DEPTH",
    "MAX_WITHHELD_RANGE",
    "load",
    "loads",
    "scan_outline",
]


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
            [finding("IK001", f"无法读取文件 (cannot read the file): {error}", WHOLE, file=name)]
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
                finding(
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


class _Reader(ValueReader):
    """Turns a spec text into a :class:`Spec`, collecting every problem: the outline
    (:mod:`~indicatorkit.formats.ikspec.outline`), then the file's own units, then its records
    (:mod:`~indicatorkit.formats.ikspec.department`, :mod:`~indicatorkit.formats.ikspec.project`)."""

    def read(self) -> Spec | None:
        outline = read_outline(self)
        if outline is None:
            return None
        nodes, self.comments = outline
        keyed = [(node, self.key(node, "top")) for node in nodes]
        for node, key in keyed:  # the file's own units first: every target is read with them
            if key == "计量单位":
                self.unit_block(node)
        department, projects, rules = self.records(keyed)
        self.unique_numbers(projects)
        if self.findings:
            return None
        try:
            return Spec(
                department,
                tuple(projects),
                units=self.units,
                rules=rules,
                comments=tuple(self.comments.leading),
            )
        except ValueError as error:  # the model checks what the reader has not
            self.problem("IK040", str(error), 1, 1)
            return None

    def records(
        self, keyed: list[tuple[Node, str | None]]
    ) -> tuple[Department | None, list[Project], str | None]:
        """The department, the projects and the rule set the top-level entries give (IK011
        a second department, IK013 a second rule set)."""
        department: Department | None = None
        projects: list[Project] = []
        rules: list[str | None] = []
        for node, key in keyed:
            if key == "评分规则":
                rules.append(self.rules(node))
                if len(rules) > 1:
                    end = node.column + len(node.key)
                    self.problem(
                        "IK013", "“评分规则”写了两次 (given twice)", node.line, node.column, end
                    )
            elif key == "部门":
                built = read_department(self, node)
                if department is not None and built is not None:
                    self.problem(
                        "IK011",
                        "一个规格文件只能有一个“部门” (one department a file)",
                        node.line,
                        node.column,
                    )
                department = department or built
            elif key == "项目":
                projects.extend(read_projects(self, node))
        return department, projects, next((name for name in rules if name is not None), None)

    def unique_numbers(self, projects: list[Project]) -> None:
        """IK016 for each project whose number an earlier one has."""
        numbers: set[int] = set()
        for project in projects:
            if project.number in numbers:
                where = project.where.at if project.where else Location(1)
                self.problem(
                    "IK016",
                    f"项目编号 {project.number} 重复 (duplicate project number)",
                    where.line,
                    where.column,
                )
            numbers.add(project.number)

    def unit_block(self, node: Node) -> None:
        """``计量单位`` and under it one ``- 名称 = 定义`` line a unit (the syntax of
        :func:`~indicatorkit.define_unit`): units of this file only, added to the registry the
        file is read with; comments above it go to the spec."""
        self.comments.leading.extend(self.comments_for(node))
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

    def rules(self, node: Node) -> str | None:
        """``评分规则 national``: the name of the rule set (comments above it go to the spec)."""
        self.comments.leading.extend(self.comments_for(node))
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
