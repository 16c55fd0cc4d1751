"""Labelled examples in science, mathematics, engineering and thesis reference styles.

The sibling of ``essay_examples``: it composes references in styles the essay
module lacks (physics and astronomy, AMS, LNCS/ACM/IEEE, Vancouver, ACS, ASCE,
APA/MLA/Chicago chapters and dissertations, German "Hrsg." and French "dir.")
from small hand-written tables of invented or well-known works, with a fixed
seed, and writes them in the shared JSONL format:

    python -m citekit.parser.style_examples [-o citekit/parser/data/styles.jsonl]

Labelling conventions (those of ``essay_examples`` and the AnyStyle sets): the
whole author list is one author segment, and an editor list with its markers
("(Eds.)", "eds.", "Hrsg.", "dir.", "In"/"In:" when the list follows it) one
editor segment; otherwise "In" belongs to the container; trailing punctuation
belongs to the field before it; "pp."/"pages"/"S."/"p." go with pages,
"vol."/"volume"/"v." with volume ("of LNCS" is the collection-title),
"no." with issue; a month goes with the date; journals are container-title,
book series collection-title; "Ph.D. thesis"/"Technical Report ..." are genre
and the school or institution publisher; arXiv ids, "in press", "submitted",
"Preprint" and "Retrieved from ..." are notes.
"""

from __future__ import annotations

import random
from typing import Any

from citekit.parser.essay_examples import MONTH_ABBR, MONTHS, Builder, close, examples_main

SEED = 9001

# family, given, middle
PEOPLE = [
    ("Halvorsen", "Ingrid", "M."),
    ("Okafor", "Chidi", ""),
    ("Brandt", "Lukas", "J."),
    ("Moreau", "Jean-Pierre", ""),
    ("Tanaka", "Hiroshi", ""),
    ("Kowalski", "Marta", "E."),
    ("Lindqvist", "Sven", "A."),
    ("Petrov", "Alexei", "N."),
    ("Castillo", "Maria", "Luisa"),
    ("Nakamura", "Yuki", ""),
    ("O'Connell", "Siobhan", ""),
    ("Weber", "Friedrich", "K."),
    ("van Dijk", "Pieter", ""),
    ("de Oliveira", "Ana", "C."),
    ("Rossi", "Giulia", ""),
    ("Fischer", "Anna", "L."),
    ("Chandra", "Ravi", "K."),
    ("Goldberg", "Nathan", "S."),
    ("Hartmann", "Eva", ""),
    ("Zhang", "Wei", ""),
    ("Li", "Xiaoming", ""),
    ("Kim", "Soo-Jin", ""),
    ("Novak", "Tomas", ""),
    ("Fontaine", "Claire", "B."),
    ("Mbeki", "Thandiwe", ""),
    ("Sørensen", "Mads", "H."),
    ("Ivanova", "Elena", "V."),
    ("Abernathy", "George", "W."),
    ("Whitfield", "Helen", "R."),
    ("Carver", "Thomas", "J."),
    ("Duarte", "Rafael", ""),
    ("Engström", "Karin", ""),
    ("Farouk", "Omar", "A."),
    ("Gallagher", "Patrick", "D."),
    ("Haddad", "Leila", ""),
    ("Iwasaki", "Kenji", ""),
    ("Jablonski", "Piotr", ""),
    ("Keller", "Martin", "F."),
    ("Larsen", "Birgit", ""),
    ("Meyer", "Johannes", ""),
    ("Nguyen", "Thi", "Lan"),
    ("Ortega", "Luis", "M."),
    ("Pereira", "João", ""),
    ("Quinn", "Deborah", "A."),
    ("Ramanujan", "Lakshmi", ""),
    ("Schulz", "Wolfgang", ""),
    ("Thornton", "Alice", "B."),
    ("Ueda", "Masaki", ""),
    ("Varga", "Zoltán", ""),
    ("Whitaker", "Samuel", "P."),
    ("Yilmaz", "Emre", ""),
    ("Zimmermann", "Katrin", ""),
    ("Dupont", "Jean", ""),
    ("Lefèvre", "Sophie", ""),
    ("Müller", "Hans", "G."),
    ("Schmidt", "Karl", ""),
    ("Bianchi", "Marco", ""),
    ("Hughes", "Rebecca", "L."),
    ("Patel", "Anil", "K."),
    ("Morgan", "David", "E."),
]

SCI_TITLES = [
    "Quantum fluctuations in mesoscopic rings",
    "Spin relaxation in two-dimensional electron gases",
    "On the stability of rotating fluid shells",
    "Anomalous diffusion in disordered media",
    "Dark matter halos of dwarf galaxies",
    "A measurement of the Hubble constant from lensed quasars",
    "Renormalization of gauge theories on the lattice",
    "Critical exponents of the three-dimensional Ising model",
    "Thermal transport in layered superconductors",
    "Nonlinear waves in stratified fluids",
    "Soliton solutions of the nonlinear Schrödinger equation",
    "Neutrino oscillations in matter",
    "Entanglement entropy and conformal field theory",
    "Star formation in the outer disk of M83",
    "The mass function of young star clusters",
    "Chaotic scattering in billiards",
    "Electron correlation in transition metal oxides",
    "Radiative corrections to the Higgs boson mass",
    "Turbulent mixing at high Reynolds number",
    "Optical lattices for ultracold atoms",
]
MATH_TITLES = [
    "On the cohomology of certain arithmetic groups",
    "A remark on the Kakeya problem",
    "Uniqueness theorems for harmonic maps",
    "The spectrum of the Laplacian on hyperbolic surfaces",
    "Ergodic properties of interval exchange maps",
    "Sharp inequalities for Sobolev functions",
    "On a conjecture of Erdős concerning additive bases",
    "Moduli of vector bundles on curves",
    "Random walks on discrete groups",
    "Rigidity of lattices in semisimple groups",
    "The Dirichlet problem for fully nonlinear equations",
    "Modular forms of half-integral weight",
    "Free probability and random matrices",
    "Heegaard splittings of hyperbolic 3-manifolds",
    "Equidistribution of Hecke points",
    "Mixing times of Markov chains on finite groups",
]
CS_TITLES = [
    "Bounded model checking of concurrent programs",
    "A type system for secure information flow",
    "Scalable consensus in asynchronous networks",
    "Learning sparse representations for image retrieval",
    "Incremental garbage collection for real-time systems",
    "Verified compilation of functional programs",
    "Approximation algorithms for facility location",
    "Query optimization in distributed databases",
    "Fault-tolerant routing in mesh networks",
    "Deep reinforcement learning for robotic grasping",
    "Symbolic execution of JavaScript programs",
    "Energy-efficient scheduling on multicore processors",
    "A survey of program synthesis",
    "Lock-free data structures for shared memory",
    "Adaptive beamforming for massive MIMO systems",
    "Robust speech recognition in noisy environments",
    "Optimal power flow with renewable generation",
    "Sliding mode control of induction motors",
]
MED_TITLES = [
    "Effect of early mobilisation on outcomes after hip fracture: a randomised trial",
    "Vitamin D supplementation and respiratory infections in children",
    "Long-term survival after cardiac surgery in older adults",
    "Risk factors for postoperative delirium: a cohort study",
    "Antibiotic prescribing in primary care: a cross-sectional survey",
    "Sleep duration and cardiovascular disease in middle-aged women",
    "Screening for type 2 diabetes in community pharmacies",
    "Outcomes of paediatric asthma admissions over a decade",
    "Physical activity and cognitive decline: a systematic review",
    "Cost-effectiveness of home dialysis",
]
HUM_TITLES = [
    "Memory and landscape in medieval pilgrimage",
    "The politics of translation in early modern Europe",
    "Reading habits of nineteenth-century factory workers",
    "Teacher expectations and student achievement",
    "Language contact and lexical borrowing",
    "Working memory and reading comprehension in adolescents",
    "The invention of the public library",
    "Gender and authorship in the Victorian periodical press",
    "Bilingual education policy in rural schools",
    "Ritual and power in the Carolingian court",
    "Attachment styles and adult friendship",
    "Urban gardens and community resilience",
]
SCI_BOOKS = [
    "Statistical Mechanics",
    "Quantum Theory of Many-Particle Systems",
    "Principles of Optics",
    "Gravitation",
    "The Theory of Atomic Spectra",
    "Introduction to Solid State Physics",
    "Galactic Dynamics",
    "Methods of Mathematical Physics",
    "Fluid Mechanics",
    "Classical Electrodynamics",
    "The Large Scale Structure of Space-Time",
    "Radiative Processes in Astrophysics",
]
MATH_BOOKS = [
    "Algebraic Geometry",
    "Elliptic Partial Differential Equations of Second Order",
    "Introduction to Smooth Manifolds",
    "Harmonic Analysis on Homogeneous Spaces",
    "Topics in Banach Space Theory",
    "Lectures on Hyperbolic Geometry",
    "A Course in Arithmetic",
    "Characteristic Classes",
    "Combinatorial Group Theory",
    "Representation Theory of Finite Groups",
]
CS_BOOKS = [
    "The Art of Computer Programming",
    "Introduction to Algorithms",
    "Compilers: Principles, Techniques, and Tools",
    "Types and Programming Languages",
    "Pattern Recognition and Machine Learning",
    "Digital Signal Processing",
    "Computer Networks",
    "Power System Analysis",
]
MED_BOOKS = [
    "Clinical Epidemiology",
    "Principles of Internal Medicine",
    "Textbook of Paediatric Nursing",
    "Medical Physiology",
    "Evidence-Based Surgery",
]
HUM_BOOKS = [
    "Handbook of Educational Psychology",
    "The Oxford Companion to Medieval Literature",
    "Essays on the Social History of Reading",
    "Language in Society",
    "Cities and Their Publics",
    "Perspectives on Childhood",
    "The Cambridge History of the Book",
    "New Directions in Oral History",
]
DE_TITLES = [
    "Die Entstehung der modernen Stadt",
    "Sprache und Gesellschaft im Wandel",
    "Grundlagen der Festkörperphysik",
    "Zur Geschichte der Universität",
    "Arbeit und Alltag im Industriezeitalter",
]
DE_BOOKS = [
    "Handbuch der Stadtgeschichte",
    "Einführung in die Soziolinguistik",
    "Lexikon der Philosophie",
    "Theorien der Erziehung",
]
FR_TITLES = [
    "La ville et ses marges",
    "Les enjeux de la traduction savante",
    "Une histoire des bibliothèques publiques",
    "Le travail ouvrier au XIXe siècle",
]
FR_BOOKS = [
    "Histoire de l'édition française",
    "Dictionnaire des sciences sociales",
    "Les lieux de savoir",
    "Penser la ville",
]

