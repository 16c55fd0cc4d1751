"""citekit: reference lists to BibTeX/CSL-JSON/RIS, trusted DOIs, and citation checks."""

from __future__ import annotations

__version__ = "0.1.0"
