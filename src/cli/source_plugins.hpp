#pragma once

#include <deque>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "api/access_policy.hpp"
#include "config/config.hpp"
#include "plugin/source_plugin.hpp"

namespace sentinelle {

// The source plugins of one server: every always-on plugin and every plugin the configuration
// has a [plugins.NAME] table for, created from the registry (plugin/plugin_registry.hpp), each
// with its own counters. Lives as long as the server's routes.
class source_plugin_set {
 public:
  // Creates the plugins and adds their routes; false and `error` on an unknown NAME or a
  // plugin that refuses its configuration (the server then refuses to start).
  bool start(const sentinelle_config& config, ingest_pipeline& pipeline,
             const access_policy& access, router& routes, std::string& error);

  // The running plugins' names, which are the `source` of the events they store.
  std::vector<std::string> names() const;

  // (name, counters) of each running plugin, for /metrics.
  const std::deque<std::pair<std::string, source_stats>>& stats() const { return stats_; }

 private:
  std::deque<std::pair<std::string, source_stats>> stats_;  // stable addresses for contexts
  std::deque<plugin_context> contexts_;
  std::vector<std::unique_ptr<source_plugin>> plugins_;
};

}  // namespace sentinelle
