// Throughput of PII redaction (src/redact) on verbatims written for the benchmark: without any
// digit or '@' (the fast path), with harmless numbers (dates, prices, scores), and with
// personal data in every sentence.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "redact/pii_redactor.hpp"

namespace {

using namespace sentinelle;

std::vector<std::string> repeated(const std::vector<std::string>& base) {
  std::vector<std::string> texts;
  for (int i = 0; i < 100; ++i) {
    texts.insert(texts.end(), base.begin(), base.end());
  }
  return texts;
}

const std::vector<std::string>& words_only() {
  static const auto texts = repeated({
      "Bonjour, la conseillère a été très patiente et mon problème est enfin réglé, merci !",
      "Livraison en retard, aucun SMS de suivi et le livreur a laissé le colis devant la porte.",
      "service client injoignable, musique d'attente insupportable, je vais résilier c'est sûr",
      "Très bon accueil en boutique, explications claires sur le forfait. Je recommande.",
      "On me promet un rappel depuis des semaines et personne ne rappelle jamais 😡😡",
      "L'application plante dès que je veux payer, c'est vraiment pénible à la longue.",
  });
  return texts;
}

const std::vector<std::string>& harmless_numbers() {
  static const auto texts = repeated({
      "Commande 482913 livrée le 12/03/2024 au lieu du 05/03/2024, je mets 4/10.",
      "J'ai payé 49,99 € puis 1 299,00 € le mois suivant, remboursement attendu depuis 3 semaines.",
      "Attente de 45 minutes au téléphone, 3 fois de suite, de 9h à 12h30.",
      "Le technicien est venu le 01.02.2024 12:30 au lieu de 10:00, ticket 12345678.",
      "Forfait 100 Go à 19,99 €/mois depuis 2019, facture du 2024-03-12 à 24,99 €.",
      "Note 8/10, livraison en 2 jours, emballage soigné.",
  });
  return texts;
}

const std::vector<std::string>& with_pii() {
  static const auto texts = repeated({
      "Merci de me rappeler au 06 12 34 56 78 entre 9h et 12h, je ne suis pas joignable après.",
      "Je n'ai jamais reçu la facture sur mon adresse jean.dupont@gmail.com, pouvez-vous la "
      "renvoyer ?",
      "Remboursement toujours pas reçu. Je vous redonne mon IBAN : FR76 3000 6000 0112 3456 7890 "
      "189",
      "On m'a débité deux fois 49,99 € sur ma carte 4111 1111 1111 1111, je veux un "
      "remboursement.",
      "Pour la mutuelle, mon numéro de sécurité sociale est le 2 95 10 99 126 111 93.",
      "Mon numéro client est le 123456789, joignable au +33 (0)6 12 34 56 78 ou à "
      "marie@orange.fr.",
  });
  return texts;
}

std::size_t bytes_of(const std::vector<std::string>& texts) {
  std::size_t bytes = 0;
  for (const auto& text : texts) {
    bytes += text.size();
  }
  return bytes;
}

const pii_redactor& shared_redactor() {
  static const std::unique_ptr<pii_redactor> redactor = [] {
    std::string error;
    auto created = pii_redactor::create(error);
    if (!created) {
      std::cerr << error << "\n";
      std::abort();
    }
    return created;
  }();
  return *redactor;
}

// redact(in, out): what a caller that keeps the original pays (one copy per text).
void run_redact(benchmark::State& state, const std::vector<std::string>& texts) {
  const pii_redactor& redactor = shared_redactor();
  std::string out;
  for (auto _ : state) {
    for (const auto& text : texts) {
      benchmark::DoNotOptimize(redactor.redact(text, out));
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes_of(texts)));
}

// redact_in_place: what the pipeline pays on texts without PII (no copy at all).
void run_in_place(benchmark::State& state, const std::vector<std::string>& texts) {
  const pii_redactor& redactor = shared_redactor();
  std::vector<std::string> copies = texts;
  for (auto _ : state) {
    for (auto& text : copies) {
      benchmark::DoNotOptimize(redactor.redact_in_place(text));
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes_of(texts)));
}

void BM_redact_words_only(benchmark::State& state) {
  run_redact(state, words_only());
}
void BM_redact_harmless_numbers(benchmark::State& state) {
  run_redact(state, harmless_numbers());
}
void BM_redact_with_pii(benchmark::State& state) {
  run_redact(state, with_pii());
}
void BM_redact_in_place_words_only(benchmark::State& state) {
  run_in_place(state, words_only());
}
void BM_redact_in_place_harmless_numbers(benchmark::State& state) {
  run_in_place(state, harmless_numbers());
}
BENCHMARK(BM_redact_words_only);
BENCHMARK(BM_redact_harmless_numbers);
BENCHMARK(BM_redact_with_pii);
BENCHMARK(BM_redact_in_place_words_only);
BENCHMARK(BM_redact_in_place_harmless_numbers);

}  // namespace

BENCHMARK_MAIN();
