#include "normalize/normalizer.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unicode/unistr.h>

#include <random>

#include "../test_lexicons.hpp"

namespace sentinelle {
namespace {

using ::testing::ElementsAre;

class NormalizerTest : public ::testing::Test {
 protected:
  std::vector<std::string> forms(std::string_view text) {
    EXPECT_FALSE(rules().normalize(text, normalized_, cache_)) << text;
    std::vector<std::string> result;
    for (std::size_t i = 0; i < normalized_.tokens.size(); ++i) {
      result.emplace_back(normalized_.form(i));
    }
    return result;
  }
  const token& at(std::size_t index) const { return normalized_.tokens.at(index); }
  const normalizer& rules() { return lexicon_->text_normalizer(); }

  std::unique_ptr<lexicon> lexicon_ = testing::rules_lexicon();
  normalized_text normalized_;
  fold_cache cache_;
};

TEST_F(NormalizerTest, FoldsCaseAndAccents) {
  EXPECT_THAT(forms("Très DÉÇU, ça Ira"), ElementsAre("tres", "decu", ",", "ca", "ira"));
  EXPECT_THAT(forms("chef-d'œuvre ﬁnal"), ElementsAre("chef", "de", "oeuvre", "final"));
}

TEST_F(NormalizerTest, MapsTokensBackToOriginalByteOffsets) {
  const std::string text = "Très déçu";
  forms(text);
  EXPECT_EQ(text.substr(at(0).begin, at(0).end - at(0).begin), "Très");
  EXPECT_EQ(text.substr(at(1).begin, at(1).end - at(1).begin), "déçu");
  EXPECT_EQ(at(1).begin, 6U);
  EXPECT_EQ(at(1).end, 12U);
}

// Found by tests/fuzz (normalizer): marks with no letter made a token of nothing, which split
// "pas du tout"; and NFKC spells U+FDFA as four words, which made a form holding spaces.
TEST_F(NormalizerTest, EveryFormIsOneNonEmptyWord) {
  EXPECT_THAT(forms("pas \u0301 du tout"), ElementsAre("pas", "du", "tout"));
  const std::vector<std::string> ligature = forms("\uFDFA ok");
  ASSERT_EQ(ligature.size(), 2U);
  EXPECT_EQ(ligature[0].find(' '), std::string::npos) << ligature[0];
  EXPECT_THAT(forms("a \uFE70 b"), ElementsAre("a", "b"));  // a space and a mark: nothing
}

// The scorer reads a punctuation token's one character (scorer.cpp, punct_mark): every
// punctuation run, ASCII or not, must fold to a one-byte form.
TEST_F(NormalizerTest, PunctuationFormsAreOneByte) {
  forms("Bon. Nul !!! Vraiment ?! Bof... Pff\u2026 Ah ; oui, non : (si) [non] 8/10 \u00A1Ole! \u00BFQue?");
  std::size_t marks = 0;
  for (const token& t : normalized_.tokens) {
    if (t.kind == token_kind::punct) {
      ++marks;
      EXPECT_EQ(t.form_length, 1U) << normalized_.joined.substr(t.form_begin, t.form_length);
    }
  }
  EXPECT_GE(marks, 14U);
}

TEST_F(NormalizerTest, SplitsAndExpandsElisions) {
  EXPECT_THAT(forms("l'attente qu'il jusqu'à aujourd'hui"),
              ElementsAre("le", "attente", "que", "il", "jusque", "a", "aujourd'hui"));
  EXPECT_THAT(forms("J’ai n’importe c‘est"), ElementsAre("je", "ai", "ne", "importe", "ce", "est"));
  EXPECT_THAT(forms("lorsqu'on puisqu'elle d'un m'a t'es s'il"),
              ElementsAre("lorsque", "on", "puisque", "elle", "de", "un", "me", "a", "te", "es",
                          "se", "il"));
}

TEST_F(NormalizerTest, ElisionOffsetsCoverTheApostrophe) {
  const std::string text = "l’attente";
  forms(text);
  EXPECT_EQ(text.substr(at(0).begin, at(0).end - at(0).begin), "l’");
  EXPECT_EQ(text.substr(at(1).begin), "attente");
}

TEST_F(NormalizerTest, CollapsesElongationsAndMarksThem) {
  EXPECT_THAT(forms("nuuuuul trooop"), ElementsAre("nul", "trop"));
  EXPECT_TRUE(at(0).elongated);
  EXPECT_TRUE(at(1).elongated);
  EXPECT_THAT(forms("cooool"), ElementsAre("cool"));  // the lexicon knows "cool", not "col"
  EXPECT_THAT(forms("1000 créée"), ElementsAre("1000", "creee"));
  EXPECT_FALSE(at(0).elongated);
  EXPECT_FALSE(at(1).elongated);
  EXPECT_THAT(forms("déçuuuu"), ElementsAre("decu"));
}

TEST_F(NormalizerTest, RecordsCapitalsAndExclamations) {
  forms("C'est NUL !!!");
  EXPECT_FALSE(at(0).all_caps);
  EXPECT_TRUE(at(2).all_caps);
  EXPECT_EQ(normalized_.form(3), "!");
  EXPECT_EQ(at(3).repeat, 3);
  EXPECT_FALSE(normalized_.all_caps_text);
  forms("C'EST NUL");
  EXPECT_TRUE(normalized_.all_caps_text);
  EXPECT_THAT(forms("quoi ?! bon..."), ElementsAre("quoi", "!", "bon", "."));
}

TEST_F(NormalizerTest, ExpandsSmsSpellingsFromTheLexiconFile) {
  EXPECT_THAT(forms("jai tjrs rien pk"), ElementsAre("je", "ai", "toujours", "rien", "pourquoi"));
  EXPECT_EQ(at(0).begin, at(1).begin);  // both forms point at "jai"
  EXPECT_EQ(at(1).end, 3U);
}

TEST_F(NormalizerTest, KeepsEmojisAndEmoticonsAsTokens) {
  EXPECT_THAT(forms("😡😡😡 merci 👍🏽 :( <3 ^^ :-)"),
              ElementsAre("😡", "merci", "👍", ":(", "<3", "^^", ":-)"));
  EXPECT_EQ(at(0).kind, token_kind::emoji);
  EXPECT_TRUE(at(0).elongated);
  EXPECT_EQ(at(3).kind, token_kind::emoticon);
  EXPECT_THAT(forms("👨‍👩‍👧 ❤️"), ElementsAre("👨", "❤"));
}

TEST_F(NormalizerTest, DoesNotSeeEmoticonsInUrlsOrTimes) {
  EXPECT_THAT(forms("http://x.fr à 10:(30"), ::testing::Not(::testing::Contains(":(")));
  EXPECT_THAT(forms("http://x.fr"), ::testing::Not(::testing::Contains(":/")));
}

TEST_F(NormalizerTest, KeepsRatingsAsNumbers) {
  EXPECT_THAT(forms("8/10 mais"), ElementsAre("8", "/", "10", "mais"));
  EXPECT_EQ(at(0).kind, token_kind::number);
}

TEST_F(NormalizerTest, RejectsInvalidUtf8WithItsOffset) {
  const auto invalid = rules().normalize("bon\xff", normalized_, cache_);
  ASSERT_TRUE(invalid.has_value());
  EXPECT_EQ(*invalid, 3U);
  EXPECT_TRUE(normalized_.tokens.empty());
}

TEST_F(NormalizerTest, SurvivesOddInput) {
  EXPECT_THAT(forms(std::string_view("a\0b", 3)), ElementsAre("a", "b"));
  EXPECT_THAT(forms(""), ElementsAre());
  EXPECT_THAT(forms("   \t "), ElementsAre());
  EXPECT_THAT(forms("Привет مرحبا 你好 bon"), ElementsAre("привет", "مرحبا", "你好", "bon"));
  EXPECT_EQ(forms(std::string(100000, 'a')).size(), 1U);
  EXPECT_THAT(forms("'''---,,,"), ElementsAre(",", ",", ","));
}

TEST_F(NormalizerTest, PlainWordsKeepOffsetsCapitalsAndKinds) {
  EXPECT_THAT(forms("L'ÉTÉ ça coûte TRÈS cher, 1000€ Œuvre"),
              ElementsAre("le", "ete", "ca", "coute", "tres", "cher", ",", "1000", "oeuvre"));
  EXPECT_EQ(at(1).begin, 2U);
  EXPECT_EQ(at(1).end, 7U);
  EXPECT_TRUE(at(1).all_caps);
  EXPECT_FALSE(at(2).all_caps);
  EXPECT_EQ(at(3).begin, 12U);
  EXPECT_EQ(at(3).end, 18U);
  EXPECT_TRUE(at(4).all_caps);
  EXPECT_EQ(at(7).kind, token_kind::number);
  EXPECT_EQ(at(8).begin, at(7).end + 4);  // after the euro sign and a space
}

// A cache keeps what one normalizer found about each word (its vocabulary id): used by another
// normalizer, or after the first is gone and another took its address, it must start afresh.
TEST(FoldCache, ServesOneNormalizerAtATime) {
  fold_cache shared;
  normalized_text text;
  const auto french = testing::french_lexicon();
  const auto rules = testing::rules_lexicon();
  for (const lexicon* lex : {french.get(), rules.get(), french.get()}) {
    const normalizer& n = lex->text_normalizer();
    ASSERT_FALSE(n.normalize("déçu très déçu", text, shared));
    ASSERT_EQ(text.tokens.size(), 3U);
    EXPECT_EQ(text.tokens[0].form_id, n.form_id("decu"));
    EXPECT_EQ(text.tokens[1].form_id, n.form_id("tres"));
  }
  for (int i = 0; i < 3; ++i) {  // lexicons loaded one after the other, maybe at one address
    const auto again = i % 2 == 0 ? testing::rules_lexicon() : testing::french_lexicon();
    const normalizer& n = again->text_normalizer();
    ASSERT_FALSE(n.normalize("déçu", text, shared));
    EXPECT_EQ(text.tokens[0].form_id, n.form_id("decu"));
  }
}

std::string utf8_of(UChar32 c) {
  std::string utf8;
  icu::UnicodeString(c).toUTF8String(utf8);
  return utf8;
}

// fold_plain_word folds most words without ICU: whenever it takes a word, it must fold it
// exactly as fold_cache::fold does (byte-wise for ASCII, ICU otherwise). Words drawn from ASCII
// letters and digits and from every character of two UTF-8 bytes, letters or not, with and
// without stretched letters.
TEST(PlainWordFolder, AgreesWithTheGeneralFold) {
  std::vector<std::string> ascii;
  for (char c = 'a'; c <= 'z'; ++c) {
    ascii.emplace_back(1, c);
    ascii.emplace_back(1, static_cast<char>(c - 'a' + 'A'));
  }
  for (char c = '0'; c <= '9'; ++c) {
    ascii.emplace_back(1, c);
  }
  std::vector<std::string> two_bytes;
  for (UChar32 c = 0x80; c < 0x800; ++c) {
    two_bytes.push_back(utf8_of(c));
  }
  std::vector<std::string> words = {"eee", "été", "ÉTÉ", "ééé", "Ééé", "eéé", "Œuvre", "straße"};
  for (const std::string& c : two_bytes) {
    words.insert(words.end(), {c, c + c, c + c + c, "a" + c + "b", "AB" + c});
  }
  std::mt19937 random(42);
  for (int i = 0; i < 50000; ++i) {
    std::string word;
    for (std::size_t n = 1 + random() % 20; n > 0; --n) {
      const bool latin = random() % 3 == 0;
      word += latin ? two_bytes[random() % 0x1D0 + 0x40] : ascii[random() % ascii.size()];
    }
    words.push_back(word);
  }
  for (int i = 0; i < 20000; ++i) {  // ASCII only, with stretches now and then
    std::string word;
    for (std::size_t n = 1 + random() % 18; n > 0; --n) {
      word += ascii[random() % ascii.size()];
      if (random() % 8 == 0) {
        word += word.back();
      }
    }
    words.push_back(word);
  }
  fold_cache cache;
  std::size_t taken = 0;
  // Each word alone, and followed by text: a word with 16 bytes to read takes a faster path.
  const std::string more = " and then 16 bytes or more";
  for (const std::string& word : words) {
    for (const std::string& text : {word, word + " x", word + ",", word + "'s", word + more,
                                    word + "," + more, word + "'s" + more, word + "\xC3\xA9" + more}) {
      std::string form = "prefix ";
      plain_word plain;
      if (!fold_plain_word(text, form, plain)) {
        EXPECT_EQ(form, "prefix ") << text;
        continue;
      }
      ++taken;
      const folded_word& reference = cache.fold(std::string_view(text).substr(0, plain.length), {});
      EXPECT_EQ(form, "prefix " + reference.form) << text;
      EXPECT_EQ(plain.all_caps, reference.all_caps) << text;
      EXPECT_EQ(plain.has_lowercase, reference.has_lowercase) << text;
      EXPECT_FALSE(reference.elongated) << text;
      EXPECT_NE(text[plain.length - 1], '\'') << text;
    }
  }
  EXPECT_GT(taken, 100000U);
}

}  // namespace
}  // namespace sentinelle
