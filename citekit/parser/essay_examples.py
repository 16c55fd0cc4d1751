"""Labelled examples in essay / social-science reference style, written for citekit.

The public training sets are mostly science styles.  Essay reference lists
look different: numbered lists, family names first without a comma ("Waltz
Kenneth"), all-caps families, missing spaces ("S.,The"), curly quotes, titles
with a year range inside, editions spelled out ("fifth edition"), think-tank
reports, web pages with "Available at: ... (accessed ...)", conference papers,
Russian "//" and "—" punctuation, trailing page counts, Portuguese, Spanish and
French lists with "Disponível em:" / "Acesso em:".

This module composes such references from small hand-written tables of works
(real, well-known titles or invented ones), authors, publishers and places,
with a fixed seed, and writes them in the shared JSONL format:

    python -m citekit.parser.essay_examples [-o citekit/parser/data/essay-style.jsonl]

Labelling conventions (the same as the AnyStyle sets): trailing punctuation
belongs to the field before it; "pp."/"p."/"С." belong to pages, "vol."
to volume, "no."/"№" to issue, "(eds)" to editor, "trans." to translator,
"In"/"in" to the container; "paper presented at the ..." is an event;
"Available at:" is a note; "accessed ..." is accessed; a trailing page count
("320 p.", "— 412 с.") is pages.
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

SEED = 4242

# family, given, middle (initial or second given name)
PEOPLE = [
    ("Huntington", "Samuel", "P."),
    ("Waltz", "Kenneth", "N."),
    ("Brzezinski", "Zbigniew", ""),
    ("Kissinger", "Henry", ""),
    ("Fukuyama", "Francis", ""),
    ("Allison", "Graham", "T."),
    ("Jervis", "Robert", ""),
    ("Wendt", "Alexander", ""),
    ("Gilpin", "Robert", ""),
    ("Kennan", "George", "F."),
    ("Ikenberry", "John", "G."),
    ("Walt", "Stephen", "M."),
    ("Krasner", "Stephen", "D."),
    ("Morgenthau", "Hans", "J."),
    ("Bull", "Hedley", ""),
    ("Buzan", "Barry", ""),
    ("Katzenstein", "Peter", "J."),
    ("Putnam", "Robert", "D."),
    ("Tsygankov", "Andrei", "P."),
    ("Trenin", "Dmitri", ""),
    ("Lo", "Bobo", ""),
    ("Cooley", "Alexander", ""),
    ("Laruelle", "Marlene", ""),
    ("Rumer", "Eugene", "B."),
    ("Olcott", "Martha", "Brill"),
    ("Stent", "Angela", "E."),
    ("Sakwa", "Richard", ""),
    ("Kagan", "Robert", ""),
    ("Zakaria", "Fareed", ""),
    ("Krastev", "Ivan", ""),
    ("Lukin", "Alexander", ""),
    ("Karaganov", "Sergei", "A."),
    ("Hill", "Fiona", ""),
    ("Gaddy", "Clifford", "G."),
    ("Treisman", "Daniel", ""),
    ("Shevtsova", "Lilia", ""),
    ("Legvold", "Robert", ""),
    ("Rashid", "Ahmed", ""),
    ("Starr", "Frederick", "S."),
    ("Collins", "Kathleen", ""),
    ("Heathershaw", "John", ""),
    ("Schatz", "Edward", ""),
    ("Cornell", "Svante", "E."),
    ("Gleason", "Gregory", ""),
    ("Marat", "Erica", ""),
    ("Kassenova", "Nargis", ""),
    ("Peyrouse", "Sebastien", ""),
    ("Kavalski", "Emilian", ""),
    ("Pomfret", "Richard", ""),
    ("Wohlforth", "William", "C."),
    ("Acharya", "Amitav", ""),
    ("Shambaugh", "David", ""),
    ("Friedberg", "Aaron", "L."),
    ("Posen", "Barry", "R."),
    ("Snyder", "Jack", ""),
    ("Schweller", "Randall", "L."),
    ("Lake", "David", "A."),
    ("Ruggie", "John", "Gerard"),
    ("Finnemore", "Martha", ""),
    ("Sikkink", "Kathryn", ""),
    ("Slaughter", "Anne-Marie", ""),
    ("Mead", "Walter", "Russell"),
    ("Kupchan", "Charles", "A."),
    ("Haass", "Richard", "N."),
    ("Gaddis", "John", "Lewis"),
    ("Lieven", "Anatol", ""),
    ("Kotkin", "Stephen", ""),
    ("Kaplan", "Robert", "D."),
    ("Ferguson", "Niall", ""),
    ("Mackinder", "Halford", "J."),
    ("Spykman", "Nicholas", "J."),
    ("Ambrosio", "Thomas", ""),
    ("Wilson", "Andrew", ""),
    ("Menon", "Rajan", ""),
    ("Blank", "Stephen", "J."),
    ("Kuchins", "Andrew", "C."),
    ("Weitz", "Richard", ""),
    ("Oliker", "Olga", ""),
    ("Charap", "Samuel", ""),
    ("Colton", "Timothy", "J."),
    ("Gvosdev", "Nikolas", "K."),
    ("Dannreuther", "Roland", ""),
    ("Duncan", "Peter", "J. S."),
    ("Freire", "Maria", "Raquel"),
    ("Light", "Margot", ""),
    ("Mankiw", "Gregory", "N."),
    ("Sen", "Amartya", ""),
    ("Acemoglu", "Daron", ""),
    ("Robinson", "James", "A."),
    ("Anderson", "Benedict", ""),
    ("Gellner", "Ernest", ""),
    ("Hobsbawm", "Eric", "J."),
    ("Said", "Edward", "W."),
    ("Tilly", "Charles", ""),
    ("Skocpol", "Theda", ""),
    ("Levitsky", "Steven", ""),
    ("Way", "Lucan", "A."),
    ("Hale", "Henry", "E."),
    ("Gel'man", "Vladimir", ""),
    ("Bremmer", "Ian", ""),
    ("Mahbubani", "Kishore", ""),
    ("Roy", "Olivier", ""),
    ("Akiner", "Shirin", ""),
    ("Matveeva", "Anna", ""),
    ("Kuzio", "Taras", ""),
    ("de Haas", "Marcel", ""),
    ("van Herpen", "Marcel", "H."),
    ("Hopf", "Ted", ""),
    ("Mazower", "Mark", ""),
    ("Judt", "Tony", ""),
    ("Applebaum", "Anne", ""),
    ("Galeotti", "Mark", ""),
    ("Kofman", "Michael", ""),
    ("Giles", "Keir", ""),
    ("Monaghan", "Andrew", ""),
    ("Götz", "Elias", ""),
    ("Müller", "Jan-Werner", ""),
]
RU_PEOPLE = [
    ("Лукин", "А.", "В."),
    ("Караганов", "С.", "А."),
    ("Тренин", "Д.", "В."),
    ("Богатуров", "А.", "Д."),
    ("Торкунов", "А.", "В."),
    ("Шаклеина", "Т.", "А."),
    ("Кортунов", "С.", "В."),
    ("Цыганков", "А.", "П."),
    ("Лебедева", "М.", "М."),
    ("Арбатова", "Н.", "К."),
    ("Мельвиль", "А.", "Ю."),
    ("Ефимова", "Л.", "М."),
]

BOOK_TITLES = [
    "The Clash of Civilizations and the Remaking of World Order",
    "Theory of International Politics",
    "The Grand Chessboard: American Primacy and Its Geostrategic Imperatives",
    "World Order",
    "The End of History and the Last Man",
    "Essence of Decision: Explaining the Cuban Missile Crisis",
    "Perception and Misperception in International Politics",
    "Social Theory of International Politics",
    "War and Change in World Politics",
    "The Anarchical Society. A Study of Order in World Politics",
    "People, States and Fear",
    "Regions and Powers: The Structure of International Security",
    "Russia and the Idea of the West. Gorbachev, Intellectuals, and the End of the Cold War",
    "Russia's Foreign Policy: Change and Continuity in National Identity",
    "Great Games, Local Rules. The New Great Power Contest in Central Asia",
    "Axis of Convenience: Moscow, Beijing, and the New Geopolitics",
    "Central Asia in International Relations. The Legacies of Halford Mackinder",
    "The Limits of Partnership: U.S.-Russian Relations in the Twenty-First Century",
    "Mr. Putin: Operative in the Kremlin",
    "Russia's Role in the World",
    "Soviet Nationality Policy, 1923-1939",
    "The Struggle for Central Asia, 1991–2011",
    "Imagined Communities. Reflections on the Origin and Spread of Nationalism",
    "Nations and Nationalism",
    "The Age of Extremes: The Short Twentieth Century, 1914-1991",
    "Orientalism",
    "Coercion, Capital, and European States, AD 990-1992",
    "Competitive Authoritarianism: Hybrid Regimes after the Cold War",
    "Why Nations Fail. The Origins of Power, Prosperity, and Poverty",
    "Patronal Politics: Eurasian Regime Dynamics in Comparative Perspective",
    "Taliban: Militant Islam, Oil and Fundamentalism in Central Asia",
    "Clan Politics and Regime Transition in Central Asia",
    "The Return of Geopolitics in Europe?",
    "Russia and Its Near Neighbours",
    "Russia's Security Policy under Putin: A Critical Perspective",
    "Dangerous Liaisons: Russia, China and the West, 1989-2014",
    "Frozen Conflicts and Great Power Politics in the Black Sea Region",
    "The Russian Challenge",
    "Postwar: A History of Europe Since 1945",
    "Gulag: A History",
    "The Vory: Russia's Super Mafia",
    "Russia's Military Revival",
    "The New Russian Nationalism",
    "The Globalization of World Politics",
    "Development as Freedom",
    "Principles of Economics",
    "Strategies of Containment",
    "The Revenge of Geography",
    "Eurasian Integration and the Russian World",
    "Energy Security in Central Asia: Pipelines, Politics and Power 2000-2020",
]
ARTICLE_TITLES = [
    "The Rise of China and the Future of the West",
    "Russia's Pivot to Asia: Myth or Reality?",
    "Why Central Asia Matters",
    "Energy Security and the Caspian Basin",
    "The Shanghai Cooperation Organization and Regional Security",
    "Soft Balancing against the United States",
    "The Eurasian Economic Union: Deals, Rules and the Exercise of Power",
    "Water Conflicts in Central Asia: Myth and Reality",
    "Authoritarian Learning in Post-Soviet States",
    "Hegemony and Its Discontents",
    "Great Power Rivalry in Central Asia after 2001",
    "Russia's Near Abroad Policy, 1992-2008",
    "The Unipolar Moment",
    "The Sources of Soviet Conduct",
    "The False Promise of Liberal Institutions? A Reply",
    "Anarchy Is What States Make of It",
    "The Geographical Pivot of History",
    "Cooperation under the Security Dilemma",
    "Russia and Central Asia: Post-Soviet Interaction",
    "Kazakhstan's Multi-Vector Foreign Policy",
    "China in Central Asia: Securitisation and Economic Penetration",
    "The Myth of Post-Soviet Regional Integration",
    "Managing the Post-Soviet Space",
    "Democracy Promotion and Its Limits in Uzbekistan",
    "The New Great Game in Central Asia",
    "Migration, Remittances and Power in Tajikistan",
    "Afghanistan after the Withdrawal, 2014-2016",
    "Why Russia Invaded Georgia",
    "Sanctions and the Russian Economy",
    "The Crimea Annexation Revisited",
    "Turkmenistan's Gas and the Politics of Neutrality",
    "Islam and Politics in Kyrgyzstan",
    "Belt and Road and Eurasian Connectivity",
    "The Collective Security Treaty Organization at Twenty",
    "Geopolitics of the Arctic",
    "Identity and Foreign Policy in Post-Soviet Russia",
]
RU_TITLES = [
    "Россия и Центральная Азия: новые вызовы",
    "Внешняя политика России в XXI веке",
    "Евразийская интеграция: итоги и перспективы",
    "Поворот на Восток и Шанхайская организация сотрудничества",
    "Мировой порядок после 2014 года",
    "Центральная Азия в системе международных отношений",
]
JOURNALS = [
    "Foreign Affairs",
    "International Security",
    "Survival",
    "Europe-Asia Studies",
    "Central Asian Survey",
    "Problems of Post-Communism",
    "The Washington Quarterly",
    "International Affairs",
    "Journal of Democracy",
    "Post-Soviet Affairs",
    "World Politics",
    "Asian Survey",
    "Security Dialogue",
    "Journal of Eurasian Studies",
    "Russia in Global Affairs",
    "Orbis",
    "Foreign Policy",
    "The National Interest",
    "Journal of Contemporary China",
    "International Organization",
    "Geographical Journal",
    "Demokratizatsiya",
    "Russian Politics",
    "Journal of Strategic Studies",
    "Contemporary Security Policy",
    "Nationalities Papers",
]
RU_JOURNALS = [
    "Международная жизнь",
    "Мировая экономика и международные отношения",
    "Полис. Политические исследования",
    "Россия в глобальной политике",
    "Вестник МГИМО-Университета",
    "Международные процессы",
]
PUBLISHERS = [
    ("Simon & Schuster", "New York"),
    ("Addison-Wesley", "Reading, MA"),
    ("Basic Books", "New York"),
    ("Penguin Press", "New York"),
    ("Free Press", "New York"),
    ("Cambridge University Press", "Cambridge"),
    ("Oxford University Press", "Oxford"),
    ("Princeton University Press", "Princeton"),
    ("Columbia University Press", "New York"),
    ("Routledge", "London"),
    ("Taylor&Francis", "Abingdon"),
    ("Palgrave Macmillan", "Basingstoke"),
    ("Rowman & Littlefield", "Lanham, MD"),
    ("Brookings Institution Press", "Washington, DC"),
    ("Hurst", "London"),
    ("Zed Books", "London"),
    ("I.B. Tauris", "London"),
    ("Lynne Rienner", "Boulder, CO"),
    ("Yale University Press", "New Haven"),
    ("Harvard University Press", "Cambridge, MA"),
    ("Polity Press", "Cambridge"),
    ("Verso", "London"),
    ("Little, Brown and Company", "Boston"),
    ("W. W. Norton", "New York"),
    ("Knopf", "New York"),
    ("Ashgate", "Farnham"),
    ("Stanford University Press", "Stanford"),
    ("Cornell University Press", "Ithaca"),
    ("Westview Press", "Boulder"),
    ("Macmillan", "London"),
    ("Vintage", "New York"),
    ("Edinburgh University Press", "Edinburgh"),
    ("Manchester University Press", "Manchester"),
    ("Springer", "Cham"),
    ("Wiley-Blackwell", "Oxford"),
    ("Sage", "London"),
    ("Public Affairs", "New York"),
    ("Carnegie Endowment for International Peace", "Washington D.C."),
    ("Chatham House", "London"),
]
RU_PUBLISHERS = [
    ("Международные отношения", "М."),
    ("Аспект Пресс", "М."),
    ("Весь мир", "М."),
    ("Наука", "Москва"),
    ("Изд-во СПбГУ", "СПб."),
]
THINK_TANKS = [
    "RAND Corporation",
    "RAND",
    "Center for Strategic and International Studies",
    "Carnegie Moscow Center",
    "International Crisis Group",
    "Brookings Institution",
    "Chatham House",
    "SIPRI",
    "European Council on Foreign Relations",
    "Valdai Discussion Club",
    "Russian International Affairs Council",
    "Jamestown Foundation",
    "Council on Foreign Relations",
    "Wilson Center",
    "Istituto Affari Internazionali",
    "Central Asia-Caucasus Institute",
    "Norwegian Institute of International Affairs",
    "CEPS",
    "German Marshall Fund",
    "Finnish Institute of International Affairs",
    "Atlantic Council",
]
CITIES = [
    "Washington D.C.",
    "Washington, DC",
    "London",
    "Moscow",
    "Brussels",
    "Santa Monica, CA",
    "Berlin",
    "Stockholm",
    "Oslo",
    "Helsinki",
    "Almaty",
    "Bishkek",
    "Tashkent",
    "Astana",
    "Paris",
    "Rome",
    "Warsaw",
    "Vienna",
    "Geneva",
    "New York",
    "Beijing",
    "Istanbul",
    "Budapest",
    "Prague",
]
SITES = [
    ("The Diplomat", "https://thediplomat.com/{y}/{m:02d}/{slug}/"),
    ("Eurasianet", "https://eurasianet.org/{slug}"),
    ("Eurasia Daily Monitor", "https://jamestown.org/program/{slug}/"),
    ("BBC News", "https://www.bbc.com/news/world-asia-{n}"),
    ("The Guardian", "https://www.theguardian.com/world/{y}/{mon}/{d:02d}/{slug}"),
    ("Carnegie Moscow Center", "https://carnegie.ru/commentary/{n}"),
    ("War on the Rocks", "https://warontherocks.com/{y}/{m:02d}/{slug}/"),
    ("Foreign Policy", "https://foreignpolicy.com/{y}/{m:02d}/{d:02d}/{slug}/"),
    ("Russia in Global Affairs", "https://eng.globalaffairs.ru/articles/{slug}/"),
    ("RIAC", "https://russiancouncil.ru/en/analytics-and-comments/analytics/{slug}/"),
    ("Radio Free Europe/Radio Liberty", "https://www.rferl.org/a/{slug}/{n}.html"),
    ("Al Jazeera", "http://www.aljazeera.com/news/{y}/{m}/{slug}.html"),
    ("Reuters", "https://www.reuters.com/article/{slug}-idUSKBN{n}"),
    ("Valdai Club", "https://valdaiclub.com/a/highlights/{slug}/"),
    ("Kremlin.ru", "http://en.kremlin.ru/events/president/news/{n}"),
]
NEWSPAPERS = [
    "The New York Times",
    "The Washington Post",
    "Financial Times",
    "The Economist",
    "The Moscow Times",
    "Kommersant",
    "Nezavisimaya Gazeta",
    "Le Monde",
    "The Times",
    "Vedomosti",
]
EVENTS = [
    "ISA Annual Convention",
    "BISA Annual Conference",
    "ESCAS Conference",
    "CESS Annual Conference",
    "Annual Meeting of the American Political Science Association",
    "ICCEES World Congress",
    "ASN World Convention",
    "ECPR General Conference",
    "International Studies Association Congress",
    "Central Eurasian Studies Society Congress",
    "Annual Conference of the Association for Slavic Studies",
]
CORPORATE = [
    "World Bank",
    "International Crisis Group",
    "European Commission",
    "NATO",
    "OSCE",
    "United Nations",
    "Ministry of Foreign Affairs of the Russian Federation",
    "Council of the European Union",
    "International Monetary Fund",
    "Asian Development Bank",
    "UNDP",
    "Human Rights Watch",
    "Amnesty International",
    "U.S. Department of State",
    "European Parliament",
]
UNIVERSITIES = [
    "University of Oxford",
    "London School of Economics",
    "Harvard University",
    "University of Glasgow",
    "Central European University",
    "University of Cambridge",
    "Moscow State University",
    "Nazarbayev University",
    "King's College London",
]
EDITIONS = [
    "fifth edition",
    "2nd ed.",
    "3rd edn",
    "Second Edition",
    "revised edition",
    "4th edition",
    "third edition",
    "2nd edn.",
    "6th ed.",
    "new edition",
]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
MONTH_ABBR = [
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "May",
    "Jun.",
    "Jul.",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
]
REPORT_GENRES = [
    "Report",
    "Working Paper",
    "Policy Brief",
    "Research Report",
    "Briefing Paper",
    "Occasional Paper",
    "Analytical Report",
    "Asia Report",
    "Special Report",
]


class Builder:
    """Pieces of one reference: [label, text] pairs, joined by a space unless glued.

    ``record`` drops the space after a piece ending in "," or "." with the odds
    below (higher after the authors), the "R.,The" noise of real lists.  A
    subclass sets its own id prefix and source and may change the odds.
    """

    ID_PREFIX = "citekit/essay-style"
    SOURCE = "citekit:parser/essay_examples.py"
    TIGHT_AFTER_AUTHOR = 0.2
    TIGHT = 0.06

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.pieces: list[list] = []
        self.glued: set[int] = set()  # pieces joined to the one before without a space

    def add(self, label: str, text: str) -> Builder:
        if self.pieces and self.pieces[-1][0] == label:
            self.pieces[-1][1] += " " + text
        else:
            self.pieces.append([label, text])
        return self

    def glue(self, label: str, text: str) -> Builder:
        """Like ``add``, with no space before ``text``."""
        if self.pieces and self.pieces[-1][0] == label:
            self.pieces[-1][1] += text
        else:
            self.glued.add(len(self.pieces))
            self.pieces.append([label, text])
        return self

    def record(self, n: int) -> dict:
        text = ""
        segments = []
        for i, (label, seg) in enumerate(self.pieces):
            if i and i not in self.glued:
                prev = self.pieces[i - 1][1]
                after_author = self.pieces[i - 1][0] == "author"
                odds = self.TIGHT_AFTER_AUTHOR if after_author else self.TIGHT
                tight = prev.endswith((",", ".")) and self.rng.random() < odds
                text += "" if tight else " "
            text += seg
            segments.append([label, seg])
        fields: dict[str, Any] = {}
        for label, seg in segments:
            if label in ("author", "editor", "translator", "date"):
                fields.setdefault(label, []).append(seg)
            elif label in fields:
                prev = fields[label]
                fields[label] = [*prev, seg] if isinstance(prev, list) else [prev, seg]
            else:
                fields[label] = seg
        return {
            "id": f"{self.ID_PREFIX}#{n}",
            "source": self.SOURCE,
            "text": text,
            "fields": fields,
            "segments": segments,
        }


def render_person(p: tuple[str, str, str], style: str) -> str:
    fam, given, mid = p
    ini = given[0] + "."
    mid_ini = mid if (not mid or mid.endswith(".")) else mid[0] + "."
    full_given = f"{given} {mid}".strip()
    if style == "fam_comma_given":
        return f"{fam}, {full_given}"
    if style == "fam_comma_init":
        return f"{fam}, {ini}{(' ' + mid_ini) if mid_ini else ''}"
    if style == "fam_comma_init_tight":
        return f"{fam}, {ini}{mid_ini.replace(' ', '')}"
    if style == "fam_given":
        return f"{fam} {given}"
    if style == "fam_mid_given":
        return f"{fam} {mid_ini + ' ' if mid_ini else ''}{given}"
    if style == "caps":
        return f"{fam.upper()}, {given}{('. ' + mid_ini) if mid_ini else ''}"
    if style == "given_fam":
        return f"{full_given} {fam}"
    if style == "init_fam":
        return f"{ini} {(mid_ini + ' ') if mid_ini else ''}{fam}"
    if style == "fam_init":
        return f"{fam} {ini}{mid_ini.replace(' ', '')}"
    raise ValueError(style)


NAME_STYLES = [
    "fam_comma_given",
    "fam_comma_init",
    "fam_comma_init_tight",
    "fam_given",
    "fam_mid_given",
    "caps",
    "given_fam",
    "init_fam",
    "fam_init",
]


def authors(
    rng: random.Random, people=PEOPLE, k: int | None = None, style: str | None = None
) -> str:
    k = k or rng.choice([1, 1, 1, 1, 2, 2, 2, 3])
    ps = rng.sample(people, k)
    style = style or rng.choice(NAME_STYLES)
    first_inverted = style == "given_fam" and rng.random() < 0.4
    names = []
    for i, p in enumerate(ps):
        st = "fam_comma_given" if (first_inverted and i == 0) else style
        names.append(render_person(p, st))
    if k == 1:
        return names[0]
    joiner = rng.choice([", ", ", ", "; ", " and ", " & "])
    last = rng.choice([" and ", " & ", ", ", ", and "]) if joiner == ", " else joiner
    return joiner.join(names[:-1]) + last + names[-1]


def close(text: str, punct: str) -> str:
    """Append ``punct`` unless the text already ends with it (initials end in '.')."""
    return text if text.endswith(punct) else text + punct


def quoted(rng: random.Random, title: str, after: str) -> str:
    q = rng.choice(["“{}”", "“{}{}”", '"{}"', "‘{}’", "'{}'", "«{}»", "{}"])
    if q == "“{}{}”":
        return "“" + title + after + "”"
    return q.format(title) + after


def a_date(rng: random.Random) -> int:
    return rng.randint(1975, 2021)


def day_month_year(rng: random.Random, y: int | None = None) -> str:
    y = y or rng.randint(2014, 2022)
    d = rng.randint(1, 28)
    m = rng.randrange(12)
    return rng.choice(
        [
            f"{d} {MONTHS[m]} {y}",
            f"{MONTHS[m]} {d}, {y}",
            f"{d:02d}.{m + 1:02d}.{y}",
            f"{d} {MONTH_ABBR[m]} {y}",
            f"{y}-{m + 1:02d}-{d:02d}",
        ]
    )


def slugify(title: str) -> str:
    return "-".join("".join(c for c in w.lower() if c.isalnum()) for w in title.split()[:7]).strip(
        "-"
    )


def url_for(rng: random.Random, title: str) -> tuple[str, str]:
    site, pattern = rng.choice(SITES)
    m = rng.randint(1, 12)
    url = pattern.format(
        y=rng.randint(2012, 2021),
        m=m,
        d=rng.randint(1, 28),
        mon=MONTHS[m - 1][:3].lower(),
        slug=slugify(title),
        n=rng.randint(10000, 99999999),
    )
    return site, url


def number_label(b: Builder, rng: random.Random, n: int) -> None:
    r = rng.random()
    if r < 0.45:
        b.add("citation-number", f"{n}.")
    elif r < 0.55:
        b.add("citation-number", f"[{n}]")
    elif r < 0.62:
        b.add("citation-number", f"{n})")
    elif r < 0.66:
        b.add("citation-number", f"{n}")


# Each template adds the pieces of one reference kind.
def t_book_apa(b, r):
    pub, place = r.choice(PUBLISHERS)
    b.add("author", close(authors(r), ".") if r.random() < 0.7 else authors(r))
    b.add("date", f"({a_date(r)}).")
    b.add("title", r.choice(BOOK_TITLES) + ".")
    if r.random() < 0.3:
        b.add("edition", f"({r.choice(EDITIONS)}).")
    b.add("location", place + ":")
    b.add("publisher", pub + ".")


def t_book_essay(b, r):
    pub, place = r.choice(PUBLISHERS)
    b.add("author", authors(r) + ",")
    b.add("title", r.choice(BOOK_TITLES) + ",")
    if r.random() < 0.5:
        b.add("edition", r.choice(EDITIONS) + ",")
    b.add("publisher", pub + ",")
    b.add("location", place + ",")
    b.add("date", f"{a_date(r)}.")


def t_book_place_last(b, r):
    pub, place = r.choice(PUBLISHERS)
    b.add("author", close(authors(r), "."))
    b.add("title", r.choice(BOOK_TITLES) + ".")
    b.add("location", place + ":")
    b.add("publisher", pub + ",")
    b.add("date", f"{a_date(r)}.")
    if r.random() < 0.5:
        b.add("pages", f"{r.randint(120, 640)} p.")


def t_book_harvard(b, r):
    pub, place = r.choice(PUBLISHERS)
    b.add("author", authors(r))
    b.add("date", f"({a_date(r)})")
    b.add("title", r.choice(BOOK_TITLES) + ",")
    b.add("edition", r.choice(EDITIONS) + ".")
    b.add("location", place + ":")
    b.add("publisher", pub + ".")


def t_book_pub_first(b, r):
    pub, place = r.choice(PUBLISHERS)
    b.add("author", authors(r, style=r.choice(["fam_given", "fam_mid_given", "caps"])) + ".")
    b.add("title", r.choice(BOOK_TITLES) + ".")
    b.add("publisher", pub + ",")
    b.add("location", place + ",")
    b.add("date", f"{a_date(r)}.")


def t_article_harvard(b, r):
    b.add("author", authors(r))
    b.add("date", f"({a_date(r)})")
    b.add("title", quoted(r, r.choice(ARTICLE_TITLES), ","))
    b.add("container-title", r.choice(JOURNALS) + ",")
    b.add("volume", f"{r.randint(1, 80)}")
    b.add("issue", f"({r.randint(1, 6)}),")
    b.add("pages", f"pp. {_pages(r)}.")


def _pages(r) -> str:
    a = r.randint(1, 600)
    e = a + r.randint(5, 40)
    return r.choice([f"{a}-{e}", f"{a}–{e}", f"{a}-{str(e)[-2:]}" if e >= 100 else f"{a}-{e}"])


def t_article_in_no(b, r):
    y = a_date(r)
    b.add("author", authors(r) + ",")
    b.add("title", r.choice(ARTICLE_TITLES) + ",")
    b.add("container-title", f"in {r.choice(JOURNALS)},")
    b.add("issue", f"no. {r.randint(1, 6)},")
    b.add("date", f"{y},")
    b.add("pages", f"{_pages(r)}.")


def t_article_chicago(b, r):
    y = a_date(r)
    b.add("author", close(authors(r), "."))
    b.add("title", quoted(r, r.choice(ARTICLE_TITLES), "."))
    b.add("container-title", r.choice(JOURNALS))
    b.add("volume", str(r.randint(1, 90)) + ",")
    b.add("issue", f"no. {r.randint(1, 6)}")
    season = r.choice(
        ["Spring ", "Summer ", "Winter ", "Fall ", "", "March/April ", "July/August "]
    )
    b.add("date", f"({season}{y}):")
    b.add("pages", f"{_pages(r)}.")


def t_article_magazine(b, r):
    y = a_date(r)
    b.add("author", authors(r))
    b.add("date", f"({y}),")
    b.add("title", r.choice(ARTICLE_TITLES) + ".")
    b.add("container-title", r.choice(JOURNALS) + ",")
    mm = r.randrange(11)
    b.add("date", f"{MONTHS[mm]}/{MONTHS[mm + 1]} {y}.")


def t_article_vol_no(b, r):
    b.add("author", close(authors(r), ",") if r.random() < 0.5 else authors(r) + ".")
    b.add("title", r.choice(ARTICLE_TITLES) + ".")
    b.add("container-title", r.choice(JOURNALS) + ",")
    b.add("volume", f"Vol. {r.randint(1, 60)},")
    b.add("issue", f"No. {r.randint(1, 12)},")
    b.add("date", f"{a_date(r)},")
    b.add("pages", f"pp. {_pages(r)}.")


def t_chapter(b, r):
    pub, place = r.choice(PUBLISHERS)
    b.add("author", authors(r, k=1))
    b.add("date", f"({a_date(r)})")
    b.add("title", quoted(r, r.choice(ARTICLE_TITLES), ","))
    b.add("container-title", "in")
    eds = authors(r, style=r.choice(["given_fam", "init_fam", "fam_comma_init"]))
    b.add("editor", eds + " " + r.choice(["(eds)", "(eds.)", "(ed.)", "(Eds.),", "ed.,"]))
    b.add("container-title", r.choice(BOOK_TITLES) + ".")
    b.add("location", place + ":")
    b.add("publisher", pub + ",")
    b.add("pages", f"pp. {_pages(r)}.")


def t_chapter_in_colon(b, r):
    pub, place = r.choice(PUBLISHERS)
    y = a_date(r)
    b.add("author", close(authors(r), "."))
    b.add("title", r.choice(ARTICLE_TITLES) + ".")
    b.add(
        "editor",
        "In: "
        + authors(r, style="fam_comma_init")
        + r.choice([" (ed.)", " (eds.)", ", ed.", ", eds."]),
    )
    b.add("container-title", r.choice(BOOK_TITLES) + ".")
    b.add("location", place + ":")
    b.add("publisher", pub + ",")
    b.add("date", f"{y},")
    b.add("pages", f"p. {_pages(r)}.")


def t_report_think_tank(b, r):
    tank = r.choice(THINK_TANKS)
    y = a_date(r)
    b.add("author", authors(r) + ",")
    b.add("title", r.choice(ARTICLE_TITLES + BOOK_TITLES) + ",")
    b.add("publisher", tank)
    b.add("genre", r.choice(REPORT_GENRES))
    b.add("date", f"{y},")
    b.add("pages", f"{r.randint(5, 120)}.")


def t_report_numbered(b, r):
    tank = r.choice(THINK_TANKS)
    b.add("author", authors(r))
    b.add("date", f"({a_date(r)}).")
    b.add("title", r.choice(ARTICLE_TITLES) + ".")
    b.add("genre", f"{r.choice(REPORT_GENRES)} No. {r.randint(1, 300)}.")
    b.add("location", r.choice(CITIES) + ":")
    b.add("publisher", tank + ".")


def t_report_pages(b, r):
    tank = r.choice(THINK_TANKS)
    b.add("author", authors(r) + ",")
    b.add("title", r.choice(ARTICLE_TITLES) + ",")
    b.add("publisher", tank + ",")
    b.add("location", r.choice(CITIES) + ",")
    b.add("date", f"{a_date(r)},")
    b.add("pages", f"pp. 1-{r.randint(12, 90)}.")


def t_web_available(b, r):
    title = r.choice(ARTICLE_TITLES)
    site, url = url_for(r, title)
    if r.random() < 0.8:
        b.add("author", close(authors(r), "."))
    if r.random() < 0.6:
        b.add("date", f"({r.randint(2010, 2021)})")
    b.add("title", title + ".")
    b.add("container-title", site + ".")
    b.add("note", r.choice(["Available at:", "Available at", "Available from:", "Online:", "URL:"]))
    b.add("url", url)
    b.add(
        "accessed",
        r.choice(["(accessed {}).", "[Accessed {}].", "(Accessed on {})", "(viewed {})."]).format(
            day_month_year(r)
        ),
    )


def t_web_essay(b, r):
    title = r.choice(ARTICLE_TITLES)
    site, url = url_for(r, title)
    b.add("author", authors(r, k=1) + ",")
    b.add("title", quoted(r, title, ","))
    b.add("container-title", site + ",")
    if r.random() < 0.6:
        b.add("date", day_month_year(r) + ",")
    b.add("url", url + ",")
    b.add(
        "accessed",
        r.choice(["accessed {}", "accessed on {}", "Accessed: {}", "retrieved {}"]).format(
            day_month_year(r)
        )
        + r.choice([".", ""]),
    )


def t_web_bare(b, r):
    title = r.choice(ARTICLE_TITLES)
    _, url = url_for(r, title)
    b.add("author", authors(r, k=1) + ".")
    b.add("title", title + ".")
    b.add("url", url)
    if r.random() < 0.7:
        b.add("accessed", f"[accessed on {day_month_year(r)}]")


def t_conference(b, r):
    y = a_date(r)
    b.add("author", authors(r) + ",")
    b.add("title", r.choice(ARTICLE_TITLES) + r.choice([",", ".", ". "]).strip())
    b.add(
        "event",
        r.choice(["paper presented at the", "Paper presented at the", "paper presented at"])
        + f" {r.choice(EVENTS)},",
    )
    b.add("location", r.choice(CITIES) + ",")
    b.add("date", r.choice([f"{y}.", f"{r.randint(1, 28)} {r.choice(MONTHS)} {y}."]))


def t_conference_apa(b, r):
    y = a_date(r)
    b.add("author", close(authors(r), "."))
    b.add("date", f"({y}, {r.choice(MONTHS)}).")
    b.add("title", r.choice(ARTICLE_TITLES) + ".")
    b.add("event", f"Paper presented at the {r.choice(EVENTS)},")
    b.add("location", r.choice(CITIES) + ".")


def t_russian_article(b, r):
    b.add("author", authors(r, RU_PEOPLE, style="fam_init"))
    b.add("title", r.choice(RU_TITLES) + " //")
    b.add("container-title", r.choice(RU_JOURNALS) + ".")
    b.add("date", f"{a_date(r)}.")
    if r.random() < 0.5:
        b.add("volume", f"Т. {r.randint(1, 60)},")
    b.add("issue", f"№ {r.randint(1, 12)}.")
    b.add("pages", f"С. {_pages(r)}.")


def t_russian_book(b, r):
    pub, place = r.choice(RU_PUBLISHERS)
    b.add("author", authors(r, RU_PEOPLE, k=1, style="fam_init"))
    b.add("title", r.choice(RU_TITLES) + ". —")
    b.add("location", place + ":")
    b.add("publisher", pub + ",")
    b.add("date", f"{a_date(r)}. —")
    b.add("pages", f"{r.randint(120, 640)} с.")


def t_russian_latin(b, r):
    b.add("author", authors(r, style="fam_init"))
    b.add("title", r.choice(ARTICLE_TITLES) + " //")
    b.add("container-title", r.choice(JOURNALS) + ".")
    b.add("date", f"{a_date(r)}.")
    b.add("volume", f"Vol. {r.randint(1, 60)},")
    b.add("issue", f"№ {r.randint(1, 12)}.")
    b.add("pages", f"P. {_pages(r)}.")


def t_corporate(b, r):
    org = r.choice(CORPORATE)
    y = a_date(r)
    b.add("author", org)
    b.add("date", f"({y}).")
    b.add("title", r.choice(ARTICLE_TITLES) + ".")
    if r.random() < 0.5:
        b.add("location", r.choice(CITIES) + ":")
        b.add("publisher", r.choice([org, *THINK_TANKS]) + ".")
    else:
        title = b.pieces[-1][1]
        _, url = url_for(r, title)
        b.add("note", "Available at:")
        b.add("url", url)
        b.add("accessed", f"(accessed {day_month_year(r)}).")


def t_corporate_essay(b, r):
    org = r.choice(CORPORATE)
    b.add("author", org + ",")
    b.add("title", r.choice(ARTICLE_TITLES + BOOK_TITLES) + ",")
    b.add("location", r.choice(CITIES) + ",")
    b.add("date", f"{a_date(r)}.")


def t_corporate_report(b, r):
    org = r.choice(CORPORATE + THINK_TANKS)
    b.add("author", org + ",")
    b.add("title", r.choice(ARTICLE_TITLES) + ",")
    b.add(
        "genre",
        f"{r.choice(REPORT_GENRES)} {r.choice(['N°', 'No. ', 'no. ', '#', ''])}{r.randint(1, 300)},",
    )
    b.add("location", r.choice(CITIES) + ",")
    b.add("date", f"{a_date(r)}.")


def t_corporate_web(b, r):
    org = r.choice(CORPORATE)
    title = r.choice(ARTICLE_TITLES)
    _, url = url_for(r, title)
    b.add("author", org + r.choice([".", ",", ""]))
    if r.random() < 0.5:
        b.add("date", f"({r.randint(2005, 2021)}).")
    b.add("title", quoted(r, title, r.choice([".", ","])))
    b.add("url", url)
    b.add(
        "accessed",
        r.choice(["(accessed {}).", "(accessed {})", "[accessed {}]", "accessed {}."]).format(
            day_month_year(r)
        ),
    )


def t_thesis(b, r):
    b.add("author", authors(r, k=1))
    b.add("date", f"({a_date(r)})")
    b.add("title", r.choice(ARTICLE_TITLES) + ".")
    b.add(
        "genre",
        r.choice(["PhD thesis,", "PhD dissertation,", "Doctoral dissertation,", "MA thesis,"]),
    )
    b.add("publisher", r.choice(UNIVERSITIES) + ".")


def t_newspaper(b, r):
    y = r.randint(2005, 2021)
    b.add("author", authors(r, k=1) + ",")
    b.add("title", quoted(r, r.choice(ARTICLE_TITLES), ","))
    b.add("container-title", r.choice(NEWSPAPERS) + ",")
    b.add("date", f"{r.randint(1, 28)} {r.choice(MONTHS)} {y}.")


def t_translated(b, r):
    pub, place = r.choice(PUBLISHERS)
    b.add("author", authors(r, k=1) + ",")
    b.add("title", r.choice(BOOK_TITLES) + ",")
    b.add("translator", "trans. " + authors(r, k=1, style="given_fam"))
    b.add("location", f"({place}:")
    b.add("publisher", pub + ",")
    b.add("date", f"{a_date(r)}).")


def t_edited_book(b, r):
    pub, place = r.choice(PUBLISHERS)
    b.add(
        "editor",
        authors(r, k=r.choice([1, 2])) + r.choice([" (eds)", " (ed.)", " (Eds.)", ", eds.,"]),
    )
    b.add("date", f"({a_date(r)})")
    b.add("title", r.choice(BOOK_TITLES) + ".")
    b.add("location", place + ":")
    b.add("publisher", pub + ".")


def t_year_last_caps(b, r):
    pub, place = r.choice(PUBLISHERS)
    b.add("author", authors(r, k=1, style="caps") + ".")
    b.add("title", r.choice(BOOK_TITLES) + ".")
    b.add("location", place + ":")
    b.add("publisher", pub + ",")
    b.add("date", f"{a_date(r)}.")


# Portuguese, Spanish and French lists (ABNT and similar): capitalized family
# names, "Disponível em:" before the address and "Acesso em:" after it.
ROMANCE_PEOPLE = [
    ("Albuquerque", "Mariana", ""),
    ("Carvalho", "Renato", "S."),
    ("Pereira", "Luísa", ""),
    ("Gonçalves", "Tiago", "M."),
    ("Ribeiro", "Helena", ""),
    ("Moreno", "Javier", ""),
    ("Castillo", "Lucía", "E."),
    ("Navarro", "Andrés", ""),
    ("Lefèvre", "Claire", ""),
    ("Moreau", "Étienne", ""),
]
ROMANCE_TITLES = [
    "A cidade e os seus mercados: notas sobre o comércio de rua",
    "Memória e território no interior do país",
    "O que os arquivos de bairro ensinam sobre a escola pública",
    "Vozes da periferia na imprensa regional",
    "La ciudad y sus márgenes",
    "Crónica de una reforma educativa inconclusa",
    "El lenguaje de los anuncios: un estudio de caso",
    "Les archives du quotidien",
    "Écrire la ville: carnets d'un enquêteur",
    "Le marché couvert et ses usagers",
]
ROMANCE_SITES = [
    ("Folha de S.Paulo", "https://www1.folha.uol.com.br/cotidiano/{y}/{m:02d}/{slug}.shtml"),
    ("Público", "https://www.publico.pt/{y}/{m:02d}/{d:02d}/sociedade/noticia/{slug}-{n}"),
    ("Revista Piauí", "https://piaui.folha.uol.com.br/{slug}/"),
    ("El País", "https://elpais.com/cultura/{y}-{m:02d}-{d:02d}/{slug}.html"),
    ("Le Monde", "https://www.lemonde.fr/societe/article/{y}/{m:02d}/{d:02d}/{slug}_{n}.html"),
]
ROMANCE_PUBLISHERS = [
    ("Editora Contexto", "São Paulo"),
    ("Forense Universitária", "Rio de Janeiro"),
    ("Edições 70", "Lisboa"),
    ("Siglo XXI", "Madrid"),
    ("Gallimard", "Paris"),
]
# (months, abbreviated months, "available at", "accessed on", long and short date)
ROMANCE = [
    (
        "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
        "jan. fev. mar. abr. maio jun. jul. ago. set. out. nov. dez.",
        ("Disponível em:", "Disponível em"),
        ("Acesso em: {}.", "Acesso em {}.", "Acessado em: {}."),
        ("{d} de {month} de {y}", "{d} {month} {y}"),
    ),
    (
        "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
        "ene. feb. mar. abr. may. jun. jul. ago. sept. oct. nov. dic.",
        ("Disponible en:", "Disponible en"),
        ("Consultado el {}.", "Fecha de consulta: {}.", "[Consulta: {}]."),
        ("{d} de {month} de {y}", "{d} {month} {y}"),
    ),
    (
        "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
        "janv. févr. mars avr. mai juin juil. août sept. oct. nov. déc.",
        ("Disponible sur :", "Disponible sur"),
        ("(consulté le {}).", "Consulté le {}."),
        ("{d} {month} {y}", "{d} {month} {y}"),
    ),
]


def _romance_date(r, lang: tuple, y: int, short: bool = False) -> str:
    months = (lang[1] if short else lang[0]).split()
    return lang[4][short].format(d=r.randint(1, 28), month=r.choice(months), y=y)


def t_web_abnt(b, r):
    lang = r.choice(ROMANCE)
    title = r.choice(ROMANCE_TITLES)
    site, pattern = r.choice(ROMANCE_SITES)
    y = r.randint(2012, 2021)
    url = pattern.format(
        y=y, m=r.randint(1, 12), d=r.randint(1, 28), slug=slugify(title), n=r.randint(1000, 99999)
    )
    b.add("author", close(authors(r, ROMANCE_PEOPLE + PEOPLE, style="caps"), "."))
    b.add("title", title + ".")
    b.add("container-title", site + r.choice([",", "."]))
    if r.random() < 0.7:
        b.add("date", _romance_date(r, lang, y) + ".")
    else:
        b.add("date", f"{y}.")
    b.add("note", r.choice(lang[2]))
    b.add("url", r.choice(["{}", "<{}>.", "{}."]).format(url))
    b.add("accessed", r.choice(lang[3]).format(_romance_date(r, lang, y + r.randint(0, 2), True)))


def t_book_abnt(b, r):
    pub, place = r.choice(ROMANCE_PUBLISHERS)
    y = r.randint(1990, 2021)
    b.add("author", close(authors(r, ROMANCE_PEOPLE + PEOPLE, style="caps"), "."))
    b.add("title", r.choice(ROMANCE_TITLES) + ".")
    if r.random() < 0.3:
        b.add("translator", "Trad. " + authors(r, ROMANCE_PEOPLE, k=1, style="given_fam") + ".")
    if r.random() < 0.4:
        b.add("edition", r.choice(["2. ed.", "3. ed.", "4ª ed.", "5. ed. rev."]))
    b.add("location", place + ":")
    b.add("publisher", pub + ",")
    b.add("date", r.choice(["{}.", "{} [{}]."]).format(y, y - r.randint(20, 60)))


TEMPLATES = [
    (t_book_apa, 16),
    (t_book_essay, 24),
    (t_book_place_last, 12),
    (t_book_harvard, 8),
    (t_book_pub_first, 16),
    (t_article_harvard, 12),
    (t_article_in_no, 14),
    (t_article_chicago, 10),
    (t_article_magazine, 10),
    (t_article_vol_no, 12),
    (t_chapter, 12),
    (t_chapter_in_colon, 8),
    (t_report_think_tank, 16),
    (t_report_numbered, 10),
    (t_report_pages, 10),
    (t_web_available, 18),
    (t_web_essay, 16),
    (t_web_bare, 8),
    (t_conference, 16),
    (t_conference_apa, 8),
    (t_russian_article, 14),
    (t_russian_book, 8),
    (t_russian_latin, 6),
    (t_corporate, 12),
    (t_corporate_essay, 10),
    (t_corporate_report, 12),
    (t_corporate_web, 10),
    (t_thesis, 6),
    (t_newspaper, 8),
    (t_translated, 5),
    (t_edited_book, 6),
    (t_year_last_caps, 8),
    (t_web_abnt, 14),
    (t_book_abnt, 8),
]


def generate(seed: int = SEED) -> list[dict]:
    """All examples, deterministic for a seed."""
    r = random.Random(seed)
    out = []
    n = 0
    for template, count in TEMPLATES:
        for _ in range(count):
            b = Builder(r)
            number_label(b, r, r.randint(1, 40))
            template(b, r)
            out.append(b.record(n))
            n += 1
    return out


def examples_main(
    argv: list[str] | None,
    module: str,
    filename: str,
    generate: Callable[[int], list[dict]],
    seed: int,
) -> int:
    """The command line of an examples module: write its JSONL file."""
    ap = argparse.ArgumentParser(prog=f"python -m citekit.parser.{module}")
    default = Path(__file__).resolve().parent / "data" / filename
    ap.add_argument("-o", "--output", type=Path, default=default)
    ap.add_argument("--seed", type=int, default=seed)
    args = ap.parse_args(argv)
    records = generate(args.seed)
    with args.output.open("w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"wrote {len(records)} examples to {args.output}")
    return 0


def main(argv: list[str] | None = None) -> int:
    return examples_main(argv, "essay_examples", "essay-style.jsonl", generate, SEED)


if __name__ == "__main__":
    raise SystemExit(main())
