#!/usr/bin/env python3
"""Differential test of the sentence splitter: pySBD (clean=False) and newsbrief on real news
texts from ../shared, with the boundaries where they disagree.

Usage: scripts/sentences_diff.py [--binary PATH] [--show A|B] [--limit N] [--kind inline|linebreak] [--unquoted]
       scripts/sentences_diff.py --against OLD_SPLIT_JSONL [--half A|B] [--sample N]

The documents (Multi-News dev, PolNeAR train and dev, TimeBank, and 400 Timeline17 dev articles
whose one-sentence lines are joined by spaces) are split into two halves by the MD5 of their id:
half A is read to decide disagreements and tune the rules, half B only counted. A boundary is the
code-point offset where a sentence starts; a disagreement is a boundary one splitter has and the
other has not. "linebreak" disagreements have a line break in the gap before the boundary (pySBD
ends a sentence at every line break of uncleaned text), "inline" ones do not; inline ones inside a
double quotation of their paragraph (by counting marks) are counted apart, since there the two
differ by design (pySBD never splits inside a closed quotation, newsbrief does when the quotation
stands alone). The disagreement rate is inline disagreements / (shared boundaries + inline
disagreements).

Needs pysbd (e.g. the peers venv) and `cargo build --release -p newsbrief --example split_jsonl`.
pySBD's results are cached in /tmp/sentences_diff_pysbd.json.
"""
import argparse, glob, hashlib, json, os, random, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "..", "shared", "data")
CACHE = "/tmp/sentences_diff_pysbd.json"


def documents():
    docs = []
    with open(os.path.join(DATA, "multinews", "dev.jsonl")) as f:
        for line in f:
            cluster = json.loads(line)
            for i, text in enumerate(cluster["documents"]):
                docs.append((f"multinews:{cluster['id']}:{i}", text.replace("NEWLINE_CHAR", "\n")))
    for path in sorted(glob.glob(os.path.join(DATA, "quotes", "polnear", "*", "*.txt"))):
        with open(path) as f:
            docs.append(("polnear:" + os.path.basename(path), f.read()))
    with open(os.path.join(DATA, "timex", "timebank.jsonl")) as f:
        for line in f:
            doc = json.loads(line)
            docs.append(("timebank:" + doc["id"], doc["text"]))
    with open(os.path.join(DATA, "stories", "t17-dev.jsonl")) as f:
        articles = [json.loads(line) for line in f]
    for article in random.Random(17).sample(articles, 400):
        text = " ".join(line.strip() for line in article["text"].splitlines() if line.strip())
        docs.append(("t17:" + article["id"], text))
    return docs


def in_quotation(text, at):
    """True when `at` lies inside a double quotation of its paragraph (by counting marks)."""
    paragraph = text[:at].rsplit("\n\n", 1)[-1]
    curly = paragraph.count("“") - paragraph.count("”")
    straight = paragraph.count('"') + paragraph.count("''") + paragraph.count("``")
    return curly > 0 or straight % 2 == 1


def half(doc_id):
    return "AB"[int(hashlib.md5(doc_id.encode()).hexdigest(), 16) % 2]


def starts_of(text, spans):
    starts = set()
    for start, end in spans:
        piece = text[start:end]
        stripped = piece.lstrip()
        if stripped.strip():
            starts.add(start + len(piece) - len(stripped))
    return starts


def pysbd_starts(docs):
    cache = {}
    if os.path.exists(CACHE):
        with open(CACHE) as f:
            cache = json.load(f)
    missing = [(i, t) for i, t in docs if i not in cache]
    if missing:
        import pysbd
        seg = pysbd.Segmenter(language="en", clean=False, char_span=True)
        for n, (doc_id, text) in enumerate(missing):
            spans = [(s.start, s.end) for s in seg.segment(text)]
            cache[doc_id] = sorted(starts_of(text, spans))
            if n % 200 == 0:
                print(f"pysbd {n}/{len(missing)}", file=sys.stderr)
        with open(CACHE, "w") as f:
            json.dump(cache, f)
    return {i: set(cache[i]) for i, _ in docs}


