#!/usr/bin/python3
"""Cross-checks guarantor's Sobol' indices with OpenTURNS (issue 13).

Runs the helper that writes a Saltelli design with Ishigami outputs (design.csv: the blocks A, B,
AB_1..AB_k stacked, n rows each, the order OpenTURNS' SobolIndicesExperiment uses) and the C++
estimates (indices.csv), then:

1. recomputes guarantor's estimators with numpy from the CSV (Saltelli 2010 first order, Jansen
   1999 total order, variance of the 2n outputs of A and B with divisor 2n): agreement to 1e-9;
2. runs openturns.JansenSensitivityAlgorithm on the same blocks. Its total order is the same
   Jansen estimator with other normalisers (sum / (2n - 1), variance of y_A with divisor n - 1), so
   after converting them it must agree to 1e-6. Its first order is Jansen's V - sum (y_E - y_B)^2 /
   (2n - 1); since sum (y_E - y_B)^2 = sum y_E^2 + sum y_B^2 - 2 sum y_E y_B, it gives sum y_E y_B,
   from which the Saltelli 2010 numerator sum y_B (y_E - y_A) follows: agreement to 1e-6;
3. compares the indices of OpenTURNS' Saltelli, Jansen and Martinez estimators directly: different
   estimators on the same points differ by sampling noise only, checked within 0.01 at n = 2^14;
   and all of them against the analytic Ishigami indices within 0.03.

Exit 0 pass, 1 fail, 77 (CTest skip) when `import openturns` fails.
"""
import argparse
import csv
import math
import os
import subprocess
import sys

try:
    import numpy as np
    import openturns as ot
except ImportError as error:  # pragma: no cover - depends on the machine
    print(f"SKIP: cannot import openturns/numpy ({error}); install python3-openturns", file=sys.stderr)
    sys.exit(77)

N = 1 << 14
K = 3
SEED = 20261202
EXACT = 1e-6
NUMPY_EXACT = 1e-9
ESTIMATOR_SPREAD = 0.01
ANALYTIC = 0.03

failures = []


def check(label, got, want, tolerance):
    ok = abs(got - want) <= tolerance
    print(f"{'ok  ' if ok else 'FAIL'} {label}: {got:.10f} vs {want:.10f} (tolerance {tolerance:g})")
    if not ok:
        failures.append(label)


def ishigami_analytic(a=7.0, b=0.1):
    v1 = 0.5 * (1 + b * math.pi ** 4 / 5) ** 2
    v2 = a * a / 8
    v13 = 8 * b * b * math.pi ** 8 / 225
    v = v1 + v2 + v13
    return [v1 / v, v2 / v, 0.0], [(v1 + v13) / v, v2 / v, v13 / v]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--exporter", required=True, help="the sensitivity_export_ishigami executable")
    parser.add_argument("--work-dir", required=True)
    args = parser.parse_args()
    os.makedirs(args.work_dir, exist_ok=True)
    subprocess.run([args.exporter, args.work_dir, str(N), str(SEED)], check=True)

    data = np.loadtxt(os.path.join(args.work_dir, "design.csv"), delimiter=",", skiprows=1)
    with open(os.path.join(args.work_dir, "indices.csv"), newline="") as handle:
        rows = list(csv.DictReader(handle))
    cpp_s1 = [float(row["s1"]) for row in rows]
    cpp_st = [float(row["st"]) for row in rows]
    assert data.shape == (N * (K + 2), K + 1), data.shape
    x, y = data[:, :K], data[:, K]
    block = lambda b: slice(b * N, (b + 1) * N)  # noqa: E731
    y_a, y_b = y[block(0)], y[block(1)]
    y_e = [y[block(2 + i)] for i in range(K)]

    # The design's structure: AB_i is A with column i from B.
    for i in range(K):
        expected = x[block(0)].copy()
        expected[:, i] = x[block(1)][:, i]
        if not np.array_equal(x[block(2 + i)], expected):
            failures.append(f"block AB_{i + 1} is not A with column {i + 1} from B")

    # 1. numpy re-implementation of guarantor's estimators.
    variance = np.var(np.concatenate([y_a, y_b]))  # divisor 2n
    for i in range(K):
        check(f"numpy S1 x{i + 1}", np.mean(y_b * (y_e[i] - y_a)) / variance, cpp_s1[i], NUMPY_EXACT)
        check(f"numpy ST x{i + 1}", 0.5 * np.mean((y_a - y_e[i]) ** 2) / variance, cpp_st[i], NUMPY_EXACT)

    # 2. OpenTURNS' Jansen algorithm on the same blocks, its normalisers converted.
    jansen = ot.JansenSensitivityAlgorithm(ot.Sample(x), ot.Sample(y.reshape(-1, 1)), N)
    ot_first = np.array(jansen.getFirstOrderIndices())
    ot_total = np.array(jansen.getTotalOrderIndices())
    reference_variance = np.var(y_a, ddof=1)  # OpenTURNS' reference variance
    for i in range(K):
        total = ot_total[i] * reference_variance * (2 * N - 1) / (2 * N) / variance
        check(f"OpenTURNS Jansen ST x{i + 1} (converted)", total, cpp_st[i], EXACT)
        squared_distance = (1 - ot_first[i]) * reference_variance * (2 * N - 1)  # sum (y_E - y_B)^2
        cross = 0.5 * (np.sum(y_e[i] ** 2) + np.sum(y_b ** 2) - squared_distance)  # sum y_E y_B
        first = (cross - np.sum(y_b * y_a)) / N / variance
        check(f"OpenTURNS Jansen S1 x{i + 1} (converted to Saltelli 2010)", first, cpp_s1[i], EXACT)

    # 3. Other estimators on the same points, and the closed form.
    analytic_s1, analytic_st = ishigami_analytic()
    for name in ("SaltelliSensitivityAlgorithm", "JansenSensitivityAlgorithm", "MartinezSensitivityAlgorithm"):
        algorithm = getattr(ot, name)(ot.Sample(x), ot.Sample(y.reshape(-1, 1)), N)
        first = np.array(algorithm.getFirstOrderIndices())
        total = np.array(algorithm.getTotalOrderIndices())
        for i in range(K):
            check(f"{name} S1 x{i + 1} vs guarantor", first[i], cpp_s1[i], ESTIMATOR_SPREAD)
            check(f"{name} ST x{i + 1} vs guarantor", total[i], cpp_st[i], ESTIMATOR_SPREAD)
            check(f"{name} S1 x{i + 1} vs analytic", first[i], analytic_s1[i], ANALYTIC)
            check(f"{name} ST x{i + 1} vs analytic", total[i], analytic_st[i], ANALYTIC)
    for i in range(K):
        check(f"guarantor S1 x{i + 1} vs analytic", cpp_s1[i], analytic_s1[i], ANALYTIC)
        check(f"guarantor ST x{i + 1} vs analytic", cpp_st[i], analytic_st[i], ANALYTIC)

    if failures:
        print(f"{len(failures)} check(s) failed: " + "; ".join(failures), file=sys.stderr)
        return 1
    print(f"all checks passed (OpenTURNS {ot.__version__}, n = {N}, seed {SEED})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
