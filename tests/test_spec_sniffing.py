"""A text is told to be a spec file by the reader's own vocabulary and syntax (issue 20
follow-up): a first line opening with a top-level key of ``keys.txt``, Chinese or English, and
a space is a spec; a colon (``：`` or ``:``) or a tab after the key is one where the reader reads
the line as it reads the key and a space — so ``评分规则：hubei`` is read by every verb as
``评分规则 hubei`` is (no IK601) —, and where it does not, the line is something else: a
table's header row ``项目<TAB>三级指标…``, a document opening ``部门：司法局``."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from indicatorkit import dumps, loads
from indicatorkit.cli import main
from indicatorkit.formats.format import Probe
from indicatorkit.formats.ikspec.keys import KEY_NAMES, KEYS
from indicatorkit.formats.registry import REGISTRY
from indicatorkit.model.findings import SpecError

#: What follows each top-level key on a first line the reader takes, and the lines under it.
VALUES = {
    "部门": ("玉田县司法局", ""),
    "项目": ("1 法律援助", "  指标 产出指标 / 数量指标 / 受理数\n    指标值：≥200件\n"),
    "评分规则": ("hubei", ""),
    "计量单位": ("", "  - 人天 = [人天]\n"),
}
#: Every key the reader takes at the top of a file, by each of its names.
TOP_KEYS = sorted(KEY_NAMES["top"].items())
SEPARATORS = st.lists(st.sampled_from([" ", "\t", "：", ":"]), min_size=1, max_size=3).map("".join)


def _reading(text: str) -> str | None:
    try:
        return dumps(loads(text))
    except SpecError:
        return None


def _sniffed(text: str, name: str | None = None) -> str | None:
    form = REGISTRY.detect(Probe(text.encode(), name))
    return None if form is None else form.name


def test_the_vocabulary_is_the_readers() -> None:
    assert {chinese for chinese, _, _ in KEYS["top"]} == set(VALUES)


@given(st.sampled_from(TOP_KEYS), SEPARATORS, st.booleans())
def test_every_first_line_the_reader_reads_as_spaced_is_sniffed_as_a_spec(
    key: tuple[str, str], separator: str, comment: bool
) -> None:
    written, chinese = key
    value, body = VALUES[chinese]
    lead = "# 说明\n" if comment else ""
    text, spaced = (f"{lead}{written}{s}{value}\n{body}" for s in (separator, " "))
    read = _reading(text)
    if read is not None and read == _reading(spaced):  # the reader takes it as a separator
        assert _sniffed(text) == "ikspec", text
    if separator[0] == " ":  # refused or not, the reader says where (never IK601)
        assert _sniffed(text) == "ikspec", text
    assert _sniffed(text, "自评.ikspec") == "ikspec"  # the name says so


@pytest.mark.parametrize(("written", "chinese"), TOP_KEYS)
@pytest.mark.parametrize("separator", [" ", "\t", "  ", " \t"])
def test_each_key_and_space_or_tab(written: str, chinese: str, separator: str) -> None:
    value, body = VALUES[chinese]
    text = f"{written}{separator}{value}\n{body}"
    assert _reading(text) == _reading(f"{written} {value}\n{body}") is not None
    assert _sniffed(text) == "ikspec"


@pytest.mark.parametrize("written", ["评分规则", "rules"])
@pytest.mark.parametrize("separator", ["：", ":", " ：", "： ", "\t:"])
def test_the_rule_set_after_a_colon(written: str, separator: str) -> None:
    text = f"{written}{separator}hubei\n项目 1 甲\n"
    assert loads(text).rules == "hubei"
    assert _sniffed(text) == "ikspec"


@pytest.mark.parametrize(
    ("header", "form"),
    [
        ("项目\t三级指标\t指标值\t实际完成值\n甲\t受理数\t≥1件\t2件\n", "csv"),  # a long table
        ("项目\t三级指标\t实际值\n甲\t受理数\t2件\n", "document"),  # actuals rows: check's
        ("项目名称：法律援助\n", "document"),
        (
            "部门：玉田县司法局\n第一部分 部门整体绩效目标\n",
            "document",
        ),  # not 部门 “：玉田县司法局”
        ("项目：1 法律援助\n", "document"),  # the reader refuses it (IK010) …
    ],
)
def test_what_the_reader_does_not_read_so_is_not_a_spec(header: str, form: str) -> None:
    assert _sniffed(header) == form


def test_a_file_named_ikspec_is_read_as_one() -> None:
    with pytest.raises(SpecError, match="IK010"):  # … but in a .ikspec it is said, located
        loads("项目：1 法律援助\n")
    assert _sniffed("项目：1 法律援助\n", "自评.ikspec") == "ikspec"


SPEC = """{first}
项目 1 法律援助
  预算：10000元
  执行数：9000元
  支出计划：6月底 50%，12月底 100%
  累计支出：6月底 45%
  指标 产出指标 / 数量指标 / 受理数
    指标值：≥200件
    依据：计划标准
    分值：50
    实际值：150件
  指标 满意度指标 / 服务对象满意度指标 / 满意度
    指标值：≥90%
    依据：计划标准
    分值：40
    实际值：95%
