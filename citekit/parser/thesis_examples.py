"""Labelled examples in the reference styles of theses and dissertations across disciplines.

The third sibling of ``essay_examples`` and ``style_examples``: bibliographies
of theses in education, nursing and health sciences, psychology, business,
economics, law, history, literature and languages, linguistics, music and art,
agriculture, geography, social work and communication, in the styles those
fields use (APA 6 and 7, MLA 8/9, Chicago notes-bibliography and author-date,
Turabian, Harvard, ASA, AMA, Bluebook-like legal citations), composed from
small hand-written tables of invented or well-known works and invented people,
with a fixed seed, and written in the shared JSONL format:

    python -m citekit.parser.thesis_examples [-o citekit/parser/data/thesis-styles.jsonl]

Labelling conventions (those of the two sibling modules and the AnyStyle sets):
the whole author list is one author segment (a film's director too, with its
"(Director)"; a producer is a note, as AnyStyle's producer maps to note); an
editor list with its markers ("(Ed.)", "eds.", "edited by", "Hrsg.", "éd.",
"a cura di" and a preceding "In"/"In:") is one editor segment, and a
translator list with "trans."/"Trans."/"translated by" one translator segment;
otherwise "In"/"On" belongs to the container; trailing punctuation belongs to
the field before it; "pp."/"p."/"S." go with pages, "vol."/"Vol." with volume,
"no."/"n°"/"H." with issue (volume and issue are always separate segments);
journals, newspapers, magazines, websites, encyclopedias, albums and the books
holding a chapter are container-title, book series collection-title;
"(Doctoral dissertation)", "[Master's thesis,", "PhD diss.," "[Film]",
"(Report No. 12)" and the like are genre, and a thesis's university or a
report's agency the publisher; "Paper presented at the ..." (and an APA 7
conference name after "[Paper presentation]") is the event; "Retrieved from",
"Available at:", database names, "(Original work published 1905)",
"Interview by ..." and accession numbers are notes; "Retrieved March 3, 2015,
from", "Accessed 5 May 2019." and "[Accessed 5 May 2019]" are accessed; URLs
are url and DOIs (also as https://doi.org/...) doi.  Legal citations: a case
or statute name is the title, the reporter or code the container-title, the
number before it the volume, the first page or section the pages, and the
parenthesised court and year the date.
"""

from __future__ import annotations

import random
from typing import Any

from citekit.parser.essay_examples import MONTH_ABBR, MONTHS, close, examples_main
from citekit.parser.style_examples import StyleBuilder, end, names, pages, person, title_case

SEED = 27182

# family, given, middle (all invented)
PEOPLE: list[tuple[str, str, str]] = [
    ("Ashworth", "Miriam", "J."),
    ("Bellamy", "Conrad", ""),
    ("Castellanos", "Lucía", "M."),
    ("Delacroix", "Amélie", ""),
    ("Eriksen", "Tove", "K."),
    ("Fairbanks", "Harold", "W."),
    ("Gutiérrez", "Pablo", "A."),
    ("Holloway", "Denise", "R."),
    ("Ibekwe", "Ngozi", ""),
    ("Jansen", "Maarten", ""),
    ("Kavanagh", "Brendan", "P."),
    ("Lindgren", "Astrid", ""),
    ("Marchetti", "Paolo", ""),
    ("Nakagawa", "Emi", ""),
    ("Oyelaran", "Tunde", "O."),
    ("Prescott", "Lydia", "M."),
    ("Quintero", "Rosa", "E."),
    ("Rasmussen", "Jens", ""),
    ("Sandoval", "Marisol", ""),
    ("Thibodeau", "Claire", "A."),
    ("Underwood", "Gareth", ""),
    ("Vasquez", "Elena", "D."),
    ("Winslow", "Martha", "C."),
    ("Xu", "Mingyu", ""),
    ("Yeboah", "Kwame", "A."),
    ("Zeller", "Annika", ""),
    ("Albrecht", "Sabine", ""),
    ("Brennan", "Colm", "J."),
    ("Carrington", "Naomi", "L."),
    ("Dąbrowska", "Agnieszka", ""),
    ("Esposito", "Chiara", ""),
    ("Fitzgerald", "Aoife", "M."),
    ("Greenberg", "Daniel", "S."),
    ("Halloran", "Patricia", "K."),
    ("Iqbal", "Sana", ""),
    ("Jørgensen", "Lars", "H."),
    ("Kaufman", "Rachel", "B."),
    ("Lemaire", "Hélène", ""),
    ("McAllister", "Fiona", "J."),
    ("Novotná", "Petra", ""),
    ("Osei", "Abena", ""),
    ("Pham", "Linh", "T."),
    ("Rutherford", "Owen", "G."),
    ("Saito", "Keiko", ""),
    ("Tremblay", "Luc", ""),
    ("Ulrich", "Matthias", ""),
    ("Vogel", "Henrike", ""),
    ("Whitlock", "Janet", "E."),
    ("de la Cruz", "Marco", "A."),
    ("van der Berg", "Sanne", ""),
    ("O'Brien", "Kathleen", "M."),
    ("Abernethy", "Ruth", "A."),
    ("Barrios", "Joaquín", ""),
    ("Cunningham", "Grace", "E."),
    ("Dlamini", "Sipho", ""),
    ("Everett", "Louise", "N."),
    ("Ferreira", "Beatriz", ""),
    ("Goodwin", "Theo", "R."),
    ("Hoffmann", "Jürgen", ""),
    ("Kowalczyk", "Tomasz", ""),
]

# discipline -> article titles (sentence case), book titles, journals
FIELDS: dict[str, dict[str, list[str]]] = {
    "education": {
        "articles": [
            "Teacher feedback and student motivation in middle school mathematics",
            "Culturally responsive pedagogy in rural classrooms",
            "The effects of peer tutoring on reading fluency: A meta-analysis",
            "Principal leadership and teacher retention in urban high schools",
            "Flipped classrooms and student engagement in higher education",
            "Early childhood literacy interventions for dual language learners",
        ],
        "books": [
            "Leading schools in times of change",
            "Assessment for learning: Putting it into practice",
            "The reflective practitioner in teacher education",
            "Curriculum theory and classroom practice",
        ],
        "journals": [
            "American Educational Research Journal",
            "Journal of Teacher Education",
            "Educational Administration Quarterly",
            "Teaching and Teacher Education",
            "Review of Educational Research",
        ],
    },
    "nursing": {
        "articles": [
            "Nurse staffing levels and patient falls in acute care hospitals",
            "Compassion fatigue among emergency department nurses",
            "Simulation-based training and clinical judgment in nursing students",
            "Barriers to hand hygiene compliance: A qualitative study",
            "Patient education for heart failure self-care",
            "Pain assessment in older adults with dementia",
        ],
        "books": [
            "Fundamentals of nursing practice",
            "Evidence-based practice in nursing and healthcare",
            "Community health nursing: A population approach",
            "Qualitative research in nursing",
        ],
        "journals": [
            "Journal of Advanced Nursing",
            "Nursing Research",
            "International Journal of Nursing Studies",
            "Journal of Clinical Nursing",
            "Nurse Education Today",
        ],
    },
    "psychology": {
        "articles": [
            "Attachment security and emotion regulation in adolescence",
            "Mindfulness-based stress reduction for college students",
            "Self-efficacy as a predictor of academic persistence",
            "Cognitive load and decision making under time pressure",
            "Social comparison on social media and body image",
            "Resilience in children exposed to community violence",
        ],
        "books": [
            "Handbook of developmental psychopathology",
            "Motivation and personality",
            "The psychology of human memory",
            "Clinical interviewing",
        ],
        "journals": [
            "Journal of Personality and Social Psychology",
            "Developmental Psychology",
            "Journal of Counseling Psychology",
            "Psychological Science",
            "Journal of Abnormal Psychology",
        ],
    },
    "business": {
        "articles": [
            "Transformational leadership and employee creativity",
            "Corporate social responsibility and brand loyalty",
            "Supply chain resilience in small manufacturing firms",
            "Remote work and organizational commitment",
            "Family ownership and innovation in mid-sized enterprises",
            "Customer satisfaction in online retail: A structural model",
        ],
        "books": [
            "Strategic management: Concepts and cases",
            "Organizational behavior",
            "Marketing management",
            "Principles of corporate finance",
        ],
        "journals": [
            "Academy of Management Journal",
            "Journal of Marketing",
            "Strategic Management Journal",
            "Journal of Business Ethics",
            "Harvard Business Review",
        ],
    },
    "economics": {
        "articles": [
            "Minimum wages and teenage employment: New evidence",
            "Remittances and household investment in rural Ghana",
            "Monetary policy transmission in small open economies",
            "Microcredit and women's empowerment",
            "Trade liberalization and regional wage inequality",
            "The returns to schooling in developing countries",
        ],
        "books": [
            "The economics of inequality",
            "Development economics",
            "Econometric analysis of cross section and panel data",
            "Public finance in theory and practice",
        ],
        "journals": [
            "American Economic Review",
            "Journal of Development Economics",
            "Quarterly Journal of Economics",
            "Journal of Labor Economics",
            "World Development",
        ],
    },
    "history": {
        "articles": [
            "Merchants and credit in eighteenth-century Bordeaux",
            "Women's labor in the textile mills of New England, 1830-1860",
            "The cholera epidemic of 1849 and municipal reform",
            "Missionaries and schooling in colonial Nigeria",
            "Veterans and the politics of memory after the Great War",
            "Railways and the making of the American West",
        ],
        "books": [
            "The making of the English working class",
            "A people's history of the frontier",
            "Empire and the everyday: Colonial towns, 1880-1940",
            "Cities of the plain: Urban life in the Gilded Age",
        ],
        "journals": [
            "Journal of Social History",
            "The Historical Journal",
            "Journal of American History",
            "Past & Present",
            "Journal of Modern History",
        ],
    },
    "literature": {
        "articles": [
            "Silence and testimony in postwar women's fiction",
            "The unreliable narrator in the Gothic novel",
            "Ecocriticism and the pastoral tradition",
            "Translation and exile in Latin American poetry",
            "Reading the city in modernist fiction",
            "Madness and the marriage plot",
        ],
        "books": [
            "The novel and the sea",
            "Romantic imagination and the natural world",
            "Border fictions: Literature of the American Southwest",
            "Voices of the diaspora",
        ],
        "journals": [
            "PMLA",
            "Modern Fiction Studies",
            "Comparative Literature",
            "Victorian Studies",
            "Hispanic Review",
        ],
    },
    "linguistics": {
        "articles": [
            "Code-switching among bilingual adolescents in Miami",
            "Vowel shifts in urban Scottish English",
            "The acquisition of grammatical gender by L2 learners of Spanish",
            "Politeness strategies in workplace email",
            "Evidentiality in Quechua narratives",
            "Corpus evidence for the grammaticalization of going to",
        ],
        "books": [
            "Sociolinguistics: An introduction to language and society",
            "Second language acquisition",
            "Discourse analysis in practice",
            "Phonology in generative grammar",
        ],
        "journals": [
            "Language",
            "Journal of Sociolinguistics",
            "Applied Linguistics",
            "Studies in Second Language Acquisition",
            "Language in Society",
        ],
    },
    "arts": {
        "articles": [
            "Improvisation and identity in jazz ensembles",
            "The reception of Beethoven in nineteenth-century Paris",
            "Music education and social inclusion",
            "Landscape and the sublime in Romantic painting",
            "Women printmakers of the Weimar Republic",
            "Museums, repatriation, and the ethics of display",
        ],
        "books": [
            "The social history of art",
            "Music in Western civilization",
            "Ways of seeing the modern city",
            "Performance practice in early music",
        ],
        "journals": [
            "Journal of Research in Music Education",
            "The Art Bulletin",
            "Music Theory Spectrum",
            "Oxford Art Journal",
            "Ethnomusicology",
        ],
    },
    "agriculture": {
        "articles": [
            "Cover crops and soil organic carbon in semi-arid systems",
            "Adoption of drought-tolerant maize by smallholder farmers",
            "Nitrogen use efficiency in irrigated rice",
            "Dairy cooperative membership and farm income",
            "Integrated pest management in tomato production",
            "Grazing intensity and rangeland biodiversity",
        ],
        "books": [
            "Soil fertility and fertilizers",
            "Principles of agronomy",
            "Agricultural extension: A practical guide",
            "The economics of farm management",
        ],
        "journals": [
            "Agronomy Journal",
            "Agricultural Systems",
            "Journal of Dairy Science",
            "Field Crops Research",
            "American Journal of Agricultural Economics",
        ],
    },
    "geography": {
        "articles": [
            "Gentrification and displacement in post-industrial waterfronts",
            "Flood risk perception in coastal communities",
            "Informal settlements and urban land markets",
            "Mapping food deserts with GIS",
            "Migration corridors and border economies",
            "Glacier retreat and water security in the Andes",
        ],
        "books": [
            "Human geography: Places and regions in global context",
            "The condition of postmodernity",
            "Geographic information systems and science",
            "Landscapes of power",
        ],
        "journals": [
            "Annals of the American Association of Geographers",
            "Progress in Human Geography",
            "Urban Studies",
            "The Professional Geographer",
            "Geoforum",
        ],
    },
    "social work": {
        "articles": [
            "Kinship care and placement stability in child welfare",
            "Trauma-informed practice in homeless services",
            "Burnout among child protection workers",
            "Strengths-based case management for older adults",
            "Peer support in community mental health",
            "Youth aging out of foster care: Outcomes at 21",
        ],
        "books": [
            "Social work practice: A generalist approach",
            "Direct social work practice: Theory and skills",
            "Child welfare: A unifying model",
            "Community organizing and development",
        ],
        "journals": [
            "Social Work",
            "Child Abuse & Neglect",
            "Journal of Social Work Education",
            "Children and Youth Services Review",
            "British Journal of Social Work",
        ],
    },
    "communication": {
        "articles": [
            "Framing climate change in local television news",
            "Political talk on Twitter during the 2016 election",
            "Health messages and vaccine hesitancy",
            "Parasocial relationships with YouTube creators",
            "Crisis communication and organizational reputation",
            "Agenda setting in the age of algorithms",
        ],
        "books": [
            "Media effects: Advances in theory and research",
            "Public relations theory",
            "Interpersonal communication",
            "Understanding media",
        ],
        "journals": [
            "Journal of Communication",
            "Communication Research",
            "Journalism & Mass Communication Quarterly",
            "Public Relations Review",
            "New Media & Society",
        ],
    },
    "law": {
        "articles": [
            "Judicial review and the administrative state",
            "Privacy, consent, and the Fourth Amendment",
            "Restorative justice in juvenile courts",
            "The right to education in international law",
            "Special education litigation after Endrew F.",
            "Mandatory arbitration and consumer protection",
        ],
        "books": [
            "Constitutional law: Principles and policies",
            "Law and society",
            "Education law",
            "The concept of law",
        ],
        "journals": [
            "Harvard Law Review",
            "Yale Law Journal",
            "Journal of Law and Education",
            "Law & Society Review",
            "Columbia Law Review",
        ],
    },
}
DISCIPLINES = list(FIELDS)
HEALTH = ["nursing", "psychology", "social work"]

