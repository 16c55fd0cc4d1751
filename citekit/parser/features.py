"""Token features for the reference tagger, computed once per distinct token.

Feature extraction in Python is the tagger's bottleneck, so the work is split
in two: everything that depends only on a token's text (its word form, shape,
digits, dictionary memberships, and the prefixed copies used by its neighbours'
windows) is computed once per distinct string and cached as tuples of strings;
the per-position part (relative position, spacing, parentheses and quotes,
whether a year or a full stop came before) and the chunk part (the size, make-up
and delimiters of the run of tokens between two delimiters that the token sits
in) are small tuples, each cached by a compact key.  A token's features are
then a handful of tuple concatenations.

Features are plain strings (binary features for python-crfsuite).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

import numpy as np

from citekit.parser.tokenize import _TOKEN_RE

# Structural words of reference styles.  Lower-case token -> marker feature.
_MARKERS: dict[str, str] = {}


def _mark(feature: str, words: str) -> None:
    for w in words.split():
        _MARKERS.setdefault(w, feature)


_mark("M:ed", "ed eds editor editors edited hrsg hg hgg hrsgg red réd dir coord comp comps ред под")
_mark("M:edn", "edition edn ed aufl auflage éd édition изд издание")
_mark("M:vol", "vol vols volume volumes bd band tome tom том т")
_mark("M:pp", "pp p pages page pg s ss с сс")
_mark("M:no", "no nos nr number num issue iss heft № n")
_mark("M:in", "in dans im в in: en")
_mark(
    "M:avail",
    "available online retrievable url disponível disponivel disponible disponibile verfügbar",
)
_mark(
    "M:acc",
    "accessed retrieved viewed consulted access accessed: acesso acessado consultado consulta "
    "consulté consultato zugriff abgerufen посещения обращения",
)
_mark(
    "M:rep",
    "report reports working paper papers brief briefs discussion occasional memorandum memo "
    "series rr wp technical tech preprint draft doklad доклад",
)
_mark("M:pres", "presented presentation delivered")
_mark(
    "M:conf",
    "conference congress symposium workshop meeting proceedings proc convention colloquium "
    "summit forum seminar session annual конференция",
)
_mark("M:et", "et al al. alii")
_mark("M:and", "and & und и y e")
_mark("M:thesis", "thesis dissertation phd ph diss master's masters doctoral dissertação tesis")
_mark("M:trans", "trans translated translator translation transl übers tr пер")
_mark("M:doi", "doi")
_mark("M:isbn", "isbn issn")
_mark("M:arxiv", "arxiv")
_mark("M:rev", "rev revised expanded updated reprint reprinted repr")
_mark("M:nd", "n.d nd s.d o.j")
_mark("M:http", "http https www")

_MONTHS = set(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "spring",
        "summer",
        "autumn",
        "fall",
        "winter",
        "januar",
        "februar",
        "märz",
        "mai",
        "juni",
        "juli",
        "oktober",
        "dezember",
        "janvier",
        "février",
        "mars",
        "avril",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
        "gennaio",
        "febbraio",
        "marzo",
        "aprile",
        "maggio",
        "giugno",
        "luglio",
        "agosto",
        "settembre",
        "ottobre",
        "novembre",
        "dicembre",
        "enero",
        "febrero",
        "abril",
        "mayo",
        "junio",
        "julio",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
        "январь",
        "февраль",
        "март",
        "апрель",
        "май",
        "июнь",
        "июль",
        "август",
        "сентябрь",
        "октябрь",
        "ноябрь",
        "декабрь",
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ]
)
_ORDINAL_WORDS = set(
    [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "revised",
        "new",
        "enlarged",
    ]
)


def _load_words(name: str) -> frozenset[str]:
    text = resources.files("citekit.parser").joinpath("data").joinpath(name).read_text("utf-8")
    words: set[str] = set()
    for line in text.splitlines():
        if not line.startswith("#"):
            words.update(line.lower().split())
    return frozenset(words)


_GIVEN = _load_words("given-names.txt")
_PUBLISHER = _load_words("publishers.txt")
_PLACE = _load_words("places.txt")
_JOURNAL = _load_words("journal-words.txt")

_YEAR_RE = re.compile(r"(?:1[5-9]\d\d|20[0-4]\d)\Z")
_YEAR_SUFFIX_RE = re.compile(r"(?:1[5-9]\d\d|20[0-4]\d)[a-z]\Z")
_ORDINAL_RE = re.compile(r"\d+(?:st|nd|rd|th|e|er|re|ème|eme|d|te|º|°|-?е|-?я|-?й)\Z", re.I)
_ROMAN_RE = re.compile(
    r"(?=[ivxlcdm]+\Z)m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})\Z", re.I
)
_QUOTES = frozenset("\"“”„«»‘’'‹›「」")
_DASHES = frozenset("-–—−‐‑")
_OPEN = frozenset("([{")
_CLOSE = frozenset(")]}")


def _shape(tok: str) -> str:
    out: list[str] = []
    last = ""
    for ch in tok[:12]:
        if ch.isupper():
            c = "X"
        elif ch.islower():
            c = "x"
        elif ch.isdigit():
            c = "d"
        else:
            c = ch
        if c != last:
            out.append(c)
            last = c
    return "".join(out)


def _intrinsic(tok: str) -> list[str]:
    """Features of a token string on its own (no context)."""
    low = tok.lower()
    n = len(tok)
    if n > 6 and "/" in tok:
        if low.startswith(("http", "www", "ftp")):
            return ["w=<url>", "URL"]
        if low.startswith(("10.", "doi:")):
            return ["w=<doi>", "DOI"]
    f = ["w=" + low[:20], "sh=" + _shape(tok)]
    first = tok[0]
    if first.isalpha():
        if n > 3:
            f.append("p3=" + low[:3])
            f.append("s3=" + low[-3:])
        if tok.isupper():
            f.append("UP" if n > 1 else "INIT")
        elif first.isupper():
            f.append("CAP")
        elif tok.islower():
            f.append("LOW")
        else:
            f.append("MIX")
        if not first.isascii():  # an ASCII letter is Latin
            script = unicodedata.name(first, "X").split(" ", 1)[0]
            if script != "LATIN":
                f.append("scr=" + script)
        if low in _GIVEN:
            f.append("D:given")
        if low in _PUBLISHER:
            f.append("D:pub")
        if low in _PLACE:
            f.append("D:place")
        if low in _JOURNAL:
            f.append("D:jrnl")
        if low in _MONTHS:
            f.append("D:month")
        if low in _ORDINAL_WORDS:
            f.append("ORDW")
        if n <= 7 and _ROMAN_RE.match(tok):
            f.append("ROMAN")
        if any(c.isdigit() for c in tok):
            f.append("ALNUM")
            if _YEAR_SUFFIX_RE.match(tok):
                f.append("YEARX")
            elif _ORDINAL_RE.match(tok):
                f.append("ORD")
    elif first.isdigit():
        if tok.isdecimal():
            f.append(f"DIG{min(n, 5)}")
            if _YEAR_RE.match(tok):
                f.append("YEAR")
            v = int(tok[:9])
            if v < 10:
                f.append("N<10")
            elif v < 100:
                f.append("N<100")
        elif _YEAR_SUFFIX_RE.match(tok):
            f.append("YEARX")
        elif _ORDINAL_RE.match(tok):
            f.append("ORD")
        else:
            f.append("ALNUM")
    elif n > 1:
        f.append("SYMS")
    else:
        if first in _QUOTES:
            f.append("QUOTE")
        elif first in _DASHES:
            f.append("DASH")
        elif first in _OPEN:
            f.append("OPEN")
        elif first in _CLOSE:
            f.append("CLOSE")
        else:
            f.append("PUNCT")
    m = _MARKERS.get(low)
    if m:
        f.append(m)
    return f


# Which intrinsic features a neighbour contributes to a window.
_NEAR = (
    "w=",
    "sh=",
    "UP",
    "INIT",
    "CAP",
    "LOW",
    "YEAR",
    "DIG",
    "D:",
    "M:",
    "QUOTE",
    "DASH",
    "OPEN",
    "CLOSE",
    "URL",
    "DOI",
    "ORD",
)
_FAR = ("w=", "sh=", "YEAR", "DIG", "M:", "D:", "UP", "INIT", "CAP", "QUOTE", "OPEN", "CLOSE")


@lru_cache(maxsize=200_000)
def token_info(tok: str) -> tuple:
    """(own, prev1, next1, prev2, next2, word, coarse) features of a token string, cached.

    The first five are tuples of feature strings; ``word`` is the token's
    lower-cased form used in word-bigram features and ``coarse`` its one-letter
    class (see ``coarse_class``) used in the class-window features.
    """
    own = _intrinsic(tok)
    near = [x for x in own if x.startswith(_NEAR)]
    far = [x for x in own if x.startswith(_FAR)]
    return (
        tuple(own),
        tuple("-1" + x for x in near),
        tuple("+1" + x for x in near),
        tuple("-2" + x for x in far),
        tuple("+2" + x for x in far),
        own[0][2:],
        coarse_class(tok),
    )


# One-letter token classes; the window of classes around a token ("Y,9,9-9")
# tells volume from pages from date better than any single token can.
COARSE = "_YNIUAamLDq-()&/,.:;*"
_COARSE_PUNCT = {",": ",", ".": ".", ":": ":", ";": ";", "&": "&", "/": "/"}


def coarse_class(tok: str) -> str:
    """The token's class letter, one of ``COARSE`` (``_`` is the padding)."""
    first = tok[0]
    if len(tok) > 6 and "/" in tok:
        low = tok.lower()
        if low.startswith(("http", "www", "ftp")):
            return "L"
        if low.startswith(("10.", "doi:")):
            return "D"
    if first.isdigit():
        if _YEAR_RE.match(tok) or _YEAR_SUFFIX_RE.match(tok):
            return "Y"
        return "N" if tok.isdigit() else "m"
    if first.isalpha():
        if len(tok) == 1:
            return "I" if first.isupper() else "a"
        if tok.isupper():
            return "U"
        if first.isupper():
            return "A"
        return "a" if tok.islower() else "m"
    if first in _QUOTES:
        return "q"
    if first in _DASHES:
        return "-"
    if first in _OPEN:
        return "("
    if first in _CLOSE:
        return ")"
    return _COARSE_PUNCT.get(first, "*")


