"""Converts the UCI 8x8 digits CSV into the lab's compact file, deterministically.

Reads digits-8x8.csv.gz (1,797 rows of 64 pixel values 0..16 then the digit 0..9)
and writes digits.bin.gz: gzip (mtime 0, no file name, level 9) of the raw records,
65 bytes each, 64 pixels row-major then the label. Checks every value on the way.

Usage: python3 make_digits_bin.py [SOURCE_CSV_GZ] [OUTPUT_BIN_GZ]
(defaults: /work/shared/reference/digits-8x8.csv.gz, digits.bin.gz beside this script)
"""

import csv
import gzip
import io
import sys
from pathlib import Path

PIXELS = 64
DEFAULT_SOURCE = "/work/shared/reference/digits-8x8.csv.gz"


def records(source):
    """The raw 65-byte records of the CSV at `source`, in file order."""
    out = bytearray()
    with gzip.open(source, "rt", newline="") as text:
        for number, row in enumerate(csv.reader(text), start=1):
            values = [int(v) for v in row]
            if len(values) != PIXELS + 1:
                sys.exit(f"row {number}: {len(values)} values, expected {PIXELS + 1}")
            if not all(0 <= v <= 16 for v in values[:PIXELS]):
                sys.exit(f"row {number}: a pixel outside 0..16")
            if not 0 <= values[PIXELS] <= 9:
                sys.exit(f"row {number}: label {values[PIXELS]} outside 0..9")
            out.extend(values)
    return bytes(out)


def gzip_bytes(raw):
    """`raw` gzipped with a fixed header (mtime 0, no name), so equal input gives equal bytes."""
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", compresslevel=9, fileobj=buffer, mtime=0) as gz:
        gz.write(raw)
    return buffer.getvalue()


def main():
    source = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_SOURCE
    output = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(__file__).with_name("digits.bin.gz")
    raw = records(source)
    output.write_bytes(gzip_bytes(raw))
    print(f"{output}: {len(raw) // (PIXELS + 1)} records, {len(raw)} bytes raw, "
          f"{output.stat().st_size} bytes gzipped")


if __name__ == "__main__":
    main()
