#include "analyze/scorer.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>

namespace sentinelle {
namespace {

// Grammar words the negation rules must recognise by form; the lexicons say which words are
// negators, these say how French builds a negation around a verb.
constexpr std::string_view ne_form = "ne";
constexpr std::string_view plus_form = "plus";
constexpr std::array<std::string_view, 6> after_verb_negators{"pas",  "jamais", "plus",
                                                              "rien", "guere",  "nullement"};
constexpr std::array<std::string_view, 19> subject_pronouns{
    "je", "tu",   "il", "elle", "on", "nous", "vous", "ils", "elles", "ce",
    "ca", "cela", "me", "te",   "se", "lui",  "leur", "y",   "en"};

// Equality of short forms, inline: these tests run per token and per match, and
// std::string_view's == calls memcmp for each (callgrind on the 20 MB corpus).
bool same(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] != b[i]) {
      return false;
    }
  }
  return true;
}

template <std::size_t N>
bool is_one_of(const std::array<std::string_view, N>& words, std::string_view form) {
  return std::any_of(words.begin(), words.end(), [&](std::string_view w) { return same(w, form); });
}

constexpr std::size_t back_window = 3;
constexpr std::size_t forward_window = 2;

class match_scorer {
 public:
  match_scorer(const lexicon& lex, const normalized_text& text, const scoring_policy& policy,
               scoring_scratch& scratch, analysis& out)
      : entries_(lex.entries()),
        text_(text),
        policy_(policy),
        out_(out),
        owner_(scratch.owner),
        accepted_(scratch.accepted),
        tag_only_(scratch.tag_only),
        items_(scratch.items),
        bare_(scratch.bare_negations),
        scratch_(scratch) {
    owner_.assign(text.tokens.size(), -1);
    scratch.negator_used.assign(text.tokens.size(), 0);
    scratch.negator_applied.assign(text.tokens.size(), 0);
    accepted_.clear();
    tag_only_.clear();
    items_.clear();
    bare_.clear();
  }

  void run(std::vector<lexicon_match>& matches) {
    collect_topics(matches);
    select(matches);
    add_ratings();
    map_sentences();
    double sum = 0.0;
    for (scored& item : items_) {
      weigh(item);
      sum += item.weight;
    }
    sum += weigh_bare_negations();
    finish(sum);
  }

 private:
  using scored = scored_item;

  const lexicon_entry& entry_of(int owner) const {
    return entries_[accepted_[static_cast<std::size_t>(owner)].entry];
  }
  std::string_view form(std::size_t index) const { return text_.form(index); }
  // Punctuation forms are one character (normalizer): the kind is tested first, then that one.
  char punct_mark(std::size_t index) const {
    const token& t = text_.tokens[index];
    return t.kind == token_kind::punct ? text_.joined[t.form_begin] : '\0';
  }
  bool is_punct(std::size_t index) const {
    const char mark = punct_mark(index);
    return mark != '\0' && mark != '/';
  }
  bool is_sentence_end(std::size_t index) const {
    const char mark = punct_mark(index);
    return mark == '.' || mark == '!' || mark == '?';
  }

  void collect_topics(const std::vector<lexicon_match>& matches) {
    auto& seen = scratch_.topics_seen;
    seen.clear();
    for (const lexicon_match& m : matches) {
      for (const std::uint8_t topic : entries_[m.entry].topics) {
        seen.emplace_back(m.first, topic);
      }
    }
    std::sort(seen.begin(), seen.end());
    for (const auto& [position, topic] : seen) {
      if (std::find(out_.topics.begin(), out_.topics.end(), topic) == out_.topics.end()) {
        out_.topics.push_back(topic);
      }
    }
  }

  // Longer matches win: "pas mal" hides "pas" and "mal". Tag-only entries hide nothing.
  void select(std::vector<lexicon_match>& matches) {
    std::sort(matches.begin(), matches.end(), [](const lexicon_match& a, const lexicon_match& b) {
      const auto a_length = a.last - a.first;
      const auto b_length = b.last - b.first;
      if (a_length != b_length) {
        return a_length > b_length;
      }
      return a.first != b.first ? a.first < b.first : a.entry < b.entry;
    });
    for (const lexicon_match& m : matches) {
      const lexicon_entry& entry = entries_[m.entry];
      if (!entry.is_scoring()) {
        if (entry.flags != 0) {
          items_.push_back({m});
        } else {
          tag_only_.push_back(m);
        }
        continue;
      }
      const bool free = std::all_of(owner_.begin() + m.first, owner_.begin() + m.last,
                                    [](int owner) { return owner < 0; });
      if (!free) {
        continue;
      }
      const int index = static_cast<int>(accepted_.size());
      accepted_.push_back(m);
      std::fill(owner_.begin() + m.first, owner_.begin() + m.last, index);
      if (entry.weight != 0.0 || entry.flags != 0) {
        items_.push_back({m});
      }
    }
    std::sort(items_.begin(), items_.end(),
              [](const scored& a, const scored& b) { return a.match.first < b.match.first; });
  }

