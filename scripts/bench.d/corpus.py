#!/usr/bin/env python3
"""Seeded generator of a benchmark corpus of organisation files.

    corpus.py --seed 1 --count 1000 --out DIR

Every file is derived from one of the real files in organisations/: a new identity (name,
file name, KvK number, contact, address), purposes and recipients reordered, duplicated or
dropped, other retention terms. A fraction of the files carries a typical mistake (see
DEFECTS). The output is byte-identical for the same seed and the same input files: the YAML
is written by the small emitter below, so it does not depend on PyYAML's dumper or version.

File i is drawn from its own RNG (seeded with "seed:i"), so a corpus of N files is exactly
the first N files of a larger corpus with the same seed: `--count 50` gives the PDF subset.
"""

import argparse
import copy
import datetime
import json
import random
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT / "organisations"

# Yaml's pure-Python loader gives the same data as the C one; the C one is just faster.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# --- identity pools ------------------------------------------------------------------------

PREFIXES = (
    "Praktijk, Zorggroep, Stichting, Fysiotherapie, Coachpraktijk, Welzijn, Huisartsenpraktijk, "
    "Jeugdhulp, GGZ, Thuiszorg, Zorgcentrum, Kinderpraktijk, Logopedie, Wijkteam, Dagbesteding, "
    "Arbodienst, Psychologenpraktijk"
).split(", ")
NAMES = (
    "De Linde, Het Anker, De Brug, De Eik, Het Baken, De Horizon, Zonnehoek, De Vlinder, "
    "Het Kompas, De Wilg, Op Koers, Samen Sterk, De Zonnebloem, Het Palet, De Bron, "
    "Noorderlicht, De Meander, Het Veerhuis, De Esdoorn, Klavertje Vier, De Vuurtoren, Lindehof, "
    "De Regenboog, Waterland, De Parel, Het Gilde, De Schakel, Middenin, De Hoeksteen, Vitaal, "
    "Het Zwaluwnest, De Boomgaard, Kleurrijk, De Vaart, Het Lichtpunt, De Akker, Vrij Baan"
).split(", ")
CITIES = (
    "Amsterdam, Rotterdam, Utrecht, Den Haag, Eindhoven, Groningen, Tilburg, Almere, Breda, "
    "Nijmegen, Apeldoorn, Haarlem, Arnhem, Enschede, Amersfoort, Zaanstad, Zwolle, Leiden, "
    "Maastricht, Dordrecht, Ede, Alkmaar, Emmen, Delft, Deventer, Venlo, Leeuwarden, Helmond, "
    "Hengelo, Assen, Gouda, Hoorn, Oss, Roosendaal, Heerlen, Middelburg, Lelystad, Zeist, "
    "Doetinchem"
).split(", ")
STREETS = (
    "Dorpsstraat, Kerkstraat, Stationsweg, Molenweg, Schoolstraat, Lindelaan, Parkweg, "
    "Beukenlaan, Julianastraat, Wilhelminaplein, Havenkade, Brinkweg"
).split(", ")
EMAIL_LOCAL = ["info", "privacy", "secretariaat", "contact", "receptie"]
LETTERS = "ABCDEFGHJKLMNPRSTVWXZ"

# Processors and third parties an organisation of this kind typically adds.
EXTRA_RECIPIENTS = [
    {
        "name": "ons ICT-bedrijf",
        "role": "processor",
        "agreement": True,
        "country": "NL",
        "description": "Dit bedrijf beheert onze computers en ons netwerk, in onze opdracht.",
    },
    {
        "name": "onze accountant",
        "role": "controller",
        "description": "De accountant controleert onze jaarrekening en ziet daarbij betalingen.",
    },
    {
        "name": "de leverancier van ons afsprakensysteem",
        "role": "processor",
        "agreement": True,
        "country": "NL",
        "description": "In dit systeem staan uw afspraken met ons.",
    },
    {
        "name": "ons salarisadministratiekantoor",
        "role": "processor",
        "agreement": True,
        "country": "NL",
        "description": "Dit kantoor maakt de salarissen van onze medewerkers.",
    },
    {
        "name": "de leverancier van onze telefooncentrale",
        "role": "processor",
        "agreement": True,
        "country": "NL",
        "description": "Via deze centrale komen uw telefoongesprekken bij ons binnen.",
    },
    {
        "name": "een archiefbedrijf",
        "role": "processor",
        "agreement": True,
        "country": "NL",
        "description": "Dit bedrijf vernietigt papieren dossiers na afloop van de bewaartermijn.",
    },
]

