#pragma once
// Diagnostics: errors and warnings about input, each tied to a place in a file and a key.
// Every stage reports problems here instead of throwing, so that one run reports them all.

#include <cstddef>
#include <string>
#include <vector>

namespace guarantor {

struct SourceLocation {
  std::string file;
  int line = 0;    // 1-based; 0 when unknown
  int column = 0;  // 1-based; 0 when unknown
};

enum class Severity { error, warning };

struct Diagnostic {
  Severity severity = Severity::error;
  SourceLocation where;
  std::string key;  // dotted path of the offending key, e.g. "pledges[GB-land].quantity"
  std::string message;
};

class Diagnostics {
 public:
  void error(SourceLocation where, std::string key, std::string message);
  void warning(SourceLocation where, std::string key, std::string message);

  bool has_errors() const { return error_count_ > 0; }
  std::size_t error_count() const { return error_count_; }
  const std::vector<Diagnostic>& all() const { return items_; }
  void append(const Diagnostics& other);

 private:
  std::vector<Diagnostic> items_;
  std::size_t error_count_ = 0;
};

// "FILE:LINE:COLUMN: error: KEY: message", the form compilers use, so editors can jump to it.
std::string format_diagnostic(const Diagnostic& d);

// The closest candidate by edit distance, or "" when none is close enough to suggest.
std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates);

// Exit statuses shared by every front end.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;       // internal error, I/O failure
inline constexpr int kExitInvalidInput = 2;  // the input (scenario, flags, files) is invalid

}  // namespace guarantor