"""
VERBS = [
    ["lint"],
    ["check"],
    ["check", "--format", "json"],
    ["score"],
    ["score", "--format", "json"],
    ["monitor", "--at", "2025-06-30"],
    ["audit"],
    ["import", "--format", "json"],
    ["report", "-o", "{out}.html"],
    ["export", "-o", "{out}.json"],
]


def _run(
    verb: list[str], path: Path, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str, str, bytes]:
    out = path.with_suffix("")
    argv = [part.format(out=out) for part in verb]
    status = main([*argv, str(path)])
    captured = capsys.readouterr()
    written = next((Path(a) for a in argv if a.startswith(str(out))), None)
    # what is printed names the file: compare the rest
    return (
        status,
        captured.out.replace(str(path.parent), "DIR").replace(path.name, "FILE"),
        captured.err,
        written.read_bytes() if written is not None and written.suffix == ".json" else b"",
    )


@pytest.mark.parametrize("verb", VERBS, ids=lambda verb: " ".join(verb))
@pytest.mark.parametrize("colon", ["：", ":"])
def test_every_verb_reads_a_colon_header_as_the_spaced_one(
    verb: list[str], colon: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spaced, coloned = tmp_path / "a" / "自评.txt", tmp_path / "b" / "自评.txt"
    for path, first in ((spaced, "评分规则 hubei"), (coloned, f"评分规则{colon}hubei")):
        path.parent.mkdir()
        path.write_text(SPEC.format(first=first), encoding="utf-8")
    expected = _run(verb, spaced, capsys)
    got = _run(verb, coloned, capsys)
    assert "IK601" not in got[2] and got[0] != 2, got[2]
    assert got[0] == expected[0] and got[1] == expected[1] and got[3] == expected[3]
    if verb == ["score", "--format", "json"]:
        assert '"rules": "hubei"' in got[1]


def test_fmt_writes_the_colon_header_as_the_writer_does(tmp_path: Path) -> None:
    path = tmp_path / "自评.ikspec"
    path.write_text(SPEC.format(first="评分规则：hubei"), encoding="utf-8")
    assert main(["fmt", "-q", str(path)]) == 0
    assert path.read_text(encoding="utf-8").startswith("评分规则 hubei\n")


#: Every record key (one the reader reads by its own function, attribute ``-`` in keys.txt)
#: in each context, with a parent outline and the value after it.
RECORD_LINES = [
    ("", "部门", "玉田县司法局", ""),
    ("", "department", "玉田县司法局", ""),
    ("", "项目", "1 法律援助", ""),
    ("", "project", "1 法律援助", ""),
    ("部门 司法局\n  ", "分项", "法治宣传", ""),
    ("部门 司法局\n  ", "programme", "法治宣传", ""),
    ("部门 司法局\n  ", "保障措施", "组织保障", "\n    - 加强领导"),
    ("项目 1 甲\n  ", "指标", "产出指标 / 数量指标 / 受理数", "\n    指标值：≥1件"),
    ("项目 1 甲\n  ", "indicator", "产出指标 / 数量指标 / 受理数", "\n    指标值：≥1件"),
]


@given(
    st.sampled_from([*((chinese, written) for written, chinese in TOP_KEYS), *RECORD_LINES]),
    st.sampled_from([" ", "\t", "：", ":", "： ", ": ", "：\t", "  "]),
)
def test_no_value_starts_with_a_stray_colon(line: tuple[str, ...], separator: str) -> None:
    """Every top-level key (and every record key below) followed by a space, a tab, an ASCII
    or a full-width colon, a colon and a space: read as the key and a space (评分规则：hubei),
    or a located finding at the colon with a hint — never a value that starts with the colon.
    (After a space a colon is the value's own: the writer writes a name ``：甲`` so.)"""
    if len(line) == 2:
        chinese, written = line
        value, body = VALUES[chinese]
        parent, tail = "", "\n" + body
    else:
        parent, written, value, tail = line
    text = f"{parent}{written}{separator}{value}{tail}\n"
    spaced = f"{parent}{written} {value}{tail}\n"
    try:
        read = dumps(loads(text, file="规格.ikspec"))
    except SpecError as error:
        assert separator[0] in ":：", text  # a space or a tab is read
        (finding,) = error.findings
        number = parent.count("\n") + 1
        column = len(parent.rsplit("\n", 1)[-1]) + len(written) + 1
        assert (finding.file, finding.line, finding.column) == ("规格.ikspec", number, column)
        assert finding.source_line == text.splitlines()[number - 1]
        assert finding.suggestion
        if finding.code == "IK010":
            assert f"“{written} {value}”" in finding.suggestion
        return
    assert read == _reading(spaced), text
    first = value.split()[0] if value else "人天"
    assert "：" + first not in read and ":" + first not in read


@pytest.mark.parametrize("text", ["部门：司法局\n", "department:司法局\n", "部门：A01 司法局\n"])
def test_a_department_after_a_colon_is_said_where(text: str) -> None:
    with pytest.raises(SpecError) as raised:
        loads(text, file="部门.ikspec")
    (finding,) = raised.value.findings
    assert finding.code == "IK010" and finding.line == 1
    assert text[finding.column - 1] in ":：" and finding.suggestion is not None
    assert "请写作“" in finding.suggestion and "write a space after the key" in finding.suggestion
    assert _sniffed(text) == "document"
    assert _sniffed(text, "部门.ikspec") == "ikspec"