# physics journals: (abbreviation, letter volumes allowed)
PHYS_JOURNALS = [
    "Phys. Rev. Lett.",
    "Phys. Rev. B",
    "Phys. Rev. D",
    "Phys. Rev. E",
    "Phys. Rev. A",
    "Nucl. Phys. B",
    "Phys. Lett. B",
    "Rev. Mod. Phys.",
    "J. Phys. A: Math. Gen.",
    "J. Phys. C: Solid State Phys.",
    "J. Phys.: Condens. Matter",
    "Ann. Phys. (N.Y.)",
    "Z. Phys.",
    "Commun. Math. Phys.",
    "J. High Energy Phys.",
    "Eur. Phys. J. C",
    "Class. Quantum Grav.",
    "Appl. Phys. Lett.",
    "J. Chem. Phys.",
    "Europhys. Lett.",
    "Sov. Phys. JETP",
    "Prog. Theor. Phys.",
    "Nature",
    "Science",
    "J. Fluid Mech.",
    "Physica D",
]
ASTRO_JOURNALS = ["ApJ", "ApJL", "ApJS", "A&A", "MNRAS", "AJ", "PASP", "Icarus", "ARA&A", "Nature"]
MATH_JOURNALS = [
    "Ann. of Math. (2)",
    "Duke Math. J.",
    "Invent. Math.",
    "J. Amer. Math. Soc.",
    "Trans. Amer. Math. Soc.",
    "Proc. Amer. Math. Soc.",
    "Math. Ann.",
    "J. Reine Angew. Math.",
    "Comm. Pure Appl. Math.",
    "Acta Math.",
    "Israel J. Math.",
    "Adv. Math.",
    "Compositio Math.",
    "J. Algebra",
    "Bull. Soc. Math. France",
    "Geom. Funct. Anal.",
    "Ann. Sci. École Norm. Sup. (4)",
    "Math. Z.",
    "Pacific J. Math.",
    "Ergodic Theory Dynam. Systems",
]
# series, publisher, place
MATH_SERIES = [
    ("Lecture Notes in Math.", "Springer", "Berlin"),
    ("Springer Lecture Notes in Math.", "Springer-Verlag", "Berlin"),
    ("Graduate Texts in Mathematics", "Springer-Verlag", "New York"),
    ("Grundlehren der Mathematischen Wissenschaften", "Springer-Verlag", "Berlin"),
    ("Progr. Math.", "Birkhäuser", "Boston, MA"),
    ("London Math. Soc. Lecture Note Ser.", "Cambridge Univ. Press", "Cambridge"),
    ("Contemp. Math.", "Amer. Math. Soc.", "Providence, RI"),
    ("Annals of Mathematics Studies", "Princeton Univ. Press", "Princeton, NJ"),
    ("Pure and Applied Mathematics", "Academic Press", "New York"),
    ("Cambridge Studies in Advanced Mathematics", "Cambridge University Press", "Cambridge"),
    ("Oberwolfach Seminars", "Birkhäuser", "Basel"),
]
SCI_PUBLISHERS = [
    ("North-Holland", "Amsterdam"),
    ("Pergamon Press", "Oxford"),
    ("Wiley", "New York"),
    ("John Wiley & Sons", "Chichester"),
    ("Academic Press", "New York"),
    ("Springer", "Berlin"),
    ("Springer-Verlag", "Heidelberg"),
    ("Addison-Wesley", "Reading, MA"),
    ("McGraw-Hill", "New York"),
    ("Dover", "New York"),
    ("Cambridge University Press", "Cambridge"),
    ("Amer. Math. Soc.", "Providence, RI"),
    ("Abacus Press", "Tunbridge Wells, England"),
    ("World Scientific", "Singapore"),
    ("Elsevier", "Amsterdam"),
    ("Birkhäuser", "Basel"),
    ("Benjamin", "New York"),
    ("Interscience", "New York"),
    ("Gordon and Breach", "New York"),
    ("Clarendon Press", "Oxford"),
    ("MIT Press", "Cambridge, MA"),
    ("Prentice Hall", "Englewood Cliffs, NJ"),
    ("CRC Press", "Boca Raton, FL"),
    ("IOP Publishing", "Bristol"),
    ("Nauka", "Moscow"),
    ("Princeton University Press", "Princeton, NJ"),
]
# short name, long name
CS_VENUES = [
    ("CAV", "Computer Aided Verification"),
    ("POPL", "Symposium on Principles of Programming Languages"),
    ("ICSE", "International Conference on Software Engineering"),
    ("STOC", "Annual ACM Symposium on Theory of Computing"),
    ("CHI", "Conference on Human Factors in Computing Systems"),
    ("SIGMOD", "International Conference on Management of Data"),
    ("FOCS", "Annual Symposium on Foundations of Computer Science"),
    ("ICALP", "International Colloquium on Automata, Languages and Programming"),
    ("TACAS", "Tools and Algorithms for the Construction and Analysis of Systems"),
    ("ESOP", "European Symposium on Programming"),
    ("CONCUR", "International Conference on Concurrency Theory"),
    ("KDD", "International Conference on Knowledge Discovery and Data Mining"),
    ("OSDI", "Symposium on Operating Systems Design and Implementation"),
    ("PLDI", "Conference on Programming Language Design and Implementation"),
    ("SODA", "Annual ACM-SIAM Symposium on Discrete Algorithms"),
    ("ECCV", "European Conference on Computer Vision"),
]
CS_SERIES = [
    ("LNCS", "Lecture Notes in Computer Science"),
    ("LIPIcs", "Leibniz International Proceedings in Informatics"),
    ("LNAI", "Lecture Notes in Artificial Intelligence"),
    ("EPTCS", "Electronic Proceedings in Theoretical Computer Science"),
    ("CCIS", "Communications in Computer and Information Science"),
]
CS_JOURNALS = [
    ("J. ACM", "Journal of the ACM"),
    ("Commun. ACM", "Communications of the ACM"),
    ("ACM Trans. Program. Lang. Syst.", "ACM Transactions on Programming Languages and Systems"),
    ("SIAM J. Comput.", "SIAM Journal on Computing"),
    ("Theoret. Comput. Sci.", "Theoretical Computer Science"),
    ("Inform. and Comput.", "Information and Computation"),
    ("J. Mach. Learn. Res.", "Journal of Machine Learning Research"),
    ("Artif. Intell.", "Artificial Intelligence"),
    ("Inf. Process. Lett.", "Information Processing Letters"),
    ("ACM Comput. Surv.", "ACM Computing Surveys"),
]
IEEE_JOURNALS = [
    "IEEE Trans. Signal Process.",
    "IEEE Trans. Pattern Anal. Mach. Intell.",
    "IEEE Trans. Power Syst.",
    "IEEE J. Sel. Areas Commun.",
    "IEEE Trans. Inf. Theory",
    "Proc. IEEE",
    "IEEE Trans. Ind. Electron.",
    "IEEE Commun. Mag.",
    "IEEE Trans. Antennas Propag.",
    "IEEE Trans. Autom. Control",
    "IEEE Trans. Softw. Eng.",
    "IEEE Sensors J.",
]
IEEE_CONFS = [
    "Proc. IEEE Int. Conf. Robotics and Automation (ICRA)",
    "Proc. IEEE Conf. Computer Vision and Pattern Recognition (CVPR)",
    "Proc. IEEE Int. Conf. Acoustics, Speech and Signal Processing (ICASSP)",
    "Proc. IEEE Global Communications Conf. (GLOBECOM)",
    "Proc. 38th IEEE Conf. Decision and Control",
    "Proc. IEEE Int. Symp. Information Theory (ISIT)",
    "Proc. Int. Conf. Power Electronics and Drive Systems",
    "Proc. 12th Int. Workshop on Signal Processing Advances in Wireless Communications",
]
CONF_CITIES = [
    "Shanghai, China",
    "Montreal, QC, Canada",
    "Barcelona, Spain",
    "Kyoto, Japan",
    "San Diego, CA, USA",
    "Vienna, Austria",
    "Brisbane, Australia",
    "Atlanta, GA",
    "Paris, France",
    "Seoul, Korea",
]
ACM_PROCS = [
    "Proceedings of the 22nd International Conference on World Wide Web",
    "Proceedings of the 35th Annual ACM Symposium on Theory of Computing",
    "Proceedings of the 2013 ACM SIGSAC Conference on Computer and Communications Security",
    "Proceedings of the 9th USENIX Symposium on Networked Systems Design and Implementation",
    "Proceedings of the 40th International Conference on Software Engineering",
    "Proceedings of the Eleventh International Conference on Machine Learning",
    "Proc. of the 14th ACM Conference on Embedded Network Sensor Systems",
    "Proceedings of the International Joint Conference on Artificial Intelligence",
]
CS_PUBLISHERS = [
    ("Springer", "Heidelberg"),
    ("Springer", "Berlin"),
    ("ACM", "New York, NY, USA"),
    ("IEEE Computer Society", "Los Alamitos, CA"),
    ("Morgan Kaufmann", "San Francisco"),
    ("Schloss Dagstuhl", "Dagstuhl"),
]
INSTITUTIONS = [
    "Dept. of Computer Science, Stanford University",
    "Computer Science Department, Carnegie Mellon University",
    "Microsoft Research",
    "INRIA",
    "SRI International",
    "Department of Electrical Engineering, MIT",
    "IBM Research",
    "Bell Laboratories",
    "University of California, Berkeley",
    "Dept. of Computing, Imperial College",
    "NASA Langley Research Center",
    "Sandia National Laboratories",
]
TR_CODES = ["TR-{y}-{n}", "CS-TR-{n}", "UCB/EECS-{y}-{n}", "MSR-TR-{y}-{n}", "RR-{n}", "No. {n}"]
UNIVERSITIES = [
    ("University of Göttingen", "Göttingen"),
    ("Princeton University", "Princeton, NJ"),
    ("Massachusetts Institute of Technology", "Cambridge, MA"),
    ("University of California, Berkeley", "Berkeley"),
    ("ETH Zürich", "Zürich"),
    ("University of Toronto", "Toronto"),
    ("Stanford University", "Stanford, CA"),
    ("Université Paris-Sud", "Orsay"),
    ("Technische Universität München", "München"),
    ("University of Edinburgh", "Edinburgh"),
    ("Carnegie Mellon University", "Pittsburgh, PA"),
    ("Kyoto University", "Kyoto"),
    ("University of Michigan", "Ann Arbor"),
    ("Universidade de São Paulo", "São Paulo"),
]
MED_JOURNALS = [
    "Lancet",
    "N Engl J Med",
    "BMJ",
    "JAMA",
    "Ann Intern Med",
    "Circulation",
    "J Clin Oncol",
    "Am J Epidemiol",
    "PLoS Med",
    "Nat Med",
    "Pediatrics",
    "Clin Infect Dis",
    "Br J Surg",
    "Age Ageing",
]
MED_PUBLISHERS = [
    ("Saunders", "Philadelphia"),
    ("Lippincott Williams & Wilkins", "Philadelphia"),
    ("McGraw-Hill", "New York"),
    ("Churchill Livingstone", "Edinburgh"),
    ("Elsevier", "St. Louis (MO)"),
    ("Oxford University Press", "Oxford"),
    ("Mosby", "St Louis"),
    ("Wiley-Blackwell", "Chichester"),
]
HUM_JOURNALS = [
    "PMLA",
    "Journal of the History of Ideas",
    "Past & Present",
    "Speculum",
    "American Historical Review",
    "Critical Inquiry",
    "Modern Philology",
    "Journal of Applied Psychology",
    "Child Development",
    "Psychological Review",
    "American Sociological Review",
    "Language",
    "Mind",
    "Educational Researcher",
    "Journal of Social Issues",
]
HUM_PUBLISHERS = [
    ("University of Chicago Press", "Chicago"),
    ("Routledge", "New York"),
    ("Oxford University Press", "New York"),
    ("Harvard University Press", "Cambridge, MA"),
    ("Sage", "Thousand Oaks, CA"),
    ("Guilford Press", "New York"),
    ("American Psychological Association", "Washington, DC"),
    ("Blackwell", "Malden, MA"),
    ("Yale University Press", "New Haven, CT"),
    ("Erlbaum", "Mahwah, NJ"),
    ("Teachers College Press", "New York"),
    ("University of California Press", "Berkeley"),
]
DE_PUBLISHERS = [
    ("Suhrkamp", "Frankfurt am Main"),
    ("de Gruyter", "Berlin"),
    ("C. H. Beck", "München"),
    ("Vandenhoeck & Ruprecht", "Göttingen"),
    ("Springer VS", "Wiesbaden"),
    ("Francke", "Tübingen"),
    ("Metzler", "Stuttgart"),
]
FR_PUBLISHERS = [
    ("Gallimard", "Paris"),
    ("PUF", "Paris"),
    ("Seuil", "Paris"),
    ("La Découverte", "Paris"),
    ("Presses universitaires de Rennes", "Rennes"),
    ("Armand Colin", "Paris"),
    ("CNRS Éditions", "Paris"),
]
CHEM_JOURNALS = [
    "J. Am. Chem. Soc.",
    "Angew. Chem., Int. Ed.",
    "J. Org. Chem.",
    "Inorg. Chem.",
    "J. Phys. Chem. A",
    "Chem. Rev.",
    "Org. Lett.",
    "Nano Lett.",
]
ENG_JOURNALS = [
    "J. Struct. Eng.",
    "J. Geotech. Geoenviron. Eng.",
    "J. Hydraul. Eng.",
    "J. Eng. Mech.",
    "J. Environ. Eng.",
    "Earthquake Spectra",
]
ARXIV_CATS = ["hep-th", "hep-ph", "gr-qc", "math.AG", "cond-mat", "astro-ph", "quant-ph", "math-ph"]
EDITIONS = ["2nd ed.", "3rd ed.", "2nd edn.", "Second edition", "4th ed.", "rev. ed."]
SMALL_WORDS = frozenset(
    ["a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"]
)


