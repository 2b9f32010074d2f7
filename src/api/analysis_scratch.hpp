#pragma once

#include "analyze/analyzer.hpp"

namespace sentinelle {

// The analyzer's scratch space, one per server thread, shared by everything that analyses on
// that thread (ingestion and /v1/analyze): allocated once, reused by every request.
struct analysis_scratch {
  analyzer_workspace workspace;
  analysis result;
};

inline analysis_scratch& thread_analysis_scratch() {
  thread_local analysis_scratch per_thread;
  return per_thread;
}

}  // namespace sentinelle
