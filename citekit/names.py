"""Personal and corporate names: from an author string to ``Name`` values.

Handles "Family, Given", "Given Family" and "Family Given" without a comma
(common in lists copied from essays: "Reach Clint, Radin Andrew",
"Donaldson H. Robert"), initials ("Smith J.", "Smith JR", "J. R. Smith"),
all-caps families ("NYE" -> "Nye"), particles ("van der Berg"), suffixes
("Jr", "III"), corporate authors (kept literal), several names joined by "and",
"&", ";" or commas, and "et al.".

The order of a name written without a comma is decided from, in turn: where its
initials stand, a list of given names shipped in ``citekit/data/given_names.txt``,
and the style of the rest of the list (``order`` hint, see ``list_order``).
Semantics follow ``pybtex.database.Person`` where they fit (first/middle ->
given, prelast -> particle, last -> family, lineage -> suffix).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Literal

from citekit.model import Name

__all__ = [
    "NameList",
    "Order",
    "format_bibtex_name",
    "given_names",
    "is_initial",
    "list_order",
    "parse_name",
    "parse_names",
    "split_names",
]

Order = Literal["auto", "family-first", "given-first"]


@dataclass(frozen=True, slots=True)
class NameList:
    names: tuple[Name, ...]
    et_al: bool = False


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Lower-cased, ascii-folded given names from the shipped list."""
    text = resources.files("citekit").joinpath("data/given_names.txt").read_text("utf-8")
    return frozenset(
        ascii_fold(line.strip())
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    )


def ascii_fold(s: str) -> str:
    """ASCII-folded lower case: "Şahin" -> "sahin" (letters without an ASCII form drop out)."""
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii").lower()


# Lower-case name particles ("van der Berg", "de la Cruz", "ibn Khaldun"); shared by the
# name splitter, the citation finder and the linker.
PARTICLES = frozenset(
    [
        "af",
        "al",
        "av",
        "bin",
        "d'",
        "da",
        "das",
        "de",
        "degli",
        "dei",
        "del",
        "dell'",
        "della",
        "den",
        "der",
        "des",
        "di",
        "do",
        "dos",
        "du",
        "el",
        "ibn",
        "l'",
        "la",
        "las",
        "le",
        "los",
        "st",
        "st.",
        "ten",
        "ter",
        "van",
        "vom",
        "von",
        "zu",
        "zur",
    ]
)
# Spanish "y" joins two family names ("Ortega y Gasset") inside one name.
_PARTICLES = PARTICLES | {"y"}
# Written with a capital, as Belgian, Dutch and Italian names often are ("De Meur").
_CAPITAL_PARTICLES = frozenset(
    {
        "De",
        "Van",
        "Von",
        "Der",
        "Den",
        "Ter",
        "Da",
        "Di",
        "Du",
        "Del",
        "Della",
        "Le",
        "La",
        "Vander",
        # Irish: "Ó Briain", "Ní Dhomhnaill", "Mac Lochlainn"
        "Ó",
        "Ní",
        "Nic",
        "Mac",
        "Ua",
    }
)
# Case matters: "JR" in "Smith JR" is a pair of initials (Vancouver style), "Jr" a suffix.
_SUFFIX_FORMS = {
    "Jr": "Jr",
    "Jr.": "Jr",
    "jr": "Jr",
    "jr.": "Jr",
    "Jnr": "Jr",
    "Sr": "Sr",
    "Sr.": "Sr",
    "II": "II",
    "III": "III",
    "IV": "IV",
}
# Words that make a name a body's.  Looked up word by word (a set is far quicker than
# an alternation of a hundred words); a word of a hyphenated name ("Court-Brown") is
# one token, so it is not a corporate keyword.
_CORPORATE_TEXT = """
    organisation organization bank institute institution council commission university agency
    ministry department office association society group centre center foundation committee
    union nations fund corporation inc ltd llc gmbh press board network forum programme program
    service federation government authority bureau project team consortium collaboration working
    world international national european academy coalition trust partnership secretariat
    parliament congress court police army company co. state research statistics survey school
    college hospital clinic unit staff contributors news media broadcasting radio television
    magazine newspaper times executive administration
    institut instituto ministério ministerio ministère ministere secretaria secretaría
    fundação fundacao fundaçao fundacão fundación fundacion fondation universidad universidade
    università universita université universite banco banque conselho consejo conseil comissão
    comissao comisión comision agência agencia organização organizacao organizaçao organizacão
    organización organizacion associação associacao associaçao associacão asociación asociacion
    sociedade sociedad société societe sociéte societé departamento governo gobierno prefeitura
    camara câmara senado tribunal observatório observatorio
"""
_CORPORATE_WORDS = frozenset(_CORPORATE_TEXT.split())
_WORD_TOKEN = re.compile(r"[\w-]+\.?")