PERIODS = ["P4W", "P1M", "P3M", "P6M", "P1Y", "P2Y", "P5Y", "P7Y", "P10Y", "P15Y", "P20Y"]

# --- defects -------------------------------------------------------------------------------

# Probability per file of each typical mistake. The first two are load errors in verklaar (a
# schema violation); the others load and give lint findings. Together they keep well over 90 %
# of the files loadable.
DEFECTS = {
    "unquoted-kvk": 0.03,
    "wrong-enum": 0.03,
    "missing-transfers": 0.08,
    "missing-complaints": 0.06,
    "outdated-term": 0.10,
}
OUTDATED_SENTENCES = [
    "Wij houden ons daarbij aan de Wet bescherming persoonsgegevens (Wbp).",
    "Dit is geregeld in de Wbp.",
    "U kunt ook een klacht indienen bij het College bescherming persoonsgegevens.",
    "Meer informatie vindt u op de website van het CBP, www.cbpweb.nl.",
    "Wij volgen de regels van de Wet meldplicht datalekken.",
]
# (path to a field, a value outside its enum): wrong in the way people get it wrong.
WRONG_ENUMS = [
    (("organisation", "sector"), "gezondheidszorg"),
    (("statement", "address_form"), "jij"),
    (("complaints", "authority"), "AP"),
    (("purposes", "*", "legal_basis"), "toestemming"),
    (("recipients", "*", "role"), "verwerker"),
]


# --- YAML emitter --------------------------------------------------------------------------
#
# PyYAML's dumper would do, but its style (quotes, folding) depends on its version and looks
# nothing like a hand-written file. This emitter writes the style of organisations/: block
# mappings, flow lists of ids, `>-` for long text, `|-` for text with line breaks.

WIDTH = 100
# Numbers in YAML 1.2 (verklaar), including forms YAML 1.1 (PyYAML) reads as strings (0o17).
_NUMBER = re.compile(
    r"[-+]?(\d[\d_]*(\.\d*)?|\.\d+|0o[0-7]+|0x[0-9a-fA-F]+)([eE][-+]?\d+)?"
    r"|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)"
)
_SPECIAL = ("null", "Null", "NULL", "~", "true", "True", "TRUE", "false", "False", "FALSE")


def _plain_ok(s, in_flow=False):
    """True when `s` can be written as a plain scalar and reads back as the same string under
    both YAML 1.1 (PyYAML) and YAML 1.2 (verklaar)."""
    if not s or s != s.strip() or "\t" in s or "\n" in s:
        return False
    if s[0] in "-?:,[]{}#&*!|>'\"%@`" or ": " in s or " #" in s or s.endswith(":"):
        return False
    if in_flow and any(c in s for c in ",[]{}"):
        return False
    if _NUMBER.fullmatch(s) or s in _SPECIAL:
        return False
    # Anything else YAML 1.1 resolves to a non-string (yes/no/on/off, dates, sexagesimals).
    return yaml.load(s, Loader=LOADER) == s


def _quoted(s):
    # JSON strings are valid YAML double-quoted scalars.
    return json.dumps(s, ensure_ascii=False)


def _fold(text, width):
    """Split on single spaces into lines of at most `width` (longer words stay whole). Folding
    joins them back with one space, so `text` must not contain double spaces."""
    lines, line = [], ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return lines


