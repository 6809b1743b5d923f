"""The history store: reviews of many years in one SQLite file (schema: docs/review.md).

Standard library ``sqlite3`` only.  The schema is versioned with
``PRAGMA user_version``: :data:`MIGRATIONS` ``[n]`` takes a store from version
``n`` to ``n + 1``, each in one transaction; a store newer than this uvb4 is
refused (exit 2), never altered.  An organisation is keyed by its BIN (the
same across years and folder names), or by its source path when its
``org.yaml`` could not be read.  Writing an organisation and year deletes its
earlier rows first, so rerunning a review replaces it and never duplicates.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from uvb4.errors import EvidenceError, Position
from uvb4.messages import t
from uvb4.review.model import OrgReview, Review

MIGRATIONS: tuple[str, ...] = (
    # 0 → 1: the three tables.
    """
    CREATE TABLE org_reviews (
        org TEXT NOT NULL,               -- BIN, or the source path when org.yaml could not be read
        year INTEGER NOT NULL,           -- the reporting year checked
        name TEXT NOT NULL,
        bin TEXT,
        type TEXT,
        region TEXT,
        label TEXT,
        source TEXT NOT NULL,            -- folder or ZIP, relative to the review's root
        exit_code INTEGER NOT NULL,      -- 0 complete, 1 gaps, 2 bad input
        error_code TEXT,                 -- first input problem, when exit_code = 2
        error_position TEXT,
        error_message TEXT,
        rulebook_id TEXT NOT NULL,
        rulebook_version TEXT NOT NULL,
        reviewed_at TEXT NOT NULL,       -- ISO 8601, UTC
        PRIMARY KEY (org, year)
    );
    CREATE TABLE task_results (
        org TEXT NOT NULL,
        year INTEGER NOT NULL,
        task TEXT NOT NULL,              -- e.g. 2.1.10
        grp TEXT NOT NULL,               -- project group, e.g. 2
        kpi TEXT NOT NULL,
        project TEXT NOT NULL,
        status TEXT NOT NULL,            -- done, partial, missing, late, exempt, not-applicable
        findings INTEGER NOT NULL,       -- how many findings the task has
        rulebook_version TEXT NOT NULL,
        reviewed_at TEXT NOT NULL,
        PRIMARY KEY (org, year, task)
    );
    CREATE TABLE kpi_results (
        org TEXT NOT NULL,
        year INTEGER NOT NULL,
        kpi TEXT NOT NULL,               -- e.g. 2.1
        grp TEXT NOT NULL,
        unit TEXT NOT NULL,
        value REAL,                      -- NULL: not computable
        target REAL,                     -- NULL: no target this year
        met INTEGER,                     -- 1 met, 0 not met, NULL no target or no value
        verdict TEXT NOT NULL,           -- met, not-met, no-target, not-computable
        rulebook_version TEXT NOT NULL,
        reviewed_at TEXT NOT NULL,
        PRIMARY KEY (org, year, kpi)
    );
    """,
    # 1 → 2: lookups by year (the comparison reads a whole year).
    """
    CREATE INDEX task_results_year ON task_results (year, task);
    CREATE INDEX kpi_results_year ON kpi_results (year, kpi);
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


def _error(path: Path, exc: Exception) -> EvidenceError:
    return EvidenceError.one(
        Position.of(path), t("review-store-error", error=exc), "review-store-error", t("review-store-error.hint")
    )


def connect(path: Path) -> sqlite3.Connection:
    """Open (or create) the store and bring its schema up to date."""
    try:
        db = sqlite3.connect(path, isolation_level=None)
        db.execute("PRAGMA busy_timeout = 10000")
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            db.close()
            raise EvidenceError.one(
                Position.of(path),
                t("review-store-newer", version=version, supported=SCHEMA_VERSION),
                "review-store-newer",
                t("review-store-newer.hint"),
            )
        for number in range(version, SCHEMA_VERSION):
            db.execute("BEGIN IMMEDIATE")
            try:
                for statement in MIGRATIONS[number].split(";"):
                    if statement.strip():
                        db.execute(statement)
                db.execute(f"PRAGMA user_version = {number + 1}")
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        return db
    except sqlite3.Error as exc:
        raise _error(path, exc) from None


def org_key(org: OrgReview) -> str:
    """BIN; the source path when org.yaml could not be read or another folder of the review had the BIN first."""
    if org.check is None or any(f.code == "duplicate-bin" for f in org.check.findings):
        return org.source
    return org.check.organisation.bin