# publisher, place (US places with states, UK and European places)
PUBLISHERS: list[tuple[str, str]] = [
    ("Sage", "Thousand Oaks, CA"),
    ("SAGE Publications", "Los Angeles, CA"),
    ("Jossey-Bass", "San Francisco, CA"),
    ("Guilford Press", "New York, NY"),
    ("Teachers College Press", "New York, NY"),
    ("Routledge", "New York, NY"),
    ("Routledge", "London"),
    ("Pearson", "Upper Saddle River, NJ"),
    ("Lippincott Williams & Wilkins", "Philadelphia, PA"),
    ("Springer Publishing Company", "New York, NY"),
    ("Jones & Bartlett Learning", "Burlington, MA"),
    ("American Psychological Association", "Washington, DC"),
    ("Lawrence Erlbaum Associates", "Mahwah, NJ"),
    ("Wiley", "Hoboken, NJ"),
    ("Elsevier", "St. Louis, MO"),
    ("Cengage Learning", "Boston, MA"),
    ("McGraw-Hill Education", "New York, NY"),
    ("Oxford University Press", "Oxford"),
    ("Cambridge University Press", "Cambridge"),
    ("University of Chicago Press", "Chicago"),
    ("University of California Press", "Berkeley"),
    ("University of North Carolina Press", "Chapel Hill"),
    ("University of Texas Press", "Austin"),
    ("Yale University Press", "New Haven, CT"),
    ("Princeton University Press", "Princeton, NJ"),
    ("Harvard University Press", "Cambridge, MA"),
    ("Johns Hopkins University Press", "Baltimore"),
    ("Indiana University Press", "Bloomington"),
    ("Palgrave Macmillan", "Basingstoke"),
    ("Edward Elgar Publishing", "Cheltenham"),
    ("Bloomsbury Academic", "London"),
    ("Policy Press", "Bristol"),
    ("Emerald Publishing", "Bingley"),
    ("Information Age Publishing", "Charlotte, NC"),
    ("Corwin Press", "Thousand Oaks, CA"),
    ("Multilingual Matters", "Bristol"),
    ("John Benjamins Publishing", "Amsterdam"),
    ("Mouton de Gruyter", "Berlin"),
    ("Springer Verlag", "Berlin"),
    ("Éditions du Seuil", "Paris"),
    ("CABI Publishing", "Wallingford"),
    ("W. W. Norton", "New York"),
    ("Vintage Books", "New York"),
    ("Thomson Reuters", "St. Paul, MN"),
    ("Foundation Press", "New York"),
    ("West Academic Publishing", "St. Paul, MN"),
]

UNIVERSITIES: list[tuple[str, str]] = [
    ("University of Minnesota", "Minneapolis, MN"),
    ("Columbia University", "New York, NY"),
    ("University of Michigan", "Ann Arbor, MI"),
    ("Walden University", "Minneapolis, MN"),
    ("Capella University", "Minneapolis, MN"),
    ("Ohio State University", "Columbus, OH"),
    ("University of Texas at Austin", "Austin, TX"),
    ("Arizona State University", "Tempe, AZ"),
    ("University of Toronto", "Toronto, Canada"),
    ("McGill University", "Montreal, Canada"),
    ("University of Leeds", "Leeds"),
    ("University of Edinburgh", "Edinburgh"),
    ("University of Cape Town", "Cape Town, South Africa"),
    ("University of Melbourne", "Melbourne, Australia"),
    ("University of Nairobi", "Nairobi, Kenya"),
    ("Iowa State University", "Ames, IA"),
    ("Texas A&M University", "College Station, TX"),
    ("University of Georgia", "Athens, GA"),
    ("Indiana University", "Bloomington, IN"),
    ("University of Wisconsin-Madison", "Madison, WI"),
    ("Teachers College, Columbia University", "New York, NY"),
    ("University of California, Los Angeles", "Los Angeles, CA"),
    ("Universidad Complutense de Madrid", "Madrid"),
    ("Université de Montréal", "Montréal"),
    ("Universidade de São Paulo", "São Paulo"),
]
# a short form for MLA ("U of Michigan") is derived from the name

AGENCIES: list[tuple[str, str, str]] = [
    # corporate author, short form, place
    ("National Center for Education Statistics", "NCES", "Washington, DC"),
    ("U.S. Department of Education", "ED", "Washington, DC"),
    ("U.S. Department of Agriculture", "USDA", "Washington, DC"),
    ("Centers for Disease Control and Prevention", "CDC", "Atlanta, GA"),
    ("National Institute of Mental Health", "NIMH", "Bethesda, MD"),
    ("U.S. Census Bureau", "Census", "Washington, DC"),
    ("Bureau of Labor Statistics", "BLS", "Washington, DC"),
    ("Substance Abuse and Mental Health Services Administration", "SAMHSA", "Rockville, MD"),
    ("World Health Organization", "WHO", "Geneva, Switzerland"),
    ("UNESCO", "UNESCO", "Paris"),
    ("UNICEF", "UNICEF", "New York, NY"),
    ("Food and Agriculture Organization of the United Nations", "FAO", "Rome"),
    ("Organisation for Economic Co-operation and Development", "OECD", "Paris"),
    ("World Bank", "World Bank", "Washington, DC"),
    ("International Labour Organization", "ILO", "Geneva"),
    ("Office for National Statistics", "ONS", "Newport"),
    ("Department for Education", "DfE", "London"),
    ("National Institute for Health and Care Excellence", "NICE", "London"),
    ("Australian Institute of Health and Welfare", "AIHW", "Canberra"),
    ("Statistics Canada", "StatCan", "Ottawa"),
    ("Pew Research Center", "Pew", "Washington, DC"),
    ("Save the Children", "Save the Children", "London"),
    ("Oxfam International", "Oxfam", "Oxford"),
    ("American Nurses Association", "ANA", "Silver Spring, MD"),
]
AGENCY_SITES = {
    "NCES": "https://nces.ed.gov/pubsearch/pubsinfo.asp?pubid={y}{n}",
    "ED": "https://www2.ed.gov/about/reports/{slug}.pdf",
    "USDA": "https://www.ers.usda.gov/publications/pub-details/?pubid={n}",
    "CDC": "https://www.cdc.gov/mmwr/volumes/{v}/wr/mm{v}{n}.htm",
    "NIMH": "https://www.nimh.nih.gov/health/publications/{slug}",
    "Census": "https://www.census.gov/library/publications/{y}/demo/p60-{n}.html",
    "BLS": "https://www.bls.gov/opub/mlr/{y}/article/{slug}.htm",
    "SAMHSA": "https://store.samhsa.gov/product/{slug}/PEP{v}-{n}",
    "WHO": "https://apps.who.int/iris/handle/10665/{n}",
    "UNESCO": "https://unesdoc.unesco.org/ark:/48223/pf0000{n}",
    "UNICEF": "https://www.unicef.org/reports/{slug}",
    "FAO": "http://www.fao.org/3/ca{n}en/ca{n}en.pdf",
    "OECD": "https://doi.org/10.1787/{n}-en",
    "World Bank": "https://openknowledge.worldbank.org/handle/10986/{n}",
    "ILO": "https://www.ilo.org/global/publications/books/{slug}/lang--en/index.htm",
    "ONS": "https://www.ons.gov.uk/peoplepopulationandcommunity/{slug}",
    "DfE": "https://www.gov.uk/government/publications/{slug}",
    "NICE": "https://www.nice.org.uk/guidance/ng{v}",
    "AIHW": "https://www.aihw.gov.au/reports/{slug}",
    "StatCan": "https://www150.statcan.gc.ca/n1/pub/75-006-x/{y}001/article/{n}-eng.htm",
    "Pew": "https://www.pewresearch.org/internet/{y}/{m:02d}/{d:02d}/{slug}/",
    "Save the Children": "https://resourcecentre.savethechildren.net/document/{slug}/",
    "Oxfam": "https://policy-practice.oxfam.org/resources/{slug}-{n}/",
    "ANA": "https://www.nursingworld.org/practice-policy/{slug}/",
}
REPORT_KINDS = [
    "Report No. {c}",
    "NCES {y}-{n3}",
    "Research Report RR-{n3}",
    "Policy Brief No. {n2}",
    "Technical Report {n2}",
    "Working Paper No. {n3}",
    "Bulletin No. {n3}",
    "Extension Circular {n3}",
    "Publication No. {n3}",
    "HHS Publication No. (SMA) {n2}-{n3}",
    "Occasional Paper {n2}",
    "WHO/{c2}/{n2}.{n1}",
]

NEWSPAPERS = [
    "The New York Times",
    "The Washington Post",
    "Los Angeles Times",
    "The Chicago Tribune",
    "The Boston Globe",
    "USA Today",
    "The Wall Street Journal",
    "The Guardian",
    "The Times",
    "The Globe and Mail",
    "The Sydney Morning Herald",
    "Education Week",
    "The Chronicle of Higher Education",
]
MAGAZINES = [
    "The Atlantic",
    "The New Yorker",
    "Time",
    "Psychology Today",
    "Scientific American",
    "The Economist",
    "Harper's Magazine",
    "Rolling Stone",
    "Newsweek",
    "Smithsonian",
]
NEWS_HOSTS = {
    "The New York Times": "https://www.nytimes.com/{y}/{m:02d}/{d:02d}/{sec}/{slug}.html",
    "The Washington Post": "https://www.washingtonpost.com/{sec}/{y}/{m:02d}/{d:02d}/{slug}/",
    "The Guardian": "https://www.theguardian.com/{sec}/{y}/{mon}/{d:02d}/{slug}",
    "Education Week": "https://www.edweek.org/{sec}/{slug}/{y}/{m:02d}",
    "The Atlantic": "https://www.theatlantic.com/{sec}/archive/{y}/{m:02d}/{slug}/{n}/",
    "The New Yorker": "https://www.newyorker.com/magazine/{y}/{m:02d}/{d:02d}/{slug}",
    "Psychology Today": "https://www.psychologytoday.com/us/blog/{slug}",
    "The Conversation": "https://theconversation.com/{slug}-{n}",
    "Edutopia": "https://www.edutopia.org/article/{slug}",
    "Mayo Clinic": "https://www.mayoclinic.org/healthy-lifestyle/{slug}",
    "NPR": "https://www.npr.org/{y}/{m:02d}/{d:02d}/{n}/{slug}",
    "BBC News": "https://www.bbc.co.uk/news/{sec}-{n}",
}
WEBSITES = ["The Conversation", "Edutopia", "Mayo Clinic", "NPR", "BBC News", "Psychology Today"]
SECTIONS = ["education", "health", "us", "world", "business", "arts", "science", "opinion"]

CONFERENCES = [
    ("Annual Meeting of the American Educational Research Association", "AERA"),
    ("annual meeting of the American Psychological Association", "APA"),
    ("Annual Conference of the National Association for Research in Science Teaching", "NARST"),
    ("Sigma Theta Tau International Nursing Research Congress", "STTI"),
    ("Academy of Management Annual Meeting", "AOM"),
    ("annual meeting of the Society for Research in Child Development", "SRCD"),
    ("Annual Conference of the International Communication Association", "ICA"),
    ("Annual Program Meeting of the Council on Social Work Education", "CSWE"),
    ("American Agricultural Economics Association Annual Meeting", "AAEA"),
    ("Annual Meeting of the Association of American Geographers", "AAG"),
    ("Annual Meeting of the Linguistic Society of America", "LSA"),
    ("Annual Meeting of the Society for Ethnomusicology", "SEM"),
    ("Modern Language Association Annual Convention", "MLA"),
    ("Annual Meeting of the American Historical Association", "AHA"),
    ("Annual Conference of the Comparative and International Education Society", "CIES"),
]
US_CITIES = [
    "Chicago, IL",
    "San Francisco, CA",
    "New Orleans, LA",
    "Denver, CO",
    "Washington, DC",
    "Philadelphia, PA",
    "Boston, MA",
    "Toronto, Ontario, Canada",
    "Seattle, WA",
    "San Antonio, TX",
    "Vancouver, British Columbia, Canada",
    "Atlanta, GA",
    "Honolulu, HI",
    "Orlando, FL",
]