def _scalar(head, value, indent, out, quote=False):
    """Append `head` (ending in `key:` or `-`) with `value`; block text goes at `indent`."""
    if isinstance(value, bool):
        out.append(f"{head} {'true' if value else 'false'}")
    elif value is None:
        out.append(f"{head} null")
    elif isinstance(value, (int, float)):
        out.append(f"{head} {value!r}")
    elif isinstance(value, (datetime.date, datetime.datetime)):
        out.append(f"{head} {value.isoformat()}")
    elif quote:
        out.append(f"{head} {_quoted(value)}")
    elif "\n" in value:
        lines = value.split("\n")
        if value[0] in " \t" or value.endswith("\n") or "\t" in value:
            out.append(f"{head} {_quoted(value)}")
        else:
            out.append(f"{head} |-")
            out.extend(f"{' ' * indent}{line}" if line else "" for line in lines)
    elif len(head) + 1 + len(value) <= WIDTH and _plain_ok(value):
        out.append(f"{head} {value}")
    elif len(head) + 1 + len(value) > WIDTH and "  " not in value and value == value.strip():
        out.append(f"{head} >-")
        out.extend(f"{' ' * indent}{line}" for line in _fold(value, WIDTH - indent))
    else:
        out.append(f"{head} {_quoted(value)}")


def _flow_list(items):
    """`[a, b]` for a short list of ids, as the real files write them."""
    if not items or not all(
        isinstance(i, str) and re.fullmatch(r"[\w.-]+", i) and _plain_ok(i, in_flow=True)
        for i in items
    ):
        return None
    text = "[" + ", ".join(items) + "]"
    return text if len(text) <= 90 else None


def _mapping(d, indent, out, first_prefix=None, raw_keys=()):
    first = first_prefix is not None
    for key, value in d.items():
        if key.startswith("#"):
            # Comment lines (see _with_comments); before a list item's first key they go above
            # the dash.
            pad = " " * (indent - 2 if first else indent)
            out.extend(pad + line for line in value)
            continue
        prefix = first_prefix if first else " " * indent
        first = False
        head = f"{prefix}{key}:"
        if isinstance(value, dict):
            if value:
                out.append(head)
                _mapping(value, indent + 2, out, raw_keys=raw_keys)
            else:
                out.append(f"{head} {{}}")
        elif isinstance(value, list):
            flow = _flow_list(value)
            if not value:
                out.append(f"{head} []")
            elif flow:
                out.append(f"{head} {flow}")
            else:
                out.append(head)
                _sequence(value, indent + 2, out, raw_keys)
        elif key == "kvk" and isinstance(value, str):
            # KvK numbers are always quoted in real files (a number would lose leading zeros);
            # the unquoted-kvk defect writes it bare on purpose.
            if "kvk" in raw_keys:
                out.append(f"{head} {value}")
            else:
                _scalar(head, value, indent + 2, out, quote=True)
        else:
            _scalar(head, value, indent + 2, out)


def _sequence(items, indent, out, raw_keys):
    for item in items:
        if isinstance(item, dict) and item:
            _mapping(item, indent + 2, out, first_prefix=" " * indent + "- ", raw_keys=raw_keys)
        elif isinstance(item, list):
            out.append(" " * indent + "-")
            _sequence(item, indent + 2, out, raw_keys)
        else:
            _scalar(" " * indent + "-", item, indent + 2, out)


def emit(doc, header, raw_keys=()):
    """The file text: `header` lines, then the document, a blank line between sections."""
    out = list(header)
    for key, value in doc.items():
        if key.startswith("#"):
            continue
        section = isinstance(value, (dict, list)) and value
        if key != "schema_version" and (section or doc.get("#" + key)):
            out.append("")
        _mapping({k: v for k, v in doc.items() if k in ("#" + key, key)}, 0, out, raw_keys=raw_keys)
    return "\n".join(out) + "\n"


def strip_comments(node):
    """The data without the comment entries, as a YAML loader reads the file back."""
    if isinstance(node, dict):
        return {k: strip_comments(v) for k, v in node.items() if not k.startswith("#")}
    if isinstance(node, list):
        return [strip_comments(v) for v in node]
    return node


# --- the real files ------------------------------------------------------------------------


