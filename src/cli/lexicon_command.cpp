#include <unistd.h>

#include <iostream>

#include "cli/commands.hpp"

#ifndef SENTINELLE_SOURCE_DIR
#define SENTINELLE_SOURCE_DIR "."
#endif

namespace sentinelle {
namespace {

constexpr std::string_view default_lexicons = "lexicons/fr";

std::filesystem::path executable_directory() {
  std::error_code error;
  const auto self = std::filesystem::read_symlink("/proc/self/exe", error);
  return error ? std::filesystem::path() : self.parent_path();
}

// FILE:LINE: message, with the directory in front; a problem of the whole directory has no file.
std::string describe(const std::filesystem::path& directory, const lexicon_problem& problem) {
  if (problem.file.empty()) {
    return directory.string() + ": " + problem.message;
  }
  return (directory / problem.file).string() + ":" + std::to_string(problem.line) + ": " +
         problem.message;
}

}  // namespace

std::filesystem::path resolve_lexicon_directory(std::optional<std::string_view> explicit_dir) {
  if (explicit_dir) {
    return std::filesystem::path(*explicit_dir);
  }
  std::error_code error;
  for (const auto& candidate :
       {std::filesystem::path(default_lexicons), executable_directory() / ".." / default_lexicons,
        std::filesystem::path(SENTINELLE_SOURCE_DIR) / default_lexicons}) {
    if (std::filesystem::is_directory(candidate, error)) {
      return candidate;
    }
  }
  return std::filesystem::path(default_lexicons);
}

std::unique_ptr<analyzer> load_analyzer(const std::filesystem::path& directory) {
  std::vector<lexicon_problem> problems;
  auto lex = lexicon::load(directory, problems);
  if (!lex) {
    for (const lexicon_problem& problem : problems) {
      std::cerr << describe(directory, problem) << "\n";
    }
    std::cerr << "sentinelle: the lexicons in " << directory.string() << " do not compile ("
              << problems.size() << " problem" << (problems.size() == 1 ? "" : "s") << ")\n";
    return nullptr;
  }
  return std::make_unique<analyzer>(std::move(lex));
}

int run_lexicon_command(std::span<const std::string_view> args) {
  if (args.empty() || args[0] != "check" || args.size() > 2) {
    std::cerr << "usage: sentinelle lexicon check [DIR]\n";
    return 2;
  }
  const auto directory = resolve_lexicon_directory(
      args.size() == 2 ? std::optional<std::string_view>(args[1]) : std::nullopt);
  std::vector<lexicon_problem> problems;
  const auto lex = lexicon::load(directory, problems);
  if (!lex) {
    for (const lexicon_problem& problem : problems) {
      std::cout << describe(directory, problem) << "\n";
    }
    std::cout << problems.size() << " problem" << (problems.size() == 1 ? "" : "s") << " in "
              << directory.string() << "\n";
    return 1;
  }
  std::cout << directory.string() << ": " << lex->entries().size() << " entries in "
            << lex->file_count() << " files, ok\n";
  return 0;
}

}  // namespace sentinelle
