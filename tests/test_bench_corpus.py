"""The benchmark's synthetic corpus: deterministic, in the issue's proportions, and valid
data by the product's own rules once loaded."""

import pytest

from bench.corpus import Corpus, citing_lines
from bench.load import load_corpus
from statements.models import Attribution, Source, Speaker, Statement
from statements.quotes import anchor_quote
from statements.transfer.imports import import_lines


def _rows(corpus: Corpus) -> list:
    rows = [corpus.topics(), corpus.speakers()]
    rows += list(corpus.statements())
    rows += list(corpus.sources())
    return rows


def test_the_same_seed_gives_the_same_rows():
    assert _rows(Corpus(300, seed=1)) == _rows(Corpus(300, seed=1))
    assert _rows(Corpus(300, seed=1)) != _rows(Corpus(300, seed=2))


@pytest.mark.django_db(transaction=False)
def test_a_loaded_corpus_is_valid_and_in_proportion():
    load_corpus(Corpus(2000), progress=False, vacuum=False)
    assert Statement.objects.count() == 2000
    assert Speaker.objects.count() == 40
    assert Source.objects.count() == 200
    assert 1.2 < Attribution.objects.count() / 2000 < 1.4
    quoted = Attribution.objects.exclude(quote_exact="").select_related("source")
    assert quoted.count() > 500
    for attribution in quoted:
        anchor = anchor_quote(body=attribution.source.body, exact=attribution.quote_exact)
        assert (anchor.start, anchor.end) == (attribution.quote_start, attribution.quote_end)
    for source in Source.objects.all()[:20]:
        source.full_clean()
    # New rows get ids past the corpus's (the sequences were moved on).
    assert Statement.objects.create(text="After the corpus.").pk > 2000


def test_text_has_a_zipf_like_vocabulary():
    corpus = Corpus(2000)
    corpus.topics()
    corpus.speakers()
    counts: dict[str, int] = {}
    for chunk in corpus.statements():
        for row in chunk["statements_statement"]:
            for word in row[3].lower().replace(",", "").replace(".", "").split():
                counts[word] = counts.get(word, 0) + 1
    ranked = sorted(counts.values(), reverse=True)
    assert ranked[0] > 5 * ranked[9] > 5 * ranked[99]  # steep head, long tail
    assert len(counts) > 3000


@pytest.mark.django_db(transaction=False)
def test_citing_lines_import_into_the_corpus_finding_every_source_and_speaker():
    load_corpus(Corpus(2000), progress=False, vacuum=False)
    lines = list(citing_lines(2000, 300))
    assert lines == list(citing_lines(2000, 300))
    counts = (Speaker.objects.count(), Source.objects.count())
    result = import_lines(lines)
    assert (result.imported, result.skipped) == (300, 0)
    assert (result.speakers_created, result.sources_created) == (0, 0)
    assert (Speaker.objects.count(), Source.objects.count()) == counts
    assert import_lines(lines).skipped == 300  # a re-run finds each line imported