# Class-window features: (prefix, token offsets).  Five around the token, three
# around it, and the four before / after it with the token itself.
WINDOWS: tuple[tuple[str, tuple[int, ...]], ...] = (
    ("sw3=", (-1, 0, 1)),
    ("sw5=", (-2, -1, 0, 1, 2)),
    ("swL=", (-4, -3, -2, -1, 0)),
    ("swR=", (0, 1, 2, 3, 4)),
)
_WINDOW_PAD = 4


def class_windows(classes: list[str]) -> list[list[str]]:
    """Class-window features per token, one list per entry of ``WINDOWS``."""
    pad = ["_"] * _WINDOW_PAD + classes + ["_"] * _WINDOW_PAD
    n = len(classes)
    return [
        [prefix + "".join(pad[i + _WINDOW_PAD + k] for k in offsets) for i in range(n)]
        for prefix, offsets in WINDOWS
    ]


_BOS1 = ("-1BOS",)
_EOS1 = ("+1EOS",)
_BOS2 = ("-2BOS",)
_EOS2 = ("+2EOS",)
# Stand-ins for the neighbours of the first and last tokens, in token_info's layout.
EDGE_INFO = ((), _BOS1, _EOS1, _BOS2, _EOS2, "", "_")
_DOT_BUCKETS = 5


