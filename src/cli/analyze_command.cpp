#include <algorithm>
#include <cstdio>
#include <iostream>
#include <thread>
#include <vector>

#include "cli/commands.hpp"
#include "cli/line_reader.hpp"
#include "cli/ordered_pool.hpp"
#include "util/json_writer.hpp"

namespace sentinelle {
namespace {

struct analyze_options {
  std::optional<std::string_view> lexicons;
  bool explain = false;
  std::vector<std::string_view> texts;
};

std::optional<analyze_options> parse_options(std::span<const std::string_view> args) {
  analyze_options options;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string_view arg = args[i];
    if (arg == "--explain") {
      options.explain = true;
    } else if (arg == "--lexicons" && i + 1 < args.size()) {
      options.lexicons = args[++i];
    } else if (arg.starts_with("--lexicons=")) {
      options.lexicons = arg.substr(11);
    } else if (arg == "--") {
      options.texts.insert(options.texts.end(), args.begin() + static_cast<long>(i) + 1,
                           args.end());
      break;
    } else if (arg.starts_with("--")) {
      std::cerr << "sentinelle analyze: unknown option '" << arg << "'\n"
                << "usage: sentinelle analyze [--lexicons DIR] [--explain] [TEXT ...]\n";
      return std::nullopt;
    } else {
      options.texts.push_back(arg);
    }
  }
  return options;
}

// Analyses one batch: one JSON line per input line, in order.
class batch_analyzer {
 public:
  batch_analyzer(const analyzer& engine, bool explain, std::size_t workers)
      : engine_(engine), explain_(explain), workspaces_(workers), results_(workers) {
    for (analyzer_workspace& workspace : workspaces_) {
      workspace.scoring.record_matches = explain;
    }
  }

  void analyze_line(std::string_view text, bool too_long, std::size_t worker, std::string& out) {
    if (too_long) {
      json_writer json(out);
      json.begin_object().key("error").begin_object();
      json.key("code")
          .value("line_too_long")
          .key("message")
          .value("line longer than " + std::to_string(line_reader::max_line_bytes) + " bytes");
      json.end_object().end_object();
    } else {
      analysis& result = results_[worker];
      engine_.analyze(text, workspaces_[worker], result);
      append_analysis_json(result, text, engine_.lexicon_in_use(),
                           explain_ ? analysis_detail::explain : analysis_detail::summary, out);
    }
    out.push_back('\n');
  }

  void analyze_batch(line_batch& batch, std::size_t worker) {
    for (const line_batch::line& line : batch.lines) {
      analyze_line(std::string_view(batch.text).substr(line.offset, line.length), line.too_long,
                   worker, batch.output);
    }
  }

 private:
  const analyzer& engine_;
  bool explain_;
  std::vector<analyzer_workspace> workspaces_;
  std::vector<analysis> results_;
};

void write_out(const std::string& text) {
  std::fwrite(text.data(), 1, text.size(), stdout);
}

int analyze_stdin(const analyzer& engine, bool explain) {
  const std::size_t workers = std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8);
  batch_analyzer batches(engine, explain, workers + 1);
  line_reader reader(stdin);
  auto first = std::make_unique<line_batch>();
  if (!reader.read_batch(*first)) {
    return 0;
  }
  auto second = std::make_unique<line_batch>();
  if (!reader.read_batch(*second)) {  // a small input: no threads needed
    batches.analyze_batch(*first, workers);
    write_out(first->output);
    return 0;
  }
  ordered_pool pool(
      workers, [&](line_batch& batch, std::size_t worker) { batches.analyze_batch(batch, worker); },
      [](const line_batch& batch) { write_out(batch.output); });
  pool.submit(std::move(first));
  pool.submit(std::move(second));
  for (;;) {
    auto next = std::make_unique<line_batch>();
    if (!reader.read_batch(*next)) {
      break;
    }
    pool.submit(std::move(next));
  }
  pool.finish();
  return 0;
}

}  // namespace

int run_analyze_command(std::span<const std::string_view> args) {
  const auto options = parse_options(args);
  if (!options) {
    return 2;
  }
  const auto engine = load_analyzer(resolve_lexicon_directory(options->lexicons));
  if (!engine) {
    return 2;
  }
  if (options->texts.empty()) {
    const int status = analyze_stdin(*engine, options->explain);
    return std::fflush(stdout) == 0 && !std::ferror(stdout) ? status : 1;
  }
  batch_analyzer batches(*engine, options->explain, 1);
  std::string out;
  for (const std::string_view text : options->texts) {
    batches.analyze_line(text, false, 0, out);
  }
  write_out(out);
  return std::fflush(stdout) == 0 ? 0 : 1;
}

}  // namespace sentinelle
