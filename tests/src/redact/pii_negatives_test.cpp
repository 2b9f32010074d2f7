// What must survive redaction: the numbers customers write that identify no one.
#include <gtest/gtest.h>

#include "redactor_fixture.hpp"

namespace sentinelle {
namespace {

using testing::shared_redactor;

void expect_untouched(const char* text) {
  std::string out;
  EXPECT_FALSE(shared_redactor().redact(text, out)) << text << " → " << out;
}

TEST(PiiNegatives, DatesAndTimes) {
  for (const char* text :
       {"livré le 12/03/2024 à 14h30", "le 12.03.2024", "le 2024-03-12", "le 12-03-2024",
        "rdv le 01.02.2024 12:30", "coupure le 12.03.2024 14.30", "le 2024-03-12 10:15",
        "rdv du 05 03 2024 14 30 annulé", "du 01/02/2024 au 15/02/2024", "de 9h à 18h",
        "le 3 mars 2024 vers 10:15", "entre 2019 et 2024", "le 01-02-2024 10h"}) {
    expect_untouched(text);
  }
}

TEST(PiiNegatives, PricesScoresAndCounts) {
  for (const char* text :
       {"49,99 €", "1 299,99 € puis 2 500 €", "19,99 €/mois", "9.99 €", "8/10", "note 2/5",
        "3 fois", "2 heures", "45 minutes d'attente", "payé 1\u202f299 €", "20 % de remise",
        "3 x 20 €", "24h/24 et 7j/7", "1er appel, 2e appel, 10e appel", "100 Go à 15,99 €",
        "12 500 000 € de chiffre"}) {
    expect_untouched(text);
  }
}

TEST(PiiNegatives, ShortIdentifiersAndAddresses) {
  for (const char* text :
       {"commande n° 482913", "commandes 482913 et 593024", "ticket 12345678",
        "12 rue des Lilas, 75011 Paris", "appelé le 3900 puis le 39 49", "version 16.5.1",
        "code promo NOEL2024", "forfait 4G/5G", "colis 2 sur 3", "CMD-2024-4829", "FR76 seulement",
        "ma box 12345 678"}) {
    expect_untouched(text);
  }
}

TEST(PiiNegatives, ThingsThatOnlyLookLikeEmails) {
  for (const char* text : {"@SNCF_Connect aidez-moi", "jean@localhost", "email : jean @ free",
                           "prix @ 20 €", "RT @Orange: panne"}) {
    expect_untouched(text);
  }
}

TEST(PiiNegatives, ShortNumbersNextToAPhoneStayAndThePhoneGoes) {
  std::string out;
  shared_redactor().redact("appelé 3 fois, 2 heures d'attente, rappel au 06 12 34 56 78", out);
  EXPECT_EQ(out, "appelé 3 fois, 2 heures d'attente, rappel au [TELEPHONE]");
}

}  // namespace
}  // namespace sentinelle