class StyleBuilder(Builder):
    """A Builder for this module's records (fewer dropped spaces than essay lists)."""

    ID_PREFIX = "citekit/styles"
    SOURCE = "citekit:parser/style_examples.py"
    TIGHT_AFTER_AUTHOR = 0.1
    TIGHT = 0.04


# --- names -------------------------------------------------------------------


def initials(given: str, dots: bool = True, space: bool = True) -> str:
    """Initials of a given name: "Jean-Pierre" gives "J.-P." ("J-P" without dots)."""
    parts = [p[0] + ("." if dots else "") for p in given.split("-")]
    return "-".join(parts) if space or dots else "".join(parts)


def person(p: tuple[str, str, str], style: str) -> str:
    fam, given, mid = p
    gi = initials(given)
    mi = (mid[0] + ".") if mid else ""
    ini = f"{gi} {mi}".strip()
    tight = f"{gi}{mi}"
    full = f"{given} {mid}".strip()
    table = {
        "init_fam": f"{ini} {fam}",
        "init_fam_tight": f"{tight} {fam}",
        "fam_init": f"{fam} {ini}",
        "fam_comma_init": f"{fam}, {ini}",
        "fam_comma_init_tight": f"{fam}, {tight}",
        "vanc": f"{fam} {initials(given, dots=False, space=False)}{mid[:1]}",
        "iop": f"{fam} {initials(given, dots=False)}{(' ' + mid[0]) if mid else ''}",
        "given_fam": f"{full} {fam}",
        "given_fam_short": f"{given} {fam}",
        "fam_comma_given": f"{fam}, {full}",
        "caps_fam_comma_init": f"{fam.upper()}, {ini}",
        "caps_fam_given": f"{fam.upper()} {given}",
    }
    return table[style]


def names(
    r: random.Random,
    style: str | list[str],
    k: int | None = None,
    sep: str | list[str] = ", ",
    last: str | list[str] | None = None,
    etal: float = 0.0,
    etal_text: str | list[str] = " et al.",
    people: list[tuple[str, str, str]] = PEOPLE,
) -> str:
    """A name list: ``style`` one style or [first, rest] (as MLA's inverted first name)."""
    k = k or r.choice([1, 1, 2, 2, 2, 3, 3, 4])
    ps = r.sample(people, k)
    styles = [style, style] if isinstance(style, str) else style
    rendered = [person(p, styles[0] if i == 0 else styles[1]) for i, p in enumerate(ps)]
    if etal and k >= 2 and r.random() < etal:
        keep = r.choice([1, min(3, k - 1)]) if k > 2 else 1
        j = sep if isinstance(sep, str) else r.choice(sep)
        lead = j.join(rendered[:keep])
        et = etal_text if isinstance(etal_text, str) else r.choice(etal_text)
        return lead + et
    if k == 1:
        return rendered[0]
    j = sep if isinstance(sep, str) else r.choice(sep)
    if last is None:
        lj = r.choice([" and ", ", and ", " & ", j]) if j == ", " else j
    else:
        lj = last if isinstance(last, str) else r.choice(last)
    if k == 2 and "comma" not in styles[0] and lj in (", and ", ", & "):
        lj = lj[1:]  # a serial comma only after an inverted first name
    return j.join(rendered[:-1]) + lj + rendered[-1]


