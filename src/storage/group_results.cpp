#include "storage/group_results.hpp"

#include <algorithm>

#include "storage/rollup.hpp"

namespace sentinelle {

void add_score_groups(const rollup_changes& changes, commit_notice& notice) {
  for (const auto& [key, counts] : changes.daily()) {
    notice.score_groups.emplace_back(std::string(key.dimension), key.value);
  }
}

void fail_all(std::vector<store_result>& results, const std::string& error) {
  for (store_result& result : results) {
    result = {false, error, {}, {}};
  }
}

std::vector<store_result> group_transaction::write_group(const std::vector<pending_batch>& group,
                                                         commit_notice& notice) {
  std::vector<store_result> results(group.size());
  try {
    if (write_in_transaction(group, results, notice, batch_isolation::none) ==
        group_attempt::isolate_batches) {
      notice = {};  // the attempt rolled back: nothing of it happened
      std::fill(results.begin(), results.end(), store_result{});
      write_in_transaction(group, results, notice, batch_isolation::savepoint);
    }
  } catch (const std::exception& problem) {  // out of memory: this group fails, the writer lives
    abandon(results, std::string("storage: ") + problem.what());
  }
  if (std::none_of(results.begin(), results.end(), [](const store_result& r) { return r.ok; })) {
    notice = {};  // nothing committed: nothing to tell the consoles
  }
  auto& groups = notice.score_groups;
  std::sort(groups.begin(), groups.end());
  groups.erase(std::unique(groups.begin(), groups.end()), groups.end());
  return results;
}

}  // namespace sentinelle