ENCYCLOPEDIAS = [
    ("Encyclopedia of educational psychology", "Sage"),
    ("The SAGE encyclopedia of qualitative research methods", "Sage"),
    ("Encyclopedia of social work", "Oxford University Press"),
    ("International encyclopedia of the social & behavioral sciences", "Elsevier"),
    ("The new Grove dictionary of music and musicians", "Macmillan"),
    ("Encyclopedia of world environmental history", "Routledge"),
    ("The Oxford companion to the history of modern science", "Oxford University Press"),
    ("Encyclopedia of language and linguistics", "Elsevier"),
]
ONLINE_REFERENCE = [
    ("Stanford Encyclopedia of Philosophy", "https://plato.stanford.edu/entries/{slug}/"),
    ("Encyclopædia Britannica", "https://www.britannica.com/topic/{slug}"),
    ("Oxford Research Encyclopedia of Education", "https://doi.org/10.1093/acrefore/{n}"),
    ("Grove Music Online", "https://doi.org/10.1093/gmo/9781561592630.article.{n}"),
]
ENTRY_TITLES = [
    "Constructivism",
    "Zone of proximal development",
    "Self-determination theory",
    "Sharecropping",
    "Bilingualism",
    "Fugue",
    "Social capital",
    "Mixed methods research",
    "Reconstruction",
    "Green Revolution",
    "Phenomenology",
    "Agenda-setting theory",
]

FILMS = [
    "The wind that shakes the barley",
    "Waiting for Superman",
    "Freedom writers",
    "Still Alice",
    "Stand and deliver",
    "The class",
    "Hoop dreams",
    "A beautiful mind",
    "Spirited away",
    "Food, Inc.",
]
STUDIOS = [
    "Paramount Pictures",
    "Warner Bros.",
    "Sony Pictures Classics",
    "Participant Media",
    "Magnolia Pictures",
    "Studio Ghibli",
    "Public Broadcasting Service",
    "Netflix",
]
SONGS = [
    "Fields of gold",
    "A change is gonna come",
    "Blowin' in the wind",
    "Strange fruit",
    "River of tears",
    "Harvest moon",
]
ALBUMS = ["Ten summoner's tales", "Ain't that good news", "Songs of the land", "Harvest moon"]
LABELS_REC = [
    "A&M Records",
    "RCA Victor",
    "Columbia Records",
    "Reprise Records",
    "Deutsche Grammophon",
]
# composer (family, given, middle), work, first published
WORKS = [
    (("Beethoven", "Ludwig", "van"), "Symphony no. 5 in C minor, op. 67", "1808"),
    (("Vivaldi", "Antonio", ""), "The four seasons", "1725"),
    (("Gershwin", "George", ""), "Rhapsody in blue", "1924"),
    (("Copland", "Aaron", ""), "Appalachian spring", "1944"),
    (("Rachmaninoff", "Sergei", ""), "Piano concerto no. 2 in C minor, op. 18", "1901"),
]
ORCHESTRAS = [
    "Berlin Philharmonic",
    "London Symphony Orchestra",
    "Chicago Symphony Orchestra",
    "Academy of St Martin in the Fields",
]

# case name, reporter, court (for the parenthesis; "" for the Supreme Court)
CASES = [
    ("Brown v. Board of Education", "U.S.", ""),
    ("Tinker v. Des Moines Independent Community School District", "U.S.", ""),
    ("Miranda v. Arizona", "U.S.", ""),
    ("Plyler v. Doe", "U.S.", ""),
    ("Board of Education v. Rowley", "U.S.", ""),
    ("Goss v. Lopez", "U.S.", ""),
    ("Hazelwood School District v. Kuhlmeier", "U.S.", ""),
    ("Lau v. Nichols", "U.S.", ""),
    ("Morse v. Frederick", "S. Ct.", ""),
    ("Castaneda v. Pickard", "F.2d", "5th Cir."),
    ("Davis v. Holloway Unified School District", "F.3d", "9th Cir."),
    ("Martinez v. Greenfield Hospital Authority", "F. Supp. 2d", "D. Mass."),
    ("Okafor v. State Board of Nursing", "F.3d", "7th Cir."),
    ("In re Marriage of Sandoval", "Cal. App. 4th", ""),
    ("People v. Kavanagh", "N.Y.2d", ""),
    ("Thibodeau v. Riverside County", "F. Supp. 3d", "C.D. Cal."),
]
STATUTES = [
    ("Individuals with Disabilities Education Act", "20", "U.S.C.", "§ 1400 et seq.", "2004"),
    ("Family Educational Rights and Privacy Act", "20", "U.S.C.", "§ 1232g", "1974"),
    ("Americans with Disabilities Act of 1990", "42", "U.S.C.", "§ 12101", "1990"),
    ("No Child Left Behind Act of 2001", "20", "U.S.C.", "§ 6319", "2002"),
    (
        "Health Insurance Portability and Accountability Act of 1996",
        "42",
        "U.S.C.",
        "§ 1320d",
        "1996",
    ),
    ("Every Student Succeeds Act", "20", "U.S.C.", "§ 6301", "2015"),
    ("Title IX of the Education Amendments of 1972", "20", "U.S.C.", "§ 1681", "1972"),
    ("Child Abuse Prevention and Treatment Act", "42", "U.S.C.", "§ 5101", "2010"),
]
PUBLIC_LAWS = [
    ("No Child Left Behind Act of 2001", "107-110", "115", "1425", "2002"),
    ("Patient Protection and Affordable Care Act", "111-148", "124", "119", "2010"),
    ("Every Student Succeeds Act", "114-95", "129", "1802", "2015"),
    ("Agricultural Act of 2014", "113-79", "128", "649", "2014"),
]
LAW_REVIEWS = [
    "Harv. L. Rev.",
    "Yale L.J.",
    "Colum. L. Rev.",
    "Stan. L. Rev.",
    "J.L. & Educ.",
    "Mich. L. Rev.",
    "Geo. L.J.",
    "B.C. L. Rev.",
]

STANDARDS = [
    (
        "International Organization for Standardization",
        "ISO 9001:2015",
        "Quality management systems — Requirements",
    ),
    (
        "International Organization for Standardization",
        "ISO 26000:2010",
        "Guidance on social responsibility",
    ),
    (
        "International Organization for Standardization",
        "ISO 14001:2015",
        "Environmental management systems — Requirements with guidance for use",
    ),
    (
        "American National Standards Institute",
        "ANSI/ASHRAE 62.1-2019",
        "Ventilation for acceptable indoor air quality",
    ),
    (
        "British Standards Institution",
        "BS 8300-2:2018",
        "Design of an accessible and inclusive built environment",
    ),
    (
        "ASTM International",
        "ASTM D2487-17",
        "Standard practice for classification of soils for engineering purposes",
    ),
]
STANDARD_PLACES = {
    "International Organization for Standardization": "Geneva",
    "American National Standards Institute": "Washington, DC",
    "British Standards Institution": "London",
    "ASTM International": "West Conshohocken, PA",
}

# French, German, Spanish, Portuguese, Italian works: titles, publishers (place),
# markers: editor, translator, edition, pages prefix, "and"
FOREIGN: dict[str, dict[str, Any]] = {
    "fr": {
        "books": [
            "La reproduction : éléments pour une théorie du système d'enseignement",
            "Histoire de l'école primaire en France",
            "Les mots et les choses",
            "Sociologie de la lecture",
            "La musique et ses publics au XIXe siècle",
        ],
        "articles": [
            "Les inégalités scolaires en milieu rural",
            "Le rôle des infirmières dans la prévention",
            "Langue et identité chez les jeunes Montréalais",
        ],
        "journals": [
            "Revue française de pédagogie",
            "Annales. Histoire, Sciences Sociales",
            "Langage et société",
        ],
        "publishers": [
            ("Éditions de Minuit", "Paris"),
            ("Presses Universitaires de France", "Paris"),
            ("Éditions Gallimard", "Paris"),
            ("Armand Colin", "Paris"),
            ("Presses de l'Université de Montréal", "Montréal"),
        ],
        "ed": (["(dir.)", "(éd.)"], ["(dir.)", "(éds.)"]),
        "trans": "trad. par",
        "edition": ["2e éd.", "3e édition", "nouvelle éd."],
        "pp": "p.",
        "and": " et ",
        "in": "dans",
        "vol": "vol.",
        "no": "n°",
    },
    "de": {
        "books": [
            "Erziehung und Bildung in der Moderne",
            "Die Entdeckung der Kindheit",
            "Sprachwandel im Deutschen",
            "Geschichte der Musikpädagogik",
            "Landwirtschaft und Agrarpolitik in Bayern",
        ],
        "articles": [
            "Schulleistung und soziale Herkunft",
            "Pflegequalität in stationären Einrichtungen",
            "Mehrsprachigkeit im Klassenzimmer",
        ],
        "journals": [
            "Zeitschrift für Pädagogik",
            "Geschichte und Gesellschaft",
            "Zeitschrift für Sprachwissenschaft",
        ],
        "publishers": [
            ("Suhrkamp Verlag", "Frankfurt am Main"),
            ("Beltz Verlag", "Weinheim"),
            ("Verlag C. H. Beck", "München"),
            ("Waxmann Verlag", "Münster"),
            ("Böhlau Verlag", "Wien"),
        ],
        "ed": (["(Hrsg.)", "(Hg.)"], ["(Hrsg.)", "(Hg.)"]),
        "trans": "übers. von",
        "edition": ["2. Aufl.", "3., überarb. Aufl.", "2. Auflage"],
        "pp": "S.",
        "and": " und ",
        "in": "In:",
        "vol": "Bd.",
        "no": "H.",
    },
    "es": {
        "books": [
            "La educación en América Latina: retos y perspectivas",
            "Historia social de la música en México",
            "Pedagogía del oprimido",
            "Lengua y sociedad en el Caribe hispánico",
        ],
        "articles": [
            "La formación docente en contextos rurales",
            "Migración y remesas en Centroamérica",
            "El español en contacto con el guaraní",
        ],
        "journals": [
            "Revista de Educación",
            "Perfiles Educativos",
            "Revista Española de Lingüística",
        ],
        "publishers": [
            ("Editorial Síntesis", "Madrid"),
            ("Siglo XXI Editores", "México"),
            ("Ediciones Morata", "Madrid"),
            ("Fondo de Cultura Económica", "México, D.F."),
            ("Editorial Paidós", "Buenos Aires"),
        ],
        "ed": (["(ed.)", "(coord.)", "(comp.)"], ["(eds.)", "(coords.)", "(comps.)"]),
        "trans": "trad. de",
        "edition": ["2.ª ed.", "3.ª edición", "2a ed."],
        "pp": "pp.",
        "and": " y ",
        "in": "En",
        "vol": "vol.",
        "no": "n.º",
    },
    "pt": {
        "books": [
            "Educação e sociedade no Brasil",
            "A formação do povo brasileiro",
            "Enfermagem e saúde coletiva",
            "Geografia agrária do Nordeste",
        ],
        "articles": [
            "Políticas de alfabetização no Brasil",
            "Agricultura familiar e segurança alimentar",
            "O ensino de música nas escolas públicas",
        ],
        "journals": [
            "Educação & Sociedade",
            "Revista Brasileira de Enfermagem",
            "Cadernos de Saúde Pública",
        ],
        "publishers": [
            ("Editora Vozes", "Petrópolis"),
            ("Paz e Terra", "Rio de Janeiro"),
            ("Cortez Editora", "São Paulo"),
            ("Editora da Unicamp", "Campinas"),
            ("Edições 70", "Lisboa"),
        ],
        "ed": (["(org.)", "(ed.)"], ["(orgs.)", "(eds.)"]),
        "trans": "trad. de",
        "edition": ["2. ed.", "3. ed.", "4. ed. rev."],
        "pp": "p.",
        "and": " e ",
        "in": "In:",
        "vol": "v.",
        "no": "n.",
    },
    "it": {
        "books": [
            "Storia della scuola italiana",
            "La linguistica italiana oggi",
            "Musica e società nel Novecento",
            "L'agricoltura in Toscana tra Otto e Novecento",
        ],
        "articles": [
            "La dispersione scolastica nel Mezzogiorno",
            "Dialetti e italiano regionale",
            "Il paesaggio agrario e la memoria",
        ],
        "journals": [
            "Rivista di storia dell'educazione",
            "Studi di grammatica italiana",
            "Rivista italiana di musicologia",
        ],
        "publishers": [
            ("Il Mulino", "Bologna"),
            ("Laterza", "Roma-Bari"),
            ("Giulio Einaudi editore", "Torino"),
            ("Carocci editore", "Roma"),
            ("FrancoAngeli", "Milano"),
        ],
        "ed": (["(a cura di)", "(ed.)"], ["(a cura di)", "(eds.)"]),
        "trans": "trad. di",
        "edition": ["2a ed.", "nuova ed."],
        "pp": "pp.",
        "and": " e ",
        "in": "in",
        "vol": "vol.",
        "no": "n.",
    },
}

