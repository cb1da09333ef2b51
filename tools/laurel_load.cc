// laurel-load: streams articles from files into an ingest-service, with progress, retries and a
// summary.
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "common/env_flags.h"
#include "tools/client_connection.h"
#include "tools/load/article_input.h"
#include "tools/load/load_report.h"
#include "tools/load/progress_display.h"
#include "tools/load/stream_loader.h"

ABSL_FLAG(std::string, target, "127.0.0.1:50051", "ingest-service address, HOST:PORT.");
ABSL_FLAG(std::string, source, "",
          "Publisher recorded with .txt articles and with JSON lines that name none.");
ABSL_FLAG(std::string, progress, "auto",
          "auto (a bar when stderr is a terminal, else lines), bar, lines or none.");
ABSL_FLAG(absl::Duration, progress_interval, absl::Seconds(5),
          "How often a progress line is printed when not drawing a bar.");
ABSL_FLAG(std::string, summary, "text", "text, or json: one JSON object on stdout for scripts.");
ABSL_FLAG(int, retries, 8,
          "Failed attempts in a row (no article answered) before giving up; each resumes where "
          "the last stopped.");
ABSL_FLAG(absl::Duration, connect_timeout, absl::Seconds(10),
          "How long each attempt waits for the service to accept a connection.");
ABSL_FLAG(int64_t, max_article_bytes, 1 << 20,
          "Articles larger than this are rejected without sending them (match the service's "
          "--max_article_bytes).");

namespace {

constexpr char kHelp[] =
    R"(stores articles in Laurel through its ingest-service, as fast as it absorbs them.

usage: laurel-load [--target=HOST:PORT] [flags] PATH...

Each PATH is a .txt file (one article), a .jsonl or .ndjson file (one article per line, as a JSON
object {"text": "...", "url": "...", "source": "..."}), or a directory searched recursively for both.
Articles are streamed to IngestService/IngestArticles. A broken stream is resumed, resending what
had no answer under the same idempotency keys; loading the same input again stores nothing new
(an article is recognised by its url, or by its text when it has none).

Progress goes to stderr: a bar on a terminal, a line every --progress_interval otherwise. The
summary goes to stdout; --summary=json prints it as JSON. Ctrl-C stops at once and prints the
summary of what was loaded so far; run the same command again to load the rest.

A service with TLS: --ca_file (and --client_cert_file, --client_key_file for mutual TLS). A service
that wants a token: put one with the ingest scope in LAUREL_TOKEN (never on the command line).

Exit status: 0 every article is stored (newly or already); 1 some articles were rejected (see the
summary); 2 bad usage; 3 the service could not be reached or kept failing; 130 interrupted.

Examples:
  laurel-load --target=ingest:50051 archive/
  laurel-load --summary=json feed.jsonl > summary.json)";

enum ExitCode { kOk = 0, kRejected = 1, kBadUsage = 2, kFailed = 3, kInterrupted = 130 };

// A prefix no earlier run used, so this run's idempotency keys only ever match its own retries.
std::string RunId() {
  std::random_device random;
  return absl::StrFormat("load-%08x%08x", random(), random());
}

// Ctrl-C (or SIGTERM) ends the load at once, with the summary of what was confirmed so far.
class Interrupts {
 public:
  Interrupts(laurel::load::StreamLoader& loader, laurel::load::ProgressDisplay& progress)
      : thread_([this, &loader, &progress] {
          const sigset_t signals = Signals();
          const timespec tick{0, 100'000'000};
          while (!done_.load()) {
            if (sigtimedwait(&signals, nullptr, &tick) < 0) continue;
            interrupted_.store(true);
            progress.Note("laurel-load: interrupted");
            loader.Interrupt();
          }
        }) {}
  ~Interrupts() {
    done_.store(true);
    thread_.join();
  }

  // Blocks the signals in this thread and every thread started after, so that only sigtimedwait
  // takes them.
  static void Block() {
    const sigset_t signals = Signals();
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  }
  bool interrupted() const { return interrupted_.load(); }

