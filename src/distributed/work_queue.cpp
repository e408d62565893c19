#include "guarantor/distributed/work_queue.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>

#ifdef GUARANTOR_HAVE_MPI
#include <mpi.h>
#endif

namespace guarantor::distributed {

namespace {

// A chunk is capped so that its results stay far below what one message may carry (2^31 bytes).
constexpr std::size_t kMaxChunk = 1 << 16;

Status wrong_size(std::size_t got, std::size_t expected) {
  return Status::internal(fmt::format("an evaluation returned {} values instead of {}", got, expected));
}

Expected<std::vector<double>> evaluate_here(std::size_t rows, std::size_t width, const RowEvaluator& evaluate,
                                            const RowOptions& options) {
  std::vector<double> out;
  out.reserve(rows * width);
  const std::size_t step = std::max<std::size_t>(1, options.root_chunk);
  for (std::size_t first = 0; first < rows; first += step) {
    const std::size_t count = std::min(step, rows - first);
    const std::vector<double> values = evaluate(first, count);
    if (values.size() != count * width) return wrong_size(values.size(), count * width);
    out.insert(out.end(), values.begin(), values.end());
    if (options.progress) options.progress(first + count, rows);
  }
  return out;
}

#ifdef GUARANTOR_HAVE_MPI

constexpr int kTagResult = 101;  // rank → root: results of a chunk (none at first) and a request
constexpr int kTagAssign = 102;  // root → rank: the next chunk {first, count}; count 0 = no more
constexpr int kOutstanding = 2;  // requests each rank keeps in flight

struct Header {
  std::uint64_t first = 0;
  std::uint64_t count = 0;
};

std::vector<char> pack(const Header& h, const std::vector<double>& values) {
  std::vector<char> bytes(sizeof(Header) + values.size() * sizeof(double));
  std::memcpy(bytes.data(), &h, sizeof(Header));
  if (!values.empty()) std::memcpy(bytes.data() + sizeof(Header), values.data(), values.size() * sizeof(double));
  return bytes;
}

class Root {
 public:
  Root(const Context& c, MPI_Comm comm, std::size_t rows, std::size_t width, const RowOptions& o)
      : context_(c), comm_(comm), rows_(rows), width_(width), options_(o), results_(rows * width), received_(rows, false) {}

  Expected<std::vector<double>> run(const RowEvaluator& evaluate) {
    const std::size_t step = std::max<std::size_t>(1, options_.root_chunk);
    while (next_ < rows_) {
      const std::size_t first = next_;
      const std::size_t count = std::min(step, rows_ - first);
      next_ += count;
      const std::vector<double> values = evaluate(first, count);
      if (values.size() != count * width_) return wrong_size(values.size(), count * width_);
      if (auto stored = store(first, count, values.data()); !stored) return stored;
      if (auto served = serve(false); !served) return served;
    }
    const int expected_stops = kOutstanding * (context_.size - 1);
    while (done_ < rows_ || stops_ < expected_stops) {
      if (auto served = serve(true); !served) return served;
    }
    return std::move(results_);
  }

 private:
  Status store(std::size_t first, std::size_t count, const double* values) {
    if (first + count > rows_) return Status::internal(fmt::format("rows {}+{} are outside the {} rows", first, count, rows_));
    for (std::size_t r = first; r < first + count; ++r) {
      if (received_[r]) return Status::internal(fmt::format("row {} came back twice", r));
      received_[r] = true;
    }
    if (count > 0) std::memcpy(results_.data() + first * width_, values, count * width_ * sizeof(double));
    done_ += count;
    if (count > 0 && options_.progress) options_.progress(done_, rows_);
    return Status::ok();
  }