def editors(r: random.Random, style: str, k: int | None = None, **kw: Any) -> tuple[str, int]:
    k = k or r.choice([1, 1, 2, 2, 3])
    return names(r, style, k=k, **kw), k


# --- small pieces --------------------------------------------------------------


def end(text: str, punct: str) -> str:
    """``text`` followed by ``punct`` unless it already ends in it or in ? or !."""
    return text if text.endswith(("?", "!")) else close(text, punct)


def title_case(text: str) -> str:
    words = text.split(" ")
    out: list[str] = []
    for i, w in enumerate(words):
        if i and w.lower() in SMALL_WORDS and not words[i - 1].endswith(":"):
            out.append(w)
        else:
            out.append(w[:1].upper() + w[1:])
    return " ".join(out)


def pages(r: random.Random, dash: str | None = None, short: bool = False) -> str:
    a = r.randint(1, 1900)
    e = a + r.randint(2, 45)
    dash = dash or r.choice(["-", "--", "–"])
    if short:
        sa, se = str(a), str(e)
        i = 0
        while i < len(sa) - 1 and len(sa) == len(se) and sa[i] == se[i]:
            i += 1
        return f"{a}{dash}{se[i:]}"
    return f"{a}{dash}{e}"


def year(r: random.Random, lo: int = 1950, hi: int = 2022) -> int:
    return r.randint(lo, hi)


def spaced(r: random.Random, abbrev: str, odds: float = 0.2) -> str:
    """Sometimes drop the spaces after the dots of an abbreviation ("J.Phys.A")."""
    return abbrev.replace(". ", ".") if r.random() < odds else abbrev


def arxiv(r: random.Random) -> str:
    if r.random() < 0.5:
        return f"{r.choice(ARXIV_CATS)}/{r.randint(92, 106) % 100:02d}{r.randint(1, 12):02d}{r.randint(1, 399):03d}"
    nid = f"{r.randint(8, 23):02d}{r.randint(1, 12):02d}.{r.randint(1, 19999):05d}"
    return nid + (f" [{r.choice(ARXIV_CATS)}]" if r.random() < 0.4 else "")


def doi(r: random.Random) -> str:
    prefix = r.choice(["1103", "1016", "1007", "1145", "1109", "1093", "1371", "1002", "1021"])
    suffix = r.choice(
        [
            f"PhysRevB.{r.randint(10, 99)}.{r.randint(1000, 9999)}",
            f"j.jalgebra.{r.randint(2000, 2021)}.{r.randint(1, 12):02d}.{r.randint(1, 99):03d}",
            f"s{r.randint(10000, 99999)}-0{r.randint(10, 21)}-{r.randint(1000, 9999)}-{r.randint(0, 9)}",
            f"{r.randint(1000000, 9999999)}.{r.randint(1000000, 9999999)}",
            f"journal.pmed.{r.randint(1000000, 1009999)}",
            f"ja{r.randint(100000, 999999)}x",
        ]
    )
    return f"10.{prefix}/{suffix}"


def number(b: StyleBuilder, r: random.Random, odds: float, forms: list[str] | None = None) -> None:
    """A citation number with probability ``odds``."""
    if r.random() >= odds:
        return
    n = r.randint(1, 180)
    form = r.choice(forms or ["[{}]", "{}.", "({})", "{}", "[{}]"])
    b.add("citation-number", form.format(n))


# --- physics and astronomy -------------------------------------------------------


def t_phys_prl(b, r):
    number(b, r, 0.4)
    b.add("author", names(r, r.choice(["init_fam", "init_fam_tight"]), etal=0.2) + ",")
    if r.random() < 0.3:
        b.add("title", r.choice(SCI_TITLES) + ",")
    b.add("container-title", spaced(r, r.choice(PHYS_JOURNALS)))
    b.add("volume", str(r.randint(1, 120)) + ",")
    b.add("pages", str(r.randint(1, 9999)) if r.random() < 0.8 else pages(r))
    b.add("date", f"({year(r)})" + r.choice([".", "", ";"]))


def t_astro_aas(b, r):
    style = r.choice(["fam_init", "fam_comma_init", "fam_comma_init_tight"])
    last = r.choice([", ", " & ", ", & ", " and "])
    au = names(r, style, sep=", ", last=last, etal=0.3, etal_text=[" et al.", ", et al."])
    y = str(year(r, 1970)) + r.choice(["", "", "a", "b"])
    if r.random() < 0.5:
        b.add("author", au + ",")
        b.add("date", y + ",")
    else:
        b.add("author", au)
        b.add("date", y + ",")
    b.add("container-title", r.choice(ASTRO_JOURNALS) + ",")
    b.add("volume", str(r.randint(1, 900)) + ",")
    b.add("pages", (r.choice(["", "", "L"]) + str(r.randint(1, 2999))) + r.choice(["", "."]))


def t_phys_v(b, r):
    number(b, r, 0.5)
    b.add("author", names(r, r.choice(["init_fam", "fam_init", "init_fam_tight"])) + ",")
    if r.random() < 0.5:
        b.add("title", r.choice(SCI_TITLES) + r.choice([",", ".", " //"]))
    b.add("container-title", r.choice(PHYS_JOURNALS).replace(". ", ".") + ",")
    b.add("volume", r.choice(["v.", "v. ", "V."]) + str(r.randint(1, 300)))
    if r.random() < 0.4:
        b.add("issue", f"N {r.randint(1, 12)}")
    b.add("date", f"({year(r)}),")
    b.add("pages", r.choice(["", "p. ", "pp. ", "P."]) + (str(r.randint(1, 999)) + "."))


def t_phys_iop(b, r):
    # IOP Harvard: Author A B and Other C D 1979 Title J. Phys. A: Math. Gen. 12 345
    number(b, r, 0.3)
    b.add("author", names(r, "iop", sep=", ", last=" and ", etal=0.15, etal_text=" et al"))
    b.add("date", str(year(r)))
    if r.random() < 0.7:
        b.add("title", r.choice(SCI_TITLES))
    b.add("container-title", r.choice(PHYS_JOURNALS))
    b.add("volume", str(r.randint(1, 99)))
    b.add("pages", (str(r.randint(1, 9999)) if r.random() < 0.7 else pages(r, "–")))


def t_phys_elsevier(b, r):
    # Elsevier numbered: A. Author, Title, J. Phys. A: Math. Gen. 12 (1979) 345-360.
    number(b, r, 0.7, ["[{}]", "{}.", "[{}]"])
    b.add("author", names(r, r.choice(["init_fam", "init_fam_tight"]), etal=0.2) + ",")
    if r.random() < 0.6:
        b.add("title", r.choice(SCI_TITLES) + ",")
    b.add("container-title", spaced(r, r.choice(PHYS_JOURNALS)))
    b.add("volume", str(r.randint(1, 500)))
    b.add("date", f"({year(r)})")
    b.add("pages", pages(r) + ".")


def t_phys_arxiv(b, r):
    number(b, r, 0.5)
    b.add("author", names(r, "init_fam", etal=0.3) + ",")
    if r.random() < 0.5:
        b.add("title", r.choice(SCI_TITLES) + ",")
    a = arxiv(r)
    if r.random() < 0.6:
        b.add("container-title", r.choice(PHYS_JOURNALS))
        b.add("volume", str(r.randint(1, 800)))
        b.add("date", f"({year(r, 1975)})")
        b.add("pages", str(r.randint(1, 999)) + ";")
        b.add("note", r.choice(["arXiv:{}.", "arXiv:{}", "[arXiv:{}]."]).format(a))
    else:
        b.add("note", r.choice(["arXiv:{}", "e-print arXiv:{}", "preprint arXiv:{}"]).format(a))
        b.add("date", f"({year(r, 1995)}).")


def t_phys_book(b, r):
    number(b, r, 0.5)
    pub, place = r.choice(SCI_PUBLISHERS)
    b.add("author", names(r, r.choice(["init_fam", "init_fam_tight"]), k=r.choice([1, 1, 2])) + ",")
    b.add("title", r.choice(SCI_BOOKS))
    if r.random() < 0.3:
        b.add("edition", f"{r.choice(EDITIONS)},")
        b.add("publisher", "(" + pub + ",")
    else:
        b.add("publisher", "(" + pub + ",")
    b.add("location", place + ",")
    tail = r.choice([").", "),", ")"])
    b.add("date", f"{year(r, 1930, 2010)}{tail}")
    if tail == "),":
        b.add("pages", r.choice(["p. {}.", "pp. {}.", "Chap. {}."]).format(r.randint(2, 400)))


def t_phys_inpress(b, r):
    number(b, r, 0.5)
    b.add("author", names(r, r.choice(["init_fam", "fam_comma_init"]), etal=0.2) + ",")
    if r.random() < 0.4:
        b.add("title", r.choice(SCI_TITLES) + ",")
    c = r.random()
    if c < 0.4:
        b.add("container-title", r.choice(PHYS_JOURNALS + ASTRO_JOURNALS))
        b.add("note", r.choice(["(in press).", "in press.", "(in press)", "[in press]."]))
    elif c < 0.7:
        b.add("note", f"submitted to {r.choice(PHYS_JOURNALS)}")
        b.add("date", f"({year(r, 1990)}).")
    else:
        b.add("container-title", r.choice(PHYS_JOURNALS) + ",")
        b.add("note", r.choice(["submitted.", "submitted (2019).", "to be published."]))


