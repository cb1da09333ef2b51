#include "common/call_scope.h"

#include <utility>

namespace laurel {
namespace {

thread_local const CallLimits* current_call = nullptr;

}  // namespace

CallLimits LimitsOf(const grpc::ServerContextBase& context) {
  CallLimits limits;
  // gRPC reports "no deadline" as the largest time point, which absl::FromChrono keeps finite.
  if (context.deadline() != std::chrono::system_clock::time_point::max()) {
    limits.deadline = absl::FromChrono(context.deadline());
  }
  // IsCancelled is safe to ask from any thread while the handler runs; the server marks the call
  // cancelled when the client gives up or the deadline passes.
  limits.cancelled = [&context] { return context.IsCancelled(); };
  return limits;
}

CallScope::CallScope(const grpc::ServerContextBase& context) : CallScope(LimitsOf(context)) {}

CallScope::CallScope(CallLimits limits) : limits_(std::move(limits)), outer_(current_call) {
  current_call = &limits_;
}

CallScope::~CallScope() { current_call = outer_; }

const CallLimits* CallScope::Current() { return current_call; }

}  // namespace laurel
