#include <iostream>
#include <string_view>
#include <vector>

#include "cli/commands.hpp"
#include "version.hpp"

namespace {

constexpr std::string_view usage = R"(usage:
  sentinelle serve   [--config FILE] [--listen HOST:PORT] [--storage URL] [--lexicons DIR]
  sentinelle analyze [--lexicons DIR] [--explain] [TEXT ...]
  sentinelle lexicon check [DIR]
  sentinelle --version | --help

serve     start the webhook server (defaults: 127.0.0.1:8080, sqlite:var/sentinelle.db,
          lexicons/fr); prints "listening on http://HOST:PORT" once ready
analyze   analyse each TEXT, or each line of standard input, and print one JSON analysis
          per text, one per line, in order (score, label, flags, topics; --explain adds
          the matched lexicon entries and the rules applied)
lexicon   check: compile every lexicon file of DIR (default lexicons/fr) and print each
          problem as FILE:LINE: message; exit 1 if there is any
)";

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string_view> args(argv + 1, argv + argc);
  if (args.empty()) {
    std::cerr << usage;
    return 2;
  }
  const std::string_view command = args[0];
  const std::span<const std::string_view> rest(args.begin() + 1, args.end());
  if (command == "--version" || command == "version") {
    std::cout << "sentinelle " << sentinelle::version << "\n";
    return 0;
  }
  if (command == "--help" || command == "-h" || command == "help") {
    std::cout << usage;
    return 0;
  }
  if (command == "serve") {
    return sentinelle::run_serve_command(rest);
  }
  if (command == "analyze") {
    return sentinelle::run_analyze_command(rest);
  }
  if (command == "lexicon") {
    return sentinelle::run_lexicon_command(rest);
  }
  std::cerr << "sentinelle: unknown command '" << command << "'\n" << usage;
  return 2;
}
