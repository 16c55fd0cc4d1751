"""Builds essay-eval.jsonl: hand-labelled essay-style references, never trained on.

Each entry is a list of (label, piece); pieces are joined with one space, or
with none where a piece starts with "|" (for "R.,The"-style missing spaces).
Run: python tests/data/parser/make_essay_eval.py
"""

import json
from pathlib import Path

ENTRIES = [
    [
        ("citation-number", "1."),
        ("author", "Allison Roy,"),
        ("title", "Russia, the West, and Military Intervention,"),
        ("publisher", "Oxford University Press,"),
        ("location", "Oxford,"),
        ("date", "2013."),
    ],
    [
        ("citation-number", "2."),
        ("author", "Rashid Ahmed"),
        ("date", "(2008)."),
        (
            "title",
            "Descent into Chaos: The United States and the Failure of Nation Building in Pakistan, Afghanistan, and Central Asia.",
        ),
        ("location", "New York:"),
        ("publisher", "Viking."),
    ],
    [
        ("citation-number", "3."),
        ("author", "BLANK, Stephen."),
        (
            "title",
            "“Russia and the Security of Central Asia after the Soviet Collapse, 1991-2001”,",
        ),
        ("container-title", "Journal of Slavic Military Studies,"),
        ("volume", "Vol. 14,"),
        ("issue", "No. 2,"),
        ("date", "2001,"),
        ("pages", "pp. 33-59."),
    ],
    [
        ("citation-number", "4."),
        ("author", "Cooley Alexander,"),
        ("title", "Great Games, Local Rules,"),
        ("publisher", "Oxford University Press,"),
        ("location", "New York,"),
        ("date", "2012,"),
        ("pages", "272 p."),
    ],
    [
        ("citation-number", "5."),
        ("author", "Laruelle M.,"),
        ("title", "|The Concept of Ethnogenesis in Central Asia,"),
        ("container-title", "in Kritika, no. 1,"),
        ("date", "2007,"),
        ("pages", "169-188."),
    ],
    [
        ("citation-number", "6."),
        ("author", "International Crisis Group,"),
        ("title", "Central Asia: Water and Conflict,"),
        ("genre", "Asia Report N°34,"),
        ("location", "Osh/Brussels,"),
        ("date", "2002."),
    ],
    [
        ("citation-number", "7."),
        ("author", "Weitz Richard,"),
        ("title", "Kazakhstan and the New International Politics of Eurasia,"),
        ("publisher", "Central Asia-Caucasus Institute"),
        ("genre", "Silk Road Paper"),
        ("date", "2008,"),
        ("pages", "108."),
    ],
    [
        ("citation-number", "8."),
        ("author", "Trenin Dmitri,"),
        ("title", "Russia's Sphere of Interest, not Influence,"),
        ("container-title", "The Washington Quarterly,"),
        ("date", "October 2009,"),
        ("pages", "pp. 3-22."),
    ],
    [
        ("citation-number", "9."),
        ("author", "Lo Bobo,"),
        ("title", "Russia and the New World Disorder,"),
        ("edition", "second edition,"),
        ("publisher", "Brookings Institution Press,"),
        ("location", "Washington D.C.,"),
        ("date", "2016."),
    ],
    [
        ("citation-number", "10."),
        ("author", "Olcott B. Martha,"),
        ("title", "Central Asia's Second Chance,"),
        ("publisher", "Carnegie Endowment for International Peace,"),
        ("location", "Washington,"),
        ("date", "2005."),
    ],
    [
        ("citation-number", "11."),
        ("author", "Kassenova Nargis,"),
        ("title", "Relations between China and Central Asia,"),
        ("event", "paper presented at the OSCE Academy Conference,"),
        ("location", "Bishkek,"),
        ("date", "2009."),
    ],
    [
        ("citation-number", "12."),
        ("author", "Gabuev Alexander,"),
        (
            "title",
            "“Crouching Bear, Hidden Dragon: ‘One Belt One Road’ and Chinese-Russian Jostling for Power in Central Asia”,",
        ),
        ("container-title", "Carnegie Moscow Center,"),
        ("date", "5 July 2016,"),
        ("url", "http://carnegie.ru/2016/07/05/crouching-bear-hidden-dragon-pub-63998,"),
        ("accessed", "accessed 22 March 2021."),
    ],
    [
        ("citation-number", "13."),
        ("author", "Stronski Paul,"),
        ("title", "Russia's Game in Central Asia."),
        ("note", "Available at:"),
        ("url", "https://carnegieendowment.org/2017/12/21/russias-game-in-central-asia"),
        ("accessed", "(accessed 14 January 2021)."),
    ],
    [
        ("citation-number", "14."),
        ("author", "Kembayev Zhenis,"),
        ("title", "Legal Aspects of the Regional Integration Processes in the Post-Soviet Area,"),
        ("publisher", "Springer,"),
        ("location", "Berlin,"),
        ("date", "2009."),
    ],
    [
        ("citation-number", "15."),
        ("author", "Tolipov Farkhod,"),
        ("title", "|The Strategic Partnership between Uzbekistan and the USA,"),
        ("container-title", "Central Asia and the Caucasus,"),
        ("issue", "no. 4 (16),"),
        ("date", "2002,"),
        ("pages", "30-38."),
    ],
    [
        ("author", "Allison, Roy"),
        ("date", "(2004)"),
        ("title", "'Regionalism, Regional Structures and Security Management in Central Eurasia',"),
        ("container-title", "International Affairs,"),
        ("volume", "80"),
        ("issue", "(3):"),
        ("pages", "463-483."),
    ],
    [
        ("author", "Collins, K."),
        ("date", "(2006)."),
        ("title", "Clan Politics and Regime Transition in Central Asia."),
        ("location", "Cambridge:"),
        ("publisher", "Cambridge University Press."),
    ],
    [
        ("author", "Sakwa Richard."),
        ("title", "Frontline Ukraine: Crisis in the Borderlands."),
        ("location", "London:"),
        ("publisher", "I.B.Tauris,"),
        ("date", "2015."),
    ],
    [
        ("author", "Luong Jones Pauline and Weinthal Erika,"),
        (
            "title",
            "Oil Is Not a Curse: Ownership Structure and Institutions in Soviet Successor States,",
        ),
        ("publisher", "Cambridge University Press,"),
        ("date", "2010."),
    ],
    [
        ("author", "Сыроежкин К.Л."),
        ("title", "Казахстан – Китай: от приграничной торговли к стратегическому партнерству. —"),
        ("location", "Алматы:"),
        ("publisher", "КИСИ,"),
        ("date", "2010. —"),
        ("pages", "356 с."),
    ],
    [
        ("author", "Богатуров А.Д."),
        ("title", "Лидерство и децентрализация в международной системе //"),
        ("container-title", "Международные процессы."),
        ("date", "2006."),
        ("volume", "Т. 4,"),
        ("issue", "№ 3."),
        ("pages", "С. 5-15."),
    ],
    [
        ("author", "Ministry of Foreign Affairs of Kazakhstan,"),
        ("title", "Foreign Policy Concept for 2014–2020,"),
        ("location", "Astana,"),
        ("date", "2014."),
    ],
    [
        ("author", "Peyrouse, S.,"),
        ("title", "|The Central Asian Armies Facing the Challenge of Formation,"),
        ("container-title", "Journal of Power Institutions in Post-Soviet Societies,"),
        ("issue", "no. 11,"),
        ("date", "2010."),
    ],
    [
        ("author", "Marat, Erica"),
        ("date", "(2010)"),
        ("title", "The Military and the State in Central Asia: From Red Army to Independence,"),
        ("location", "London & New York:"),
        ("publisher", "Routledge."),
    ],
    [
        ("author", "Ibraimov S."),
        ("title", "China-Central Asia Trade Relations: Economic and Social Patterns,"),
        ("container-title", "China and Eurasia Forum Quarterly,"),
        ("volume", "Vol. 7,"),
        ("issue", "No.1,"),
        ("date", "2009,"),
        ("pages", "pp. 47-59."),
    ],
    [
        ("author", "Pantucci, Raffaello and Petersen, Alexandros"),
        ("date", "(2022)"),
        ("title", "Sinostan: China's Inadvertent Empire."),
        ("location", "Oxford:"),
        ("publisher", "Oxford University Press."),
    ],
    [
        ("author", "Hiro Dilip,"),
        (
            "title",
            "Inside Central Asia: A Political and Cultural History of Uzbekistan, Turkmenistan, Kazakhstan, Kyrgyzstan, Tajikistan, Turkey, and Iran,",
        ),
        ("publisher", "Overlook Duckworth,"),
        ("location", "New York and London,"),
        ("date", "2009."),
    ],
    [
        ("author", "Kazantsev, Andrei"),
        ("date", "(2008)."),
        ("title", "Russian Policy in Central Asia and the Caspian Sea Region."),
        ("container-title", "Europe-Asia Studies,"),
        ("volume", "60"),
        ("issue", "(6),"),
        ("pages", "1073-1088."),
    ],
    [
        ("author", "Bohr Annette,"),
        ("title", "Uzbekistan: Politics and Foreign Policy,"),
        ("publisher", "Royal Institute of International Affairs,"),
        ("location", "London,"),
        ("date", "1998,"),
        ("pages", "pp. 1-68."),
    ],
    [
        ("author", "Starr S. Frederick,"),
        ("title", "“A Partnership for Central Asia”,"),
        ("container-title", "Foreign Affairs,"),
        ("date", "July/August 2005."),
    ],
]


def build() -> list[dict]:
    out = []
    for n, entry in enumerate(ENTRIES):
        text = ""
        segments = []
        for label, piece in entry:
            tight = piece.startswith("|")
            piece = piece.lstrip("|")
            text += ("" if (tight or not text) else " ") + piece
            segments.append([label, piece])
        fields: dict = {}
        for label, piece in segments:
            fields.setdefault(label, []).append(piece)
        out.append(
            {
                "id": f"citekit/essay-eval#{n}",
                "source": "citekit:tests/data/parser",
                "text": text,
                "fields": fields,
                "segments": segments,
            }
        )
    return out


if __name__ == "__main__":
    path = Path(__file__).with_name("essay-eval.jsonl")
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in build()), "utf-8")
    print(f"wrote {len(ENTRIES)} references to {path}")
