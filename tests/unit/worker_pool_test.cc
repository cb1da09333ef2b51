#include "ingest-service/src/worker_pool.h"

#include <atomic>
#include <set>

#include "absl/synchronization/mutex.h"
#include "gtest/gtest.h"

namespace laurel::ingest {
namespace {

TEST(WorkerPool, RunsEveryTaskOnAtMostItsThreadsAndFinishesThemBeforeItGoes) {
  std::atomic<int> ran = 0;
  absl::Mutex mutex;
  std::set<std::thread::id> threads;
  {
    WorkerPool pool(2);
    for (int i = 0; i < 100; ++i) {
      pool.Submit([&] {
        {
          absl::MutexLock lock(&mutex);
          threads.insert(std::this_thread::get_id());
        }
        ++ran;
      });
    }
  }
  EXPECT_EQ(ran.load(), 100);
  EXPECT_LE(threads.size(), 2u);
  EXPECT_EQ(threads.count(std::this_thread::get_id()), 0u);
}

}  // namespace
}  // namespace laurel::ingest
