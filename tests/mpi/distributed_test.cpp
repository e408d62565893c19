// The MPI layer in a world of one rank (no mpirun): the binary must behave exactly as without MPI.
#include <gtest/gtest.h>

#include <cstdlib>

#include "guarantor/distributed/mpi_context.hpp"
#include "guarantor/distributed/work_queue.hpp"

namespace guarantor::distributed {
namespace {

TEST(Distributed, OnlyMpirunsEnvironmentStartsMpi) {
  EXPECT_FALSE(launched_by_mpirun(nullptr));
  EXPECT_FALSE(launched_by_mpirun(""));
  EXPECT_TRUE(launched_by_mpirun("2"));
}

TEST(Distributed, WithoutMpirunTheWorldIsOneInactiveRank) {
  if (std::getenv("OMPI_COMM_WORLD_SIZE") != nullptr) GTEST_SKIP() << "launched by mpirun";
  const Session session;
  const Context c = session.context();
  EXPECT_FALSE(c.active);
  EXPECT_EQ(c.rank, 0);
  EXPECT_EQ(c.size, 1);
  EXPECT_TRUE(c.root());
  EXPECT_FALSE(c.parallel());
  EXPECT_EQ(world().size, 1);
  EXPECT_GE(default_threads(c), 1u);
}

TEST(Distributed, CollectivesOfOneRankAreIdentities) {
  const Context c;
  EXPECT_EQ(gather_strings(c, "abc"), std::vector<std::string>{"abc"});
  EXPECT_EQ(broadcast(c, 42), 42u);
  barrier(c);
}

TEST(Distributed, ChunksShrinkWithWhatIsLeftAndStayWithinBounds) {
  EXPECT_EQ(chunk_size(800, 2, 1), 100u);  // a quarter of an equal share
  EXPECT_EQ(chunk_size(80, 2, 1), 10u);
  EXPECT_EQ(chunk_size(3, 2, 1), 1u);      // at the end, single rows
  EXPECT_EQ(chunk_size(3, 2, 2), 2u);      // never below min_chunk
  EXPECT_EQ(chunk_size(1, 2, 4), 1u);      // never above what is left
  EXPECT_EQ(chunk_size(10, 0, 0), 2u);     // nonsense ranks and chunk: still at least one row
}

TEST(Distributed, OneRankEvaluatesEveryRowInOrderWithProgress) {
  const Context c;
  std::vector<std::size_t> firsts;
  std::uint64_t last_done = 0;
  RowOptions options;
  options.root_chunk = 4;
  options.progress = [&](std::uint64_t done, std::uint64_t total) {
    EXPECT_EQ(total, 10u);
    EXPECT_GT(done, last_done);
    last_done = done;
  };
  auto values = distribute_rows(
      c, 10, 2,
      [&](std::size_t first, std::size_t count) {
        firsts.push_back(first);
        std::vector<double> v;
        for (std::size_t r = first; r < first + count; ++r) v.insert(v.end(), {double(r), -double(r)});
        return v;
      },
      options);
  ASSERT_TRUE(values) << values.status().message();
  ASSERT_EQ(values->size(), 20u);
  for (std::size_t r = 0; r < 10; ++r) {
    EXPECT_EQ((*values)[2 * r], double(r));
    EXPECT_EQ((*values)[2 * r + 1], -double(r));
  }
  EXPECT_EQ(firsts, (std::vector<std::size_t>{0, 4, 8}));
  EXPECT_EQ(last_done, 10u);
}

TEST(Distributed, AnEvaluatorReturningTheWrongCountIsAnError) {
  const Context c;
  auto values = distribute_rows(c, 3, 2, [](std::size_t, std::size_t) { return std::vector<double>{1.0}; });
  ASSERT_FALSE(values);
  EXPECT_EQ(values.status().code(), StatusCode::internal);
}

}  // namespace
}  // namespace guarantor::distributed
