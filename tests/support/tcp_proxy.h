#pragma once

#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"

namespace laurel::testing {

// Forwards loopback TCP connections to a target, and can cut the line: Cut drops every connection
// and hangs up on new ones at once, as a failed link or a firewall resetting connections would,
// until Restore. For tests that make the database unreachable while it keeps running.
class TcpProxy {
 public:
  // Listens on a free loopback port and forwards to `target_port` on 127.0.0.1.
  static absl::StatusOr<std::unique_ptr<TcpProxy>> Start(int target_port);
  ~TcpProxy();

  // 127.0.0.1:PORT to connect to instead of the target.
  std::string address() const;

  void Cut();
  void Restore();

 private:
  TcpProxy(int port, int target_port) : port_(port), target_port_(target_port) {}
  void Accept();
  // Copies bytes both ways between two connected sockets until either side closes.
  void Pump(int client, int server);

  const int port_;
  const int target_port_;
  absl::Mutex mutex_;
  int listener_ = -1;
  bool cut_ ABSL_GUARDED_BY(mutex_) = false;
  bool stopping_ ABSL_GUARDED_BY(mutex_) = false;
  std::set<int> open_sockets_ ABSL_GUARDED_BY(mutex_);
  std::thread acceptor_;
  std::vector<std::thread> pumps_ ABSL_GUARDED_BY(mutex_);
};

}  // namespace laurel::testing
