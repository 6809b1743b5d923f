"""Reviews of many organisations: discovery, parallel checks, roll-ups, outputs, a history store.

- :mod:`~uvb4.review.model`: the typed, immutable results (also the Python API's);
- :mod:`~uvb4.review.discover`: which organisations a root or manifest covers;
- :mod:`~uvb4.review.run`: checks and KPIs in worker processes;
- :mod:`~uvb4.review.aggregate`: totals, most-missing tasks, ranking;
- :mod:`~uvb4.review.render`: table, JSON, CSV, XLSX, Markdown, HTML, DOCX;
- :mod:`~uvb4.review.store`: the SQLite history (schema and migrations);
- :mod:`~uvb4.review.compare`: changes since an earlier year.

See docs/review.md.
"""