def _domain(value):
    """Registrable domain of an e-mail address or URL, unless it is a mail provider's."""
    m = re.search(r"(?:@|//|www\.)([\w.-]+\.[a-z]{2,})", value or "")
    if not m:
        return None
    domain = ".".join(m.group(1).lower().split(".")[-2:])
    return None if domain in ("outlook.com", "gmail.com", "hotmail.com") else domain


def _with_comments(node, data, comments_above):
    """`data` with, before each key that has full-line comments above it in the source, an
    entry "#key" holding those lines. Keeping them in the data means they travel along when a
    purpose is duplicated or reordered and disappear when it is dropped."""
    if isinstance(node, yaml.MappingNode):
        out = {}
        for (key_node, value_node), (key, value) in zip(node.value, data.items(), strict=True):
            lines = comments_above(key_node.start_mark.line)
            if lines:
                out["#" + key] = lines
            out[key] = _with_comments(value_node, value, comments_above)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_with_comments(n, v, comments_above) for n, v in zip(node.value, data, strict=True)]
    return data


def load_base(path):
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()

    def comments_above(line_no):
        found = []
        for line in reversed(lines[:line_no]):
            if line.strip().startswith("#"):
                found.append(line.strip())
            elif line.strip():
                break
        # The header (schema hint, source) is written anew for each file, and the note that
        # voorbeeld-praktijk is the flawless reference no longer holds for a variation.
        found = [
            c for c in reversed(found) if not c.startswith(("# yaml-language-server", "# Bron"))
        ]
        return [] if any("VERZONNEN VOORBEELD" in c for c in found) else found

    data = yaml.load(text, Loader=LOADER)
    doc = _with_comments(yaml.compose(text, Loader=LOADER), data, comments_above)
    org, dpo = data["organisation"], data.get("dpo") or {}
    contact = org.get("contact") or {}
    channel = (data.get("rights") or {}).get("channel") or {}
    candidates = [
        contact.get("email"),
        contact.get("website"),
        contact.get("web_form"),
        dpo.get("email"),
        channel.get("email"),
        channel.get("form"),
        (data.get("statement") or {}).get("url"),
    ]
    domains = sorted({d for d in map(_domain, candidates) if d}, key=len, reverse=True)
    return {"file": path.name, "doc": doc, "name": org["name"], "domains": domains}


# --- variation -----------------------------------------------------------------------------


def _replace_strings(node, old_new):
    """Replace the old name and domains in every string, so the text stays about one
    organisation."""
    if isinstance(node, dict):
        return {k: _replace_strings(v, old_new) for k, v in node.items()}
    if isinstance(node, list):
        return [_replace_strings(v, old_new) for v in node]
    if isinstance(node, str):
        for old, new in old_new:
            node = node.replace(old, new)
    return node


def _slugify(name):
    table = str.maketrans("ëéèïöüáà", "eeeiouaa")
    return re.sub(r"[^a-z0-9]+", "-", name.lower().translate(table)).strip("-")


def _identity(rng, used_slugs):
    name = f"{rng.choice(PREFIXES)} {rng.choice(NAMES)}"
    if rng.random() < 0.5:
        name += f" {rng.choice(CITIES)}"
    slug = _slugify(name)
    n = 2
    while slug in used_slugs:
        slug = f"{_slugify(name)}-{n}"
        n += 1
    used_slugs.add(slug)
    domain = slug.replace("-", "") + rng.choice([".nl", ".nl", ".example"])
    return name, slug, domain


def _set_after(d, after, key, value):
    """Set d[key], placing a new key right after `after` (dicts keep insertion order)."""
    if key in d or after not in d:
        d[key] = value
        return
    items = list(d.items())
    d.clear()
    for k, v in items:
        d[k] = v
        if k == after:
            d[key] = value