def newsbrief_starts(docs, binary):
    payload = "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in docs)
    out = subprocess.run([binary], input=payload, capture_output=True, text=True, check=True).stdout
    texts = dict(docs)
    result = {}
    for line in out.splitlines():
        item = json.loads(line)
        result[item["id"]] = starts_of(texts[item["id"]], item["spans"])
    return result


def compare(docs, new_binary, old_binary, half_name, sample):
    """Prints a random sample of the boundaries where two newsbrief builds differ on one half."""
    docs = [(i, t) for i, t in docs if half(i) == half_name]
    new, old = newsbrief_starts(docs, new_binary), newsbrief_starts(docs, old_binary)
    texts = dict(docs)
    rows = [(who, i, at) for i, _ in docs
            for who, extra in (("new only", new[i] - old[i]), ("old only", old[i] - new[i])) for at in sorted(extra)]
    print(f"half {half_name}: {len(rows)} differing boundaries, {sum(r[0] == 'new only' for r in rows)} new only")
    random.Random(14).shuffle(rows)
    for who, i, at in rows[:sample]:
        text = texts[i]
        left = text[max(0, at - 90):at].replace("\n", "⏎")
        print(f"{who:9} {i[:28]:28} {left:>90}|{text[at:at + 50].replace(chr(10), '⏎')}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", choices=["A", "B"], help="print the disagreements of this half")
    ap.add_argument("--kind", choices=["inline", "linebreak"], default="inline")
    ap.add_argument("--limit", type=int, default=200)
    ap.add_argument("--binary", default=os.path.join(ROOT, "target", "release", "examples", "split_jsonl"),
                    help="the split_jsonl example to run (e.g. one built from an older splitter)")
    ap.add_argument("--unquoted", action="store_true", help="show only disagreements outside quotations")
    ap.add_argument("--against", metavar="OLD_BINARY",
                    help="instead, sample the boundaries where this older split_jsonl and --binary differ")
    ap.add_argument("--half", choices=["A", "B"], default="B", help="the half --against samples")
    ap.add_argument("--sample", type=int, default=40)
    args = ap.parse_args()
    docs = documents()
    if args.against:
        compare(docs, args.binary, args.against, args.half, args.sample)
        return
    ours, theirs = newsbrief_starts(docs, args.binary), pysbd_starts(docs)
    counts = {h: {"docs": 0, "agree": 0, "inline": [0, 0], "linebreak": [0, 0], "quoted": [0, 0]} for h in "AB"}
    shown = []
    for doc_id, text in docs:
        h = half(doc_id)
        c = counts[h]
        c["docs"] += 1
        c["agree"] += len(ours[doc_id] & theirs[doc_id])
        for who, extra in ((0, ours[doc_id] - theirs[doc_id]), (1, theirs[doc_id] - ours[doc_id])):
            for at in sorted(extra):
                before = text[:at].rstrip(" \t")
                kind = "linebreak" if before.endswith("\n") else "inline"
                c[kind][who] += 1
                if kind == "inline" and in_quotation(text, at):
                    c["quoted"][who] += 1
                if args.show == h and kind == args.kind and not (args.unquoted and in_quotation(text, at)):
                    shown.append((doc_id, "newsbrief only" if who == 0 else "pySBD only", text, at))
    for doc_id, who, text, at in shown[: args.limit]:
        left = text[max(0, at - 80):at].replace("\n", "⏎")
        right = text[at:at + 60].replace("\n", "⏎")
        print(f"{who:15} {doc_id[:40]:40} {left:>80}|{right}")
    for h in "AB":
        c = counts[h]
        print(json.dumps({"half": h, "documents": c["docs"], "shared boundaries": c["agree"],
                          "inline: newsbrief only": c["inline"][0], "inline: pySBD only": c["inline"][1],
                          "line break: newsbrief only": c["linebreak"][0],
                          "line break: pySBD only": c["linebreak"][1],
                          "inline disagreements": sum(c["inline"]),
                          "of which inside quotations": sum(c["quoted"]),
                          "outside quotations": sum(c["inline"]) - sum(c["quoted"]),
                          "disagreement rate": round(sum(c["inline"]) / (c["agree"] + sum(c["inline"])), 4)}))


if __name__ == "__main__":
    main()
