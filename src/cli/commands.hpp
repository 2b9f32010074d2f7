#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "analyze/analyzer.hpp"

namespace sentinelle {

// Each command takes the arguments after its name and returns the process exit code.
int run_analyze_command(std::span<const std::string_view> args);
int run_lexicon_command(std::span<const std::string_view> args);
int run_serve_command(std::span<const std::string_view> args);

// Where the lexicons are: the explicit --lexicons value, else `lexicons/fr` under the working
// directory, else the one of the source tree this binary was built from.
std::filesystem::path resolve_lexicon_directory(std::optional<std::string_view> explicit_dir);

// Loads and compiles the lexicons; prints every problem as FILE:LINE on stderr and returns
// nullptr when there is one.
std::unique_ptr<analyzer> load_analyzer(const std::filesystem::path& directory);

}  // namespace sentinelle