DOI_PREFIXES = [
    "1037",
    "1177",
    "1080",
    "1111",
    "3102",
    "1016",
    "1007",
    "1093",
    "1002",
    "1086",
    "2307",
]
REPOSITORIES = [
    "https://scholarworks.waldenu.edu/dissertations/{n}",
    "https://conservancy.umn.edu/handle/11299/{n}",
    "https://deepblue.lib.umich.edu/handle/2027.42/{n}",
    "https://repositories.lib.utexas.edu/handle/2152/{n}",
    "https://etheses.whiterose.ac.uk/{n}/",
    "https://era.ed.ac.uk/handle/1842/{n}",
    "https://lib.dr.iastate.edu/etd/{n}",
    "https://open.library.ubc.ca/collections/ubctheses/24/items/1.0{n}",
    "http://hdl.handle.net/{n2}/{n}",
    "https://digitalcommons.unl.edu/cehsdiss/{n}",
]
ORDINALS = ["2nd", "3rd", "4th", "5th", "6th", "7th", "8th", "10th"]
SEASONS = ["Spring", "Summer", "Fall", "Winter"]


class ThesisBuilder(StyleBuilder):
    """A StyleBuilder whose records carry this module's id and source."""

    ID_PREFIX = "citekit/thesis-styles"
    SOURCE = "citekit:parser/thesis_examples.py"


# --- small pieces ----------------------------------------------------------------


def field(r: random.Random, kind: str, disc: str | None = None) -> str:
    return r.choice(FIELDS[disc or r.choice(DISCIPLINES)][kind])


def disc_of(r: random.Random) -> str:
    return r.choice(DISCIPLINES)


def yr(r: random.Random, lo: int = 1965, hi: int = 2023) -> int:
    return r.randint(lo, hi)


def slug(title: str) -> str:
    words = ["".join(c for c in w.lower() if c.isascii() and c.isalnum()) for w in title.split()]
    return "-".join(w for w in words[:7] if w)


def a_doi(r: random.Random) -> str:
    p = r.choice(DOI_PREFIXES)
    suffix = r.choice(
        [
            f"0022-0663.{r.randint(80, 115)}.{r.randint(1, 6)}.{r.randint(100, 999)}",
            f"00{r.randint(10, 99)}{r.randint(100, 999)}X{r.randint(10000000, 19999999)}",
            f"jan.{r.randint(10000, 19999)}",
            f"{r.randint(1000000, 9999999)}.{r.randint(2000, 2022)}.{r.randint(1000000, 9999999)}",
            f"j.tate.{r.randint(2005, 2022)}.{r.randint(10, 99)}.{r.randint(100, 999)}",
            f"{r.randint(100000, 999999)}",
            f"s{r.randint(10000, 99999)}-0{r.randint(10, 22)}-{r.randint(1000, 9999)}-{r.randint(0, 9)}",
        ]
    )
    return f"10.{p}/{suffix}"


def news_url(r: random.Random, site: str, title: str) -> str:
    m = r.randint(1, 12)
    pattern = NEWS_HOSTS.get(site, "https://www.example-news.com/{sec}/{slug}")
    return pattern.format(
        y=r.randint(2008, 2023),
        m=m,
        d=r.randint(1, 28),
        mon=MONTHS[m - 1][:3].lower(),
        sec=r.choice(SECTIONS),
        slug=slug(title),
        n=r.randint(100000, 99999999),
    )


def agency_url(r: random.Random, short: str, title: str) -> str:
    return AGENCY_SITES[short].format(
        y=r.randint(2005, 2023),
        m=r.randint(1, 12),
        d=r.randint(1, 28),
        v=r.randint(10, 72),
        n=r.randint(1000, 99999),
        slug=slug(title),
    )


def repo_url(r: random.Random) -> str:
    return r.choice(REPOSITORIES).format(n=r.randint(100, 99999), n2=r.randint(1000, 99999))


def mdy(r: random.Random, y: int | None = None, abbr: bool = False) -> str:
    """ "March 3, 2015" (or "Mar. 3, 2015")."""
    m = r.randrange(12)
    month = MONTH_ABBR[m] if abbr else MONTHS[m]
    return f"{month} {r.randint(1, 28)}, {y or yr(r, 2005)}"


def dmy(r: random.Random, y: int | None = None, abbr: bool = False) -> str:
    """ "3 March 2015" (MLA: "3 Mar. 2015")."""
    m = r.randrange(12)
    month = MONTH_ABBR[m] if abbr else MONTHS[m]
    return f"{r.randint(1, 28)} {month} {y or yr(r, 2005)}"


def apa_names(r: random.Random, k: int | None = None, people=PEOPLE) -> str:
    """APA: "Ashworth, M. J., Bellamy, C., & Xu, M." (sometimes all-caps families)."""
    k = k or r.choice([1, 1, 1, 2, 2, 3, 4])
    style = "caps_fam_comma_init" if r.random() < 0.06 else "fam_comma_init"
    au = names(r, style, k=k, sep=", ", last=", & ", people=people)
    return close(au, ".")


def apa_editors(r: random.Random) -> str:
    """APA editors after "In": "In M. J. Ashworth & C. Bellamy (Eds.),"."""
    k = r.choice([1, 1, 2, 2, 3])
    eds = names(
        r, "init_fam", k=k, sep=", ", last=[", & ", " & "] if k > 2 else " & ", people=PEOPLE
    )
    return f"In {eds} ({'Ed.' if k == 1 else 'Eds.'}),"


def chicago_names(r: random.Random, k: int | None = None) -> str:
    """Chicago bibliography: "Ashworth, Miriam J., and Conrad Bellamy." (first inverted)."""
    k = k or r.choice([1, 1, 1, 2, 2, 3])
    if r.random() < 0.05:
        return close(person(r.choice(PEOPLE), "caps_fam_given").replace(" ", ", ", 1), ".")
    au = names(r, ["fam_comma_given", "given_fam"], k=k, sep=", ", last=", and ", people=PEOPLE)
    return close(au, ".")


def mla_names(r: random.Random) -> str:
    k = r.choice([1, 1, 1, 2, 2, 3])
    if k == 3:
        return person(r.choice(PEOPLE), "fam_comma_given") + ", et al."
    return close(
        names(r, ["fam_comma_given", "given_fam"], k=k, sep=", ", last=", and ", people=PEOPLE),
        ".",
    )


def harvard_names(r: random.Random) -> str:
    k = r.choice([1, 1, 2, 2, 3, 4])
    style = r.choice(
        ["fam_comma_init", "fam_comma_init", "fam_comma_init_tight", "caps_fam_comma_init"]
    )
    if k == 4:
        return person(r.choice(PEOPLE), style) + r.choice([" et al.", " et al"])
    return names(r, style, k=k, sep=", ", last=" and ", people=PEOPLE)


def editor_names(r: random.Random, k: int, style: str = "given_fam_short") -> str:
    return names(r, style, k=k, sep=", ", last=" and ", people=PEOPLE)


def apa_date(r: random.Random, lo: int = 1970, nd: float = 0.05) -> str:
    if r.random() < nd:
        return "(n.d.)."
    return f"({yr(r, lo)}{r.choice(['', '', '', 'a', 'b'])})."


def number_prefix(b: ThesisBuilder, r: random.Random, odds: float) -> None:
    if r.random() < odds:
        b.add("citation-number", r.choice(["{}.", "[{}]", "{}"]).format(r.randint(1, 240)))


def uni_short(uni: str) -> str:
    """MLA's short form: "U of Michigan", "Ohio State U"."""
    if uni.startswith("University of "):
        return "U of " + uni[len("University of ") :]
    if uni.endswith(" University"):
        return uni[: -len(" University")] + " U"
    return uni


def pp(r: random.Random) -> str:
    return pages(r, r.choice(["–", "–", "-"]))


def small_pp(r: random.Random, dash: str = "–") -> str:
    """A chapter's or an entry's page range (at most a few hundred pages into a book)."""
    a = r.randint(1, 480)
    return f"{a}{dash}{a + r.randint(3, 30)}"


# --- APA -----------------------------------------------------------------------------


def t_apa_journal(b: ThesisBuilder, r: random.Random) -> None:
    """APA 7 journal article with a DOI (or APA 6 "doi:")."""
    number_prefix(b, r, 0.05)
    d = disc_of(r)
    b.add("author", apa_names(r))
    b.add("date", apa_date(r, nd=0))
    b.add("title", end(field(r, "articles", d), "."))
    b.add("container-title", field(r, "journals", d) + ",")
    b.add("volume", str(r.randint(1, 130)))
    if r.random() < 0.85:
        b.glue("issue", f"({r.randint(1, 12)}),")
    else:
        b.glue("volume", ",")
    b.add("pages", (pp(r) if r.random() < 0.9 else f"Article {r.randint(100, 9999)}") + ".")
    if r.random() < 0.85:
        form = r.choice(
            [
                "https://doi.org/{}",
                "https://doi.org/{}",
                "doi:{}",
                "doi: {}",
                "http://dx.doi.org/{}",
            ]
        )
        b.add("doi", form.format(a_doi(r)))


def t_apa6_retrieved(b: ThesisBuilder, r: random.Random) -> None:
    """APA 6 article with "Retrieved from URL" (or "Retrieved March 3, 2015, from URL")."""
    d = disc_of(r)
    title = field(r, "articles", d)
    b.add("author", apa_names(r))
    b.add("date", apa_date(r, 1995))
    b.add("title", end(title, "."))
    b.add("container-title", field(r, "journals", d) + ",")
    b.add("volume", str(r.randint(1, 90)))
    b.glue("issue", f"({r.randint(1, 6)}),")
    b.add("pages", pp(r) + ".")
    if r.random() < 0.6:
        b.add("note", "Retrieved from")
    else:
        b.add("accessed", f"Retrieved {mdy(r)}, from")
    b.add(
        "url",
        f"http://www.{slug(field(r, 'journals', d))[:24].replace('-', '')}.org/articles/{r.randint(1000, 99999)}",
    )


def t_apa_book(b: ThesisBuilder, r: random.Random) -> None:
    """APA 6 (place: publisher) and APA 7 (publisher only) books with editions and volumes."""
    number_prefix(b, r, 0.05)
    pub, place = r.choice(PUBLISHERS)
    corporate = r.random() < 0.1
    if corporate:
        org = r.choice(AGENCIES)[0]
        b.add("author", org + ".")
    else:
        b.add("author", apa_names(r, k=r.choice([1, 1, 2, 3])))
    b.add("date", apa_date(r))
    t = field(r, "books")
    c = r.random()
    if c < 0.3:
        b.add("title", t)
        b.add("edition", f"({r.choice(ORDINALS)} ed.).")
    elif c < 0.45:
        b.add("title", t)
        b.add("volume", f"(Vol. {r.randint(1, 4)}).")
    elif c < 0.55:
        b.add("title", t)
        b.add("edition", f"({r.choice(ORDINALS)} ed.,")
        b.add("volume", f"Vol. {r.randint(1, 3)}).")
    else:
        b.add("title", end(t, "."))
    if r.random() < 0.55:
        b.add("location", place + ":")
    b.add("publisher", ("Author." if corporate and r.random() < 0.5 else pub + "."))
    if r.random() < 0.15:
        b.add("doi", f"https://doi.org/{a_doi(r)}")


def t_apa_edited_book(b: ThesisBuilder, r: random.Random) -> None:
    pub, place = r.choice(PUBLISHERS)
    k = r.choice([1, 2, 2, 3])
    eds = names(r, "fam_comma_init", k=k, sep=", ", last=", & ", people=PEOPLE)
    b.add("editor", f"{eds} ({'Ed.' if k == 1 else 'Eds.'}).")
    b.add("date", apa_date(r, nd=0))
    t = field(r, "books")
    if r.random() < 0.3:
        b.add("title", t)
        b.add("edition", f"({r.choice(ORDINALS)} ed.).")
    else:
        b.add("title", t + ".")
    if r.random() < 0.5:
        b.add("location", place + ":")
    b.add("publisher", pub + ".")


def t_apa_chapter(b: ThesisBuilder, r: random.Random) -> None:
    """In A. Editor & B. Editor (Eds.), Book (2nd ed., Vol. 2, pp. 12–34). Place: Publisher."""
    number_prefix(b, r, 0.05)
    pub, place = r.choice(PUBLISHERS)
    d = disc_of(r)
    b.add("author", apa_names(r, k=r.choice([1, 1, 2, 3])))
    b.add("date", apa_date(r, nd=0.03))
    b.add("title", end(field(r, "articles", d), "."))
    b.add("editor", apa_editors(r))
    book = field(r, "books", d)
    c = r.random()
    if c < 0.2:
        b.add("container-title", book)
        b.add("edition", f"({r.choice(ORDINALS)} ed.,")
        b.add("pages", f"pp. {small_pp(r)}).")
    elif c < 0.35:
        b.add("container-title", book + ":")
        b.add("container-title", r.choice(["Vol.", "Volume"]) + f" {r.randint(1, 4)}.")
        b.add(
            "container-title",
            title_case(r.choice(["theory and method", "applications", "research"])),
        )
        b.add("pages", f"(pp. {small_pp(r)}).")
    elif c < 0.5:
        b.add("container-title", book)
        b.add("volume", f"(Vol. {r.randint(1, 5)},")
        b.add("pages", f"pp. {small_pp(r)}).")
    else:
        b.add("container-title", book)
        b.add("pages", f"(pp. {small_pp(r, r.choice(['–', '-']))}).")
    if r.random() < 0.5:
        b.add("location", place + ":")
    b.add("publisher", pub + ".")
    if r.random() < 0.15:
        b.add("doi", f"https://doi.org/{a_doi(r)}")


