// SPDX-License-Identifier: GPL-3.0-or-later
// Layer styles to and from JSON (render/StyleJson.h): every field survives a round trip, through the
// bytes of a JSON document; a bad field gives no style and a message naming the field.
#include "render/StyleJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

#include <cmath>

using namespace tanhui::render;

namespace {

QJsonValue throughBytes(const QJsonObject& o) {
    return QJsonDocument::fromJson(QJsonDocument(o).toJson()).object();
}

void compareSymbol(const FillSymbol& a, const FillSymbol& b) {
    QCOMPARE(a.fill.rgba(), b.fill.rgba());
    QCOMPARE(a.stroke.rgba(), b.stroke.rgba());
    QCOMPARE(a.strokeWidthMm, b.strokeWidthMm);
}

} // namespace

class TestStyleJson : public QObject {
    Q_OBJECT

private slots:
    void rasterRoundTrip() {
        RasterStyle s;
        s.kind = RasterStyle::Kind::Paletted;
        s.band = 3;
        s.red = 4;
        s.green = 5;
        s.blue = 6;
        s.classes = { { 11,
                        QColor(0x1b, 0x7a, 0x3a),
                        QStringLiteral("Evergreen forest"),
                        QStringLiteral("常绿阔叶林") },
                      { 61.5, QColor(200, 10, 20, 128), QStringLiteral("Built-up"), QString() },
                      { -3, QColor(), QString(), QStringLiteral("未分类") } };
        s.classes[1].visible = false; // switched off in the styling dock
        s.min = -0.25;
        s.max = 0.875;
        s.ramp = ColorRamp::named(QStringLiteral("ndvi")).reversed();
        s.ramp.stops.emplace_back(1.0, QColor(1, 2, 3, 4));
        s.opacity = 0.35;
        QString error;
        const auto back = rasterStyleFromJson(throughBytes(rasterStyleToJson(s)), &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->kind, s.kind);
        QCOMPARE(back->band, 3);
        QCOMPARE(back->red, 4);
        QCOMPARE(back->green, 5);
        QCOMPARE(back->blue, 6);
        QCOMPARE(back->classes.size(), s.classes.size());
        for (std::size_t i = 0; i < s.classes.size(); ++i) {
            QCOMPARE(back->classes[i].value, s.classes[i].value);
            QCOMPARE(back->classes[i].color.isValid(), s.classes[i].color.isValid());
            QCOMPARE(back->classes[i].color.rgba(), s.classes[i].color.rgba());
            QCOMPARE(back->classes[i].nameEn, s.classes[i].nameEn);
            QCOMPARE(back->classes[i].nameZh, s.classes[i].nameZh);
            QCOMPARE(back->classes[i].visible, s.classes[i].visible);
        }
        QCOMPARE(back->min, -0.25);
        QCOMPARE(back->max, 0.875);
        QCOMPARE(back->ramp.id, s.ramp.id);
        QCOMPARE(back->ramp.stops.size(), s.ramp.stops.size());
        for (std::size_t i = 0; i < s.ramp.stops.size(); ++i) {
            QCOMPARE(back->ramp.stops[i].first, s.ramp.stops[i].first);
            QCOMPARE(back->ramp.stops[i].second.rgba(), s.ramp.stops[i].second.rgba());
        }
        QCOMPARE(back->opacity, 0.35);
        // Every kind; a non-finite stretch limit survives as NaN.
        for (auto kind : { RasterStyle::Kind::Pseudocolor, RasterStyle::Kind::Rgb }) {
            RasterStyle k;
            k.kind = kind;
            k.max = std::nan("");
            const auto b = rasterStyleFromJson(throughBytes(rasterStyleToJson(k)));
            QVERIFY(b && b->kind == kind && std::isnan(b->max));
        }
    }

