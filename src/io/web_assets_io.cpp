#include "guarantor/io/web_assets_io.hpp"

#include <fmt/format.h>

#include <fstream>
#include <sstream>

namespace guarantor::io {
namespace {

std::optional<std::string> slurp(const std::string& path, Diagnostics& diagnostics, const std::string& hint) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diagnostics.error({path, 0, 0}, "", fmt::format("cannot read the file{}", hint));
    return std::nullopt;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace

std::optional<report::WebAssets> load_web_assets(const std::string& web_dir, Diagnostics& diagnostics) {
  const std::string npm_hint = " (run scripts/install-deps.sh, which runs `npm ci` in web/)";
  report::WebAssets assets;
  const std::pair<std::string*, std::string> files[] = {
      {&assets.page_template, web_dir + "/src/report.html.in"},
      {&assets.report_css, web_dir + "/src/report.css"},
      {&assets.report_js, web_dir + "/src/report.js"},
      {&assets.leaflet_css, web_dir + "/node_modules/leaflet/dist/leaflet.css"},
      {&assets.leaflet_js, web_dir + "/node_modules/leaflet/dist/leaflet.js"},
      {&assets.echarts_js, web_dir + "/node_modules/echarts/dist/echarts.min.js"},
  };
  bool ok = true;
  for (const auto& [target, path] : files) {
    auto text = slurp(path, diagnostics, path.find("node_modules") != std::string::npos ? npm_hint : "");
    if (text) *target = std::move(*text); else ok = false;
  }
  if (!ok) return std::nullopt;
  return assets;
}

std::optional<nlohmann::json> read_json_file(const std::string& path, Diagnostics& diagnostics) {
  auto text = slurp(path, diagnostics, "");
  if (!text) return std::nullopt;
  try {
    return nlohmann::json::parse(*text);
  } catch (const nlohmann::json::parse_error& e) {
    diagnostics.error({path, 0, 0}, "", fmt::format("not valid JSON: {}", e.what()));
    return std::nullopt;
  }
}

}  // namespace guarantor::io

#include <openssl/evp.h>

namespace guarantor::io {

std::string file_sha256(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "";
  EVP_MD_CTX* context = EVP_MD_CTX_new();
  EVP_DigestInit_ex(context, EVP_sha256(), nullptr);
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    EVP_DigestUpdate(context, buffer, static_cast<std::size_t>(in.gcount()));
  }
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_DigestFinal_ex(context, digest, &length);
  EVP_MD_CTX_free(context);
  std::string hex;
  for (unsigned int i = 0; i < length; ++i) hex += fmt::format("{:02x}", digest[i]);
  return hex;
}

}  // namespace guarantor::io
