"""Start-up stays lean, and the fast YAML loader is really the C one."""

import json
import subprocess
import sys

HEAVY = ["jinja2", "docxtpl", "docx", "ruamel", "pydantic", "holidays", "openpyxl", "rich", "pypdf", "babel"]


def test_import_cli_keeps_heavy_modules_out():
    code = f"import sys, json; import uvb4.cli; print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert json.loads(out) == []


def test_help_does_not_load_the_rulebook_stack():
    code = (
        "import sys, json\n"
        "from uvb4.cli import app\n"
        "try:\n    app(['--help'])\nexcept SystemExit:\n    pass\n"
        f"print(json.dumps([m for m in {HEAVY[:6]!r} if m in sys.modules]))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert json.loads(out.strip().splitlines()[-1]) == []


def test_safe_loader_uses_the_c_parser():
    from uvb4.yamlio import _safe_yaml

    yaml = _safe_yaml()
    # CParser comes from ruamel.yaml.clib (a declared dependency); without it ruamel falls back
    # to its pure-Python parser, several times slower.
    assert yaml.Parser.__name__ == "CParser"
    assert "_ruamel_yaml" in yaml.Parser.__module__
    assert yaml.load("a: [1, 2]") == {"a": [1, 2]}


def test_python_dash_m_works():
    out = subprocess.run([sys.executable, "-m", "uvb4", "--version"], capture_output=True, text=True)
    assert out.returncode == 0
    assert out.stdout.startswith("uvb4 ")
    assert "rulebook ubb4 " in out.stdout
