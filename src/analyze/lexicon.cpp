#include "analyze/lexicon.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <unordered_map>

#include "util/string_hash.hpp"

namespace sentinelle {
namespace {

bool is_ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// ":-)", "^^", "<3", ":D": short ASCII patterns that start with a symbol. The normalizer must
// keep them whole, so they are registered with it before any pattern is normalized.
bool is_emoticon(std::string_view pattern) {
  if (pattern.size() < 2 || pattern.size() > 6 || is_ascii_alnum(pattern.front())) {
    return false;
  }
  return std::all_of(pattern.begin(), pattern.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte > 0x20 && byte < 0x80;
  });
}

std::vector<std::filesystem::path> lexicon_files(const std::filesystem::path& directory) {
  std::vector<std::filesystem::path> files;
  for (const auto& item : std::filesystem::directory_iterator(directory)) {
    if (item.is_regular_file() && item.path().extension() == ".lex") {
      files.push_back(item.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string join_forms(const std::vector<std::string>& forms) {
  std::string joined;
  for (const std::string& form : forms) {
    joined += (joined.empty() ? "" : " ") + form;
  }
  return joined;
}

}  // namespace

namespace {

std::string format_weight(double weight) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", weight);
  return buffer;
}

}  // namespace

// Turns parsed lines into the compiled lexicon; collects every problem before giving up, so
// `lexicon check` can report them all at once.
class lexicon::builder {
 public:
  builder(lexicon& target, std::vector<lexicon_problem>& problems, lexicon_options options)
      : lexicon_(target), problems_(problems), options_(options) {}

  void read_directory(const std::filesystem::path& directory) {
    std::error_code error;
    if (!std::filesystem::is_directory(directory, error)) {
      problems_.push_back({"", 0, "not a lexicon directory"});
      return;
    }
    const auto files = lexicon_files(directory);
    if (files.empty()) {
      problems_.push_back({"", 0, "no .lex file in this directory"});
    }
    std::vector<lexicon_entry> parsed;
    for (const auto& file : files) {
      read_lex_file(file, parsed);
    }
    lexicon_.file_count_ = files.size();
    register_emoticons(parsed);
    if (const auto sms = directory / "sms.map"; std::filesystem::exists(sms)) {
      read_sms_file(sms);
      ++lexicon_.file_count_;
    }
    for (lexicon_entry& entry : parsed) {
      add_entry(std::move(entry));
    }
  }

  void compile() {
    mark_self_negated();
    set_vocabulary();
    build_indexes();
  }

 private:
  void problem(const std::string& source, std::string message) {
    const auto colon = source.rfind(':');
    problems_.push_back(
        {source.substr(0, colon), std::stoi(source.substr(colon + 1)), std::move(message)});
  }

  template <typename LineHandler>
  void read_lines(const std::filesystem::path& file, LineHandler handle) {
    std::ifstream input(file, std::ios::binary);
    if (!input) {
      problems_.push_back({file.filename().string(), 0, "cannot read this file"});
      return;
    }
    std::string line;
    for (int number = 1; std::getline(input, line); ++number) {
      handle(line, number);
    }
  }

  void read_lex_file(const std::filesystem::path& file, std::vector<lexicon_entry>& parsed) {
    lexicon_file_parser parser(file.filename().string());
    read_lines(file, [&](const std::string& line, int number) {
      parser.parse_line(line, number, parsed, problems_);
    });
  }

  void read_sms_file(const std::filesystem::path& file) {
    const std::string name = file.filename().string();
    string_map<int> seen;
    read_lines(file, [&](const std::string& raw, int number) {
      const std::string_view line = trim(raw);
      if (line.empty() || line.front() == '#') {
        return;
      }
      std::string key;
      std::string replacement;
      std::string error;
      if (!parse_sms_line(line, key, replacement, error)) {
        problems_.push_back({name, number, error});
        return;
      }
      const auto forms = lexicon_.normalizer_.forms(key);
      if (forms.size() != 1) {
        problems_.push_back({name, number, "'" + key + "' is not a single token"});
        return;
      }
      if (const auto [at, fresh] = seen.emplace(forms[0], number); !fresh) {
        problems_.push_back({name, number, "duplicate of line " + std::to_string(at->second)});
        return;
      }
      lexicon_.normalizer_.add_sms_spelling(forms[0], replacement);
    });
  }

  void register_emoticons(const std::vector<lexicon_entry>& parsed) {
    for (const lexicon_entry& entry : parsed) {
      if (is_emoticon(entry.pattern)) {
        lexicon_.normalizer_.add_emoticon(entry.pattern);
      }
    }
  }

  // What normalize_pattern made of one parsed line.
  struct prepared_entry {
    std::string error;              // "bad pattern: …"; empty when the pattern is good
    std::unique_ptr<RE2> locator;  // a `re:` entry's, compiled once (build_indexes uses it)
  };

  // Normalizes the pattern into forms; `word*` keeps a trailing '*' on its last form.
  prepared_entry normalize_pattern(lexicon_entry& entry) const {
    const std::string_view pattern = entry.pattern;
    if (pattern.starts_with("re:")) {
      entry.kind = pattern_kind::regex;
      entry.regex = std::string(pattern.substr(3));
      // Compiled here as build_indexes will use it: compiling each expression twice (to check
      // it, then as its locator) was an eighth of the start's instructions (callgrind).
      auto locator = std::make_unique<RE2>(entry_regex(entry), regex_options());
      if (!locator->ok()) {
        const RE2 as_written(entry.regex, RE2::Quiet);  // its error names the expression as written
        return {"bad pattern: " + (as_written.ok() ? locator->error() : as_written.error()), {}};
      }
      return {{}, std::move(locator)};
    }
    std::size_t at = 0;
    while (at < pattern.size()) {
      const auto start = pattern.find_first_not_of(' ', at);
      if (start == std::string_view::npos) {
        break;
      }
      const auto end = std::min(pattern.find(' ', start), pattern.size());
      std::string_view word = pattern.substr(start, end - start);
      const bool prefix = word.size() > 1 && word.back() == '*';
      if (prefix) {
        word.remove_suffix(1);
        entry.kind = pattern_kind::prefix;
      }
      if (word.find('*') != std::string_view::npos) {
        return {"bad pattern: '*' only ends a word", {}};
      }
      auto forms = lexicon_.normalizer_.forms(word);
      if (prefix && (forms.empty() || forms.back().size() < 3)) {
        return {"bad pattern: a prefix needs at least 3 letters before '*'", {}};
      }
      if (prefix) {
        forms.back() += '*';
      }
      entry.forms.insert(entry.forms.end(), forms.begin(), forms.end());
      at = end;
    }
    if (entry.forms.empty()) {
      return {"bad pattern: nothing to match once normalized", {}};
    }
    return {};
  }

  std::string entry_key(const lexicon_entry& entry) const {
    return entry.kind == pattern_kind::regex ? "re:" + entry.regex : join_forms(entry.forms);
  }

  void add_entry(lexicon_entry entry) {
    prepared_entry prepared = normalize_pattern(entry);
    if (!prepared.error.empty()) {
      problem(entry.source, std::move(prepared.error));
      return;
    }
    if (prepared.locator) {
      compiled_.emplace(prepared.locator->pattern(), std::move(prepared.locator));
    }
    const std::string key = entry_key(entry);
    const auto [at, fresh] = index_by_key_.emplace(key, lexicon_.entries_.size());
    if (fresh) {
      lexicon_.entries_.push_back(std::move(entry));
      return;
    }
    merge_into(lexicon_.entries_[at->second], entry);
  }

  // The same pattern twice: tags add up, but two weights or two identical lines are mistakes.
  void merge_into(lexicon_entry& first, const lexicon_entry& again) {
    if (first.weight != 0.0 && again.weight != 0.0 && first.weight != again.weight) {
      problem(again.source, "conflicting weights for '" + again.pattern +
                                "': " + format_weight(again.weight) + " here, " +
                                format_weight(first.weight) + " at " + first.source);
      return;
    }
    if (again.weight == first.weight && again.flags == first.flags &&
        again.topics == first.topics && again.negator == first.negator &&
        again.intensifier == first.intensifier && again.contrast == first.contrast) {
      problem(again.source, "duplicate of '" + first.pattern + "' at " + first.source);
      return;
    }
    if (first.weight == 0.0) {
      first.weight = again.weight;
    }
    first.flags |= again.flags;
    for (const std::uint8_t topic : again.topics) {
      if (std::find(first.topics.begin(), first.topics.end(), topic) == first.topics.end()) {
        first.topics.push_back(topic);
      }
    }
    first.negator = first.negator || again.negator;
    first.contrast = first.contrast || again.contrast;
    if (again.intensifier) {
      first.intensifier = true;
      first.applies_after = again.applies_after;
      first.multiplier = again.multiplier;
    }
  }

  void mark_self_negated() {
    string_set negators;
    for (const lexicon_entry& entry : lexicon_.entries_) {
      if (entry.negator && entry.forms.size() == 1) {
        negators.insert(entry.forms[0]);
      }
    }
    for (lexicon_entry& entry : lexicon_.entries_) {
      entry.self_negated = !entry.negator && entry.forms.size() > 1 &&
                           std::any_of(entry.forms.begin(), entry.forms.end(),
                                       [&](const std::string& f) { return negators.contains(f); });
    }
  }

  // Every literal form gets a vocabulary id: the normalizer stamps it on each token, so the
  // exact-match table is indexed by integers, and elongations collapse towards known words.
  void set_vocabulary() {
    form_table ids;
    std::vector<std::string> vocabulary;
    for (lexicon_entry& entry : lexicon_.entries_) {
      if (entry.kind != pattern_kind::literal) {
        continue;
      }
      for (const std::string& form : entry.forms) {
        std::uint32_t& id = ids[form];
        if (id == form_table::absent) {
          id = static_cast<std::uint32_t>(vocabulary.size());
          vocabulary.push_back(form);
        }
        entry.form_ids.push_back(id);
      }
    }
    lexicon_.normalizer_.set_vocabulary(vocabulary);
    singles_.resize(vocabulary.size());
    phrases_by_start_.resize(vocabulary.size());
  }

  void index_literal(std::uint32_t index) {
    const std::vector<std::uint32_t>& ids = lexicon_.entries_[index].form_ids;
    if (ids.size() == 1) {
      singles_[ids[0]].push_back(index);
    } else {
      phrases_by_start_[ids[0]][ids[1]].push_back(index);
    }
  }

  // Lays the literal index out flat, in the order the nested one had (entries by index).
  void flatten_literals() {
    std::size_t pairs = 0;
    for (const auto& starts : phrases_by_start_) {
      pairs += starts.size();
    }
    std::size_t slots = 16;
    while (slots < 2 * pairs) {
      slots *= 2;
    }
    lexicon_.phrase_starts_.assign(slots, {});
    lexicon_.first_words_.resize(singles_.size());
    for (std::uint32_t id = 0; id < singles_.size(); ++id) {
      lexicon::first_word& word = lexicon_.first_words_[id];
      word.singles = static_cast<std::uint32_t>(lexicon_.single_entries_.size());
      word.single_count = static_cast<std::uint32_t>(singles_[id].size());
      lexicon_.single_entries_.insert(lexicon_.single_entries_.end(), singles_[id].begin(),
                                      singles_[id].end());
      word.starts_phrases = !phrases_by_start_[id].empty();
      for (const auto& [second, indexes] : phrases_by_start_[id]) {
        std::size_t at = lexicon::pair_hash(id, second) & (slots - 1);
        while (lexicon_.phrase_starts_[at].count != 0) {
          at = (at + 1) & (slots - 1);
        }
        lexicon_.phrase_starts_[at] = {id, second,
                                       static_cast<std::uint32_t>(lexicon_.phrase_entries_.size()),
                                       static_cast<std::uint32_t>(indexes.size())};
        for (const std::uint32_t index : indexes) {
          const std::vector<std::uint32_t>& ids = lexicon_.entries_[index].form_ids;
          lexicon_.phrase_entries_.push_back(
              {index, static_cast<std::uint32_t>(lexicon_.phrase_ids_.size()),
               static_cast<std::uint32_t>(ids.size())});
          lexicon_.phrase_ids_.insert(lexicon_.phrase_ids_.end(), ids.begin(), ids.end());
        }
      }
    }
    singles_.clear();
    phrases_by_start_.clear();
  }

  static std::string entry_regex(const lexicon_entry& entry) {
    if (entry.kind == pattern_kind::regex) {
      return " (?:" + entry.regex + ") ";
    }
    std::string regex = " ";
    for (const std::string& form : entry.forms) {
      if (form.back() == '*') {
        regex += RE2::QuoteMeta(std::string_view(form).substr(0, form.size() - 1)) + "[^ ]* ";
      } else {
        regex += RE2::QuoteMeta(form) + " ";
      }
    }
    return regex;
  }

  // Errors are reported as FILE:LINE problems, not also logged by re2 on stderr.
  static RE2::Options regex_options() {
    RE2::Options options;
    options.set_max_mem(256 << 20);
    options.set_log_errors(false);
    return options;
  }

  // The locator normalize_pattern compiled for `regex`, or a new one.
  std::unique_ptr<RE2> take_locator(const std::string& regex) {
    const auto found = compiled_.find(regex);
    if (found == compiled_.end()) {
      return std::make_unique<RE2>(regex, regex_options());
    }
    std::unique_ptr<RE2> locator = std::move(found->second);
    compiled_.erase(found);
    return locator;
  }

  void build_indexes() {
    auto set = std::make_unique<RE2::Set>(regex_options(), RE2::UNANCHORED);
    for (std::uint32_t index = 0; index < lexicon_.entries_.size(); ++index) {
      const lexicon_entry& entry = lexicon_.entries_[index];
      if (entry.kind == pattern_kind::literal && !options_.literals_as_regex) {
        index_literal(index);
        continue;
      }
      if (entry.kind == pattern_kind::prefix && entry.forms.size() == 1 &&
          !options_.literals_as_regex) {
        const std::string& form = entry.forms[0];
        lexicon_.prefixes_.add(std::string_view(form).substr(0, form.size() - 1), index);
        continue;
      }
      const std::string regex = entry_regex(entry);
      std::string error;
      if (set->Add(regex, &error) < 0) {
        problem(entry.source, "bad pattern: " + error);
        continue;
      }
      lexicon_.regex_entries_.push_back(index);
      lexicon_.regex_locators_.push_back(take_locator(regex));
    }
    flatten_literals();
    if (lexicon_.regex_entries_.empty()) {
      return;
    }
    if (!set->Compile()) {
      problems_.push_back({"", 0, "the patterns do not fit in re2's memory budget"});
      return;
    }
    lexicon_.regex_set_ = std::move(set);
  }

  lexicon& lexicon_;
  std::vector<lexicon_problem>& problems_;
  lexicon_options options_;
  std::map<std::string, std::size_t> index_by_key_;
  // Each `re:` expression's locator, compiled when its line was checked, by its set pattern.
  std::unordered_map<std::string, std::unique_ptr<RE2>> compiled_;
  // The literal index while it is built, by the vocabulary id of the first form: one-word
  // entries, and longer ones by their second form's id.
  std::vector<std::vector<std::uint32_t>> singles_;
  std::vector<std::map<std::uint32_t, std::vector<std::uint32_t>>> phrases_by_start_;
};

std::unique_ptr<lexicon> lexicon::load(const std::filesystem::path& directory,
                                       std::vector<lexicon_problem>& problems,
                                       lexicon_options options) {
  auto result = std::unique_ptr<lexicon>(new lexicon());
  builder build(*result, problems, options);
  build.read_directory(directory);
  if (problems.empty()) {
    build.compile();
  }
  if (!problems.empty()) {
    return nullptr;
  }
  return result;
}

void lexicon::find_matches(const normalized_text& text, std::vector<lexicon_match>& out) const {
  find_literal_matches(text, out);
  if (!prefixes_.empty()) {
    for (std::size_t i = 0; i < text.tokens.size(); ++i) {
      prefixes_.for_each_match(text.form(i), [&](std::uint32_t entry) {
        out.push_back({entry, static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i + 1)});
      });
    }
  }
  if (regex_set_) {
    find_regex_matches(text, out);
  }
}

const lexicon::phrase_start* lexicon::find_phrase_start(std::uint32_t first,
                                                        std::uint32_t second) const {
  if (second >= first_words_.size()) {
    return nullptr;  // not a vocabulary word
  }
  const std::size_t mask = phrase_starts_.size() - 1;
  for (std::size_t at = pair_hash(first, second) & mask;; at = (at + 1) & mask) {
    const phrase_start& start = phrase_starts_[at];
    if (start.count == 0) {
      return nullptr;
    }
    if (start.first == first && start.second == second) {
      return &start;
    }
  }
}

void lexicon::find_literal_matches(const normalized_text& text,
                                   std::vector<lexicon_match>& out) const {
  const std::size_t count = text.tokens.size();
  for (std::size_t first = 0; first < count; ++first) {
    const std::uint32_t id = text.tokens[first].form_id;
    if (id >= first_words_.size()) {
      continue;  // not a vocabulary word
    }
    const first_word& word = first_words_[id];
    for (std::uint32_t k = 0; k < word.single_count; ++k) {
      out.push_back({single_entries_[word.singles + k], static_cast<std::uint32_t>(first),
                     static_cast<std::uint32_t>(first + 1)});
    }
    if (!word.starts_phrases || first + 1 >= count) {
      continue;
    }
    const phrase_start* at = find_phrase_start(id, text.tokens[first + 1].form_id);
    if (at == nullptr) {
      continue;
    }
    for (std::uint32_t p = at->begin; p < at->begin + at->count; ++p) {
      const phrase_entry& phrase = phrase_entries_[p];
      if (first + phrase.length > count) {
        continue;
      }
      const std::uint32_t* ids = phrase_ids_.data() + phrase.ids;
      bool whole = true;
      for (std::size_t k = 2; k < phrase.length && whole; ++k) {
        whole = text.tokens[first + k].form_id == ids[k];
      }
      if (whole) {
        out.push_back({phrase.entry, static_cast<std::uint32_t>(first),
                       static_cast<std::uint32_t>(first + phrase.length)});
      }
    }
  }
}

// The set says which entries occur; each one's own RE2 then finds where (overlaps included).
// A match starts and ends on the spaces around forms, so it maps to whole tokens.
void lexicon::find_regex_matches(const normalized_text& text,
                                 std::vector<lexicon_match>& out) const {
  std::vector<int> hits;
  RE2::Set::ErrorInfo error{};
  if (!regex_set_->Match(text.joined, &hits, &error)) {
    if (error.kind == RE2::Set::kNoError) {
      return;  // nothing matched
    }
    // The set's DFA ran out of memory on this text: ask every entry, slower but complete.
    hits.resize(regex_locators_.size());
    for (std::size_t i = 0; i < hits.size(); ++i) {
      hits[i] = static_cast<int>(i);
    }
  }
  const std::string_view joined = text.joined;
  const auto token_at = [&](std::size_t form_begin) {
    const auto it =
        std::lower_bound(text.tokens.begin(), text.tokens.end(), form_begin,
                         [](const token& t, std::size_t offset) { return t.form_begin < offset; });
    return static_cast<std::uint32_t>(it - text.tokens.begin());
  };
  for (const int hit : hits) {
    const RE2& locator = *regex_locators_[static_cast<std::size_t>(hit)];
    std::size_t from = 0;
    re2::StringPiece found;  // this re2 release predates std::string_view in its API
    while (from < joined.size() &&
           locator.Match(text.joined, from, joined.size(), RE2::UNANCHORED, &found, 1)) {
      const auto begin = static_cast<std::size_t>(found.data() - joined.data());
      const std::size_t end = begin + found.size();
      out.push_back(
          {regex_entries_[static_cast<std::size_t>(hit)], token_at(begin + 1), token_at(end)});
      from = begin + 1;
    }
  }
}

}  // namespace sentinelle
