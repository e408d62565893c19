// The work queue across the ranks of `mpirun -np 2`: every row is evaluated once, the root gets
// them all in row order, the other ranks nothing; strings gather by rank. Its own main: MPI starts
// (distributed::Session) before the tests and ends after them; a failed expectation on any rank
// makes that rank exit non-zero, which mpirun reports.
#include <gtest/gtest.h>

#include <cmath>

#include "guarantor/distributed/mpi_context.hpp"
#include "guarantor/distributed/work_queue.hpp"

namespace guarantor::distributed {
namespace {

// A row's values depend on the row only, with uneven cost (some rows loop much longer).
std::vector<double> row_values(std::size_t first, std::size_t count) {
  std::vector<double> v;
  for (std::size_t r = first; r < first + count; ++r) {
    double x = static_cast<double>(r);
    const int loops = (r % 7 == 0) ? 20000 : 200;
    for (int i = 0; i < loops; ++i) x = std::sqrt(x * x + 1.0);
    v.insert(v.end(), {static_cast<double>(r), x, std::sin(static_cast<double>(r))});
  }
  return v;
}

TEST(MpiWorkQueue, TheRootCollectsEveryRowInOrder) {
  const Context c = world();
  ASSERT_TRUE(c.active);
  ASSERT_EQ(c.size, 2);
  for (const std::size_t rows : {std::size_t{1}, std::size_t{2}, std::size_t{5}, std::size_t{997}}) {
    std::size_t evaluated_here = 0;
    RowOptions options;
    options.root_chunk = 1;
    options.min_chunk = 1;
    auto values = distribute_rows(c, rows, 3, [&](std::size_t first, std::size_t count) {
      evaluated_here += count;
      return row_values(first, count);
    }, options);
    ASSERT_TRUE(values) << values.status().message();
    const auto counts = gather_strings(c, std::to_string(evaluated_here));
    if (c.root()) {
      EXPECT_EQ(*values, row_values(0, rows)) << rows << " rows";
      ASSERT_EQ(counts.size(), 2u);
      EXPECT_EQ(std::stoull(counts[0]) + std::stoull(counts[1]), rows) << "every row evaluated exactly once";
    } else {
      EXPECT_TRUE(values->empty());
    }
  }
}

TEST(MpiWorkQueue, StringsGatherByRank) {
  const Context c = world();
  const std::string mine(static_cast<std::size_t>(1000 * (c.rank + 1)), static_cast<char>('a' + c.rank));
  const auto all = gather_strings(c, mine);
  if (c.root()) {
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0], std::string(1000, 'a'));
    EXPECT_EQ(all[1], std::string(2000, 'b'));
  } else {
    EXPECT_TRUE(all.empty());
  }
  EXPECT_EQ(broadcast(c, c.root() ? 7u : 0u), 7u);
}

}  // namespace
}  // namespace guarantor::distributed

int main(int argc, char** argv) {
  const guarantor::distributed::Session session;
  ::testing::InitGoogleTest(&argc, argv);
  const int failed = RUN_ALL_TESTS();
  guarantor::distributed::barrier(session.context());
  return failed;
}
