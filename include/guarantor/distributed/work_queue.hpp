#pragma once
// Dynamic distribution of independent rows of work (the design points of a sensitivity run) over
// the ranks of an MPI run: the root hands out chunks on request and collects the results in row
// order, so whoever evaluated a row, the collected numbers are the same bits.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

#include "guarantor/core/status.hpp"
#include "guarantor/distributed/mpi_context.hpp"

namespace guarantor::distributed {

// Evaluates rows [first, first + count) on this process: count × width values, row by row.
using RowEvaluator = std::function<std::vector<double>(std::size_t first, std::size_t count)>;
// (rows whose results are in, rows), on the root.
using RowProgress = std::function<void(std::uint64_t done, std::uint64_t total)>;

struct RowOptions {
  std::size_t root_chunk = 1;  // rows the root evaluates between two looks at the requests
  std::size_t min_chunk = 1;   // the smallest chunk handed to another rank
  RowProgress progress;
};

// The rows handed to a rank asking when `remaining` rows are left among `ranks` ranks: guided
// self-scheduling, a quarter of an equal share of what is left (large chunks first, small at the
// end, so rows of unequal cost still finish together), at least `min_chunk`, at most `remaining`.
std::size_t chunk_size(std::size_t remaining, int ranks, std::size_t min_chunk);

// Evaluates rows [0, rows) across the ranks of `context`. The root evaluates `root_chunk` rows at
// a time and, between them, answers the other ranks' requests with the next chunk; each other rank
// keeps two requests outstanding so that it rarely waits for the root. Returns rows × width
// values in row order on the root and an empty vector elsewhere; on an inactive or one-rank
// context, evaluate(0, rows) in root_chunk steps (with progress). internal when an evaluator returns the wrong
// number of values or a message is malformed (the caller aborts the run).
Expected<std::vector<double>> distribute_rows(const Context& context, std::size_t rows, std::size_t width,
                                              const RowEvaluator& evaluate, const RowOptions& options = {});

}  // namespace guarantor::distributed
