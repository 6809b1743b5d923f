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

app = typer.Typer(add_completion=False)


@app.command()
def check(folder: Path = typer.Argument(...), fmt: str = typer.Option("json", "--format")) -> None:
    count = sum(len(files) for _, _, files in os.walk(folder))
    print(json.dumps({"folder": str(folder), "files": count, "format": fmt}))


if __name__ == "__main__":
    app()
