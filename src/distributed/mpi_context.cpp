#include "guarantor/distributed/mpi_context.hpp"

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <string_view>
#include <thread>

#ifdef GUARANTOR_HAVE_MPI
#include <mpi.h>
#endif

namespace guarantor::distributed {

namespace {

#ifdef GUARANTOR_HAVE_MPI
int local_size_from_environment() {
  const char* text = std::getenv("OMPI_COMM_WORLD_LOCAL_SIZE");
  if (text == nullptr) return 1;
  char* end = nullptr;
  const long value = std::strtol(text, &end, 10);
  return (end != text && *end == '\0' && value >= 1 && value <= 1 << 20) ? static_cast<int>(value) : 1;
}

// When every rank runs on this node, shared memory is the only transport the run needs. OpenMPI's
// default selection also starts its network transports (UCX), which on the development VM cost
// 0.2 s more at MPI_Init and about 0.6 s more a run in all (docs/dev/scaling.md): the parallel
// efficiency of simulate 10^6 on two ranks was 90 % with them and 98 % without. So on one node
// guarantor asks for the shared-memory transports, unless the user chose transports (an
// --mca flag of mpirun, or the variable set by hand, is kept: setenv does not overwrite).
void prefer_shared_memory_on_one_node() {
  const char* world_size = std::getenv("OMPI_COMM_WORLD_SIZE");
  const char* local_size = std::getenv("OMPI_COMM_WORLD_LOCAL_SIZE");
  if (world_size == nullptr || local_size == nullptr || std::string_view(world_size) != std::string_view(local_size)) return;
  setenv("OMPI_MCA_pml", "ob1", 0);
  setenv("OMPI_MCA_btl", "self,vader", 0);
}

bool mpi_running() {
  int initialised = 0, finalised = 0;
  MPI_Initialized(&initialised);
  MPI_Finalized(&finalised);
  return initialised && !finalised;
}
#endif

}  // namespace

bool built_with_mpi() {
#ifdef GUARANTOR_HAVE_MPI
  return true;
#else
  return false;
#endif
}

bool launched_by_mpirun(const char* world_size) { return world_size != nullptr && world_size[0] != '\0'; }

Session::Session() {
#ifdef GUARANTOR_HAVE_MPI
  if (!launched_by_mpirun(std::getenv("OMPI_COMM_WORLD_SIZE")) || mpi_running()) {
    context_ = world();
    return;
  }
  prefer_shared_memory_on_one_node();
  // Only the main thread calls MPI; the worker threads of a rank only simulate.
  int provided = 0;
  if (MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided) != MPI_SUCCESS) {
    std::cerr << "guarantor: error: MPI_Init failed\n";
    std::exit(1);
  }
  // An error in a rank must end the run, not leave the others waiting: MPI errors abort.
  MPI_Comm_set_errhandler(MPI_COMM_WORLD, MPI_ERRORS_ARE_FATAL);
  initialised_ = true;
#endif
  context_ = world();
}

Session::~Session() {
#ifdef GUARANTOR_HAVE_MPI
  if (initialised_ && mpi_running()) MPI_Finalize();
#endif
}

Context world() {
  Context c;
#ifdef GUARANTOR_HAVE_MPI
  if (!mpi_running()) return c;
  MPI_Comm_rank(MPI_COMM_WORLD, &c.rank);
  MPI_Comm_size(MPI_COMM_WORLD, &c.size);
  c.local_size = std::min(local_size_from_environment(), c.size);
  c.active = true;
#endif
  return c;
}

unsigned default_threads(const Context& context) {
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  if (!context.active) return cores;
  return std::max(1u, cores / static_cast<unsigned>(std::max(1, context.local_size)));
}

std::vector<std::string> gather_strings(const Context& context, const std::string& mine) {
  if (!context.parallel()) return {mine};
#ifdef GUARANTOR_HAVE_MPI
  // Lengths first (64-bit: a shard's JSON may exceed what an int counts), then the bytes, sent
  // rank by rank in pieces below INT_MAX.
  const std::uint64_t length = mine.size();
  std::vector<std::uint64_t> lengths(context.root() ? static_cast<std::size_t>(context.size) : 0);
  MPI_Gather(&length, 1, MPI_UINT64_T, lengths.data(), 1, MPI_UINT64_T, 0, MPI_COMM_WORLD);
  constexpr std::uint64_t kPiece = 1u << 30;
  if (!context.root()) {
    for (std::uint64_t at = 0; at < length; at += kPiece) {
      const int n = static_cast<int>(std::min(kPiece, length - at));
      MPI_Send(mine.data() + at, n, MPI_CHAR, 0, 1, MPI_COMM_WORLD);
    }
    return {};
  }
  std::vector<std::string> all(static_cast<std::size_t>(context.size));
  all[0] = mine;
  for (int r = 1; r < context.size; ++r) {
    std::string& text = all[static_cast<std::size_t>(r)];
    text.resize(lengths[static_cast<std::size_t>(r)]);
    for (std::uint64_t at = 0; at < text.size(); at += kPiece) {
      const int n = static_cast<int>(std::min<std::uint64_t>(kPiece, text.size() - at));
      MPI_Recv(text.data() + at, n, MPI_CHAR, r, 1, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    }
  }
  return all;
#else
  return {mine};
#endif
}

std::uint64_t broadcast(const Context& context, std::uint64_t value) {
#ifdef GUARANTOR_HAVE_MPI
  if (context.parallel()) MPI_Bcast(&value, 1, MPI_UINT64_T, 0, MPI_COMM_WORLD);
#else
  (void)context;
#endif
  return value;
}

void barrier(const Context& context) {
#ifdef GUARANTOR_HAVE_MPI
  if (context.parallel()) MPI_Barrier(MPI_COMM_WORLD);
#else
  (void)context;
#endif
}

void abort(const Context& context, int exit_code) {
  std::cout.flush();
  std::cerr.flush();
#ifdef GUARANTOR_HAVE_MPI
  if (context.active && mpi_running()) MPI_Abort(MPI_COMM_WORLD, exit_code);
#else
  (void)context;
#endif
  std::exit(exit_code);
}

}  // namespace guarantor::distributed
