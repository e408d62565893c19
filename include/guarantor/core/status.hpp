#pragma once
// The outcome of a call across a module border: one `Status` (a code and a message) or, for calls
// that return a value, `Expected<T>` (the value or the Status that explains its absence).
// Problems with the *input file* are reported as Diagnostics (file, line, column, key); a Status
// says how a call ended. A front end maps StatusCode::invalid_input to exit 2, anything else to 1.

#include <optional>
#include <string>
#include <utility>
#include <variant>

#include "guarantor/core/diagnostics.hpp"

namespace guarantor {

enum class StatusCode {
  ok,
  invalid_input,   // the scenario, a flag or an input file is wrong: the user can fix it
  not_found,       // a named thing (variant, file, site) does not exist
  io_error,        // reading or writing a file failed
  solver_failure,  // an optimiser ended without a usable solution
  internal,        // a defect
};

const char* to_string(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;  // ok
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status ok() { return {}; }
  static Status invalid_input(std::string message) { return {StatusCode::invalid_input, std::move(message)}; }
  static Status not_found(std::string message) { return {StatusCode::not_found, std::move(message)}; }
  static Status io_error(std::string message) { return {StatusCode::io_error, std::move(message)}; }
  static Status solver_failure(std::string message) { return {StatusCode::solver_failure, std::move(message)}; }
  static Status internal(std::string message) { return {StatusCode::internal, std::move(message)}; }

  bool is_ok() const { return code_ == StatusCode::ok; }
  explicit operator bool() const { return is_ok(); }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // kExitOk, kExitInvalidInput (invalid_input, not_found) or kExitFailure.
  int exit_code() const;

 private:
  StatusCode code_ = StatusCode::ok;
  std::string message_;
};

// A value or the Status saying why there is none. `status()` of a value is ok.
template <typename T>
class [[nodiscard]] Expected {
 public:
  Expected(T value) : state_(std::move(value)) {}            // NOLINT: implicit by design
  Expected(Status status) : state_(std::move(status)) {}     // NOLINT: must not be ok

  bool has_value() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return has_value(); }
  T& value() & { return std::get<T>(state_); }
  const T& value() const& { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  Status status() const { return has_value() ? Status::ok() : std::get<Status>(state_); }

 private:
  std::variant<T, Status> state_;
};

}  // namespace guarantor