def _has_corporate_word(text: str) -> bool:
    for tok in _WORD_TOKEN.findall(text.lower()):
        if tok in _CORPORATE_WORDS or tok.rstrip(".") in _CORPORATE_WORDS:
            return True
    return False


_INITIAL = re.compile(
    r"^(?:[A-Z\u00c0-\u00de\u0410-\u042f\u0401]\.?(?:-?[A-Z\u00c0-\u00de\u0410-\u042f\u0401]\.?){0,3}"
    r"|[A-Z\u0410-\u042f][a-z\u0430-\u044f]?\.)$"
)
_ET_AL = re.compile(
    r"[,;]?\s*(?:et\s*al\.?|and\s+others|et\s+alii|u\.\s*a\.|и\s+др\.?)\s*$", re.IGNORECASE
)
_ROLE = re.compile(
    r"[,;]?\s*\(?\b(?:eds?|editors?|edited\s+by|hrsg|hg|coord|comps?|trans|tr|dir|orgs?)\b\.?\)?[.,:]?\s*$",
    re.IGNORECASE,
)
_BY_LEAD = re.compile(r"^\s*(?:(?:edited|ed\.|translated|trans\.|compiled|directed)\s+)?by\s", re.I)
# "In" before the editors, also as Spanish, Portuguese and French write it ("En", "Em", "Dans").
_ROLE_LEAD = re.compile(
    r"^\s*(?:edited\s+by|ed\.\s+by|eds?\.|by|in:?|en:?|em:?|dans:?)\s+", re.IGNORECASE
)
_ROLE_HINT = re.compile(
    r"(?i)\b(?:eds?|editors?|edited|hrsg|hg|coord|comps?|trans|tr|dir|orgs?|by|in|en|em|dans)\b"
)
# A body's name with "and" in it ("Department of Health and Human Services"), or ending in
# the word that makes it a body ("Food and Drug Administration").  Each pattern is searched
# on its own, so that none runs ".*" from every match: a long string stays linear.
_BODY_INNER = re.compile(r"\b(?:for|of|on|de|do|da|del|des|für)\b", re.I)
_BODY_AND = re.compile(r"\s(?:and|&|e|y|et|und)\s", re.I)
_BODY_LAST = re.compile(
    r"\b(?:executive|administration|agency|authority|commission|council|"
    r"institute|ministry|office|service|board|bureau|foundation|association|society|"
    r"organi[sz]ation|department|centre|center|trust|fund|bank|network|group)"
    r"(?:\s*\([A-Z][A-Za-z&.]*\))?\W*$",  # "... Administration (OSHA)."
    re.I,
)


# Not initials where a body's name opens with them: "U.S. Food and Drug Administration".
_COUNTRY_ABBREVIATIONS = frozenset({"U.S.", "US", "U.K.", "UK", "E.U.", "EU", "U.N.", "UN"})


def _body_with_and(text: str) -> bool:
    """ "National Institute for Health and Care Excellence", "Health and Safety Executive"."""
    conn = _BODY_AND.search(text)
    if conn is None:
        return False
    inner = _BODY_INNER.search(text, 0, conn.start())
    if inner:
        return True
    return _BODY_LAST.search(text, conn.end()) is not None


# "and" in several languages; lower case only, so the initial "E." is not read as Italian "e"
# "and" in the languages of reference lists: Portuguese/Italian "e", Spanish "y",
# Dutch "en", Scandinavian "og"/"och", Turkish "ve", Hungarian "és", Finnish
# "ja", Romanian "și", Catalan/Polish "i", Czech "a", Russian "и"
_AND = re.compile(
    r"\s*(?:&|\b(?:[Aa]nd|AND)\b|\bet\b(?!\s*al)"
    r"|\b(?:und|y|e|en|og|och|ve|és|ja|și|şi|i|a|и)\b)\s*"
)


