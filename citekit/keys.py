"""Stable, readable citation keys: ``mankoff2012russian``.

A key is the ascii-folded first family name, the year (or "nd") and the first
significant word of the title.  Keys are unique within one list (colliding
keys all get "a", "b", ... in list order) and depend only on the references,
so the same input gives the same keys on every run.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

from anyascii import anyascii

from citekit.model import Reference

__all__ = ["assign_keys", "base_key", "unique_keys"]

_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "of",
        "on",
        "in",
        "at",
        "to",
        "for",
        "from",
        "with",
        "by",
        "about",
        "into",
        "over",
        "under",
        "as",
        "is",
        "are",
        "be",
        "its",
        "it",
        "this",
        "that",
        "these",
        "those",
        "what",
        "why",
        "how",
        "when",
        "where",
        "who",
        "which",
        "whose",
        "whom",
        "do",
        "does",
        "le",
        "la",
        "les",
        "un",
        "une",
        "des",
        "du",
        "de",
        "et",
        "el",
        "los",
        "las",
        "una",
        "del",
        "y",
        "il",
        "lo",
        "gli",
        "der",
        "die",
        "das",
        "ein",
        "eine",
        "und",
        "zur",
        "zum",
        "von",
        "o",
        "os",
        "as",
        "um",
        "uma",
        "do",
        "da",
        "dos",
        "das",
        "e",
    ]
)


@lru_cache(maxsize=1 << 16)
def _ascii(text: str) -> str:
    text = text.replace("ß", "ss").replace("ø", "o").replace("Ø", "O").replace("æ", "ae")
    text = text.replace("ł", "l").replace("Ł", "L").replace("đ", "d").replace("ı", "i")
    decomposed = unicodedata.normalize("NFKD", text)
    folded = decomposed.encode("ascii", "ignore").decode("ascii")
    if len(folded) < len(decomposed) and _OTHER_SCRIPT.search(decomposed):
        # Letters with no Latin decomposition (Cyrillic, Greek, Han, kana, Hangul ...)
        # are transliterated; accents are still dropped as before, so Latin keys
        # do not change.
        folded = "".join(
            c if c.isascii() else anyascii(c) for c in decomposed if not unicodedata.combining(c)
        )
    return folded.lower()


_OTHER_SCRIPT = re.compile(r"[^\x00-\u024f\u0300-\u036f\u1e00-\u1eff]")


@lru_cache(maxsize=1 << 16)  # title words recur across a list
def _word(text: str) -> str:
    return _NOT_WORD.sub("", _ascii(text))


_NOT_WORD = re.compile(r"[^a-z0-9]")


_TOKEN = re.compile(r"[^\W_]+")
_CJK = re.compile(r"[\u3005\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def base_key(ref: Reference) -> str:
    """The key before collision suffixes."""
    names = ref.authors or ref.editors
    if names:
        first = names[0]
        family = first.family.split()[0] if first.literal and first.family.split() else first.family
        name = _word(_east_asian_family(family, ref)) or "anon"
    else:
        name = "anon"
    year = str(ref.year) if ref.year is not None else "nd"
    word = ""
    for m in _TOKEN.finditer(ref.title or ref.container_title or ""):
        token = m.group()
        if cjk := _CJK.match(token):
            # Chinese and Japanese titles have no spaces: a run is a phrase, not a word.
            token = cjk.group()[:2]
        w = _word(token)
        if w and _ascii(token) not in _STOPWORDS and not w.isdigit():
            word = w
            break
    return f"{name}{year}{word}"


_HAN_NAME = re.compile(r"[\u3005\u3400-\u4dbf\u4e00-\u9fff]{2,6}")  # 々 repeats a kanji
_HANGUL_NAME = re.compile(r"[\uac00-\ud7a3]{2,4}")
_KANA = re.compile(r"[\u3040-\u30ff]")
# Chinese two-character surnames (the common ones), in simplified and traditional forms.
_COMPOUND_SURNAMES = frozenset(
    [
        "欧阳",
        "歐陽",
        "司马",
        "司馬",
        "上官",
        "诸葛",
        "諸葛",
        "东方",
        "東方",
        "皇甫",
        "尉迟",
        "尉遲",
        "公孙",
        "公孫",
        "慕容",
        "夏侯",
        "令狐",
        "司徒",
        "长孙",
        "長孫",
        "宇文",
        "轩辕",
        "軒轅",
        "端木",
        "澹台",
        "申屠",
        "闻人",
        "聞人",
        "南宫",
        "南宮",
        "西门",
        "西門",
        "独孤",
        "獨孤",
    ]
)
# The last characters of Chinese and Japanese bodies: bureau, council, ministry, agency ...
_BODY_ENDINGS = tuple(
    [
        "局",
        "院",
        "部",
        "会",
        "會",
        "所",
        "厅",
        "廳",
        "署",
        "省",
        "庁",
        "府",
        "委员会",
        "中心",
        "公司",
        "大学",
        "大學",
        "学院",
        "學院",
        "学会",
        "學會",
        "協会",
        "协会",
        "集团",
        "組織",
        "组织",
        "机构",
        "機構",
        "银行",
        "銀行",
        "研究所",
        "办公室",
        "辦公室",
        "政府",
        "出版社",
    ]
)
_KOREAN_COMPOUND_SURNAMES = frozenset(["남궁", "황보", "제갈", "선우", "독고", "사공", "서문"])


@lru_cache(maxsize=2)
def _surname_readings(name: str) -> dict[str, str]:
    """A shipped table of family names and how their bearers write them in Latin letters."""
    text = resources.files("citekit").joinpath(f"data/{name}").read_text("utf-8")
    pairs = (line.split() for line in text.splitlines() if line and not line.startswith("#"))
    return {p[0]: p[1] for p in pairs if len(p) == 2}


def _east_asian_family(family: str, ref: Reference) -> str:
    """The family name within a Chinese, Japanese or Korean name written whole.

    "王小明" is cited as Wang and "김민준" as Kim, so the key begins with the
    first character or syllable (two for a compound surname); a common Korean
    family name is written as its bearers write it ("김" -> kim, not "gim").  A Japanese name
    (kana anywhere in the record, or four characters or more) that begins with a
    common Japanese family name gives that name's reading ("山田太郎" -> yamada,
    which Mandarin would read "shantian"); any other in a Japanese record takes
    two characters, the commonest length of a Japanese family name.
    """
    if _HANGUL_NAME.fullmatch(family) and len(family) >= 3:
        surname = family[:2] if family[:2] in _KOREAN_COMPOUND_SURNAMES else family[:1]
        return _surname_readings("korean_surnames.txt").get(surname, surname)
    if not _HAN_NAME.fullmatch(family) or family.endswith(_BODY_ENDINGS):
        return family  # not a person's name written whole: "国家统计局" is a body
    japanese = _KANA.search(" ".join(filter(None, (ref.title, ref.container_title, ref.publisher))))
    readings = _surname_readings("japanese_surnames.txt")
    for k in (3, 2, 1):
        if (
            len(family) > k
            and family[:k] in readings
            and (japanese or (k >= 2 and len(family) >= 4))
        ):
            return readings[family[:k]]
    if japanese:
        return family[:2] if len(family) >= 3 else family
    if family[:2] in _COMPOUND_SURNAMES:
        return family[:2] if len(family) >= 3 else family
    return family[:1]


def _suffix(n: int) -> str:
    """0 -> "a", 25 -> "z", 26 -> "aa" ..."""
    out = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(97 + r) + out
    return out


def _with_key(ref: Reference, key: str) -> Reference:
    """``ref.with_(key=key)`` without dataclasses.replace's per-field overhead (hot path)."""
    new = object.__new__(Reference)
    for name in _FIELDS:
        object.__setattr__(new, name, getattr(ref, name))
    object.__setattr__(new, "key", key)  # a fresh object nobody else holds
    return new