  // "2/10", "8 / 10", "4/5": a rating written in the text weighs by how high it is.
  void add_ratings() {
    const std::size_t count = text_.tokens.size();
    for (std::size_t i = 0; i + 2 < count; ++i) {
      if (text_.tokens[i].kind != token_kind::number || punct_mark(i + 1) != '/' ||
          text_.tokens[i + 2].kind != token_kind::number || form(i).size() > 3 ||
          form(i + 2).size() > 3) {
        continue;
      }
      const double value = std::stod(std::string(form(i)));
      const double scale = std::stod(std::string(form(i + 2)));
      if ((scale != 5 && scale != 10 && scale != 20 && scale != 100) || value > scale) {
        continue;
      }
      const double weight = std::clamp((value / scale - 0.6) * 7.5, -3.0, 3.0);
      scored item{{0, static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i + 3)}};
      item.weight = weight;
      item.rating = true;
      item.rules = rule_rating;
      items_.insert(std::upper_bound(items_.begin(), items_.end(), item,
                                     [](const scored& a, const scored& b) {
                                       return a.match.first < b.match.first;
                                     }),
                    item);
    }
  }

  bool has_ne_before(std::size_t index) const {
    for (std::size_t k = 0; k < 4 && index > 0; ++k) {
      --index;
      if (is_punct(index)) {
        return false;
      }
      if (same(form(index), ne_form)) {
        return true;
      }
    }
    return false;
  }

  bool pronoun_before(std::size_t first) const {
    for (std::size_t k = 1; k <= 2 && k <= first; ++k) {
      if (is_punct(first - k)) {
        return false;
      }
      if (is_one_of(subject_pronouns, form(first - k))) {
        return true;
      }
    }
    return false;
  }

  struct scope {
    bool negated = false;
    bool weakened = false;
    double negator_strength = 1.0;
    double intensity = 1.0;
    bool ne_before = false;
  };

  // Walks back over at most three words (a multi-word entry counts as one) inside the clause:
  // intensifiers multiply, a negator negates, another polarity word or a contrast ends the scope.
  scope look_back(std::size_t first) const {
    scope s;
    std::size_t steps = 0;
    std::size_t at = first;
    while (at > 0 && steps < back_window) {
      const std::size_t j = at - 1;
      if (is_punct(j)) {
        break;
      }
      ++steps;
      at = j;
      const int owner = owner_[j];
      if (owner < 0) {
        continue;
      }
      const lexicon_entry& entry = entry_of(owner);
      at = accepted_[static_cast<std::size_t>(owner)].first;
      if (entry.negator && scratch_.negator_used[at] != 0) {
        break;  // "ne regrettons pas ce repas délicieux": the "pas" belongs to the verb
      }
      if (entry.negator) {
        const std::string_view f = form(at);
        if (same(f, ne_form) && entry.forms.size() == 1) {
          s.ne_before = true;
          continue;
        }
        if (same(f, plus_form) && entry.forms.size() == 1 && !has_ne_before(at)) {
          continue;  // "plus" without "ne" means "more"
        }
        s.negated = true;
        s.weakened = s.intensity != 1.0;
        s.negator_strength = entry.multiplier;
        scratch_.negator_applied[at] = 1;
        break;
      }
      if (entry.contrast || entry.weight != 0.0) {
        break;
      }
      if (entry.intensifier && !entry.applies_after) {
        s.intensity *= entry.multiplier;
      }
    }
    return s;
  }

  // "je ne recommande pas", "j'aime pas": the negator follows the verb. Only after a "ne" or a
  // pronoun, so that "problème pas résolu" does not negate "problème".
  // Returns the negator's strength, or 0 when the word is not negated; marks the negator as
  // spent, so it does not negate the words after it too.
  double negated_after(std::size_t last, bool ne_before) {
    for (std::size_t k = last; k < text_.tokens.size() && k < last + forward_window; ++k) {
      if (is_punct(k)) {
        return 0.0;
      }
      const int owner = owner_[k];
      if (owner < 0 || !entry_of(owner).negator ||
          accepted_[static_cast<std::size_t>(owner)].first != k) {
        continue;  // not a negator, or inside one already seen ("pas du tout")
      }
      const std::string_view f = form(k);
      if (is_one_of(after_verb_negators, f) && (!same(f, plus_form) || ne_before)) {
        scratch_.negator_used[k] = 1;
        scratch_.negator_applied[k] = 1;
        return entry_of(owner).multiplier;
      }
    }
    return 0.0;
  }

  double intensifier_after(std::size_t last) const {
    for (std::size_t k = last; k < text_.tokens.size() && k < last + forward_window; ++k) {
      if (is_punct(k)) {
        break;
      }
      const int owner = owner_[k];
      if (owner >= 0 && entry_of(owner).intensifier && entry_of(owner).applies_after) {
        return entry_of(owner).multiplier;
      }
    }
    return 1.0;
  }

  void weigh(scored& item) {
    if (item.rating) {
      apply_context(item);
      return;
    }
    const lexicon_entry& entry = entries_[item.match.entry];
    double weight = entry.weight;
    scope s = look_back(item.match.first);
    if (!s.negated && !entry.self_negated && (s.ne_before || pronoun_before(item.match.first))) {
      const double strength = negated_after(item.match.last, s.ne_before);
      s.negated = strength > 0.0;
      s.negator_strength = s.negated ? strength : 1.0;
    }
    if (entry.self_negated) {
      s.negated = false;
    }
    if (s.negated && entry.flags != 0) {
      item.rules |= rule_negated_flag;  // "je ne vais pas résilier": no threat, no weight
      item.weight = 0.0;
      return;
    }
    out_.flags |= entry.flags;
    if (s.negated) {
      weight = negate(weight, s);
      item.rules |= rule_negated | (s.weakened ? rule_negation_weakened : 0U);
    } else if (s.intensity != 1.0) {
      weight *= s.intensity;
      item.rules |= rule_intensified;
    }
    if (const double after = intensifier_after(item.match.last); after != 1.0) {
      weight *= after;
      item.rules |= rule_intensified_after;
    }
    item.weight = weight * emphasis(item);
    apply_context(item);
  }

  // A complaint often negates a neutral verb ("je n'ai pas reçu", "personne ne répond"): each
  // negator that negated no lexicon word weighs a little, as a rule item of its own.
  double weigh_bare_negations() {
    double sum = 0.0;
    for (const lexicon_match& m : accepted_) {
      const lexicon_entry& entry = entries_[m.entry];
      if (!entry.negator || entry.forms.size() != 1 || entry.multiplier < 1.0 ||
          scratch_.negator_applied[m.first] != 0 || same(form(m.first), ne_form) ||
          (same(form(m.first), plus_form) && !has_ne_before(m.first))) {
        continue;
      }
      scored item{m};
      item.weight = policy_.bare_negation;
      item.rules = rule_bare_negation;
      bare_.push_back(item);
      sum += item.weight;
    }
    return sum;
  }

  double negate(double weight, const scope& s) const {
    if (s.weakened) {
      return -weight * policy_.weakened_negation;
    }
    const double factor = weight > 0 ? policy_.negated_positive : policy_.negated_negative;
    return -weight * factor * s.negator_strength;
  }

  double emphasis(scored& item) const {
    double factor = 1.0;
    bool capitals = !text_.all_caps_text;
    bool elongated = false;
    for (std::uint32_t k = item.match.first; k < item.match.last; ++k) {
      const token& t = text_.tokens[k];
      capitals = capitals && t.all_caps;
      elongated = elongated || t.elongated;
    }
    if (capitals) {
      factor *= policy_.capitals;
      item.rules |= rule_capitals;
    }
    if (elongated) {
      factor *= policy_.elongation;
      item.rules |= rule_elongated;
    }
    return factor;
  }

  // Sentence limits and contrast markers, computed once per text so each item's context is
  // found in constant time (long reviews hold hundreds of items).
  void map_sentences() {
    const std::size_t count = text_.tokens.size();
    auto& begins = scratch_.sentence_begin;
    auto& ends = scratch_.sentence_end;
    auto& contrasts = scratch_.contrasts_before;
    begins.resize(count);
    ends.resize(count);
    contrasts.resize(count + 1);
    std::uint32_t begin = 0;
    contrasts[0] = 0;
    for (std::size_t i = 0; i < count; ++i) {
      begins[i] = begin;
      if (is_sentence_end(i)) {
        begin = static_cast<std::uint32_t>(i + 1);
      }
      const int owner = owner_[i];
      const bool marker = owner >= 0 && entry_of(owner).contrast &&
                          accepted_[static_cast<std::size_t>(owner)].first == i;
      contrasts[i + 1] = contrasts[i] + (marker ? 1U : 0U);
    }
    auto end = static_cast<std::uint32_t>(count);
    for (std::size_t i = count; i-- > 0;) {
      if (is_sentence_end(i)) {
        end = static_cast<std::uint32_t>(i);
      }
      ends[i] = end;
    }
  }

  bool contrast_between(std::size_t from, std::size_t to) const {
    return from < to && scratch_.contrasts_before[to] > scratch_.contrasts_before[from];
  }

  // Contrast and the sentence's closing "!!!" both act on the whole sentence around the item.
  // In "bien mais trop cher", what follows the contrast weighs more and what precedes it less;
  // a sentence that opens on "mais" contrasts with the sentence before it.
  void apply_context(scored& item) {
    const std::size_t count = text_.tokens.size();
    const std::size_t begin = scratch_.sentence_begin[item.match.first];
    const std::size_t end = scratch_.sentence_end[item.match.last - 1];
    const bool next_opens_on_contrast = end + 1 < count && contrast_between(end + 1, end + 2);
    if (contrast_between(item.match.last, end) || next_opens_on_contrast) {
      item.weight *= policy_.before_contrast;
      item.rules |= rule_before_contrast;
    } else if (contrast_between(begin, item.match.first)) {
      item.weight *= policy_.after_contrast;
      item.rules |= rule_after_contrast;
    }
    if (end < count && punct_mark(end) == '!') {
      const double marks = std::min<double>(text_.tokens[end].repeat, 4);
      item.weight *= 1.0 + policy_.exclamation_step * marks;
      item.rules |= rule_exclamation;
    }
  }

  void finish(double sum) {
    double score = sum / std::sqrt(sum * sum + policy_.normalization_alpha);
    constexpr std::uint32_t urgent = (1U << 0) | (1U << 1);  // churn_risk, legal_threat
    if ((out_.flags & urgent) != 0) {
      score = std::min(score, policy_.urgent_flag_ceiling);
    }
    out_.score = score;
    out_.label = score <= policy_.negative_threshold   ? sentiment_label::negative
                 : score >= policy_.positive_threshold ? sentiment_label::positive
                                                       : sentiment_label::neutral;
    if (!scratch_.record_matches) {
      return;
    }
    for (const scored& item : items_) {
      push_match(item.match, item.weight, item.rules, item.rating);
    }
    for (const lexicon_match& m : accepted_) {
      const lexicon_entry& entry = entries_[m.entry];
      const bool bare = std::any_of(bare_.begin(), bare_.end(),
                                    [&](const scored& b) { return b.match.first == m.first; });
      if (entry.weight == 0.0 && entry.flags == 0 && !bare) {
        push_match(m, 0.0, 0, false);  // rule words: negators, intensifiers, contrast
      }
    }
    for (const scored& item : bare_) {
      push_match(item.match, item.weight, item.rules, false);
    }
    for (const lexicon_match& m : tag_only_) {
      push_match(m, 0.0, 0, false);
    }
    std::sort(out_.matches.begin(), out_.matches.end(),
              [](const scored_match& a, const scored_match& b) {
                return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
              });
  }

  void push_match(const lexicon_match& m, double weight, std::uint32_t rules, bool rating) {
    scored_match result;
    result.entry = m.entry;
    result.begin = text_.tokens[m.first].begin;
    result.end = text_.tokens[m.last - 1].end;
    result.weight = weight;
    result.rules = rules;
    result.rating = rating;
    out_.matches.push_back(result);
  }

  const std::vector<lexicon_entry>& entries_;
  const normalized_text& text_;
  const scoring_policy& policy_;
  analysis& out_;
  std::vector<int>& owner_;
  std::vector<lexicon_match>& accepted_;
  std::vector<lexicon_match>& tag_only_;
  std::vector<scored>& items_;
  std::vector<scored>& bare_;
  scoring_scratch& scratch_;
};

}  // namespace

void score_matches(const lexicon& lex, const normalized_text& text,
                   std::vector<lexicon_match>& matches, const scoring_policy& policy,
                   scoring_scratch& scratch, analysis& out) {
  match_scorer(lex, text, policy, scratch, out).run(matches);
}

}  // namespace sentinelle
