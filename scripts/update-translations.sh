#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Refreshes translations/tanhui_zh_CN.ts and translations/tanhui_en.ts from the sources in app/, render/ and
# models/ (strings that disappeared are dropped: -no-obsolete). Then translate the new entries, e.g.
# with Qt Linguist (linguist translations/tanhui_zh_CN.ts); tests/app/tst_translations fails while any
# Chinese entry is unfinished. The build compiles the .ts files itself (lrelease, in app/common).
#
# Usage: scripts/update-translations.sh [extra lupdate options]
# LUPDATE may name the lupdate binary (default: /usr/lib/qt6/bin/lupdate, then lupdate on PATH).
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
lupdate=${LUPDATE:-/usr/lib/qt6/bin/lupdate}
if [ ! -x "$lupdate" ]; then
    lupdate=$(command -v lupdate6 || command -v lupdate || true)
fi
if [ -z "$lupdate" ]; then
    echo "update-translations.sh: lupdate not found (Debian: apt install qt6-l10n-tools)" >&2
    exit 1
fi

cd "$root"
# The English file is only a source-language catalogue: its entries stay identity/unfinished.
"$lupdate" -no-obsolete -locations relative -extensions cpp,h -I "$root" \
    -source-language en -target-language zh_CN "$@" app models render -ts translations/tanhui_zh_CN.ts
"$lupdate" -no-obsolete -locations relative -extensions cpp,h -I "$root" \
    -source-language en -target-language en -pluralonly "$@" app models render -ts translations/tanhui_en.ts
