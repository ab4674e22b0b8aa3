"""The interface every mention finder implements."""
from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable

from kg.model import AnalyzedText, Mention

__all__ = ["MentionFinder"]


class MentionFinder(ABC):
    """Finds mentions in an analyzed document.

    Subclasses implement :meth:`find`; :meth:`find_batch` loops by default and is
    overridden only where batching pays off (a neural model), as Stanza's
    ``Processor.bulk_process`` is.
    """

    #: Registered name, also written as ``Mention.finder``.
    name: str = ""

    @abstractmethod
    def find(self, text: AnalyzedText) -> list[Mention]:
        """Mentions in ``text``, offsets into the original document text."""

    def find_batch(self, texts: Iterable[AnalyzedText]) -> list[list[Mention]]:
        return [self.find(t) for t in texts]
