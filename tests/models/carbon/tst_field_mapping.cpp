// SPDX-License-Identifier: GPL-3.0-or-later
// Field mapping of parcel layers (issue 13): suggestions from field names (a bureau's Chinese names,
// pinyin initials, English) and from values (origin words, species, crops), a saved mapping kept, each
// field used once, weak number hints never beating a name; sampled values read in the layer's encoding.
#include "models/carbon/FieldMapping.h"
#include "tests/models/carbon/FieldMappingFixture.h"

#include <QtTest>

using namespace tanhui::models;
using carbon::FieldSample;
using carbon::FieldSuggestion;

namespace {

QMap<QString, QString> asMap(const std::vector<FieldSuggestion>& s) {
    QMap<QString, QString> out;
    for (const FieldSuggestion& x : s)
        out.insert(x.attribute, x.field);
    return out;
}

FieldSuggestion::Basis basisOf(const std::vector<FieldSuggestion>& s, const QString& attribute) {
    for (const FieldSuggestion& x : s)
        if (x.attribute == attribute)
            return x.basis;
    return FieldSuggestion::Basis::Saved;
}

} // namespace

class TestFieldMapping : public QObject {
    Q_OBJECT

private slots:
    void attributesByRole() {
        QStringList forest, farm;
        for (const auto* a : carbon::fieldAttributesFor(QStringLiteral("forest_subcompartments")))
            forest << a->key;
        for (const auto* a : carbon::fieldAttributesFor(QStringLiteral("farmland_plots")))
            farm << a->key;
        // What the forest route and the volume method require (MethodInfo::requiredFields).
        for (const char* key :
             { "id", "ecosystem_type", "species_group", "volume_m3_per_ha", "age_years", "origin" })
            QVERIFY2(forest.contains(QLatin1String(key)), key);
        QVERIFY(!forest.contains(QStringLiteral("crop")));
        QVERIFY(farm.contains(QStringLiteral("crop")) && farm.contains(QStringLiteral("straw_return_since")));
        QVERIFY(!farm.contains(QStringLiteral("species_group")));
    }

    void byNames() {
        const std::vector<FieldSample> fields = {
            { QStringLiteral("小班号"), QStringLiteral("String"), {} },
            { QStringLiteral("YSSZ"), QStringLiteral("String"), {} },       // pinyin initials
            { QStringLiteral("每公顷蓄积量"), QStringLiteral("Real"), {} }, // contains 每公顷蓄积
            { QStringLiteral("总蓄积"),
              QStringLiteral("Real"),
              { QStringLiteral("812.5") } }, // m³, not m³/ha
            { QStringLiteral("Age"), QStringLiteral("Integer"), {} },
            { QStringLiteral("起源"), QStringLiteral("String"), {} },
        };
        const auto s = carbon::suggestFieldMapping(QStringLiteral("forest_subcompartments"), fields, {});
        const QMap<QString, QString> m = asMap(s);
        QCOMPARE(m.value(QStringLiteral("id")), QStringLiteral("小班号"));
        QCOMPARE(m.value(QStringLiteral("species_group")), QStringLiteral("YSSZ"));
        QCOMPARE(m.value(QStringLiteral("volume_m3_per_ha")), QStringLiteral("每公顷蓄积量"));
        QCOMPARE(m.value(QStringLiteral("age_years")), QStringLiteral("Age"));
        QCOMPARE(m.value(QStringLiteral("origin")), QStringLiteral("起源"));
        QVERIFY(!m.contains(QStringLiteral("ecosystem_type")));
        QVERIFY(!m.values().contains(QStringLiteral("总蓄积")));
        QCOMPARE(basisOf(s, QStringLiteral("origin")), FieldSuggestion::Basis::Name);
        // In the form's order.
        QCOMPARE(s.front().attribute, QStringLiteral("id"));
    }

