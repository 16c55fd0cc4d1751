"""Citation keys: readable, unique within a list, identical across runs."""

from __future__ import annotations

from citekit.keys import assign_keys, base_key
from citekit.model import Name, Reference, Span


def ref(
    family: str | None, year: int | None, title: str | None, key: str = "", literal: bool = False
) -> Reference:
    authors = (Name(family, literal=literal),) if family else ()
    return Reference(
        id="x", raw="", span=Span(0, 0), authors=authors, year=year, title=title, key=key
    )


def test_base_key_shapes() -> None:
    assert base_key(ref("Mankoff", 2012, "Russian Foreign Policy")) == "mankoff2012russian"
    assert base_key(ref("Şahin", 2020, "The Çay Trade")) == "sahin2020cay"
    assert (
        base_key(ref("Müller-Lüdenscheidt", 1999, "Über die Brücke"))
        == "mullerludenscheidt1999uber"
    )
    assert (
        base_key(ref("Zabortseva", 2012, "From the “forgotten region”"))
        == "zabortseva2012forgotten"
    )
    assert base_key(ref("Goble", None, "China Will Have Military Bases")) == "goblendchina"
    assert base_key(ref(None, 2018, "A Study")) == "anon2018study"
    assert (
        base_key(ref("World Health Organization", 2018, "Global status report", literal=True))
        == "world2018global"
    )
    assert base_key(ref("Ørsted", 2001, "1984 and After")) == "orsted2001after"


def test_collisions_get_letter_suffixes_in_list_order() -> None:
    refs = [
        ref("Mankoff", 2012, "Russian Foreign Policy"),
        ref("Mankoff", 2012, "Russian Foreign Policy, second look"),
        ref("Nye", 2004, "Soft Power"),
    ]
    keys = [r.key for r in assign_keys(refs)]
    assert keys == ["mankoff2012russiana", "mankoff2012russianb", "nye2004soft"]


def test_existing_keys_are_kept_and_avoided() -> None:
    refs = [ref("Nye", 2004, "Soft Power", key="nye2004soft"), ref("Nye", 2004, "Soft Power")]
    keys = [r.key for r in assign_keys(refs)]
    assert keys[0] == "nye2004soft"
    assert keys[1] != "nye2004soft" and keys[1].startswith("nye2004soft")


def test_keys_are_stable_and_unique_on_many_references() -> None:
    refs = [ref(f"Author{i % 7}", 2000 + i % 3, f"Title {i % 5}") for i in range(200)]
    first = [r.key for r in assign_keys(refs)]
    second = [r.key for r in assign_keys(list(refs))]
    assert first == second
    assert len(set(first)) == len(first)
