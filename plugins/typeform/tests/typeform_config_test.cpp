// [plugins.typeform]: every key declared once, unknown keys and bad values refused at start.
#include <gtest/gtest.h>

#include "plugin_harness.hpp"
#include "typeform_test_support.hpp"

namespace sentinelle {
namespace {

using plugin_testing::plugin_harness;
using typeform_testing::secret;

TEST(TypeformConfig, NeedsOnlyTheSecret) {
  EXPECT_EQ(plugin_harness().create("typeform", {{"secret", std::string(secret)}}), "");
}

TEST(TypeformConfig, TakesEveryDocumentedKey) {
  EXPECT_EQ(plugin_harness().create("typeform", {{"secret", std::string(secret)},
                                                 {"nps", std::string("recommandation")},
                                                 {"csat", std::string("satisfaction")},
                                                 {"ces", std::string("effort")},
                                                 {"comment", std::string("pourquoi")},
                                                 {"channel", std::string("voice")},
                                                 {"hidden.agent_id", std::string("conseiller")},
                                                 {"hidden.team_id", std::string("equipe")},
                                                 {"hidden.queue", std::string("file")},
                                                 {"hidden.customer_id", std::string("client")},
                                                 {"hidden.interaction_id", std::string("appel")},
                                                 {"hidden.channel", std::string("canal")},
                                                 {"hidden.touchpoint", std::string("parcours")},
                                                 {"hidden.language", std::string("langue")}}),
            "");
}

TEST(TypeformConfig, RefusesAMissingOrEmptySecret) {
  EXPECT_EQ(plugin_harness().create("typeform", {{"nps", std::string("recommandation")}}),
            "plugins.typeform.secret: required");
  EXPECT_EQ(plugin_harness().create("typeform", {{"secret", std::string()}}),
            "plugins.typeform.secret: must not be empty");
}

TEST(TypeformConfig, RefusesUnknownKeysAndWrongTypes) {
  EXPECT_EQ(plugin_harness().create("typeform", {{"secret", std::string(secret)},
                                                 {"nsp", std::string("recommandation")}}),
            "plugins.typeform.nsp: unknown key");
  EXPECT_EQ(plugin_harness().create("typeform", {{"secret", std::string(secret)},
                                                 {"hidden.agent", std::string("conseiller")}}),
            "plugins.typeform.hidden.agent: unknown key");
  EXPECT_EQ(plugin_harness().create("typeform", {{"secret", std::int64_t{42}}}),
            "plugins.typeform.secret: expects a string, got an integer");
  EXPECT_EQ(plugin_harness().create("typeform", {{"secret", std::string(secret)}, {"nps", true}}),
            "plugins.typeform.nps: expects a string, got true or false");
}

TEST(TypeformConfig, RefusesAChannelTheContractDoesNotKnow) {
  EXPECT_EQ(plugin_harness().create("typeform", {{"secret", std::string(secret)},
                                                 {"channel", std::string("telephone")}}),
            "plugins.typeform.channel: must be one of voice, chat, email, social, sms, store, "
            "other");
}

}  // namespace
}  // namespace sentinelle
