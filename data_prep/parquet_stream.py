"""Parquet written and read a row group at a time, so a build's memory does not grow with its corpus."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

ROWS_PER_GROUP = 2_048


class RowWriter:
    """Rows (dicts) in, one Parquet file out, written in row groups of ``rows_per_group``.

    Missing keys become null and extra keys are ignored; a writer closed with no rows leaves a valid
    empty file with the schema.
    """

    def __init__(self, path: Path, arrow_schema: pa.Schema, rows_per_group: int = ROWS_PER_GROUP):
        self.path, self.schema, self.rows_per_group = Path(path), arrow_schema, rows_per_group
        self._writer = pq.ParquetWriter(self.path, arrow_schema)
        self._rows: list[dict] = []
        self.count = 0

    def add(self, row: dict) -> None:
        self._rows.append(row)
        self.count += 1
        if len(self._rows) >= self.rows_per_group:
            self.flush()

    def extend(self, rows: Iterable[dict]) -> None:
        for row in rows:
            self.add(row)

    def add_batch(self, batch: pa.RecordBatch | pa.Table) -> None:
        """Rows already in Arrow form (same schema): written as they are, without a round trip through Python."""
        self.flush()
        if batch.num_rows:
            self._writer.write(batch)
            self.count += batch.num_rows

    def flush(self) -> None:
        if self._rows:
            self._writer.write_table(pa.Table.from_pylist(self._rows, schema=self.schema))
            self._rows = []

    def close(self) -> None:
        self.flush()
        self._writer.close()

    def __enter__(self) -> RowWriter:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def read_batches(path: Path, columns: list[str] | None = None,
                 rows: int = ROWS_PER_GROUP) -> Iterator[pa.RecordBatch]:
    """The file's rows in order, ``rows`` at a time; nothing when the file is absent or unreadable."""
    try:
        # Without pre-buffering: its read cache keeps every row group read so far (150 MB over a 100k
        # build cache), so streaming a large file would hold it.
        source = pq.ParquetFile(path, pre_buffer=False)
    except (OSError, pa.ArrowException):
        return
    with source:
        yield from source.iter_batches(batch_size=rows, columns=columns)


def read_rows(path: Path, columns: list[str] | None = None, rows: int = ROWS_PER_GROUP) -> Iterator[list[dict]]:
    for batch in read_batches(path, columns, rows):
        yield batch.to_pylist()
