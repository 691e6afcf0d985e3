#!/usr/bin/env python3
# bench/gen_corpus.py: the benchmark's synthetic corpus of UN-style resolutions (files and JSON Lines), deterministic by seed.
"""Deterministic synthetic corpus of UN-style resolutions, for scale benchmarks.

Writes documents in the undex corpus format (TOML front
matter between +++ lines, then "The General Assembly,", preambular
paragraphs, numbered operative paragraphs with (a)/(b) and N.M
sub-paragraphs). Optionally also writes the same passages as JSON Lines,
one object per passage, so that a plain tantivy index or grep can be fed
exactly the same text.

    gen_corpus.py --docs 20000 --out /tmp/big            # corpus folder
    gen_corpus.py --docs 20000 --out /tmp/big --jsonl /tmp/big.jsonl

Vocabulary: the words of resolution language, plus a Zipf-distributed tail
of made-up words so that the term dictionary has a realistic size.
Same --docs and --seed give byte-identical output.
"""
import argparse
import json
import os
import random

CORE = """the of to and in for states on international with by information group
governmental as law experts their be security member its resolution rules study
processes behaviour cyberspace report mandate use communications technologies
continue measures possibility session responsible consultative meetings informal
view implementation cooperative how applies including norms principles
confidence-building capacity-building consensus open-ended working assembly
general secretary-general nations united cooperation threats existing potential
sphere regional organizations contributions national annex equitable geographical
distribution assessments recommendations common understandings effective
interested parties business non-governmental academia voluntary transparent
democratic inclusive negotiation priority dialogue institutional auspices
incidents infrastructure critical human rights freedom expression privacy
sovereignty jurisdiction territory malicious activities attribution vulnerabilities
supply chain integrity emergency response teams assistance request harm
development digital divide developing countries technical training exchange
peace stability conflict prevention settlement disputes peaceful charter
self-defence countermeasures humanitarian military purposes terrorism criminal
proxies non-state actors private sector civil society stakeholders multilateral
bilateral framework agreed consultations sessions seventy-third seventy-fifth
seventy-sixth agenda item first committee office disarmament affairs
""".split()

PREAMBLE = ["Recalling", "Noting", "Recognizing", "Expressing concern that",
            "Underlining", "Welcoming", "Bearing in mind", "Considering that",
            "Reaffirming", "Stressing", "Convinced that", "Confirming",
            "Noting with satisfaction", "Emphasizing", "Acknowledging"]
OPERATIVE = ["Welcomes", "Calls upon Member States", "Decides", "Requests",
             "Invites", "Encourages", "Urges", "Notes", "Affirms", "Reaffirms",
             "Requests the Secretary-General", "Decides to include"]
PROCESSES = ["OEWG", "GGE", "OEWG", "GGE", "First Committee", "WSIS", "IGF"]
SYLLABLES = ["ka", "re", "mo", "ti", "nu", "sa", "lo", "ve", "di", "pa",
             "gra", "tor", "len", "mis", "quo", "ber", "zan", "fel", "cu", "hy"]


def tail_word(rank):
    """A made-up word for vocabulary rank `rank` (deterministic)."""
    parts, n = [], rank
    while True:
        parts.append(SYLLABLES[n % len(SYLLABLES)])
        n //= len(SYLLABLES)
        if n == 0:
            break
    return "".join(parts) + "ic"


class Words:
    def __init__(self, rng, tail_size=60000):
        self.rng = rng
        self.tail = [tail_word(i) for i in range(tail_size)]
        # Zipf-like weights over the tail (s = 1.1), sampled by cumulative table.
        weights = [1.0 / (i + 1) ** 1.1 for i in range(tail_size)]
        total, acc, self.cum = sum(weights), 0.0, []
        for w in weights:
            acc += w / total
            self.cum.append(acc)

    def word(self):
        if self.rng.random() < 0.8:
            return self.rng.choice(CORE)
        x = self.rng.random()
        lo, hi = 0, len(self.cum) - 1
        while lo < hi:
            mid = (lo + hi) // 2
            if self.cum[mid] < x:
                lo = mid + 1
            else:
                hi = mid
        return self.tail[lo]

    def clause(self, lo, hi):
        return " ".join(self.word() for _ in range(self.rng.randint(lo, hi)))


