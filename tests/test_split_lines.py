"""One-entry-per-line lists: when a line continues the previous entry and when it starts one."""

from __future__ import annotations

from citekit.split import split_entries


def texts(text: str) -> list[str]:
    return [e.text for e in split_entries(text)]


def test_entry_after_a_url_ending_in_a_slash_starts_a_new_entry() -> None:
    lines = [
        "Pew Research Center. (2020). Mask wearing in stores. https://www.example.org/masks/",
        "Green, J., Edgerton, J., & Shoub, K. (2020). Elusive consensus. Science Advances, 6(28).",
        "Fowler, E. F. (2021). Political advertising. https://example.org/ads/2021/",
        "Daily Kos Election. (2016). Guide to districts. https://example.org/guide",
    ]
    got = texts("\n".join(lines))
    assert got == lines


def test_vancouver_entry_after_a_url_starts_a_new_entry() -> None:
    lines = [
        "R Core Team. 2014. R: a language for statistical computing. http://www.r-project.org",
        "Rasmann S, Köllner TG, Degenhardt J. 2005. Recruitment of entomopathogenic nematodes. Nature 434:732–737.",
        "Hipp DR, Kennedy D. 2015. SQLite. https://www.sqlite.org/",
        "Hunter JD. 2004. Why we should be using BSD. http://nipy.example.org/",
        "MacDonald A. 2015. phildb. doi: 10.5281/zenodo.32437",
    ]
    assert texts("\n".join(lines)) == lines


def test_url_wrapped_onto_the_next_line_is_joined() -> None:
    text = (
        "Holt, M. (2019). Allotment survey. Retrieved from https://www.example.org/reports/\n"
        "annual-survey-2019.pdf\n"
        "Quigley, S. (2001). Digging for victory. http://example.org/archive/\n"
        "Index.html\n"
        "Abara, C. (2019). Gardens. https://doi.org/10.1000/\n"
        "xyz.2019.12"
    )
    assert texts(text) == [
        "Holt, M. (2019). Allotment survey. Retrieved from "
        "https://www.example.org/reports/annual-survey-2019.pdf",
        "Quigley, S. (2001). Digging for victory. http://example.org/archive/Index.html",
        "Abara, C. (2019). Gardens. https://doi.org/10.1000/xyz.2019.12",
    ]


def test_lower_case_particle_starts_an_entry_but_a_lower_case_word_continues() -> None:
    text = (
        "Bowerbank JS. 1864. A monograph of the British sponges. London: Ray Society.\n"
        "de Jonge BL, Chang YS, Tomasz A. 1992. Peptidoglycan composition. Science 258:1121.\n"
        "van Dam NM, Horn M, Baldwin IT. 2001. Ontogeny constrains defences. J Chem Ecol 27:547.\n"
        "Silva, A. (2010). Cidades e jardins. Rio\n"
        "de Janeiro: Editora Exemplo."
    )
    assert texts(text) == [
        "Bowerbank JS. 1864. A monograph of the British sponges. London: Ray Society.",
        "de Jonge BL, Chang YS, Tomasz A. 1992. Peptidoglycan composition. Science 258:1121.",
        "van Dam NM, Horn M, Baldwin IT. 2001. Ontogeny constrains defences. J Chem Ecol 27:547.",
        "Silva, A. (2010). Cidades e jardins. Rio de Janeiro: Editora Exemplo.",
    ]


def test_corporate_and_bracketed_authors_after_a_doi_start_entries() -> None:
    lines = [
        "Souza, R. (2019). Solos do sul. Revista Exemplo, 4(2), 1-9. https://doi.org/10.1590/abc-190/14",
        "[Embrapa] Empresa Brasileira de Pesquisa Agropecuária. (2018). Sistema de solos. Brasília.",
        "Lima, P. (2020). Ética. Filosofia, 3, 1-19. https://doi.org/10.1017/S003181910003794",
        "Aristotle. (2009). Ética a Nicômaco. São Paulo: Atlas.",
        "Ghizoni-Jr., I.R. 2009. Bandos mistos de aves. Biotemas 22: 143-151.",
    ]
    assert texts("\n".join(lines)) == lines


def test_continuation_rules_still_hold() -> None:
    text = (
        "Holt, M. (1988). The allotment ledgers,\n"
        "Parish Press, Leeds.\n"
        "Quigley, S. (2001). Digging for victory:\n"
        "A history. London.\n"
        "Abara, C. (2019). Gardens in\n"
        "(2nd ed.). Urban Affairs."
    )
    assert texts(text) == [
        "Holt, M. (1988). The allotment ledgers, Parish Press, Leeds.",
        "Quigley, S. (2001). Digging for victory: A history. London.",
        "Abara, C. (2019). Gardens in (2nd ed.). Urban Affairs.",
    ]


def test_particle_after_a_broken_author_list_continues_the_entry() -> None:
    text = (
        "Holt, M., Abara, C., &\n"
        "de Vries, P. (2010). Gardens. Leeds.\n"
        "Quigley, S., and\n"
        "van Dam, N. M. (2001). Victory. London."
    )
    assert texts(text) == [
        "Holt, M., Abara, C., & de Vries, P. (2010). Gardens. Leeds.",
        "Quigley, S., and van Dam, N. M. (2001). Victory. London.",
    ]
