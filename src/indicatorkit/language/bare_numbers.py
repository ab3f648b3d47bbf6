"""A bare number given as an actual (``46800``, ``0.96``): read in the target's unit, unless that
reading is implausible — then both readings are named and the number is left undecided.

Tables print rates as decimals and money without its unit all the time: ``0.96`` under
``≥95%`` is 96% far more often than 0.96%, and ``46800`` under ``≤5万元`` is 46800元, not
46800万元.  The rule, one function (:func:`other_reading`):

- against a rate in % (‰, 成), a number whose size is at most 1 may be a share (0.96 = 96%);
- against money, a number 100 times or more above or below the target (:func:`implausible_ratio`)
  may be in another money unit (元, 千元, 万元, 亿元: the one that comes nearest the target) —
  when one comes no farther from it than the target's own unit.

A number written with its unit is read as written, and this rule never applies to it.

>>> from indicatorkit import parse_target
>>> str(other_reading(Fraction(46800), parse_target("≤5万元")))
'46800元'
>>> str(other_reading(Fraction(96, 100), parse_target("≥95%")))
'96%'
>>> other_reading(Fraction(96), parse_target("≥95%")) is None
True
"""

from __future__ import annotations

from fractions import Fraction

from indicatorkit.language.actuals import ActualReading, actual_reading
from indicatorkit.language.targets import Actual, AnyTarget, Comparison, Range
from indicatorkit.language.values import Amount
from indicatorkit.units import Unit, UnitRegistry, default_registry, registry_in_use

__all__ = [
    "IMPLAUSIBLE_FACTOR",
    "actual_to_check",
    "bare_readings",
    "implausible_ratio",
    "in_target_unit",
    "other_reading",
    "target_unit",
    "two_readings",
]

#: How far from the target a money reading may be before it is implausible: 100 times.
IMPLAUSIBLE_FACTOR = Fraction(100)
_MONEY = "[money]"
_RATIO = "[ratio]"


def implausible_ratio(ratio: Fraction) -> bool:
    """True when a reading ``ratio`` times the target (both positive) is too far off to be
    meant: :data:`IMPLAUSIBLE_FACTOR` times or more, either way.

    >>> implausible_ratio(Fraction(9360)), implausible_ratio(Fraction(1, 100)), implausible_ratio(Fraction(3))
    (True, True, False)
    """
    if ratio <= 0:
        return False
    return ratio >= IMPLAUSIBLE_FACTOR or ratio * IMPLAUSIBLE_FACTOR <= 1


def _scale(target: AnyTarget) -> tuple[Unit, Fraction, Fraction] | None:
    """The unit of a numeric target and its smallest and largest magnitude, in that unit."""
    if isinstance(target, Comparison):
        return target.amount.unit, target.amount.value, target.amount.value
    if isinstance(target, Range):
        low, high = target.low, target.high
        high_value = high.normalized / low.unit.factor
        return low.unit, min(low.value, high_value), max(low.value, high_value)
    return None


def target_unit(target: AnyTarget) -> Unit | None:
    """The unit a bare number is read in against ``target`` (``None``: not a numeric target).

    >>> from indicatorkit import parse_target
    >>> target_unit(parse_target("≤5万元")).symbol, target_unit(parse_target("及时发放"))
    ('万元', None)
    """
    scale = _scale(target)
    return None if scale is None else scale[0]


def _distance(ratio: Fraction) -> Fraction:
    """How far a positive ratio is from 1, either way (3 and 1/3 are as far)."""
    return ratio if ratio >= 1 else 1 / ratio


def other_reading(
    value: Fraction, target: AnyTarget, registry: UnitRegistry | None = None
) -> Amount | None:
    """The other reading of a bare number ``value`` given as the actual of ``target``, when
    reading it in the target's unit is implausible; ``None`` when that reading stands.

    Against a rate whose unit is a part of one (%, ‰, 成), a number with ``0 < |value| ≤ 1`` is
    perhaps a share of one: the other reading is that share in the target's unit.  Against money,
    a positive number :func:`implausible_ratio` times the target is perhaps in another money
    unit: the one whose reading comes nearest the target.

    >>> from indicatorkit import parse_target
    >>> str(other_reading(Fraction(3), parse_target("≥100000元")))
    '3万元'
    >>> other_reading(Fraction(0), parse_target("≤1%")) is None    # 0 is 0 either way
    True
    """
    scale = _scale(target)
    if scale is None:
        return None
    unit, low, high = scale
    if unit.dimension == _RATIO and unit.factor < 1:
        if value != 0 and abs(value) <= 1:
            return Amount(value / unit.factor, unit)
        return None
    if unit.dimension != _MONEY or value <= 0 or low <= 0:
        return None
    ratio = value / high if value > high else value / low
    if not implausible_ratio(ratio):
        return None
    registry = default_registry() if registry is None else registry
    # the money units the registry knows (元, 千元, 万元, 亿元 …), one a factor, smallest first
    by_factor = {registry.unit(word).factor: word for word in registry.words_of(_MONEY)}
    candidates = [registry.unit(by_factor[f]) for f in sorted(by_factor) if f != unit.factor]
    if not candidates:
        return None
    # the target's middle, in base units, against each candidate's reading: the nearest one,
    # if it is no farther than the target's own unit (46800 under ≤100000元 is too big in any
    # larger unit: no other reading to name)
    middle = (low + high) * unit.factor / 2
    best = min(candidates, key=lambda other: _distance(value * other.factor / middle))
    if _distance(value * best.factor / middle) > _distance(value * unit.factor / middle):
        return None
    return Amount(value, best)


