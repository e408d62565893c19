#include "support/cli_runner.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace guarantor::testing {

namespace {
std::string quote(const std::string& arg) {
  std::string quoted = "'";
  for (char c : arg) {
    if (c == '\'') quoted += "'\\''"; else quoted += c;
  }
  return quoted + "'";
}
}  // namespace

std::string source_path(const std::string& relative) { return std::string(GUARANTOR_SOURCE_DIR) + "/" + relative; }

std::string temp_dir(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() / ("guarantor-test-" + std::to_string(::getpid()) + "-" + name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

std::string write_temp_file(const std::string& name, const std::string& text) {
  // One folder per process, never emptied here, so files written earlier in a test survive.
  const auto dir = std::filesystem::temp_directory_path() / ("guarantor-test-" + std::to_string(::getpid()) + "-files");
  std::filesystem::create_directories(dir);
  const std::string path = (dir / name).string();
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

CliResult run_cli(const std::vector<std::string>& args) {
  const std::string dir = temp_dir("cli");
  std::string command = quote(std::string(GUARANTOR_BINARY_DIR) + "/guarantor");
  for (const auto& arg : args) command += " " + quote(arg);
  command += " >" + quote(dir + "/out") + " 2>" + quote(dir + "/err") + " </dev/null";
  const int status = std::system(command.c_str());
  CliResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = read_file(dir + "/out");
  result.err = read_file(dir + "/err");
  std::filesystem::remove_all(dir);
  return result;
}

}  // namespace guarantor::testing