def t_apa6_dissertation(b: ThesisBuilder, r: random.Random) -> None:
    """APA 6: (Doctoral dissertation). Retrieved from ProQuest ... (UMI No. 3312345)."""
    uni, place = r.choice(UNIVERSITIES)
    d = r.choice(DISCIPLINES)
    b.add("author", apa_names(r, k=1))
    b.add("date", apa_date(r, 1990, nd=0))
    title = field(r, "articles", d)
    c = r.random()
    b.add("title", end(title, ".") if c >= 0.65 else title)
    if c < 0.35:
        g = r.choice(
            ["Doctoral dissertation", "Master's thesis", "Doctoral dissertation", "Master's thesis"]
        )
        b.add("genre", f"({g}).")
        b.add(
            "note",
            r.choice(
                [
                    "Retrieved from ProQuest Dissertations and Theses database.",
                    "Available from ProQuest Dissertations and Theses database.",
                    "Retrieved from ProQuest Dissertations & Theses Global.",
                    "Available from ProQuest Dissertations & Theses A&I.",
                ]
            ),
        )
        b.add(
            "note",
            f"({r.choice(['UMI No.', 'UMI No.', 'Order No.', 'AAT'])} {r.randint(3000000, 3999999)})",
        )
    elif c < 0.65:
        g = r.choice(["Doctoral dissertation", "Master's thesis", "Doctoral thesis"])
        b.add("genre", f"({g},")
        b.add("publisher", uni + ").")
        if r.random() < 0.5:
            b.add("note", "Retrieved from")
            b.add("url", repo_url(r))
        else:
            b.add(
                "note",
                f"Retrieved from {r.choice(['ProQuest', 'Dissertations & Theses @ ' + uni, 'ERIC'])}.",
            )
            b.add("note", f"({r.randint(3000000, 3999999)})")
    else:
        g = r.choice(
            [
                "Unpublished doctoral dissertation",
                "Unpublished master's thesis",
                "Unpublished doctoral dissertation",
                "Unpublished Ed.D. dissertation",
            ]
        )
        b.add("genre", g + ",")
        b.add("publisher", uni + ",")
        b.add("location", place + ".")


def t_apa7_dissertation(b: ThesisBuilder, r: random.Random) -> None:
    """APA 7: [Doctoral dissertation, University]. ProQuest Dissertations and Theses Global."""
    number_prefix(b, r, 0.03)
    uni, _ = r.choice(UNIVERSITIES)
    b.add("author", apa_names(r, k=1))
    b.add("date", apa_date(r, 2000, nd=0))
    b.add("title", field(r, "articles"))
    g = r.choice(
        [
            "Doctoral dissertation",
            "Master's thesis",
            "Doctoral dissertation",
            "Unpublished doctoral dissertation",
        ]
    )
    b.add("genre", f"[{g},")
    b.add("publisher", uni + "].")
    c = r.random()
    if c < 0.5:
        b.add(
            "note",
            r.choice(
                [
                    "ProQuest Dissertations and Theses Global.",
                    "ProQuest Dissertations & Theses Global.",
                ]
            ),
        )
        if r.random() < 0.6:
            b.add(
                "note",
                f"({r.choice(['Publication No.', 'Order No.'])} {r.randint(10000000, 29999999)})",
            )
    elif c < 0.85:
        if r.random() < 0.4:
            b.add(
                "note",
                r.choice(["ScholarWorks.", "Deep Blue.", "Texas ScholarWorks.", "eScholarship."]),
            )
        b.add("url", repo_url(r))


def t_apa_eric(b: ThesisBuilder, r: random.Random) -> None:
    """ERIC documents and reports with report numbers: (Report No. 12). ... (ERIC Document Reproduction Service No. ED123456)."""
    org, short, place = r.choice(AGENCIES[:8])
    y = yr(r, 1975, 2019)
    if r.random() < 0.6:
        b.add("author", apa_names(r))
    else:
        b.add("author", org + ".")
    b.add("date", f"({y}).")
    b.add("title", field(r, "articles", r.choice(["education", "social work", "psychology"])))
    kind = r.choice(REPORT_KINDS[:7])
    code = kind.format(
        c=f"{short}-{r.randint(1, 99)}-{r.randint(10, 999)}",
        y=y,
        n3=r.randint(100, 999),
        n2=r.randint(1, 99),
    )
    b.add("genre", f"({code}).")
    if r.random() < 0.6:
        b.add("location", place + ":")
    b.add("publisher", r.choice([org, "Author", "Institute of Education Sciences"]) + ".")
    c = r.random()
    if c < 0.5:
        b.add(
            "note",
            r.choice(["Retrieved from ERIC database.", "(ERIC Document Reproduction Service No."]),
        )
        if b.pieces[-1][1].endswith("No."):
            b.add("note", f"ED{r.randint(100000, 599999)})")
        else:
            b.add("note", f"(ED{r.randint(100000, 599999)})")
    elif c < 0.8:
        b.add("note", "Retrieved from")
        b.add("url", f"https://files.eric.ed.gov/fulltext/ED{r.randint(100000, 599999)}.pdf")
    else:
        b.add("url", f"https://eric.ed.gov/?id=ED{r.randint(100000, 599999)}")


def t_apa_gov_report(b: ThesisBuilder, r: random.Random) -> None:
    """Government and NGO reports: corporate author, report number, agency publisher, URL."""
    number_prefix(b, r, 0.05)
    org, short, place = r.choice(AGENCIES)
    y = yr(r, 1995)
    b.add("author", org + ".")
    b.add("date", f"({y}).")
    title = field(
        r,
        "articles",
        r.choice(["education", "nursing", "economics", "agriculture", "social work", "geography"]),
    )
    if r.random() < 0.6:
        b.add("title", title)
        kind = REPORT_KINDS[-1] if short == "WHO" else r.choice(REPORT_KINDS[:-1])
        code = kind.format(
            c=f"{short}-{r.randint(1, 99)}",
            y=y,
            n3=r.randint(100, 999),
            n2=r.randint(1, 99),
            n1=r.randint(1, 9),
            c2=r.choice(["HIS", "NMH", "MSD", "FWC"]),
        )
        b.add("genre", f"({code}).")
    else:
        b.add("title", title + ".")
    c = r.random()
    if c < 0.4:
        b.add("location", place + ":")
        b.add("publisher", r.choice([org + ".", "Author."]))
    elif c < 0.7:
        b.add("note", "Retrieved from")
        b.add("url", agency_url(r, short, title))
    else:
        b.add("url", agency_url(r, short, title))


def t_apa_conference(b: ThesisBuilder, r: random.Random) -> None:
    """APA 6 "Paper presented at the ..., City, ST." and APA 7 "[Paper presentation]. Conference, City, ST, Country."."""
    conf, short = r.choice(CONFERENCES)
    y = yr(r, 1990)
    b.add("author", apa_names(r))
    b.add("date", f"({y}, {r.choice(MONTHS)}{r.choice(['', '', ' ' + str(r.randint(1, 28))])}).")
    d = r.choice(DISCIPLINES)
    if r.random() < 0.6:
        b.add("title", end(field(r, "articles", d), "."))
        lead = r.choice(
            [
                "Paper presented at the",
                "Poster presented at the",
                "Poster session presented at the",
                "Roundtable presented at the",
                "Paper presented at",
            ]
        )
        b.add("event", f"{lead} {conf},")
        b.add("location", r.choice(US_CITIES) + ".")
        if r.random() < 0.2:
            b.add("note", "Abstract retrieved from")
            b.add("url", f"http://www.{short.lower()}.org/program/{r.randint(1000, 9999)}")
    else:
        b.add("title", field(r, "articles", d))
        b.add(
            "genre",
            r.choice(
                [
                    "[Paper presentation].",
                    "[Poster presentation].",
                    "[Conference session].",
                    "[Symposium].",
                ]
            ),
        )
        b.add("event", f"{conf[0].upper() + conf[1:]} {y},")
        city = r.choice(US_CITIES)
        b.add(
            "location",
            city + (", United States." if "Canada" not in city and r.random() < 0.5 else "."),
        )
        if r.random() < 0.3:
            b.add("url", f"https://www.{short.lower()}.org/{y}/program/session{r.randint(10, 999)}")


def t_apa_web(b: ThesisBuilder, r: random.Random) -> None:
    """Web pages: Author or organization (2019, March 3). Title. Site. URL (APA 6: Retrieved ... from)."""
    site = r.choice(WEBSITES)
    title = field(r, "articles", r.choice([*HEALTH, "education", "communication"]))
    if r.random() < 0.7:
        b.add("author", apa_names(r, k=r.choice([1, 1, 2])))
    else:
        org, _, _ = r.choice(AGENCIES)
        b.add("author", org + ".")
    y = yr(r, 2008)
    b.add(
        "date", r.choice([f"({y}, {r.choice(MONTHS)} {r.randint(1, 28)}).", f"({y}).", "(n.d.)."])
    )
    b.add("title", end(title, "."))
    if r.random() < 0.7:
        b.add("container-title", site + ".")
    c = r.random()
    if c < 0.4:
        b.add("accessed", f"Retrieved {mdy(r, yr(r, 2010))}, from")
    elif c < 0.6:
        b.add("note", "Retrieved from")
    b.add("url", news_url(r, site, title))


def t_apa_newspaper(b: ThesisBuilder, r: random.Random) -> None:
    paper = r.choice(NEWSPAPERS)
    title = field(r, "articles", r.choice(DISCIPLINES))
    y = yr(r, 1990)
    b.add("author", apa_names(r, k=r.choice([1, 1, 2])))
    b.add("date", f"({y}, {r.choice(MONTHS)} {r.randint(1, 28)}).")
    b.add("title", end(title, "."))
    c = r.random()
    if c < 0.4:
        b.add("container-title", paper + ",")
        b.add(
            "pages",
            r.choice(["p. A{}.", "pp. B{}, B4.", "p. {}.", "p. C{}."]).format(r.randint(1, 20)),
        )
    elif c < 0.7:
        b.add("container-title", paper + ".")
        b.add("url", news_url(r, paper, title))
    else:
        b.add("container-title", paper + ".")
        b.add("note", "Retrieved from")
        b.add("url", news_url(r, paper, title))


def t_apa_magazine(b: ThesisBuilder, r: random.Random) -> None:
    mag = r.choice(MAGAZINES)
    y = yr(r, 1980)
    b.add("author", apa_names(r, k=r.choice([1, 1, 2])))
    b.add(
        "date",
        r.choice([f"({y}, {r.choice(MONTHS)}).", f"({y}, {r.choice(MONTHS)} {r.randint(1, 28)})."]),
    )
    b.add("title", end(field(r, "articles"), "."))
    b.add("container-title", mag + ",")
    b.add("volume", str(r.randint(1, 320)))
    if r.random() < 0.7:
        b.glue("issue", f"({r.randint(1, 52)}),")
    else:
        b.glue("volume", ",")
    b.add("pages", pp(r) + ".")


def t_apa_review(b: ThesisBuilder, r: random.Random) -> None:
    """Book reviews: Title [Review of the book X, by Y]. Journal, 12(3), 45–47."""
    d = disc_of(r)
    b.add("author", apa_names(r, k=1))
    b.add("date", apa_date(r, 1985, nd=0))
    reviewed = title_case(field(r, "books", d)) if r.random() < 0.3 else field(r, "books", d)
    by = person(r.choice(PEOPLE), r.choice(["init_fam", "given_fam_short"]))
    pre = r.choice(["", end(field(r, "articles", d), ".") + " "]) if r.random() < 0.6 else ""
    b.add("title", f"{pre}[Review of the book {reviewed}, by {by}].")
    b.add("container-title", field(r, "journals", d) + ",")
    b.add("volume", str(r.randint(1, 90)))
    b.glue("issue", f"({r.randint(1, 6)}),")
    b.add("pages", small_pp(r) + ".")
    if r.random() < 0.5:
        b.add("doi", f"https://doi.org/{a_doi(r)}")


def t_apa_encyclopedia(b: ThesisBuilder, r: random.Random) -> None:
    """Encyclopedia entries, print (In Ed. (Ed.), Encyclopedia (Vol. 2, pp. 1–3)) and online."""
    entry = r.choice(ENTRY_TITLES)
    if r.random() < 0.6:
        enc, pub = r.choice(ENCYCLOPEDIAS)
        place = dict(PUBLISHERS).get(pub, "London")
        b.add("author", apa_names(r, k=r.choice([1, 1, 2])))
        b.add("date", apa_date(r, 1980, nd=0))
        b.add("title", entry + ".")
        b.add("editor", apa_editors(r))
        b.add("container-title", enc)
        if r.random() < 0.5:
            b.add("edition", f"({r.choice(ORDINALS)} ed.,")
            b.add("volume", f"Vol. {r.randint(1, 12)},")
        else:
            b.add("volume", f"(Vol. {r.randint(1, 12)},")
        b.add("pages", f"pp. {small_pp(r)}).")
        if r.random() < 0.5:
            b.add("location", place + ":")
        b.add("publisher", pub + ".")
    else:
        enc, pattern = r.choice(ONLINE_REFERENCE)
        if r.random() < 0.7:
            b.add("author", apa_names(r, k=1))
            b.add("date", apa_date(r, 1998, nd=0.2))
        else:
            b.add("title", entry + ".")
            b.add("date", f"({yr(r, 2005)}).")
        if "title" not in [p[0] for p in b.pieces]:
            b.add("title", entry + ".")
        b.add("container-title", f"In {enc}.")
        c = r.random()
        if c < 0.4:
            b.add("accessed", f"Retrieved {mdy(r, yr(r, 2012))}, from")
        elif c < 0.6:
            b.add("note", "Retrieved from")
        b.add("url", pattern.format(slug=slug(entry), n=r.randint(10000, 99999)))


