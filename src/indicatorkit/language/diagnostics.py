"""What lenient reading gives: a :class:`LenientParse` — the target and the :class:`Diagnostic`
of each repair or reading — and the meaning of every diagnostic code
(:data:`DIAGNOSTIC_CODES`).

>>> from indicatorkit import parse_target
>>> [(d.code, d.original) for d in parse_target("≥95%%", lenient=True).diagnostics]
[('T005', '%%')]
"""

from __future__ import annotations

import attrs

from indicatorkit.errors import UnknownUnitError
from indicatorkit.language.repairs import Edit
from indicatorkit.language.targets import AnyTarget
from indicatorkit.units import UnitRegistry

__all__ = ["DIAGNOSTIC_CODES", "Diagnostic", "LenientParse"]

#: Every diagnostic code the lenient reader emits, with what it means.
DIAGNOSTIC_CODES: dict[str, str] = {
    "T001": "去掉了“指标值”标签 / removed a leading '指标值' label",
    "T002": "“,=”读作“=” / ',=' read as '='",
    "T003": "去掉了多余的标点 / removed stray punctuation",
    "T004": "“=>”“=<”读作“≥”“≤” / '=>' and '=<' read as '≥' and '≤'",
    "T005": "重复的百分号 / doubled percent sign",
    "T006": "忽略了指标值之后的文字 / ignored words after the target",
    "T007": "形近字符读作比较符（《 》 读作 < >）/ look-alike characters read as < >",
    "T008": "忽略了比较符之前的文字 / ignored words before the operator",
    "T009": "含数字的句子读作定性指标 / a sentence with numbers read as qualitative",
    "T020": "读出句中唯一的比较，忽略了其余文字 / read the one comparison of a sentence, "
    "setting the other words aside",
    "T021": "含两个或以上数值，读作定性指标 / two or more values: read as qualitative",
    "T022": "忽略了单位后括号里的单位名 / set aside a unit named in brackets after the unit",
    "T023": "不认识的量词按自成一类的计数读取 / an unknown counting word read as a count of its own",
    "T024": "比率分母之间的“、”读作“·” / '、' between two denominators of a rate read as '·'",
    "T040": "“8月前”按惯例读作“8月底前” / '8月前' read as by the end of August, by convention",
    "T041": "只写了月份，按惯例读作该月底前 / a month named alone read as by its end",
    "T042": "“2023.07-2024.01”读作期间 / year.month numbers read as a period",
    "T043": "只写了年份（2020年），读作该年底前 / a year named alone read as by its end",
    "T044": "“2021.6”读作该月底前 / a year.month number read as by the end of that month",
}


@attrs.frozen
class Diagnostic:
    """One repair: ``code`` (see :data:`DIAGNOSTIC_CODES`), a message, the 0-based span
    ``[position, end)`` in the text as given, the ``original`` characters and their
    ``replacement``.

    >>> from indicatorkit import parse_target
    >>> diagnostic = parse_target(",=100", lenient=True).diagnostics[0]
    >>> diagnostic.code, diagnostic.position, diagnostic.original, diagnostic.replacement
    ('T002', 0, ',', '')
    """

    code: str
    message: str
    position: int
    end: int
    original: str
    replacement: str


@attrs.frozen
class LenientParse:
    """What ``parse_target(text, lenient=True)`` returns: the target, what was repaired, and
    the unit definitions the reading added (``defined``: an unknown counting word read as a
    count of its own, T023).  Read actuals of such a target in a registry that has them, and
    declare them in the spec's ``计量单位`` block.

    >>> from indicatorkit import parse_target
    >>> from indicatorkit.units import default_registry
    >>> result = parse_target("指标值：≥95%%", lenient=True)
    >>> result.target, [d.code for d in result.diagnostics], result.defined
    (Comparison('≥95%'), ['T001', 'T005'], ())
    >>> clumps = parse_target("≥5000蔸", lenient=True)
    >>> clumps.target, [d.code for d in clumps.diagnostics], clumps.defined
    (Comparison('≥5000蔸'), ['T023'], ('蔸 = [蔸]',))
    >>> units = default_registry().define(clumps.defined[0])
    >>> clumps.target.check("5200蔸", units=units).met
    True
    """

    text: str
    target: AnyTarget
    diagnostics: tuple[Diagnostic, ...] = ()
    defined: tuple[str, ...] = ()
    #: The registry the text was read with (``None``: not known — built by hand); like a
    #: record's ``where``, not part of equality.
    units: UnitRegistry | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)

    @property
    def repaired(self) -> bool:
        return bool(self.diagnostics)

    def with_units(self, units: UnitRegistry) -> LenientParse | None:
        """This reading as ``units`` reads the text, when that is known without reading it
        again: ``units`` is the registry it was read with, or adds to it only the units this
        reading made up (T023: declared now, so no longer a repair) and units whose names
        the text does not hold — else ``None``.

        >>> from indicatorkit import parse_target
        >>> read = parse_target("≥5000蔸", lenient=True)
        >>> declared = read.units.define(read.defined[0])
        >>> read.with_units(declared) == parse_target("≥5000蔸", lenient=True, units=declared)
        True
        >>> read.with_units(declared.define("畦 = [畦]")).diagnostics
        ()
        >>> parse_target("完成畦田改造", lenient=True).with_units(declared.define("畦 = [畦]")) is None
        True
        """
        given = self.units
        if given is None:
            return None
        if units is given or units == given:
            return self
        before = len(given.definitions)
        if units.definitions[:before] != given.definitions:
            return None
        added = units.definitions[before:]
        if not set(self.defined) <= set(added):
            return None
        for line in added:
            names = [name.strip() for at, name in enumerate(line.split("=")) if at != 1]
            if line not in self.defined and (
                line.startswith("@") or any(name and name in self.text for name in names)
            ):
                return None  # a unit the text may use: only reading tells
        kept = tuple(d for d in self.diagnostics if d.code != "T023")
        return LenientParse(self.text, self.target, kept, units=units)

    def undeclared_unit(self) -> UnknownUnitError | None:
        """The error for a reading that needed a unit of its own (T023), as a reader whose
        units are declared gives it — a spec file, JSON, a spec built in code: there an
        unknown word is never an ad-hoc count — or ``None``.

        >>> from indicatorkit import parse_target
        >>> print(parse_target("≥5000蔸", lenient=True).undeclared_unit())
        未知单位“蔸” (unknown unit '蔸')
          ≥5000蔸
               ^^
          提示 / hint: 在规格的“计量单位”中加一行“- 蔸 = [蔸]” / declare it in the spec's units: - 蔸 = [蔸]
        >>> parse_target("≥95%", lenient=True).undeclared_unit() is None
        True
        """
        counted = next((d for d in self.diagnostics if d.code == "T023"), None)
        if counted is None:
            return None
        line = self.defined[0]
        word = line.partition(" = ")[0]
        return UnknownUnitError(
            self.text,
            counted.position + max(counted.original.find(word), 0),  # after 万, if written
            word,
            (),
            word,
            note=f"在规格的“计量单位”中加一行“- {line}” / declare it in the spec's units: - {line}",
        )


def _diagnostic(text: str, edit: Edit) -> Diagnostic:
    return Diagnostic(
        edit.code, edit.message, edit.start, edit.end, text[edit.start : edit.end], edit.replacement
    )
