"""Build the events lexicon (src/dateline/events/data/) from the open CAMEO/PLOVER dictionaries.

Reads ../shared/eval/petrarch2/dictionaries/CAMEO.2.0.txt (PETRARCH-2 verb dictionary, MIT,
Open Event Data Alliance) and ../shared/eval/plover-gsr/CAMEO2PLOVER-2021.txt (CC BY-SA 4.0,
Open Event Data Alliance), plus our goldstein.tsv, and writes:

  verbs.tsv  lemma, side, words, code, note: one row per verb (side "") or verb pattern
             (side "obj" for words after the verb, "subj" for words before it)
  cameo.tsv  code, type, mode, goldstein, label: every CAMEO code with its PLOVER type

The output is committed; the runtime never reads ../shared. Run from the repo root:
    .venv/bin/python scripts/build_event_lexicon.py
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "dateline" / "events" / "data"
SHARED = ROOT.parent / "shared" / "eval"
VERB_DICT = SHARED / "petrarch2" / "dictionaries" / "CAMEO.2.0.txt"
PLOVER_TABLE = SHARED / "plover-gsr" / "CAMEO2PLOVER-2021.txt"
# The 20 CAMEO root names (CAMEO codebook 1.1b3, Schrodt 2012); CAMEO2PLOVER has no 01/02 rows.
ROOT_NAMES = {
    "01": "make public statement", "02": "appeal", "03": "express intent to cooperate",
    "04": "consult", "05": "engage in diplomatic cooperation",
    "06": "engage in material cooperation", "07": "provide aid", "08": "yield",
    "09": "investigate", "10": "demand", "11": "disapprove", "12": "reject", "13": "threaten",
    "14": "protest", "15": "exhibit force posture", "16": "reduce relations", "17": "coerce",
    "18": "assault", "19": "fight", "20": "use unconventional mass violence",
}  # fmt: skip

BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")
CODE = re.compile(r"\[([^\]]*)\]")
# Pattern words we cannot check against a dependency parse: anchors, optional markers.
SKIP_WORDS = {"$", "^", "%", "+", "*", "A", "AN", "THE"}


def read_synsets(lines: list[str]) -> dict[str, list[str]]:
    """Return &SYNSET name -> member words, lowercased."""
    sets: dict[str, list[str]] = {}
    name = ""
    for line in lines:
        text = line.split("#")[0].strip()
        if text.startswith("&"):
            name = text.split()[0]
            sets[name] = []
        elif text.startswith("+") and name:
            sets[name].append(text[1:].strip("_ ").lower().replace("_", " "))
        elif text.startswith("---"):
            name = ""
    return sets


def parse_code(text: str) -> str | None:
    """Return the event code in `[...]`, None for `[---]` or none; `[a:b]` keeps a (else b)."""
    match = CODE.search(text)
    if not match or "---" in match.group(1):
        return None
    parts = [p.strip() for p in match.group(1).split(":")]
    code = parts[0] or (parts[1] if len(parts) > 1 else "")
    return code if code.isdigit() else None


def pattern_words(part: str, synsets: dict[str, list[str]]) -> list[str]:
    """Return the plain words of one side of a pattern (synsets give their first member)."""
    words = []
    for raw in re.sub(r"[(){}]", " ", part).split():
        if raw in SKIP_WORDS:
            continue
        if raw.startswith("&"):
            members = synsets.get(raw, [])
            words.append("|".join(m for m in members if " " not in m) or raw.lower())
        else:
            words.append(raw.strip("_").lower())
    return [w for w in words if w]


def read_verbs(lines: list[str], synsets: dict[str, list[str]]) -> list[tuple[str, ...]]:
    """Return (lemma, side, words, code, note) rows from the VERB PATTERNS section."""
    rows: list[tuple[str, ...]] = []
    block_code: str | None = None
    start = next(i for i, line in enumerate(lines) if "VERB PATTERNS" in line)
    for line in lines[start + 1 :]:
        head = BLOCK.match(line)
        if head:
            block_code = parse_code(f"[{head.group(2)}]")
            continue
        text = line.split("#")[0].rstrip()
        if not text.strip():
            continue
        if text.startswith("-"):
            rows += _pattern_row(line, synsets)
        elif text[0].isalpha() or text[0] == "+":
            rows += _verb_row(text, block_code)
    return rows


def _verb_row(text: str, block_code: str | None) -> list[tuple[str, ...]]:
    word = text.split()[0].lstrip("+").strip("_").lower()
    code = parse_code(text) if "[" in text else block_code
    if code is None or not word.isascii():
        return []
    return [(word.replace("_", " "), "", "", code, "CAMEO.2.0 verb")]


def _pattern_row(line: str, synsets: dict[str, list[str]]) -> list[tuple[str, ...]]:
    body, _, comment = line.partition("#")
    code = parse_code(body)
    verb = comment.strip().split()[0].lower().replace("_", " ") if comment.strip() else ""
    if code is None or not verb or "*" not in body:
        return []
    before, _, after = CODE.sub("", body.lstrip("- ")).partition("*")
    rows = []
    for side, part in (("subj", before), ("obj", after)):
        words = pattern_words(part, synsets)
        if words:
            rows.append((verb, side, " ".join(words), code, "CAMEO.2.0 pattern"))
    return rows


def read_plover(path: Path) -> dict[str, tuple[str, str, str]]:
    """Return CAMEO code -> (PLOVER type, mode, label) from CAMEO2PLOVER-2021.txt."""
    table: dict[str, tuple[str, str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not re.match(r"^\d{2,4}:", line):
            continue
        code, _, rest = line.partition(":")
        fields, _, label = rest.partition("#")
        parts = [p.strip() for p in fields.split(",")]
        table[code] = (parts[0], parts[1] if len(parts) > 1 else "", label.strip().lower())
    return table


def cameo_rows(plover: dict[str, tuple[str, str, str]]) -> list[tuple[str, ...]]:
    """Return (code, type, mode, goldstein, label) for every code in goldstein.tsv."""
    rows = []
    with (DATA / "goldstein.tsv").open(encoding="utf-8") as f:
        reader = csv.reader((ln for ln in f if not ln.startswith("#")), delimiter="\t")
        next(reader)
        for code, goldstein in reader:
            kind, mode, _ = plover.get(code) or plover.get(code[:3]) or ("", "", "")
            if not kind and code[:2] in plover:
                kind = plover[code[:2]][0]
            label = plover[code][2] if code in plover else ROOT_NAMES.get(code, "")
            rows.append((code, kind, mode, goldstein, label or ROOT_NAMES[code[:2]]))
    return rows


def write_tsv(path: Path, header: tuple[str, ...], rows: list[tuple[str, ...]], note: str) -> None:
    """Write a TSV with a provenance comment line."""
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write(f"# {note} Generated by scripts/build_event_lexicon.py; see README.md.\n")
        writer = csv.writer(f, delimiter="\t", lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def main() -> int:
    """Build verbs.tsv and cameo.tsv; return the exit status."""
    argparse.ArgumentParser(description=__doc__).parse_args()
    if not VERB_DICT.exists() or not PLOVER_TABLE.exists():
        print(f"needs {VERB_DICT} and {PLOVER_TABLE}; nothing built", file=sys.stderr)
        return 1
    lines = VERB_DICT.read_text(encoding="latin-1").splitlines()
    verbs = sorted(set(read_verbs(lines, read_synsets(lines))))
    verb_note = "From PETRARCH-2 CAMEO.2.0.txt (MIT, Open Event Data Alliance)."
    write_tsv(DATA / "verbs.tsv", ("lemma", "side", "words", "code", "note"), verbs, verb_note)
    cameo = cameo_rows(read_plover(PLOVER_TABLE))
    cameo_note = "PLOVER type/mode/label from CAMEO2PLOVER-2021 (CC BY-SA 4.0, OEDA)."
    header = ("code", "type", "mode", "goldstein", "label")
    write_tsv(DATA / "cameo.tsv", header, cameo, cameo_note)
    print(f"wrote {len(verbs)} verb rows and {len(cameo)} CAMEO codes to {DATA}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
