// SPDX-License-Identifier: GPL-3.0-or-later
// Helpers shared by the fuzz targets (tests/fuzz): a reader that turns the fuzzer's bytes into typed
// values, the failure report of a broken property, and a scratch file for parsers that read files.
#pragma once

#include <QByteArray>
#include <QDir>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <unistd.h>

namespace tanhui::fuzz {

/// @brief Consumes the input front to back; past the end every value is 0 (deterministic).
class Bytes {
public:
    Bytes(const std::uint8_t* data, std::size_t size)
      : m_data(data)
      , m_size(size) {}
    std::uint8_t byte() { return m_pos < m_size ? m_data[m_pos++] : 0; }
    std::uint32_t u32() {
        std::uint32_t v = 0;
        for (int i = 0; i < 4; ++i)
            v = (v << 8) | byte();
        return v;
    }
    /// An integer in [lo, hi].
    int range(int lo, int hi) { return lo + int(u32() % std::uint32_t(hi - lo + 1)); }
    /// A fraction in [0, 1].
    double unit() { return double(u32()) / 4294967295.0; }
    bool flag() { return byte() & 1; }
    std::size_t remaining() const { return m_pos < m_size ? m_size - m_pos : 0; }

private:
    const std::uint8_t* m_data;
    std::size_t m_size, m_pos = 0;
};

/// A broken property is a crash: the message, then abort() (libFuzzer keeps the input).
[[noreturn]] inline void fail(const std::string& what) {
    std::fprintf(stderr, "fuzz property violated: %s\n", what.c_str());
    std::fflush(stderr);
    std::abort();
}

/// @brief A scratch file per process (in /dev/shm when it exists, so no disk I/O per input), for the
/// parsers whose public entry point is a file path (parameter tables, project files): the fuzzer tests
/// exactly the code a user's file goes through.
inline QString scratchPath(const char* name) {
    const QString dir =
      QDir(QStringLiteral("/dev/shm")).exists() ? QStringLiteral("/dev/shm") : QDir::tempPath();
    return QStringLiteral("%1/tanhui-fuzz-%2-%3").arg(dir).arg(qint64(getpid())).arg(QLatin1String(name));
}

inline void writeFile(const QString& path, const std::uint8_t* data, std::size_t size) {
    FILE* f = std::fopen(path.toLocal8Bit().constData(), "wb");
    if (!f)
        fail("cannot write the scratch file " + path.toStdString());
    if (size && std::fwrite(data, 1, size, f) != size)
        fail("cannot write the scratch file " + path.toStdString());
    std::fclose(f);
}

} // namespace tanhui::fuzz
