#include "plugin/hook_body.hpp"

#include <optional>

#include "util/json_writer.hpp"
#include "util/utf8.hpp"

namespace sentinelle {
namespace {

// The body as JSON in `root`, or the answer that refuses it; the checks in the order the
// platforms' documentation promises them (README.md of each plugin, "What it accepts").
std::optional<http_response> read_json_body(const http_request& request,
                                            const json_body_rules& rules,
                                            simdjson::dom::parser& parser,
                                            simdjson::dom::element& root) {
  const auto content_type = request.header("Content-Type");
  if ((content_type || !rules.content_type_optional) &&
      media_type(content_type.value_or("")) != "application/json") {
    return json_error(415, "unsupported_media_type", rules.wrong_media_type);
  }
  if (const auto invalid = find_invalid_utf8(request.body)) {
    return json_error(400, "invalid_utf8",
                      "the body is not valid UTF-8 (byte " + std::to_string(*invalid) + ")");
  }
  if (parser.parse(request.body.data(), request.body.size()).get(root) != simdjson::SUCCESS) {
    return json_error(400, "invalid_json", "the body is not JSON");
  }
  if (!rules.not_an_object.empty() && !root.is_object()) {
    return json_error(422, "invalid_event", rules.not_an_object);
  }
  return std::nullopt;
}

// The 422's details: [{"field": …, "message": …}, …].
std::string details_json(const std::vector<payload_problem>& problems) {
  std::string out;
  json_writer json(out);
  json.begin_array();
  for (const payload_problem& problem : problems) {
    json.begin_object().key("field").value(problem.field);
    json.key("message").value(problem.message).end_object();
  }
  json.end_array();
  return out;
}

}  // namespace

void hand_off_json_body(plugin_context& context, const http_request& request, responder reply,
                        const json_body_rules& rules, const payload_mapping& map) {
  // One parser per thread, shared by the plugins: it reuses its buffers (STYLE.md: simdjson),
  // and a route reads one body at a time.
  thread_local simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (auto unreadable = read_json_body(request, rules, parser, root)) {
    refuse(context.stats, reply, std::move(*unreadable));
    return;
  }
  mapped_payload mapped = map(root);
  if (!mapped.problems.empty()) {
    refuse(context.stats, reply,
           json_error(422, "invalid_event", mapped.refusal, details_json(mapped.problems)));
    return;
  }
  submit(context, std::move(mapped.batch), std::move(reply));
}

void refuse(source_stats& stats, const responder& reply, http_response answer) {
  const bool credentials = answer.status == 401 || answer.status == 403;
  (credentials ? stats.unauthorized : stats.invalid).fetch_add(1, std::memory_order_relaxed);
  reply.send(std::move(answer));
}

void submit(plugin_context& context, delivery batch, responder reply) {
  context.stats.deliveries.fetch_add(1, std::memory_order_relaxed);
  context.stats.skipped.fetch_add(batch.skipped, std::memory_order_relaxed);
  context.pipeline.submit(std::move(batch), std::move(reply));
}

}  // namespace sentinelle
