"""Shared by the peer pipelines: loading, schema validation and the view of one organisation
that both the HTML (Jinja2) and the typst template render."""

import json
import re
import sys
from pathlib import Path

import yaml
from jsonschema import validators

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SCHEMA = ROOT / "schemas" / "verklaar.schema.json"
TEMPLATES = HERE / "templates"

if not getattr(yaml, "__with_libyaml__", False):
    sys.exit(
        "PyYAML was built without libyaml; the peers need yaml.CSafeLoader "
        "(pip install --force-reinstall pyyaml)"
    )


class Loader(yaml.CSafeLoader):
    """libyaml's parser with YAML 1.2 scalars, as verklaar reads them. PyYAML follows YAML 1.1,
    which turns `2025-03-01` into a date (the schema wants a string), `yes`/`on` into booleans
    and `08123456` into a string (no valid octal) where YAML 1.2 reads an integer. Resolution
    runs in Python even with the C parser, so overriding it costs little."""

    def construct_yaml_int(self, node):
        value = self.construct_scalar(node)
        sign, digits = (-1, value[1:]) if value[0] == "-" else (1, value.lstrip("+"))
        if digits.startswith(("0o", "0x")):
            return sign * int(digits[2:], 8 if digits[1] == "o" else 16)
        return sign * int(digits, 10)


_YAML11_ONLY = ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:int")
Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in _YAML11_ONLY]
    for first, resolvers in yaml.CSafeLoader.yaml_implicit_resolvers.items()
}
Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
Loader.add_implicit_resolver(
    "tag:yaml.org,2002:int",
    re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"),
    list("-+0123456789"),
)
Loader.add_constructor("tag:yaml.org,2002:int", Loader.construct_yaml_int)


def yaml_files(paths):
    """The *.yaml files named or inside the folders named, in a stable order."""
    files = []
    for p in map(Path, paths):
        files.extend(sorted(p.glob("*.yaml")) if p.is_dir() else [p])
    return files


def make_validator():
    """One validator for the whole run, of the draft the schema declares ($schema)."""
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    cls = validators.validator_for(schema)
    # FORMAT_CHECKER checks `date` and (with isoduration installed) `duration`, as verklaar does.
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def check(path, validator):
    """(data or None, findings): findings are 'file: $.path: message' lines."""
    try:
        data = yaml.load(path.read_bytes(), Loader=Loader)
    except yaml.YAMLError as e:
        return None, [f"{path}: yaml: {str(e).splitlines()[0]}"]
    findings = [
        f"{path}: {error.json_path}: {error.message}" for error in validator.iter_errors(data)
    ]
    return (None if findings else data), findings


# --- the view both templates render ----------------------------------------------------------

BASES = {
    "consent": "toestemming",
    "contract": "uitvoering van een overeenkomst",
    "legal_obligation": "wettelijke plicht",
    "vital_interests": "vitaal belang",
    "public_task": "taak van algemeen belang",
    "legitimate_interests": "gerechtvaardigd belang",
}
ROLES = {
    "processor": "verwerker (werkt in onze opdracht)",
    "controller": "zelfstandig verantwoordelijke",
    "joint_controller": "gezamenlijk verantwoordelijke",
    "public_authority": "overheidsinstantie",
    "internal": "binnen onze organisatie",
}
UNITS = {
    "Y": ("jaar", "jaar"),
    "M": ("maand", "maanden"),
    "W": ("week", "weken"),
    "D": ("dag", "dagen"),
    "H": ("uur", "uur"),
    "m": ("minuut", "minuten"),
}


def duration(iso):
    """'P20Y' -> '20 jaar', 'PT30M' -> '30 minuten'."""
    m = re.fullmatch(
        r"P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?", iso or ""
    )
    if not m:
        return iso or ""
    parts = [f"{n} {UNITS[u][int(n) != 1]}" for n, u in zip(m.groups(), "YMWDHm", strict=True) if n]
    return " en ".join(parts)


def retention_text(r):
    if not r:
        return "niet vermeld"
    text = duration(r.get("period")) if r.get("period") else r.get("criteria", "niet vermeld")
    if r.get("period") and r.get("maximum"):
        text = f"maximaal {text}"
    if r.get("start"):
        text = f"{text} {r['start']}"
    return text


def blocks(body):
    """Markdown-ish custom section text as paragraphs and lists (no inline markup)."""
    out = []
    for chunk in re.split(r"\n\s*\n", body or ""):
        lines = [line.strip() for line in chunk.splitlines() if line.strip()]
        if lines and all(line.startswith("- ") for line in lines):
            items = [line[2:].replace("**", "") for line in lines]
            out.append({"kind": "list", "items": items})
        elif lines:
            out.append({"kind": "text", "text": " ".join(lines).replace("**", "")})
    return out


