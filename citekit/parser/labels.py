"""The tagger's label set and the mapping from each training source's label names.

The tagger speaks CSL variable names.  Training sets use their own names; a
segment is mapped by these rules, in order:

1. If the record's ``fields`` (already in CSL-like names) hold exactly the
   segment's text under one key that is a tagger label, that key wins.  This
   resolves GROBID's ``title[m]`` (a monograph: the title of a book, but the
   container of a chapter) the way the data set itself resolved it.
2. Otherwise the static table ``SOURCE_LABELS`` below.
3. "(Paper|Poster) presented at ..." segments labelled as a container become
   ``event`` (the CSL variable of the meeting), and notes that are an access
   date ("Accessed 3 May 2012", "(retrieved 2010-08-07)") become ``accessed``,
   as in our own examples (AnyStyle files both as container-title / note).

Static mapping (source label -> tagger label):

- AnyStyle: journal -> container-title; director -> author; producer -> note;
  source, isbn -> note; medium -> genre.
- GROBID: title[a] -> title; title[j], title[m] -> container-title;
  title[s] -> collection-title; biblScope[page] -> pages; biblScope[volume] ->
  volume; biblScope[issue] -> issue; pubPlace -> location; idno[doi] -> doi;
  ptr[web] -> url; orgName -> publisher; orgName[collaboration] -> author;
  note[report] -> genre; other idno[...] and biblScope[...] -> note.
- ParsCit: booktitle, journal -> container-title; tech -> genre; institution ->
  publisher; notes -> note.
- UMass CFE: year, month -> date; journal, booktitle -> container-title;
  address -> location; number -> issue; series -> collection-title; type ->
  genre; school, institution, organization -> publisher; chapter -> note.
- ETDCite: issued -> date.
"""

from __future__ import annotations

import re

LABELS: tuple[str, ...] = (
    "author",
    "editor",
    "translator",
    "title",
    "container-title",
    "collection-title",
    "publisher",
    "location",
    "date",
    "volume",
    "issue",
    "pages",
    "edition",
    "genre",
    "url",
    "doi",
    "accessed",
    "note",
    "citation-number",
    "event",
)
_LABEL_SET = frozenset(LABELS)

# A model may mark the first token of a field with "B-" + label (see
# ``citekit.parser.corpus.align``): the start of a title or a publisher is a
# decision of its own, and two fields of one kind can then stand side by side.
BEGIN = "B-"


def base_label(label: str) -> str:
    """The field a tagger label stands for ("B-title" and "title" are both title)."""
    return label[len(BEGIN) :] if label.startswith(BEGIN) else label


SOURCE_LABELS: dict[str, str] = {
    # AnyStyle
    "journal": "container-title",
    "director": "author",
    "producer": "note",
    "source": "note",
    "isbn": "note",
    "medium": "genre",
    # GROBID
    "title[a]": "title",
    "title[j]": "container-title",
    "title[m]": "container-title",
    "title[s]": "collection-title",
    "title[u]": "title",
    "biblScope[page]": "pages",
    "biblScope[pp]": "pages",
    "page": "pages",
    "biblScope[volume]": "volume",
    "volumes": "volume",
    "biblScope[issue]": "issue",
    "pubPlace": "location",
    "idno[doi]": "doi",
    "ptr[web]": "url",
    "ptr": "url",
    "orgName": "publisher",
    "orgName[collaboration]": "author",
    "authors": "author",
    "publishe": "publisher",
    "note[report]": "genre",
    "notes": "note",
    # ParsCit
    "booktitle": "container-title",
    "tech": "genre",
    "institution": "publisher",
    # UMass CFE
    "year": "date",
    "month": "date",
    "address": "location",
    "number": "issue",
    "series": "collection-title",
    "type": "genre",
    "school": "publisher",
    "organization": "publisher",
    "chapter": "note",
    # ETDCite
    "issued": "date",
}

_PRESENTED_RE = re.compile(r"^\W*(?:\w+\s+){0,3}presented\s+at\b", re.I)
_ACCESSED_RE = re.compile(
    r"^\W*(?:last\s+)?(?:accessed|retrieved|viewed|consulted|zugegriffen|abgerufen|дата\s+обращения)"
    r"\b(?:\s+(?:on|am|le))?[\s:]*[\w\s,./-]*\d[\w\s,./-]*\W*$",
    re.I,
)


def map_label(label: str, text: str, fields: dict[str, object] | None = None) -> str:
    """The tagger label for one gold segment (see the module docstring)."""
    out = None
    if fields:
        keys = [
            k
            for k, v in fields.items()
            if k in _LABEL_SET and (v == text or (isinstance(v, list) and text in v))
        ]
        if len(keys) == 1:
            out = keys[0]
    if out is None:
        if label in _LABEL_SET:
            out = label
        else:
            out = SOURCE_LABELS.get(label)
            if out is None:
                out = "note"
    if out == "container-title" and _PRESENTED_RE.match(text):
        out = "event"
    elif out == "note" and _ACCESSED_RE.match(text):
        out = "accessed"
    return out