@lru_cache(maxsize=1 << 16)  # a few thousand distinct tokens recur across a list
def is_initial(token: str) -> bool:
    """ "J.", "J", "JR" (Vancouver), "J.-P.", "Th." are initials; "Jo" is not."""
    t = token.rstrip(",")
    if not t:
        return False
    if _INITIAL.match(t):
        # two capitals without dots ("JR") count as initials; "Li" does not
        return not (len(t) == 2 and t[1].islower() and not t.endswith("."))
    return False


def _is_given(token: str) -> bool:
    t = token.strip(".,")
    return is_initial(token) or ascii_fold(t) in given_names()


def _given_like(part: str) -> bool:
    toks = part.split()
    if not toks or len(toks) > 4:
        return False
    return is_initial(toks[0]) or ascii_fold(toks[0].strip(".,")) in given_names()


def _fix_case(family: str) -> str:
    """ "NYE" -> "Nye", "O'NEILL" -> "O'Neill", "SMITH-JONES" -> "Smith-Jones"; others unchanged."""
    if not family.isupper() or sum(c.isalpha() for c in family) < 2:
        return family
    return _WORD_RE.sub(lambda m: m.group(0)[0] + m.group(0)[1:].lower(), family)


_WORD_RE = re.compile(r"[^\W\d_]+")


def _clean(text: str) -> str:
    return " ".join(text.split()).strip(" ,;:").strip()


_FUNCTION_WORDS = frozenset(
    ["for", "of", "the", "on", "in", "at", "to", "und", "für", "pour", "para", "per", "del'"]
)


# Body words that are common surnames too, and initials as Vancouver writes them.
_ALSO_SURNAMES = frozenset({"camara", "câmara", "banco", "senado", "centro"})
_PERSON_INITIALS = re.compile(r"[A-Z]{1,2}|[A-Z]\.(?:-?[A-Z]\.)*")


def _is_corporate(chunk: str) -> bool:
    toks = chunk.split()
    if len(toks) >= 3 and any(t in _FUNCTION_WORDS for t in toks[1:-1]):
        return True  # "Transport for London", "Ministry of Health"
    if (
        len(toks) >= 2
        and _has_corporate_word(chunk)
        # "Camara O", "Banco L": a surname that is also a body's word, then initials
        and not (
            len(toks) == 2
            and toks[0].lower() in _ALSO_SURNAMES
            and _PERSON_INITIALS.fullmatch(toks[1])
        )
    ):
        return True
    if len(toks) == 1 and len(toks[0]) >= 2 and toks[0].isupper() and toks[0].isalpha():
        return True  # "RAND", "OECD", "NATO" standing alone
    return len(toks) > 4 and not any(is_initial(t) for t in toks)


def _split_suffix(tokens: list[str]) -> tuple[list[str], str]:
    for i, t in enumerate(tokens):
        s = _SUFFIX_FORMS.get(t.rstrip(","))
        if s and i > 0:
            return tokens[:i] + tokens[i + 1 :], s
    return tokens, ""


def _family_particle(tokens: list[str]) -> tuple[str, str]:
    """Split leading lowercase particles off a family part: ["van", "der", "Berg"]."""
    i = 0
    while i < len(tokens) - 1 and tokens[i].lower() in _PARTICLES and tokens[i][:1].islower():
        i += 1
    return " ".join(tokens[i:]), " ".join(tokens[:i])


# Abbreviated given names whose period is their own ("Wm." is an initial already).
_GIVEN_ABBREVIATIONS = frozenset(
    {"chas", "geo", "jas", "jno", "jos", "thos", "robt", "saml", "benj", "edw", "wm", "chr", "fr"}
)


