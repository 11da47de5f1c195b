// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/MapCommand.h"

#include "app/cli/CliCommon.h"
#include "gis/Errors.h"
#include "models/project/Project.h"
#include "render/MapLayout.h"
#include "render/ProjectMaps.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>

namespace tanhui::cli {

namespace {

/// Translation context of this file's user-facing strings.
struct MapCommand {
    Q_DECLARE_TR_FUNCTIONS(MapCommand)
};

QString helpText() {
    return MapCommand::tr(
      "Exports a map of a project as PNG, PDF (vector) or SVG: title, the map, a legend of the classes\n"
      "drawn, scale bar, north arrow, CRS, data source and date notes, optionally an overview inset and a\n"
      "coordinate grid (layouts section of the project file, docs/maps.md).\n"
      "\n"
      "Without --layout: land cover of the last date (or of --date) under the parcel outlines and the\n"
      "districts, A4 landscape, titled with the project's name.\n"
      "\n"
      "--atlas LAYER makes one page per feature of the polygon layer LAYER (e.g. districts), the map\n"
      "fitted to the feature and its name in the title: one multi-page PDF, or one PNG / SVG per feature\n"
      "(out_<name>.png).\n"
      "\n"
      "Example:\n"
      "  tanhui-cli map --project sample/project.tanhui.json --lang zh_CN --out landcover.png\n"
      "  tanhui-cli map --project sample/project.tanhui.json --atlas districts --out districts.pdf");
}

} // namespace

int runMapCommand(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(helpText());
    parser.addHelpOption();
    const QCommandLineOption projectOpt(QStringLiteral("project"),
                                        MapCommand::tr("Project file (project.tanhui.json)."),
                                        MapCommand::tr("FILE"));
    const QCommandLineOption layoutOpt(QStringLiteral("layout"),
                                       MapCommand::tr("Name of a layout of the project's layouts section."),
                                       MapCommand::tr("NAME"));
    const QCommandLineOption dateOpt(
      QStringLiteral("date"),
      MapCommand::tr("Map this year: dated layers are swapped for that year's."),
      MapCommand::tr("YEAR"));
    const QCommandLineOption langOpt(QStringLiteral("lang"),
                                     MapCommand::tr("Language of the map's text: zh_CN or en (default: the "
                                                    "interface language)."),
                                     MapCommand::tr("LANG"));
    const QCommandLineOption outOpt(
      QStringLiteral("out"), MapCommand::tr("Output file: .png, .pdf or .svg."), MapCommand::tr("FILE"));
    const QCommandLineOption dpiOpt(QStringLiteral("dpi"),
                                    MapCommand::tr("Resolution in dots per inch, 36 to 1200 (default: the "
                                                   "layout's, else 150)."),
                                    MapCommand::tr("N"));
    const QCommandLineOption atlasOpt(
      QStringLiteral("atlas"),
      MapCommand::tr("One page per feature of this polygon layer (layer id)."),
      MapCommand::tr("LAYER"));
    const QCommandLineOption quietOpt(QStringLiteral("quiet"), MapCommand::tr("Print nothing but errors."));
    parser.addOptions({ projectOpt, layoutOpt, dateOpt, langOpt, outOpt, dpiOpt, atlasOpt, quietOpt });
    if (const auto stop = parseCommandLine(parser, arguments, QStringLiteral("map"), { projectOpt, outOpt }))
        return *stop;

    const QString out = parser.value(outOpt);
    if (!render::layoutFormatFor(out)) {
        printError(
          MapCommand::tr("--out %1: unknown map format; the file name must end in .png, .pdf or .svg")
            .arg(out));
        return ExitUsage;
    }
    render::ProjectMapRequest request;
    if (parser.isSet(langOpt)) {
        const QString lang = parser.value(langOpt);
        if (lang != QLatin1String("zh_CN") && lang != QLatin1String("en")) {
            printError(MapCommand::tr("--lang %1: use zh_CN or en").arg(lang));
            return ExitUsage;
        }
        request.language = lang;
    } else {
        request.language =
          QLocale().name().startsWith(QLatin1String("zh")) ? QStringLiteral("zh_CN") : QStringLiteral("en");
    }
    if (parser.isSet(dateOpt)) {
        bool ok = false;
        const int year = parser.value(dateOpt).toInt(&ok);
        if (!ok || year < 1900 || year > 2200) {
            printError(MapCommand::tr("--date %1: a year is needed, e.g. 2024").arg(parser.value(dateOpt)));
            return ExitUsage;
        }
        request.year = year;
    }
    if (parser.isSet(dpiOpt)) {
        bool ok = false;
        const double dpi = parser.value(dpiOpt).toDouble(&ok);
        if (!ok || dpi < 36 || dpi > 1200) {
            printError(
              MapCommand::tr("--dpi %1: a number from 36 to 1200 is needed").arg(parser.value(dpiOpt)));
            return ExitUsage;
        }
        request.dpi = dpi;
    }
    const QString projectFile = parser.value(projectOpt);
    if (!requireInputFile(projectFile))
        return ExitUsage;
    const QFileInfo outInfo(out);
    if (!outInfo.absoluteDir().exists()) {
        printError(MapCommand::tr("--out %1: the folder %2 does not exist").arg(out, outInfo.absolutePath()));
        return ExitUsage;
    }
    auto feedback = makeTerminalFeedback(parser.isSet(quietOpt));
    try {
        QElapsedTimer timer;
        timer.start();
        const models::Project project = models::Project::load(projectFile);
        if (parser.isSet(layoutOpt)) {
            request.layout = project.layout(parser.value(layoutOpt));
            if (!request.layout) {
                QStringList names;
                for (const models::ProjectLayout& l : project.layouts)
                    names << l.name;
                printError(
                  MapCommand::tr("--layout %1: the project has no such layout (it has: %2)")
                    .arg(parser.value(layoutOpt),
                         names.isEmpty() ? MapCommand::tr("none") : names.join(QStringLiteral(", "))));
                return ExitUsage;
            }
        }
        QString atlasLayer = parser.value(atlasOpt);
        QString atlasField;
        if (atlasLayer.isEmpty() && request.layout) {
            atlasLayer = request.layout->atlasLayer;
            atlasField = request.layout->atlasField;
        }
        if (!atlasLayer.isEmpty() && !project.layer(atlasLayer)) {
            printError(MapCommand::tr("--atlas %1: the project has no such layer").arg(atlasLayer));
            return ExitUsage;
        }
        const render::MapLayout layout = render::projectMapLayout(project, request);
        QStringList written;
        if (atlasLayer.isEmpty()) {
            render::exportLayout(layout, out, feedback.get());
            written << out;
        } else {
            QStringList suffixes;
            const std::vector<render::MapLayout> pages =
              render::projectAtlas(project, layout, atlasLayer, atlasField, suffixes);
            written = render::exportAtlas(pages, suffixes, out, feedback.get());
        }
        finishProgressLine();
        if (!parser.isSet(quietOpt))
            for (const QString& file : written)
                printInfo(MapCommand::tr("wrote %1 (%2 s)")
                            .arg(file)
                            .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1));
        return ExitOk;
    } catch (...) {
        finishProgressLine();
        return reportFailure(MapCommand::tr("cancelled; %1 is unchanged").arg(out));
    }
}

} // namespace tanhui::cli