def t_apa_film(b: ThesisBuilder, r: random.Random) -> None:
    """Films and documentaries: director -> author, producer -> note, [Film] -> genre."""
    film = r.choice(FILMS)
    if r.random() < 0.3:
        k = r.choice([1, 2])
        prods = names(r, "fam_comma_init", k=k, sep=", ", last=", & ", people=PEOPLE)
        b.add("note", f"{prods} ({'Producer' if k == 1 else 'Producers'}),")
        b.add("author", "& " + person(r.choice(PEOPLE), "fam_comma_init") + " (Director).")
    else:
        b.add("author", person(r.choice(PEOPLE), "fam_comma_init") + " (Director).")
    b.add("date", f"({yr(r, 1975)}).")
    b.add("title", film)
    b.add(
        "genre",
        r.choice(["[Film].", "[Motion picture].", "[Documentary].", "[DVD].", "[Video file]."]),
    )
    if r.random() < 0.5:
        b.add("location", r.choice(["United States:", "United Kingdom:", "France:", "Japan:"]))
    b.add("publisher", r.choice(STUDIOS) + ".")


def t_apa_music(b: ThesisBuilder, r: random.Random) -> None:
    """Recordings: Artist. (2001). Song [Song]. On Album. Label. / Composer (Original work ...)."""
    if r.random() < 0.6:
        b.add("author", apa_names(r, k=1))
        b.add("date", f"({yr(r, 1960)}).")
        b.add("title", r.choice(SONGS))
        b.add(
            "genre",
            r.choice(
                ["[Song].", "[Song recorded by The Harlan Sisters].", "[Recorded by M. Sandoval]."]
            ),
        )
        b.add("container-title", "On " + r.choice(ALBUMS))
        b.add("genre", r.choice(["[Album].", "[CD].", "[Record]."]))
        if r.random() < 0.3:
            b.add("location", r.choice(["New York, NY:", "Los Angeles, CA:", "London, England:"]))
        b.add("publisher", r.choice(LABELS_REC) + ".")
    else:
        comp, work, orig = r.choice(WORKS)
        b.add("author", close(person(comp, "fam_comma_init"), "."))
        b.add("date", f"({yr(r, 1970)}).")
        b.add("title", work)
        b.add("genre", f"[Recorded by {r.choice(ORCHESTRAS)}].")
        b.add(
            "container-title",
            f"On {r.choice(['Great symphonies', 'The essential classics', 'American voices'])}",
        )
        b.add("genre", "[CD].")
        b.add("publisher", r.choice(LABELS_REC) + ".")
        b.add("note", f"(Original work published {orig})")


def t_apa_translated(b: ThesisBuilder, r: random.Random) -> None:
    """Translations and reprints: Title (A. Translator, Trans.). Publisher. (Original work published 1936)."""
    pub, place = r.choice(PUBLISHERS)
    orig = yr(r, 1850, 1960)
    b.add("author", apa_names(r, k=1))
    b.add("date", f"({yr(r, max(orig + 5, 1950))}).")
    t = field(r, "books")
    c = r.random()
    if c < 0.6:
        b.add("title", t)
        b.add("translator", f"({person(r.choice(PEOPLE), 'init_fam')}, Trans.).")
    elif c < 0.8:
        b.add("title", t)
        b.add("translator", f"({person(r.choice(PEOPLE), 'init_fam')}, Trans.;")
        b.add("edition", f"{r.choice(ORDINALS)} ed.).")
    else:
        b.add("title", t + ".")
    if r.random() < 0.5:
        b.add("location", place + ":")
    b.add("publisher", pub + ".")
    b.add("note", f"(Original work published {orig})")


# --- MLA -----------------------------------------------------------------------------


def t_mla_journal(b: ThesisBuilder, r: random.Random) -> None:
    d = r.choice(["literature", "linguistics", "history", "arts", "communication", "education"])
    b.add("author", mla_names(r))
    b.add("title", "“" + end(title_case(field(r, "articles", d)), ".") + "”")
    b.add("container-title", field(r, "journals", d) + ",")
    b.add("volume", f"vol. {r.randint(1, 140)},")
    if r.random() < 0.85:
        b.add("issue", f"no. {r.randint(1, 6)},")
    y = yr(r, 1960)
    b.add("date", r.choice([f"{y},", f"{r.choice(SEASONS)} {y},", f"{r.choice(MONTH_ABBR)} {y},"]))
    b.add("pages", f"pp. {pp(r)}.")
    c = r.random()
    if c < 0.25:
        b.add("doi", f"https://doi.org/{a_doi(r)}.")
    elif c < 0.45:
        b.add("note", r.choice(["JSTOR,", "Project MUSE,", "EBSCOhost,"]))
        b.add("url", f"www.jstor.org/stable/{r.randint(10000, 999999)}.")
        if r.random() < 0.5:
            b.add("accessed", f"Accessed {dmy(r, yr(r, 2012), abbr=True)}.")


def t_mla_book(b: ThesisBuilder, r: random.Random) -> None:
    """MLA 8/9 books: Edited by / translated by, editions, volumes, publisher, year."""
    pub, _ = r.choice(PUBLISHERS)
    b.add("author", mla_names(r))
    b.add("title", end(title_case(field(r, "books")), "."))
    if r.random() < 0.3:
        b.add("editor", "Edited by " + editor_names(r, r.choice([1, 2])) + ",")
        if r.random() < 0.5:
            b.add("translator", "translated by " + editor_names(r, 1) + ",")
    elif r.random() < 0.3:
        b.add("translator", "Translated by " + editor_names(r, 1) + ",")
    if r.random() < 0.3:
        b.add("edition", r.choice(["2nd ed.,", "3rd ed.,", "Revised ed.,", "5th ed.,"]))
    if r.random() < 0.2:
        b.add("volume", f"vol. {r.randint(1, 4)},")
    mla_pub = (
        pub.replace("University Press", "UP").replace("University of ", "U of ")
        if r.random() < 0.6
        else pub
    )
    b.add("publisher", mla_pub + ",")
    b.add("date", f"{yr(r, 1950)}.")
    # a series sometimes closes the entry
    if r.random() < 0.1:
        b.add(
            "collection-title",
            r.choice(
                ["Studies in Romanticism.", "New Americanists.", "Cultural Memory in the Present."]
            ),
        )


def t_mla_chapter(b: ThesisBuilder, r: random.Random) -> None:
    pub, _ = r.choice(PUBLISHERS)
    d = r.choice(["literature", "linguistics", "history", "arts"])
    b.add("author", mla_names(r))
    b.add("title", "“" + end(title_case(field(r, "articles", d)), ".") + "”")
    b.add("container-title", title_case(field(r, "books", d)) + ",")
    k = r.choice([1, 1, 2])
    b.add("editor", "edited by " + editor_names(r, k) + ",")
    if r.random() < 0.2:
        b.add("edition", r.choice(["2nd ed.,", "3rd ed.,"]))
    if r.random() < 0.2:
        b.add("volume", f"vol. {r.randint(1, 4)},")
    b.add("publisher", pub.replace("University Press", "UP") + ",")
    b.add("date", f"{yr(r, 1960)},")
    b.add("pages", f"pp. {small_pp(r)}.")


def t_mla_web(b: ThesisBuilder, r: random.Random) -> None:
    site = r.choice(WEBSITES + MAGAZINES[:3] + NEWSPAPERS[:3])
    title = title_case(field(r, "articles"))
    if r.random() < 0.8:
        b.add("author", mla_names(r))
    b.add("title", "“" + end(title, ".") + "”")
    b.add("container-title", site + ",")
    if r.random() < 0.3:
        b.add(
            "publisher",
            r.choice(
                [
                    "National Public Radio,",
                    "Mayo Foundation for Medical Education and Research,",
                    "Conversation Media Group,",
                ]
            ),
        )
    y = yr(r, 2008, 2021)
    b.add("date", dmy(r, y, abbr=True) + ",")
    url = news_url(r, site, title)
    url = url.split("://", 1)[1] if r.random() < 0.5 else url
    b.add("url", url + ".")
    if r.random() < 0.6:
        b.add("accessed", f"Accessed {dmy(r, yr(r, y, y + 2), abbr=r.random() < 0.7)}.")


def t_mla_dissertation(b: ThesisBuilder, r: random.Random) -> None:
    uni, _ = r.choice(UNIVERSITIES)
    b.add("author", close(person(r.choice(PEOPLE), "fam_comma_given"), "."))
    t = title_case(
        field(
            r, "articles", r.choice(["literature", "linguistics", "history", "arts", "education"])
        )
    )
    y = yr(r, 1980)
    if r.random() < 0.6:
        b.add("title", end(t, "."))
        b.add("date", f"{y}.")
        b.add("publisher", uni_short(uni) + ",")
        b.add(
            "genre",
            r.choice(["PhD dissertation.", "MA thesis.", "PhD dissertation.", "Dissertation."]),
        )
        if r.random() < 0.5:
            b.add(
                "note",
                r.choice(["ProQuest,", "ProQuest Dissertations and Theses Global,", "ProQuest,"]),
            )
            b.add("url", f"search.proquest.com/docview/{r.randint(100000000, 2999999999)}.")
    else:
        b.add("title", "“" + end(t, ".") + "”")
        b.add("date", f"{y}.")
        b.add("publisher", uni_short(uni) + ",")
        b.add("genre", r.choice(["PhD dissertation.", "Master's thesis."]))


# --- Chicago and Turabian -------------------------------------------------------------


def t_chicago_book(b: ThesisBuilder, r: random.Random) -> None:
    """Notes-bibliography: Ashworth, Miriam, and Conrad Bellamy. Title. 2nd ed. Vol. 2. Place: Publisher, Year."""
    number_prefix(b, r, 0.05)
    pub, place = r.choice(PUBLISHERS)
    b.add("author", chicago_names(r))
    b.add("title", end(title_case(field(r, "books")), "."))
    if r.random() < 0.25:
        b.add("editor", "Edited by " + editor_names(r, r.choice([1, 2])) + ".")
    if r.random() < 0.2:
        b.add("translator", r.choice(["Translated by ", "Trans. "]) + editor_names(r, 1) + ".")
    if r.random() < 0.25:
        b.add("edition", r.choice(["2nd ed.", "3rd ed.", "Rev. ed.", "4th ed."]))
    if r.random() < 0.15:
        b.add("volume", f"Vol. {r.randint(1, 4)}")
        b.add("container-title", "of " + title_case(field(r, "books")) + ".")
    if r.random() < 0.15:
        b.add(
            "collection-title",
            r.choice(
                [
                    "Studies in Social History.",
                    "Politics and Culture in Modern America.",
                    "Oxford Studies in Sociolinguistics.",
                ]
            ),
        )
    b.add("location", place + ":")
    b.add("publisher", pub + ",")
    y = yr(r, 1950)
    if r.random() < 0.1:
        b.add("date", f"{y}.")
        b.add("note", f"First published {y - r.randint(5, 60)} by {r.choice(PUBLISHERS)[0]}.")
    else:
        b.add("date", f"{y}.")


def t_chicago_journal(b: ThesisBuilder, r: random.Random) -> None:
    """Notes-bibliography article: Journal 12, no. 3 (Spring 2015): 45–67. https://doi.org/..."""
    d = disc_of(r)
    b.add("author", chicago_names(r))
    b.add("title", "“" + end(title_case(field(r, "articles", d)), ".") + "”")
    b.add("container-title", field(r, "journals", d))
    b.add("volume", f"{r.randint(1, 120)},")
    b.add("issue", f"no. {r.randint(1, 6)}")
    y = yr(r, 1955)
    b.add("date", f"({r.choice(['', '', r.choice(SEASONS) + ' ', r.choice(MONTHS) + ' '])}{y}):")
    b.add("pages", pp(r) + ".")
    c = r.random()
    if c < 0.35:
        b.add("doi", f"https://doi.org/{a_doi(r)}.")
    elif c < 0.5:
        b.add("url", f"http://www.jstor.org/stable/{r.randint(10000, 999999)}.")


def t_chicago_author_date(b: ThesisBuilder, r: random.Random) -> None:
    """Author-date: Ashworth, Miriam. 2015. "Title." Journal 12 (3): 45–67. / Year. Title. Place: Publisher."""
    number_prefix(b, r, 0.03)
    d = disc_of(r)
    b.add("author", chicago_names(r))
    b.add("date", f"{yr(r, 1960)}{r.choice(['', '', 'a', 'b'])}.")
    if r.random() < 0.55:
        b.add("title", "“" + end(title_case(field(r, "articles", d)), ".") + "”")
        b.add("container-title", field(r, "journals", d))
        b.add("volume", str(r.randint(1, 120)))
        if r.random() < 0.8:
            b.add("issue", f"({r.randint(1, 6)}):")
            if r.random() < 0.3:
                b.glue("pages", pp(r) + ".")
            else:
                b.add("pages", pp(r) + ".")
        else:
            b.glue("volume", ":")
            b.add("pages", pp(r) + ".")
        if r.random() < 0.3:
            b.add("doi", f"https://doi.org/{a_doi(r)}.")
    else:
        pub, place = r.choice(PUBLISHERS)
        b.add("title", end(title_case(field(r, "books", d)), "."))
        if r.random() < 0.2:
            b.add("edition", r.choice(["2nd ed.", "3rd ed."]))
        b.add("location", place + ":")
        b.add("publisher", pub + ".")


