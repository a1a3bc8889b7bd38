#!/usr/bin/env python3
"""Peer "lint": the validation a Python pipeline would do with stock libraries.

    peer_lint.py PATH...

Every *.yaml in the folders (or each file) named: load with libyaml (yaml.CSafeLoader),
validate against schemas/verklaar.schema.json with one jsonschema validator, print every
error, one line each. This is the schema half of `verklaar lint` only: no rules, no lines
and columns (CSafeLoader keeps no positions in the data). Exits 0, like `--exit-zero`.
"""

import sys

from common import check, make_validator, yaml_files


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    validator = make_validator()
    files = yaml_files(sys.argv[1:])
    failed = findings = 0
    out = sys.stdout
    for path in files:
        _, lines = check(path, validator)
        for line in lines:
            out.write(line + "\n")
        findings += len(lines)
        failed += bool(lines)
    print(f"peer_lint: {len(files)} files, {findings} findings in {failed} files", file=sys.stderr)


if __name__ == "__main__":
    main()
