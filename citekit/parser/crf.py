"""Fast inference for the trained CRF: the same model, decoded with numpy.

python-crfsuite trains the model; tagging through it costs about half a
microsecond per feature string (each string is encoded and looked up again
for every token).  Here the model's weights are exported once (``export``) to
a compact ``.npz`` beside the ``.crfsuite`` file, and tagging works on cached
*weight vectors* instead of strings: for every distinct token string the
summed weights of its own features and of the features it lends to its
neighbours' windows are computed once; a token's emission scores are then a
few array look-ups, and Viterbi runs over a whole batch of references at
once.  The result is the same labelling as crfsuite's tagger (a test checks
this), several times faster.  ``average`` writes the mean of several exported
models' weights, the form in which the shipped model exists.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from itertools import chain, repeat
from operator import itemgetter
from pathlib import Path

import numpy as np

from citekit.parser.features import (
    _WS_TOKEN_RE,
    COARSE,
    EDGE_INFO,
    WINDOWS,
    _context,
    _intrinsic,
    chunk_features,
    coarse_class,
    context_keys,
    token_props,
)

WEIGHTS_SUFFIX = ".weights.npz"
# Viterbi runs on batches of this many references (sorted by length).
BATCH = 256
_PREFIX_SLOT = {"-1": 1, "+1": 2, "-2": 3, "+2": 4}
_KEY_DECODERS = (_context, chunk_features)
_COARSE_BYTES = np.frombuffer(COARSE.encode("ascii"), dtype=np.uint8)
# Scores in single precision: half the memory traffic; crfsuite's own sums
# differ only in the last bits, far below the gaps between label scores.
DTYPE = np.float32
# Distinct token strings cached before the caches start afresh (~400 bytes each).
MAX_TOKENS = 60_000
# Bigram cache keys are id_a * _PAIR + id_b (token ids stay below this).
_PAIR = 1 << 24


def _via_unique(keys: np.ndarray, rows_of: Callable[[list[int]], list[int]]) -> np.ndarray:
    """``rows_of`` looked up once per distinct key, spread back over all ``keys``.

    Most keys of a batch repeat (a few thousand distinct among hundreds of
    thousands), so the dictionary look-ups run in Python only for those.
    """
    uniq, inverse = np.unique(keys, return_inverse=True)
    return np.asarray(rows_of(uniq.tolist()), dtype=np.int64)[inverse]


def weights_path(model: Path) -> Path:
    return model.with_name(model.stem + WEIGHTS_SUFFIX)


def export(model: Path, out: Path | None = None) -> Path:
    """Write the weights of a crfsuite model as ``<stem>.weights.npz``; returns its path."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    info = tagger.info()
    labels = list(tagger.labels())
    lid = {lab: i for i, lab in enumerate(labels)}
    attrs: dict[str, int] = {}
    rows, cols, vals = [], [], []
    for (attr, label), w in info.state_features.items():
        rows.append(attrs.setdefault(attr, len(attrs)))
        cols.append(lid[label])
        vals.append(w)
    trans = np.zeros((len(labels), len(labels)), dtype=np.float64)
    for (a, b), w in info.transitions.items():
        trans[lid[a], lid[b]] = w
    out = out or weights_path(model)
    tmp = out.with_name(out.name + ".tmp.npz")
    np.savez_compressed(
        tmp,
        labels=np.array("\n".join(labels).encode("utf-8")),
        attrs=np.frombuffer("\n".join(attrs).encode("utf-8"), dtype=np.uint8),
        rows=np.array(rows, dtype=np.int32),
        cols=np.array(cols, dtype=np.int8),
        vals=np.array(vals, dtype=np.float32),
        trans=trans,
    )
    tmp.replace(out)
    return out