  // Answers the requests that have arrived (`block`: waits for one first).
  Status serve(bool block) {
    for (;;) {
      MPI_Status status;
      int arrived = 0;
      if (block) {
        MPI_Probe(MPI_ANY_SOURCE, kTagResult, comm_, &status);
        arrived = 1;
        block = false;
      } else {
        MPI_Iprobe(MPI_ANY_SOURCE, kTagResult, comm_, &arrived, &status);
      }
      if (!arrived) return Status::ok();
      int bytes = 0;
      MPI_Get_count(&status, MPI_BYTE, &bytes);
      std::vector<char> buffer(static_cast<std::size_t>(std::max(bytes, 0)));
      MPI_Recv(buffer.data(), bytes, MPI_BYTE, status.MPI_SOURCE, kTagResult, comm_, MPI_STATUS_IGNORE);
      Header h;
      if (buffer.size() < sizeof(Header)) return Status::internal("a result message is shorter than its header");
      std::memcpy(&h, buffer.data(), sizeof(Header));
      if (h.count > rows_ || buffer.size() != sizeof(Header) + h.count * width_ * sizeof(double)) {
        return Status::internal(fmt::format("a result message from rank {} has {} bytes for {} rows", status.MPI_SOURCE,
                                            buffer.size(), h.count));
      }
      std::vector<double> values(h.count * width_);
      if (!values.empty()) std::memcpy(values.data(), buffer.data() + sizeof(Header), values.size() * sizeof(double));
      if (auto stored = store(h.first, h.count, values.data()); !stored) return stored;
      Header assign;
      if (next_ < rows_) {
        assign.first = next_;
        assign.count = std::min(chunk_size(rows_ - next_, context_.size, options_.min_chunk), kMaxChunk);
        next_ += assign.count;
      } else {
        ++stops_;
      }
      MPI_Send(&assign, sizeof(Header), MPI_BYTE, status.MPI_SOURCE, kTagAssign, comm_);
    }
  }

  const Context& context_;
  MPI_Comm comm_;
  std::size_t rows_, width_;
  const RowOptions& options_;
  std::vector<double> results_;
  std::vector<bool> received_;
  std::size_t next_ = 0, done_ = 0;
  int stops_ = 0;
};

Status run_worker(MPI_Comm comm, std::size_t width, const RowEvaluator& evaluate) {
  for (int i = 0; i < kOutstanding; ++i) {
    const Header none;
    MPI_Send(&none, sizeof(Header), MPI_BYTE, 0, kTagResult, comm);
  }
  // The last results stay in `sending` until the next send: the rank evaluates its next chunk
  // while the root has not yet taken them.
  std::vector<char> sending;
  MPI_Request pending = MPI_REQUEST_NULL;
  int stops = 0;
  while (stops < kOutstanding) {
    Header h;
    MPI_Recv(&h, sizeof(Header), MPI_BYTE, 0, kTagAssign, comm, MPI_STATUS_IGNORE);
    if (h.count == 0) {
      ++stops;
      continue;
    }
    const std::vector<double> values = evaluate(h.first, h.count);
    if (values.size() != h.count * width) return wrong_size(values.size(), h.count * width);
    MPI_Wait(&pending, MPI_STATUS_IGNORE);
    sending = pack(h, values);
    MPI_Isend(sending.data(), static_cast<int>(sending.size()), MPI_BYTE, 0, kTagResult, comm, &pending);
  }
  MPI_Wait(&pending, MPI_STATUS_IGNORE);
  return Status::ok();
}

#endif

}  // namespace

std::size_t chunk_size(std::size_t remaining, int ranks, std::size_t min_chunk) {
  const std::size_t share = remaining / (4 * static_cast<std::size_t>(std::max(1, ranks)));
  return std::min(remaining, std::max({share, min_chunk, std::size_t{1}}));
}

Expected<std::vector<double>> distribute_rows(const Context& context, std::size_t rows, std::size_t width,
                                              const RowEvaluator& evaluate, const RowOptions& options) {
  if (!context.parallel()) return evaluate_here(rows, width, evaluate, options);
#ifdef GUARANTOR_HAVE_MPI
  // A communicator of its own: the messages of one call never meet those of another.
  MPI_Comm comm = MPI_COMM_NULL;
  MPI_Comm_dup(MPI_COMM_WORLD, &comm);
  Expected<std::vector<double>> out = std::vector<double>{};
  if (context.root()) {
    out = Root(context, comm, rows, width, options).run(evaluate);
  } else if (auto status = run_worker(comm, width, evaluate); !status) {
    out = status;
  }
  MPI_Comm_free(&comm);
  return out;
#else
  return evaluate_here(rows, width, evaluate, options);
#endif
}

}  // namespace guarantor::distributed