def _vary_identity(rng, doc, name, domain):
    org = doc["organisation"]
    org["name"] = name
    if "legal_name" in org or rng.random() < 0.5:
        form = rng.choice(["B.V.", "V.O.F.", "Stichting"])
        if form != "Stichting":
            legal = f"{name} {form}"
        else:
            legal = name if name.startswith("Stichting") else f"Stichting {name}"
        _set_after(org, "name", "legal_name", legal)
    kvk = "".join(rng.choice("0123456789") for _ in range(8))
    _set_after(org, "legal_name" if "legal_name" in org else "name", "kvk", kvk)
    if "address" in org:
        address = org["address"]
        address["city"] = rng.choice(CITIES)
        if "street" in address:
            address["street"] = f"{rng.choice(STREETS)} {rng.randint(1, 250)}"
        if "postcode" in address:
            address["postcode"] = (
                f"{rng.randint(1000, 9999)} {rng.choice(LETTERS)}{rng.choice(LETTERS)}"
            )
    contact = org.get("contact")
    if contact is None and rng.random() < 0.5:
        contact = {"email": ""}  # the address is filled in below
        _set_after(org, "address" if "address" in org else "kvk", "contact", contact)
    if contact is not None:
        if "email" in contact:
            contact["email"] = f"{rng.choice(EMAIL_LOCAL)}@{domain}"
        if "phone" in contact:
            contact["phone"] = (
                f"0{rng.randint(10, 79)} {rng.randint(100, 999)} "
                f"{rng.randint(10, 99)} {rng.randint(10, 99)}"
            )


def _vary_statement(rng, doc):
    statement = doc.get("statement")
    if not statement:
        return
    year = rng.randint(2022, 2025)
    if "version" in statement:
        statement["version"] = f"{year}.{rng.randint(1, 4)}"
    if "effective_date" in statement:
        statement["effective_date"] = datetime.date(year, rng.randint(1, 12), rng.randint(1, 28))


def _scrub_refs(doc, key, gone):
    """Remove references to dropped purposes or recipients, so a drop is not a broken file."""
    for purpose in doc.get("purposes") or []:
        if isinstance(purpose.get(key), list):
            purpose[key] = [r for r in purpose[key] if r not in gone]
            if not purpose[key]:
                del purpose[key]
    retention = doc.get("retention") or {}
    if key == "purposes" and retention.get("schedule"):
        retention["schedule"] = [
            row for row in retention["schedule"] if row.get("purpose") not in gone
        ]
    for cookie in (doc.get("cookies") or {}).get("items") or []:
        if cookie.get("recipient") in gone:
            del cookie["recipient"]


def _vary_purposes(rng, doc, city):
    purposes = doc.get("purposes") or []
    if not purposes:
        return
    if len(purposes) > 2 and rng.random() < 0.3:
        dropped = purposes.pop(rng.randrange(len(purposes)))
        _scrub_refs(doc, "purposes", {dropped["id"]})
    # Duplicates model the same activity at another location: more text, same structure.
    for n in range(rng.choice([0, 0, 1, 1, 2])):
        twin = copy.deepcopy(rng.choice(purposes))
        twin["id"] = f"{twin['id']}-{n + 2}"
        twin["description"] = f"{twin['description'].rstrip('.')} (locatie {city})."
        if "label" in twin:
            twin["label"] = f"{twin['label']} {city}"
        purposes.insert(rng.randrange(len(purposes) + 1), twin)
    if rng.random() < 0.5:
        rng.shuffle(purposes)
    for purpose in purposes:
        retention = purpose.get("retention")
        if retention and "period" in retention and rng.random() < 0.4:
            retention["period"] = rng.choice(PERIODS)
    for row in (doc.get("retention") or {}).get("schedule") or []:
        if "period" in row.get("retention", {}) and rng.random() < 0.3:
            row["retention"]["period"] = rng.choice(PERIODS)


def _vary_recipients(rng, doc):
    recipients = doc.get("recipients")
    if not recipients:
        return
    if len(recipients) > 2 and rng.random() < 0.3:
        dropped = recipients.pop(rng.randrange(len(recipients)))
        _scrub_refs(doc, "recipients", {dropped["id"]})
    purposes = doc.get("purposes") or []
    for extra in rng.sample(EXTRA_RECIPIENTS, rng.choice([0, 0, 1, 2])):
        rid = _slugify(extra["name"])
        if any(r["id"] == rid for r in recipients):
            continue
        recipients.append({"id": rid, **extra})
        for purpose in rng.sample(purposes, min(len(purposes), rng.randint(1, 2))):
            purpose.setdefault("recipients", []).append(rid)
    if rng.random() < 0.4:
        rng.shuffle(recipients)