def _drop_closing_period(chunk: str) -> str:
    """ "Braudel, Fernand." -> "Braudel, Fernand": the period closes the author block.

    An initial ("K."), a suffix ("Jr.") or an abbreviated given name ("Thos.")
    keeps its period.
    """
    if not chunk.endswith(".") or chunk.endswith(".."):
        return chunk
    if chunk.endswith(")."):
        return chunk[:-1]  # "Health Administration (OSHA)."
    last = chunk.rsplit(None, 1)[-1].lstrip(",")
    word = last[:-1]
    if word.isupper() and 2 <= len(word) <= 4 and word.isalpha():
        return chunk[:-1]  # Vancouver initials have no periods: "Nguyen TL." ends the block
    if (
        len(word) < 2
        or "." in word
        or not re.sub(r"['’-]", "", word).isalpha()
        or is_initial(last)
        or last in _SUFFIX_FORMS
        or word.lower() in _GIVEN_ABBREVIATIONS
    ):
        return chunk
    return chunk[:-1]


_ABBREVIATION_TAIL = re.compile(r"\s*\[[A-Z][\w&.-]{0,14}\]\.?$")
# APA's role after a name: "Fincher, D. (Director)", "Moore, M. (Writer/Director)".
_PAREN_ROLE = re.compile(
    r"\s*\((?:(?:executive\s+)?producers?|directors?|writers?|hosts?|composers?|performers?|"
    r"narrators?|interviewers?|photographers?|illustrators?|artists?|speakers?|presenters?|"
    r"editor-in-chief|cartographers?|(?:writer|producer|director)s?\s*[/&]\s*\w+)\)\.?",
    re.I,
)


def parse_name(chunk: str, order: Order = "auto", written_given_first: bool = False) -> Name:
    """One name.  ``order`` is the list's style for names written without a comma;
    ``written_given_first`` says the context writes names given first whatever
    the words ("edited by Cary Nelson"), so only initials can say otherwise."""
    if "(" in chunk:
        chunk = _PAREN_ROLE.sub("", chunk)
    chunk = _drop_closing_period(_clean(chunk))
    if not chunk:
        return Name("")
    if "," not in chunk and _is_corporate(chunk):
        # APA's abbreviation for later citations is not part of the name: "... Desarrollo [BID]."
        return Name(_ABBREVIATION_TAIL.sub("", chunk) or chunk, literal=True)
    if "," in chunk:
        head, _, tail = chunk.partition(",")
        tail_tokens = tail.replace(",", " ").split()
        tail_tokens, suffix = _split_suffix(["x", *tail_tokens])
        tail_tokens = tail_tokens[1:]
        head_tokens, suffix2 = _split_suffix(["x", *head.split()])
        head_tokens = head_tokens[1:]
        if not tail_tokens:
            return parse_name(head, order)
        family, particle = _family_particle(head_tokens)
        # "de Souza" written as "Souza, de" / "Berg, Jan van der"
        given_tokens = list(tail_tokens)
        while (
            given_tokens
            and given_tokens[-1].lower() in _PARTICLES
            and given_tokens[-1][:1].islower()
        ):
            particle = f"{given_tokens.pop()} {particle}".strip()
        return Name(_fix_case(family), " ".join(given_tokens), particle, suffix or suffix2)
    tokens, suffix = _split_suffix(chunk.split())
    if len(tokens) == 1:
        return Name(_fix_case(tokens[0]), "", "", suffix)
    family_first = _family_first(tokens, order, written_given_first)
    if family_first:
        # "Donaldson H. Robert", "van der Berg J."
        j = 0
        while j < len(tokens) - 1 and tokens[j].lower() in _PARTICLES and tokens[j][:1].islower():
            j += 1
        particle = " ".join(tokens[:j])
        # Vancouver writes initials after the whole family: "Di Lisa F", "Sinninghe Damste JS"
        # ("Smith John A" keeps its known given name out of the family, unless a
        # capitalised particle leads it: "De Maria R").
        m = len(tokens)
        while m > j + 1 and is_initial(tokens[m - 1]):
            m -= 1
        if (
            m < len(tokens)
            and m - j >= 2
            and (tokens[j] in _CAPITAL_PARTICLES or not any(map(_known_given, tokens[j + 1 : m])))
        ):
            family = " ".join(_fix_case(t) for t in tokens[j:m])
            return Name(family, " ".join(tokens[m:]), particle, suffix)
        return Name(_fix_case(tokens[j]), " ".join(tokens[j + 1 :]), particle, suffix)
    # given-first: family is the last token plus lowercase particles before it
    k = len(tokens) - 1
    while k > 1 and (
        (tokens[k - 1].lower() in _PARTICLES and tokens[k - 1][:1].islower())
        or tokens[k - 1] in _CAPITAL_PARTICLES
    ):
        k -= 1
    if any(t in _CAPITAL_PARTICLES for t in tokens[k:-1]):
        # "Gisèle De Meur", "Etienne Van de Walle": a capitalised particle is part of the family
        family = " ".join([*tokens[k:-1], _fix_case(tokens[-1])])
        return Name(family, " ".join(tokens[:k]), "", suffix)
    particle = " ".join(tokens[k:-1])
    return Name(_fix_case(tokens[-1]), " ".join(tokens[:k]), particle, suffix)