_LENGTH_BUCKETS = (8, 16, 30, 50, 80)


# Chunk features: a chunk is the run of tokens between two delimiters (, ; : ( )
# [ ] a quote, or a full stop after a word).  A token learns the size and make-up
# of its chunk and how many chunks came before it: "a chunk of eight words with
# lower-case ones" is a title, "two capitalized words then digits" a journal.
_CHUNK_WORDS = (1, 2, 3, 4, 7, 13)  # bucket edges of the words in a chunk
_CHUNK_INDEX_MAX = 7


@lru_cache(maxsize=8192)
def _context(key: int) -> tuple[str, ...]:
    """Per-position features, decoded from a key built by ``context_keys``."""
    key, length = divmod(key, 8)
    key, index = divmod(key, 8)
    pos, rest = divmod(key, 1 << 8)
    f = [f"pos={pos}", f"len={length}"]
    if index < 4:
        f.append(f"i={index}")
    f.append("sp" if rest & 1 else "nosp")
    f.append("spa" if rest & 2 else "nospa")
    if rest & 4:
        f.append("par")
    if rest & 8:
        f.append("q")
    f.append("ys" if rest & 16 else "ny")
    f.append(f"dots={rest >> 5}")
    return tuple(f)


@lru_cache(maxsize=65536)
def chunk_features(chunk: int) -> tuple[str, ...]:
    """The features of a token's chunk, decoded from a key built by ``context_keys``."""
    chunk, lex = divmod(chunk, 1 << len(_LEX_NAMES))
    f = ["ck+" + name for bit, name in enumerate(_LEX_NAMES) if lex >> bit & 1]
    words, low, cap, digits, year, nth = (
        chunk & 7,
        chunk >> 3 & 3,
        chunk >> 5 & 1,
        chunk >> 6 & 1,
        chunk >> 7 & 1,
        chunk >> 8 & 15,
    )
    opener, closer = chunk >> 12 & 7, chunk >> 15 & 7
    f.append(f"cko={opener}")
    f.append(f"ckc={closer}")
    f.append(f"cko{opener}c{closer}w{words}")
    f.append(f"ckw={words}")
    f.append(f"ckl={low}")
    f.append(f"ckw{words}l{low}c{cap}d{digits}y{year}")
    f.append(f"ckn={nth}")
    return tuple(f)


