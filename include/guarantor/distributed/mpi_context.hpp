#pragma once
// The MPI layer: where this process sits among the ranks `mpirun` started, and the few collective
// steps the commands need. MPI is initialised only when the process was launched by mpirun
// (OMPI_COMM_WORLD_SIZE set) and the build has MPI; otherwise every call here is the trivial one
// of a world of one rank, and the binary behaves exactly as without MPI.
//
// The state lives in the MPI library, not here: `world()` asks it. A Session (one, in main)
// initialises and finalises it.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace guarantor::distributed {

struct Context {
  int rank = 0;
  int size = 1;
  int local_size = 1;   // ranks on this node (OMPI_COMM_WORLD_LOCAL_SIZE), for the default thread count
  bool active = false;  // MPI is initialised (launched by mpirun, built with MPI)
  bool root() const { return rank == 0; }
  bool parallel() const { return active && size > 1; }
};

// True when the build links MPI (GUARANTOR_HAVE_MPI).
bool built_with_mpi();

// True when `world_size` (the value of OMPI_COMM_WORLD_SIZE, null when unset) says the process
// was launched by mpirun.
bool launched_by_mpirun(const char* world_size);

// Initialises MPI when built with it and launched by mpirun; finalises it when destroyed. Make one,
// in main, before anything else.
class Session {
 public:
  Session();
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;
  const Context& context() const { return context_; }

 private:
  Context context_;
  bool initialised_ = false;
};

// This process's place, asked of the MPI library: {0, 1, inactive} before a Session or without MPI.
Context world();

// Worker threads per rank when the user gave none: the node's cores shared by its ranks (>= 1).
unsigned default_threads(const Context& context);

// Every rank's string on the root, by rank (elsewhere empty). Identity on an inactive context.
std::vector<std::string> gather_strings(const Context& context, const std::string& mine);

// The root's value on every rank.
std::uint64_t broadcast(const Context& context, std::uint64_t value);

void barrier(const Context& context);

// Ends every rank of the run with `exit_code` (MPI_Abort), so that no rank waits forever for one
// that failed. On an inactive context: std::exit(exit_code).
[[noreturn]] void abort(const Context& context, int exit_code);

}  // namespace guarantor::distributed