@lru_cache(maxsize=1 << 16)
def _known_given(token: str) -> bool:
    """A given name from the shipped list; "Jean-Paul" counts if each part does."""
    known = given_names()
    t = ascii_fold(token.strip(".,"))
    return t in known or ("-" in t and all(p in known for p in t.split("-") if p))


def _family_first(tokens: Sequence[str], order: Order, written_given_first: bool = False) -> bool:
    """Is a comma-less name written family first?"""
    first, last = tokens[0], tokens[-1]
    if is_initial(first) and not is_initial(last):
        return False
    if is_initial(last) and not is_initial(first):
        return True
    if written_given_first:
        return False
    first_given = _known_given(first)
    last_given = _known_given(last)
    if last_given and not first_given:
        return True
    if first_given and not last_given:
        return False
    if first.isupper() and len(first) > 2 and not last.isupper():
        return True  # "NYE Joseph"
    return order == "family-first"


def _strip_et_al(text: str) -> tuple[str, bool]:
    low = text[-16:].lower()
    if "al" not in low and "others" not in low and "u." not in low and "др" not in low:
        return text, False
    m = _ET_AL.search(text)
    if m:
        return text[: m.start()], True
    return text, False


def _slashed(text: str) -> bool:
    """Names joined by slashes: every part after a slash starts with a letter, and
    nothing is bracketed or a link (a plain split, no regex to backtrack)."""
    if any(c in text for c in "():"):
        return False
    parts = text.split("/")
    return bool(parts[0].strip()) and all(p.strip()[:1].isalpha() for p in parts[1:])


def split_names(text: str) -> list[str]:
    """The name chunks of an author string, each "Family, Given" or a whole name."""
    return _split(text)[0]


def _split(text: str) -> tuple[list[str], bool]:
    text = _clean(text)
    if _ROLE_HINT.search(text):
        text = _ROLE_LEAD.sub("", text)
        text = _ROLE.sub("", text)
    text, et_al = _strip_et_al(text)
    text = _clean(text)
    if not text:
        return [], et_al
    if ";" in text:
        return [c for c in (_clean(p) for p in text.split(";")) if c], et_al
    if "," not in text and _body_with_and(text) and _is_corporate(text):
        # "National Institute for Health and Care Excellence", "Health and Safety
        # Executive": one body, not two names
        toks = text.split()
        if not any(is_initial(t) and t not in _COUNTRY_ABBREVIATIONS for t in toks) and (
            _has_corporate_word(text)
        ):
            return [text], et_al
    if "/" in text and _slashed(text):
        # German style: "Beck, Ulrich/Giddens, Anthony/Lash, Scott"
        return [c for c in (_clean(p) for p in text.split("/")) if c], et_al
    pieces = [_clean(p) for p in _AND.split(text)]
    chunks: list[str] = []
    for piece in pieces:
        if not piece:
            continue
        parts = [p.strip() for p in piece.split(",") if p.strip()]
        i = 0
        while i < len(parts):
            part = parts[i]
            nxt = parts[i + 1] if i + 1 < len(parts) else None
            if nxt is not None and _SUFFIX_FORMS.get(nxt):
                # "Nye, Joseph S., Jr." or "Nye Jr, Joseph": keep the suffix with its name
                part = f"{part} {nxt}"
                parts[i + 1 : i + 2] = []
                nxt = parts[i + 1] if i + 1 < len(parts) else None
            head_tokens = [t for t in part.split() if _SUFFIX_FORMS.get(t) is None]
            # a family alone, perhaps after particles ("van der Berg"); "Du W" and
            # "schillinger M" end on their initials, so they are whole names
            single = len(head_tokens) == 1 or (
                len(head_tokens) > 1
                and not is_initial(head_tokens[-1])
                and all(t[:1].islower() or t in _CAPITAL_PARTICLES for t in head_tokens[:-1])
            )
            if not head_tokens:
                chunks.append(part)
                i += 1
                continue
            head = head_tokens[0]
            family_like = (
                not is_initial(head)
                or (head.isalpha() and len(head) >= 3)
                or head in _CAPITAL_PARTICLES
            )
            if (
                nxt is not None
                and len(head_tokens) == 2
                and not any(map(is_initial, head_tokens))
                and all(map(is_initial, nxt.split()))
            ):
                single = True  # a family of two words: "Boykin McElhaney, K."
            if nxt is not None and single and family_like and _given_like(nxt):
                after = parts[i + 2] if i + 2 < len(parts) else None
                suffix = f" {after}" if after and _SUFFIX_FORMS.get(after) else ""
                chunks.append(f"{part}, {nxt}{suffix}")
                i += 3 if suffix else 2
            elif (
                nxt is not None
                and single
                and len(parts) == 2
                # "CHAUÍ, Marilena": a capitalised family, unlike "OECD" standing alone
                and not (_is_corporate(part) and (len(head_tokens) > 1 or nxt.isupper()))
                and len(nxt.split()) <= 3
            ):
                chunks.append(f"{part}, {nxt}")  # "Zabortseva, Yelena Nikolayevna"
                i += 2
            else:
                chunks.append(part)
                i += 1
    return chunks, et_al


