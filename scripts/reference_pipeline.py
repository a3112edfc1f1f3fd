#!/usr/bin/env python3
"""The Python reference pipeline sift's end-to-end speed is compared with (BENCHMARKS.md, "End to end").

The same stages sift runs, done the usual Python way: read a Play-style CSV, VADER sentiment per review, YAKE
keyphrases per review, scikit-learn TF-IDF + KMeans themes, a per-theme summary. It is a yardstick, not a product:
no encodings beyond UTF-8, no rejects file.

    python3 -m pip install vadersentiment yake scikit-learn
    scripts/reference_pipeline.py FILE.csv [--text-column content] [--clusters 40] [--limit N]
"""
import argparse, csv, sys, time
from collections import Counter

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("csv")
    ap.add_argument("--text-column", default=None)
    ap.add_argument("--clusters", type=int, default=40)
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()

    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    import yake
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.cluster import MiniBatchKMeans

    t0 = time.time()
    csv.field_size_limit(sys.maxsize)
    texts = []
    with open(args.csv, newline="", encoding="utf-8-sig") as f:
        reader = csv.DictReader(f)
        column = args.text_column or next(c for c in reader.fieldnames if c.lower() in ("review text", "content", "text", "review"))
        for row in reader:
            texts.append(row[column] or "")
            if args.limit and len(texts) >= args.limit:
                break
    t_read = time.time()

    vader = SentimentIntensityAnalyzer()
    compounds = [vader.polarity_scores(t)["compound"] for t in texts]
    t_sent = time.time()

    extractor = yake.KeywordExtractor(lan="en", n=2, top=5)
    keyphrases = [extractor.extract_keywords(t) if t.strip() else [] for t in texts]
    t_yake = time.time()

    vectorizer = TfidfVectorizer(stop_words="english", min_df=5, max_features=50000, ngram_range=(1, 2))
    X = vectorizer.fit_transform(texts)
    km = MiniBatchKMeans(n_clusters=args.clusters, random_state=0, batch_size=4096, n_init=3)
    labels = km.fit_predict(X)
    terms = vectorizer.get_feature_names_out()
    order = km.cluster_centers_.argsort()[:, ::-1]
    sizes = Counter(labels)
    summary = []
    for k, size in sizes.most_common():
        neg = sum(1 for i, l in enumerate(labels) if l == k and compounds[i] <= -0.05)
        summary.append((size, neg, [terms[j] for j in order[k, :4]]))
    t_theme = time.time()

    for size, neg, label in summary[:10]:
        print(f"{size:7d} {neg:7d}  {' · '.join(label)}")
    print(f"records {len(texts)}; read {t_read-t0:.1f}s, vader {t_sent-t_read:.1f}s, yake {t_yake-t_sent:.1f}s, "
          f"tfidf+kmeans {t_theme-t_yake:.1f}s, total {t_theme-t0:.1f}s", file=sys.stderr)

if __name__ == "__main__":
    main()