_WS_TOKEN_RE = re.compile(r"(\s*)(" + _TOKEN_RE.pattern + ")", _TOKEN_RE.flags)

# Token properties that drive the per-position context (bit flags).
P_OPEN, P_CLOSE, P_QUOTE, P_YEAR, P_DOT, P_LONG = 1, 2, 4, 8, 16, 32
P_DELIM, P_WORD, P_LOWER, P_CAPWORD, P_DIGIT = 64, 128, 256, 512, 1024
_DELIMS = frozenset(",;:()[]{}")
# Delimiter classes (bits 11-13 of the props): 1 comma, 2 full stop, 3 colon or
# semicolon, 4 opening bracket, 5 closing bracket, 6 quote.
_DELIM_CLASS = {",": 1, ":": 3, ";": 3, "(": 4, "[": 4, "{": 4, ")": 5, "]": 5, "}": 5}
# Word classes a chunk is known by (bits 14-21 of the props): a chunk holding
# "Press" is a publisher, one holding "Proceedings" a container, wherever the
# token itself sits in it.
_LEX_SHIFT = 14
_LEX_NAMES = ("pub", "place", "rep", "conf", "ed", "jrnl", "in", "given")
_LEX_MARKERS = {"M:rep": 2, "M:thesis": 2, "M:conf": 3, "M:ed": 4, "M:trans": 4, "M:in": 6}


def _lexical(tok: str) -> int:
    low = tok.lower()
    bits = 0
    if low in _PUBLISHER:
        bits |= 1
    if low in _PLACE:
        bits |= 1 << 1
    m = _MARKERS.get(low)
    if m in _LEX_MARKERS:
        bits |= 1 << _LEX_MARKERS[m]
    if low in _JOURNAL:
        bits |= 1 << 5
    if low in _GIVEN:
        bits |= 1 << 7
    return bits


def token_props(tok: str) -> int:
    """Bit flags of a token string used by ``context_keys``."""
    first = tok[0]
    p = 0
    if first in _OPEN:
        p |= P_OPEN
    elif first in _CLOSE:
        p |= P_CLOSE
    elif first in _QUOTES and len(tok) == 1:
        p |= P_QUOTE
    if (tok.isdigit() and _YEAR_RE.match(tok)) or _YEAR_SUFFIX_RE.match(tok):
        p |= P_YEAR
    if tok == ".":
        p |= P_DOT
    if len(tok) > 2:
        p |= P_LONG
    if first in _DELIMS or p & P_QUOTE:
        p |= P_DELIM
        p |= (6 if p & P_QUOTE else _DELIM_CLASS[first]) << 11
    elif first.isalpha():
        p |= P_WORD
        p |= _lexical(tok) << _LEX_SHIFT
        if len(tok) > 3 and tok.islower():
            p |= P_LOWER
        elif len(tok) > 1 and first.isupper() and not tok.isupper():
            p |= P_CAPWORD
    elif first.isdigit():
        p |= P_DIGIT
    return p


