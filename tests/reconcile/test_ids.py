"""One definition of slugs and ids (records.slug), used by the resolver, corrections and the store."""
from __future__ import annotations

import ast
from pathlib import Path

import kronika
from kronika.records import PREFIX, entity_id, fact_id, slug
from kronika import reconciling
from kronika.reconcile import corrections, entities

PKG = Path(kronika.__file__).parent


def test_slug_transliterates_letters_nfkd_keeps_whole():
    assert slug("Łódź") == "lodz"               # the old reconcile/run.py slug gave "odz"
    assert slug("Natalya Sedova") == "natalya-sedova"
    assert slug("…") == "x"
    assert entity_id("PLACE", "Łódź") == "l-lodz"
    assert entity_id("THING", "a") == "x-a"


def test_split_alias_id_uses_the_same_slug():
    ids = {("d", "Łódź"): "l-x"}
    items = [{"doc": "d", "key": "Łódź", "type": "PLACE", "aliases": {"Łódź"}, "mentions": 1, "context": set(),
              "texts": {"Łódź": 1}}]
    corrections.split_aliases([{"action": "split", "target": "l-x", "value": "Łódź"}], items, ids)
    assert ids[("d", "Łódź")] == "l-x--lodz"


def test_resolver_ids_are_records_ids():
    out = entities.resolve_entities([entities.DocEntity(doc="d", key="Łódź", type="PLACE", aliases={"Łódź"})])
    assert out[("d", "Łódź")] == entity_id("PLACE", "Łódź")
    assert reconciling.fact_id is fact_id


def test_ids_and_vocabularies_defined_once():
    names = {"slug", "PREFIX", "SINGLE_VALUED", "EVENT_TYPES", "fact_id", "entity_id", "_TRANSLIT"}
    where: dict[str, list[str]] = {}
    for path in PKG.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            targets = [node.name] if isinstance(node, (ast.FunctionDef, ast.ClassDef)) else \
                [t.id for t in getattr(node, "targets", []) if isinstance(t, ast.Name)] + \
                ([node.target.id] if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) else [])
            for t in targets:
                if t in names:
                    where.setdefault(t, []).append(str(path.relative_to(PKG)))
    twice = {k: v for k, v in where.items() if len(v) > 1 and k != "EVENT_TYPES"}
    assert not twice, twice
    assert where["PREFIX"] == ["records.py"] and len(PREFIX) == 5


def test_store_reads_do_not_import_reconcile():
    tree = ast.parse((PKG / "store" / "reads.py").read_text(encoding="utf-8"))
    mods = [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    assert not [m for m in mods if "reconcile" in m], mods


def test_reconcile_run_holds_no_sql():
    """The statements reconcile runs live in store/chronicle.py; reconciling.py only calls them."""
    import re
    sql = re.compile(r"^\s*(SELECT|INSERT|UPDATE|DELETE)\b", re.I)
    for name in ("reconciling.py", "reconcile/events.py", "reconcile/chronology.py", "reconcile/entities.py",
                 "reconcile/conflicts.py", "reconcile/corrections.py", "build.py"):
        tree = ast.parse((PKG / name).read_text(encoding="utf-8"))
        found = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
                 and sql.match(n.value)]
        assert not found, (name, found)
