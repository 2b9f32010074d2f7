#include "cli/source_plugins.hpp"

#include <algorithm>

#include "plugin/plugin_registry.hpp"

namespace sentinelle {
namespace {

std::string known_names() {
  std::string names;
  for (const plugin_descriptor* plugin : registered_source_plugins()) {
    names += (names.empty() ? "" : ", ") + std::string(plugin->name);
  }
  return names;
}

}  // namespace

bool source_plugin_set::start(const sentinelle_config& config, ingest_pipeline& pipeline,
                              const access_policy& access, router& routes, std::string& error) {
  for (const plugin_settings& settings : config.plugins) {
    if (find_source_plugin(settings.plugin) == nullptr) {
      error = "[plugins." + settings.plugin + "]: no such plugin (known: " + known_names() + ")";
      return false;
    }
  }
  for (const plugin_descriptor* descriptor : registered_source_plugins()) {
    const auto configured =
        std::find_if(config.plugins.begin(), config.plugins.end(),
                     [&](const plugin_settings& s) { return s.plugin == descriptor->name; });
    if (configured == config.plugins.end() && !descriptor->always_on) {
      continue;
    }
    const plugin_settings settings = configured != config.plugins.end()
                                         ? *configured
                                         : plugin_settings{std::string(descriptor->name), {}};
    auto& [name, counters] = stats_.emplace_back();
    name = settings.plugin;
    plugin_context& context = contexts_.emplace_back(plugin_context{pipeline, access, counters});
    std::unique_ptr<source_plugin> plugin = descriptor->create(settings, context, error);
    if (plugin == nullptr) {
      return false;
    }
    plugin->add_routes(routes);
    plugins_.push_back(std::move(plugin));
  }
  return true;
}

std::vector<std::string> source_plugin_set::names() const {
  std::vector<std::string> running;
  for (const auto& [name, counters] : stats_) {
    running.push_back(name);
  }
  return running;
}

}  // namespace sentinelle