# --- mathematics -----------------------------------------------------------------


def math_authors(r):
    style = r.choice(["init_fam", "init_fam", "given_fam_short", "init_fam_tight"])
    return names(
        r, style, k=r.choice([1, 1, 2, 2, 3]), sep=", ", last=r.choice([" and ", ", and "])
    )


def t_math_ams(b, r):
    number(b, r, 0.6, ["[{}]", "{}.", "[{}]"])
    b.add("author", math_authors(r) + ",")
    b.add("title", r.choice(MATH_TITLES) + ",")
    b.add("container-title", spaced(r, r.choice(MATH_JOURNALS), 0.1))
    b.add("volume", str(r.randint(1, 400)))
    b.add("date", f"({year(r, 1900)}),")
    b.add("pages", r.choice(["", "", "pp. "]) + pages(r, r.choice(["--", "–", "-"])) + ".")


def t_math_issue(b, r):
    number(b, r, 0.5, ["[{}]", "{}."])
    b.add("author", math_authors(r) + ",")
    b.add("title", r.choice(MATH_TITLES) + ",")
    b.add("container-title", r.choice(MATH_JOURNALS))
    b.add("volume", str(r.randint(1, 400)))
    b.add("date", f"({year(r, 1950)}),")
    b.add("issue", r.choice(["no. {},", "no. {},", "No. {},", "n. {},"]).format(r.randint(1, 12)))
    b.add("pages", pages(r, r.choice(["--", "–"])) + ".")
    if r.random() < 0.2:
        b.add("doi", f"doi:{doi(r)}.")


def t_math_series_book(b, r):
    number(b, r, 0.5, ["[{}]", "{}."])
    series, pub, place = r.choice(MATH_SERIES)
    b.add("author", math_authors(r) + ",")
    b.add("title", r.choice(MATH_BOOKS + MATH_TITLES) + ",")
    if r.random() < 0.5:
        b.add("collection-title", series)
        b.add("volume", f"{r.randint(1, 2300)},")
    else:
        b.add("collection-title", series + ",")
        b.add("volume", r.choice(["vol. {},", "Vol. {},", "Vol. {},"]).format(r.randint(1, 300)))
    if r.random() < 0.5:
        b.add("publisher", pub + ",")
        b.add("location", place + ",")
    else:
        b.add("publisher", pub + ",")
    b.add("date", f"{year(r, 1960)}.")


def t_math_book(b, r):
    number(b, r, 0.5, ["[{}]", "{}."])
    pub, place = r.choice(SCI_PUBLISHERS)
    b.add("author", math_authors(r) + ",")
    b.add("title", r.choice(MATH_BOOKS) + ",")
    if r.random() < 0.3:
        b.add("edition", r.choice(["2nd ed.,", "second ed.,", "3rd edition,"]))
    b.add("publisher", pub + ",")
    b.add("location", place + ",")
    b.add("date", f"{year(r, 1900)}.")
    if r.random() < 0.2:
        b.add("note", f"MR{r.randint(100000, 3999999)}")


def t_math_thesis(b, r):
    number(b, r, 0.5, ["[{}]", "{}."])
    uni, place = r.choice(UNIVERSITIES)
    b.add(
        "author", names(r, r.choice(["init_fam", "given_fam_short", "fam_comma_init"]), k=1) + ","
    )
    b.add("title", r.choice(MATH_TITLES + SCI_TITLES + CS_TITLES) + ",")
    genre = r.choice(
        [
            "Ph.D. thesis,",
            "PhD thesis,",
            "Ph.D. Thesis,",
            "Dissertation,",
            "Doctoral thesis,",
            "Master's thesis,",
            "Diplomarbeit,",
            "Thèse de doctorat,",
        ]
    )
    b.add("genre", genre)
    b.add("publisher", uni + ",")
    if r.random() < 0.2:
        b.add("location", place + ",")
    b.add("date", f"{year(r, 1890)}.")


def t_math_preprint(b, r):
    number(b, r, 0.5, ["[{}]", "{}."])
    b.add("author", math_authors(r) + ",")
    b.add("title", r.choice(MATH_TITLES) + r.choice([",", "."]))
    c = r.random()
    if c < 0.4:
        b.add("note", r.choice(["Preprint", "preprint", "Preprint,"]))
        b.add("date", f"({year(r, 1970)}).")
    elif c < 0.7:
        b.add("note", f"preprint ({year(r, 1995)}), arXiv:{arxiv(r)}.")
    else:
        b.add("container-title", r.choice(MATH_JOURNALS) + ",")
        b.add("note", r.choice(["to appear.", "(to appear).", "in press."]))


def t_math_alpha(b, r):
    ps = r.sample(PEOPLE, r.choice([1, 2, 3]))
    y = year(r, 1950)
    key = (
        ps[0][0][:3] if len(ps) == 1 else "".join(p[0].split()[-1][0] for p in ps)
    ) + f"{y % 100:02d}"
    b.add("citation-number", f"[{key}]")
    rendered = [person(p, "init_fam") for p in ps]
    au = rendered[0] if len(ps) == 1 else ", ".join(rendered[:-1]) + " and " + rendered[-1]
    b.add("author", au + ",")
    b.add("title", r.choice(MATH_TITLES) + ",")
    b.add("container-title", r.choice(MATH_JOURNALS))
    b.add("volume", str(r.randint(1, 400)))
    b.add("date", f"({y}),")
    b.add("pages", pages(r, "--") + ".")


def t_math_proc(b, r):
    number(b, r, 0.5, ["[{}]", "{}."])
    pub, place = r.choice(SCI_PUBLISHERS)
    y = year(r, 1950)
    b.add("author", math_authors(r) + ",")
    b.add("title", r.choice(MATH_TITLES) + ",")
    city = r.choice(["Zürich", "Kyoto", "Berkeley, Calif.", "Madrid", "Beijing", "Warsaw"])
    conf = r.choice(
        [
            f"Proceedings of the International Congress of Mathematicians ({city}, {y - 1}),",
            f"Proc. Sympos. Pure Math., Vol. {r.randint(1, 90)},",
            f"in Proceedings of the Conference on Harmonic Analysis ({city}, {y - 1}),",
            f"Séminaire Bourbaki, Vol. {y - 1}/{y % 100:02d},",
        ]
    )
    b.add("container-title", conf)
    b.add("publisher", pub + ",")
    b.add("location", place + ",")
    b.add("date", f"{y},")
    b.add("pages", r.choice(["pp. ", "pp. ", ""]) + pages(r, "--") + ".")


def t_math_chapter(b, r):
    number(b, r, 0.5, ["[{}]", "{}."])
    series, pub, place = r.choice(MATH_SERIES)
    b.add("author", math_authors(r) + ",")
    b.add("title", r.choice(MATH_TITLES) + ",")
    if r.random() < 0.5:
        b.add("container-title", "in " + r.choice(MATH_BOOKS))
        eds, k = editors(r, "init_fam", sep=", ", last=" and ")
        b.add("editor", f"({eds}, {'ed.' if k == 1 else 'eds.'}),")
    else:
        eds, k = editors(r, "init_fam", sep=", ", last=" and ")
        b.add("editor", f"in: {eds} ({'ed.' if k == 1 else 'eds.'}),")
        b.add("container-title", r.choice(MATH_BOOKS) + ",")
    if r.random() < 0.5:
        b.add("collection-title", series + ",")
        b.add("volume", f"vol. {r.randint(1, 2000)},")
    b.add("publisher", pub + ",")
    b.add("location", place + ",")
    b.add("date", f"{year(r, 1960)},")
    b.add("pages", r.choice(["pp. ", "p. ", ""]) + pages(r, "--") + ".")


# --- computer science --------------------------------------------------------------


def cs_authors(r, style=None):
    style = style or r.choice(["given_fam_short", "init_fam", "given_fam"])
    return names(r, style, sep=", ", last=r.choice([" and ", ", and "]), etal=0.1)


def t_cs_lncs(b, r):
    # BibTeX plain/alpha: In CAV, volume 6806 of LNCS, pages 585--591. Springer, 2011.
    number(b, r, 0.5, ["[{}]"])
    short, long = r.choice(CS_VENUES)
    series = r.choice(CS_SERIES)
    y = year(r, 1985)
    b.add("author", close(cs_authors(r), "."))
    b.add("title", r.choice(CS_TITLES) + ".")
    venue = r.choice([short, f"{short} {y}", f"Proc. {short}", f"Proceedings of {long}"])
    b.add("container-title", f"In {venue},")
    b.add("volume", f"volume {r.randint(100, 14000)}")
    b.add("collection-title", f"of {r.choice(series)},")
    b.add("pages", f"pages {pages(r, '--')}.")
    b.add("publisher", r.choice(["Springer", "Springer-Verlag", "Schloss Dagstuhl"]) + ",")
    b.add("date", f"{y}.")


