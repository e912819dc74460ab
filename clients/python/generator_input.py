"""The schema as openapi-python-client (0.29.1) should read it: ``make sdk`` feeds it this.

openapi.yaml says that a public read may be called anonymously the standard way: its
``security`` lists the empty requirement ``{}`` next to the token schemes. The generator
reads any non-empty ``security`` as "authentication required" and would type those
functions as taking an ``AuthenticatedClient`` only (openapi-python-client issue 1372).
Here such operations carry no ``security``, so the generated functions take a plain
``Client`` as well as an ``AuthenticatedClient`` (whose token then widens what is visible).
Nothing else changes. Remove this step once the generator reads ``{}``.

Usage: python generator_input.py openapi.yaml OUTPUT.yaml
"""

import sys
from pathlib import Path

import yaml


def main(source: str, target: str) -> None:
    schema = yaml.safe_load(Path(source).read_text())
    for path_item in schema["paths"].values():
        for operation in path_item.values():
            if {} in operation.get("security", []):
                del operation["security"]
    Path(target).write_text(yaml.safe_dump(schema, sort_keys=False, allow_unicode=True))


if __name__ == "__main__":
    main(*sys.argv[1:])
