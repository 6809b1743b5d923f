"""uvb4: checks organisations' anti-corruption evidence against the rulebook of
Typical Basic Direction No. 4 (ҮББ №4) of Kazakhstan's Anti-Corruption Agency.

The Python API (``uvb4.api``) and the command line share one pipeline:
load the rulebook, scan an organisation folder, check, compute KPIs, render.
"""

__version__ = "0.1.0"
