#pragma once

#include <functional>

#include "absl/time/time.h"
#include "grpcpp/server_context.h"

namespace laurel {

// When the caller of the RPC being served stops waiting for it.
struct CallLimits {
  absl::Time deadline = absl::InfiniteFuture();
  // True once the client cancelled or the deadline passed; never null.
  std::function<bool()> cancelled = [] { return false; };
};

// The limits of the call `context` serves, unary or streaming; they refer to `context`, which must
// outlive them.
CallLimits LimitsOf(const grpc::ServerContextBase& context);

// Makes the limits of the call a handler serves visible to the code under it on the same thread,
// for as long as the scope lives. The connection pool is several layers below the handler and
// bounds its waits and its statements by them; passing gRPC's ServerContext through every domain
// and repository signature instead would tie them all to gRPC. Scopes nest: the innermost one
// counts.
class CallScope {
 public:
  explicit CallScope(const grpc::ServerContextBase& context);
  explicit CallScope(CallLimits limits);
  ~CallScope();
  CallScope(const CallScope&) = delete;
  CallScope& operator=(const CallScope&) = delete;

  // The limits of the innermost scope on this thread; nullptr when the thread serves no call.
  static const CallLimits* Current();

 private:
  const CallLimits limits_;
  const CallLimits* const outer_;
};

}  // namespace laurel