def document(rng, words, index):
    session = 50 + index % 30
    number = 1 + index // 30
    symbol = f"A/RES/{session}/{number}"
    process = rng.choice(PROCESSES)
    year = 1945 + session
    meta = {
        "symbol": symbol,
        "title": words.clause(6, 14).capitalize(),
        "kind": "resolution",
        "process": process,
        "adopted": f"{year}-12-{rng.randint(1, 28):02d}",
    }
    passages = []  # (anchor, text)
    for i in range(rng.randint(4, 14)):
        passages.append((f"PP{i + 1}", f"{rng.choice(PREAMBLE)} {words.clause(15, 70)},"))
    body_ops = []
    for n in range(1, rng.randint(4, 16) + 1):
        text = f"{n}. {rng.choice(OPERATIVE)} {words.clause(12, 80)};"
        passages.append((f"OP{n}", text[len(str(n)) + 2:]))
        body_ops.append(text)
        style = rng.random()
        if style < 0.15:
            for k in range(rng.randint(2, 5)):
                letter = chr(ord("a") + k)
                sub = f"({letter}) {words.clause(8, 40)};"
                passages.append((f"OP{n}({letter})", sub[4:]))
                body_ops.append(sub)
        elif style < 0.2:
            for k in range(1, rng.randint(2, 13) + 1):
                sub = f"{n}.{k} {words.clause(10, 50)}."
                passages.append((f"OP{n}.{k}", sub[len(f'{n}.{k}') + 1:]))
                body_ops.append(sub)
    pre = [t for a, t in passages if a.startswith("PP")]
    lines = ["+++"]
    for key, value in meta.items():
        # dates are TOML dates (unquoted), everything else a TOML string
        lines.append(f"{key} = {value}" if key == "adopted" else f"{key} = {json.dumps(value)}")
    lines += ["+++", "", "The General Assembly,", ""]
    # Each passage is one block after the heading: its 1-based line number.
    passages = [(a, t, len(lines) + 1 + 2 * k) for k, (a, t) in enumerate(passages)]
    for p in pre:
        lines += [p, ""]
    for o in body_ops:
        lines += [o, ""]
    return meta, "\n".join(lines), passages


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=52491202)
    ap.add_argument("--out", required=True, help="folder to write the corpus into")
    ap.add_argument("--jsonl", help="also write every passage as one JSON line here")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    words = Words(rng)
    os.makedirs(args.out, exist_ok=True)
    jl = open(args.jsonl, "w", encoding="utf-8") if args.jsonl else None
    n_pass = n_bytes = 0
    for i in range(args.docs):
        meta, text, passages = document(rng, words, i)
        name = meta["symbol"].replace("/", "-") + ".txt"
        with open(os.path.join(args.out, name), "w", encoding="utf-8") as f:
            f.write(text)
        n_bytes += len(text.encode())
        for anchor, ptext, line in passages:
            n_pass += 1
            if jl:
                # Everything undex indexes of the passage, so that a baseline
                # reading these lines can fill the same fields.
                jl.write(json.dumps({
                    "id": f"{meta['symbol']}#{anchor}", "symbol": meta["symbol"],
                    "anchor": anchor, "process": meta["process"],
                    "kind": meta["kind"], "title": meta["title"],
                    "date": meta["adopted"], "path": name, "line": line,
                    "text": ptext}) + "\n")
    if jl:
        jl.close()
    print(f"{args.docs} documents, {n_pass} passages, {n_bytes / 1e6:.1f} MB in {args.out}")


if __name__ == "__main__":
    main()
