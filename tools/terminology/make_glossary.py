#!/usr/bin/env python3
"""Writes a synthetic ar-en glossary of N entries whose Arabic terms (1-3 made-up words) occur in no real text."""
import random
import sys

count = int(sys.argv[1]) if len(sys.argv) > 1 else 500
letters = "بتثجحخدذرزسشصضطظعغفقكلمنهوي"
rng = random.Random(11)
seen = set()
while len(seen) < count:
    term = " ".join("".join(rng.choice(letters) for _ in range(rng.randint(5, 8))) for _ in range(rng.randint(1, 3)))
    if term not in seen:
        seen.add(term)
        print(f"{term}\tTerm{len(seen)}")
