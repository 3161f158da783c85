"""CI: pandas (Debian python3-pandas) reads every CSV of a release's dataset and of the live list routes.

Usage: /usr/bin/python3 check_pandas.py BASE_URL RELEASE_ID
Checks: every CSV parses (numbers, dates and booleans as declared in datapackage.json); row counts equal the dataset
manifest and the API's total; primary keys are unique and present; every foreign key resolves; the README's pandas
example runs as written. Ends with "N passed, N failed".
"""
import contextlib
import io
import json
import os
import sys
import urllib.request

import pandas as pd

BASE, RELEASE = sys.argv[1].rstrip("/"), sys.argv[2]
HERE = os.path.dirname(os.path.abspath(__file__))
results = {"passed": 0, "failed": 0}


def check(name, ok, detail=""):
    results["passed" if ok else "failed"] += 1
    print(("PASS " if ok else "FAIL ") + name + ("" if ok else f": {detail}"))


def get_json(path):
    with urllib.request.urlopen(BASE + path) as response:
        return json.load(response)


def with_query(path, query):
    return path + ("&" if "?" in path else "?") + query


def read_csv(url):
    # Ids are text even when they look like numbers; empty cells are missing values.
    return pd.read_csv(url, dtype=str, keep_default_na=False, na_values=[""])


dataset = get_json(f"/v1/releases/{RELEASE}/dataset")
files = {f["name"]: f for f in dataset["files"]}
package = get_json(f"/v1/releases/{RELEASE}/dataset/datapackage.json")
tables = {}
schemas = {}
for resource in package["resources"]:
    if resource["format"] != "csv":
        continue
    name, schema = resource["name"], resource["schema"]
    schemas[name] = schema
    try:
        frame = read_csv(files[resource["path"]]["url"] if files[resource["path"]]["url"].startswith("http") else BASE + files[resource["path"]]["url"])
    except Exception as error:  # noqa: BLE001 - any parse failure is a failed check
        check(f"dataset {name}.csv parses", False, repr(error))
        continue
    tables[name] = frame
    check(f"dataset {name}.csv rows equal the manifest", len(frame) == files[resource["path"]]["rows"], f"{len(frame)} != {files[resource['path']]['rows']}")
    check(f"dataset {name}.csv has the declared columns", list(frame.columns) == [f["name"] for f in schema["fields"]], list(frame.columns))
    bad_types = []
    for field in schema["fields"]:
        values = frame[field["name"]].dropna()
        try:
            if field["type"] in ("integer", "number"):
                pd.to_numeric(values, errors="raise")
            elif field["type"] == "date":
                pd.to_datetime(values, format="%Y-%m-%d", errors="raise")
            elif field["type"] == "boolean" and not values.isin(["true", "false"]).all():
                raise ValueError("not true/false")
        except Exception as error:  # noqa: BLE001
            bad_types.append(f"{field['name']}: {error}")
    check(f"dataset {name}.csv values have their declared types", not bad_types, "; ".join(bad_types))
    key = schema["primaryKey"]
    check(f"dataset {name} primary key {key} is unique and present",
          not frame.duplicated(key).any() and not frame[key].isna().any().any(), frame[frame.duplicated(key, keep=False)].head(3).to_dict())

for name, schema in schemas.items():
    if name not in tables:
        continue
    for fk in schema["foreignKeys"]:
        target = fk["reference"]["resource"] or name
        if target not in tables:
            check(f"dataset {name}.{fk['fields']} → {target}", False, "referenced table missing")
            continue
        values = tables[name][fk["fields"]].dropna()
        known = set(tables[target][fk["reference"]["fields"]])
        missing = sorted(set(values) - known)
        check(f"dataset {name}.{fk['fields']} → {target}.{fk['reference']['fields']} resolves", not missing, missing[:5])

# Tables that are also a list route hold the route's total.
for table, route in [("documents", "/v1/documents"), ("paragraphs", "/v1/paragraphs"), ("recommendations", "/v1/recommendations"),
                     ("indicators", "/v1/indicators"), ("series", "/v1/series"), ("facts", "/v1/facts"), ("quotas", "/v1/quotas"),
                     ("themes", "/v1/themes"), ("entities", "/v1/entities")]:
    if table in tables:
        total = get_json(with_query(route, "limit=1"))["total"]
        check(f"dataset {table}.csv rows equal the API's total of {route}", len(tables[table]) == total, f"{len(tables[table])} != {total}")

with open(os.path.join(HERE, "routes.json"), encoding="utf-8") as f:
    routes = json.load(f)["routes"]
for route in routes:
    path, table = route["path"], route["table"]
    total = get_json(with_query(path, "limit=1"))["total"]
    try:
        frame = read_csv(BASE + with_query(path, "format=csv"))
    except Exception as error:  # noqa: BLE001
        check(f"live {path} CSV parses", False, repr(error))
        continue
    counted = frame[route["countColumn"]].nunique() if "countColumn" in route else len(frame)
    check(f"live {path} CSV rows equal the API's total", counted == total, f"{counted} != {total}")
    key = route.get("key") or (schemas[table]["primaryKey"] if table in schemas else None)
    if key:
        check(f"live {path} CSV primary key is unique", not frame.duplicated(key).any())

# The README's pandas example, as written, against this server.
readme = open(os.path.join(HERE, "..", "..", "README.md"), encoding="utf-8").read()
notebooks = readme[readme.index("## Tables for notebooks"):]
example = notebooks[notebooks.index("```python\n") + len("```python\n"):]
example = example[:example.index("```")].replace("http://localhost:5000", BASE)
try:
    with contextlib.redirect_stdout(io.StringIO()) as printed:
        exec(compile(example, "README.md (pandas example)", "exec"), {})
    check("README pandas example runs as written and prints its tables", len(printed.getvalue().splitlines()) > 5, printed.getvalue())
except Exception as error:  # noqa: BLE001
    check("README pandas example runs as written", False, repr(error))

print(f"{results['passed']} passed, {results['failed']} failed")
sys.exit(1 if results["failed"] else 0)
