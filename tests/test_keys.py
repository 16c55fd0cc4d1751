"""Citation keys: readable, unique within a list, identical across runs."""

from __future__ import annotations

import pytest

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


@pytest.mark.parametrize(
    ("family", "title", "expected"),
    [
        # Other scripts are transliterated instead of folded away to "anon".
        ("Иванов", "Теория управления", "ivanov2010teoriya"),
        ("Παπαδόπουλος", "Ιστορία", "papadopoylos2010istoria"),
        ("Şahin", "Çay", "sahin2010cay"),  # Latin keys are what they were
        # A Chinese name written whole is keyed by its surname; titles by their first two characters.
        ("王小明", "人工智能的发展", "wang2010rengong"),
        ("李华", "城市化", "li2010chengshi"),
        ("欧阳修", "新五代史", "ouyang2010xinwu"),
        # A Japanese name that begins with a common family name is keyed by its reading ...
        ("山田太郎", "日本の経済", "yamada2010riben"),
        ("佐々木健一", "市場", "sasaki2010shichang"),  # also without kana: four characters
        ("林健", "市場の歴史", "hayashi2010shichang"),  # one character, in a record with kana
        ("林华", "城市化", "lin2010chengshi"),  # ... but Chinese without: Lin
        ("田中华", "城市化", "tian2010chengshi"),  # three characters and no kana: Chinese
        # ... any other in a Japanese record: two characters, the commonest length
        ("鳩山一郎", "政治の記録", "jiushan2010zhengzhi"),
        # Korean: common family names as their bearers write them, others transliterated
        ("김민준", "한국 경제의 미래", "kim2010hangug"),
        ("남궁민수", "서울", "namgoong2010seoul"),
        ("빙민수", "서울", "bing2010seoul"),
        # A body is keyed whole: bureau, council, ministry
        ("国家统计局", "中国统计年鉴", "guojiatongjiju2010zhongguo"),
        ("国务院", "关于加快发展的意见", "guowuyuan2010guanyu"),
        ("文部科学省", "学校基本調査", "wenbukexuesheng2010xuexiao"),
        # Not a name written whole: left alone.
        ("Wang", "人工智能", "wang2010rengong"),
    ],
)
def test_keys_for_other_scripts(family: str, title: str, expected: str) -> None:
    assert base_key(ref(family, 2010, title)) == expected


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
