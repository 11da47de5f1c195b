// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/common/Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLoggingCategory>
#include <QTranslator>

namespace tanhui::app {

namespace {
Q_LOGGING_CATEGORY(lcI18n, "tanhui.i18n", QtWarningMsg)

bool loadInto(QCoreApplication& app, const QLocale& locale, const QString& name, const QString& dir) {
    auto* translator = new QTranslator(&app);
    if (!translator->load(locale, name, QStringLiteral("_"), dir)) {
        qCDebug(lcI18n) << "no" << name << "translation for" << locale.name() << "in" << dir;
        delete translator;
        return false;
    }
    QCoreApplication::installTranslator(translator);
    qCDebug(lcI18n) << "loaded" << translator->filePath();
    return true;
}
} // namespace

QLocale uiLocale() {
    return uiLocale(QString());
}

QLocale uiLocale(const QString& preferred) {
    QString lang = qEnvironmentVariable("TANHUI_LANG").trimmed();
    if (lang.isEmpty() && preferred.trimmed() != QLatin1String("system"))
        lang = preferred.trimmed();
    if (lang.isEmpty())
        return QLocale::system();
    return QLocale(QString(lang).replace(QLatin1Char('-'), QLatin1Char('_')));
}

void installTranslations(QCoreApplication& app) {
    installTranslations(app, QString());
}

void installTranslations(QCoreApplication& app, const QString& preferred) {
    const QLocale locale = uiLocale(preferred);
    QLocale::setDefault(locale);
    loadInto(app, locale, QStringLiteral("tanhui"), QString::fromLatin1(kTranslationsResourceDir));
    loadInto(app, locale, QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
}

} // namespace tanhui::app
