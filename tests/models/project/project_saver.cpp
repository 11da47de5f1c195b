// SPDX-License-Identifier: GPL-3.0-or-later
// Helper of tst_project_save_kill: saves two large projects A and B to reference files, then saves them
// alternately to one file with Project::save until it is killed.
//   project_saver FILE REF_A REF_B
#include "models/project/Project.h"

#include <QCoreApplication>

using tanhui::models::Project;
using tanhui::models::ProjectLayer;

namespace {

Project makeProject(const QString& tag) {
    Project p;
    p.name = QStringLiteral("kill test %1").arg(tag);
    p.crs = QStringLiteral("EPSG:4547");
    for (int i = 0; i < 20000; ++i) { // about 6 MB of JSON: a save takes tens of milliseconds
        ProjectLayer l;
        l.id = QStringLiteral("layer_%1_%2").arg(tag).arg(i);
        l.kind = QStringLiteral("raster");
        l.role = QStringLiteral("ndvi");
        l.path = QStringLiteral("rasters/ndvi_%1.tif").arg(i);
        l.year = 2000 + i % 25;
        l.description =
          QStringLiteral("layer %1 of version %2, padded to make the file large").arg(i).arg(tag);
        p.layers.push_back(l);
    }
    return p;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 4)
        return 2;
    const Project a = makeProject(QStringLiteral("A")), b = makeProject(QStringLiteral("B"));
    a.save(args[2]);
    b.save(args[3]);
    for (;;) {
        a.save(args[1]);
        b.save(args[1]);
    }
}
