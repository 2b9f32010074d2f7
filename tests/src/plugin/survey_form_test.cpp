// What the survey-form plugins share (src/plugin/survey_form.hpp): their keys and the channel
// check, the scales and checks of an answer, and the hidden fields read into the dimensions.
#include "plugin/survey_form.hpp"

#include <gtest/gtest.h>

#include <string>

namespace sentinelle::survey_form {
namespace {

// A survey-form plugin's settings: the shared keys and its own.
struct acme_settings : settings {
  std::string secret;
};

bool read_acme(std::map<std::string, setting_value> values, acme_settings& out,
               std::string& error) {
  const plugin_settings table{"acme", std::move(values)};
  const auto all = keys<acme_settings>({{"secret", &acme_settings::secret, true}});
  return sentinelle::read_settings<acme_settings>(table, all, out, error) &&
         check_settings(table, out, error);
}

TEST(SurveyFormSettings, DeclaresThePluginsOwnKeysAndTheFormKeys) {
  acme_settings read;
  std::string error;
  ASSERT_TRUE(read_acme({{"secret", std::string("s")},
                         {"nps", std::string("recommandation")},
                         {"csat", std::string("satisfaction")},
                         {"ces", std::string("effort")},
                         {"comment", std::string("pourquoi")},
                         {"channel", std::string("voice")},
                         {"hidden.agent_id", std::string("conseiller")},
                         {"hidden.language", std::string("")}},
                        read, error))
      << error;
  EXPECT_EQ(read.secret, "s");
  EXPECT_EQ(read.nps, "recommandation");
  EXPECT_EQ(read.csat, "satisfaction");
  EXPECT_EQ(read.ces, "effort");
  EXPECT_EQ(read.comment, "pourquoi");
  EXPECT_EQ(read.channel, "voice");
  EXPECT_EQ(read.hidden_agent_id, "conseiller");
  EXPECT_EQ(read.hidden_team_id, "team_id");  // the default: the dimension's own name
  EXPECT_EQ(read.hidden_language, "");        // turned off
  EXPECT_EQ(keys<acme_settings>({}).size(), 13U);
}

TEST(SurveyFormSettings, RefusesUnknownKeysWrongTypesAndUnknownChannels) {
  acme_settings read;
  std::string error;
  EXPECT_FALSE(
      read_acme({{"secret", std::string("s")}, {"hidden.agent", std::string("x")}}, read, error));
  EXPECT_EQ(error, "plugins.acme.hidden.agent: unknown key");
  EXPECT_FALSE(read_acme({{"secret", std::string("s")}, {"hidden.queue", true}}, read, error));
  EXPECT_EQ(error, "plugins.acme.hidden.queue: expects a string, got true or false");
  EXPECT_FALSE(read_acme({{"nps", std::string("x")}}, read, error));
  EXPECT_EQ(error, "plugins.acme.secret: required");
  EXPECT_FALSE(
      read_acme({{"secret", std::string("s")}, {"channel", std::string("phone")}}, read, error));
  EXPECT_EQ(error,
            "plugins.acme.channel: must be one of voice, chat, email, social, sms, store, other");
}

TEST(SurveyFormSettings, TakesEveryCanonicalChannelOrNone) {
  for (const char* channel : {"", "voice", "chat", "email", "social", "sms", "store", "other"}) {
    acme_settings read;
    std::string error;
    EXPECT_TRUE(
        read_acme({{"secret", std::string("s")}, {"channel", std::string(channel)}}, read, error))
        << channel << ": " << error;
  }
}

TEST(SurveyFormRoles, NameTheirKeysAndTheirConfiguredQuestion) {
  settings form;
  form.csat = "satisfaction";
  std::string names;
  for (const role each : roles) {
    names.append(name_of(each)).append("=").append(configured(form, each)).append(";");
  }
  EXPECT_EQ(names, "nps=;csat=satisfaction;ces=;comment=;");
}

// Parses `json` once per test and reads `key` of it as the chosen answer.
class SurveyFormAnswers : public ::testing::Test {
 protected:
  chosen_answer answer(const std::string& json, bool named = true) {
    simdjson::dom::element root;
    EXPECT_EQ(parser_.parse(json).get(root), simdjson::SUCCESS) << json;
    return {root["value"], "answers[0].value", named};
  }

  void read(role wanted, const std::string& json, bool named = true) {
    read_answer(wanted, answer(json, named), "the field configured as", survey_, problems_);
  }

