#!/usr/bin/env python3
"""Writes SaudiNewsNet replicated N times as JSON Lines, for loading benchmarks.

    scripts/replicate-saudinewsnet.py OUT [--copies 3] [--files 1]

With --files 1 (the default) every article goes into OUT, one file (about 300 MB for
three copies, 93,090 articles); with --files K, OUT is a folder of K files of about the
same size (`part-001.jsonl`, ...). Copies after the first carry `copy` in their URL, so
that no two entries are the same article; qari's ids (`file#n`) are unique anyway.
"""

import argparse
import json
import pathlib
import zipfile

CORPUS = pathlib.Path(__file__).resolve().parent.parent / "../shared/corpus/saudinewsnet"


def articles():
    for archive in sorted(CORPUS.glob("*.zip")):
        with zipfile.ZipFile(archive) as zipped:
            for name in zipped.namelist():
                yield from json.loads(zipped.read(name))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=pathlib.Path)
    parser.add_argument("--copies", type=int, default=3)
    parser.add_argument("--files", type=int, default=1)
    args = parser.parse_args()
    originals = list(articles())
    lines = []
    for copy in range(1, args.copies + 1):
        for article in originals:
            if copy > 1:
                article = dict(article, url=f"{article.get('url') or ''}#copy-{copy}")
            lines.append(json.dumps(article, ensure_ascii=False) + "\n")
    if args.files == 1:
        targets = [args.out]
    else:
        args.out.mkdir(parents=True, exist_ok=True)
        targets = [args.out / f"part-{n:03}.jsonl" for n in range(1, args.files + 1)]
    per_file = -(-len(lines) // len(targets))
    for n, target in enumerate(targets):
        target.write_text("".join(lines[n * per_file : (n + 1) * per_file]), encoding="utf-8")
    print(f"{len(lines)} articles in {len(targets)} file(s) under {args.out}")


if __name__ == "__main__":
    main()
