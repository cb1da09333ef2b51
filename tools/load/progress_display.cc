#include "tools/load/progress_display.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"

namespace laurel::load {
namespace {

// The rate is measured over this much recent time, so the ETA follows a load that speeds up or
// stalls.
constexpr absl::Duration kRateWindow = absl::Seconds(5);
constexpr absl::Duration kBarRefresh = absl::Milliseconds(100);

// 12345 → "12,345".
std::string Thousands(int64_t value) {
  std::string digits = absl::StrCat(value < 0 ? -value : value);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(i, ",");
  return value < 0 ? "-" + digits : digits;
}

std::string Eta(const LoadCounts& counts, double rate) {
  const int64_t left = std::max<int64_t>(0, counts.total - counts.done());
  if (left == 0) return "0:00";
  if (rate <= 0) return "--:--";
  const auto seconds = static_cast<int64_t>(left / rate + 0.5);
  if (seconds >= 3600) {
    return absl::StrFormat("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
  }
  return absl::StrFormat("%d:%02d", seconds / 60, seconds % 60);
}

int Percent(const LoadCounts& counts) {
  if (counts.total <= 0) return 100;
  return static_cast<int>(std::min<int64_t>(100, counts.done() * 100 / counts.total));
}

// Columns `text` takes on a terminal: one per code point (no wide characters are printed).
int Columns(const std::string& text) {
  int columns = 0;
  for (const unsigned char c : text) columns += (c & 0xC0) != 0x80;
  return columns;
}

int TerminalColumns(std::FILE* out) {
  winsize size{};
  if (ioctl(fileno(out), TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  return 80;
}

}  // namespace

ProgressDisplay::ProgressDisplay(ProgressStyle style, const LoadReport& report, std::FILE* out,
                                 absl::Duration line_interval)
    : style_(style), report_(report), out_(out), interval_(line_interval) {
  if (style_ != ProgressStyle::kNone) thread_ = std::thread([this] { Run(); });
}

ProgressDisplay::~ProgressDisplay() {
  {
    absl::MutexLock lock(&mutex_);
    stopping_ = true;
  }
  if (thread_.joinable()) thread_.join();
  if (style_ == ProgressStyle::kBar) {
    std::fputs("\r\033[K", out_);
    std::fflush(out_);
  }
}

std::string ProgressDisplay::BarLine(const LoadCounts& counts, double rate, int columns) {
  // The bar keeps its place and length from one redraw to the next: the parts before it are as wide
  // as they will ever get in this load, and the room after it is reckoned for the widest rate and
  // ETA.
  const std::string most = Thousands(counts.total);
  const std::string done_text = absl::StrCat(Thousands(counts.done()), "/", most);
  const std::string done =
      std::string(std::max(0, 2 * Columns(most) + 1 - Columns(done_text)), ' ') + done_text;
  std::string speed =
      absl::StrFormat("%3d%%  %s/s  ETA %s", Percent(counts),
                      Thousands(static_cast<int64_t>(rate + 0.5)), Eta(counts, rate));
  constexpr int kWidestSpeed = 28;  // "100%  999,999/s  ETA 99:59:59"
  const std::string full_tally =
      absl::StrCat("  created ", Thousands(counts.created), " · duplicates ",
                   Thousands(counts.duplicates), " · rejected ", Thousands(counts.rejected));
  const std::string short_tally = absl::StrCat("  rejected ", Thousands(counts.rejected));
  const int widest_full =
      Columns(absl::StrCat("  created ", most, " · duplicates ", most, " · rejected ", most));
  const int widest_short = Columns(absl::StrCat("  rejected ", most));
  // What is left for the bar, "[" and "] " included, short of the last column (writing there wraps
  // on some terminals). The counts come after it when the bar keeps 10 columns; on a narrow
  // terminal just the rejections, which want attention.
  int room = columns - 1 - Columns(done) - 1 - kWidestSpeed - 3;
  std::string tally;
  if (room - widest_full >= 10) {
    room -= widest_full;
    tally = full_tally;
  } else if (room - widest_short >= 10) {
    room -= widest_short;
    tally = short_tally;
  }
  const int width = std::clamp(room, 0, 40);
  std::string bar;
  if (width >= 5) {
    const int filled =
        counts.total > 0 ? static_cast<int>(width * std::min<int64_t>(counts.done(), counts.total) /
                                            counts.total)
                         : width;
    bar = "[";
    for (int i = 0; i < width; ++i) bar += i < filled ? "█" : "░";
    bar += "] ";
  }
  // Padded when counts follow, so they stay put too.
  if (!tally.empty()) speed.resize(std::max<size_t>(speed.size(), kWidestSpeed), ' ');
  return absl::StrCat(done, " ", bar, speed, tally);
}

std::string ProgressDisplay::PlainLine(const LoadCounts& counts, double rate) {
  return absl::StrFormat(
      "laurel-load: %d/%d articles (%d%%), %.0f articles/s, ETA %s; created %d, duplicates %d, "
      "rejected %d",
      counts.done(), counts.total, Percent(counts), rate, Eta(counts, rate), counts.created,
      counts.duplicates, counts.rejected);
}

void ProgressDisplay::Note(const std::string& line) {
  absl::MutexLock lock(&mutex_);
  if (style_ == ProgressStyle::kBar) {
    std::fprintf(out_, "\r\033[K%s\n", line.c_str());
    Draw();
  } else {
    std::fprintf(out_, "%s\n", line.c_str());
    std::fflush(out_);
  }
}

double ProgressDisplay::Rate(int64_t done) {
  const absl::Time now = absl::Now();
  samples_.emplace_back(now, done);
  while (samples_.size() > 2 && samples_[1].first <= now - kRateWindow) samples_.pop_front();
  const auto& [then, done_then] = samples_.front();
  const double seconds = absl::ToDoubleSeconds(now - then);
  return seconds > 0 ? (done - done_then) / seconds : 0;
}

void ProgressDisplay::Draw() {
  const LoadCounts counts = report_.counts();
  const double rate = Rate(counts.done());
  if (style_ == ProgressStyle::kBar) {
    std::fprintf(out_, "\r%s\033[K", BarLine(counts, rate, TerminalColumns(out_)).c_str());
  } else {
    std::fprintf(out_, "%s\n", PlainLine(counts, rate).c_str());
  }
  std::fflush(out_);
}

void ProgressDisplay::Run() {
  const absl::Duration period = style_ == ProgressStyle::kBar ? kBarRefresh : interval_;
  absl::MutexLock lock(&mutex_);
  samples_.emplace_back(absl::Now(), 0);
  if (style_ == ProgressStyle::kBar) Draw();  // the bar is there from the start
  while (!mutex_.AwaitWithTimeout(absl::Condition(&stopping_), period)) Draw();
}

}  // namespace laurel::load