  simdjson::dom::parser parser_;
  event survey_;
  std::vector<payload_problem> problems_;
};

TEST_F(SurveyFormAnswers, ReadsScoresOnTheirScales) {
  read(nps, R"({"value": 0})");
  read(csat, R"({"value": 5})");
  read(ces, R"({"value": 7})");
  EXPECT_EQ(survey_.nps, 0);
  EXPECT_EQ(survey_.csat, 5);
  EXPECT_EQ(survey_.ces, 7);
  EXPECT_TRUE(problems_.empty());
  EXPECT_TRUE(has_answers(survey_));
}

TEST_F(SurveyFormAnswers, RefusesANamedScoreOffItsScale) {
  read(nps, R"({"value": 11})");
  read(csat, R"({"value": 0})");
  read(ces, R"({"value": 2.5})");
  read(nps, R"({"value": "7"})");
  read(nps, R"({"value": 18446744073709551615})");
  read(csat, R"({"other": 3})");
  ASSERT_EQ(problems_.size(), 6U);
  EXPECT_EQ(problems_[0].field, "answers[0].value");
  EXPECT_EQ(problems_[0].message, "must be an integer from 0 to 10 (the field configured as nps)");
  EXPECT_EQ(problems_[1].message, "must be an integer from 1 to 5 (the field configured as csat)");
  EXPECT_EQ(problems_[2].message, "must be an integer from 1 to 7 (the field configured as ces)");
  EXPECT_EQ(problems_[5].message, "must be an integer from 1 to 5 (the field configured as csat)");
  EXPECT_FALSE(has_answers(survey_));
}

TEST_F(SurveyFormAnswers, LeavesOutADetectedScoreThatDoesNotFit) {
  read(nps, R"({"value": 11})", false);
  read(csat, R"({"value": "bien"})", false);
  EXPECT_EQ(survey_.nps, std::nullopt);
  EXPECT_EQ(survey_.csat, std::nullopt);
  EXPECT_TRUE(problems_.empty());
}

TEST_F(SurveyFormAnswers, ReadsTheCommentAsText) {
  read(comment, R"({"value": "Attente interminable, je résilie."})", false);
  EXPECT_EQ(survey_.verbatim, "Attente interminable, je résilie.");
  EXPECT_TRUE(has_answers(survey_));
  read(comment, R"({"value": 3})", false);  // detected: a wrong guess, left out
  EXPECT_TRUE(problems_.empty());
  read(comment, R"({"value": 3})");
  ASSERT_EQ(problems_.size(), 1U);
  EXPECT_EQ(problems_[0].message, "must be a text answer (the field configured as comment)");
}

TEST_F(SurveyFormAnswers, RefusesACommentLongerThanTheCanonicalOneEvenDetected) {
  read(comment, R"({"value": ")" + std::string(max_comment, 'a') + R"("})", false);
  EXPECT_EQ(survey_.verbatim.size(), max_comment);
  survey_.verbatim.clear();
  read(comment, R"({"value": ")" + std::string(max_comment + 1, 'a') + R"("})", false);
  EXPECT_TRUE(survey_.verbatim.empty());
  ASSERT_EQ(problems_.size(), 1U);
  EXPECT_EQ(problems_[0].message, "is longer than 100000 bytes");
}

class SurveyFormHidden : public ::testing::Test {
 protected:
  void read(const std::string& json) {
    simdjson::dom::object values;
    ASSERT_EQ(parser_.parse(json).get(values), simdjson::SUCCESS) << json;
    read_hidden_fields({values, "response.hidden.", "must be a string"}, form_, survey_, problems_);
  }

  simdjson::dom::parser parser_;
  settings form_;
  event survey_;
  std::vector<payload_problem> problems_;
};

TEST_F(SurveyFormHidden, FillsEachDimensionFromItsHiddenField) {
  read(R"({"agent_id": "a-17", "team_id": "t-3", "queue": "facturation", "customer_id": "c-9",
           "interaction_id": "call-1", "channel": "voice", "touchpoint": "apres-appel",
           "language": "fr", "other": "ignored"})");
  EXPECT_TRUE(problems_.empty());
  EXPECT_EQ(survey_.agent_id, "a-17");
  EXPECT_EQ(survey_.team_id, "t-3");
  EXPECT_EQ(survey_.queue, "facturation");
  EXPECT_EQ(survey_.customer_id, "c-9");
  EXPECT_EQ(survey_.interaction_id, "call-1");
  EXPECT_EQ(survey_.channel, "voice");
  EXPECT_EQ(survey_.touchpoint, "apres-appel");
  EXPECT_EQ(survey_.language, "fr");
}

TEST_F(SurveyFormHidden, ReadsTheNamesTheSettingsGive) {
  form_.hidden_agent_id = "conseiller";
  form_.hidden_queue = "";  // turned off
  read(R"({"agent_id": "a-1", "conseiller": "a-2", "queue": "q", "team_id": null})");
  EXPECT_TRUE(problems_.empty());
  EXPECT_EQ(survey_.agent_id, "a-2");
  EXPECT_EQ(survey_.queue, "");
  EXPECT_EQ(survey_.team_id, "");
}

TEST_F(SurveyFormHidden, RefusesAValueThatIsNoDimension) {
  read(R"({"agent_id": 17, "team_id": ")" + std::string(max_dimension + 1, 't') +
       R"(", "queue": ")" + std::string(max_dimension, 'q') + R"("})");
  ASSERT_EQ(problems_.size(), 2U);
  EXPECT_EQ(problems_[0].field, "response.hidden.agent_id");
  EXPECT_EQ(problems_[0].message, "must be a string");
  EXPECT_EQ(problems_[1].field, "response.hidden.team_id");
  EXPECT_EQ(problems_[1].message, "is longer than 256 bytes");
  EXPECT_EQ(survey_.queue.size(), max_dimension);
}

TEST(SurveyFormChannel, KeepsAKnownChannelAndSettlesTheOthers) {
  settings form;
  form.channel = "email";
  event survey;
  settle_channel(form, survey);
  EXPECT_EQ(survey.channel, "email");  // none given: the configured default
  survey.channel = "telephone";
  settle_channel(form, survey);
  EXPECT_EQ(survey.channel, "other");  // the respondent's own word: kept, as "other"
  survey.channel = "sms";
  settle_channel(form, survey);
  EXPECT_EQ(survey.channel, "sms");
  event unsaid;
  settle_channel(settings{}, unsaid);
  EXPECT_EQ(unsaid.channel, "");  // no default configured: left unset
}

}  // namespace
}  // namespace sentinelle::survey_form
