"""The peer for uvb4's start-up: a minimal typer app running one command.

It parses one argument, lists the folder it is given (as a small check does)
and prints a line of JSON.  ``bench_check.py`` times ``uvb4 check`` on the
77-file example against this, in the same rounds.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import typer

# uvb4's own Typer settings (no completion, no pretty exceptions, no rich markup): the
# leanest typer app, so the comparison does not flatter uvb4.
app = typer.Typer(add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None)


@app.command()
def check(folder: Path = typer.Argument(...), fmt: str = typer.Option("json", "--format")) -> None:
    count = sum(len(files) for _, _, files in os.walk(folder))
    print(json.dumps({"folder": str(folder), "files": count, "format": fmt}))


if __name__ == "__main__":
    app()