def t_cs_proc(b, r):
    number(b, r, 0.5, ["[{}]", "{}."])
    y = year(r, 1990)
    b.add("author", close(cs_authors(r), "."))
    if r.random() < 0.5:
        b.add("date", f"{y}.")
    b.add("title", r.choice(CS_TITLES) + ".")
    proc = r.choice(ACM_PROCS)
    if r.random() < 0.3:
        proc += f" ({r.choice(CS_VENUES)[0]} '{y % 100:02d})"
    b.add("container-title", f"In {proc}" + r.choice([",", "."]))
    c = r.random()
    if c < 0.4:
        b.add("publisher", "ACM,")
        b.add("location", r.choice(["New York, NY, USA,", "New York,"]))
        b.add("pages", f"{pages(r, '–')}.")
    elif c < 0.7:
        b.add("pages", f"pp. {pages(r, '-')},")
    else:
        b.add("pages", f"pages {pages(r, '--')}.")
    if "date" not in [p[0] for p in b.pieces]:
        b.add("date", f"{y}.")
    elif b.pieces[-1][1].endswith(","):
        b.pieces[-1][1] = b.pieces[-1][1][:-1] + "."
    if r.random() < 0.3:
        b.add("doi", f"https://doi.org/{doi(r)}")


def t_cs_techreport(b, r):
    number(b, r, 0.5, ["[{}]", "{}."])
    y = year(r, 1970)
    b.add("author", close(cs_authors(r), r.choice([".", ","])))
    b.add("title", r.choice(CS_TITLES) + r.choice([".", ","]))
    code = r.choice(TR_CODES).format(y=y, n=r.randint(1, 120))
    g = r.choice(["Technical Report {},", "Tech. Rep. {},", "Technical report {},", "TR {},"])
    b.add("genre", g.format(code))
    inst = r.choice(INSTITUTIONS)
    b.add("publisher", inst + ",")
    if r.random() < 0.2:
        b.add("location", r.choice(["Stanford, CA,", "Pittsburgh, PA,", "Rocquencourt,"]))
    if r.random() < 0.3:
        b.add("date", f"{r.choice(MONTHS)} {y}.")
    else:
        b.add("date", f"{y}.")


def t_cs_acm_journal(b, r):
    # ACM: Author. Year. Title. J. ACM 42, 3 (May 1995), 123--145.
    number(b, r, 0.4, ["[{}]"])
    y = year(r, 1960)
    b.add("author", close(cs_authors(r, "given_fam_short"), "."))
    if r.random() < 0.5:
        b.add("date", f"{y}.")
    b.add("title", title_case(r.choice(CS_TITLES)) + ".")
    abbrev, long = r.choice(CS_JOURNALS)
    b.add("container-title", abbrev if r.random() < 0.6 else long)
    b.add("volume", f"{r.randint(1, 70)},")
    b.add("issue", str(r.randint(1, 12)))
    b.add("date", f"({r.choice(MONTHS + MONTH_ABBR)} {y}),")
    b.add("pages", f"{pages(r, '--')}.")
    if r.random() < 0.3:
        b.add("doi", f"https://doi.org/{doi(r)}")


def t_cs_arxiv(b, r):
    number(b, r, 0.5, ["[{}]"])
    y = year(r, 2010)
    b.add("author", close(cs_authors(r), "."))
    b.add("title", r.choice(CS_TITLES) + ".")
    if r.random() < 0.5:
        nid = f"{y % 100:02d}{r.randint(1, 12):02d}.{r.randint(1, 19999):05d}"
        b.add(
            "note",
            r.choice(["arXiv preprint arXiv:{},", "arXiv:{},", "CoRR arXiv:{},"]).format(nid),
        )
        b.add("date", f"{y}.")
    else:
        b.add("container-title", "CoRR,")
        b.add("volume", f"abs/{y % 100:02d}{r.randint(1, 12):02d}.{r.randint(1, 9999):04d},")
        b.add("date", f"{y}.")


def t_cs_springer(b, r):
    # Springer LNCS: Author, A., Other, B.: Title. In: Ed, A. (ed.) CAV 2011. LNCS, vol. 6806,
    # pp. 585–591. Springer, Heidelberg (2011)
    number(b, r, 0.8, ["{}.", "{}."])
    short, _ = r.choice(CS_VENUES)
    y = year(r, 1990)
    b.add("author", names(r, "fam_comma_init", sep=", ", last=[", ", " and "], etal=0.15) + ":")
    b.add("title", r.choice(CS_TITLES) + ".")
    if r.random() < 0.7:
        eds, k = editors(r, "fam_comma_init", sep=", ", last=[", ", " and "])
        b.add("editor", f"In: {eds} ({'ed.' if k == 1 else 'eds.'})")
        b.add("container-title", f"{short} {y}.")
    else:
        b.add("container-title", f"In: {short} {y}.")
    series = r.choice(CS_SERIES)
    b.add("collection-title", series[0] + ",")
    b.add("volume", f"vol. {r.randint(100, 14000)},")
    b.add("pages", f"pp. {pages(r, '–')}.")
    pub, place = r.choice(CS_PUBLISHERS[:2] + CS_PUBLISHERS[3:4])
    if r.random() < 0.6:
        b.add("publisher", pub + ",")
        b.add("location", place)
        b.add("date", f"({y})")
    else:
        b.add("publisher", pub)
        b.add("date", f"({y})")


# --- numbered engineering and science ------------------------------------------------


def t_ieee_journal(b, r):
    b.add("citation-number", f"[{r.randint(1, 99)}]")
    b.add("author", names(r, "init_fam", sep=", ", last=[", and ", " and "], etal=0.2) + ",")
    b.add("title", r.choice(['"{},"', "“{},”"]).format(r.choice(CS_TITLES + SCI_TITLES)))
    b.add("container-title", r.choice(IEEE_JOURNALS) + ",")
    b.add("volume", f"vol. {r.randint(1, 70)},")
    if r.random() < 0.8:
        b.add("issue", f"no. {r.randint(1, 12)},")
    b.add("pages", f"pp. {pages(r, r.choice(['-', '–']))},")
    y = year(r, 1970)
    b.add("date", r.choice([f"{r.choice(MONTH_ABBR)} {y}.", f"{y}.", f"{r.choice(MONTHS)} {y}."]))
    if r.random() < 0.2:
        b.add("doi", f"doi: {doi(r)}.")


def t_ieee_conf(b, r):
    b.add("citation-number", f"[{r.randint(1, 99)}]")
    b.add("author", names(r, "init_fam", sep=", ", last=[", and ", " and "], etal=0.2) + ",")
    b.add("title", r.choice(['"{},"', "“{},”"]).format(r.choice(CS_TITLES)))
    b.add("container-title", f"in {r.choice(IEEE_CONFS)},")
    y = year(r, 1985)
    if r.random() < 0.7:
        b.add("location", r.choice(CONF_CITIES) + ",")
    if r.random() < 0.3:
        b.add("date", f"{r.choice(MONTH_ABBR)} {y},")
    else:
        b.add("date", f"{y},")
    b.add("pages", f"pp. {pages(r, r.choice(['-', '–']))}.")


def t_ieee_book(b, r):
    b.add("citation-number", f"[{r.randint(1, 99)}]")
    pub, place = r.choice(SCI_PUBLISHERS)
    b.add("author", names(r, "init_fam", k=r.choice([1, 2]), sep=", ", last=" and ") + ",")
    t = r.choice(CS_BOOKS + SCI_BOOKS)
    if r.random() < 0.4:
        b.add("title", t + ",")
        b.add("edition", r.choice(["2nd ed.", "3rd ed.", "4th ed."]))
    else:
        b.add("title", t + ".")
    b.add("location", place + ":")
    b.add("publisher", pub + ",")
    b.add("date", f"{year(r, 1960)}.")


def t_nature(b, r):
    number(b, r, 0.9, ["{}.", "{}."])
    au = names(
        r, "fam_comma_init", sep=", ", last=[" & ", " & ", ", & "], etal=0.3, etal_text=" et al."
    )
    b.add("author", au)
    b.add("title", r.choice(SCI_TITLES + MED_TITLES) + ".")
    b.add(
        "container-title", r.choice(["Nature", "Science", "Nature Phys.", "Nat. Commun.", "Cell"])
    )
    b.add("volume", f"{r.randint(1, 600)},")
    b.add("pages", pages(r, "–") if r.random() < 0.7 else str(r.randint(1000, 9999)))
    b.add("date", f"({year(r, 1950)}).")


def t_acs(b, r):
    number(b, r, 0.7, ["({})", "{}.", "{}"])
    au = names(r, "fam_comma_init", sep="; ", last="; ", etal=0.1)
    b.add("author", au if r.random() < 0.5 else close(au, "."))
    if r.random() < 0.6:
        b.add("title", title_case(r.choice(SCI_TITLES)) + ".")
    b.add("container-title", r.choice(CHEM_JOURNALS))
    b.add("date", f"{year(r, 1950)},")
    b.add("volume", f"{r.randint(1, 140)},")
    b.add("pages", pages(r, "–") + ".")


