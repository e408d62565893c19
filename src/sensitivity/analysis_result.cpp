#include "guarantor/sensitivity/analysis_result.hpp"

namespace guarantor::sensitivity {

const char* to_string(SensitivityMethod method) {
  switch (method) {
    case SensitivityMethod::sobol: return "sobol";
    case SensitivityMethod::morris: return "morris";
    case SensitivityMethod::oat: return "oat";
  }
  return "?";
}

}  // namespace guarantor::sensitivity