def t_chicago_chapter(b: ThesisBuilder, r: random.Random) -> None:
    """Chicago: "Title." In Book, edited by A and B, 12–34. Place: Publisher, Year."""
    pub, place = r.choice(PUBLISHERS)
    d = disc_of(r)
    b.add("author", chicago_names(r, k=r.choice([1, 1, 2])))
    author_date = r.random() < 0.3
    y = yr(r, 1960)
    if author_date:
        b.add("date", f"{y}.")
    b.add("title", "“" + end(title_case(field(r, "articles", d)), ".") + "”")
    b.add("container-title", "In " + title_case(field(r, "books", d)) + ",")
    k = r.choice([1, 1, 2, 3])
    b.add("editor", "edited by " + editor_names(r, k) + ",")
    if r.random() < 0.2:
        b.add("volume", f"vol. {r.randint(1, 4)},")
    b.add("pages", small_pp(r, r.choice(["–", "-"])) + ".")
    b.add("location", place + ":")
    if author_date:
        b.add("publisher", pub + ".")
    else:
        b.add("publisher", pub + ",")
        b.add("date", f"{y}.")


def t_chicago_dissertation(b: ThesisBuilder, r: random.Random) -> None:
    """Chicago / Turabian: "Title." PhD diss., University, Year. ProQuest (3345678)."""
    number_prefix(b, r, 0.05)
    uni, _ = r.choice(UNIVERSITIES)
    b.add(
        "author",
        close(
            person(
                r.choice(PEOPLE), r.choice(["fam_comma_given", "fam_comma_given", "caps_fam_given"])
            ),
            ".",
        ),
    )
    t = title_case(field(r, "articles"))
    y = yr(r, 1965)
    author_date = r.random() < 0.25
    if author_date:
        b.add("date", f"{y}.")
    b.add("title", "“" + end(t, ".") + "”")
    g = r.choice(
        [
            "PhD diss.,",
            "PhD diss.,",
            "Ph.D. diss.,",
            "Master's thesis,",
            "MA thesis,",
            "EdD diss.,",
            "DNP project,",
        ]
    )
    b.add("genre", g)
    if author_date:
        b.add("publisher", uni + ".")
    else:
        b.add("publisher", uni + ",")
        b.add("date", f"{y}.")
    c = r.random()
    if c < 0.3:
        b.add("note", f"ProQuest ({r.randint(3000000, 29999999)}).")
    elif c < 0.5:
        b.add("url", repo_url(r) + ".")


def t_chicago_newspaper(b: ThesisBuilder, r: random.Random) -> None:
    """Newspaper and magazine articles with month and day: New York Times, March 3, 2015, sec. A."""
    paper = r.choice(NEWSPAPERS + MAGAZINES)
    title = title_case(field(r, "articles"))
    b.add("author", chicago_names(r, k=r.choice([1, 1, 2])))
    b.add("title", "“" + end(title, ".") + "”")
    b.add("container-title", paper.removeprefix("The ") + "," if r.random() < 0.5 else paper + ",")
    y = yr(r, 1960)
    last = r.random()
    if last < 0.4:
        b.add("date", mdy(r, y) + ".")
    elif last < 0.6:
        b.add("date", mdy(r, y) + ",")
        b.add("pages", r.choice(["sec. A, p. {}.", "A{}.", "{}."]).format(r.randint(1, 30)))
    else:
        b.add("date", mdy(r, y) + ".")
        b.add("url", news_url(r, paper, title) + ".")


def t_turabian_interview(b: ThesisBuilder, r: random.Random) -> None:
    """Interviews and personal communications: Interviewee. Interview by X. Place, Month Day, Year."""
    b.add("author", close(person(r.choice(PEOPLE), "fam_comma_given"), "."))
    if r.random() < 0.4:
        b.add("title", "“" + end(title_case(field(r, "articles")), ".") + "”")
    b.add(
        "note",
        r.choice(["Interview by ", "Interviewed by ", "Oral history interview by "])
        + person(r.choice(PEOPLE), "given_fam")
        + ".",
    )
    if r.random() < 0.6:
        b.add("location", r.choice(US_CITIES) + ",")
    b.add("date", mdy(r, yr(r, 1965)) + ".")
    if r.random() < 0.4:
        b.add(
            "note",
            r.choice(
                [
                    "Transcript, Southern Oral History Program Collection.",
                    "Audio recording in author's possession.",
                    "Tape 3, Regional Oral History Office.",
                ]
            ),
        )


# --- Harvard -----------------------------------------------------------------------------


def t_harvard_book(b: ThesisBuilder, r: random.Random) -> None:
    pub, place = r.choice(PUBLISHERS)
    b.add("author", harvard_names(r))
    b.add("date", f"({yr(r, 1960)})")
    t = title_case(field(r, "books"))
    if r.random() < 0.3:
        b.add("title", t + ".")
        b.add("edition", r.choice(["2nd edn.", "3rd edn.", "2nd edn", "4th ed."]))
    else:
        b.add("title", t + ".")
    b.add("location", place + ":")
    b.add("publisher", pub + ".")


def t_harvard_journal(b: ThesisBuilder, r: random.Random) -> None:
    d = disc_of(r)
    b.add("author", harvard_names(r))
    b.add("date", f"({yr(r, 1970)})")
    b.add("title", "‘" + field(r, "articles", d) + "’,")
    b.add("container-title", field(r, "journals", d) + ",")
    b.add("volume", str(r.randint(1, 90)))
    b.glue("issue", f"({r.randint(1, 6)}),")
    b.add("pages", f"pp. {pp(r)}.")
    c = r.random()
    if c < 0.35:
        b.add("doi", f"doi:{a_doi(r)}.")
    elif c < 0.6:
        b.add("note", "Available at:")
        b.add("url", f"https://doi.org/{a_doi(r)}")
        b.add(
            "accessed",
            r.choice(["(Accessed: {}).", "[Accessed {}].", "(Accessed {})."]).format(
                dmy(r, yr(r, 2012))
            ),
        )


def t_harvard_chapter(b: ThesisBuilder, r: random.Random) -> None:
    """Harvard chapters: in Ed, A. (ed.) Book. Place: Publisher, pp. 12–34 (or "2010: 12–34")."""
    pub, place = r.choice(PUBLISHERS)
    d = disc_of(r)
    y = yr(r, 1965)
    year_last = r.random() < 0.35
    b.add("author", harvard_names(r) + ("," if year_last else ""))
    if not year_last:
        b.add("date", f"({y})")
    b.add("title", "‘" + field(r, "articles", d) + "’,")
    k = r.choice([1, 1, 2])
    eds = names(
        r, r.choice(["fam_comma_init", "init_fam"]), k=k, sep=", ", last=" and ", people=PEOPLE
    )
    b.add("editor", f"{r.choice(['in', 'In:', 'in'])} {eds} ({'ed.' if k == 1 else 'eds.'})")
    b.add("container-title", title_case(field(r, "books", d)) + ".")
    if r.random() < 0.25:
        b.add("edition", r.choice(["2nd edn.", "3rd edn.", "2nd ed."]))
    b.add("location", place + ":")
    b.add("publisher", pub + ",")
    if year_last:
        b.add("date", f"{y}:")
        b.add("pages", small_pp(r) + ".")
    else:
        b.add("pages", f"pp. {small_pp(r)}.")


def t_aaa_chapter(b: ThesisBuilder, r: random.Random) -> None:
    """American Anthropological Association: In Book. A. Editor, ed. Pp. 12–34. Place: Publisher."""
    pub, place = r.choice(PUBLISHERS)
    d = r.choice(["history", "geography", "arts", "linguistics", "agriculture"])
    b.add("author", chicago_names(r, k=r.choice([1, 1, 2])))
    b.add("date", f"{yr(r, 1960)}")
    b.add("title", title_case(field(r, "articles", d)) + ".")
    b.add("container-title", "In " + title_case(field(r, "books", d)) + ".")
    k = r.choice([1, 2])
    b.add("editor", editor_names(r, k) + (", ed." if k == 1 else ", eds."))
    b.add("pages", f"Pp. {small_pp(r)}.")
    b.add("location", place + ":")
    b.add("publisher", pub + ".")


def t_harvard_web(b: ThesisBuilder, r: random.Random) -> None:
    """Harvard web pages and reports: Org (2019) Title. Available at: URL [Accessed 3 March 2019]."""
    org, short, place = r.choice(AGENCIES)
    title = title_case(
        field(
            r,
            "articles",
            r.choice(
                ["education", "nursing", "agriculture", "geography", "social work", "economics"]
            ),
        )
    )
    b.add("author", org if r.random() < 0.7 else harvard_names(r))
    y = yr(r, 2000)
    b.add("date", f"({y})")
    b.add("title", title + ".")
    if r.random() < 0.3:
        b.add("location", place + ":")
        b.add("publisher", org + ".")
    b.add(
        "note",
        r.choice(["Available at:", "Available at:", "Available from:", "[Online]. Available at:"]),
    )
    b.add("url", agency_url(r, short, title))
    b.add(
        "accessed",
        r.choice(["[Accessed {}].", "(Accessed: {}).", "[Accessed {}]", "(accessed {})."]).format(
            dmy(r, yr(r, y + 1 if y < 2023 else y))
        ),
    )


def t_harvard_thesis(b: ThesisBuilder, r: random.Random) -> None:
    uni, _ = r.choice(UNIVERSITIES)
    b.add("author", person(r.choice(PEOPLE), r.choice(["fam_comma_init", "caps_fam_comma_init"])))
    b.add("date", f"({yr(r, 1975)})")
    b.add("title", title_case(field(r, "articles")) + ".")
    b.add(
        "genre",
        r.choice(
            [
                "PhD thesis.",
                "Doctoral thesis.",
                "MPhil thesis.",
                "MSc dissertation.",
                "Unpublished PhD thesis.",
            ]
        ),
    )
    b.add("publisher", uni + ".")
    if r.random() < 0.5:
        b.add("note", "Available at:")
        b.add("url", repo_url(r))
        b.add(
            "accessed", r.choice(["(Accessed: {}).", "[Accessed {}]."]).format(dmy(r, yr(r, 2012)))
        )


# --- ASA and AMA -------------------------------------------------------------------------


def t_asa(b: ThesisBuilder, r: random.Random) -> None:
    """ASA: Ashworth, Miriam J. and Conrad Bellamy. 2015. "Title." Journal 12(3):45–67."""
    d = r.choice(["social work", "economics", "education", "geography", "communication", "history"])
    k = r.choice([1, 1, 2, 3])
    au = names(
        r, ["fam_comma_given", "given_fam"], k=k, sep=", ", last=[" and ", ", and "], people=PEOPLE
    )
    if r.random() < 0.08:
        au = au.upper()
    b.add("author", close(au, "."))
    b.add("date", f"{yr(r, 1960)}.")
    if r.random() < 0.6:
        b.add("title", "“" + end(title_case(field(r, "articles", d)), ".") + "”")
        b.add("container-title", field(r, "journals", d))
        b.add("volume", str(r.randint(1, 90)))
        b.glue("issue", f"({r.randint(1, 6)}):")
        b.glue("pages", pp(r) + ".")
        if r.random() < 0.2:
            b.add("doi", f"doi:{a_doi(r)}.")
    else:
        pub, place = r.choice([p for p in PUBLISHERS if ", " in p[1]])
        b.add("title", end(title_case(field(r, "books", d)), "."))
        b.add("location", place + ":")
        b.add("publisher", pub + ".")


def ama_authors(r: random.Random) -> str:
    k = r.choice([1, 2, 3, 4, 6, 7])
    if k > 6:
        return names(r, "vanc", k=3, sep=", ", last=", ", people=PEOPLE) + ", et al."
    return close(names(r, "vanc", k=k, sep=", ", last=", ", people=PEOPLE), ".")


def t_ama(b: ThesisBuilder, r: random.Random) -> None:
    """AMA journal articles (2015;12(3):45-67. doi:10...) and web pages (Published ... Accessed ...)."""
    number_prefix(b, r, 0.7)
    d = r.choice([*HEALTH, "nursing", "agriculture"])
    if r.random() < 0.75:
        b.add("author", ama_authors(r))
        b.add("title", end(field(r, "articles", d), "."))
        b.add("container-title", field(r, "journals", d) + ".")
        y = yr(r, 1985)
        b.add("date", f"{y};")
        b.glue("volume", str(r.randint(1, 200)))
        b.glue("issue", f"({r.randint(1, 24)}):")
        b.glue("pages", pages(r, "-") + ".")
        if r.random() < 0.6:
            b.add("doi", f"doi:{a_doi(r)}")
    else:
        org, short, _ = r.choice(AGENCIES)
        title = title_case(field(r, "articles", d))
        if r.random() < 0.5:
            b.add("author", ama_authors(r))
        b.add("title", end(title, "."))
        b.add("container-title", org + ".")
        b.add("date", f"{r.choice(['Published', 'Updated'])} {mdy(r, yr(r, 2008))}.")
        b.add("accessed", f"Accessed {mdy(r, yr(r, 2015))}.")
        b.add("url", agency_url(r, short, title))


# --- law ----------------------------------------------------------------------------------


