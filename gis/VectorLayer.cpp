// SPDX-License-Identifier: GPL-3.0-or-later
#include "gis/VectorLayer.h"

#include "gis/Errors.h"
#include "gis/Gdal.h"
#include "gis/private/GdalHandles.h"

#include <QDate>
#include <QDateTime>
#include <QLoggingCategory>
#include <QTime>
#include <QTimeZone>

#include <cpl_string.h>
#include <gdal.h>
#include <ogr_api.h>

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>

Q_LOGGING_CATEGORY(lcVector, "tanhui.gis.vector", QtWarningMsg)

namespace tanhui::gis {

namespace {

constexpr int kEncodingSampleFeatures = 1000;

std::string withGdalMessage(std::string message) {
    const std::string gdal = lastGdalError();
    if (!gdal.empty())
        message += ": " + gdal;
    return message;
}

DatasetPtr openVector(const std::string& path, const CslList& openOptions) {
    return DatasetPtr(GDALOpenEx(path.c_str(),
                                 GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR,
                                 nullptr,
                                 openOptions.get(),
                                 nullptr));
}

std::string upper(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::toupper(c)); });
    return s;
}

/// Display name of a GDAL/iconv encoding name: the GB family is reported as "GBK".
std::string displayEncoding(const std::string& e) {
    const std::string u = upper(e);
    if (u == "CP936" || u == "936" || u == "GBK" || u == "GB2312" || u == "MS936" || u == "WINDOWS-936")
        return "GBK";
    if (u == "UTF8" || u == "UTF-8")
        return "UTF-8";
    return e;
}