def dpo_text(dpo):
    if not dpo:
        return None
    if dpo.get("appointed"):
        who = f"Onze functionaris gegevensbescherming (FG) is {dpo.get('name') or 'aangesteld'}"
        return who + (f", bereikbaar via {dpo['email']}." if dpo.get("email") else ".")
    return dpo.get("not_required_reason")


def complaints_view(complaints):
    """None when the file says nothing about complaints: the templates then say so."""
    if complaints is None:
        return None
    authority = complaints.get("authority_text")
    if not authority and complaints.get("authority"):
        authority = "U kunt een klacht indienen bij de Autoriteit Persoonsgegevens."
    return {"internal": complaints.get("internal"), "authority": authority}


def view(data, slug):
    """Everything the templates show, as plain strings and lists."""
    names = {}
    for section in ("data_subjects", "data_categories", "sources", "recipients"):
        names.update({i["id"]: i.get("name", i["id"]) for i in data.get(section) or []})
    org = data["organisation"]
    statement = data.get("statement") or {}
    address = org.get("address") or {}
    contact = org.get("contact") or {}
    purposes = []
    bases = set()
    for p in data.get("purposes") or []:
        bases.add(p.get("legal_basis"))
        purposes.append(
            {
                "title": p.get("label") or p["description"],
                "description": p["description"],
                "details": p.get("details"),
                "basis": BASES.get(p.get("legal_basis"), "niet vermeld"),
                "subjects": [names.get(i, i) for i in p.get("data_subjects") or []],
                "categories": [names.get(i, i) for i in p.get("data_categories") or []],
                "recipients": [names.get(i, i) for i in p.get("recipients") or []],
                "retention": retention_text(p.get("retention")),
                "consequence": (p.get("provision") or {}).get("consequence"),
            }
        )
    rights = ["inzage", "correctie", "verwijdering", "beperking van de verwerking"]
    if bases & {"legitimate_interests", "public_task"}:
        rights.append("bezwaar")
    if bases & {"consent", "contract"}:
        rights.append("overdracht van uw gegevens")
    if "consent" in bases:
        rights.append("uw toestemming intrekken")
    channel = (data.get("rights") or {}).get("channel") or {}
    retention_rows = [{"records": p["title"], "term": p["retention"]} for p in purposes]
    for row in (data.get("retention") or {}).get("schedule") or []:
        records = row.get("records") or names.get(row.get("data_category"), "")
        retention_rows.append({"records": records, "term": retention_text(row.get("retention"))})
    transfers = data.get("transfers")
    security = data.get("security") or {}
    return {
        "slug": slug,
        "title": statement.get("title") or "Privacyverklaring",
        "version": statement.get("version") or statement.get("version_label"),
        "effective_date": statement.get("effective_date"),
        "org": {
            "name": org["name"],
            "legal_name": org.get("legal_name"),
            "kvk": org.get("kvk"),
            "address": ", ".join(
                v
                for v in (address.get("street"), address.get("postcode"), address.get("city"))
                if v
            ),
            "email": contact.get("email"),
            "phone": contact.get("phone"),
            "website": contact.get("website"),
            "description": org.get("description"),
        },
        "dpo": dpo_text(data.get("dpo")),
        "scope": (data.get("scope") or {}).get("services"),
        "subjects": [s.get("name", s["id"]) for s in data.get("data_subjects") or []],
        "categories": [
            {
                "name": c.get("name", c["id"]),
                "description": c.get("description"),
                "special": c.get("kind") in ("special", "criminal"),
            }
            for c in data.get("data_categories") or []
        ],
        "purposes": purposes,
        "recipients": [
            {
                "name": r.get("name", r["id"]),
                "role": ROLES.get(r.get("role"), ""),
                "description": r.get("description"),
            }
            for r in data.get("recipients") or []
        ],
        "transfers": (None if transfers is None else [t.get("description", "") for t in transfers]),
        "retention": retention_rows,
        "rights": rights,
        "channel": channel.get("email") or channel.get("form") or contact.get("email"),
        "complaints": complaints_view(data.get("complaints")),
        "security": security.get("measures") or [],
        "data_breach": security.get("data_breach"),
        "cookies": [
            {
                "name": c.get("name", ""),
                "provider": c.get("provider", ""),
                "purpose": c.get("purpose", ""),
                "retention": duration(c.get("retention")),
            }
            for c in (data.get("cookies") or {}).get("items") or []
        ],
        "custom": [
            {"title": c.get("title", ""), "blocks": blocks(c.get("body"))}
            for c in data.get("custom_sections") or []
        ],
    }
