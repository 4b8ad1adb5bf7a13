// /metrics in the Prometheus text format (prometheus-cpp): request counts by route, method and status,
// latency histograms by route, and reloads by outcome. Labels are only ever the fixed route patterns,
// methods and statuses, never anything a client wrote (paths, codes, ids), so series cannot explode and
// no user data leaves the server through them.
#pragma once

#include <memory>
#include <string>

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

namespace till::server {

class Metrics {
 public:
  Metrics();

  /// One finished request. `route` is a fixed route pattern ("/api/price", "static", "unmatched").
  void observe_request(const std::string& route, const std::string& method, int status, double seconds);

  /// One SIGHUP reload, successful or not.
  void observe_reload(bool succeeded);

  /// Everything, in the Prometheus text exposition format.
  std::string text() const;

 private:
  std::shared_ptr<prometheus::Registry> registry_;
  prometheus::Family<prometheus::Counter>& requests_;
  prometheus::Family<prometheus::Histogram>& latency_;
  prometheus::Family<prometheus::Counter>& reloads_;
};

}  // namespace till::server
