// SPDX-License-Identifier: GPL-3.0-or-later
// Replays inputs through a fuzz target's LLVMFuzzerTestOneInput without libFuzzer, so that the committed
// regression inputs (tests/fuzz/regressions/<target>/) and the seed corpus (tests/fuzz/corpus/<target>/)
// run as ordinary ctest tests in every build, including the gcc ci build.
//
//   <target>-replay FILE_OR_DIR...
//
// A crash or a broken property aborts (non-zero exit); otherwise prints how many inputs ran.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);
extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) __attribute__((weak));

namespace {
int runFile(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "replay: cannot read %s\n", p.c_str());
        return 1;
    }
    const std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::fprintf(stderr, "replay: %s (%zu bytes)\n", p.c_str(), bytes.size());
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
    return 0;
}
} // namespace

int main(int argc, char** argv) {
    if (LLVMFuzzerInitialize)
        LLVMFuzzerInitialize(&argc, &argv);
    int failures = 0, inputs = 0;
    for (int i = 1; i < argc; ++i) {
        const std::filesystem::path arg(argv[i]);
        if (std::filesystem::is_directory(arg)) {
            std::vector<std::filesystem::path> files;
            for (const auto& e : std::filesystem::recursive_directory_iterator(arg))
                if (e.is_regular_file() && e.path().filename().string().front() != '.')
                    files.push_back(e.path());
            std::sort(files.begin(), files.end());
            for (const auto& f : files) {
                failures += runFile(f);
                ++inputs;
            }
        } else if (std::filesystem::exists(arg)) {
            failures += runFile(arg);
            ++inputs;
        } else {
            std::fprintf(stderr, "replay: no such file or folder: %s\n", argv[i]);
            ++failures;
        }
    }
    std::printf("replay: %d inputs, %d unreadable\n", inputs, failures);
    return failures == 0 ? 0 : 1;
}
