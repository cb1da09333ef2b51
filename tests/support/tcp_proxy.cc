#include "tests/support/tcp_proxy.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "tests/support/service_process.h"

namespace laurel::testing {
namespace {

sockaddr_in Loopback(int port) {
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(static_cast<uint16_t>(port));
  return address;
}

}  // namespace

absl::StatusOr<std::unique_ptr<TcpProxy>> TcpProxy::Start(int target_port) {
  auto proxy = std::unique_ptr<TcpProxy>(new TcpProxy(FreePort(), target_port));
  proxy->listener_ = socket(AF_INET, SOCK_STREAM, 0);
  const sockaddr_in address = Loopback(proxy->port_);
  if (bind(proxy->listener_, reinterpret_cast<const sockaddr*>(&address), sizeof(address)) != 0 ||
      listen(proxy->listener_, 64) != 0) {
    return absl::UnavailableError(absl::StrCat("the proxy cannot listen on port ", proxy->port_));
  }
  proxy->acceptor_ = std::thread([proxy = proxy.get()] { proxy->Accept(); });
  return proxy;
}

TcpProxy::~TcpProxy() {
  Cut();
  {
    absl::MutexLock lock(&mutex_);
    stopping_ = true;
  }
  acceptor_.join();
  close(listener_);
  std::vector<std::thread> pumps;
  {
    absl::MutexLock lock(&mutex_);
    pumps.swap(pumps_);
  }
  for (auto& pump : pumps) pump.join();
}

std::string TcpProxy::address() const { return absl::StrCat("127.0.0.1:", port_); }

void TcpProxy::Cut() {
  absl::MutexLock lock(&mutex_);
  cut_ = true;
  // Shutting the sockets down wakes their pumps, which close them.
  for (const int socket : open_sockets_) shutdown(socket, SHUT_RDWR);
}

void TcpProxy::Restore() {
  absl::MutexLock lock(&mutex_);
  cut_ = false;
}

void TcpProxy::Accept() {
  while (true) {
    {
      absl::MutexLock lock(&mutex_);
      if (stopping_) return;
    }
    pollfd waiting{listener_, POLLIN, 0};
    if (poll(&waiting, 1, 50) <= 0) continue;
    const int client = accept(listener_, nullptr, nullptr);
    if (client < 0) continue;
    {
      absl::MutexLock lock(&mutex_);
      if (cut_) {
        close(client);
        continue;
      }
    }
    const int server = socket(AF_INET, SOCK_STREAM, 0);
    const sockaddr_in target = Loopback(target_port_);
    if (connect(server, reinterpret_cast<const sockaddr*>(&target), sizeof(target)) != 0) {
      close(client);
      close(server);
      continue;
    }
    absl::MutexLock lock(&mutex_);
    if (cut_) {  // cut while connecting
      close(client);
      close(server);
      continue;
    }
    open_sockets_.insert(client);
    open_sockets_.insert(server);
    pumps_.emplace_back([this, client, server] { Pump(client, server); });
  }
}

void TcpProxy::Pump(int client, int server) {
  pollfd sockets[2] = {{client, POLLIN, 0}, {server, POLLIN, 0}};
  char buffer[16384];
  bool open = true;
  while (open) {
    if (poll(sockets, 2, 1000) < 0) break;
    for (int from = 0; from < 2 && open; ++from) {
      if (sockets[from].revents == 0) continue;
      const ssize_t read_bytes = read(sockets[from].fd, buffer, sizeof(buffer));
      if (read_bytes <= 0) {
        open = false;
        break;
      }
      for (ssize_t written = 0; written < read_bytes;) {
        // MSG_NOSIGNAL: a peer gone meanwhile is an error here, not a SIGPIPE killing the test.
        const ssize_t sent =
            send(sockets[1 - from].fd, buffer + written, read_bytes - written, MSG_NOSIGNAL);
        if (sent <= 0) {
          open = false;
          break;
        }
        written += sent;
      }
    }
  }
  absl::MutexLock lock(&mutex_);
  open_sockets_.erase(client);
  open_sockets_.erase(server);
  close(client);
  close(server);
}

}  // namespace laurel::testing
