// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>
#include <QString>

class QCoreApplication;

namespace tanhui::app {

/// Resource directory of the embedded compiled translations (tanhui_zh_CN.qm, tanhui_en.qm).
inline constexpr const char* kTranslationsResourceDir = ":/i18n";

/// @brief The user-interface locale: TANHUI_LANG (e.g. "zh_CN", "en") when set and non-empty,
/// otherwise QLocale::system().
QLocale uiLocale();
/// The same with a preferred language ("zh_CN", "en"; empty or "system": none) between TANHUI_LANG and
/// the system locale (the desktop app's Preferences, QSettings "ui/language").
QLocale uiLocale(const QString& preferred);

/// @brief Installs Tanhui's embedded translation for uiLocale() and, when present on the system,
/// Qt's own qtbase translation (standard dialog buttons and the like). Also makes uiLocale() the
/// default QLocale so numbers are formatted consistently with the language. The translators are
/// parented to `app`. Call once, right after constructing the application object. A missing
/// translation is not an error: the English source texts are used.
void installTranslations(QCoreApplication& app);
/// installTranslations() with a preferred language (see uiLocale(const QString&)).
void installTranslations(QCoreApplication& app, const QString& preferred);

} // namespace tanhui::app
