"""Flesch Reading Ease for the leaflets and exercise pages, with our own syllable counter.

Why our own: the well-known package for this (textstat) now fetches a pronouncing
dictionary from the internet the first time it runs, and backskills' tests never use the
network. The rules below are simple, written down, and checked against words whose
syllables are known (tests/unit/test_readability.py).

The score (Flesch, 1948)::

    206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words)

60-70 is "plain English" (about age 13-15 in the original scale); NHS patient information
aims higher. Every topic and exercise page must score 60 or more.

What is measured: the Markdown body of a page (not its front matter), made into prose:

1. Code spans and fenced code (commands such as `backskills pain 4`) count as one
   one-syllable word each: a reader takes a command in as a whole, not word by word.
2. Markdown marks (``**``, ``_``, ``#``, list bullets, link targets) are dropped.
3. Each heading, list item and table row is a sentence of its own (a full stop is added
   when it has none); so is a line ending with a colon that opens a list.
4. Otherwise sentences end at ``.``, ``!`` or ``?`` followed by a space or the end.
   "e.g." and "i.e." do not end a sentence.
5. A word is a run of letters (with inner apostrophes or hyphens: "don't", "flare-up"),
   or a number. A number counts as two syllables (most spoken numbers have one to three).

Syllables in a word (each part of a hyphenated word is counted on its own, then added):

a. Count the groups of vowels in a row (a, e, i, o, u, and y when it is not the first
   letter): "walking" has 2, "tummy" 2, "yoga" 2.
b. A silent final e takes one off: "make" 1, "gentle" keeps its e ("-le" after a
   consonant is spoken), "free" keeps it ("ee").
c. A final "ed" takes one off unless it follows t or d, or is "-led" after a consonant:
   "walked" 1, "started" 2, "settled" 2.
d. A final "es" takes one off unless it follows s, x, z, c, g, h or a vowel:
   "makes" 1, "changes" 2, "issues" 2.
e. "ia", "io" and "iu" are two syllables, except in the endings "-tion", "-sion",
   "-cial", "-gion", "-tious" and the like (c, g, s, t or x, then i, vowels, then n, l
   or s): "physio" 3, "serious" 3, "sciatica" 4, "nation" 2, "social" 2.
f. A vowel just before a final "ing" is a syllable of its own: "going" 2, "lying" 2.
   A final "ea" is two: "idea" 3, "area" 3.
g. Every word has at least one syllable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_FENCE = re.compile(r"```.*?```", re.DOTALL)
_CODE = re.compile(r"`[^`\n]+`")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_WORD = re.compile(r"[A-Za-z]+(?:['\u2019-][A-Za-z]+)*|\d+(?:[.,:]\d+)*")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+|(?<=[.!?])[\"')\]]*$")
_VOWEL_GROUP = re.compile(r"[aeiouy]+")
_SPLIT_PAIR = re.compile(r"i[aou]")
_JOINED_PAIR = re.compile(r"[cgstx]i[aou]+[nls]")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")

MINIMUM = 60.0


def syllables(word: str) -> int:
    """The syllables in one word, by rules a to g above."""
    word = word.casefold().replace("\u2019", "'")
    parts = [p for p in re.split(r"-", word) if p]
    if len(parts) > 1:
        return sum(syllables(p) for p in parts)
    if not word:
        return 0
    if word.isdigit() or re.fullmatch(r"[\d.,:]+", word):
        return 2
    letters = word.replace("'", "")
    if not letters:
        return 0
    # rule a: y counts as a vowel except as the first letter
    body = ("_" + letters[1:]) if letters[0] == "y" else letters
    count = len(_VOWEL_GROUP.findall(body))
    if count > 1:
        if letters.endswith("e") and not letters.endswith(("ee", "ye")):
            spoken_le = letters.endswith("le") and len(letters) > 2 and letters[-3] not in "aeiou"
            if not spoken_le:
                count -= 1  # rule b
        elif (
            letters.endswith("ed")
            and len(letters) > 2
            and letters[-3] not in "td"
            and not re.search(r"[^aeiou]led$", letters)
        ):
            count -= 1  # rule c
        elif letters.endswith("es") and len(letters) > 2 and letters[-3] not in "sxzcghaeiou":
            count -= 1  # rule d
    count += len(_SPLIT_PAIR.findall(letters)) - len(_JOINED_PAIR.findall(letters))  # rule e
    if re.search(r"[aeiouy]ing$", letters) or (letters.endswith("ea") and len(letters) > 2):
        count += 1  # rule f
    return max(1, count)  # rule g


def prose(markdown: str) -> list[str]:
    """The sentences of a Markdown body, by rules 1 to 4 above."""
    text = _FENCE.sub(" it ", markdown)
    text = _CODE.sub("it", text)
    text = _LINK.sub(r"\1", text)
    text = re.sub(r"\b(e\.g|i\.e)\.", lambda m: m.group(1).replace(".", ""), text)
    text = text.replace("**", "").replace("__", "")
    text = re.sub(r"(?<!\w)_(?=\w)|(?<=\w)_(?!\w)", "", text)
    blocks: list[str] = []
    paragraph: list[str] = []

    def close() -> None:
        if paragraph:
            blocks.append(" ".join(paragraph))
            paragraph.clear()

    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            close()
            continue
        heading = line.startswith("#")
        item = bool(_LIST_ITEM.match(line))
        row = line.startswith("|")
        if heading or item or row:
            close()
            line = _LIST_ITEM.sub("", line.lstrip("#").strip())
            if row:
                if set(line) <= set("|-: "):
                    continue
                line = ". ".join(cell.strip() for cell in line.strip("|").split("|"))
            paragraph.append(line)
            close()
            continue
        paragraph.append(line)
        if line.endswith(":"):
            close()
    close()

    sentences: list[str] = []
    for block in blocks:
        block = block.strip()
        if block.endswith(":") or block.endswith(";"):
            block = block[:-1] + "."
        if block and block[-1] not in ".!?\"')":
            block += "."
        sentences += [s for s in _SENTENCE_END.split(block) if _WORD.search(s)]
    return sentences


@dataclass(frozen=True)
class Reading:
    sentences: int
    words: int
    syllables: int
    longest: tuple[str, ...]  # the longest sentences, to help a writer find what to shorten

    @property
    def score(self) -> float:
        if not self.words:
            return 0.0
        return (
            206.835 - 1.015 * (self.words / self.sentences) - 84.6 * (self.syllables / self.words)
        )


def reading(markdown: str) -> Reading:
    sentences = prose(markdown)
    words = [w for s in sentences for w in _WORD.findall(s)]
    by_length = sorted(sentences, key=lambda s: -len(_WORD.findall(s)))
    return Reading(
        sentences=len(sentences),
        words=len(words),
        syllables=sum(syllables(w) for w in words),
        longest=tuple(by_length[:3]),
    )
