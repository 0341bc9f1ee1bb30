#!/usr/bin/python3
"""Prints the README's "Ten questions" section: every numbered query of a .cypher file, run
with `kgmill query` on a store, followed by its answer as a Markdown table. With --readme FILE
it replaces the text between the markers <!-- seed-questions:begin/end --> in FILE instead.

    build/kgmill build ../shared/corpus/seeds -o out/seeds
    scripts/seed_questions.py build/kgmill out/seeds examples/seed_questions.cypher [--readme README.md]
"""
import contextlib
import io
import json
import re
import subprocess
import sys


def cell(v):
    if v is None:
        return ""
    if isinstance(v, list):
        return ", ".join(cell(x) for x in v)
    return str(v).replace("|", "\\|")


def main():
    args = sys.argv[1:]
    readme = None
    if len(args) == 5 and args[3] == "--readme":
        readme = args[4]
        args = args[:3]
    if len(args) != 3:
        sys.exit("usage: seed_questions.py KGMILL STORE FILE.cypher [--readme README.md]")
    if readme:
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            answer(*args)
        text = open(readme, encoding="utf-8").read()
        begin, end = "<!-- seed-questions:begin -->\n", "<!-- seed-questions:end -->"
        a, b = text.index(begin) + len(begin), text.index(end)
        open(readme, "w", encoding="utf-8").write(text[:a] + out.getvalue() + text[b:])
        return
    answer(*args)


def answer(kgmill, store, path):
    text = open(path, encoding="utf-8").read()
    blocks = re.split(r"\n(?=// \d+\. )", text)
    for block in blocks:
        m = re.match(r"// (\d+)\. (.*)\n", block)
        if not m:
            continue
        query = block[m.end():].strip()
        run = subprocess.run([kgmill, "query", store, query, "--format", "jsonl"],
                             capture_output=True, text=True)
        if run.returncode != 0:
            sys.exit(f"seed_questions: question {m.group(1)} failed: {run.stderr.strip()}")
        rows = [json.loads(line) for line in run.stdout.splitlines() if line.strip()]
        print(f"**{m.group(1)}. {m.group(2)}**\n\n```cypher\n{query}\n```\n")
        if not rows:
            print("(no rows)\n")
            continue
        cols = list(rows[0].keys())
        print("| " + " | ".join(cols) + " |")
        print("|" + "---|" * len(cols))
        for r in rows:
            print("| " + " | ".join(cell(r.get(c)) for c in cols) + " |")
        print()


if __name__ == "__main__":
    main()
