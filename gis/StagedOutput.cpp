// SPDX-License-Identifier: GPL-3.0-or-later
#include "gis/StagedOutput.h"

#include "gis/AtomicFile.h"
#include "gis/Errors.h"

#include <QDir>
#include <QFileInfo>

#include <atomic>
#include <filesystem>
#include <set>
#include <string>
#include <system_error>

#include <sys/stat.h>
#include <unistd.h>

namespace tanhui::gis {

namespace fs = std::filesystem;

namespace {

std::atomic<int> g_counter{ 0 };

std::string str(const QString& s) {
    return s.toStdString();
}

/// The pid in `<name><infix><pid>-<n>`, or -1.
long long pidOf(const std::string& entry, const std::string& prefix) {
    if (entry.compare(0, prefix.size(), prefix) != 0)
        return -1;
    std::size_t end = prefix.size();
    while (end < entry.size() && end - prefix.size() < 12 && entry[end] >= '0' && entry[end] <= '9')
        ++end;
    if (end == prefix.size() || end >= entry.size() || entry[end] != '-')
        return -1;
    return std::stoll(entry.substr(prefix.size(), end - prefix.size()));
}

/// Relative paths (generic form) of every non-folder entry under `root`, without following links.
std::set<std::string> filesUnder(const fs::path& root) {
    std::set<std::string> files;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec))
        if (!it->is_directory(ec) || it->is_symlink(ec))
            files.insert(fs::relative(it->path(), root, ec).generic_string());
    return files;
}

std::set<std::string> readManifest(const fs::path& dir) {
    std::set<std::string> listed;
    QFile f(QString::fromStdString((dir / StagedOutput::kManifestName).string()));
    if (!f.open(QIODevice::ReadOnly))
        return listed;
    for (const QByteArray& line : f.readAll().split('\n'))
        if (!line.isEmpty() && !line.startsWith('#'))
            listed.insert(line.toStdString());
    return listed;
}

[[noreturn]] void fail(const std::string& what, const std::string& path, const std::error_code& ec) {
    throw GisError(GisError::Kind::Io, what + " \"" + path + "\": " + ec.message(), path);
}

/// Carries `from` (an entry of the old target) to `to` in the staging folder: a hard link (same file
/// system, no copy), a copy when links are impossible, a new link for a symbolic link.
void carryOver(const fs::path& from, const fs::path& to) {
    std::error_code ec;
    fs::create_directories(to.parent_path(), ec);
    if (ec)
        fail("Cannot create the folder", to.parent_path().string(), ec);
    const fs::file_status st = fs::symlink_status(from, ec);
    if (fs::is_symlink(st)) {
        fs::copy_symlink(from, to, ec);
    } else if (fs::is_directory(st)) {
        fs::create_directory(to, ec);
    } else {
        fs::create_hard_link(from, to, ec);
        if (ec && fs::is_regular_file(st)) {
            ec.clear();
            fs::copy_file(from, to, ec);
        }
    }
    if (ec)
        fail("Cannot keep the file", from.string(), ec);
}

void syncTree(const fs::path& root) {
    std::error_code ec;
    for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec))
        if (!it->is_symlink(ec) && (it->is_regular_file(ec) || it->is_directory(ec)) &&
            !syncPath(it->path().string()))
            throw GisError(GisError::Kind::Io,
                           "Cannot flush \"" + it->path().string() + "\" to disk",
                           it->path().string());
    syncPath(root.string());
}

} // namespace

