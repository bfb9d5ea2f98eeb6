"""Match agency names as printed in a plan ("Văn phòng HĐND&UBND", "Phong Van hoa - Xa hoi") to units.

Names are compared folded (no diacritics, lower case), with the usual abbreviations spelled out and
the trailing "xã …"/"phường …" qualifier dropped; the score is the better of a character ratio and a
word overlap, so OCR damage ("Vin phong HDND N va UBND xa") still finds its agency.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from apps.units.models import Unit, UnitKind
from importer.text import fold

# a best match below this is only a suggestion, not a preselection
ACCEPT = 0.72
SUGGEST = 0.45

_ABBREVIATIONS = {
    "hdnd": "hoi dong nhan dan",
    "ubnd": "uy ban nhan dan",
    "tt": "trung tam",
    "pvhcc": "phuc vu hanh chinh cong",
    "hcc": "hanh chinh cong",
    "vh": "van hoa",
    "xh": "xa hoi",
    "vhxh": "van hoa xa hoi",
    "kt": "kinh te",
    "mttq": "mat tran to quoc",
    "ca": "cong an",
    "ub": "uy ban",
    "dv": "dich vu",
    "snc": "su nghiep cong",
}
_QUALIFIERS = ("xa", "phuong", "dac khu", "thanh pho", "tp")
_WORDS = re.compile(r"[a-z0-9]+")


def normalize_name(text: str, unit_name: str = "") -> str:
    """Folded words of a name, abbreviations spelled out, the unit's own name and qualifiers dropped."""
    folded = fold(text).replace("&", " va ")
    words = []
    for word in _WORDS.findall(folded):
        words.extend(_ABBREVIATIONS.get(word, word).split())
    name = " ".join(words)
    own = _folded(unit_name)
    for suffix in filter(None, dict.fromkeys((own, _core(unit_name)))):
        if name.endswith(" " + suffix):
            name = name[: -len(suffix) - 1]
    for qualifier in _QUALIFIERS:
        if name.endswith(" " + qualifier):
            name = name[: -len(qualifier) - 1]
    return name.strip()


def _folded(text: str) -> str:
    """A text's folded words, one space apart."""
    return " ".join(_WORDS.findall(fold(text)))


def _core(name: str) -> str:
    """A unit's name without its first word, the kind of body ("Xã Mao Điền" → "mao dien", "Sở Ngoại vụ" →
    "ngoai vu"), folded; a name of one word is all core."""
    return _folded(name).split(" ", 1)[-1]


def similarity(a: str, b: str) -> float:
    """0..1: the better of the character ratio and the share of shared words."""
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    ratio = SequenceMatcher(None, a, b).ratio()
    wa, wb = set(a.split()), set(b.split())
    overlap = len(wa & wb) / max(len(wa), len(wb))
    return max(ratio, overlap)


@dataclass(frozen=True)
class Suggestion:
    unit: Unit
    score: float

    @property
    def percent(self) -> int:
        return round(self.score * 100)


def candidates(unit: Unit) -> list[Unit]:
    """The units a plan of ``unit`` may name: its own agencies first, then the city's departments."""
    governing = unit.governing_unit
    own = list(governing.agencies().prefetch_related("former_names"))
    departments = list(
        Unit.objects.filter(kind=UnitKind.DEPARTMENT, dissolved_on__isnull=True)
        .exclude(pk=governing.pk)
        .prefetch_related("former_names")
    )
    return own + departments


def rank(unit: Unit, printed: str, pool: list[Unit] | None = None) -> list[Suggestion]:
    """Every candidate that resembles the printed name, best first."""
    governing = unit.governing_unit
    wanted = normalize_name(printed, governing.name)
    if not wanted:
        return []
    found = []
    for candidate in pool if pool is not None else candidates(unit):
        # an older plan may still print a unit's former name
        former = [old.name for old in candidate.former_names.all()]
        names = [candidate.name, candidate.short_name, *candidate.aliases.splitlines(), *former]
        score = max(similarity(wanted, normalize_name(n, governing.name)) for n in names if n.strip())
        if candidate.kind != UnitKind.AGENCY:
            score -= 0.02  # on a tie the unit's own agency wins
        if score >= SUGGEST:
            found.append(Suggestion(candidate, score))
    found.sort(key=lambda s: -s.score)
    return found


def match_agency(unit: Unit, printed: str) -> tuple[Unit | None, list[Unit]]:
    """The agency of ``unit`` (or a city department) the printed name means, and ranked suggestions."""
    ranked = rank(unit, printed)
    best = ranked[0].unit if ranked and ranked[0].score >= ACCEPT else None
    return best, [s.unit for s in ranked[:5]]


def names_unit(printed: str, unit: Unit) -> bool:
    """Whether a printed body ("UBND xã Mao Điền", "Sở Ngoại vụ thành phố Hải Phòng") names ``unit``: the unit's
    name without its first word ("Mao Điền", "Ngoại vụ"), its short name or an alias, among the printed words."""
    words = f" {_folded(printed)} "
    for name in (unit.name, unit.short_name, *unit.aliases.splitlines()):
        core = _core(name)
        if core and f" {core} " in words:
            return True
    return False


def split_names(printed: str) -> list[str]:
    """A partners cell as separate names: "Phòng Kinh tế, Công an xã; các cơ quan liên quan"."""
    parts = re.split(r"[;,\n]", printed or "")
    return [p.strip(" .-–") for p in parts if p.strip(" .-–")]


def match_many(unit: Unit, printed: str) -> list[Unit]:
    """Every unit a list of printed names confidently means (generic words like "các cơ quan" match none)."""
    pool = candidates(unit)
    found: list[Unit] = []
    for name in split_names(printed):
        ranked = rank(unit, name, pool)
        if ranked and ranked[0].score >= ACCEPT and ranked[0].unit not in found:
            found.append(ranked[0].unit)
    return found
