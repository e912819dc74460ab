"""Bulk import of statements with their attributions, from the export's NDJSON lines.

Each field is checked as the services check it, by the models' own validation
(``ValidatedModel.clean_values``: required or not, type, choices and the fields' validators);
the rules the services add (quote anchoring, one attribution per speaker and source, a
reason for a retraction, a direct quote has its words) are applied to a whole batch at once,
and the batch written with bulk inserts and their history rows, so that a million lines take
minutes. ``parse`` reads and checks the lines, ``batch`` writes them.
Each batch is one transaction: a bad line stops the import with an error naming it, and
nothing of its batch is written.

Re-running an import is harmless: what is already there is found by natural keys and
skipped (or reused):

- a **speaker** is found by its ``wikidata_id``, else by its ``id`` in the file when the
  speaker with that id has its name and kind, else by its ``name`` and ``kind`` when they
  are unambiguous (``batch._Speakers``): two speakers of the file with different ids are two
  people, even of one name;
- a **source** is its normalized ``url`` (else a new source, without a body);
- a **statement** is its ``text`` with the speaker and source of its first attribution: a
  line is skipped when a statement with that text already has an attribution by that
  speaker in that source (the uniqueness rule of attributions, lifted to the text). A line
  without attributions is skipped when a statement with that text and no attribution
  exists.

Other ids, timestamps and quote positions in the lines are not read: rows get new ids and
times, and quotes are anchored anew in the source's body. Relations are not imported.
"""

from collections.abc import Iterable

from statements.search import get_backend
from statements.transfer.imports.batch import BatchWriter, Result
from statements.transfer.imports.parse import ImportLineError, parsed_batches

__all__ = ["DEFAULT_BATCH_SIZE", "OPTIMIZE_AFTER", "ImportLineError", "Result", "import_lines"]

DEFAULT_BATCH_SIZE = 5000
# An import of at least this many statements ends by optimizing the search index (merging
# what the bulk writes left unmerged); a smaller one leaves that to the engine.
OPTIMIZE_AFTER = 1000


def import_lines(
    lines: Iterable[bytes],
    *,
    user=None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress=None,
) -> Result:
    """Import NDJSON ``lines`` (bytes, numbered from 1), a transaction per batch. Raises
    ImportLineError for the first bad line; the batches before it stay imported."""
    result = Result()
    writer = BatchWriter(user=user, result=result)
    for batch, parsed in parsed_batches(lines, batch_size):
        writer.write(parsed)
        if progress is not None:
            progress(sum(len(raw) for _, raw in batch), len(batch))
    if result.imported >= OPTIMIZE_AFTER:
        get_backend().optimize()
    return result
