#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the bad-input corpus of the parameter tables (tests/badinput/params/cases/) and its expected
outcomes (expected.csv), from the tables Tanhui ships (resources/parameters/) and one handmade base
(base_rs_coefficients.csv: the regression table has no default).

For every table the program reads: a UTF-8 byte-order mark and CRLF line ends (both must simply work),
a zero-byte file, a header-only file, a missing column, a duplicate key, text in a numeric cell, a
percent sign in a numeric cell, a negative value where none is valid, and (where the table has a
fraction column) a percent given where a fraction is expected. A few file-level cases (';' separators,
GBK text, an unclosed quote) are made from the pools table, and the blue-carbon transition matrix
(its own loader) gets its own cases.

expected.csv: case,table,expect,row,column,message
  expect  ok | error | warning (the issue that must be reported; "ok": no issue at all)
  row     1-based row of the issue (header = 1; 0: the whole file)
  column  the column the issue names (empty: a whole row or file)
  message a text the issue's (English) message must contain

Run from anywhere: python3 tests/badinput/params/generate.py (the output is committed; tst_params_badinput
checks that every table has every kind of case).
"""
import csv
import io
import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
RES = os.path.join(ROOT, "resources", "parameters")
OUT = os.path.join(HERE, "cases")

# table id (TableSpec::id), base file, key column, numeric column to break, its row-2 value is replaced;
# negative: whether a negative value in that column is invalid; missing: the column removed and the
# message fragment; fraction: a fraction column (0.47) to give as a percent (47), or None.
TABLES = [
    dict(id="carbon_pools", base="carbon/carbon_pools.csv", key="lucode", col="c_above", negative=True,
         missing="c_soil", fraction=None),
    dict(id="species_params_cn", base="carbon/species_params_cn.csv", key="species_group", col="wd",
         negative=True, missing="bef", fraction="cf"),
    dict(id="soc_ref", base="carbon/soc_ref.csv", key="climate_zone", col="soc_ref", negative=True,
         missing="soc_ref", fraction=None),
    dict(id="soil_factors", base="carbon/soil_factors.csv", key="climate_zone", col="value", negative=True,
         missing="value", fraction=None),
    dict(id="growth_rates", base="carbon/growth_rates.csv", key="forest_type", col="g_w", negative=True,
         missing="r", fraction="cf"),
    dict(id="cbc_biophysical", base="carbon/cbc_biophysical.csv", key="lucode", col="biomass-initial",
         negative=True, missing="soil-initial", fraction="biomass-low-impact-disturb"),
    dict(id="mangrove_ws", base="carbon/mangrove_ws.csv", key="climate", col="agb", negative=True,
         missing="soc", fraction="cf"),
    dict(id="rs_coefficients", base=None, key="lucode", col="agb_cap", negative=True, missing="a",
         fraction="cf"),
    dict(id="gep_prices", base="gep/prices_P0_RCEES2010.csv", key="key", col="value", negative=True,
         missing="price_year", fraction=None),
    dict(id="gep_profiles", base="gep/profiles.csv", key="profile", col="water_conservation",
         negative=True, missing="profile", fraction=None),
    dict(id="gep_ecosystems", base="gep/ecosystem_params.csv", key="lucode", col="runoff_coef",
         negative=True, missing="lucode", fraction="runoff_coef"),
    dict(id="gep_constants", base="gep/constants.csv", key="key", col="value", negative=False,
         missing="value", fraction=None),
    dict(id="gep_deflators", base="gep/price_index.csv", key="year", col="cpi_yoy", negative=True,
         missing="year", fraction=None),
]


def read_rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def to_text(rows, eol="\n"):
    buf = io.StringIO()
    csv.writer(buf, lineterminator=eol).writerows(rows)
    return buf.getvalue()


def write(name, data):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data.encode("utf-8") if isinstance(data, str) else data)


def main():
    shutil.rmtree(OUT, ignore_errors=True)
    os.makedirs(OUT)
    expected = [["case", "table", "expect", "row", "column", "message"]]

    def case(name, table, data, expect, row=0, column="", message=""):
        write(name, data)
        expected.append([name, table, expect, str(row), column, message])

    for t in TABLES:
        base = (os.path.join(HERE, "base_rs_coefficients.csv") if t["base"] is None
                else os.path.join(RES, t["base"]))
        rows = read_rows(base)[:4]  # header and (up to) three rows keep the cases small
        header = [h.strip().lower() for h in rows[0]]
        tid, col = t["id"], header.index(t["col"])
        n = len(rows)

        def with_cell(r, c, value):
            out = [list(x) for x in rows]
            out[r][c] = value
            return out

        case(f"{tid}__bom.csv", tid, "\ufeff" + to_text(rows), "ok")
        case(f"{tid}__crlf.csv", tid, to_text(rows, "\r\n"), "ok")
        case(f"{tid}__empty.csv", tid, b"", "error", 1, "", "the table is empty")
        case(f"{tid}__header_only.csv", tid, to_text(rows[:1]), "error", 1, "",
             "the table has a header but no rows")
        m = header.index(t["missing"])
        dropped = [[v for i, v in enumerate(r) if i != m] for r in rows]
        what = ("the key column " + t["missing"] + " is missing" if t["missing"] == t["key"]
                else "is missing; add it to the header row")
        case(f"{tid}__missing_column.csv", tid, to_text(dropped), "error", 1, t["missing"], what)
        case(f"{tid}__duplicate_key.csv", tid, to_text(rows + [rows[1]]), "error", n + 1, t["key"],
             "appears more than once (first in row 2); keep one row per key")
        case(f"{tid}__text_in_number.csv", tid, to_text(with_cell(1, col, "abc")), "error", 2, t["col"],
             "'abc' is not a number")
        case(f"{tid}__percent_sign.csv", tid, to_text(with_cell(1, col, "45%")), "error", 2, t["col"],
             "'45%' is not a number: write the value without the %-sign")
        if t["negative"]:
            case(f"{tid}__negative.csv", tid, to_text(with_cell(1, col, "-5")), "error", 2, t["col"],
                 "cannot be negative")
        if t["fraction"]:
            f = header.index(t["fraction"])
            case(f"{tid}__percent_for_fraction.csv", tid, to_text(with_cell(1, f, "45")), "error", 2,
                 t["fraction"], "it looks like a percent: write the fraction 0.45")

    # An uncertainty percent written as a fraction (growth_rates r_u_pct 0.9 for ±90 %): read when a run
    # asks for Monte Carlo bounds (uncertainty::readUncertainty), checked by its own test function.
    growth = read_rows(os.path.join(RES, "carbon/growth_rates.csv"))[:4]
    u = [h.strip().lower() for h in growth[0]].index("r_u_pct")
    write("growth_rates__u_pct_fraction.csv",
          to_text([growth[0]] + [r[:u] + ["0.9"] + r[u + 1:] for r in growth[1:]]))

    # File-level cases, on the pools table.
    pools = read_rows(os.path.join(RES, "carbon/carbon_pools.csv"))[:4]
    case("carbon_pools__semicolons.csv", "carbon_pools", to_text(pools).replace(",", ";"), "error", 1, "",
         "the columns are separated by ';', not by commas")
    case("carbon_pools__gbk.csv", "carbon_pools", to_text(pools).encode("gbk"), "warning", 0, "",
         "the file is not UTF-8")
    case("carbon_pools__unclosed_quote.csv", "carbon_pools", to_text(pools) + '12,"never closed,1,1\n',
         "error", 0, "", "a quoted field is not closed")
    case("carbon_pools__stock_out_of_range.csv", "carbon_pools",
         to_text([pools[0], pools[1][:3] + ["9000"] + pools[1][4:]]), "error", 2, "c_above",
         "9000 t C/ha is outside the valid range 0 to 5000 t C/ha")

    # The blue-carbon transition matrix (loadCbcTransitions, classes of the default biophysical table).
    tr = read_rows(os.path.join(RES, "carbon/cbc_transitions.csv"))
    tid = "cbc_transitions"
    case(f"{tid}__bom.csv", tid, "\ufeff" + to_text(tr), "ok")
    case(f"{tid}__crlf.csv", tid, to_text(tr, "\r\n"), "ok")
    case(f"{tid}__empty.csv", tid, b"", "error", 1, "", "the transitions table is empty")
    case(f"{tid}__header_only.csv", tid, to_text(tr[:1]), "error", 1, "",
         "the transitions table has a header but no rows")
    case(f"{tid}__duplicate_row.csv", tid, to_text(tr + [tr[1]]), "error", len(tr) + 1, "lulc-class",
         "has a second row")
    bad = [list(r) for r in tr]
    bad[2][3] = "grow"
    case(f"{tid}__unknown_transition.csv", tid, to_text(bad), "error", 3, bad[0][3],
         "'grow' is not a transition")

    with open(os.path.join(HERE, "expected.csv"), "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(expected)


if __name__ == "__main__":
    main()
