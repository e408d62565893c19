# guarantor: the two commands README promises, and the pieces they are made of.
# The sanitizer and fuzz trees build without MPI (GUARANTOR_MPI=OFF): OpenMPI 4.1 reports leaks
# under AddressSanitizer at MPI_Init/MPI_Finalize that are not ours.
#   make run   install what is missing, build, run the main job (guarantor run) on the shipped default scenario
#   make test  install what is missing, build, run the whole test suite (also under ASan+UBSan, and the fuzzer)

# Empty SCENARIO: `guarantor run` takes the shipped default and its standard variants.
SCENARIO ?=
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
BUILD ?= build
SAN_BUILD ?= build-asan
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 30

.PHONY: run test deps build build-asan test-unit test-asan fuzz bench clean

OUT ?= out

run: build
	./$(BUILD)/guarantor run $(SCENARIO) --out $(OUT)
	@echo "Open $(OUT)/report.html in a browser (it works offline)."

test: test-unit test-asan fuzz

deps:
	./scripts/install-deps.sh

build: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release
	cmake --build $(BUILD) -j $(JOBS)

test-unit: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

build-asan: deps
	cmake -S . -B $(SAN_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGUARANTOR_SANITIZE=ON -DGUARANTOR_BENCH=OFF \
	  -DGUARANTOR_MPI=OFF
	cmake --build $(SAN_BUILD) -j $(JOBS)

test-asan: build-asan
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --test-dir $(SAN_BUILD) --output-on-failure -j $(JOBS) -LE slow

fuzz: deps
	CC=clang CXX=clang++ cmake -S . -B $(FUZZ_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGUARANTOR_FUZZ=ON \
	  -DGUARANTOR_TESTS=OFF -DGUARANTOR_BENCH=OFF -DGUARANTOR_MPI=OFF
	cmake --build $(FUZZ_BUILD) -j $(JOBS) --target fuzz_scenario_loader
	mkdir -p $(FUZZ_BUILD)/corpus
	cp tests/data/*.yaml data/scenarios/*.yaml $(FUZZ_BUILD)/corpus/ 2>/dev/null || true
	./$(FUZZ_BUILD)/tests/fuzz/fuzz_scenario_loader -max_total_time=$(FUZZ_SECONDS) -max_len=65536 \
	  -rss_limit_mb=4096 -print_final_stats=1 $(FUZZ_BUILD)/corpus

# Benchmarks print ratios against a baseline measured in the same run (never part of `make test`).
bench: build
	./$(BUILD)/bench/plan/bench_plan
	./$(BUILD)/bench/geo/bench_geo_coverage 300 50
	bench/sim/run.sh $(BUILD) data/scenarios/mnf-ukraine.yaml 100000
	bench/sensitivity/run.sh $(BUILD) data/scenarios/mnf-ukraine.yaml
	bench/mpi/run.sh $(BUILD) data/scenarios/mnf-ukraine.yaml

clean:
	rm -rf $(BUILD) $(SAN_BUILD) $(FUZZ_BUILD)