_FIELDS = tuple(f.name for f in dataclasses.fields(Reference))


def assign_keys(refs: Sequence[Reference]) -> list[Reference]:
    """Copies of ``refs`` with unique keys; colliding keys get a, b, c in list order.

    A reference that already has a key keeps it (keys read from a .bib file are
    the user's), and new keys avoid it.
    """
    taken = {r.key for r in refs if r.key}
    bases = [base_key(r) if not r.key else "" for r in refs]
    counts = Counter(b for b in bases if b)
    seen: Counter[str] = Counter()
    out: list[Reference] = []
    for ref, base in zip(refs, bases, strict=True):
        if ref.key:
            out.append(ref)
            continue
        if counts[base] == 1 and base not in taken:
            key = base
        else:
            while True:
                key = base + _suffix(seen[base])
                seen[base] += 1
                if key not in taken:
                    break
        taken.add(key)
        out.append(_with_key(ref, key))
    return out


def unique_keys(refs: Sequence[Reference]) -> list[str]:
    """The key (or id) of each reference, made unique: a repeated key gets "a", "b", ...

    Writers use this so that a list holding duplicate keys (two entries of a
    user's .bib sharing one) still gives a file every BibTeX reader accepts.
    """
    keys = [r.key or r.id or "ref" for r in refs]
    taken = set(keys)
    seen: set[str] = set()
    next_suffix: dict[str, int] = {}
    out: list[str] = []
    for key in keys:
        if key in seen:
            n = next_suffix.get(key, 0)
            while key + _suffix(n) in taken:
                n += 1
            next_suffix[key] = n + 1
            key = key + _suffix(n)
            taken.add(key)
        seen.add(key)
        out.append(key)
    return out