def t_asce(b, r):
    number(b, r, 0.2)
    b.add(
        "author",
        close(names(r, ["fam_comma_init", "init_fam"], sep=", ", last=[", and ", " and "]), "."),
    )
    b.add("date", f"({year(r, 1970)}).")
    b.add("title", r.choice(['"{}."', "“{}.”"]).format(r.choice(SCI_TITLES + CS_TITLES)))
    b.add("container-title", r.choice(ENG_JOURNALS) + ",")
    b.add("volume", str(r.randint(1, 150)))
    b.glue("issue", f"({r.randint(1, 12)}),")
    b.add("pages", pages(r, "–") + ".")


# --- biomedicine ------------------------------------------------------------------------


def vanc_authors(r):
    k = r.choice([1, 2, 3, 4, 6, 7])
    return names(
        r,
        "vanc",
        k=k,
        sep=", ",
        last=", ",
        etal=0.35 if k >= 3 else 0.0,
        etal_text=[", et al.", ", et al"],
    )


def t_vancouver(b, r):
    number(b, r, 0.6, ["{}.", "{}", "[{}]", "({})"])
    b.add("author", close(vanc_authors(r), "."))
    b.add("title", r.choice(MED_TITLES) + ".")
    b.add("container-title", r.choice(MED_JOURNALS) + ".")
    y = year(r, 1980)
    if r.random() < 0.3:
        b.add("date", f"{y} {r.choice(MONTH_ABBR).rstrip('.')}" + ";")
    else:
        b.add("date", f"{y};")
    b.glue("volume", str(r.randint(1, 400)))
    if r.random() < 0.8:
        b.glue("issue", f"({r.randint(1, 9999)}):")
    else:
        b.glue("volume", ":")
    b.glue("pages", pages(r, "-", short=True) + ".")
    c = r.random()
    if c < 0.2:
        b.add("doi", f"doi:{doi(r)}")
    elif c < 0.3:
        b.add("note", f"PMID: {r.randint(1000000, 39999999)}.")


def t_vancouver_book(b, r):
    number(b, r, 0.6, ["{}.", "[{}]"])
    pub, place = r.choice(MED_PUBLISHERS)
    b.add("author", close(vanc_authors(r), "."))
    b.add("title", r.choice(MED_BOOKS) + ".")
    if r.random() < 0.5:
        b.add("edition", r.choice(["2nd ed.", "3rd ed.", "5th ed."]))
    b.add("location", place + ":")
    b.add("publisher", pub + ";")
    b.add("date", f"{year(r, 1970)}.")


def t_vancouver_chapter(b, r):
    number(b, r, 0.6, ["{}.", "[{}]"])
    pub, place = r.choice(MED_PUBLISHERS)
    b.add("author", close(vanc_authors(r), "."))
    b.add("title", r.choice(MED_TITLES) + ".")
    eds, k = editors(r, "vanc", sep=", ", last=", ")
    b.add("editor", f"In: {eds}, {'editor' if k == 1 else 'editors'}.")
    b.add("container-title", r.choice(MED_BOOKS) + ".")
    if r.random() < 0.4:
        b.add("edition", r.choice(["2nd ed.", "4th ed."]))
    b.add("location", place + ":")
    b.add("publisher", pub + ";")
    b.add("date", f"{year(r, 1970)}.")
    b.add("pages", f"p. {pages(r, '-', short=True)}.")


# --- humanities, social science, theses ---------------------------------------------------


def apa_authors(r, k=None):
    return names(
        r, r.choice(["fam_comma_init", "fam_comma_init"]), k=k, sep=", ", last=[", & ", " & "]
    )


def t_apa_chapter(b, r):
    number(b, r, 0.15)
    pub, place = r.choice(HUM_PUBLISHERS)
    b.add("author", close(apa_authors(r), "."))
    b.add("date", f"({year(r, 1970)}).")
    b.add("title", r.choice(HUM_TITLES) + ".")
    eds, k = editors(r, "init_fam", sep=", ", last=[" & ", ", & "])
    b.add("editor", f"In {eds} ({'Ed.' if k == 1 else 'Eds.'}),")
    b.add("container-title", title_case(r.choice(HUM_BOOKS)))
    if r.random() < 0.3:
        b.add("edition", f"({r.choice(['2nd ed.', '3rd ed.'])},")
        b.add("pages", f"pp. {pages(r, '–')}).")
    else:
        b.add("pages", f"({r.choice(['pp.', 'pp.', 'p.'])} {pages(r, '–')}).")
    if r.random() < 0.5:  # APA 6 has the place, APA 7 not
        b.add("location", place + ":")
    b.add("publisher", pub + ".")


def t_apa7_journal(b, r):
    number(b, r, 0.1)
    b.add("author", close(apa_authors(r), "."))
    b.add("date", f"({year(r, 1970)}).")
    b.add("title", end(r.choice(HUM_TITLES), "."))
    b.add("container-title", r.choice(HUM_JOURNALS) + ",")
    b.add("volume", str(r.randint(1, 120)))
    if r.random() < 0.8:
        b.glue("issue", f"({r.randint(1, 6)}),")
    else:
        b.glue("volume", ",")
    b.add("pages", pages(r, "–") + ".")
    if r.random() < 0.6:
        b.add(
            "doi", r.choice(["https://doi.org/{}", "doi:{}", "http://dx.doi.org/{}"]).format(doi(r))
        )


def t_mla(b, r):
    k = r.choice([1, 1, 2, 3])
    au = names(r, ["fam_comma_given", "given_fam"], k=k, sep=", ", last=", and ")
    if k == 3:
        au = person(r.choice(PEOPLE), "fam_comma_given") + ", et al"
    b.add("author", close(au, "."))
    b.add("title", "“" + title_case(r.choice(HUM_TITLES)) + ".”")
    b.add("container-title", r.choice(HUM_JOURNALS) + ",")
    b.add("volume", f"vol. {r.randint(1, 120)},")
    if r.random() < 0.8:
        b.add("issue", f"no. {r.randint(1, 6)},")
    y = year(r, 1960)
    b.add("date", r.choice([f"{y},", f"{r.choice(['Spring', 'Fall', 'Winter'])} {y},"]))
    b.add("pages", f"{r.choice(['pp.', 'pp.', 'p.'])} {pages(r, '–')}.")
    if r.random() < 0.2:
        b.add("note", r.choice(["JSTOR,", "Project MUSE,"]))
        b.add("url", f"www.jstor.org/stable/{r.randint(10000, 999999)}.")


def t_chicago_book(b, r):
    number(b, r, 0.1)
    pub, place = r.choice(HUM_PUBLISHERS + DE_PUBLISHERS[:2] + FR_PUBLISHERS[:2])
    b.add("author", close(names(r, ["fam_comma_given", "given_fam"], k=r.choice([1, 1, 2])), "."))
    b.add("title", title_case(r.choice(HUM_BOOKS + FR_BOOKS)) + ".")
    if r.random() < 0.6:
        b.add("editor", "Edited by " + names(r, "given_fam_short", k=r.choice([1, 2])) + ".")
    b.add(
        "translator",
        r.choice(["Translated by ", "Trans. ", "Translated by "])
        + names(r, "given_fam", k=r.choice([1, 1, 2]), sep=", ", last=" and ")
        + ".",
    )
    b.add("location", place + ":")
    b.add("publisher", pub + ",")
    b.add("date", f"{year(r, 1950)}.")


def t_dissertation(b, r):
    number(b, r, 0.1)
    uni, _ = r.choice(UNIVERSITIES)
    b.add("author", close(apa_authors(r, k=1), "."))
    b.add("date", f"({year(r, 1980)}).")
    b.add("title", r.choice(HUM_TITLES + MED_TITLES))
    g = r.choice(["Doctoral dissertation", "Master's thesis", "Unpublished doctoral dissertation"])
    b.add("genre", f"({g},")
    b.add("publisher", uni + ").")
    c = r.random()
    if c < 0.5:
        b.add(
            "note",
            r.choice(
                [
                    "Retrieved from ProQuest Dissertations and Theses database.",
                    "Available from ProQuest Dissertations & Theses Global.",
                ]
            )
            + f" (UMI No. {r.randint(3000000, 3999999)})",
        )
    elif c < 0.7:
        b.add("note", "Retrieved from")
        b.add(
            "url",
            f"https://repository.example.edu/handle/{r.randint(1000, 9999)}/{r.randint(1, 9999)}",
        )


def t_thesis_harvard(b, r):
    number(b, r, 0.2)
    uni, place = r.choice(UNIVERSITIES)
    b.add("author", names(r, r.choice(["fam_comma_init", "fam_init", "caps_fam_comma_init"]), k=1))
    b.add("date", f"({year(r, 1960)})" + r.choice(["", ","]))
    b.add("title", r.choice(HUM_TITLES + SCI_TITLES) + r.choice([".", ","]))
    b.add(
        "genre", r.choice(["PhD thesis.", "MSc thesis.", "Ph.D. dissertation,", "MA dissertation."])
    )
    b.add("publisher", uni + r.choice([".", ","]))
    if b.pieces[-1][1].endswith(","):
        b.add("location", place + ".")