def two_readings(text: str, reading: Amount, other: Amount) -> str:
    """What to tell the user about a bare number ``text`` that reads as ``reading`` in the
    target's unit and perhaps as ``other``: both readings, and what to do.

    >>> from indicatorkit.units import unit
    >>> print(two_readings("0.96", Amount(Fraction(96, 100), unit("%")), Amount(96, unit("%"))))
    实际值“0.96”未写单位：按指标值的单位是 0.96%，也可能是 96%，未评分，请写明单位 (no unit: 0.96% in the target's unit, or 96%? — left undecided: write the unit)
    """
    return (
        f"实际值“{text}”未写单位：按指标值的单位是 {reading}，也可能是 {other}，未评分，请写明单位 "
        f"(no unit: {reading} in the target's unit, or {other}? — left undecided: write the unit)"
    )


def bare_readings(
    actual: str,
    target: Comparison | Range,
    units: UnitRegistry | None = None,
    read: ActualReading | None = None,
) -> tuple[Amount, Amount | None] | None:
    """A bare number given as the actual of ``target`` (``read``: its reading with ``units``,
    if already made): its reading in the target's unit and, when that one is implausible
    (:func:`other_reading`), the other; ``None`` when the actual writes a unit or the target
    has none.  What scoring (:func:`in_target_unit`) and lint's IK213 both go by.

    >>> from indicatorkit import parse_target
    >>> [str(r) for r in bare_readings("0.96", parse_target("≥95%"))], bare_readings("96%", parse_target("≥95%"))
    (['0.96%', '96%'], None)
    >>> bare_readings("735", parse_target("≥700人次"))
    (Amount('735人次'), None)
    """
    unit = target.amount.unit if isinstance(target, Comparison) else target.low.unit
    if not unit.dimension:
        return None
    if read is None:
        read = actual_reading(actual, registry_in_use() if units is None else units)
    if not isinstance(read, Amount) or read.unit.dimension:
        return None
    return Amount(read.value, unit), other_reading(read.value, target, units)


def actual_to_check(
    target: AnyTarget,
    actual: Actual,
    units: UnitRegistry | None = None,
    read: ActualReading | None = None,
) -> tuple[Actual, str, bool]:
    """What ``check`` is given for ``actual`` against ``target``, as scoring decides it: a text
    against a numeric target through :func:`in_target_unit`, anything else as given (no note,
    not doubtful).

    >>> from indicatorkit import parse_target
    >>> actual_to_check(parse_target("≥700人次"), "735")[0], actual_to_check(parse_target("达成"), "达成")
    (Amount('735人次'), ('达成', '', False))
    """
    if isinstance(actual, str) and isinstance(target, Comparison | Range):
        return in_target_unit(actual, target, units, read)
    return actual, "", False


def in_target_unit(
    actual: str,
    target: Comparison | Range,
    units: UnitRegistry | None = None,
    read: ActualReading | None = None,
) -> tuple[Actual, str, bool]:
    """Tables print many actuals without their unit (``735`` under ``≥735人次``): such a plain
    number is read in the target's unit, with a note saying so — unless that reading is
    implausible (:func:`other_reading`: ``0.96`` under ``≥95%``), when the third item is True
    and the note names both readings.  Anything else is returned as given, with no note.
    Scoring and the printed-score check (IK207, IK804) read an actual this one way; ``read``
    is its reading already made with ``units`` (not read again).

    >>> from indicatorkit import parse_target
    >>> reading, note, doubtful = in_target_unit("735", parse_target("≥700人次"))
    >>> str(reading), doubtful, note.startswith("实际值“735”未写单位，按指标值的单位“人次”读取")
    ('735人次', False, True)
    >>> in_target_unit("0.96", parse_target("≥95%"))[2], in_target_unit("96%", parse_target("≥95%"))
    (True, ('96%', '', False))
    """
    readings = bare_readings(actual, target, units, read)
    if readings is None:
        return actual, "", False
    reading, other = readings
    if other is not None:
        return reading, two_readings(actual, reading, other), True
    return (
        reading,
        (
            f"实际值“{actual}”未写单位，按指标值的单位“{reading.unit.symbol}”读取 "
            f"(no unit given: read in the target's unit)"
        ),
        False,
    )
