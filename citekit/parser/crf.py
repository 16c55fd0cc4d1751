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
this), several times faster.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from citekit.parser.features import EDGE_INFO, _context, context_keys, split_tokens, token_info, token_props

WEIGHTS_SUFFIX = ".weights.npz"
# Viterbi runs on batches of this many references (sorted by length).
BATCH = 256
# Distinct token strings cached before the caches start afresh (~800 bytes each).
MAX_TOKENS = 60_000
# Bigram cache keys are id_a * _PAIR + id_b (token ids stay below this).
_PAIR = 1 << 24


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


class FastCRF:
    """Viterbi decoding of a linear-chain CRF over citekit's token features."""

    def __init__(self, path: Path) -> None:
        with np.load(path) as z:
            self.labels: list[str] = bytes(z["labels"]).decode("utf-8").split("\n")
            attrs = z["attrs"].tobytes().decode("utf-8").split("\n")
            rows, cols, vals = z["rows"], z["cols"], z["vals"]
            self.trans = z["trans"].astype(np.float64)
        n_labels = len(self.labels)
        # One extra all-zero row stands for every unknown feature.
        self.weights = np.zeros((len(attrs) + 1, n_labels), dtype=np.float64)
        self.weights[rows, cols] = vals
        self.unknown = len(attrs)
        self.attr_index = {a: i for i, a in enumerate(attrs)}
        # Per distinct token string: row in self._vecs of shape (5, L) =
        # own, as previous, as next, as second previous, as second next.
        self._reset_tokens()
        self._ctx_index: dict[int, int] = {}
        self._ctx_vecs = np.zeros((256, n_labels), dtype=np.float64)

    def _sum(self, feats: tuple[str, ...]) -> np.ndarray:
        get = self.attr_index.get
        ids = [i for i in (get(f) for f in feats) if i is not None]
        if not ids:
            return np.zeros(len(self.labels))
        return self.weights[ids].sum(axis=0)

    def _reset_tokens(self) -> None:
        self._vecs = np.zeros((1024, 5, len(self.labels)), dtype=np.float64)
        self._tok_index: dict[str, int] = {}
        self._words: list[str] = []
        self._props = np.zeros(1024, dtype=np.int64)
        self._n_vecs = 0
        self._bigram: tuple[dict[int, int], dict[int, int]] = ({}, {})
        self._edge = self._add_vector(EDGE_INFO, 0)

    def _add_vector(self, info: tuple, props: int) -> int:
        k = self._n_vecs
        if k == len(self._vecs):
            self._vecs = np.concatenate([self._vecs, np.zeros_like(self._vecs)])
            self._props = np.concatenate([self._props, np.zeros_like(self._props)])
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
        infos = [token_info(t) for t in toks]
        get = self.attr_index.get
        unknown = self.unknown
        counts = np.empty(len(toks) * 5, dtype=np.int64)
        rows: list[int] = []
        for j, info in enumerate(infos):
            for g in range(5):
                feats = info[g]
                rows.extend([get(f, unknown) for f in feats])
                counts[j * 5 + g] = len(feats)
        # Every group gets one extra zero row so that empty groups sum to zero.
        flat = np.array(rows, dtype=np.int64)
        lengths = counts + 1
        starts = np.cumsum(lengths) - lengths
        gather = np.full(int(lengths.sum()), unknown, dtype=np.int64)
        slots = np.ones(len(gather), dtype=bool)
        slots[starts + counts] = False
        gather[slots] = flat
        sums = np.add.reduceat(self.weights[gather], starts, axis=0)
        self._vecs[k0:need] = sums.reshape(len(toks), 5, -1)
        self._props[k0:need] = [token_props(t) for t in toks]
        self._words.extend(info[5] for info in infos)
        self._tok_index.update(zip(toks, range(k0, need), strict=True))
        self._n_vecs = need

    def _context_ids(self, keys: np.ndarray) -> list[int]:
        keys_list = keys.tolist()
        ids = list(map(self._ctx_index.get, keys_list))
        if None in ids:
            for j, key in enumerate(keys_list):
                if ids[j] is None:
                    k = self._ctx_index.get(key)
                    if k is None:
                        k = len(self._ctx_index)
                        if k == len(self._ctx_vecs):
                            self._ctx_vecs = np.concatenate([self._ctx_vecs, np.zeros_like(self._ctx_vecs)])
                        self._ctx_vecs[k] = self._sum(_context(key))
                        self._ctx_index[key] = k
                    ids[j] = k
        return ids  # type: ignore[return-value]

    def _bigram_rows(self, pair_keys: list[int], before: bool) -> list[int]:
        cache = self._bigram[before]
        rows = list(map(cache.get, pair_keys))
        if None in rows:
            words = self._words
            get = self.attr_index.get
            for j, key in enumerate(pair_keys):
                if rows[j] is None:
                    a, b = divmod(key, _PAIR)
                    if before:
                        name = "b-=" + (words[a] if a != self._edge else "^") + "|" + words[b]
                    else:
                        name = "b+=" + words[a] + "|" + (words[b] if b != self._edge else "$")
                    rows[j] = cache[key] = get(name, self.unknown)
        return rows  # type: ignore[return-value]

    def emissions(self, texts: Sequence[str]) -> tuple[list[list[tuple[int, int]]], np.ndarray, np.ndarray]:
        """Token spans per text, and the state scores of all tokens laid end to end.

        Returns (spans, scores of shape (total tokens, labels), token count per text).
        """
        spans: list[list[tuple[int, int]]] = []
        all_toks: list[str] = []
        ws_parts, lens_list, trailing = [], [], []
        for text in texts:
            toks, ws_lens, starts, ends = split_tokens(text)
            if toks:
                last = int(ends[-1])
                trailing.append(last < len(text) and text[last].isspace())
                all_toks.extend(toks)
                ws_parts.append(ws_lens)
                spans.append(list(zip(starts.tolist(), ends.tolist(), strict=True)))
            else:
                spans.append([])
            lens_list.append(len(toks))
        lens = np.array(lens_list, dtype=np.int64)
        n_labels = len(self.labels)
        if not all_toks:
            return spans, np.zeros((0, n_labels)), lens
        nz = lens[lens > 0]
        idx = np.array(self._token_ids(all_toks), dtype=np.int64)
        ws = np.concatenate(ws_parts)
        keys = context_keys(ws, self._props[idx], nz, np.array(trailing))
        ctx = self._context_ids(keys)
        total = len(idx)
        offsets = np.cumsum(nz) - nz
        i = np.arange(total) - np.repeat(offsets, nz)
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
            + self._ctx_vecs[ctx]
        )
        # Word bigrams, cached by the pair of token ids (the edge stands for ^ and $).
        em += self.weights[self._bigram_rows((prev1 * _PAIR + idx).tolist(), True)]
        em += self.weights[self._bigram_rows((idx * _PAIR + next1).tolist(), False)]
        return spans, em, lens

    def decode(self, em: np.ndarray, lens: np.ndarray) -> list[list[int]]:
        """Best label index sequence per text (Viterbi, batched over texts of similar length)."""
        out: list[list[int]] = [[] for _ in range(len(lens))]
        offsets = np.cumsum(lens) - lens
        order = np.argsort(lens, kind="stable")
        order = order[lens[order] > 0]
        trans = self.trans[None]
        for b0 in range(0, len(order), BATCH):
            rows = order[b0:b0 + BATCH]
            blens = lens[rows]
            tmax = int(blens[-1])
            steps = np.arange(tmax)
            gather = offsets[rows][:, None] + np.minimum(steps[None], blens[:, None] - 1)
            bem = em[gather]  # (rows, tmax, labels); positions past the end repeat the last
            score = bem[:, 0].copy()
            back = np.zeros((len(rows), tmax, em.shape[1]), dtype=np.int16)
            # Rows are sorted by length: at step t the live rows are a suffix.
            for t in range(1, tmax):
                lo = int(np.searchsorted(blens, t, side="right"))
                cand = score[lo:, :, None] + trans
                back[lo:, t] = cand.argmax(axis=1)
                score[lo:] = cand.max(axis=1) + bem[lo:, t]
            cur = score.argmax(axis=1)
            path = np.zeros((len(rows), tmax), dtype=np.int64)
            r = np.arange(len(rows))
            for t in range(tmax - 1, -1, -1):
                lo = int(np.searchsorted(blens, t, side="right"))
                path[lo:, t] = cur[lo:]
                if t:
                    cur[lo:] = back[r[lo:], t, cur[lo:]]
            for k, row in enumerate(rows.tolist()):
                out[row] = path[k, : blens[k]].tolist()
        return out