def context_keys(
    ws_lens: np.ndarray, props: np.ndarray, lens: np.ndarray, space_after_last: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Context and chunk keys of a batch of token sequences laid end to end.

    The context key is decoded by ``context``, the chunk key by ``chunk_features``;
    they are kept apart so that each stays a small set of distinct values.

    ``lens`` holds the sequences' token counts (all > 0) and ``space_after_last``
    whether whitespace follows each sequence's last token.  Per token: relative
    position (tenths), absolute index (0-3, else 4), length bucket of the
    sequence, whitespace before and after, inside parentheses, inside quotes,
    a year seen before, and the number of sentence-ending full stops before it
    (0-4); then the features of the token's chunk (see ``_CHUNK_WORDS``).
    """
    total = int(lens.sum())
    offsets = np.cumsum(lens) - lens
    start = np.repeat(offsets, lens)
    n_tok = np.repeat(lens, lens)
    i = np.arange(total) - start
    first = i == 0
    last = i == n_tok - 1

    def before(x: np.ndarray) -> np.ndarray:
        """How many of the earlier tokens of the same sequence have x."""
        c = np.cumsum(x) - x
        return c - c[start]

    sp = ws_lens > 0
    spa = np.empty(total, dtype=bool)
    spa[:-1] = sp[1:]
    spa[last] = space_after_last
    opens = (props & P_OPEN) > 0
    closes = (props & P_CLOSE) > 0
    depth = before(opens) - before(closes) - closes
    quote = (props & P_QUOTE) > 0
    inq = (before(quote) & 1) > 0
    ys = before((props & P_YEAR) > 0) > 0
    prev_long = np.zeros(total, dtype=bool)
    prev_long[1:] = (props[:-1] & P_LONG) > 0
    prev_long[first] = False
    stop = ((props & P_DOT) > 0) & prev_long & spa
    dots = np.minimum(before(stop), _DOT_BUCKETS - 1)
    length = np.repeat(np.searchsorted(np.array(_LENGTH_BUCKETS), lens, side="right"), lens)
    rest = sp | (spa << 1) | ((depth > 0) << 2) | (inq << 3) | (ys << 4) | (dots << 5)
    key = ((10 * i) // n_tok << 8) | rest
    key = (key * 8 + np.minimum(i, 4)) * 8 + length
    # Chunks: a delimiter or a full stop closes the chunk it ends.
    delim = ((props & P_DELIM) > 0) | stop
    delim_kind = (props >> 11) & 7
    chunk_no = before(delim)  # chunks before this one, within the sequence
    new_chunk = first.copy()
    new_chunk[1:] |= delim[:-1]
    chunk_id = np.cumsum(new_chunk) - 1  # a chunk number over the whole batch

    def per_chunk(x: np.ndarray) -> np.ndarray:
        return np.bincount(chunk_id, weights=x.astype(np.float64))[chunk_id]

    words = per_chunk((props & P_WORD) > 0)
    lows = per_chunk((props & P_LOWER) > 0)
    caps = per_chunk((props & P_CAPWORD) > 0)
    digits = per_chunk((props & P_DIGIT) > 0) > 0
    years = per_chunk((props & P_YEAR) > 0) > 0
    wb = np.searchsorted(np.array(_CHUNK_WORDS), words, side="right")
    lb = np.minimum(lows, 2).astype(np.int64)
    capb = (caps * 2 > words).astype(np.int64)
    chunk = (
        wb
        | lb << 3
        | capb << 5
        | digits.astype(np.int64) << 6
        | years.astype(np.int64) << 7
        | np.minimum(chunk_no, _CHUNK_INDEX_MAX) << 8
    )
    # What closes each chunk (and so opens the next): see ``_delim_class``.
    kind = np.where(stop, 2, delim_kind)
    kind = np.where(delim | stop, kind, 0)
    closer = per_chunk(kind)  # only the closing token of a chunk is a delimiter
    opener = np.zeros(total, dtype=np.int64)
    if total > 1:
        prev_closer = np.zeros(total, dtype=np.int64)
        prev_closer[1:] = closer[:-1]
        opener = np.where(new_chunk & ~first, prev_closer, 0)
        opener = per_chunk_first(opener, new_chunk, chunk_id)
    chunk = chunk | opener.astype(np.int64) << 12 | closer.astype(np.int64) << 15
    lex = np.zeros(total, dtype=np.int64)
    for bit in range(len(_LEX_NAMES)):
        has = (props >> (_LEX_SHIFT + bit)) & 1
        if has.any():
            lex |= (per_chunk(has) > 0).astype(np.int64) << bit
    return key, chunk * (1 << len(_LEX_NAMES)) + lex


def per_chunk_first(x: np.ndarray, new_chunk: np.ndarray, chunk_id: np.ndarray) -> np.ndarray:
    """The value of ``x`` at each chunk's first token, spread over the chunk."""
    return x[np.flatnonzero(new_chunk)][chunk_id]


def split_tokens(text: str) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray]:
    """Tokens of ``text`` with their whitespace-before lengths, starts and ends."""
    pairs = _WS_TOKEN_RE.findall(text)
    if not pairs:
        empty = np.zeros(0, dtype=np.int64)
        return [], empty, empty, empty
    ws, toks = zip(*pairs, strict=False)
    n = len(toks)
    ws_lens = np.fromiter(map(len, ws), dtype=np.int64, count=n)
    tok_lens = np.fromiter(map(len, toks), dtype=np.int64, count=n)
    ends = np.cumsum(ws_lens + tok_lens)
    return list(toks), ws_lens, ends - tok_lens, ends


