// SPDX-License-Identifier: GPL-3.0-or-later
#include "gis/TableWriter.h"

#include "gis/AtomicFile.h"
#include "gis/Errors.h"
#include "gis/Gdal.h"
#include "gis/private/GdalHandles.h"
#include "gis/private/OgrFields.h"
#include "gis/private/Parallel.h"

#include <gdal.h>
#include <ogr_api.h>

#include <QSaveFile>

#include <charconv>
#include <cmath>
#include <condition_variable>
#include <exception>
#include <filesystem>
#include <mutex>
#include <thread>
#include <unistd.h>
#ifdef __linux__
#include <fcntl.h> // sync_file_range
#endif

namespace tanhui::gis {

namespace {

std::string lowerExtension(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    for (char& c : ext)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return ext;
}

} // namespace

void appendCsvNumber(std::string& line, double d) {
    if (std::isnan(d))
        return; // empty field: no value
    if (d == 0.0 && !std::signbit(d)) {
        line += '0'; // what std::to_chars writes for +0, without the call (frequent in class shares)
        return;
    }
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, d);
    line.append(buf, r.ptr);
}

void appendCsvValue(std::string& line, const QVariant& v) {
    if (!v.isValid() || v.isNull())
        return;
    switch (v.typeId()) {
        case QMetaType::Double:
        case QMetaType::Float:
            appendCsvNumber(line, v.toDouble());
            return;
        case QMetaType::Int:
        case QMetaType::LongLong:
        case QMetaType::UInt:
        case QMetaType::ULongLong:
            line += std::to_string(v.toLongLong());
            return;
        default:
            break;
    }
    const std::string s = v.toString().toStdString();
    if (s.find_first_of(",\"\n\r") == std::string::npos) {
        line += s;
        return;
    }
    line += '"';
    for (char c : s) {
        if (c == '"')
            line += '"';
        line += c;
    }
    line += '"';
}