class Writer:
    """Writes organisations as they arrive (one transaction for the whole review)."""

    def __init__(
        self, path: Path, *, rulebook_id: str, rulebook_version: str, reviewed_at: str, year: int | None
    ) -> None:
        self.path = path
        self.db = connect(path)
        self.meta = (rulebook_id, rulebook_version, reviewed_at)
        self.year = year
        self.pending: list[OrgReview] = []  # errors without a year wait for the review's usual year
        self.years: list[int] = []
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise _error(path, exc) from None

    def add(self, org: OrgReview) -> None:
        year = org.year or self.year
        if year is None:
            self.pending.append(org)
            return
        self.years.append(year)
        try:
            self._write(org, year)
        except sqlite3.Error as exc:
            raise _error(self.path, exc) from None

    def _write(self, org: OrgReview, year: int) -> None:
        rb_id, version, stamp = self.meta
        key = org_key(org)
        db = self.db
        for table in ("org_reviews", "task_results", "kpi_results"):
            db.execute(f"DELETE FROM {table} WHERE org = ? AND year = ?", (key, year))
        first = org.errors[0] if org.errors else None
        o = org.organisation
        db.execute(
            "INSERT INTO org_reviews VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                key,
                year,
                org.name,
                o.bin if o else None,
                o.type if o else None,
                org.region,
                org.label,
                org.source,
                org.exit_code,
                first.code if first else None,
                first.position if first else None,
                first.message if first else None,
                rb_id,
                version,
                stamp,
            ),
        )
        if org.check:
            db.executemany(
                "INSERT INTO task_results VALUES (?,?,?,?,?,?,?,?,?,?)",
                [
                    (
                        key,
                        year,
                        task.id,
                        task.group,
                        task.kpi,
                        task.project,
                        task.status.value,
                        len(task.findings),
                        version,
                        stamp,
                    )
                    for task in org.check.tasks
                ],
            )
        if org.kpis:
            db.executemany(
                "INSERT INTO kpi_results VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                [
                    (
                        key,
                        year,
                        k.id,
                        k.group,
                        k.unit,
                        k.value,
                        k.target,
                        None if k.met is None else int(k.met),
                        k.verdict.value,
                        version,
                        stamp,
                    )
                    for k in org.kpis.kpis
                ],
            )

    def close(self, *, commit: bool = True) -> None:
        try:
            if commit:
                if self.pending:
                    usual = max(set(self.years), key=self.years.count) if self.years else None
                    for org in self.pending if usual else ():
                        assert usual is not None  # the loop runs only with a usual year
                        self._write(org, usual)
                self.db.execute("COMMIT")
            else:
                self.db.execute("ROLLBACK")
        except sqlite3.Error as exc:
            raise _error(self.path, exc) from None
        finally:
            self.db.close()


def save(path: Path, review: Review) -> None:
    """Write a whole review (the API; the CLI streams through :class:`Writer`)."""
    writer = Writer(
        path,
        rulebook_id=review.rulebook.id,
        rulebook_version=review.rulebook.version,
        reviewed_at=review.reviewed_at,
        year=review.year,
    )
    try:
        for org in review.orgs:
            writer.add(org)
    except BaseException:
        writer.close(commit=False)
        raise
    writer.close()


def read_year(path: Path, year: int) -> dict[str, Any]:
    """One year of the store as a comparison snapshot (see :mod:`uvb4.review.compare`)."""
    if not path.is_file():
        raise EvidenceError.one(
            Position.of(path), t("folder-not-found", folder=path), "folder-not-found", t("review-store-error.hint")
        )
    db = connect(path)
    try:
        orgs: dict[str, dict[str, Any]] = {}
        for key, name, kind, exit_code in db.execute(
            "SELECT org, name, type, exit_code FROM org_reviews WHERE year = ? ORDER BY org", (year,)
        ):
            orgs[key] = {"name": name, "type": kind, "exit_code": exit_code, "tasks": {}, "kpis": {}}
        for key, task, status in db.execute("SELECT org, task, status FROM task_results WHERE year = ?", (year,)):
            if key in orgs:
                orgs[key]["tasks"][task] = status
        for key, kpi, value, verdict in db.execute(
            "SELECT org, kpi, value, verdict FROM kpi_results WHERE year = ?", (year,)
        ):
            if key in orgs:
                orgs[key]["kpis"][kpi] = (value, verdict)
    except sqlite3.Error as exc:
        raise _error(path, exc) from None
    finally:
        db.close()
    if not orgs:
        raise EvidenceError.one(
            Position.of(path),
            t("review-compare-no-year", year=year),
            "review-compare-no-year",
            t("review-compare-no-year.hint"),
        )
    return {"year": year, "orgs": orgs}
