#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "net/responder.hpp"
#include "net/router.hpp"
#include "plugin/plugin_settings.hpp"
#include "storage/event.hpp"

namespace sentinelle {

class access_policy;

// The core's side of a source plugin (STYLE.md: fluent-bit inputs, Envoy filters). A plugin
// owns its platform's endpoints: it checks the platform's signature on the raw body, turns one
// delivery into canonical events, and hands them to the pipeline. It never analyses, stores or
// answers events itself, and never includes another plugin: what several plugins need is in
// the toolkit beside this file (hook_body.hpp: a JSON route's hand-off after its signature;
// survey_form.hpp: the survey-form platforms' keys, answers and hidden fields).

// What one platform delivery became.
struct delivery {
  std::vector<event> events;  // one batch: all committed or none, in this order
  std::size_t skipped = 0;    // items left out on purpose: echoes, reactions, unknown types
};

// The rest of the pipeline behind every source: analyse → classify → store → answer.
class ingest_pipeline {
 public:
  virtual ~ingest_pipeline() = default;

  // Analyses and classifies each event (an `erase` has no text to analyse), stores the batch,
  // and answers `reply` only once it is durable: 200 with the canonical answer (CONTRACT §4
  // Ingestion) and "skipped"; 503 when the storage failed or too many events wait for it.
  virtual void submit(delivery batch, responder reply) = 0;
};

// Per-plugin counters the core reads for /metrics and logs; a plugin adds to them.
struct source_stats {
  std::atomic<std::uint64_t> deliveries{0};     // requests that reached the pipeline
  std::atomic<std::uint64_t> skipped{0};        // items left out (delivery::skipped)
  std::atomic<std::uint64_t> unauthorized{0};   // 401: bad, missing or stale signature/token
  std::atomic<std::uint64_t> invalid{0};        // 400/415/422: not the platform's format
};

// What the core lends a plugin for its lifetime.
struct plugin_context {
  ingest_pipeline& pipeline;
  const access_policy& access;  // bearer tokens and roles, for plugins that accept them
  source_stats& stats;
};

class source_plugin {
 public:
  virtual ~source_plugin() = default;
  virtual void add_routes(router& routes) = 0;
};

// How the core finds a plugin: by the name of its [plugins.NAME] table.
struct plugin_descriptor {
  std::string_view name;
  // Created even without its table (the canonical endpoints); others only when configured.
  bool always_on = false;
  // Reads `settings` (read_settings: unknown keys and bad values are errors) and builds the
  // plugin; nullptr and `error` when the configuration is wrong, so the server refuses to start.
  std::unique_ptr<source_plugin> (*create)(const plugin_settings& settings,
                                           plugin_context& context, std::string& error);
};

}  // namespace sentinelle
