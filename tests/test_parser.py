"""Tests of the reference tagger: tokenizer, features, label mapping, model, training."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from citekit.bench.parse import norm_value
from citekit.errors import ConfigError
from citekit.parser import LABELS, MAX_CHARS, Tagger, load_tagger
from citekit.parser.corpus import align
from citekit.parser.features import extract, token_info
from citekit.parser.labels import map_label
from citekit.parser.tokenize import token_spans, tokenize

# --- tokenizer ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("Nye, J.,The power", ["Nye", ",", "J", ".", ",", "The", "power"]),
        ("pp. 1433-40.", ["pp", ".", "1433", "-", "40", "."]),
        ("Taylor&Francis", ["Taylor", "&", "Francis"]),
        ("Статья // Журнал. — М.", ["Статья", "/", "/", "Журнал", ".", "—", "М", "."]),
        ("“Soft Power”, EU’s", ["“", "Soft", "Power", "”", ",", "EU’s"]),
        ("doi:10.1000/xyz.12.", ["doi:10.1000/xyz.12", "."]),
        (
            "see https://www.rand.org/pubs/rr1826.html, accessed",
            ["see", "https://www.rand.org/pubs/rr1826.html", ",", "accessed"],
        ),
        ("(2012a)", ["(", "2012a", ")"]),
        ("", []),
        ("   \n\t ", []),
    ],
)
def test_tokenize_splits(text: str, tokens: list[str]) -> None:
    assert [t.text for t in tokenize(text)] == tokens


@pytest.mark.parametrize(
    "text",
    [
        "  Reach Clint,Radin Andrew  (2017) «Russian views»\u00a0— RAND Report 2017, 17",
        "a\u0301ccent ﬁ ligature  \u200b zero-width",
        "x" * 3 + "\x00\x01\ufffd" + " end",
    ],
)
def test_token_offsets_point_into_text(text: str) -> None:
    toks = tokenize(text)
    assert toks
    for t in toks:
        assert text[t.start : t.end] == t.text
        assert not t.text.isspace()
    assert [(t.start, t.end) for t in toks] == token_spans(text)
    # tokens are in order and do not overlap
    assert all(a.end <= b.start for a, b in itertools.pairwise(toks))


# --- features ----------------------------------------------------------------


def own(tok: str) -> set[str]:
    return set(token_info(tok)[0])


def test_token_features_of_tricky_tokens() -> None:
    assert "YEAR" in own("2004")
    assert "YEAR" not in own("1433")  # a page number, not a year
    assert "YEARX" in own("2012a")
    assert "ORD" in own("5th") and "ORD" in own("2nd")
    assert "ORDW" in own("fifth")
    assert "ROMAN" in own("xiv")
    assert {"UP", "sh=X"} <= own("NYE")
    assert "INIT" in own("J")
    assert "D:given" in own("Joseph")
    assert "D:pub" in own("Routledge")
    assert "D:place" in own("London")
    assert "D:jrnl" in own("Quarterly")
    assert "D:month" in own("February")
    assert "M:ed" in own("eds")
    assert "M:pp" in own("pp")
    assert "M:acc" in own("accessed")
    assert "M:acc" in own("Acesso") and "M:acc" in own("consulté")
    assert "M:avail" in own("Disponível") and "M:avail" in own("Disponible")
    assert "M:pres" in own("presented")
    assert "M:in" in own("In")
    assert "M:vol" in own("Vol")
    assert "M:no" in own("№")
    assert "QUOTE" in own("“")
    assert "DASH" in own("—")
    assert "URL" in own("https://example.org/a")
    assert "DOI" in own("10.1000/xyz")
    assert "scr=CYRILLIC" in own("Журнал")


def test_context_features() -> None:
    text = "Smith, J.,The “Great” Game (2010) // Journal"
    spans, feats = extract(text)
    toks = [text[s:e] for s, e in spans]
    by = dict(zip(toks, feats, strict=False))
    assert "nosp" in by["The"]  # "R.,The": no space before
    assert "q" in by["Great"] and "q" not in by["Game"]
    assert "par" in by["2010"] and "par" not in by["Game"]
    assert "ny" in by["Smith"] and "ys" in by["Journal"]  # a year was seen before
    assert "pos=0" in feats[0] and "pos=9" in feats[-1]
    assert "-1BOS" in feats[0] and "+1EOS" in feats[-1]
    assert "-1w=/" in feats[toks.index("Journal")]


def test_extract_handles_empty_and_symbol_only_text() -> None:
    assert extract("") == ([], [])
    spans, feats = extract("., ; —")
    assert len(spans) == len(feats) == 4


# --- label mapping and alignment ----------------------------------------------


@pytest.mark.parametrize(
    ("label", "text", "fields", "expected"),
    [
        ("journal", "Nature,", {}, "container-title"),
        ("title[j]", "J. Chem.", {}, "container-title"),
        ("title[m]", "A Book", {"title": "A Book"}, "title"),
        (
            "title[m]",
            "A Book",
            {"title": "Chapter", "container-title": "A Book"},
            "container-title",
        ),
        ("biblScope[page]", "117", {}, "pages"),
        ("pubPlace", "Paris", {}, "location"),
        ("year", "2002", {}, "date"),
        ("booktitle", "Proc. ACL", {}, "container-title"),
        ("idno[arxiv]", "arXiv:1234", {}, "note"),
        ("container-title", "Paper presented at the ISA Convention,", {}, "event"),
        ("note", "(accessed 20 March 2012).", {}, "accessed"),
        ("note", "Available at", {}, "note"),
        ("author", "Smith, J.", {}, "author"),
    ],
)
def test_map_label(label: str, text: str, fields: dict, expected: str) -> None:
    assert map_label(label, text, fields) == expected
    assert expected in LABELS


def test_align_gives_every_token_a_label() -> None:
    rec = {
        "text": "Nye, J. (2004). Soft Power. New York: PublicAffairs.",
        "fields": {},
        "segments": [
            ["author", "Nye, J."],
            ["date", "(2004)."],
            ["title", "Soft Power."],
            ["location", "New York:"],
            ["publisher", "PublicAffairs."],
        ],
    }
    ex = align(rec)
    assert ex is not None
    toks = [rec["text"][s:e] for s, e in ex.spans]
    labelled = dict(zip(toks, ex.labels, strict=True))
    assert labelled["Nye"] == "author" and labelled["2004"] == "date"
    assert labelled["York"] == "location" and labelled["PublicAffairs"] == "publisher"
    assert align({"text": "abc", "segments": [["title", "xyz"]]}) is None


def test_align_splits_anystyle_volumes_into_date_volume_issue() -> None:
    rec = {
        "text": "Saad ED. Survival. J Clin Oncol. 2012;30(15):1750-1754.",
        "fields": {},
        "segments": [
            ["author", "Saad ED."],
            ["title", "Survival."],
            ["journal", "J Clin Oncol."],
            ["volume", "2012;30(15):"],
            ["pages", "1750-1754."],
        ],
    }
    ex = align(rec)
    assert ex is not None
    pairs = [(rec["text"][s:e], label) for (s, e), label in zip(ex.spans, ex.labels, strict=True)]
    assert ("Oncol", "container-title") in pairs
    assert ("2012", "date") in pairs and ("30", "volume") in pairs and ("15", "issue") in pairs
    assert ("1750", "pages") in pairs


def test_align_gives_gap_tokens_to_the_right_neighbour() -> None:
    # GROBID leaves markers untagged: "pp." belongs to the pages, "In" to the container.
    rec = {
        "text": "Doe, J. A title. In Proc. X, pp. 1-9.",
        "fields": {},
        "segments": [
            ["author", "Doe, J."],
            ["title[a]", "A title."],
            ["title[m]", "Proc. X"],
            ["biblScope[page]", "1-9."],
        ],
    }
    ex = align(rec)
    assert ex is not None
    labels = dict(zip([rec["text"][s:e] for s, e in ex.spans], ex.labels, strict=False))
    assert labels["In"] == "container-title" and labels["pp"] == "pages"
    assert labels["X"] == "container-title"


# --- the shipped model ---------------------------------------------------------


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return load_tagger()


def fields_of(segments) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for s in segments:
        out.setdefault(s.label, []).append(s.text)
    return out


def test_load_tagger_is_cached_and_checks_path(tmp_path: Path) -> None:
    assert load_tagger() is load_tagger()
    with pytest.raises(ConfigError):
        load_tagger(str(tmp_path / "missing.crfsuite"))
    broken = tmp_path / "broken.crfsuite"
    broken.write_bytes(b"not a model")
    with pytest.raises(ConfigError):
        load_tagger(str(broken))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Huntington, Samuel P. (1996). The Clash of Civilizations and the Remaking of World Order. "
            "New York: Simon & Schuster.",
            {
                "author": "Huntington, Samuel P.",
                "date": "1996",
                "location": "New York",
                "publisher": "Simon & Schuster",
            },
        ),
        (
            "Smith, J. and Jones, K. (2010) 'Water and conflict in the Aral basin', Journal of "
            "Peace Research, 47(3), pp. 301-315.",
            {
                "author": "Smith, J. and Jones, K.",
                "date": "2010",
                "container-title": "Journal of Peace Research",
                "volume": "47",
                "pages": "301-315",
            },
        ),
        (
            "3. Waltz Kenneth, Theory of International Politics, Addison-Wesley, Reading, 1979.",
            {"citation-number": "3", "date": "1979"},
        ),
        (
            "SOUZA, R. Feiras livres e memória urbana. Jornal do Bairro, 12 de maio de 2019. "
            "Disponível em: https://jornaldobairro.example.org/feiras. Acesso em: 3 ago. 2021.",
            {
                "author": "SOUZA, R.",
                "date": "12 de maio de 2019",
                "url": "https://jornaldobairro.example.org/feiras",
                "accessed": "Acesso em: 3 ago. 2021",
            },
        ),
        (
            "Brown A, Green B. Estimating things. J Stat Soft. 2012;45(2):1-20. doi:10.18637/jss.v045.i02",
            {"date": "2012", "doi": "10.18637/jss.v045.i02"},
        ),
    ],
)
def test_shipped_model_tags_handwritten_references(
    tagger: Tagger, text: str, expected: dict
) -> None:
    segs = tagger.tag(text)
    got = {k: [norm_value(v) for v in vs] for k, vs in fields_of(segs).items()}
    for label, value in expected.items():
        assert norm_value(value) in got.get(label, []), (label, got)


def test_segments_are_ordered_offsets_into_the_text(tagger: Tagger) -> None:
    text = "  [12] Lo, Bobo, Axis of Convenience, Brookings, Washington DC, 2008, 277 p.  "
    segs = tagger.tag(text)
    assert segs
    for s in segs:
        assert text[s.start : s.end] == s.text
        assert s.label in LABELS
        assert s.text == s.text.strip()
    assert all(a.end <= b.start for a, b in itertools.pairwise(segs))
    assert all(a.label != b.label for a, b in itertools.pairwise(segs))
    # every non-space character is covered by exactly one segment
    covered = "".join(
        " " if not any(s.start <= i < s.end for s in segs) else c for i, c in enumerate(text)
    )
    assert covered.split() == text.split() or "".join(covered.split()) == "".join(text.split())


def test_tag_many_matches_tag(tagger: Tagger) -> None:
    texts = [
        "Gellner, E. (1983) Nations and Nationalism. Oxford: Blackwell.",
        "",
        "Sen A. Development.",
    ]
    assert tagger.tag_many(texts) == [tagger.tag(t) for t in texts]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "\n\n",
        ".,;",
        "\x00\x01\x02\ufffd\ufeff",
        "字" * 50,
        "🙂 emoji 🙂 2020",
        "a" * 20000,
        ("Smith, J. (2001). Title. " * 400),
        # digits that str.isdigit() accepts and int() does not
        "Smith, J. Energy in m ³ and ² more ① ½. Journal 4 (2001): 1-5.",
        "Doe, A. Title ٣٤. Press, ۲۰۰۳.",
    ],
)
def test_bad_input_does_not_crash(tagger: Tagger, text: str) -> None:
    segs = tagger.tag(text)
    for s in segs:
        assert text[s.start : s.end] == s.text
    if len(text) > MAX_CHARS and text[MAX_CHARS:].strip():
        assert segs[-1].label == "note" and segs[-1].end == len(text.rstrip())


# --- training end to end -------------------------------------------------------


def _tiny_records(second_title: bool = False) -> list[dict]:
    """Twelve labelled records of one pattern (with "Book N." as a second title)."""
    recs = []
    for i in range(12):
        book = [["title", f"Book {i}."]] if second_title else []
        segments = [
            ["author", f"Author{i}, A."],
            ["date", f"({2000 + i})."],
            ["title", f"Title number {i}."],
            *book,
            ["location", f"City{i}:"],
            ["publisher", f"Press{i}."],
        ]
        text = " ".join(seg for _, seg in segments)
        recs.append({"id": str(i), "text": text, "fields": {}, "segments": segments})
    return recs


def test_training_a_tiny_model(tmp_path: Path) -> None:
    from citekit.parser.train import train

    recs = _tiny_records()
    data = tmp_path / "tiny.jsonl"
    data.write_text("".join(json.dumps(r) + "\n" for r in recs), "utf-8")
    model = tmp_path / "tiny.crfsuite"
    meta = train(
        [data],
        model,
        {"max_iterations": 30},
        seed=1,
        exclude_texts={" ".join(recs[0]["text"].split()).lower()},
        log=lambda m: None,
    )
    assert model.is_file() and meta["model_bytes"] == model.stat().st_size
    assert meta["inputs"][0]["records_used"] == 11
    assert meta["inputs"][0]["records_in_evaluation_sets"] == 1
    assert len(meta["inputs"][0]["sha256"]) == 64
    assert meta["weights"] == "tiny.weights.npz" and (tmp_path / "tiny.weights.npz").is_file()
    tagger = load_tagger(str(model))
    segs = tagger.tag("Author99, B. (2019). Title number 99. City9: Press3.")
    assert [s.label for s in segs] == ["author", "date", "title", "location", "publisher"]

    # The numpy decoder of the exported weights labels exactly as crfsuite's own tagger.
    (tmp_path / "tiny.weights.npz").rename(tmp_path / "aside.npz")
    reference = load_tagger(str(model))
    assert reference._fast is None
    fast = load_tagger(str(tmp_path / "aside.npz"))
    texts = [r["text"] for r in recs] + [
        "Press1 (2001) City2, A. Author3: Title.",
        "",
        "((( “x” )))",
        "2019 2019 2019",
        "Author5 " * 40,
    ]
    assert fast.labels_many(texts) == reference.labels_many(texts)


def test_train_command_refuses_evaluation_sets(tmp_path: Path) -> None:
    from citekit.parser.train import main

    with pytest.raises(SystemExit) as exc:
        main(
            ["--shared", str(tmp_path), "--set", "anystyle-gold-heldout", "-o", str(tmp_path / "m")]
        )
    assert exc.value.code == 2


def test_shipped_model_is_the_one_its_metadata_describes() -> None:
    """The committed weights are the file ``model.json`` records (hash and size)."""
    import hashlib

    from citekit.parser import WEIGHTS_NAME, default_model_path, model_dir

    meta = json.loads((model_dir() / "model.json").read_text("utf-8"))
    weights = model_dir() / WEIGHTS_NAME
    assert default_model_path() == weights
    assert meta["weights"] == WEIGHTS_NAME
    assert meta["weights_bytes"] == weights.stat().st_size
    assert meta["weights_sha256"] == hashlib.sha256(weights.read_bytes()).hexdigest()
    assert len(meta["members"]) >= 2


def _weights(path: Path) -> dict[tuple[str, str], float]:
    import numpy as np

    with np.load(path) as z:
        labels = bytes(z["labels"]).decode().split("\n")
        attrs = z["attrs"].tobytes().decode().split("\n")
        return {
            (attrs[r], labels[c]): float(v)
            for r, c, v in zip(z["rows"], z["cols"], z["vals"], strict=True)
        }


def test_averaged_weights_are_the_members_mean(tmp_path: Path) -> None:
    from citekit.parser.crf import average
    from citekit.parser.train import train

    recs = _tiny_records()
    data = tmp_path / "tiny.jsonl"
    data.write_text("".join(json.dumps(r) + "\n" for r in recs), "utf-8")
    for name, c2 in (("a", 0.001), ("b", 1.0)):
        train(
            [data],
            tmp_path / f"{name}.crfsuite",
            {"max_iterations": 30, "c2": c2},
            log=lambda m: None,
        )
    a, b = _weights(tmp_path / "a.weights.npz"), _weights(tmp_path / "b.weights.npz")
    assert a != b
    out = average([tmp_path / "a.weights.npz", tmp_path / "b.weights.npz"], tmp_path / "m.npz")
    mean = _weights(out)
    assert set(mean) == {k for k in a.keys() | b.keys() if a.get(k, 0) + b.get(k, 0)}
    for key, value in mean.items():
        assert value == pytest.approx((a.get(key, 0.0) + b.get(key, 0.0)) / 2, abs=1e-6)
    # the mean of a model with itself is that model
    same = average([tmp_path / "a.weights.npz"] * 2, tmp_path / "same.npz")
    texts = [r["text"] for r in recs] + ["Press1 (2001) City2, A. Author3: Title."]
    assert load_tagger(str(same)).labels_many(texts) == load_tagger(
        str(tmp_path / "a.weights.npz")
    ).labels_many(texts)
    assert load_tagger(str(out)).tag("Author99, B. (2019). Title number 99. City9: Press3.")


def test_train_command_writes_an_averaged_ensemble(tmp_path: Path) -> None:
    from citekit.parser.train import main

    data = tmp_path / "data" / "parser"
    data.mkdir(parents=True)
    (data / "anystyle-core.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in _tiny_records()), "utf-8"
    )
    out = tmp_path / "m.crfsuite"
    args = ["--shared", str(tmp_path), "--set", "anystyle-core", "--no-own", "-o", str(out)]
    assert main([*args, "--members", "2", "--jobs", "1", "--max-iterations", "20"]) == 0
    meta = json.loads((tmp_path / "m.json").read_text("utf-8"))
    assert not out.exists() and meta["weights"] == "m.weights.npz"
    assert [m["params"]["c2"] for m in meta["members"]] == [0.005, 0.002]
    assert not list(tmp_path.glob("tmp*"))  # the members' own files are gone
    segs = load_tagger(str(tmp_path / "m.weights.npz")).tag("Author99, B. (2019). Title 9. X: P.")
    assert segs[0].label == "author"


def test_token_cache_starts_afresh_without_changing_labels(monkeypatch: pytest.MonkeyPatch) -> None:
    import citekit.parser.crf as crf

    texts = [
        f"Author{i}, A. ({1990 + i % 30}). Title {i} of work{i * 7}. City{i}: Press{i}, pp. {i}-{i + 9}."
        for i in range(300)
    ]
    expected = Tagger(load_tagger().path).tag_many(texts)
    monkeypatch.setattr(crf, "MAX_TOKENS", 200)
    small = Tagger(load_tagger().path)
    got = [small.tag_many(texts[k : k + 7]) for k in range(0, len(texts), 7)]
    assert [s for chunk in got for s in chunk] == expected
    assert small._fast is not None and len(small._fast._tok_index) <= 200 + 7 * 20


def test_chunk_features_describe_the_run_between_delimiters() -> None:
    text = "Doe, J. 2001. A study of many things. Oxford University Press, Oxford."
    spans, feats = extract(text)
    toks = [text[s:e] for s, e in spans]
    by = dict(zip(toks, feats, strict=False))
    assert "ckn=0" in by["Doe"] and "cko=0" in by["Doe"] and "ckc=1" in by["Doe"]
    assert "ckl=2" in by["study"] and "ckl=0" in by["Oxford"]  # lower-case words: a title
    assert "ckw4l2c0d0y0" in by["study"] and "ckw1l0c0d1y1" in by["2001"]
    assert "ck+pub" in by["University"] and "ck+pub" not in by["study"]
    assert "ck+place" in feats[-2]  # the last "Oxford" sits in a chunk of its own


def test_begin_labels_mark_the_first_token_of_a_field() -> None:
    from citekit.parser.corpus import align

    rec = {
        "text": "Doe, J., Roe, R. 2001. A title. Its subtitle. Press.",
        "segments": [
            ["author", "Doe, J.,"],
            ["author", "Roe, R."],
            ["date", "2001."],
            ["title", "A title."],
            ["title", "Its subtitle."],
            ["publisher", "Press."],
        ],
    }
    ex = align(rec, frozenset({"author", "title"}))
    assert ex is not None
    toks = [rec["text"][s:e] for s, e in ex.spans]
    got = dict(zip(toks, ex.labels, strict=False))
    # One name list is one field even where a set gives each name a segment.
    assert ex.labels[0] == "B-author" and got["Roe"] == "author"
    assert got["A"] == "B-title" and got["Its"] == "B-title" and got["subtitle"] == "title"
    assert got["Press"] == "publisher" and "date" in ex.labels
    assert align(rec).labels[0] == "author"  # without begin labels nothing changes
    # A quote or an "In" outside the gold segments opens the segment after it.
    rec2 = {
        "text": "Doe, J. “A title,” In Big Book.",
        "segments": [
            ["author", "Doe, J."],
            ["title", "A title,”"],
            ["container-title", "Big Book."],
        ],
    }
    ex2 = align(rec2, frozenset({"title", "container-title"}))
    assert ex2 is not None
    assert ex2.labels[4:7] == ("B-title", "title", "title")
    assert ex2.labels[-4:-2] == ("B-container-title", "container-title")


def test_a_model_with_begin_labels_splits_adjacent_fields(tmp_path: Path) -> None:
    from citekit.parser.train import train

    recs = _tiny_records(second_title=True)
    data = tmp_path / "t.jsonl"
    data.write_text("".join(json.dumps(r) + "\n" for r in recs), "utf-8")
    model = tmp_path / "m.crfsuite"
    meta = train(
        [data],
        model,
        {"max_iterations": 30},
        seed=1,
        log=lambda m: None,
        begin=frozenset({"title"}),
    )
    assert meta["begin_labels"] == ["title"]
    text = "Author99, B. (2019). Title number 99. Book 7. City9: Press3."
    fast = load_tagger(str(model))
    assert "B-title" in fast._fast.labels
    segs = fast.tag(text)
    assert [s.label for s in segs] == ["author", "date", "title", "title", "location", "publisher"]
    assert [s.text for s in segs][2:4] == ["Title number 99.", "Book 7."]
    (tmp_path / "m.weights.npz").rename(tmp_path / "aside.npz")
    slow = load_tagger(str(model))
    assert slow._fast is None and slow.tag(text) == segs


def test_development_split_is_fixed_and_about_a_tenth(tmp_path: Path) -> None:
    from citekit.parser.train import in_dev_split, main

    texts = [f"Author{i}, A. ({1900 + i % 120}). Title {i}." for i in range(2000)]
    picked = [t for t in texts if in_dev_split(t)]
    assert 120 < len(picked) < 280
    # Whitespace and case do not move a record across the split.
    assert all(in_dev_split("  " + t.upper().replace(" ", "   ")) for t in picked)
    recs = [{"id": str(i), "text": t, "segments": [["title", t]]} for i, t in enumerate(texts)]
    data = tmp_path / "data" / "parser"
    data.mkdir(parents=True)
    (data / "anystyle-core.jsonl").write_text("".join(json.dumps(r) + "\n" for r in recs), "utf-8")
    out = tmp_path / "dev"
    assert (
        main(
            [
                "--shared",
                str(tmp_path),
                "--set",
                "anystyle-core",
                "--no-own",
                "--write-dev",
                str(out),
            ]
        )
        == 0
    )
    written = [
        json.loads(x)["text"]
        for x in (out / "anystyle-core.dev.jsonl").read_text("utf-8").splitlines()
    ]
    assert written == picked
    with pytest.raises(SystemExit) as exc:  # an experiment never replaces the shipped model
        main(["--shared", str(tmp_path), "--set", "anystyle-core", "--dev-split"])
    assert exc.value.code == 2
