#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks a Tanhui results.xlsx against the CSV tables beside it, cell by cell (openpyxl).

usage: xlsx_equals_csv.py WORKBOOK CSV_DIR
Prints a JSON summary; exits 1 on any difference."""
import csv
import json
import math
import os
import sys

import openpyxl

book_path, csv_dir = sys.argv[1], sys.argv[2]
book = openpyxl.load_workbook(book_path)
problems = []
summary = {"sheets": book.sheetnames, "cells": 0, "numbers": 0, "empty": 0, "frozen": {}, "headers": {}}

# The "columns" sheet maps each sheet to its table and gives each column's unit and type.
meta = {}
tables = {}
for sheet, table, column, unit, ctype, description in book["columns"].iter_rows(min_row=2, values_only=True):
    tables[sheet] = table
    if column is not None:
        meta[(table, column)] = (unit or "", ctype, description or "")
summary["descriptions"] = sum(1 for v in meta.values() if v[2])

for sheet in book.sheetnames:
    if sheet == "columns":
        continue
    ws = book[sheet]
    table = tables.get(sheet)
    if table is None:
        problems.append(f"sheet {sheet}: not listed in the columns sheet")
        continue
    summary["frozen"][sheet] = ws.freeze_panes
    with open(os.path.join(csv_dir, table + ".csv"), newline="", encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    xrows = list(ws.iter_rows(values_only=True))
    if len(xrows) != len(rows):
        problems.append(f"sheet {sheet}: {len(xrows) - 1} data rows, CSV {len(rows) - 1}")
    summary["headers"][sheet] = list(xrows[0]) if xrows else []
    for c, name in enumerate(header):
        unit = meta.get((table, name), ("", "", ""))[0]
        want = f"{name} ({unit})" if unit else name
        got = xrows[0][c] if xrows and c < len(xrows[0]) else None
        if got != want:
            problems.append(f"sheet {sheet}: header {c + 1} is {got!r}, expected {want!r}")
    for r in range(1, min(len(rows), len(xrows))):
        for c, text in enumerate(rows[r]):
            got = xrows[r][c] if c < len(xrows[r]) else None
            summary["cells"] += 1
            ctype = meta.get((table, header[c]), ("", "text", ""))[1]
            where = f"sheet {sheet} row {r + 1} column {header[c]}"
            if text == "":
                summary["empty"] += 1
                if got is not None:
                    problems.append(f"{where}: {got!r}, CSV empty")
            elif ctype in ("number", "integer"):
                if isinstance(got, bool) or not isinstance(got, (int, float)):
                    problems.append(f"{where}: {got!r} is not a number (CSV {text})")
                    continue
                summary["numbers"] += 1
                want = float(text)
                # The workbook stores 16 significant digits (Excel shows 15).
                if not math.isclose(float(got), want, rel_tol=1e-15, abs_tol=0.0):
                    problems.append(f"{where}: {got!r}, CSV {text}")
            elif got != text:
                problems.append(f"{where}: {got!r}, CSV {text!r}")

summary["problems"] = problems[:20]
print(json.dumps(summary, ensure_ascii=False))
sys.exit(1 if problems else 0)
