"""Header stage: number, issuer, date, title, period, bases, supersedes, signer."""

from importer.model import Document, Meta


def extract_meta(document: Document) -> Meta:
    return Meta()
