#include "server/metrics.hpp"

#include <sstream>

#include <prometheus/text_serializer.h>

namespace till::server {

namespace {

const prometheus::Histogram::BucketBoundaries& latency_buckets() {
  static const prometheus::Histogram::BucketBoundaries buckets{0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005,
                                                               0.01,   0.025,   0.05,   0.1,   0.25,   1.0};
  return buckets;
}

}  // namespace

Metrics::Metrics()
    : registry_(std::make_shared<prometheus::Registry>()),
      requests_(prometheus::BuildCounter()
                    .Name("till_http_requests_total")
                    .Help("HTTP requests answered, by route pattern, method and status")
                    .Register(*registry_)),
      latency_(prometheus::BuildHistogram()
                   .Name("till_http_request_duration_seconds")
                   .Help("Time from routing a request to its answer, by route pattern")
                   .Register(*registry_)),
      reloads_(prometheus::BuildCounter()
                   .Name("till_reloads_total")
                   .Help("Reloads of the rules and catalogue on SIGHUP, by outcome")
                   .Register(*registry_)) {}

void Metrics::observe_request(const std::string& route, const std::string& method, int status, double seconds) {
  requests_.Add({{"route", route}, {"method", method}, {"status", std::to_string(status)}}).Increment();
  latency_.Add({{"route", route}}, latency_buckets()).Observe(seconds);
}

void Metrics::observe_reload(bool succeeded) { reloads_.Add({{"outcome", succeeded ? "ok" : "failed"}}).Increment(); }

std::string Metrics::text() const {
  std::ostringstream out;
  prometheus::TextSerializer().Serialize(out, registry_->Collect());
  return out.str();
}

}  // namespace till::server