def average(members: Sequence[Path], out: Path) -> Path:
    """Write the mean of several exported models' weights to ``out``; returns ``out``.

    A linear-chain CRF scores a labelling by a sum of weights, so the mean
    weights score every labelling by the mean of the members' scores: decoding
    them is decoding the members' product of experts.  Members trained with
    different regularization or data weights err in different places, and the
    mean is steadier than any one of them.  They need not share a feature set
    (a feature a member lacks has weight 0 there) nor the order of their labels,
    only the labels themselves.
    """
    labels: list[str] | None = None
    attr_index: dict[str, int] = {}
    parts = []
    for path in members:
        with np.load(path) as z:
            names = bytes(z["labels"]).decode("utf-8").split("\n")
            attrs = z["attrs"].tobytes().decode("utf-8").split("\n")
            rows, cols, vals, trans = z["rows"], z["cols"], z["vals"], z["trans"]
        if labels is None:
            labels = names
        elif sorted(names) != sorted(labels):
            raise ValueError(f"{path}: labels differ from the first member's")
        ids = np.array([attr_index.setdefault(a, len(attr_index)) for a in attrs], dtype=np.int64)
        parts.append((names, ids[rows], cols, vals, trans))
    if labels is None:
        raise ValueError("no members to average")
    lid = {lab: i for i, lab in enumerate(labels)}
    weights = np.zeros((len(attr_index), len(labels)), dtype=np.float64)
    trans_sum = np.zeros((len(labels), len(labels)), dtype=np.float64)
    for names, rows, cols, vals, trans in parts:
        order = np.array([lid[n] for n in names], dtype=np.int64)
        np.add.at(weights, (rows, order[cols.astype(np.int64)]), vals)
        trans_sum[np.ix_(order, order)] += trans
    weights /= len(parts)
    rows, cols = np.nonzero(weights)
    tmp = out.with_name(out.name + ".tmp.npz")
    np.savez_compressed(
        tmp,
        labels=np.array("\n".join(labels).encode("utf-8")),
        attrs=np.frombuffer("\n".join(attr_index).encode("utf-8"), dtype=np.uint8),
        rows=rows.astype(np.int32),
        cols=cols.astype(np.int8),
        vals=weights[rows, cols].astype(np.float32),
        trans=trans_sum / len(parts),
    )
    tmp.replace(out)
    return out


