// Micro-benchmarks of normalization, lexicon matching and the whole analysis, on a synthetic
// corpus of customer-service French written for the benchmark (never the evaluation data).
#include <benchmark/benchmark.h>

#include <iostream>
#include <string>
#include <vector>

#include "analyze/analyzer.hpp"

namespace {

using namespace sentinelle;

const std::vector<std::string>& corpus() {
  static const std::vector<std::string> texts = [] {
    const std::vector<std::string> base = {
        "Bonjour, j'ai attendu 45 minutes au téléphone et la conseillère m'a raccroché au nez.",
        "Très bon accueil, conseiller aimable et efficace, problème réglé en cinq minutes !",
        "8/10 mais je vais résilier si ma facture n'est pas corrigée avant la fin du mois.",
        "colis tjrs pas livré, 3e fois que j'appelle, c'est NUUUUL 😡😡",
        "Livraison rapide, produit conforme, rien à redire. Je recommande vivement.",
        "Le réseau coupe sans arrêt depuis une semaine et personne ne me rappelle.",
        "pas mal du tout, mais l'application plante encore quand je veux payer",
        "Remboursement reçu après deux mois de relances, franchement inadmissible.",
        "Merci à Julie pour sa patience ^^ service au top",
        "Je ne suis pas satisfait : frais cachés, prélèvement abusif et aucune réponse.",
    };
    std::vector<std::string> repeated;
    for (int i = 0; i < 100; ++i) {
      repeated.insert(repeated.end(), base.begin(), base.end());
    }
    return repeated;
  }();
  return texts;
}

std::size_t corpus_bytes() {
  std::size_t bytes = 0;
  for (const auto& text : corpus()) {
    bytes += text.size();
  }
  return bytes;
}

const analyzer& shared_analyzer() {
  static const analyzer engine = [] {
    std::vector<lexicon_problem> problems;
    auto lex = lexicon::load(SENTINELLE_LEXICONS, problems);
    if (!lex) {
      for (const auto& problem : problems) {
        std::cerr << problem.to_string() << "\n";
      }
      std::abort();
    }
    return analyzer(std::move(lex));
  }();
  return engine;
}

void BM_normalize(benchmark::State& state) {
  const normalizer& rules = shared_analyzer().lexicon_in_use().text_normalizer();
  normalized_text out;
  fold_cache cache;
  for (auto _ : state) {
    for (const auto& text : corpus()) {
      benchmark::DoNotOptimize(rules.normalize(text, out, cache));
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * corpus_bytes()));
}
BENCHMARK(BM_normalize);

void BM_match(benchmark::State& state) {
  const lexicon& lex = shared_analyzer().lexicon_in_use();
  std::vector<normalized_text> normalized(corpus().size());
  fold_cache cache;
  for (std::size_t i = 0; i < corpus().size(); ++i) {
    lex.text_normalizer().normalize(corpus()[i], normalized[i], cache);
  }
  std::vector<lexicon_match> matches;
  for (auto _ : state) {
    for (const auto& text : normalized) {
      matches.clear();
      lex.find_matches(text, matches);
      benchmark::DoNotOptimize(matches.data());
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * corpus_bytes()));
}
BENCHMARK(BM_match);

void BM_analyze(benchmark::State& state) {
  analyzer_workspace workspace;
  analysis result;
  std::string json;
  for (auto _ : state) {
    for (const auto& text : corpus()) {
      shared_analyzer().analyze(text, workspace, result);
      json.clear();
      append_analysis_json(result, text, shared_analyzer().lexicon_in_use(),
                           analysis_detail::summary, json);
      benchmark::DoNotOptimize(json.data());
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * corpus_bytes()));
}
BENCHMARK(BM_analyze);

}  // namespace

BENCHMARK_MAIN();