_CJK = re.compile(r"[\u3400-\u9fff\uac00-\ud7af]")
_CJK_NAME = re.compile(r"[\u3400-\u9fff]{1,6}|[\uac00-\ud7af]{2,5}")
# "et al." as Chinese, Japanese and Korean lists write it
_CJK_ET_AL = re.compile(r"等|等人|ほか|他|외|외\s*\d+\s*인|外|外\s*\d+\s*人|et al\.?")


def _cjk_names(text: str) -> NameList | None:
    """Chinese names as GB/T 7714 lists them: "王小明, 张伟, 陈静, 等" (written whole,
    family first, with no given name to split off; "等" is et al.), Japanese ones
    joined by "・": "佐藤花子・鈴木一郎", and Korean ones: "최성운, 황지혜, 김남일", "김남일 외 3인".  None where the
    string is not only such names."""
    parts = [p.strip(" .．;；") for p in re.split(r"[,，、;；・]", _clean(text))]
    parts = [p for p in parts if p]
    if parts and (m := re.search(r"\s+(외\s*\d+\s*인|외|ほか|外\s*\d+\s*人|外)$", parts[-1])):
        parts[-1:] = [parts[-1][: m.start()], m.group(1)]  # Korean "김남일 외 3인", "千相默 外 3人"
    et_al = bool(parts) and _CJK_ET_AL.fullmatch(parts[-1]) is not None
    names = parts[:-1] if et_al else parts
    if not names or not all(_CJK_NAME.fullmatch(p) for p in names):
        return None
    return NameList(tuple(Name(p) for p in names), et_al)


_HANDLE = re.compile(r"\s*\[@[^\]\s]+\]")


def parse_names(text: str, order: Order = "auto") -> NameList:
    """All names of an author/editor string, plus whether it ended in "et al."."""
    if not text.isascii() and _CJK.search(text):
        cjk = _cjk_names(text)
        if cjk is not None:
            return cjk
    if "[@" in text:
        # APA's social-media handle: "Okafor, C. [@chidi]", "Ocean Lab [@oceanlab]"
        text = re.sub(r"\.\s*\.", ".", _HANDLE.sub("", text))
        bare = _clean(text).rstrip(".")
        if bare and "," not in bare and not _AND.search(bare):
            return NameList((Name(bare, literal=True),), False)  # a display name, as written
    # "edited by Cary Nelson": names after "by" are written given first
    by = _BY_LEAD.match(text) is not None
    chunks, et_al = _split(text)
    orders = [order] * len(chunks)
    if chunks and "," in chunks[0]:
        # Only the first name is inverted ("Horden, Peregrine, and Nicholas Purcell"):
        # the others are read as written unless their words tell otherwise.
        orders[1:] = ["auto" if "," not in c else order for c in chunks[1:]]
    parsed = (parse_name(c, o, by) for c, o in zip(chunks, orders, strict=True))
    names = tuple(n for n in parsed if n.family)
    return NameList(_vancouver_last_initial(names), et_al)


