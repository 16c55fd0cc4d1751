"""The learned reference-string tagger: a CRF over tokens with character offsets.

``load_tagger()`` returns the tagger for the model shipped in this package (or
for a model file you trained yourself); ``Tagger.tag(text)`` labels one
reference string with CSL variable names (see ``citekit.parser.labels``) and
returns contiguous ``Segment``s with offsets into ``text``.

Train a model with ``python -m citekit.parser.train``.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

import pycrfsuite

from citekit.errors import ConfigError
from citekit.model import Segment
from citekit.parser.features import extract
from citekit.parser.labels import LABELS

__all__ = ["LABELS", "MAX_CHARS", "Tagger", "default_model_path", "load_tagger"]

MODEL_NAME = "model.crfsuite"
# A reference longer than this is tagged only up to here; the rest becomes a note.
MAX_CHARS = 5000


def default_model_path() -> Path:
    """Where the model shipped in the package lives."""
    return Path(str(resources.files("citekit.parser").joinpath(MODEL_NAME)))


class Tagger:
    """Labels reference strings with a trained CRF model (thread-safe)."""

    def __init__(self, model_path: str | Path) -> None:
        path = Path(model_path)
        if not path.is_file():
            raise ConfigError(f"parser model not found: {path}")
        self.path = path
        self._local = threading.local()
        self._tagger()  # fail early on a broken model file

    def _tagger(self) -> pycrfsuite.Tagger:
        tagger = getattr(self._local, "tagger", None)
        if tagger is None:
            tagger = pycrfsuite.Tagger()
            try:
                tagger.open(str(self.path))
            except Exception as exc:  # crfsuite raises a bare ValueError/IOError
                raise ConfigError(f"cannot open parser model {self.path}: {exc}") from exc
            self._local.tagger = tagger
        return tagger

    def labels(self, text: str) -> list[tuple[str, int, int]]:
        """(label, start, end) for every token of ``text``."""
        head = text[:MAX_CHARS]
        spans, xseq = extract(head)
        if not spans:
            return []
        ys = self._tagger().tag(xseq)
        out = [(y, s, e) for y, (s, e) in zip(ys, spans, strict=True)]
        if len(text) > MAX_CHARS:
            rest = text[MAX_CHARS:]
            stripped = rest.strip()
            if stripped:
                start = MAX_CHARS + rest.index(stripped[0])
                out.append(("note", start, MAX_CHARS + len(rest.rstrip())))
        return out

    def tag(self, text: str) -> tuple[Segment, ...]:
        """Label one reference string; segments are in order, with offsets into ``text``."""
        segments: list[Segment] = []
        label = ""
        start = end = 0
        for y, s, e in self.labels(text):
            if y == label:
                end = e
                continue
            if label:
                segments.append(Segment(label, start, end, text[start:end]))
            label, start, end = y, s, e
        if label:
            segments.append(Segment(label, start, end, text[start:end]))
        return tuple(segments)

    def tag_many(self, texts: Sequence[str]) -> list[tuple[Segment, ...]]:
        """``tag`` for each string, in order."""
        return [self.tag(t) for t in texts]


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