def t_edited_book(b, r):
    number(b, r, 0.2)
    c = r.random()
    y = year(r, 1960)
    if c < 0.45:
        pub, place = r.choice(HUM_PUBLISHERS)
        eds, k = editors(r, "fam_comma_init", sep=", ", last=[", & ", " & ", " and "])
        b.add("editor", f"{eds} ({'Ed.' if k == 1 else 'Eds.'}).")
        b.add("date", f"({y}).")
        b.add("title", r.choice(HUM_BOOKS) + ".")
        if r.random() < 0.6:
            b.add("location", place + ":")
        b.add("publisher", pub + ".")
    elif c < 0.7:
        pub, place = r.choice(SCI_PUBLISHERS)
        eds, k = editors(r, "init_fam", sep=", ", last=" and ")
        b.add("editor", f"{eds}, {'ed.' if k == 1 else 'eds.'},")
        b.add("title", r.choice(SCI_BOOKS + HUM_BOOKS) + ",")
        b.add("publisher", pub + ",")
        b.add("location", place + ",")
        b.add("date", f"{y}.")
    elif c < 0.85:
        pub, place = r.choice(DE_PUBLISHERS)
        eds, _ = editors(r, r.choice(["fam_comma_init", "fam_comma_given"]), sep="; ", last="; ")
        year_first = r.random() < 0.5
        b.add("editor", f"{eds} (Hrsg.)" + ("" if year_first else ":"))
        if year_first:
            b.add("date", f"({y}):")
        b.add("title", r.choice(DE_BOOKS) + ".")
        b.add("location", place + ":")
        b.add("publisher", pub + ("." if year_first else ""))
        if not year_first:
            b.add("date", f"{y}.")
    else:
        pub, place = r.choice(FR_PUBLISHERS)
        eds, _ = editors(r, r.choice(["caps_fam_given", "given_fam_short"]), k=1)
        b.add("editor", f"{eds} (dir.),")
        b.add("title", r.choice(FR_BOOKS) + ",")
        b.add("location", place + ",")
        b.add("publisher", pub + ",")
        b.add("date", f"{y}.")


def t_german_chapter(b, r):
    number(b, r, 0.1)
    pub, place = r.choice(DE_PUBLISHERS)
    y = year(r, 1960)
    b.add(
        "author",
        names(
            r,
            r.choice(["fam_comma_given", "fam_comma_init"]),
            sep=(j := r.choice(["; ", "/", " / "])),
            last=j,
        )
        + ":",
    )
    b.add("title", r.choice(DE_TITLES) + ".")
    eds, _ = editors(r, r.choice(["fam_comma_init", "fam_comma_given"]), sep="/", last="/")
    b.add("editor", f"In: {eds} (Hrsg.):")
    b.add("container-title", r.choice(DE_BOOKS) + ".")
    b.add("location", place + ":")
    b.add("publisher", pub)
    b.add("date", f"{y},")
    b.add("pages", f"S. {pages(r, '–')}.")


def t_french_chapter(b, r):
    number(b, r, 0.1)
    pub, place = r.choice(FR_PUBLISHERS)
    b.add(
        "author",
        names(
            r,
            r.choice(["caps_fam_given", "given_fam_short"]),
            k=r.choice([1, 1, 2]),
            sep=", ",
            last=" et ",
        )
        + ",",
    )
    b.add("title", f"« {r.choice(FR_TITLES)} »,")
    eds, _ = editors(r, "given_fam_short", k=r.choice([1, 2]), sep=", ", last=" et ")
    b.add("editor", f"{r.choice(['dans', 'in'])} {eds} (dir.),")
    b.add("container-title", r.choice(FR_BOOKS) + ",")
    b.add("location", place + ",")
    b.add("publisher", pub + ",")
    b.add("date", f"{year(r, 1960)},")
    b.add("pages", f"p. {pages(r, '-')}.")


def t_pub_place(b, r):
    # Publisher, Place (Year): "Abacus Press, Tunbridge Wells, England (1979)"
    number(b, r, 0.5, ["[{}]", "{}."])
    pub, place = r.choice(SCI_PUBLISHERS)
    b.add("author", names(r, r.choice(["init_fam", "fam_comma_init"]), k=r.choice([1, 2])) + ",")
    b.add("title", r.choice(SCI_BOOKS + MATH_BOOKS + CS_BOOKS) + ",")
    if r.random() < 0.3:
        b.add("edition", r.choice(EDITIONS) + ",")
    b.add("publisher", pub + ",")
    if r.random() < 0.5:
        b.add("location", place)
        b.add("date", f"({year(r, 1930)}).")
    else:
        b.add("location", place + ",")
        b.add("date", f"{year(r, 1930)}.")


def t_cs_bare_editors(b, r):
    # BibTeX styles that print a proceedings' editors bare, with no "(eds.)":
    # "Title. A. Iglesias, N. Takayama, Mathematical Software, pages 331--342. Springer, 2006."
    number(b, r, 0.5, ["[{}]", "{}."])
    short, long = r.choice(CS_VENUES)
    y = year(r, 1985)
    b.add("author", close(cs_authors(r, "init_fam"), "."))
    b.add("title", r.choice(CS_TITLES) + ".")
    eds, _ = editors(r, "init_fam", sep=", ", last=", ")
    b.add("editor", eds + ",")
    venue = r.choice([long, f"Proceedings of the {long}", f"{short} {y}"])
    b.add("container-title", venue + ",")
    if r.random() < 0.5:
        series = r.choice(CS_SERIES)
        b.add("volume", f"volume {r.randint(100, 14000)}")
        b.add("collection-title", r.choice(series) + ",")
    b.add("pages", f"pages {pages(r, '--')}.")
    if r.random() < 0.7:
        b.add("publisher", r.choice(["Springer", "Springer-Verlag", "IEEE Computer Society"]) + ",")
    b.add("date", f"{y}.")


def t_cs_series_bare(b, r):
    # "CAV, volume 6806 LNCS, pages 585--591. Springer, 2011.": the series without "of"
    number(b, r, 0.5, ["[{}]"])
    short, _ = r.choice(CS_VENUES)
    y = year(r, 1985)
    b.add("author", close(cs_authors(r), "."))
    b.add("title", r.choice(CS_TITLES) + ".")
    b.add("container-title", r.choice([short, f"In {short}", f"{short} {y}"]) + ",")
    b.add("volume", f"volume {r.randint(100, 14000)}")
    b.add("collection-title", r.choice(CS_SERIES)[0] + ",")
    b.add("pages", f"pages {pages(r, '--')}.")
    b.add("publisher", r.choice(["Springer", "Springer-Verlag"]) + ",")
    b.add("date", f"{y}.")


def t_math_bare_editors(b, r):
    # "A. Author, Title, Book Title, E. Editor, F. Editor, Publisher, Place, 1988, pp. 1--26."
    number(b, r, 0.5, ["[{}]", "{}."])
    pub, place = r.choice(SCI_PUBLISHERS)
    b.add("author", math_authors(r) + ",")
    b.add("title", r.choice(MATH_TITLES) + ",")
    b.add("container-title", r.choice(MATH_BOOKS) + ",")
    eds, _ = editors(r, "init_fam", sep=", ", last=", ")
    b.add("editor", eds + ",")
    b.add("publisher", pub + ",")
    if r.random() < 0.6:
        b.add("location", place + ",")
    b.add("date", f"{year(r, 1950)},")
    b.add("pages", r.choice(["pp. ", "pp. ", ""]) + pages(r, "--") + ".")


TEMPLATES = [
    (t_phys_prl, 30),
    (t_astro_aas, 28),
    (t_phys_v, 18),
    (t_phys_iop, 22),
    (t_phys_elsevier, 26),
    (t_phys_arxiv, 22),
    (t_phys_book, 24),
    (t_phys_inpress, 16),
    (t_math_ams, 36),
    (t_math_issue, 22),
    (t_math_series_book, 24),
    (t_math_book, 22),
    (t_math_thesis, 20),
    (t_math_preprint, 14),
    (t_math_alpha, 18),
    (t_math_proc, 16),
    (t_math_chapter, 16),
    (t_cs_lncs, 30),
    (t_cs_proc, 28),
    (t_cs_techreport, 24),
    (t_cs_acm_journal, 20),
    (t_cs_arxiv, 18),
    (t_cs_springer, 22),
    (t_ieee_journal, 32),
    (t_ieee_conf, 26),
    (t_ieee_book, 14),
    (t_nature, 22),
    (t_acs, 18),
    (t_asce, 14),
    (t_vancouver, 40),
    (t_vancouver_book, 14),
    (t_vancouver_chapter, 14),
    (t_apa_chapter, 26),
    (t_apa7_journal, 22),
    (t_mla, 20),
    (t_chicago_book, 18),
    (t_dissertation, 18),
    (t_thesis_harvard, 12),
    (t_edited_book, 26),
    (t_german_chapter, 16),
    (t_french_chapter, 14),
    (t_pub_place, 16),
    (t_cs_bare_editors, 24),
    (t_cs_series_bare, 12),
    (t_math_bare_editors, 16),
]


def generate(seed: int = SEED) -> list[dict]:
    """All examples, deterministic for a seed."""
    r = random.Random(seed)
    out: list[dict] = []
    for template, count in TEMPLATES:
        for _ in range(count):
            b = StyleBuilder(r)
            template(b, r)
            out.append(b.record(len(out)))
    return out


def main(argv: list[str] | None = None) -> int:
    return examples_main(argv, "style_examples", "styles.jsonl", generate, SEED)


if __name__ == "__main__":
    raise SystemExit(main())