def t_legal_case(b: ThesisBuilder, r: random.Random) -> None:
    """Cases: Brown v. Board of Education, 347 U.S. 483 (1954). / 342 F.3d 1 (9th Cir. 2003)."""
    name, reporter, court = r.choice(CASES)
    b.add("title", name + ",")
    b.add("volume", str(r.randint(1, 580)))
    b.add("container-title", reporter)
    b.add(
        "pages", str(r.randint(1, 1400)) + (f", {r.randint(1, 1400)}" if r.random() < 0.15 else "")
    )
    y = yr(r, 1950, 2022)
    b.add("date", f"({court + ' ' if court else ''}{y})" + r.choice([".", ".", ""]))


def t_legal_statute(b: ThesisBuilder, r: random.Random) -> None:
    """Statutes: IDEA, 20 U.S.C. § 1400 et seq. (2004). / Pub. L. No. 107-110, 115 Stat. 1425 (2002)."""
    if r.random() < 0.65:
        name, vol, code, sec, y = r.choice(STATUTES)
        b.add("title", name + r.choice([",", ",", ""]))
        b.add("volume", vol)
        b.add("container-title", code)
        b.add("pages", sec)
        b.add("date", f"({y}).")
    else:
        name, pl, vol, page, y = r.choice(PUBLIC_LAWS)
        b.add("title", name + ",")
        b.add("genre", f"Pub. L. No. {pl},")
        b.add("volume", vol)
        b.add("container-title", "Stat.")
        b.add("pages", page)
        b.add("date", f"({y}).")


def t_bluebook_article(b: ThesisBuilder, r: random.Random) -> None:
    """Law review articles: Jane Doe, Title, 98 Harv. L. Rev. 1234 (2015)."""
    au = names(r, "given_fam", k=r.choice([1, 1, 2]), sep=", ", last=" & ", people=PEOPLE)
    if r.random() < 0.2:
        au = au.upper()
    b.add("author", au + ",")
    b.add("title", title_case(field(r, "articles", "law")) + ",")
    b.add("volume", str(r.randint(1, 140)))
    b.add("container-title", r.choice(LAW_REVIEWS))
    b.add(
        "pages", str(r.randint(1, 2400)) + (f", {r.randint(1, 2400)}" if r.random() < 0.3 else "")
    )
    b.add("date", f"({yr(r, 1970)}).")


# --- standards, catalogues, foreign-language works ----------------------------------------------


def t_standard(b: ThesisBuilder, r: random.Random) -> None:
    org, code, title = r.choice(STANDARDS)
    y = code[-4:] if code[-4:].isdigit() else str(yr(r, 2005))
    if r.random() < 0.6:
        b.add("author", org + ".")
        b.add("date", f"({y}).")
        b.add("title", title)
        b.add("genre", f"({code}).")
        if r.random() < 0.5:
            b.add("url", f"https://www.iso.org/standard/{r.randint(10000, 99999)}.html")
        else:
            b.add("publisher", org + ".")
    else:
        b.add("author", org)
        b.add("date", f"({y})")
        b.add("genre", code + ":")
        b.add("title", title + ".")
        b.add(
            "location",
            STANDARD_PLACES[org] + ":",
        )
        b.add("publisher", org + ".")


def t_art_catalogue(b: ThesisBuilder, r: random.Random) -> None:
    """Exhibition catalogues and scores: Exhibition catalogue / Score -> genre."""
    pub, place = r.choice(PUBLISHERS[17:30])
    b.add("author", chicago_names(r, k=r.choice([1, 2])))
    b.add("title", end(title_case(field(r, "books", "arts")), "."))
    b.add("genre", r.choice(["Exhibition catalogue.", "Exh. cat.", "Score.", "Vocal score."]))
    b.add("location", place + ":")
    b.add("publisher", pub + ",")
    b.add("date", f"{yr(r, 1950)}.")


def foreign_names(r: random.Random, lang: str, k: int) -> str:
    style = r.choice(["caps_fam_comma_init", "fam_comma_init", "fam_comma_given", "caps_fam_given"])
    if lang == "de":
        return (
            names(r, style, k=k, sep="; ", last="; ", people=PEOPLE)
            if r.random() < 0.5
            else names(r, style, k=k, sep=" / ", last=" / ", people=PEOPLE)
        )
    return names(
        r,
        style,
        k=k,
        sep="; " if lang in ("es", "pt") else ", ",
        last=FOREIGN[lang]["and"] if lang not in ("es", "pt") else "; ",
        people=PEOPLE,
    )


def t_foreign_book(b: ThesisBuilder, r: random.Random) -> None:
    lang = r.choice(list(FOREIGN))
    L = FOREIGN[lang]
    pub, place = r.choice(L["publishers"])
    y = yr(r, 1960)
    edited = r.random() < 0.3
    k = r.choice([1, 1, 2])
    who = foreign_names(r, lang, k)
    if edited:
        b.add("editor", f"{who} {r.choice(L['ed'][k > 1])}" + r.choice([".", ",", ""]))
    else:
        b.add("author", who + r.choice([".", ",", ":"]) if not who.endswith(".") else who)
    apa_like = r.random() < 0.4
    if apa_like:
        b.add("date", f"({y}).")
    b.add("title", r.choice(L["books"]) + r.choice([".", ","]))
    if r.random() < 0.2:
        b.add(
            "translator",
            f"{L['trans']} {person(r.choice(PEOPLE), 'given_fam_short')}" + r.choice([".", ","]),
        )
    if r.random() < 0.3:
        b.add("edition", r.choice(L["edition"]) + r.choice([".", ","]))
    if r.random() < 0.2:
        b.add("volume", f"{L['vol']} {r.randint(1, 4)}" + r.choice([".", ","]))
    b.add("location", place + r.choice([":", ","]))
    if apa_like:
        b.add("publisher", pub + ".")
    else:
        b.add("publisher", pub + ",")
        b.add("date", f"{y}.")
    if r.random() < 0.15:
        b.add("pages", f"{r.randint(120, 640)} {L['pp'].rstrip('.').replace('pp', 'p')}.")


def t_foreign_article(b: ThesisBuilder, r: random.Random) -> None:
    lang = r.choice(list(FOREIGN))
    L = FOREIGN[lang]
    y = yr(r, 1970)
    b.add("author", close(foreign_names(r, lang, r.choice([1, 1, 2])), "."))
    c = r.random()
    title = r.choice(L["articles"])
    journal = r.choice(L["journals"])
    if c < 0.5 or (c >= 0.75 and lang != "de"):
        # ABNT / French / Italian: Title. Journal, vol. 12, n° 3, p. 45-67, 2015.
        if lang == "fr":
            b.add("title", f"« {title} »,")
        else:
            b.add("title", title + ".")
        b.add("container-title", journal + ",")
        b.add("volume", f"{L['vol']} {r.randint(1, 80)},")
        b.add("issue", f"{L['no']} {r.randint(1, 6)},")
        b.add("pages", f"{L['pp']} {pages(r, '-')},")
        b.add("date", f"{y}.")
    elif c < 0.75:
        # APA-like in Spanish / Portuguese: (2015). Title. Journal, 12(3), 45-67.
        b.add("date", f"({y}).")
        b.add("title", title + ".")
        b.add("container-title", journal + ",")
        b.add("volume", str(r.randint(1, 80)))
        b.glue("issue", f"({r.randint(1, 6)}),")
        b.add("pages", pages(r, "-") + ".")
        if r.random() < 0.4:
            b.add("doi", f"https://doi.org/{a_doi(r)}")
    else:
        # German: Titel. In: Zeitschrift 12 (2015), H. 3, S. 45–67.
        b.add("title", title + ".")
        b.add("container-title", f"In: {journal}" if lang == "de" else journal)
        b.add("volume", str(r.randint(1, 80)))
        b.add("date", f"({y}),")
        b.add("issue", f"{L['no']} {r.randint(1, 6)},")
        b.add("pages", f"{L['pp']} {pages(r, '–')}.")


def t_foreign_chapter(b: ThesisBuilder, r: random.Random) -> None:
    lang = r.choice(list(FOREIGN))
    L = FOREIGN[lang]
    pub, place = r.choice(L["publishers"])
    y = yr(r, 1960)
    b.add("author", foreign_names(r, lang, r.choice([1, 1, 2])) + r.choice([".", ",", ":"]))
    b.pieces[-1][1] = b.pieces[-1][1].replace("..", ".")
    b.add(
        "title",
        (f"« {r.choice(L['articles'])} »," if lang == "fr" else r.choice(L["articles"]) + "."),
    )
    k = r.choice([1, 2])
    eds = foreign_names(r, lang, k)
    b.add("editor", f"{L['in']} {eds} {r.choice(L['ed'][k > 1])}" + r.choice([",", ":", "."]))
    b.add("container-title", r.choice(L["books"]) + ".")
    b.add("location", place + r.choice([":", ","]))
    b.add("publisher", pub + ",")
    b.add("date", f"{y},")
    b.add("pages", f"{L['pp']} {small_pp(r, r.choice(['-', '–']))}.")


def t_foreign_thesis(b: ThesisBuilder, r: random.Random) -> None:
    """Thèse de doctorat, Dissertation, Tesis doctoral, Tese (Doutorado), Tesi di dottorato."""
    lang = r.choice(list(FOREIGN))
    genre, unis = {
        "fr": (
            [
                "Thèse de doctorat",
                "Mémoire de master",
                "Thèse de doctorat en sciences de l'éducation",
            ],
            ["Université Paris Nanterre", "Université Lumière Lyon 2", "Université de Montréal"],
        ),
        "de": (
            ["Dissertation", "Masterarbeit", "Diss."],
            ["Universität Hamburg", "Ludwig-Maximilians-Universität München", "Universität Wien"],
        ),
        "es": (
            ["Tesis doctoral", "Tesis de maestría"],
            [
                "Universidad de Salamanca",
                "Universidad Nacional Autónoma de México",
                "Universidad de Buenos Aires",
            ],
        ),
        "pt": (
            [
                "Tese (Doutorado em Educação)",
                "Dissertação (Mestrado em Enfermagem)",
                "Tese (Doutorado)",
            ],
            [
                "Universidade de São Paulo",
                "Universidade Federal de Minas Gerais",
                "Universidade de Lisboa",
            ],
        ),
        "it": (
            ["Tesi di dottorato", "Tesi di laurea magistrale"],
            [
                "Università di Bologna",
                "Sapienza Università di Roma",
                "Università degli Studi di Padova",
            ],
        ),
    }[lang]
    L = FOREIGN[lang]
    b.add("author", close(foreign_names(r, lang, 1), "."))
    y = yr(r, 1975)
    if r.random() < 0.5:
        b.add("title", r.choice(L["articles"] + L["books"]) + ".")
        b.add("date", f"{y}.")
        b.add("genre", r.choice(genre) + r.choice([" –", ",", "."]))
        b.add("publisher", r.choice(unis) + ",")
        b.add("location", r.choice([p for _, p in L["publishers"]]) + ",")
        b.add("date", f"{y}.")
    else:
        b.add("date", f"({y}).")
        b.add("title", r.choice(L["articles"] + L["books"]))
        b.add("genre", f"[{r.choice(genre)},")
        b.add("publisher", r.choice(unis) + "].")
        if r.random() < 0.4:
            b.add("url", repo_url(r))


TEMPLATES = [
    (t_apa_journal, 45),
    (t_apa6_retrieved, 22),
    (t_apa_book, 34),
    (t_apa_edited_book, 16),
    (t_apa_chapter, 30),
    (t_apa6_dissertation, 32),
    (t_apa7_dissertation, 30),
    (t_apa_eric, 22),
    (t_apa_gov_report, 28),
    (t_apa_conference, 28),
    (t_apa_web, 24),
    (t_apa_newspaper, 20),
    (t_apa_magazine, 12),
    (t_apa_review, 12),
    (t_apa_encyclopedia, 16),
    (t_apa_film, 12),
    (t_apa_music, 10),
    (t_apa_translated, 16),
    (t_mla_journal, 24),
    (t_mla_book, 24),
    (t_mla_chapter, 20),
    (t_mla_web, 18),
    (t_mla_dissertation, 14),
    (t_chicago_book, 24),
    (t_chicago_journal, 22),
    (t_chicago_author_date, 24),
    (t_chicago_chapter, 18),
    (t_chicago_dissertation, 20),
    (t_chicago_newspaper, 16),
    (t_turabian_interview, 10),
    (t_harvard_book, 20),
    (t_harvard_journal, 22),
    (t_harvard_chapter, 16),
    (t_aaa_chapter, 8),
    (t_harvard_web, 18),
    (t_harvard_thesis, 14),
    (t_asa, 20),
    (t_ama, 22),
    (t_legal_case, 22),
    (t_legal_statute, 14),
    (t_bluebook_article, 12),
    (t_standard, 8),
    (t_art_catalogue, 8),
    (t_foreign_book, 24),
    (t_foreign_article, 18),
    (t_foreign_chapter, 14),
    (t_foreign_thesis, 12),
]


def generate(seed: int = SEED) -> list[dict]:
    """All examples, deterministic for a seed."""
    r = random.Random(seed)
    out: list[dict] = []
    for template, count in TEMPLATES:
        for _ in range(count):
            b = ThesisBuilder(r)
            template(b, r)
            out.append(b.record(len(out)))
    return out


def main(argv: list[str] | None = None) -> int:
    return examples_main(argv, "thesis_examples", "thesis-styles.jsonl", generate, SEED)


if __name__ == "__main__":
    raise SystemExit(main())