def _free_texts(doc):
    """(container, key) of free-text fields where people write about the law."""
    spots = []
    for section, key in (
        ("security", "data_breach"),
        ("complaints", "authority_text"),
        ("complaints", "internal"),
        ("statement", "change_policy"),
        ("organisation", "description"),
    ):
        if isinstance(doc.get(section), dict) and isinstance(doc[section].get(key), str):
            spots.append((doc[section], key))
    for purpose in doc.get("purposes") or []:
        for key in ("details", "description"):
            if isinstance(purpose.get(key), str):
                spots.append((purpose, key))
    return spots


def _inject(rng, doc, defect):
    if defect in ("missing-transfers", "missing-complaints"):
        key = defect.split("-")[1]
        doc.pop(key, None)
        doc.pop("#" + key, None)
    elif defect == "outdated-term":
        container, key = rng.choice(_free_texts(doc))
        container[key] = f"{container[key].rstrip()} {rng.choice(OUTDATED_SENTENCES)}"
    elif defect == "wrong-enum":
        options = []
        for path, wrong in WRONG_ENUMS:
            head, *rest = path
            targets = [doc.get(head)]
            if rest and rest[0] == "*":
                targets, rest = list(doc.get(head) or []), rest[1:]
            for target in targets:
                if isinstance(target, dict) and rest[0] in target:
                    options.append((target, rest[0], wrong))
        if options:
            target, key, wrong = rng.choice(options)
            target[key] = wrong


def generate(seed, index, bases, used_slugs):
    rng = random.Random(f"{seed}:{index}")
    base = rng.choice(bases)
    name, slug, domain = _identity(rng, used_slugs)
    old_new = [(base["name"], name)] + [(d, domain) for d in base["domains"]]
    doc = _replace_strings(copy.deepcopy(base["doc"]), old_new)
    city = rng.choice(CITIES)

    _vary_identity(rng, doc, name, domain)
    _vary_statement(rng, doc)
    _vary_purposes(rng, doc, city)
    _vary_recipients(rng, doc)

    defects = [d for d, p in DEFECTS.items() if rng.random() < p]
    for defect in defects:
        if defect != "unquoted-kvk":
            _inject(rng, doc, defect)

    header = [
        "# yaml-language-server: $schema=../schemas/verklaar.schema.json",
        f"# Benchmarkcorpus (scripts/bench.d/corpus.py, seed {seed}, nr. {index}), "
        f"afgeleid van {base['file']}.",
        f"# Ingebouwde fouten: {', '.join(defects) if defects else 'geen'}.",
    ]
    raw = ("kvk",) if "unquoted-kvk" in defects else ()
    text = emit(doc, header, raw_keys=raw)
    if not raw:
        # The emitter must write back exactly the data it was given.
        assert yaml.load(text, Loader=LOADER) == strip_comments(doc), f"round trip: {slug}"
    return slug, text, defects


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()

    bases = [load_base(p) for p in sorted(SOURCES.glob("*.yaml"))]
    args.out.mkdir(parents=True, exist_ok=True)
    for old in args.out.glob("*.yaml"):
        old.unlink()
    used, sizes, counts = set(), [], {d: 0 for d in DEFECTS}
    for i in range(args.count):
        slug, text, defects = generate(args.seed, i, bases, used)
        data = text.encode("utf-8")
        (args.out / f"{slug}.yaml").write_bytes(data)
        sizes.append(len(data))
        for d in defects:
            counts[d] += 1
    real = [p.stat().st_size for p in SOURCES.glob("*.yaml")]
    mean_kb = sum(sizes) / max(len(sizes), 1) / 1024
    print(
        f"corpus: {args.count} files in {args.out}, mean {mean_kb:.1f} KB "
        f"(real files: {sum(real) / len(real) / 1024:.1f} KB); defects: "
        + ", ".join(f"{d} {n}" for d, n in counts.items()),
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
