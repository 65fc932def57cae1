"""Pipeline throughput against its physical limit: bare spaCy on the same texts.

Runs, in one process and interleaved, (a) ``nlp.pipe`` of the bare spaCy model over the
clean texts and (b) the whole eventwire pipeline (extract -> ... -> coding) over the same
articles, several times, and reports medians and their ratio.

    .venv/bin/python bench/pipeline.py [--repeat 5] [--limit 230]

Texts: the bundled sample corpus (4), the news articles of ../shared/data/geo/TR-News.xml
(118, read in place, not copied), and the articles written for the project in the quotes
and incidents gold sets (108): 230 distinct articles.  Model loading is outside the timings.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time

from _corpus import ROOT, TRNEWS, corpus  # noqa: F401 - bench/ is on sys.path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--limit", type=int, default=230, help="articles per run")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    import spacy

    from eventwire import nlp as ew_nlp
    from eventwire.pipeline import Pipeline
    from eventwire.records import RawDoc

    items = corpus(args.limit, written=True)
    pipe = Pipeline()
    raws = [RawDoc(source=f"bench:{i}", data=t, kind="text", published=p) for i, (t, p) in enumerate(items)]
    # Warm up: model, catalogue, gazetteer and lexicon load outside the timings.
    clean = [a.text for a in pipe.process_many(raws[:3])]
    clean = [a.text for a in pipe.process_many(raws)]
    bare = None
    for name in ew_nlp.MODEL_NAMES:
        try:
            bare = spacy.load(name)
            break
        except OSError:
            continue
    chars = sum(len(t) for t in clean)

    spacy_times, pipe_times = [], []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        for _doc in bare.pipe(clean, batch_size=pipe.options.batch_size):
            pass
        spacy_times.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        for _art in pipe.process_many(raws):
            pass
        pipe_times.append(time.perf_counter() - t0)

    n = len(raws)
    result = {
        "articles": n,
        "characters": chars,
        "repeat": args.repeat,
        "spacy_median_s": statistics.median(spacy_times),
        "pipeline_median_s": statistics.median(pipe_times),
        "pipeline_s_per_article": statistics.median(pipe_times) / n,
        "spacy_s_per_article": statistics.median(spacy_times) / n,
        "ratio_pipeline_to_spacy": statistics.median(pipe_times) / statistics.median(spacy_times),
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"{n} articles, {chars} characters, {args.repeat} runs each (medians)")
        print(f"  bare spaCy nlp.pipe   {result['spacy_median_s']:.2f} s  ({result['spacy_s_per_article']*1000:.0f} ms/article)")
        print(f"  eventwire pipeline    {result['pipeline_median_s']:.2f} s  ({result['pipeline_s_per_article']*1000:.0f} ms/article)")
        print(f"  ratio pipeline/spaCy  {result['ratio_pipeline_to_spacy']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