_BARE_INITIALS = re.compile(r"[A-Z]{1,4}")
_ONE_INITIAL = re.compile(r"[A-Z]\.")


def _vancouver_last_initial(names: tuple[Name, ...]) -> tuple[Name, ...]:
    """ "Okafor T, Reyes S.": the period after the last "S" closes the author block.

    Only where the other names of the list write bare initials ("T", "MS"); a
    single "Reyes S." keeps it, as it may be the initial's own.
    """
    if len(names) < 2 or not _ONE_INITIAL.fullmatch(names[-1].given):
        return names
    others = [n.given for n in names[:-1] if not n.literal]
    if not others or not all(_BARE_INITIALS.fullmatch(g) for g in others):
        return names
    return (*names[:-1], replace(names[-1], given=names[-1].given[:-1]))


def list_order(author_strings: Iterable[str]) -> Order:
    """The dominant name order of a list: "family-first" when most entries invert names.

    Used to read ambiguous comma-less names ("Mankoff Jeffrey") the way the rest
    of the list is written.
    """
    inverted = direct = 0
    for s in author_strings:
        s = _clean(s)
        if not s:
            continue
        head, comma, _rest = s.partition(",")
        tokens = head.split()
        if not tokens:
            continue
        if comma and len(tokens) == 1 and not is_initial(tokens[0]):
            inverted += 1  # "Mankoff, Jeffrey"
            continue
        if len(tokens) < 2:
            continue
        if is_initial(tokens[0]):
            direct += 1
        elif is_initial(tokens[-1]):
            inverted += 1
        else:
            known = given_names()
            if ascii_fold(tokens[-1]) in known and ascii_fold(tokens[0]) not in known:
                inverted += 1
            elif ascii_fold(tokens[0]) in known and ascii_fold(tokens[-1]) not in known:
                direct += 1
    if inverted > direct:
        return "family-first"
    if direct > inverted:
        return "given-first"
    return "auto"


def list_writes_commas(author_strings: Iterable[str]) -> bool:
    """Does the list write its names "Family, Given" ("Duarte, L.", "Hale, R.J. and
    Marsh, T."), with hardly an author string that lacks a comma?"""
    with_comma = without = 0
    for s in author_strings:
        s = _clean(s)
        if s and (len(s.split()) > 1 or "," in s) and not ("," not in s and _is_corporate(s)):
            with_comma += "," in s
            without += "," not in s  # a body ("Scottish Government") is no person
    return with_comma >= 3 and without * 3 <= with_comma


def unknown_body(text: str) -> Name | None:
    """A sole author of two to four capitalised words with no initial, no known given
    name and no "and" ("Reef Talks", "Ocean Lab"): of a video or a podcast, in a list
    that writes its people "Family, Given", a channel, kept as written.  (Alone, the
    words cannot tell "Reef Talks" from a person written given first, "Arun Garg".)"""
    clean = _clean(text).rstrip(".")
    toks = clean.split()
    if (
        not 2 <= len(toks) <= 4
        or "," in clean
        or _AND.search(clean)
        or not all(t[:1].isupper() and t.strip(".").isalpha() for t in toks)
        or any(is_initial(t) or ascii_fold(t.strip(".")) in given_names() for t in toks)
    ):
        return None
    return Name(clean, literal=True)


_LATEX_SPECIAL = re.compile(r"[{}]")


def format_bibtex_name(name: Name) -> str:
    """A Name in BibTeX's "von Last, Jr, First" form (corporate names braced)."""
    if name.literal:
        return "{" + _LATEX_SPECIAL.sub("", name.family) + "}"
    family = name.family
    if " " in family:
        family = "{" + family + "}"
    last = f"{name.particle} {family}".strip()
    if name.suffix:
        return f"{last}, {name.suffix}, {name.given}".rstrip(", ")
    if name.given:
        return f"{last}, {name.given}"
    return last
