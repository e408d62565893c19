#include "guarantor/core/status.hpp"

namespace guarantor {

const char* to_string(StatusCode code) {
  switch (code) {
    case StatusCode::ok: return "ok";
    case StatusCode::invalid_input: return "invalid input";
    case StatusCode::not_found: return "not found";
    case StatusCode::io_error: return "I/O error";
    case StatusCode::solver_failure: return "solver failure";
    case StatusCode::internal: return "internal error";
  }
  return "?";
}

int Status::exit_code() const {
  switch (code_) {
    case StatusCode::ok: return kExitOk;
    case StatusCode::invalid_input:
    case StatusCode::not_found: return kExitInvalidInput;
    default: return kExitFailure;
  }
}

}  // namespace guarantor
