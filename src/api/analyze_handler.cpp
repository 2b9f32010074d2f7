#include <simdjson.h>

#include "api/analysis_scratch.hpp"
#include "api/api_service.hpp"
#include "api/json_body.hpp"
#include "util/json_writer.hpp"

namespace sentinelle {
namespace {

constexpr std::size_t max_texts = 1000;

}  // namespace

// {"text": "…"} → one analysis object; {"texts": […]} → an array of them. `"explain": true`
// adds the matches. Nothing is stored.
void api_service::analyze_texts(const http_request& request, responder reply) const {
  if (auto denied = access_.check(request, {role::ingest})) {
    reply.send(std::move(*denied));
    return;
  }
  thread_local simdjson::dom::parser parser;
  simdjson::dom::object root;
  if (auto invalid = read_json_object(request, parser, root)) {
    reply.send(std::move(*invalid));
    return;
  }
  bool explain = false;
  if (root.at_key("explain").error() == simdjson::SUCCESS &&
      root["explain"].get(explain) != simdjson::SUCCESS) {
    reply.send(json_error(422, "invalid_event", "explain must be true or false"));
    return;
  }
  std::vector<std::string_view> texts;
  std::string_view single;
  simdjson::dom::array many;
  const bool one = root["text"].get(single) == simdjson::SUCCESS;
  if (!one && root["texts"].get(many) == simdjson::SUCCESS && many.size() <= max_texts) {
    for (const auto item : many) {
      std::string_view text;
      if (item.get(text) != simdjson::SUCCESS) {
        reply.send(json_error(422, "invalid_event", "texts must hold strings only"));
        return;
      }
      texts.push_back(text);
    }
  } else if (!one) {
    reply.send(json_error(422, "invalid_event",
                          "expected {\"text\": \"…\"} or {\"texts\": [up to 1000 strings]}"));
    return;
  } else {
    texts.push_back(single);
  }
  auto& [workspace, result] = thread_analysis_scratch();
  std::string body;
  if (!one) {
    body.push_back('[');
  }
  for (std::size_t i = 0; i < texts.size(); ++i) {
    analyzer_.analyze(texts[i], workspace, result);
    if (i > 0) {
      body.push_back(',');
    }
    append_analysis_json(result, texts[i], analyzer_.lexicon_in_use(),
                         explain ? analysis_detail::explain : analysis_detail::summary, body);
  }
  if (!one) {
    body.push_back(']');
  }
  reply.send(json_response(200, std::move(body)));
}

}  // namespace sentinelle
