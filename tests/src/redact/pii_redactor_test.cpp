// Each kind of personal data in each layout customers type, and the redactor's API contract.
#include "redact/pii_redactor.hpp"

#include <gtest/gtest.h>

#include "redactor_fixture.hpp"

namespace sentinelle {
namespace {

using testing::redacted;
using testing::shared_redactor;

TEST(PiiRedactor, IssueVectorsIban) {
  EXPECT_EQ(redacted("FR76 3000 6000 0112 3456 7890 189"), "[IBAN]");
  EXPECT_EQ(redacted("FR14 2004 1010 0505 0001 3M02 606"), "[IBAN]");
  EXPECT_EQ(redacted("FR76 3000 6000 0112 3456 7890 188"), "[NUMERO]");  // checksum fails
}

TEST(PiiRedactor, IssueVectorsCards) {
  EXPECT_EQ(redacted("4111 1111 1111 1111"), "[CARTE]");
  EXPECT_EQ(redacted("5555555555554444"), "[CARTE]");
  EXPECT_EQ(redacted("378282246310005"), "[CARTE]");
}

TEST(PiiRedactor, IssueVectorsNir) {
  EXPECT_EQ(redacted("2 95 10 99 126 111 93"), "[NIR]");
  EXPECT_EQ(redacted("253072B07300470"), "[NIR]");
  EXPECT_EQ(redacted("253072A07300443"), "[NIR]");
  EXPECT_EQ(redacted("255081416802538"), "[NIR]");
}

TEST(PiiRedactor, IbanLayouts) {
  for (const char* iban :
       {"FR7630006000011234567890189", "fr76 3000 6000 0112 3456 7890 189",
        "FR76-3000-6000-0112-3456-7890-189", "FR76 30006 00001 12345678901 89",
        "FR76\u00a03000\u00a06000\u00a00112\u00a03456\u00a07890\u00a0189",
        "DE89 3704 0044 0532 0130 00", "GB29 NWBK 6016 1331 9268 19", "BE68 5390 0754 7034"}) {
    EXPECT_EQ(redacted(std::string("IBAN : ") + iban + " merci"), "IBAN : [IBAN] merci") << iban;
  }
}

TEST(PiiRedactor, IbanStopsBeforeTheWordsThatFollow) {
  EXPECT_EQ(redacted("BE68 5390 0754 7034 pour le remboursement"), "[IBAN] pour le remboursement");
  EXPECT_EQ(redacted("FR76 3000 6000 0112 3456 7890 188 pour info"), "[NUMERO] pour info");
  EXPECT_EQ(redacted("IBAN FR7630006000011234567890189, merci"), "IBAN [IBAN], merci");
}

TEST(PiiRedactor, IbanShapedReferenceOfUnknownCountryIsLeftToTheDigitRule) {
  EXPECT_EQ(redacted("dossier ZZ12 3456 7890 1234"), "dossier ZZ[NUMERO]");
}

TEST(PiiRedactor, CardLayoutsAndLuhnFailures) {
  EXPECT_EQ(redacted("carte 4111-1111-1111-1111 refusée"), "carte [CARTE] refusée");
  EXPECT_EQ(redacted("Amex 3782 822463 10005"), "Amex [CARTE]");
  EXPECT_EQ(redacted("carte 4111 1111 1111 1112 refusée"), "carte [NUMERO] refusée");
  EXPECT_EQ(redacted("4111111111111"), "[NUMERO]");  // 13 digits, Luhn fails
}

TEST(PiiRedactor, LuhnValidNumbersThatAreNotCardsAreNumbers) {
  // A SIRET passes Luhn but starts outside the bank-card industries (2-6).
  EXPECT_EQ(redacted("SIRET 73282932000074"), "SIRET [NUMERO]");
}

TEST(PiiRedactor, NirLayoutsAndWrongKeys) {
  EXPECT_EQ(redacted("sécu 2951099126111 93."), "sécu [NIR].");
  EXPECT_EQ(redacted("sécu 2.95.10.99.126.111.93"), "sécu [NIR]");
  EXPECT_EQ(redacted("NIR 2 53 07 2b 073 004 70"), "NIR [NIR]");
  EXPECT_EQ(redacted("sécu 2 95 10 99 126 111 94"), "sécu [NUMERO]");
  EXPECT_EQ(redacted("NIR 253072B07300471"), "NIR [NUMERO]");  // Corsican, wrong key
}

TEST(PiiRedactor, FrenchPhoneLayouts) {
  for (const char* phone :
       {"06 12 34 56 78", "06.12.34.56.78", "06-12-34-56-78", "0612345678", "01 23 45 67 89",
        "+33 6 12 34 56 78", "+33 (0)6 12 34 56 78", "+33(0)612345678", "0033 6 12 34 56 78",
        "+33612345678", "(+33) 6 12 34 56 78", "+33 06 12 34 56 78", "06 12 34 56 78",
        "06\u202f12\u202f34\u202f56\u202f78", "+33.6.12.34.56.78", "06 12 34 56 78",
        "06 123 456 78", "0 800 123 456", "06.12 34-56 78"}) {
    EXPECT_EQ(redacted(std::string("Rappelez-moi au ") + phone + ", merci"),
              "Rappelez-moi au [TELEPHONE], merci")
        << phone;
  }
  EXPECT_EQ(redacted("tel:0612345678"), "tel:[TELEPHONE]");
}

TEST(PiiRedactor, ForeignPhones) {
  EXPECT_EQ(redacted("joignable au +32 470 12 34 56 ce soir"), "joignable au [TELEPHONE] ce soir");
  EXPECT_EQ(redacted("joignable au +41 79 123 45 67"), "joignable au [TELEPHONE]");
  EXPECT_EQ(redacted("joignable au +44 7911 123456."), "joignable au [TELEPHONE].");
}

TEST(PiiRedactor, Emails) {
  EXPECT_EQ(redacted("mail: jean.dupont@gmail.com"), "mail: [EMAIL]");
  EXPECT_EQ(redacted("Écrivez à marie-claire.durand+sav@orange.fr."), "Écrivez à [EMAIL].");
  EXPECT_EQ(redacted("(JEAN.DUPONT@WANADOO.FR)"), "([EMAIL])");
  EXPECT_EQ(redacted("josé.martínez@correo.es svp"), "[EMAIL] svp");
  EXPECT_EQ(redacted("k.martin06123456@free.fr"), "[EMAIL]");  // digits inside stay inside
}

TEST(PiiRedactor, OtherLongNumbers) {
  EXPECT_EQ(redacted("client 123456789"), "client [NUMERO]");
  EXPECT_EQ(redacted("client 123 456 789"), "client [NUMERO]");
  EXPECT_EQ(redacted("colis 8R12345678901"), "colis 8R[NUMERO]");
  EXPECT_EQ(redacted("réf CMD-1234567890-A"), "réf CMD-[NUMERO]-A");
  EXPECT_EQ(redacted("adresse IP 192.168.100.254"), "adresse IP [NUMERO]");
}

TEST(PiiRedactor, SeveralKindsInOneVerbatim) {
  const std::string text =
      "Bonjour, je suis le client 123456789, joignable au 06 12 34 56 78 ou à "
      "jean@exemple.fr ; IBAN FR76 3000 6000 0112 3456 7890 189. Note 2/10 😡";
  redaction_counts counts;
  std::string out;
  EXPECT_TRUE(shared_redactor().redact(text, out, &counts));
  EXPECT_EQ(out,
            "Bonjour, je suis le client [NUMERO], joignable au [TELEPHONE] ou à [EMAIL] ; "
            "IBAN [IBAN]. Note 2/10 😡");
  EXPECT_EQ(counts.of(pii_kind::number), 1U);
  EXPECT_EQ(counts.of(pii_kind::telephone), 1U);
  EXPECT_EQ(counts.of(pii_kind::email), 1U);
  EXPECT_EQ(counts.of(pii_kind::iban), 1U);
  EXPECT_EQ(counts.total(), 4U);
}

TEST(PiiRedactor, FindGivesInputOffsets) {
  const std::string text = "mail a@b.fr, tel 0612345678, client 123456789";
  const auto found = shared_redactor().find(text);
  ASSERT_EQ(found.size(), 3U);
  EXPECT_EQ(text.substr(found[0].begin, found[0].end - found[0].begin), "a@b.fr");
  EXPECT_EQ(found[0].kind, pii_kind::email);
  EXPECT_EQ(text.substr(found[1].begin, found[1].end - found[1].begin), "0612345678");
  EXPECT_EQ(found[1].kind, pii_kind::telephone);
  EXPECT_EQ(text.substr(found[2].begin, found[2].end - found[2].begin), "123456789");
  EXPECT_EQ(found[2].kind, pii_kind::number);
}

TEST(PiiRedactor, NothingToRedactReturnsFalseAndTheSameText) {
  std::string out = "stale";
  redaction_counts counts;
  counts.by_kind[0] = 7;
  EXPECT_FALSE(shared_redactor().redact("Très bon accueil, 10/10 !", out, &counts));
  EXPECT_EQ(out, "Très bon accueil, 10/10 !");
  EXPECT_EQ(counts.total(), 0U);
  EXPECT_FALSE(shared_redactor().redact("", out));
  EXPECT_EQ(out, "");
}

TEST(PiiRedactor, InPlaceAndAliasedOutput) {
  std::string text = "tel 06 12 34 56 78";
  EXPECT_TRUE(shared_redactor().redact_in_place(text));
  EXPECT_EQ(text, "tel [TELEPHONE]");
  EXPECT_FALSE(shared_redactor().redact_in_place(text));
  std::string same = "tel 0612345678 et pas 8/10";
  EXPECT_TRUE(shared_redactor().redact(same, same));
  EXPECT_EQ(same, "tel [TELEPHONE] et pas 8/10");
  std::string untouched = "rien 8/10";
  EXPECT_FALSE(shared_redactor().redact(untouched, untouched));
  EXPECT_EQ(untouched, "rien 8/10");
}

}  // namespace
}  // namespace sentinelle