 private:
  static sigset_t Signals() {
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    return signals;
  }

  std::atomic<bool> done_ = false;
  std::atomic<bool> interrupted_ = false;
  std::thread thread_;
};

}  // namespace

int main(int argc, char** argv) {
  Interrupts::Block();
  std::vector<char*> arguments = laurel::ParseFlagsWithEnvironment(argc, argv, kHelp);
  const std::vector<std::string> paths(arguments.begin() + 1, arguments.end());
  const std::string progress_flag = absl::GetFlag(FLAGS_progress);
  const std::string summary_flag = absl::GetFlag(FLAGS_summary);
  if (paths.empty()) {
    std::fprintf(stderr, "laurel-load: no PATH given; see laurel-load --help\n");
    return kBadUsage;
  }
  if (progress_flag != "auto" && progress_flag != "bar" && progress_flag != "lines" &&
      progress_flag != "none") {
    std::fprintf(stderr, "laurel-load: --progress must be auto, bar, lines or none\n");
    return kBadUsage;
  }
  if (summary_flag != "text" && summary_flag != "json") {
    std::fprintf(stderr, "laurel-load: --summary must be text or json\n");
    return kBadUsage;
  }
  auto input = laurel::load::ArticleInput::Open(
      paths, {.source = absl::GetFlag(FLAGS_source),
              .max_article_bytes = absl::GetFlag(FLAGS_max_article_bytes)});
  if (!input.ok()) {
    std::fprintf(stderr, "laurel-load: %s\n", std::string(input.status().message()).c_str());
    return kBadUsage;
  }

  using laurel::load::ProgressStyle;
  ProgressStyle style = ProgressStyle::kNone;
  if (progress_flag == "bar" || (progress_flag == "auto" && isatty(STDERR_FILENO))) {
    style = ProgressStyle::kBar;
  } else if (progress_flag != "none") {
    style = ProgressStyle::kLines;
  }
  const std::string target = absl::GetFlag(FLAGS_target);
  if (style != ProgressStyle::kNone) {
    std::fprintf(stderr, "laurel-load: %lld articles in %zu file%s → %s\n",
                 static_cast<long long>(input->total()), input->file_count(),
                 input->file_count() == 1 ? "" : "s", target.c_str());
  }

  laurel::load::LoadReport report(input->total());
  const absl::Time start = absl::Now();
  absl::Status status;
  bool interrupted = false;
  {
    laurel::load::ProgressDisplay progress(style, report, stderr,
                                           absl::GetFlag(FLAGS_progress_interval));
    laurel::load::StreamLoader loader(
        laurel::tools::ClientChannel(target), *input, report,
        {.attempts = absl::GetFlag(FLAGS_retries),
         .connect_timeout = absl::GetFlag(FLAGS_connect_timeout),
         .request_id_prefix = RunId()},
        [&progress](const absl::Status& error, absl::Duration pause) {
          progress.Note(
              absl::StrCat("retrying in ", absl::FormatDuration(pause), ": ", error.ToString()));
        });
    Interrupts interrupts(loader, progress);
    status = loader.Run();
    interrupted = interrupts.interrupted();
  }

  const laurel::load::LoadCounts counts = report.counts();
  laurel::load::LoadEnding ending{.elapsed = absl::Now() - start, .interrupted = interrupted};
  if (!status.ok() && !interrupted) ending.error = status.ToString();
  const auto rejections = report.rejections();
  const std::string summary = summary_flag == "json"
                                  ? laurel::load::JsonSummary(target, counts, rejections, ending)
                                  : laurel::load::TextSummary(target, counts, rejections, ending);
  std::fputs(summary.c_str(), stdout);
  std::fflush(stdout);
  if (interrupted) return kInterrupted;
  if (!status.ok()) return kFailed;
  return counts.rejected > 0 ? kRejected : kOk;
}
