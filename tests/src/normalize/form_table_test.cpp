#include "normalize/form_table.hpp"

#include <gtest/gtest.h>

#include <random>
#include <set>
#include <string>

namespace sentinelle {
namespace {

// Forms of every length around the 8 bytes kept in a slot, with shared prefixes and suffixes
// (the slot key of a short form packs its bytes; a long one is compared in the arena).
std::set<std::string> random_forms(std::size_t count, std::mt19937& random) {
  std::set<std::string> forms;
  while (forms.size() < count) {
    std::string form;
    for (std::size_t n = 1 + random() % 24; n > 0; --n) {
      form.push_back(static_cast<char>('a' + random() % 3));  // few letters: many near misses
    }
    forms.insert(form);
  }
  return forms;
}

TEST(FormTable, FindsEveryFormItHoldsAndNoOther) {
  std::mt19937 random(7);
  const std::set<std::string> held = random_forms(20000, random);
  form_table table;
  std::uint32_t value = 0;
  for (const std::string& form : held) {
    table[form] = value++;
  }
  EXPECT_EQ(table.size(), held.size());
  value = 0;
  for (const std::string& form : held) {  // the table grew many times: every form still found
    EXPECT_EQ(table.find(form), value++) << form;
    EXPECT_EQ(table[form], table.find(form)) << form;  // no second insertion
  }
  EXPECT_EQ(table.size(), held.size());
  for (const std::string& other : random_forms(20000, random)) {
    if (held.count(other) == 0) {
      EXPECT_EQ(table.find(other), form_table::absent) << other;
    }
  }
}

TEST(FormTable, TellsApartFormsThatDifferInOneByteOrInLength) {
  form_table table;
  const std::vector<std::string> forms = {"a",        "aa",        "ab",       "ba",
                                          "abcdefgh", "abcdefgi",  "bbcdefgh", "abcdefghi",
                                          "abcdefghj", "abcdefgh ", std::string(300, 'x'),
                                          std::string(301, 'x')};
  for (std::uint32_t i = 0; i < forms.size(); ++i) {
    table[forms[i]] = i;
  }
  for (std::uint32_t i = 0; i < forms.size(); ++i) {
    EXPECT_EQ(table.find(forms[i]), i) << forms[i];
  }
  EXPECT_EQ(table.find("b"), form_table::absent);
  EXPECT_EQ(table.find("abcdefg"), form_table::absent);
  EXPECT_EQ(table.find(std::string(299, 'x')), form_table::absent);
}

}  // namespace
}  // namespace sentinelle
