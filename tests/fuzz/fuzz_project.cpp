// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: the project-file parser (models/project Project::load, JSON → Project) on arbitrary
// bytes, through the same file entry point the GUI and `tanhui-cli carbon --project` use.
//
// Properties (a violation aborts): load() either returns a project or throws gis::GisError naming the
// file (no other exception, no crash); a loaded project validates without crashing, saves, and its saved
// form is a fixed point (save → load → save gives the same bytes).
#include "FuzzInput.h"
#include "gis/Errors.h"
#include "models/project/Project.h"

#include <QCoreApplication>
#include <QFile>

#include <exception>

using namespace tanhui;
using tanhui::fuzz::fail;

namespace {

QByteArray readAll(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        fail("cannot read back the saved project " + path.toStdString());
    return f.readAll();
}

void run(const std::uint8_t* data, std::size_t size) {
    static const QString in = fuzz::scratchPath("in.tanhui.json");
    static const QString out = fuzz::scratchPath("out.tanhui.json");
    fuzz::writeFile(in, data, size);
    models::Project p;
    try {
        p = models::Project::load(in);
    } catch (const gis::GisError& e) {
        if (!QString::fromStdString(e.what()).contains(in))
            fail(std::string("a project error does not name the file: ") + e.what());
        return;
    }
    (void)p.validate();
    for (const models::ProjectLayer& l : p.layers)
        if (p.layer(l.id) == nullptr)
            fail("Project::layer() does not find the layer " + l.id.toStdString());
    p.save(out);
    const QByteArray first = readAll(out);
    const models::Project again = models::Project::load(out);
    again.save(out);
    if (readAll(out) != first)
        fail("save → load → save changes the project file");
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
    static QCoreApplication app(*argc, *argv);
    // Qt's warnings (e.g. "Broken filename passed to function" for a path with a NUL) are expected on
    // such input; fatal messages still abort after the handler.
    qInstallMessageHandler([](QtMsgType, const QMessageLogContext&, const QString&) {});
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        run(data, size);
    } catch (const std::exception& e) {
        fail(std::string("unexpected exception: ") + e.what());
    }
    return 0;
}
