// [plugins.formbricks]: every key declared once, unknown keys and bad values refused at start.
#include <gtest/gtest.h>

#include "formbricks_test_support.hpp"
#include "plugin_harness.hpp"

namespace sentinelle {
namespace {

using formbricks_testing::secret;
using plugin_testing::plugin_harness;

TEST(FormbricksConfig, NeedsOnlyTheSecretWithOrWithoutItsPrefix) {
  EXPECT_EQ(plugin_harness().create("formbricks", {{"secret", std::string(secret)}}), "");
  EXPECT_EQ(plugin_harness().create("formbricks", {{"secret", std::string(secret).substr(6)}}), "");
}

TEST(FormbricksConfig, TakesEveryDocumentedKey) {
  EXPECT_EQ(plugin_harness().create("formbricks", {{"secret", std::string(secret)},
                                                   {"nps", std::string("k3x9aa1nps")},
                                                   {"csat", std::string("p8q2bb2sat")},
                                                   {"ces", std::string("f6w1cc3eff")},
                                                   {"comment", std::string("m4z7dd4txt")},
                                                   {"channel", std::string("email")},
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

TEST(FormbricksConfig, RefusesAMissingOrMalformedSecret) {
  EXPECT_EQ(plugin_harness().create("formbricks", {{"nps", std::string("q1")}}),
            "plugins.formbricks.secret: required");
  const std::string malformed =
      plugin_harness().create("formbricks", {{"secret", std::string("whsec_pas du base64!")}});
  EXPECT_EQ(malformed.rfind("plugins.formbricks.secret: ", 0), 0U) << malformed;
  EXPECT_EQ(malformed.find("pas du base64"), std::string::npos);  // never quotes the secret
  EXPECT_EQ(plugin_harness().create("formbricks", {{"secret", std::string("whsec_")}}),
            "plugins.formbricks.secret: secret is empty");
}

TEST(FormbricksConfig, RefusesUnknownKeysWrongTypesAndUnknownChannels) {
  EXPECT_EQ(plugin_harness().create("formbricks", {{"secret", std::string(secret)},
                                                   {"commentaire", std::string("q9")}}),
            "plugins.formbricks.commentaire: unknown key");
  EXPECT_EQ(plugin_harness().create("formbricks",
                                    {{"secret", std::string(secret)}, {"ces", std::int64_t{7}}}),
            "plugins.formbricks.ces: expects a string, got an integer");
  EXPECT_EQ(plugin_harness().create(
                "formbricks", {{"secret", std::string(secret)}, {"channel", std::string("web")}}),
            "plugins.formbricks.channel: must be one of voice, chat, email, social, sms, store, "
            "other");
}

}  // namespace
}  // namespace sentinelle
