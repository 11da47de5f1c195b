// SPDX-License-Identifier: GPL-3.0-or-later
#include "gis/AtomicFile.h"

#include "gis/Errors.h"

#include <QFileInfo>
#include <QSaveFile>

#include <cerrno>
#include <filesystem>
#include <system_error>

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

namespace tanhui::gis {

namespace fs = std::filesystem;

void writeFileAtomically(const QString& path, const QByteArray& bytes) {
    QSaveFile file(path); // commit(): flush, fsync, rename over the target
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        throw GisError(GisError::Kind::Io,
                       "Cannot write \"" + path.toStdString() + "\": " + file.errorString().toStdString(),
                       path.toStdString());
    const QString dir = QFileInfo(path).absolutePath();
    syncPath(dir.toStdString());
}

bool syncPath(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

void replaceWithTemporary(const std::string& temporary, const std::string& target) {
    std::error_code ec;
    if (!syncPath(temporary)) {
        const std::string why = std::error_code(errno, std::generic_category()).message();
        fs::remove(temporary, ec);
        throw GisError(GisError::Kind::Io, "Cannot flush \"" + temporary + "\" to disk: " + why, target);
    }
    fs::rename(temporary, target, ec);
    if (ec) {
        const std::string why = ec.message();
        fs::remove(temporary, ec);
        throw GisError(
          GisError::Kind::Io, "Cannot rename \"" + temporary + "\" to \"" + target + "\": " + why, target);
    }
    const fs::path parent = fs::absolute(fs::path(target), ec).parent_path();
    syncPath(parent.string());
}

std::string temporaryPathFor(const std::string& target, const std::string& suffix) {
    const fs::path t(target);
    std::string name(".");
    name.append(t.stem().string()).append(".tmp-").append(std::to_string(::getpid())).append(suffix);
    return (t.has_parent_path() ? t.parent_path() / name : fs::path(name)).string();
}

bool processAlive(long long pid) {
    if (pid <= 0)
        return false;
    return ::kill(pid_t(pid), 0) == 0 || errno == EPERM;
}

int removeStaleTemporaries(const std::string& target) {
    const fs::path t(target);
    const fs::path dir = t.has_parent_path() ? t.parent_path() : fs::path(".");
    std::string prefix("."); // append(): GCC 12 at -O3 reports a false -Wrestrict on operator+ chains
    prefix.append(t.stem().string()).append(".tmp-");
    int removed = 0;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.compare(0, prefix.size(), prefix) != 0)
            continue;
        std::size_t digits = prefix.size();
        while (digits < name.size() && name[digits] >= '0' && name[digits] <= '9')
            ++digits;
        if (digits == prefix.size() || digits - prefix.size() > 12)
            continue;
        const long long pid = std::stoll(name.substr(prefix.size(), digits - prefix.size()));
        if (pid == ::getpid() || processAlive(pid))
            continue;
        std::error_code rec;
        if (fs::remove_all(it->path(), rec) > 0 && !rec)
            ++removed;
    }
    return removed;
}

} // namespace tanhui::gis