    void vectorRoundTrip() {
        VectorStyle s;
        s.kind = VectorStyle::Kind::Graduated;
        s.symbol = { QColor(10, 20, 30), QColor(40, 50, 60, 70), 0.8 };
        s.field = QStringLiteral("碳密度");
        s.categories = {
            { QStringLiteral("乔木林地"), QStringLiteral("Forest"), { QColor(1, 2, 3), QColor(), 0 } },
            { QStringLiteral("7"), QString(), {} }
        };
        s.ranges = { { 0, 12.5, QStringLiteral("0 – 12.5"), { QColor(9, 8, 7), QColor(6, 5, 4), 1.5 } },
                     { 12.5, 80.25, QStringLiteral("12.5 – 80.3"), {} } };
        s.drawOthers = true;
        s.labelField = QStringLiteral("XBH");
        s.labelSizePt = 9.5;
        s.labelColor = QColor(200, 0, 0, 100);
        s.opacity = 0.6;
        QString error;
        const auto back = vectorStyleFromJson(throughBytes(vectorStyleToJson(s)), &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->kind, s.kind);
        compareSymbol(back->symbol, s.symbol);
        QCOMPARE(back->field, s.field);
        QCOMPARE(back->categories.size(), s.categories.size());
        for (std::size_t i = 0; i < s.categories.size(); ++i) {
            QCOMPARE(back->categories[i].value, s.categories[i].value);
            QCOMPARE(back->categories[i].label, s.categories[i].label);
            compareSymbol(back->categories[i].symbol, s.categories[i].symbol);
        }
        QCOMPARE(back->categories[0].symbol.stroke.isValid(), false);
        QCOMPARE(back->ranges.size(), s.ranges.size());
        for (std::size_t i = 0; i < s.ranges.size(); ++i) {
            QCOMPARE(back->ranges[i].lower, s.ranges[i].lower);
            QCOMPARE(back->ranges[i].upper, s.ranges[i].upper);
            QCOMPARE(back->ranges[i].label, s.ranges[i].label);
            compareSymbol(back->ranges[i].symbol, s.ranges[i].symbol);
        }
        QCOMPARE(back->drawOthers, true);
        QCOMPARE(back->labelField, s.labelField);
        QCOMPARE(back->labelSizePt, 9.5);
        QCOMPARE(back->labelColor.rgba(), s.labelColor.rgba());
        QCOMPARE(back->opacity, 0.6);
        // A default style too, and the categorised kind.
        VectorStyle d;
        d.kind = VectorStyle::Kind::Categorized;
        const auto b = vectorStyleFromJson(throughBytes(vectorStyleToJson(d)));
        QVERIFY(b && b->kind == d.kind);
        compareSymbol(b->symbol, d.symbol);
        QCOMPARE(b->labelSizePt, d.labelSizePt);
    }

    void badFieldsAreNamed_data() {
        QTest::addColumn<bool>("raster");
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        QTest::newRow("not an object")
          << true << QByteArray("[1]") << QStringLiteral("style: must be a JSON object");
        QTest::newRow("kind") << true << QByteArray("{\"kind\": \"heatmap\"}")
                              << QStringLiteral("kind: \"heatmap\"");
        QTest::newRow("band") << true << QByteArray("{\"band\": 1.5}")
                              << QStringLiteral("band: must be a whole");
        QTest::newRow("class colour")
          << true << QByteArray("{\"classes\": [{\"value\": 1}, {\"value\": 2, \"color\": \"#zz\"}]}")
          << QStringLiteral("classes[1].color: \"#zz\" is not a colour");
        QTest::newRow("ramp stop") << true
                                   << QByteArray("{\"ramp\": {\"id\": \"x\", \"stops\": [[2, \"#ffffff\"]]}}")
                                   << QStringLiteral("ramp.stops[0]: position 2");
        QTest::newRow("opacity") << true << QByteArray("{\"opacity\": 1.5}")
                                 << QStringLiteral("opacity: 1.5 is outside 0 to 1");
        QTest::newRow("vector symbol")
          << false << QByteArray("{\"categories\": [{\"symbol\": {\"fill\": \"green\"}}]}")
          << QStringLiteral("categories[0].symbol.fill: \"green\" is not a colour");
        QTest::newRow("vector field")
          << false << QByteArray("{\"field\": 3}") << QStringLiteral("field: must be a text");
        QTest::newRow("draw others") << false << QByteArray("{\"draw_others\": \"yes\"}")
                                     << QStringLiteral("draw_others: must be true or false");
    }
    void badFieldsAreNamed() {
        QFETCH(bool, raster);
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        const QJsonDocument doc = QJsonDocument::fromJson(json);
        const QJsonValue v = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
        QString error;
        const bool ok =
          raster ? rasterStyleFromJson(v, &error).has_value() : vectorStyleFromJson(v, &error).has_value();
        QVERIFY(!ok);
        QVERIFY2(error.startsWith(field), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestStyleJson)
#include "tst_stylejson.moc"