QStringList StagedOutput::recover(const QString& target) {
    QStringList done;
    const fs::path t = fs::absolute(fs::path(str(target))).lexically_normal();
    const fs::path folder = t.has_filename() ? t : t.parent_path();
    const fs::path parent = folder.parent_path();
    const std::string name = folder.filename().string();
    const std::string stagingPrefix = name + kStagingInfix, oldPrefix = name + kOldInfix;
    std::vector<fs::path> staging, old;
    std::error_code ec;
    for (fs::directory_iterator it(parent, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string entry = it->path().filename().string();
        for (const auto& [prefix, list] :
             { std::pair{ &stagingPrefix, &staging }, std::pair{ &oldPrefix, &old } }) {
            const long long pid = pidOf(entry, *prefix);
            if (pid > 0 && pid != ::getpid() && !processAlive(pid))
                list->push_back(it->path());
        }
    }
    for (const fs::path& o : old) {
        std::error_code e;
        if (!fs::exists(folder, e)) {
            // The run died between its two renames: its previous outputs come back.
            fs::rename(o, folder, e);
            if (!e) {
                syncPath(parent.string());
                done << QStringLiteral("restored %1 from %2")
                          .arg(QString::fromStdString(folder.string()), QString::fromStdString(o.string()));
                continue;
            }
        }
        fs::remove_all(o, e);
        done << QStringLiteral("removed %1").arg(QString::fromStdString(o.string()));
    }
    for (const fs::path& s : staging) {
        std::error_code e;
        fs::remove_all(s, e);
        done << QStringLiteral("removed %1").arg(QString::fromStdString(s.string()));
    }
    return done;
}

StagedOutput::StagedOutput(const QString& target) {
    std::error_code ec;
    fs::path t = fs::absolute(fs::path(str(target)), ec).lexically_normal();
    if (!t.has_filename())
        t = t.parent_path();
    if (t == t.root_path() || t.filename() == "..")
        throw GisError(GisError::Kind::InvalidArgument,
                       "The output folder \"" + str(target) + "\" cannot be replaced; choose a subfolder",
                       str(target));
    fs::create_directories(t.parent_path(), ec);
    if (ec)
        fail("Cannot create the folder", t.parent_path().string(), ec);
    // Write beside the real folder when the target is a link to one.
    if (fs::is_symlink(t, ec) && fs::is_directory(t, ec))
        t = fs::canonical(t, ec);
    else
        t = fs::canonical(t.parent_path(), ec) / t.filename();
    const std::string targetText = t.string();
    if (fs::exists(t, ec)) {
        if (!fs::is_directory(t, ec))
            throw GisError(GisError::Kind::InvalidArgument,
                           "The output \"" + targetText + "\" is a file, not a folder",
                           targetText);
        struct stat self {};
        struct stat up {};
        if (::stat(targetText.c_str(), &self) == 0 && ::stat(t.parent_path().c_str(), &up) == 0 &&
            self.st_dev != up.st_dev)
            throw GisError(GisError::Kind::InvalidArgument,
                           "The output folder \"" + targetText +
                             "\" is a mount point and cannot be replaced as a whole; choose a folder in it",
                           targetText);
        const std::string cwd = fs::current_path(ec).string();
        if (!ec && (cwd == targetText || cwd.rfind(targetText + "/", 0) == 0))
            throw GisError(GisError::Kind::InvalidArgument,
                           "The output folder \"" + targetText +
                             "\" is (or contains) the current folder and cannot be replaced; choose "
                             "another folder or run from outside it",
                           targetText);
    }
    m_target = QString::fromStdString(targetText);
    recover(m_target);
    const std::string staging =
      targetText + kStagingInfix + std::to_string(::getpid()) + "-" + std::to_string(g_counter.fetch_add(1));
    fs::remove_all(staging, ec);
    if (!fs::create_directory(staging, ec) || ec)
        fail(
          "Cannot create a staging folder beside the output folder (is its parent writable?)", staging, ec);
    m_staging = QString::fromStdString(staging);
}

StagedOutput::~StagedOutput() {
    if (m_committed || m_staging.isEmpty())
        return;
    std::error_code ec;
    fs::remove_all(str(m_staging), ec);
}

QString StagedOutput::finalPath(const QString& staged) const {
    const QString clean = QDir::cleanPath(QFileInfo(staged).absoluteFilePath());
    if (clean == m_staging)
        return m_target;
    if (clean.startsWith(m_staging + QLatin1Char('/')))
        return m_target + clean.mid(m_staging.size());
    return staged;
}

void StagedOutput::commit() {
    if (m_committed)
        return;
    const fs::path staging(str(m_staging)), target(str(m_target));
    std::error_code ec;
    // 1. The manifest: this run's files.
    const std::set<std::string> produced = filesUnder(staging);
    QByteArray manifest("# Files written by the Tanhui run that produced this folder. The next run into\n"
                        "# this folder replaces them as a whole; other files are kept.\n");
    for (const std::string& f : produced)
        if (f != kManifestName)
            manifest.append(f.c_str()).append('\n');
    writeFileAtomically(QString::fromStdString((staging / kManifestName).string()), manifest);

    // 2. Files of the old target that are neither this run's nor the previous run's: kept.
    const bool hadTarget = fs::exists(target, ec);
    if (hadTarget) {
        const std::set<std::string> previous = readManifest(target);
        for (fs::recursive_directory_iterator it(target, ec), end; !ec && it != end; it.increment(ec)) {
            const std::string rel = fs::relative(it->path(), target, ec).generic_string();
            if (rel == kManifestName || previous.count(rel))
                continue;
            const fs::path to = staging / rel;
            std::error_code e;
            if (fs::exists(fs::symlink_status(to, e)))
                continue;         // replaced by this run (or a folder this run also has)
            bool blocked = false; // a parent of `to` is a file of this run
            for (fs::path p = to.parent_path(); p != staging && !blocked; p = p.parent_path())
                blocked = fs::exists(fs::symlink_status(p, e)) && !fs::is_directory(fs::symlink_status(p, e));
            if (blocked)
                continue;
            const bool directory = it->is_directory(e) && !it->is_symlink(e);
            if (directory && !fs::is_empty(it->path(), e))
                continue; // its files are carried one by one
            carryOver(it->path(), to);
        }
        if (ec)
            fail("Cannot list the folder", target.string(), ec);
    }

    // 3. Everything on disk before the swap.
    syncTree(staging);

    // 4. The swap.
    const fs::path parent = target.parent_path();
    fs::path old;
    if (hadTarget) {
        old = fs::path(str(m_target) + kOldInfix + std::to_string(::getpid()) + "-" +
                       std::to_string(g_counter.fetch_add(1)));
        fs::rename(target, old, ec);
        if (ec)
            fail("Cannot move the previous outputs aside", target.string(), ec);
    }
    fs::rename(staging, target, ec);
    if (ec) {
        const std::error_code why = ec;
        if (hadTarget)
            fs::rename(old, target, ec);
        fail("Cannot rename the staging folder to", target.string(), why);
    }
    m_committed = true;
    syncPath(parent.string());
    if (hadTarget)
        fs::remove_all(old, ec); // left for recover() if it fails
}

} // namespace tanhui::gis