class FastCRF:
    """Viterbi decoding of a linear-chain CRF over citekit's token features."""

    def __init__(self, path: Path) -> None:
        with np.load(path) as z:
            self.labels: list[str] = bytes(z["labels"]).decode("utf-8").split("\n")
            attrs = z["attrs"].tobytes().decode("utf-8").split("\n")
            rows, cols, vals = z["rows"], z["cols"], z["vals"]
            self.trans = z["trans"].astype(DTYPE)
        n_labels = len(self.labels)
        # One extra all-zero row stands for every unknown feature.
        self.weights = np.zeros((len(attrs) + 1, n_labels), dtype=DTYPE)
        self.weights[rows, cols] = vals
        self.unknown = len(attrs)
        self.attr_index = {a: i for i, a in enumerate(attrs)}
        # Per intrinsic feature of a token: its weight rows as the token's own
        # feature and as seen from each neighbour's window (see token_info), so
        # that a new token costs one look-up per feature, not five.
        unknown = len(attrs)
        base: dict[str, list[int]] = {}
        for a, i in self.attr_index.items():
            if a[:2] in _PREFIX_SLOT:
                base.setdefault(a[2:], [unknown] * 5)[_PREFIX_SLOT[a[:2]]] = i
        for a, i in self.attr_index.items():
            base.setdefault(a, [unknown] * 5)[0] = i
        self._base_rows = {a: tuple(rows) for a, rows in base.items()}
        self._no_rows = (unknown,) * 5
        # Words that occur on each side of a known bigram feature: a pair with a
        # word outside them needs no look-up (most pairs, as most words are rare).
        self._bigram_words: tuple[tuple[set[str], set[str]], ...] = ((set(), set()), (set(), set()))
        for a in attrs:
            if a.startswith(("b+=", "b-=")) and "|" in a[3:]:
                left, right = a[3:].split("|", 1)
                side = self._bigram_words[a[1] == "-"]
                side[0].add(left)
                side[1].add(right)
        # Per distinct token string: row in self._vecs of shape (5, L) =
        # own, as previous, as next, as second previous, as second next.
        self._reset_tokens()
        # Summed weights per context key (kind 0, see features._context) and per
        # chunk key (kind 1, see features.chunk_features).
        self._key_index: tuple[dict[int, int], dict[int, int]] = ({}, {})
        self._key_vecs = [np.zeros((256, n_labels), dtype=DTYPE) for _ in range(2)]

    def _sum(self, feats: tuple[str, ...]) -> np.ndarray:
        get = self.attr_index.get
        ids = [i for i in (get(f) for f in feats) if i is not None]
        if not ids:
            return np.zeros(len(self.labels), dtype=DTYPE)
        return self.weights[ids].sum(axis=0)

    def _reset_tokens(self) -> None:
        self._vecs = np.zeros((1024, 5, len(self.labels)), dtype=DTYPE)
        self._tok_index: dict[str, int] = {}
        self._words: list[str] = []
        # Per token id, bit flags: may be left/right word of a b+= / b-= feature.
        self._bigram_flags = np.zeros(1024, dtype=np.int64)
        self._props = np.zeros(1024, dtype=np.int64)
        self._coarse = np.zeros(1024, dtype=np.int64)
        self._windows: list[dict[int, int]] = [{} for _ in WINDOWS]
        self._n_vecs = 0
        self._bigram: tuple[dict[int, int], dict[int, int]] = ({}, {})
        self._edge = self._add_vector(EDGE_INFO, 0)

    def _add_vector(self, info: tuple, props: int) -> int:
        k = self._n_vecs
        if k == len(self._vecs):
            self._vecs = np.concatenate([self._vecs, np.zeros_like(self._vecs)])
            self._props = np.concatenate([self._props, np.zeros_like(self._props)])
            self._coarse = np.concatenate([self._coarse, np.zeros_like(self._coarse)])
            self._bigram_flags = np.concatenate(
                [self._bigram_flags, np.zeros_like(self._bigram_flags)]
            )
        self._coarse[k] = COARSE.index(info[6])
        self._bigram_flags[k] = 15  # the edge stands for ^ and $: always look up
        for j in range(5):
            self._vecs[k, j] = self._sum(info[j])
        self._props[k] = props
        self._words.append(info[5])
        self._n_vecs += 1
        return k

    def _token_ids(self, toks: list[str]) -> list[int]:
        ids = list(map(self._tok_index.get, toks))
        if None in ids:
            new = list(dict.fromkeys(t for t, k in zip(toks, ids, strict=True) if k is None))
            if len(self._tok_index) + len(new) > MAX_TOKENS:  # bound memory on endless input
                self._reset_tokens()
                new = list(dict.fromkeys(toks))
            self._add_tokens(new)
            ids = list(map(self._tok_index.get, toks))
        return ids  # type: ignore[return-value]

    def _add_tokens(self, toks: list[str]) -> None:
        """Compute the weight vectors of new token strings, all at once."""
        k0 = self._n_vecs
        need = k0 + len(toks)
        while need > len(self._vecs):
            self._vecs = np.concatenate([self._vecs, np.zeros_like(self._vecs)])
            self._props = np.concatenate([self._props, np.zeros_like(self._props)])
            self._coarse = np.concatenate([self._coarse, np.zeros_like(self._coarse)])
            self._bigram_flags = np.concatenate(
                [self._bigram_flags, np.zeros_like(self._bigram_flags)]
            )
        # Uncached: the vectors are what is kept; the feature strings can go.
        owns = [_intrinsic(t) for t in toks]
        counts = np.fromiter(map(len, owns), dtype=np.int64, count=len(owns))
        get = self._base_rows.get
        no_rows = self._no_rows
        rows = np.array(
            [get(f, no_rows) for f in chain.from_iterable(owns)], dtype=np.int64
        ).reshape(-1, 5)
        # Every token gets one extra zero row so that a token without known
        # features sums to zero.
        lengths = counts + 1
        starts = np.cumsum(lengths) - lengths
        gather = np.full((int(lengths.sum()), 5), self.unknown, dtype=np.int64)
        slots = np.ones(len(gather), dtype=bool)
        slots[starts + counts] = False
        gather[slots] = rows
        for j in range(5):
            self._vecs[k0:need, j] = np.add.reduceat(self.weights[gather[:, j]], starts, axis=0)
        self._props[k0:need] = list(map(token_props, toks))
        words = [own[0][2:] for own in owns]
        self._words.extend(words)
        self._coarse[k0:need] = [COARSE.index(coarse_class(t)) for t in toks]
        (after_l, after_r), (before_l, before_r) = self._bigram_words
        self._bigram_flags[k0:need] = [
            (w in after_l) | (w in after_r) << 1 | (w in before_l) << 2 | (w in before_r) << 3
            for w in words
        ]
        self._tok_index.update(zip(toks, range(k0, need), strict=True))
        self._n_vecs = need

    def _key_rows(self, keys_list: list[int], kind: int) -> list[int]:
        """Rows in ``_key_vecs[kind]`` of the summed weights of each key's features."""
        index = self._key_index[kind]
        decode = _KEY_DECODERS[kind]
        ids = list(map(index.get, keys_list))
        if None in ids:
            for j, key in enumerate(keys_list):
                if ids[j] is None:
                    k = index.get(key)
                    if k is None:
                        k = len(index)
                        vecs = self._key_vecs[kind]
                        if k == len(vecs):
                            vecs = self._key_vecs[kind] = np.concatenate(
                                [vecs, np.zeros_like(vecs)]
                            )
                        vecs[k] = self._sum(decode(key))
                        index[key] = k
                    ids[j] = k
        return ids  # type: ignore[return-value]

    def _bigram_rows(self, pair_keys: list[int], before: bool) -> list[int]:
        cache = self._bigram[before]
        rows = list(map(cache.get, pair_keys))
        if None in rows:
            missing = [k for k, r in zip(pair_keys, rows, strict=True) if r is None]
            firsts, seconds = np.divmod(np.array(missing, dtype=np.int64), _PAIR)
            words = self._words
            left = list(map(words.__getitem__, firsts.tolist()))
            right = list(map(words.__getitem__, seconds.tolist()))
            # The edge's word is "" (no real token has an empty word).
            if before:
                left = [w or "^" for w in left]
                names = list(map("b-={}|{}".format, left, right))
            else:
                right = [w or "$" for w in right]
                names = list(map("b+={}|{}".format, left, right))
            found = list(map(self.attr_index.get, names, repeat(self.unknown, len(names))))
            cache.update(zip(missing, found, strict=True))
            rows = list(map(cache.get, pair_keys))
        return rows  # type: ignore[return-value]

    def _window_rows(self, keys: list[int], which: int) -> list[int]:
        cache = self._windows[which]
        rows = list(map(cache.get, keys))
        if None in rows:
            prefix, offsets = WINDOWS[which]
            width = len(offsets)
            missing = np.array(
                [k for k, r in zip(keys, rows, strict=True) if r is None], dtype=np.int64
            )
            base = len(COARSE)
            digits = (missing[:, None] // base ** np.arange(width - 1, -1, -1)[None]) % base
            chars = _COARSE_BYTES[digits].tobytes().decode("ascii")
            names = [prefix + chars[j : j + width] for j in range(0, len(chars), width)]
            found = map(self.attr_index.get, names, repeat(self.unknown, len(names)))
            cache.update(zip(missing.tolist(), found, strict=True))
            rows = list(map(cache.get, keys))
        return rows  # type: ignore[return-value]

    def emissions(
        self, texts: Sequence[str]
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """State scores of all tokens of ``texts`` laid end to end.

        Returns (scores of shape (total tokens, labels), token starts, token
        ends (offsets into each token's own text), token count per text).
        """
        pairs_per_text = list(map(_WS_TOKEN_RE.findall, texts))
        lens = np.fromiter(map(len, pairs_per_text), dtype=np.int64, count=len(texts))
        n_labels = len(self.labels)
        pairs = list(chain.from_iterable(pairs_per_text))
        if not pairs:
            empty = np.zeros(0, dtype=np.int64)
            return np.zeros((0, n_labels), dtype=DTYPE), empty, empty, lens
        all_ws = list(map(itemgetter(0), pairs))
        all_toks = list(map(itemgetter(1), pairs))
        total = len(pairs)
        ws = np.fromiter(map(len, all_ws), dtype=np.int64, count=total)
        tok_lens = np.fromiter(map(len, all_toks), dtype=np.int64, count=total)
        nz_mask = lens > 0
        nz = lens[nz_mask]
        firsts = np.cumsum(nz) - nz  # index of each text's first token
        # Offsets within each text: a running sum that restarts at each text.
        run = np.cumsum(ws + tok_lens)
        run_base = (
            np.concatenate([[0], run[firsts[1:] - 1]])
            if len(nz) > 1
            else np.zeros(1, dtype=np.int64)
        )
        ends = run - np.repeat(run_base, nz)
        starts = ends - tok_lens
        # Everything after a text's last token is whitespace.
        text_lens = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))[nz_mask]
        trailing = text_lens > ends[firsts + nz - 1]
        idx = np.array(self._token_ids(all_toks), dtype=np.int64)
        keys, chunk_keys = context_keys(ws, self._props[idx], nz, trailing)
        ctx = _via_unique(keys, partial(self._key_rows, kind=0))
        chunks = _via_unique(chunk_keys, partial(self._key_rows, kind=1))
        i = np.arange(total) - np.repeat(firsts, nz)
        n_tok = np.repeat(nz, nz)
        edge = self._edge
        prev1 = np.roll(idx, 1)
        prev1[i < 1] = edge
        prev2 = np.roll(idx, 2)
        prev2[i < 2] = edge
        next1 = np.roll(idx, -1)
        next1[i >= n_tok - 1] = edge
        next2 = np.roll(idx, -2)
        next2[i >= n_tok - 2] = edge
        vecs = self._vecs
        em = (
            vecs[idx, 0]
            + vecs[prev1, 1]
            + vecs[next1, 2]
            + vecs[prev2, 3]
            + vecs[next2, 4]
            + self._key_vecs[0][ctx]
            + self._key_vecs[1][chunks]
        )
        # Word bigrams, cached by the pair of token ids (the edge stands for ^ and $).
        flags = self._bigram_flags
        for before, (a, b) in ((True, (prev1, idx)), (False, (idx, next1))):
            shift = 2 if before else 0
            wanted = np.flatnonzero((flags[a] >> shift & 1) & (flags[b] >> (shift + 1) & 1))
            if len(wanted):
                pair_keys = a[wanted] * _PAIR + b[wanted]
                rows = _via_unique(pair_keys, partial(self._bigram_rows, before=before))
                em[wanted] += self.weights[rows]
        # Class windows, cached by their number in base len(COARSE); the edge is "_" (0).
        c = self._coarse
        base = len(COARSE)
        classes = {0: c[idx], -1: c[prev1], 1: c[next1], -2: c[prev2], 2: c[next2]}
        for k in (-4, -3, 3, 4):
            shifted = np.roll(idx, -k)
            shifted[(i + k < 0) | (i + k >= n_tok)] = edge
            classes[k] = c[shifted]
        for which, (_, offsets) in enumerate(WINDOWS):
            key = np.zeros(total, dtype=np.int64)
            for k in offsets:
                key = key * base + classes[k]
            em += self.weights[_via_unique(key, partial(self._window_rows, which=which))]
        return em, starts, ends, lens

    def decode(self, em: np.ndarray, lens: np.ndarray) -> np.ndarray:
        """Best label index per token, laid end to end (Viterbi, batched by length)."""
        out = np.zeros(len(em), dtype=np.int64)
        offsets = np.cumsum(lens) - lens
        order = np.argsort(lens, kind="stable")
        order = order[lens[order] > 0]
        # trans_t[to, from]: the reduction runs over the contiguous last axis.
        trans_t = np.ascontiguousarray(self.trans.T)[None]
        for b0 in range(0, len(order), BATCH):
            rows = order[b0 : b0 + BATCH]
            blens = lens[rows]
            tmax = int(blens[-1])
            steps = np.arange(tmax)
            gather = offsets[rows][:, None] + np.minimum(steps[None], blens[:, None] - 1)
            bem = em[gather]  # (rows, tmax, labels); positions past the end repeat the last
            score = bem[:, 0].copy()
            back = np.zeros((len(rows), tmax, em.shape[1]), dtype=np.int16)
            # Rows are sorted by length: at step t the live rows are a suffix from los[t].
            los = np.searchsorted(blens, steps, side="right")
            for t in range(1, tmax):
                lo = los[t]
                cand = score[lo:, None, :] + trans_t
                best = cand.argmax(axis=2)
                back[lo:, t] = best
                score[lo:] = (
                    np.take_along_axis(cand, best[:, :, None], axis=2)[:, :, 0] + bem[lo:, t]
                )
            # ``cur`` holds each row's best final label until its last position is reached.
            cur = score.argmax(axis=1)
            path = np.zeros((len(rows), tmax), dtype=np.int64)
            r = np.arange(len(rows))
            for t in range(tmax - 1, -1, -1):
                lo = los[t]
                path[lo:, t] = cur[lo:]
                if t:
                    cur[lo:] = back[r[lo:], t, cur[lo:]]
            live = steps[None] < blens[:, None]
            out[(offsets[rows][:, None] + steps[None])[live]] = path[live]
        return out