bool isAscii(const std::string& s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

/// Strict UTF-8 validation (no overlongs, no surrogates, max U+10FFFF).
bool isValidUtf8(const std::string& s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int len = 0;
        unsigned cp = 0;
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (i + static_cast<std::size_t>(len) > n)
            return false;
        for (int k = 1; k < len; ++k) {
            if ((p[i + k] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
            (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
            return false;
        i += static_cast<std::size_t>(len);
    }
    return true;
}

/// Length of `s` without an incomplete UTF-8 sequence at its very end (the first bytes of a multi-byte
/// character, as left when a DBF field name or value was cut at its byte limit); s.size() otherwise.
std::size_t withoutCutUtf8Tail(const std::string& s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    // The lead byte of the last character starts at most 3 bytes before the end.
    for (std::size_t back = 1; back <= 3 && back <= n; ++back) {
        const unsigned char c = p[n - back];
        if ((c & 0xC0) == 0x80)
            continue; // continuation byte: look further back
        const std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 1;
        return len > back && c >= 0xC2 && c <= 0xF4 ? n - back : n;
    }
    return n;
}

/// Strict UTF-8 except for an incomplete last character (a text cut at a byte limit).
bool isUtf8CutAtEnd(const std::string& s) {
    return isValidUtf8(s.substr(0, withoutCutUtf8Tail(s)));
}

/// Statistics of a GBK decoding attempt.
struct GbkCheck {
    bool decodable = true; ///< every string converts without error
    long pairs = 0;        ///< double-byte characters seen
    long gb2312Pairs = 0;  ///< of which both bytes are in 0xA1..0xFE (GB2312 proper)
};

void checkGbk(iconv_t cd, const std::string& s, GbkCheck& check) {
    if (!check.decodable || isAscii(s))
        return;
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (p[i] >= 0x81 && p[i] <= 0xFE && i + 1 < s.size()) {
            ++check.pairs;
            if (p[i] >= 0xA1 && p[i + 1] >= 0xA1 && p[i + 1] <= 0xFE)
                ++check.gb2312Pairs;
            ++i;
        }
    }
    iconv(cd, nullptr, nullptr, nullptr, nullptr);
    std::string in = s;
    char* inPtr = in.data();
    std::size_t inLeft = in.size();
    std::string outBuf(in.size() * 4 + 8, '\0');
    char* outPtr = outBuf.data();
    std::size_t outLeft = outBuf.size();
    if (iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) == static_cast<std::size_t>(-1) || inLeft != 0)
        check.decodable = false;
    else if (iconv(cd, nullptr, nullptr, &outPtr, &outLeft) == static_cast<std::size_t>(-1))
        check.decodable = false;
}

/// What the raw bytes of a layer look like.
enum class RawText { Ascii, Utf8, Gbk, Other };

RawText classifyRawText(OGRLayerH layer, bool requireGb2312) {
    std::vector<std::string> samples;
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    const int nFields = OGR_FD_GetFieldCount(defn);
    std::vector<int> stringFields;
    for (int i = 0; i < nFields; ++i) {
        OGRFieldDefnH fd = OGR_FD_GetFieldDefn(defn, i);
        samples.emplace_back(OGR_Fld_GetNameRef(fd));
        const OGRFieldType t = OGR_Fld_GetType(fd);
        if (t == OFTString || t == OFTStringList)
            stringFields.push_back(i);
    }
    if (!stringFields.empty()) {
        OGR_L_ResetReading(layer);
        for (int k = 0; k < kEncodingSampleFeatures; ++k) {
            FeaturePtr f(OGR_L_GetNextFeature(layer));
            if (!f)
                break;
            for (int i : stringFields) {
                if (!OGR_F_IsFieldSetAndNotNull(f.get(), i))
                    continue;
                const char* v = OGR_F_GetFieldAsString(f.get(), i);
                if (v && *v)
                    samples.emplace_back(v);
            }
        }
        OGR_L_ResetReading(layer);
    }
    // A text cut in the middle of a character at the DBF's byte limit (11-byte field names, field
    // widths) is still UTF-8: its broken tail is dropped on reading (fromUtf8), never read as Latin-1.
    bool allAscii = true, allUtf8 = true, anyMultiByte = false;
    for (const std::string& s : samples) {
        if (!isAscii(s)) {
            allAscii = false;
            if (!isUtf8CutAtEnd(s))
                allUtf8 = false;
            else if (isValidUtf8(s))
                anyMultiByte = true;
        }
    }
    if (allAscii)
        return RawText::Ascii;
    // Only cut texts and no complete one: GBK bytes can also look like a cut UTF-8 tail, so the
    // strict GBK test below decides unless GBK fails.
    if (allUtf8 && anyMultiByte)
        return RawText::Utf8;
    const bool cutUtf8 = allUtf8;
    GbkCheck check;
    iconv_t cd = iconv_open("UTF-8", "CP936");
    if (cd == reinterpret_cast<iconv_t>(-1))
        return cutUtf8 ? RawText::Utf8 : RawText::Other;
    for (const std::string& s : samples)
        checkGbk(cd, s, check);
    iconv_close(cd);
    if (!check.decodable)
        return cutUtf8 ? RawText::Utf8 : RawText::Other;
    // A declared Latin-1 file is only taken for GBK when it looks like Chinese text: nearly all
    // double-byte characters lie in the GB2312 area (accented Latin letters followed by ASCII do not).
    if (requireGb2312 && check.gb2312Pairs * 10 < check.pairs * 9)
        return RawText::Other;
    return RawText::Gbk;
}

std::string metadataItem(OGRLayerH layer, const char* key, const char* domain) {
    const char* v = GDALGetMetadataItem(layer, key, domain);
    return v ? v : "";
}

/// Decodes UTF-8 from OGR, dropping an incomplete last character (a DBF text cut at its byte limit)
/// instead of showing a replacement character.
QString fromUtf8(const char* s) {
    if (!s)
        return {};
    const std::string text(s);
    return QString::fromUtf8(text.data(), qsizetype(withoutCutUtf8Tail(text)));
}

QVariant fieldValue(OGRFeatureH f, int i, OGRFieldType type) {
    if (!OGR_F_IsFieldSetAndNotNull(f, i))
        return {};
    switch (type) {
        case OFTInteger:
            return QVariant::fromValue<qint64>(OGR_F_GetFieldAsInteger(f, i));
        case OFTInteger64:
            return QVariant::fromValue<qint64>(OGR_F_GetFieldAsInteger64(f, i));
        case OFTReal:
            return OGR_F_GetFieldAsDouble(f, i);
        case OFTString:
            return fromUtf8(OGR_F_GetFieldAsString(f, i));
        case OFTDate:
        case OFTDateTime:
        case OFTTime: {
            int y = 0, mo = 0, d = 0, h = 0, mi = 0, tz = 0;
            float sec = 0;
            if (!OGR_F_GetFieldAsDateTimeEx(f, i, &y, &mo, &d, &h, &mi, &sec, &tz))
                return {};
            const int wholeSec = static_cast<int>(sec);
            const int msec = static_cast<int>((sec - float(wholeSec)) * 1000.0f + 0.5f);
            const QTime time(h, mi, std::clamp(wholeSec, 0, 59), std::clamp(msec, 0, 999));
            if (type == OFTTime)
                return time;
            const QDate date(y, mo, d);
            if (type == OFTDate)
                return date;
            // OGR TZFlag: 0 unknown, 1 local time, 100 UTC, 100 ± n: offset of n quarter hours.
            if (tz == 100)
                return QDateTime(date, time, QTimeZone::utc());
            if (tz >= 2)
                return QDateTime(date, time, QTimeZone((tz - 100) * 15 * 60));
            return QDateTime(date, time); // local or unknown time zone
        }
        case OFTIntegerList: {
            int count = 0;
            const int* v = OGR_F_GetFieldAsIntegerList(f, i, &count);
            QVariantList list;
            for (int k = 0; k < count; ++k)
                list.push_back(QVariant::fromValue<qint64>(v[k]));
            return list;
        }
        case OFTInteger64List: {
            int count = 0;
            const GIntBig* v = OGR_F_GetFieldAsInteger64List(f, i, &count);
            QVariantList list;
            for (int k = 0; k < count; ++k)
                list.push_back(QVariant::fromValue<qint64>(v[k]));
            return list;
        }
        case OFTRealList: {
            int count = 0;
            const double* v = OGR_F_GetFieldAsDoubleList(f, i, &count);
            QVariantList list;
            for (int k = 0; k < count; ++k)
                list.push_back(v[k]);
            return list;
        }
        case OFTStringList: {
            QStringList list;
            char** v = OGR_F_GetFieldAsStringList(f, i);
            for (int k = 0; v && v[k]; ++k)
                list.push_back(fromUtf8(v[k]));
            return list;
        }
        case OFTBinary: {
            int bytes = 0;
            const GByte* v = OGR_F_GetFieldAsBinary(f, i, &bytes);
            return QByteArray(reinterpret_cast<const char*>(v), bytes);
        }
        default:
            return fromUtf8(OGR_F_GetFieldAsString(f, i));
    }
}

} // namespace

struct VectorLayer::Impl {
    DatasetPtr ds;
    OGRLayerH layer = nullptr;
    LayerInfo info;
    std::vector<OGRFieldType> fieldTypes;
    /// `f`'s FID, attributes (decoded; none unless withAttributes) and geometry as ISO WKB.
    void read(OGRFeatureH f, Feature& feature, bool withAttributes) const;
};

VectorLayer::VectorLayer(const std::string& path, const VectorOpenOptions& options)
  : m_impl(std::make_unique<Impl>()) {
    initializeGdal();
    clearGdalError();
    LayerInfo& info = m_impl->info;
    info.path = path;

    CslList openOptions;
    if (!options.encodingOverride.empty())
        openOptions.set("ENCODING", options.encodingOverride);
    m_impl->ds = openVector(path, openOptions);
    if (!m_impl->ds)
        throw GisError(
          GisError::Kind::Open, withGdalMessage("Cannot open vector data \"" + path + "\""), path);
    GDALDriverH driver = GDALGetDatasetDriver(m_impl->ds.get());
    info.driver = driver ? GDALGetDriverShortName(driver) : "";

    // Layer lookup (by name, else the first one).
    const auto findLayer = [&](GDALDatasetH ds) -> OGRLayerH {
        const int n = GDALDatasetGetLayerCount(ds);
        if (n <= 0)
            throw GisError(GisError::Kind::Open, "\"" + path + "\" contains no vector layer", path);
        if (options.layerName.isEmpty())
            return GDALDatasetGetLayer(ds, 0);
        const QByteArray wanted = options.layerName.toUtf8();
        for (int i = 0; i < n; ++i) {
            OGRLayerH l = GDALDatasetGetLayer(ds, i);
            if (wanted == OGR_L_GetName(l))
                return l;
        }
        return nullptr;
    };
    info.allLayerNames.clear();
    for (int i = 0, n = GDALDatasetGetLayerCount(m_impl->ds.get()); i < n; ++i)
        info.allLayerNames.push_back(fromUtf8(OGR_L_GetName(GDALDatasetGetLayer(m_impl->ds.get(), i))));
    m_impl->layer = findLayer(m_impl->ds.get());
    if (!m_impl->layer) {
        QString names;
        for (const QString& n : info.allLayerNames)
            names +=
              (names.isEmpty() ? QStringLiteral("\"") : QStringLiteral(", \"")) + n + QStringLiteral("\"");
        throw GisError(GisError::Kind::Open,
                       "Layer \"" + options.layerName.toStdString() + "\" does not exist in \"" + path +
                         "\"; available layers: " + names.toStdString(),
                       path);
    }

    // Attribute encoding.
    const auto reopenWith = [&](const std::string& encoding) {
        CslList opts;
        opts.set("ENCODING", encoding);
        m_impl->layer = nullptr;
        m_impl->ds.reset();
        m_impl->ds = openVector(path, opts);
        if (!m_impl->ds)
            throw GisError(GisError::Kind::Open,
                           withGdalMessage("Cannot reopen \"" + path + "\" with encoding " + encoding),
                           path);
        m_impl->layer = findLayer(m_impl->ds.get());
        if (!m_impl->layer)
            throw GisError(GisError::Kind::Open, "Layer vanished on reopening \"" + path + "\"", path);
    };
    if (info.driver == "ESRI Shapefile") {
        if (!options.encodingOverride.empty()) {
            info.encoding = { displayEncoding(options.encodingOverride), "override" };
        } else {
            // GDAL 3.6 reports in the "SHAPEFILE" metadata domain of the layer: CPG_VALUE (raw .cpg
            // text), ENCODING_FROM_CPG (the .cpg mapped to an encoding name, NOT validated),
            // LDID_VALUE / ENCODING_FROM_LDID (DBF language driver id) and SOURCE_ENCODING (what it
            // actually recodes from; empty = raw bytes passed through). Only SOURCE_ENCODING is
            // authoritative: an unusable .cpg gives ENCODING_FROM_CPG=<text> with an empty
            // SOURCE_ENCODING, and an empty .cpg hides the LDID completely.
            const std::string fromCpg = metadataItem(m_impl->layer, "ENCODING_FROM_CPG", "SHAPEFILE");
            const std::string fromLdid = metadataItem(m_impl->layer, "ENCODING_FROM_LDID", "SHAPEFILE");
            const std::string source = metadataItem(m_impl->layer, "SOURCE_ENCODING", "SHAPEFILE");
            const std::string cpgValue = metadataItem(m_impl->layer, "CPG_VALUE", "SHAPEFILE");
            if (!cpgValue.empty() && (source.empty() || upper(source) != upper(fromCpg)))
                qCWarning(
                  lcVector, "%s: unusable .cpg content \"%s\"; ignored", path.c_str(), cpgValue.c_str());
            const bool usesCpg = !source.empty() && !fromCpg.empty() && upper(source) == upper(fromCpg);
            const bool usesLdid =
              !usesCpg && !source.empty() && !fromLdid.empty() && upper(source) == upper(fromLdid);
            // LDID 0x57 ("ANSI") means "the writer's system code page": GDAL takes it for ISO-8859-1,
            // but Chinese data written on a Chinese system is GBK. Treat it as a weak hint.
            const bool weakLdid = usesLdid && upper(source) == "ISO-8859-1";
            if (usesCpg) {
                info.encoding = { displayEncoding(source), "cpg" };
            } else if (usesLdid && !weakLdid) {
                info.encoding = { displayEncoding(source), "ldid" };
            } else if (!source.empty() && !usesLdid) {
                // Recoding forced from outside (the SHAPE_ENCODING configuration option).
                info.encoding = { displayEncoding(source), "override" };
            } else {
                reopenWith(""); // raw bytes
                const RawText raw = classifyRawText(m_impl->layer, weakLdid);
                switch (raw) {
                    case RawText::Ascii:
                        if (weakLdid)
                            info.encoding = { displayEncoding(source), "ldid" };
                        else
                            info.encoding = { "UTF-8", "detected" };
                        break;
                    case RawText::Utf8:
                        info.encoding = { "UTF-8", "detected" };
                        break;
                    case RawText::Gbk:
                        reopenWith("CP936");
                        info.encoding = { "GBK", "detected" };
                        break;
                    case RawText::Other:
                        if (weakLdid) {
                            reopenWith(source);
                            info.encoding = { displayEncoding(source), "ldid" };
                        } else if (!fromLdid.empty()) {
                            reopenWith(fromLdid); // an unusable .cpg hid a usable LDID
                            info.encoding = { displayEncoding(fromLdid), "ldid" };
                        } else {
                            reopenWith("ISO-8859-1");
                            info.encoding = { "ISO-8859-1", "detected" };
                        }
                        break;
                }
            }
        }
    } else {
        info.encoding = { "UTF-8", "format" };
    }

    OGRLayerH layer = m_impl->layer;
    info.layerName = fromUtf8(OGR_L_GetName(layer));
    info.geometryType = OGRGeometryTypeToName(OGR_L_GetGeomType(layer));
    info.featureCount = std::max<GIntBig>(0, OGR_L_GetFeatureCount(layer, TRUE));
    OGREnvelope env;
    if (info.featureCount > 0 && OGR_L_GetExtent(layer, &env, TRUE) == OGRERR_NONE)
        info.extent = { env.MinX, env.MinY, env.MaxX, env.MaxY };
    if (OGRSpatialReferenceH srs = OGR_L_GetSpatialRef(layer)) {
        info.crsProblem = undefinedCrsReason(srs);
        if (info.crsProblem.empty())
            info.crs = crsFromOgr(srs);
        // Degrees cannot lie wholly beyond ±90° latitude: the declared geographic CRS (e.g. GeoJSON's
        // implied WGS 84, or a wrong .prj) is not the one the coordinates are in.
        if (info.crs.isValid() && info.crs.isGeographic() && !info.extent.isEmpty() &&
            (info.extent.ymin > 90.0 || info.extent.ymax < -90.0)) {
            info.crsProblem = "its coordinates (y from " + std::to_string(info.extent.ymin) + " to " +
                              std::to_string(info.extent.ymax) +
                              ") cannot be latitudes of its geographic CRS \"" + info.crs.name() +
                              "\": the CRS is wrong";
            if (options.assignCrs.isValid())
                info.crs = Crs();
        }
    } else if (info.driver == "ESRI Shapefile") {
        // A .prj next to the .shp that GDAL could not read (a folder of shapefiles is left alone).
        const bool shp = path.size() > 4 && upper(path.substr(path.size() - 4)) == ".SHP";
        const std::string prj = shp ? path.substr(0, path.size() - 4) + ".prj" : std::string();
        if (VSIStatBufL stat; shp && VSIStatL(prj.c_str(), &stat) == 0)
            info.crsProblem = "its .prj file " + prj + " cannot be read as a CRS";
    }
    if (!info.crs.isValid() && options.assignCrs.isValid())
        info.crs = options.assignCrs;
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    for (int i = 0, n = OGR_FD_GetFieldCount(defn); i < n; ++i) {
        OGRFieldDefnH fd = OGR_FD_GetFieldDefn(defn, i);
        const OGRFieldType t = OGR_Fld_GetType(fd);
        info.fields.push_back({ fromUtf8(OGR_Fld_GetNameRef(fd)), fromUtf8(OGR_GetFieldTypeName(t)) });
        m_impl->fieldTypes.push_back(t);
    }
    OGR_L_ResetReading(layer);
    clearGdalError();
}

VectorLayer::~VectorLayer() = default;
VectorLayer::VectorLayer(VectorLayer&&) noexcept = default;
VectorLayer& VectorLayer::operator=(VectorLayer&&) noexcept = default;

const LayerInfo& VectorLayer::info() const {
    return m_impl->info;
}

std::vector<std::string> VectorLayer::files() const {
    std::vector<std::string> out;
    char** list = GDALGetFileList(m_impl->ds.get());
    for (char** f = list; f && *f; ++f)
        out.emplace_back(*f);
    CSLDestroy(list);
    return out;
}

FileStamp FileStamp::of(const std::vector<std::string>& paths) {
    FileStamp stamp;
    for (const std::string& path : paths) {
        File f;
        f.path = path;
        std::error_code ec;
        const auto time = std::filesystem::last_write_time(path, ec);
        if (ec) {
            f.modifiedNs = -1;
        } else {
            f.modifiedNs =
              std::chrono::duration_cast<std::chrono::nanoseconds>(time.time_since_epoch()).count();
            const std::uintmax_t bytes =
              std::filesystem::is_directory(path, ec) ? 0 : std::filesystem::file_size(path, ec);
            f.bytes = ec ? 0 : bytes;
        }
        stamp.files.push_back(std::move(f));
    }
    return stamp;
}

std::string FileStamp::changesSince(const FileStamp& earlier) const {
    std::string out;
    const auto line = [&out](const std::string& path, const char* what) {
        out += (out.empty() ? "" : "\n") + path + ": " + what;
    };
    for (const File& now : files) {
        const auto was = std::find_if(
          earlier.files.begin(), earlier.files.end(), [&](const File& e) { return e.path == now.path; });
        if (was == earlier.files.end())
            line(now.path, "new");
        else if (now.modifiedNs < 0 && was->modifiedNs >= 0)
            line(now.path, "deleted");
        else if (now.bytes != was->bytes || now.modifiedNs != was->modifiedNs)
            line(now.path, now.bytes != was->bytes ? "size changed" : "modified");
    }
    for (const File& was : earlier.files)
        if (std::none_of(files.begin(), files.end(), [&](const File& f) { return f.path == was.path; }))
            line(was.path, "deleted");
    return out;
}

int VectorLayer::fieldIndex(const QString& name) const {
    const auto& fields = m_impl->info.fields;
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (fields[i].name == name)
            return static_cast<int>(i);
    return -1;
}

void VectorLayer::resetReading() {
    OGR_L_ResetReading(m_impl->layer);
}

bool VectorLayer::next(Feature& feature, bool attributes) {
    clearGdalError();
    FeaturePtr f(OGR_L_GetNextFeature(m_impl->layer));
    if (!f) {
        const std::string err = lastGdalError();
        if (!err.empty())
            throw GisError(GisError::Kind::Io,
                           "Reading features of layer \"" + m_impl->info.layerName.toStdString() +
                             "\" of \"" + m_impl->info.path + "\" failed: " + err,
                           m_impl->info.path);
        return false;
    }
    m_impl->read(f.get(), feature, attributes);
    return true;
}

bool VectorLayer::feature(std::int64_t fid, Feature& feature, bool attributes) {
    clearGdalError();
    FeaturePtr f(OGR_L_GetFeature(m_impl->layer, static_cast<GIntBig>(fid)));
    if (!f) {
        const std::string err = lastGdalError();
        if (!err.empty())
            throw GisError(GisError::Kind::Io,
                           "Reading feature " + std::to_string(fid) + " of layer \"" +
                             m_impl->info.layerName.toStdString() + "\" of \"" + m_impl->info.path +
                             "\" failed: " + err,
                           m_impl->info.path);
        return false;
    }
    m_impl->read(f.get(), feature, attributes);
    return true;
}

void VectorLayer::Impl::read(OGRFeatureH f, Feature& feature, bool withAttributes) const {
    feature.fid = OGR_F_GetFID(f);
    const std::size_t nFields = withAttributes ? fieldTypes.size() : 0;
    feature.attributes.resize(nFields);
    for (std::size_t i = 0; i < nFields; ++i)
        feature.attributes[i] = fieldValue(f, static_cast<int>(i), fieldTypes[i]);

    feature.wkb.clear();
    OGRGeometryH g = OGR_F_GetGeometryRef(f);
    if (g) {
        GeometryPtr linear;
        if (OGR_G_HasCurveGeometry(g, TRUE)) {
            linear.reset(OGR_G_GetLinearGeometry(g, 0.0, nullptr));
            if (linear)
                g = linear.get();
        }
        OGR_G_FlattenTo2D(g); // the feature (or linear copy) is ours: modify in place
        const std::size_t size = static_cast<std::size_t>(OGR_G_WkbSizeEx(g));
        feature.wkb.resize(size);
        if (OGR_G_ExportToIsoWkb(g, wkbNDR, feature.wkb.data()) != OGRERR_NONE)
            throw GisError(GisError::Kind::Geometry,
                           "Cannot encode the geometry of feature " + std::to_string(feature.fid) + " of \"" +
                             info.path + "\"",
                           info.path);
    }
}

// ---------------------------------------------------------------------------------------------
// polygonFromWkb
// ---------------------------------------------------------------------------------------------

namespace {

class WkbReader {
public:
    WkbReader(const unsigned char* data, std::size_t size)
      : m_data(data)
      , m_size(size) {}

    bool ok() const { return m_ok; }
    const std::string& error() const { return m_error; }
    std::size_t remaining() const { return m_size - m_pos; }

    void fail(const std::string& why) {
        if (m_ok) {
            m_ok = false;
            m_error = why;
        }
    }
    bool need(std::size_t bytes) {
        if (!m_ok)
            return false;
        if (remaining() < bytes) {
            fail("malformed WKB: truncated at byte " + std::to_string(m_pos));
            return false;
        }
        return true;
    }
    std::uint8_t byte() {
        if (!need(1))
            return 0;
        return m_data[m_pos++];
    }
    std::uint32_t u32(bool littleEndian) {
        if (!need(4))
            return 0;
        const unsigned char* p = m_data + m_pos;
        m_pos += 4;
        if (littleEndian)
            return std::uint32_t(p[0]) | std::uint32_t(p[1]) << 8 | std::uint32_t(p[2]) << 16 |
                   std::uint32_t(p[3]) << 24;
        return std::uint32_t(p[3]) | std::uint32_t(p[2]) << 8 | std::uint32_t(p[1]) << 16 |
               std::uint32_t(p[0]) << 24;
    }
    double f64(bool littleEndian) {
        if (!need(8))
            return 0;
        unsigned char b[8];
        std::memcpy(b, m_data + m_pos, 8);
        m_pos += 8;
        const bool hostLittle = [] {
            const std::uint16_t one = 1;
            unsigned char c;
            std::memcpy(&c, &one, 1);
            return c == 1;
        }();
        if (littleEndian != hostLittle)
            std::reverse(b, b + 8);
        double v;
        std::memcpy(&v, b, 8);
        return v;
    }
    void skip(std::size_t bytes) {
        if (need(bytes))
            m_pos += bytes;
    }

private:
    const unsigned char* m_data;
    std::size_t m_size;
    std::size_t m_pos = 0;
    bool m_ok = true;
    std::string m_error;
};

struct WkbHeader {
    bool littleEndian = true;
    std::uint32_t base = 0; ///< 1 = Point, 3 = Polygon, ...
    int dims = 2;           ///< coordinates per point in the stream
};

bool readHeader(WkbReader& r, WkbHeader& h) {
    const std::uint8_t order = r.byte();
    if (!r.ok())
        return false;
    if (order > 1) {
        r.fail("malformed WKB: invalid byte order marker " + std::to_string(order));
        return false;
    }
    h.littleEndian = order == 1;
    std::uint32_t type = r.u32(h.littleEndian);
    if (!r.ok())
        return false;
    bool hasZ = false, hasM = false;
    // EWKB (PostGIS) flags in the high bits.
    if (type & 0x80000000u)
        hasZ = true;
    if (type & 0x40000000u)
        hasM = true;
    const bool hasSrid = (type & 0x20000000u) != 0;
    type &= 0x0FFFFFFFu;
    // ISO: 1000 Z, 2000 M, 3000 ZM.
    const std::uint32_t iso = type / 1000;
    if (iso == 1 || iso == 3)
        hasZ = true;
    if (iso == 2 || iso == 3)
        hasM = true;
    if (iso > 3) {
        r.fail("malformed WKB: unknown geometry type code " + std::to_string(type));
        return false;
    }
    h.base = type % 1000;
    h.dims = 2 + (hasZ ? 1 : 0) + (hasM ? 1 : 0);
    if (hasSrid)
        r.skip(4);
    return r.ok();
}

const char* typeName(std::uint32_t base) {
    switch (base) {
        case 1:
            return "Point";
        case 2:
            return "LineString";
        case 3:
            return "Polygon";
        case 4:
            return "MultiPoint";
        case 5:
            return "MultiLineString";
        case 6:
            return "MultiPolygon";
        case 7:
            return "GeometryCollection";
        case 8:
            return "CircularString";
        case 9:
            return "CompoundCurve";
        case 10:
            return "CurvePolygon";
        case 11:
            return "MultiCurve";
        case 12:
            return "MultiSurface";
        case 13:
            return "Curve";
        case 14:
            return "Surface";
        case 15:
            return "PolyhedralSurface";
        case 16:
            return "TIN";
        case 17:
            return "Triangle";
        default:
            return nullptr;
    }
}

std::string describeType(std::uint32_t base) {
    const char* n = typeName(base);
    return n ? n : "unknown geometry type " + std::to_string(base);
}

std::uint32_t readCount(WkbReader& r, const WkbHeader& h, std::size_t minBytesPerItem) {
    const std::uint32_t n = r.u32(h.littleEndian);
    if (r.ok() && minBytesPerItem > 0 && n > r.remaining() / minBytesPerItem) {
        r.fail("malformed WKB: count " + std::to_string(n) + " exceeds the data");
        return 0;
    }
    return n;
}

/// Polygon body (after its header): rings of points.
void readPolygonBody(WkbReader& r, const WkbHeader& h, Polygon& poly) {
    const std::size_t pointBytes = 8u * static_cast<std::size_t>(h.dims);
    const std::uint32_t nRings = readCount(r, h, 4);
    for (std::uint32_t ri = 0; ri < nRings && r.ok(); ++ri) {
        const std::uint32_t nPts = readCount(r, h, pointBytes);
        Ring ring;
        ring.xy.reserve(2u * nPts);
        for (std::uint32_t k = 0; k < nPts && r.ok(); ++k) {
            const double x = r.f64(h.littleEndian);
            const double y = r.f64(h.littleEndian);
            r.skip(8u * static_cast<std::size_t>(h.dims - 2));
            ring.xy.push_back(x);
            ring.xy.push_back(y);
        }
        if (r.ok())
            poly.rings.push_back(std::move(ring));
    }
}

/// Skips the body of any geometry (after its header).
void skipBody(WkbReader& r, const WkbHeader& h, int depth);

void skipGeometry(WkbReader& r, int depth) {
    if (depth > 32) {
        r.fail("malformed WKB: nesting too deep");
        return;
    }
    WkbHeader h;
    if (readHeader(r, h))
        skipBody(r, h, depth);
}

void skipBody(WkbReader& r, const WkbHeader& h, int depth) {
    const std::size_t pointBytes = 8u * static_cast<std::size_t>(h.dims);
    switch (h.base) {
        case 1:
            r.skip(pointBytes);
            break;
        case 2:
        case 8: {
            const std::uint32_t n = readCount(r, h, pointBytes);
            r.skip(pointBytes * n);
            break;
        }
        case 3:
        case 17: {
            const std::uint32_t nRings = readCount(r, h, 4);
            for (std::uint32_t i = 0; i < nRings && r.ok(); ++i) {
                const std::uint32_t n = readCount(r, h, pointBytes);
                r.skip(pointBytes * n);
            }
            break;
        }
        case 4:
        case 5:
        case 6:
        case 7:
        case 9:
        case 10:
        case 11:
        case 12:
        case 15:
        case 16: {
            const std::uint32_t n = readCount(r, h, 5);
            for (std::uint32_t i = 0; i < n && r.ok(); ++i)
                skipGeometry(r, depth + 1);
            break;
        }
        default:
            r.fail("malformed WKB: unknown geometry type " + std::to_string(h.base));
    }
}

/// Collects the polygons of a GeometryCollection (recursively); other members are skipped.
void collectPolygons(WkbReader& r, const WkbHeader& h, MultiPolygon& out, int depth) {
    if (depth > 32) {
        r.fail("malformed WKB: nesting too deep");
        return;
    }
    const std::uint32_t n = readCount(r, h, 5);
    for (std::uint32_t i = 0; i < n && r.ok(); ++i) {
        WkbHeader child;
        if (!readHeader(r, child))
            return;
        if (child.base == 3) {
            Polygon p;
            readPolygonBody(r, child, p);
            if (r.ok() && !p.rings.empty())
                out.parts.push_back(std::move(p));
        } else if (child.base == 6 || child.base == 7) {
            collectPolygons(r, child, out, depth + 1);
        } else {
            skipBody(r, child, depth + 1);
        }
    }
}

} // namespace

bool polygonFromWkb(const unsigned char* wkb, std::size_t size, MultiPolygon& out, std::string* why) {
    out.parts.clear();
    const auto failWith = [&](const std::string& reason) {
        out.parts.clear();
        if (why)
            *why = reason;
        return false;
    };
    if (!wkb || size == 0)
        return failWith("empty WKB");
    WkbReader r(wkb, size);
    WkbHeader h;
    if (!readHeader(r, h))
        return failWith(r.error());
    switch (h.base) {
        case 3: {
            Polygon p;
            readPolygonBody(r, h, p);
            if (!r.ok())
                return failWith(r.error());
            if (!p.rings.empty())
                out.parts.push_back(std::move(p));
            break;
        }
        case 6: {
            const std::uint32_t n = readCount(r, h, 9);
            for (std::uint32_t i = 0; i < n && r.ok(); ++i) {
                WkbHeader child;
                if (!readHeader(r, child))
                    break;
                if (child.base != 3)
                    return failWith("MultiPolygon containing a " + describeType(child.base));
                Polygon p;
                readPolygonBody(r, child, p);
                if (r.ok() && !p.rings.empty())
                    out.parts.push_back(std::move(p));
            }
            if (!r.ok())
                return failWith(r.error());
            break;
        }
        case 7: {
            collectPolygons(r, h, out, 0);
            if (!r.ok())
                return failWith(r.error());
            if (out.parts.empty())
                return failWith("GeometryCollection without polygons");
            break;
        }
        default:
            return failWith(describeType(h.base));
    }
    if (why)
        why->clear();
    return true;
}

} // namespace tanhui::gis