def scan(text: str) -> tuple[list[tuple[int, int]], list[str], list[int], list[int]]:
    """Token spans, token strings, context keys and chunk keys of ``text``."""
    toks, ws_lens, starts, ends = split_tokens(text)
    if not toks:
        return [], [], [], []
    props = np.fromiter(map(_props_cached, toks), dtype=np.int64, count=len(toks))
    last = int(ends[-1])
    trailing = np.array([last < len(text) and text[last].isspace()])
    keys, chunks = context_keys(ws_lens, props, np.array([len(toks)]), trailing)
    spans = list(zip(starts.tolist(), ends.tolist(), strict=True))
    return spans, toks, keys.tolist(), chunks.tolist()


_props_cached = lru_cache(maxsize=200_000)(token_props)


def context(key: int) -> tuple[str, ...]:
    """The per-position features of a context key from ``scan``."""
    return _context(key)


def bigrams(words: list[str]) -> tuple[list[str], list[str]]:
    """Word-bigram features (with the previous word, with the next word) per token."""
    before = ["b-=" + a + "|" + b for a, b in zip(["^", *words[:-1]], words, strict=True)]
    after = ["b+=" + a + "|" + b for a, b in zip(words, [*words[1:], "$"], strict=True)]
    return before, after


def extract(text: str) -> tuple[list[tuple[int, int]], list[list[str]]]:
    """Token spans of ``text`` and one feature list per token (strings, for crfsuite)."""
    spans, toks, keys, chunks = scan(text)
    n = len(toks)
    if not n:
        return spans, []
    infos = [token_info(t) for t in toks]
    before, after = bigrams([x[5] for x in infos])
    windows = class_windows([x[6] for x in infos])
    out: list[list[str]] = []
    for i in range(n):
        feats = (
            infos[i][0]
            + (infos[i - 1][1] if i else _BOS1)
            + (infos[i + 1][2] if i + 1 < n else _EOS1)
            + (infos[i - 2][3] if i > 1 else _BOS2)
            + (infos[i + 2][4] if i + 2 < n else _EOS2)
            + _context(keys[i])
            + chunk_features(chunks[i])
        )
        row = list(feats)
        row.append(before[i])
        row.append(after[i])
        row.extend(w[i] for w in windows)
        out.append(row)
    return spans, out
