"""The learned reference-string tagger: a CRF over tokens with character offsets.

``load_tagger()`` returns the tagger for the model shipped in this package (or
for a model file you trained yourself); ``Tagger.tag(text)`` labels one
reference string with CSL variable names (see ``citekit.parser.labels``) and
returns contiguous ``Segment``s with offsets into ``text``.  A model may label
the first token of a field ``B-<label>`` (see ``citekit.parser.labels``); such a
token always opens a new segment, so two titles side by side stay two.

The model is trained with python-crfsuite (``python -m citekit.parser.train``).
Tagging uses exported weights (``model.weights.npz``, see ``citekit.parser.crf``):
the shipped model is the mean of several trained members' weights and exists
only in that form.  A single crfsuite model of your own is tagged with the
weights exported beside it, or with crfsuite's own tagger where it has none.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

import numpy as np
import pycrfsuite

from citekit.errors import ConfigError
from citekit.model import Segment
from citekit.parser.crf import FastCRF, weights_path
from citekit.parser.features import extract
from citekit.parser.labels import BEGIN, LABELS, base_label

__all__ = ["LABELS", "MAX_CHARS", "Tagger", "default_model_path", "load_tagger", "model_dir"]

MODEL_NAME = "model.crfsuite"
WEIGHTS_NAME = "model.weights.npz"
# A reference longer than this is tagged only up to here; the rest becomes a note.
MAX_CHARS = 5000
# Texts decoded together (at most this many, and this many characters): bounds
# the memory of the score arrays.
CHUNK = 1024
CHUNK_CHARS = 250_000


def _chunks(n_texts: int, lengths: Sequence[int]) -> list[tuple[int, int]]:
    """(start, end) index ranges of the batches ``texts`` are decoded in."""
    out = []
    start = size = 0
    for i in range(n_texts):
        size += lengths[i]
        if i + 1 - start >= CHUNK or size >= CHUNK_CHARS or i + 1 == n_texts:
            out.append((start, i + 1))
            start, size = i + 1, 0
    return out


def model_dir() -> Path:
    """The package folder holding the shipped model and its metadata."""
    return Path(str(resources.files("citekit.parser").joinpath("data")))


def default_model_path() -> Path:
    """The shipped model: its weights, else (a single model) its crfsuite file."""
    weights = model_dir() / WEIGHTS_NAME
    return weights if weights.is_file() else model_dir() / MODEL_NAME


class Tagger:
    """Labels reference strings with a trained CRF model (thread-safe)."""

    def __init__(self, model_path: str | Path) -> None:
        path = Path(model_path)
        if not path.is_file():
            raise ConfigError(f"parser model not found: {path}")
        self.path = path
        self._local = threading.local()
        self._lock = threading.Lock()
        self._fast: FastCRF | None = None
        weights = path if path.suffix == ".npz" else weights_path(path)
        if weights.is_file():
            try:
                self._fast = FastCRF(weights)
            except Exception as exc:  # numpy raises several kinds on a damaged file
                raise ConfigError(f"cannot read parser weights {weights}: {exc}") from exc
        else:
            self._crfsuite()  # fail early on a broken model file

    def _crfsuite(self) -> pycrfsuite.Tagger:
        tagger = getattr(self._local, "tagger", None)
        if tagger is None:
            tagger = pycrfsuite.Tagger()
            try:
                tagger.open(str(self.path))
            except Exception as exc:  # crfsuite raises a bare ValueError/IOError
                raise ConfigError(f"cannot open parser model {self.path}: {exc}") from exc
            self._local.tagger = tagger
        return tagger

    def labels_many(self, texts: Sequence[str]) -> list[list[tuple[str, int, int]]]:
        """(label, start, end) for every token of every text."""
        heads = [t[:MAX_CHARS] for t in texts]
        out: list[list[tuple[str, int, int]]] = []
        if self._fast is not None:
            names = self._fast.labels
            for c0, c1 in _chunks(len(heads), [len(h) for h in heads]):
                path, starts, ends, lens = self._decode(heads[c0:c1])
                ys = [names[y] for y in path.tolist()]
                triples = list(zip(ys, starts.tolist(), ends.tolist(), strict=True))
                at = 0
                for n in lens.tolist():
                    out.append(triples[at : at + n])
                    at += n
        else:
            for h in heads:
                spans, xseq = extract(h)
                ys = self._crfsuite().tag(xseq) if spans else []
                out.append([(y, s, e) for y, (s, e) in zip(ys, spans, strict=True)])
        for text, labels in zip(texts, out, strict=True):
            tail = _tail(text)
            if tail:
                labels.append(tail)
        return out

    def _decode(
        self, texts: Sequence[str]
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        fast = self._fast
        assert fast is not None
        with self._lock:  # the weight caches grow as new tokens are seen
            em, starts, ends, lens = fast.emissions(texts)
        return fast.decode(em, lens), starts, ends, lens

    def labels(self, text: str) -> list[tuple[str, int, int]]:
        """(label, start, end) for every token of ``text``."""
        return self.labels_many([text])[0]

    def tag(self, text: str) -> tuple[Segment, ...]:
        """Label one reference string; segments are in order, with offsets into ``text``."""
        return self.tag_many([text])[0]

    def tag_many(self, texts: Sequence[str]) -> list[tuple[Segment, ...]]:
        """``tag`` for each string, in order (faster than one call per string)."""
        if self._fast is None:
            return [
                _segments(t, labels)
                for t, labels in zip(texts, self.labels_many(texts), strict=True)
            ]
        names = [base_label(n) for n in self._fast.labels]
        begins = np.array([n.startswith(BEGIN) for n in self._fast.labels], dtype=bool)
        # "B-title" and "title" are one field: compare label numbers through this.
        same_field = np.array([names.index(n) for n in names], dtype=np.int64)
        out: list[tuple[Segment, ...]] = []
        heads = [t[:MAX_CHARS] for t in texts]
        for c0, c1 in _chunks(len(heads), [len(h) for h in heads]):
            chunk = texts[c0:c1]
            path, starts, ends, lens = self._decode(heads[c0:c1])
            # A segment starts where the label changes or a new text begins.
            first = np.zeros(len(path), dtype=bool)
            offsets = np.cumsum(lens) - lens
            first[offsets[lens > 0]] = True
            field = same_field[path]
            first[1:] |= field[1:] != field[:-1]
            first |= begins[path]
            seg_first = np.flatnonzero(first)
            seg_last = np.append(seg_first[1:], len(path))[: len(seg_first)] - 1
            seg_text = np.searchsorted(offsets, seg_first, side="right") - 1
            per_text: list[list[Segment]] = [[] for _ in chunk]
            for k, y, s, e in zip(
                seg_text.tolist(),
                path[seg_first].tolist(),
                starts[seg_first].tolist(),
                ends[seg_last].tolist(),
                strict=True,
            ):
                per_text[k].append(Segment(names[y], s, e, chunk[k][s:e]))
            for text, segs in zip(chunk, per_text, strict=True):
                tail = _tail(text)
                if tail:
                    segs.append(Segment(tail[0], tail[1], tail[2], text[tail[1] : tail[2]]))
                out.append(tuple(segs))
        return out


def _tail(text: str) -> tuple[str, int, int] | None:
    """The part of an over-long text past MAX_CHARS, as one note."""
    if len(text) <= MAX_CHARS:
        return None
    rest = text[MAX_CHARS:]
    stripped = rest.strip()
    if not stripped:
        return None
    return ("note", MAX_CHARS + rest.index(stripped[0]), MAX_CHARS + len(rest.rstrip()))


def _segments(text: str, labels: list[tuple[str, int, int]]) -> tuple[Segment, ...]:
    segments: list[Segment] = []
    label = ""
    start = end = 0
    for raw, s, e in labels:
        y = base_label(raw)
        if y == label and not raw.startswith(BEGIN):
            end = e
            continue
        if label:
            segments.append(Segment(label, start, end, text[start:end]))
        label, start, end = y, s, e
    if label:
        segments.append(Segment(label, start, end, text[start:end]))
    return tuple(segments)


_DEFAULT: Tagger | None = None
_LOCK = threading.Lock()


def load_tagger(path: str | None = None) -> Tagger:
    """The tagger for ``path``, or the cached tagger of the shipped model."""
    global _DEFAULT
    if path is not None:
        return Tagger(path)
    with _LOCK:
        if _DEFAULT is None:
            _DEFAULT = Tagger(default_model_path())
        return _DEFAULT
