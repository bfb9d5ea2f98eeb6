"""Bad input, told apart from bugs.

Every error carries a message a person can act on, in Vietnamese, and is chained
(``raise ... from exc``) to the library error that revealed it.
"""


class ImporterError(Exception):
    """The document cannot be imported; ``str(error)`` says why and what to do."""


class UnsupportedFormat(ImporterError):
    """The file is of a type the importer does not read."""


class UnreadableDocument(ImporterError):
    """The file is empty, corrupt, protected, too large or holds no text."""


class NotAPlan(ImporterError):
    """The file reads fine but is not a CCHC plan."""