    void byValues() {
        const std::vector<FieldSample> fields = {
            { QStringLiteral("F1"),
              QStringLiteral("String"),
              { QStringLiteral("天然林"), QStringLiteral("人工林") } },
            { QStringLiteral("F2"),
              QStringLiteral("String"),
              { QStringLiteral("马尾松"), QStringLiteral("杉木"), QStringLiteral("桉树") } },
            { QStringLiteral("F3"),
              QStringLiteral("String"),
              { QStringLiteral("乔木林地"), QStringLiteral("灌木林地") } },
            { QStringLiteral("F4"),
              QStringLiteral("Real"),
              { QStringLiteral("85.2"), QStringLiteral("120.0") } },
            { QStringLiteral("F5"),
              QStringLiteral("Integer"),
              { QStringLiteral("12"), QStringLiteral("35") } },
            // mostly not origin words: no suggestion from it
            { QStringLiteral("F6"),
              QStringLiteral("String"),
              { QStringLiteral("天然"), QStringLiteral("x"), QStringLiteral("y") } },
        };
        const auto s = carbon::suggestFieldMapping(QStringLiteral("forest_subcompartments"), fields, {});
        const QMap<QString, QString> m = asMap(s);
        QCOMPARE(m.value(QStringLiteral("origin")), QStringLiteral("F1"));
        QCOMPARE(m.value(QStringLiteral("species_group")), QStringLiteral("F2"));
        QCOMPARE(m.value(QStringLiteral("ecosystem_type")), QStringLiteral("F3"));
        QCOMPARE(m.value(QStringLiteral("volume_m3_per_ha")), QStringLiteral("F4"));
        QCOMPARE(m.value(QStringLiteral("age_years")), QStringLiteral("F5"));
        QVERIFY(!m.contains(QStringLiteral("id")));
        QCOMPARE(basisOf(s, QStringLiteral("origin")), FieldSuggestion::Basis::Values);

        // Farm plots: crops by their values; the yes/no field as organic fertiliser.
        const std::vector<FieldSample> farm = {
            { QStringLiteral("zw"),
              QStringLiteral("String"),
              { QStringLiteral("水稻"), QStringLiteral("玉米") } },
            { QStringLiteral("yj"),
              QStringLiteral("String"),
              { QStringLiteral("是"), QStringLiteral("否") } },
        };
        const QMap<QString, QString> f =
          asMap(carbon::suggestFieldMapping(QStringLiteral("farmland_plots"), farm, {}));
        QCOMPARE(f.value(QStringLiteral("crop")), QStringLiteral("zw"));
        QCOMPARE(f.value(QStringLiteral("organic_fertiliser")), QStringLiteral("yj"));
    }

    /// A saved mapping wins when its field exists; a saved field that is gone is suggested anew; a field
    /// is never given twice.
    void savedKept() {
        const std::vector<FieldSample> fields = {
            { QStringLiteral("优势树种"), QStringLiteral("String"), {} },
            { QStringLiteral("树种2"), QStringLiteral("String"), {} },
            { QStringLiteral("林龄"), QStringLiteral("Integer"), {} },
        };
        const QMap<QString, QString> saved = { { QStringLiteral("species_group"), QStringLiteral("树种2") },
                                               { QStringLiteral("age_years"), QStringLiteral("gone") } };
        const auto s = carbon::suggestFieldMapping(QStringLiteral("forest_subcompartments"), fields, saved);
        const QMap<QString, QString> m = asMap(s);
        QCOMPARE(m.value(QStringLiteral("species_group")), QStringLiteral("树种2"));
        QCOMPARE(basisOf(s, QStringLiteral("species_group")), FieldSuggestion::Basis::Saved);
        QCOMPARE(m.value(QStringLiteral("age_years")), QStringLiteral("林龄"));
        QCOMPARE(basisOf(s, QStringLiteral("age_years")), FieldSuggestion::Basis::Name);
        QStringList used = m.values();
        used.removeDuplicates();
        QCOMPARE(used.size(), m.size());
    }

    /// The layer's fields and first values, read from the file (Chinese names and values intact).
    void sampled() {
        QTemporaryDir dir;
        const Project project = Project::load(tanhui::test::writeFieldMappingProject(dir));
        const std::vector<FieldSample> fields =
          carbon::sampleFields(project, *project.layer(QStringLiteral("forest")));
        QCOMPARE(fields.size(), std::size_t(7));
        QCOMPARE(fields[2].name, QStringLiteral("优势树种"));
        QCOMPARE(fields[2].values,
                 (QStringList{ QStringLiteral("马尾松"), QStringLiteral("杉木"), QStringLiteral("桉树") }));
        QCOMPARE(fields[5].values,
                 (QStringList{ QStringLiteral("天然"), QStringLiteral("人工") })); // distinct
        const QMap<QString, QString> m = asMap(carbon::suggestFieldMapping(
          QStringLiteral("forest_subcompartments"), fields, project.layer(QStringLiteral("forest"))->fields));
        QCOMPARE(m.value(QStringLiteral("id")), QStringLiteral("XBH"));
        QCOMPARE(m.value(QStringLiteral("origin")), QStringLiteral("col_a"));
        QCOMPARE(m.value(QStringLiteral("ecosystem_type")), QStringLiteral("地类"));
        QCOMPARE(m.value(QStringLiteral("volume_m3_per_ha")), QStringLiteral("每公顷蓄积"));
    }
};

QTEST_GUILESS_MAIN(TestFieldMapping)
#include "tst_field_mapping.moc"
