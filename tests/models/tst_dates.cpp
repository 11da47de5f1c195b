// SPDX-License-Identifier: GPL-3.0-or-later
// The date parsers of models/Dates.h: FILE@YEAR of the --lulc / --vi options and the year at the start
// of a band's DATE metadata or description. Also fuzzed (tests/fuzz/fuzz_dates.cpp).
#include "models/Dates.h"

#include <QTest>

using tanhui::models::leadingYear;
using tanhui::models::parseFileYear;

class TestDates : public QObject {
    Q_OBJECT
private slots:
    void fileYear() {
        auto fy = parseFileYear(QStringLiteral("landcover_2015.tif@2015"));
        QVERIFY(fy);
        QCOMPARE(fy->file, QStringLiteral("landcover_2015.tif"));
        QCOMPARE(fy->year, 2015);
        // The last '@' separates: a GDAL subdataset or a name may contain '@' itself.
        fy = parseFileYear(QStringLiteral("NETCDF:\"a@b.nc\":lc@2020"));
        QVERIFY(fy);
        QCOMPARE(fy->file, QStringLiteral("NETCDF:\"a@b.nc\":lc"));
        QCOMPARE(fy->year, 2020);
        fy = parseFileYear(QStringLiteral("lc.tif@ 2024.0 "));
        QVERIFY(fy);
        QCOMPARE(fy->year, 2024);
    }

    void malformedFileYear() {
        for (const char* bad : { "",
                                 "lc.tif",
                                 "@2015",
                                 "lc.tif@",
                                 "lc.tif@20x5",
                                 "lc.tif@2015.5",
                                 "lc.tif@nan",
                                 "lc.tif@inf",
                                 "lc.tif@1e300",
                                 "lc.tif@-1e300",
                                 "lc.tif@2e6" })
            QVERIFY2(!parseFileYear(QString::fromUtf8(bad)), bad);
    }

    void bandDateYear() {
        QCOMPARE(leadingYear(QStringLiteral("2015-06-30")), std::optional<int>(2015));
        QCOMPARE(leadingYear(QStringLiteral("  2024 NDVI")), std::optional<int>(2024));
        QCOMPARE(leadingYear(QStringLiteral("2020")), std::optional<int>(2020));
        QCOMPARE(leadingYear(QStringLiteral("0999/01")), std::optional<int>(999));
        QVERIFY(!leadingYear(QStringLiteral("20150")));          // five digits: not a year
        QVERIFY(!leadingYear(QStringLiteral("NDVI 2015")));      // does not start with the year
        QVERIFY(!leadingYear(QStringLiteral("201")));            // too short
        QVERIFY(!leadingYear(QStringLiteral("２０１５-01-01"))); // full-width digits are not read
        QVERIFY(!leadingYear(QString()));
    }
};

QTEST_GUILESS_MAIN(TestDates)
#include "tst_dates.moc"