namespace {

/// Formats rows [begin, end) as CSV lines.
void formatCsvRows(std::string& text,
                   std::size_t begin,
                   std::size_t end,
                   std::size_t columns,
                   const RowSource& source) {
    std::vector<QVariant> values;
    std::vector<unsigned char> wkb;
    for (std::size_t r = begin; r < end; ++r) {
        values.assign(columns, QVariant());
        source(r, values, wkb);
        for (std::size_t c = 0; c < columns; ++c) {
            if (c)
                text += ',';
            appendCsvValue(text, values[c]);
        }
        text += '\n';
    }
}

void writeCsv(const std::string& path,
              const std::vector<TableColumn>& columns,
              std::size_t rows,
              const RowSource& source) {
    writeCsvRows(path, columns, rows, [&](std::size_t begin, std::size_t end, std::string& text) {
        formatCsvRows(text, begin, end, columns.size(), source);
    });
}

void writeGpkg(const std::string& path,
               const std::vector<TableColumn>& columns,
               std::size_t rows,
               const RowSource& source,
               bool withGeometry,
               const Crs& crs) {
    namespace fs = std::filesystem;
    const fs::path target(path);
    removeStaleTemporaries(path); // left by writers that were killed
    const fs::path tmp = temporaryPathFor(path, ".gpkg");
    std::error_code ec;
    fs::remove(tmp, ec);

    GDALDriverH driver = GDALGetDriverByName("GPKG");
    if (!driver)
        throw GisError(GisError::Kind::Io, "GDAL has no GeoPackage driver; cannot write " + path, path);
    clearGdalError();
    DatasetPtr ds(GDALCreate(driver, tmp.string().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds)
        throw GisError(GisError::Kind::Io, "Cannot create " + path + ": " + lastGdalError(), path);
    // Whatever ends the write early (an error, a cancelled row source), the staging file goes and
    // `path` stays as it was.
    struct Staging {
        DatasetPtr& ds;
        const fs::path& tmp;
        bool committed = false;
        ~Staging() {
            if (committed)
                return;
            ds.reset();
            std::error_code ignored;
            fs::remove(tmp, ignored);
        }
    } staging{ ds, tmp };
    auto fail = [&](const std::string& what) {
        throw GisError(GisError::Kind::Io,
                       "Writing " + path + " failed: " + what + " (the previous file, if any, is unchanged)",
                       path);
    };
    OGRSpatialReferenceH srs =
      withGeometry && crs.isValid() ? static_cast<OGRSpatialReferenceH>(crs.nativeHandle()) : nullptr;
    const std::string layerName = target.stem().string();
    OGRLayerH layer = GDALDatasetCreateLayer(
      ds.get(), layerName.c_str(), srs, withGeometry ? wkbMultiPolygon : wkbNone, nullptr);
    if (!layer)
        fail(lastGdalError());
    for (const TableColumn& c : columns) {
        const OGRFieldType t =
          detail::ogrFieldType(c.type == TableColumn::Type::Integer, c.type == TableColumn::Type::Real);
        OGRFieldDefnH fd = OGR_Fld_Create(c.name.c_str(), t);
        const OGRErr err = OGR_L_CreateField(layer, fd, TRUE);
        OGR_Fld_Destroy(fd);
        if (err != OGRERR_NONE)
            fail("cannot create field " + c.name + ": " + lastGdalError());
    }
    if (GDALDatasetStartTransaction(ds.get(), FALSE) != OGRERR_NONE)
        fail(lastGdalError());
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    std::vector<QVariant> values;
    std::vector<unsigned char> wkb;
    for (std::size_t r = 0; r < rows; ++r) {
        values.assign(columns.size(), QVariant());
        wkb.clear();
        source(r, values, wkb); // may throw (CancelledError): `staging` cleans up
        FeaturePtr feature(OGR_F_Create(defn));
        for (std::size_t c = 0; c < columns.size(); ++c) {
            detail::setOgrField(feature.get(),
                                int(c),
                                detail::ogrFieldType(columns[c].type == TableColumn::Type::Integer,
                                                     columns[c].type == TableColumn::Type::Real),
                                values[c]);
        }
        if (withGeometry && !wkb.empty()) {
            OGRGeometryH g = nullptr;
            if (OGR_G_CreateFromWkbEx(wkb.data(), srs, &g, wkb.size()) == OGRERR_NONE && g) {
                g = OGR_G_ForceToMultiPolygon(g);
                OGR_F_SetGeometryDirectly(feature.get(), g);
            }
        }
        if (OGR_L_CreateFeature(layer, feature.get()) != OGRERR_NONE)
            fail("row " + std::to_string(r + 1) + ": " + lastGdalError());
    }
    if (GDALDatasetCommitTransaction(ds.get()) != OGRERR_NONE)
        fail(lastGdalError());
    ds.reset(); // closes and flushes
    if (!lastGdalError().empty() && !fs::exists(tmp))
        fail(lastGdalError());
    replaceWithTemporary(tmp.string(), path); // fsync, rename, fsync of the folder
    staging.committed = true;
}

} // namespace

void writeCsvRows(const std::string& path,
                  const std::vector<TableColumn>& columns,
                  std::size_t rows,
                  const CsvRowsFormatter& format) {
    QSaveFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::WriteOnly))
        throw GisError(
          GisError::Kind::Io, "Cannot write " + path + ": " + file.errorString().toStdString(), path);
    std::string header;
    for (std::size_t c = 0; c < columns.size(); ++c) {
        if (c)
            header += ',';
        appendCsvValue(header, QString::fromStdString(columns[c].name));
    }
    header += '\n';
    file.write(header.data(), qint64(header.size()));

    // Chunks of rows are formatted by worker threads (at most `window` chunks ahead of the file, which
    // bounds memory) while this thread writes the finished ones in row order.
    constexpr std::size_t kChunk = 2048;
    const std::size_t chunks = (rows + kChunk - 1) / kChunk;
    const int threads = detail::workerCount(0, chunks);
    const std::size_t window = 4 * std::size_t(threads);
    struct Slot {
        std::string text;
        bool ready = false;
    };
    std::vector<Slot> buffers(window);
    std::mutex mutex;
    std::condition_variable changed;
    std::size_t nextChunk = 0, written = 0;
    bool failed = false;
    std::exception_ptr error;
    auto work = [&] {
        for (;;) {
            std::size_t c = 0;
            {
                std::unique_lock lock(mutex);
                changed.wait(lock,
                             [&] { return failed || nextChunk >= chunks || nextChunk < written + window; });
                if (failed || nextChunk >= chunks)
                    return;
                c = nextChunk++;
            }
            Slot& slot = buffers[c % window];
            try {
                slot.text.clear();
                format(c * kChunk, std::min(rows, (c + 1) * kChunk), slot.text);
            } catch (...) {
                std::lock_guard lock(mutex);
                if (!error)
                    error = std::current_exception();
                failed = true;
                changed.notify_all();
                return;
            }
            std::lock_guard lock(mutex);
            slot.ready = true;
            changed.notify_all();
        }
    };
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t)
        pool.emplace_back(work);
    bool writeOk = true;
    // commit() makes the file durable (fdatasync) before it replaces the old one. On Linux the
    // kernel is asked to start writing each few megabytes back while later rows are still being
    // formatted, so that the final sync waits for the last part only, not for the whole table.
    qint64 bytesWritten = 0, bytesFlushed = 0;
    constexpr qint64 kWritebackBytes = qint64(4) << 20;
    for (std::size_t c = 0; c < chunks; ++c) {
        Slot& slot = buffers[c % window];
        {
            std::unique_lock lock(mutex);
            changed.wait(lock, [&] { return failed || slot.ready; });
            if (failed)
                break;
        }
        if (writeOk) {
            writeOk = file.write(slot.text.data(), qint64(slot.text.size())) == qint64(slot.text.size());
            bytesWritten += qint64(slot.text.size());
#ifdef __linux__
            if (writeOk && bytesWritten - bytesFlushed >= kWritebackBytes && file.flush()) {
                // Only a hint: a failure here changes nothing, commit() still syncs everything.
                ::sync_file_range(
                  file.handle(), bytesFlushed, bytesWritten - bytesFlushed, SYNC_FILE_RANGE_WRITE);
                bytesFlushed = bytesWritten;
            }
#endif
        }
        std::lock_guard lock(mutex);
        slot.ready = false;
        written = c + 1;
        changed.notify_all();
    }
    for (std::thread& th : pool)
        th.join();
    if (error) {
        file.cancelWriting();
        std::rethrow_exception(error);
    }
    if (!file.commit())
        throw GisError(GisError::Kind::Io,
                       "Writing " + path + " failed: " + file.errorString().toStdString() +
                         " (the previous file, if any, is unchanged)",
                       path);
}

void writeTable(const std::string& path,
                const std::vector<TableColumn>& columns,
                std::size_t rows,
                const RowSource& source,
                bool withGeometry,
                const Crs& crs) {
    initializeGdal();
    const std::string ext = lowerExtension(path);
    if (ext == ".csv")
        writeCsv(path, columns, rows, source);
    else if (ext == ".gpkg")
        writeGpkg(path, columns, rows, source, withGeometry, crs);
    else
        throw GisError(GisError::Kind::InvalidArgument,
                       "Unsupported output format for " + path + ": use a .csv or .gpkg file name.",
                       path);
}

} // namespace tanhui::gis
