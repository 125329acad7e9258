# Oversight: the two commands of the README, plus helpers.
#   make demo   install dependencies, build (release), run the default city, print the report path
#   make test   install dependencies, build and run the whole suite: CI preset, then asan+ubsan
#   make fuzz   build the libFuzzer targets (clang) and run each for FUZZ_SECONDS (default 60)
#   make format / format-check / tidy   lay out the C++ (clang-format), check it, static checks

MAKEFLAGS += --no-print-directory

OUT ?= oversight-out
BIN := build/release/oversight

.PHONY: all deps deps-test demo test build release bench asan tsan fuzz clean format format-check tidy

all: build

deps:
	@bash scripts/install-deps.sh

deps-test:
	@bash scripts/install-deps.sh --browser --sql

release: deps
	cmake --preset release
	cmake --build --preset release

build: release

demo: release
	$(BIN) run --out $(OUT)
	@echo "The report: $(abspath $(OUT))/report.html (open it in a browser; it needs no network)"

test: deps-test
	cmake --workflow --preset ci
	cmake --workflow --preset asan

asan: deps
	cmake --workflow --preset asan

# Multi-threaded tests under ThreadSanitizer (TBB's own frames suppressed: cmake/tsan.supp):
# the rule engine and the place models. The city's end-to-end tests take minutes each under
# TSan; run them by name (ctest --preset tsan -R ...) when a change touches the day loop.
tsan: deps
	cmake --preset tsan
	cmake --build --preset tsan
	ctest --preset tsan -L "policy|hotspot"

bench: release
	bash bench/run.sh

# libFuzzer on the scenario loader and the rule compiler (clang); FUZZ_SECONDS per target.
fuzz:
	@bash scripts/install-deps.sh --fuzz
	cmake --preset fuzz
	cmake --build --preset fuzz
	FUZZ_SECONDS=$${FUZZ_SECONDS:-60} bash fuzz/run.sh

# Lay out every C++ file as .clang-format says; format-check only reports (the test suite runs
# it in the CI preset).
format:
	find src tests bench fuzz -name '*.cc' -o -name '*.h' | xargs clang-format -i

format-check:
	@bash scripts/check-format.sh

# The static checks of .clang-tidy over every source file, on the CI build's compile commands.
tidy:
	@bash scripts/install-deps.sh --tidy
	cmake --preset ci
	run-clang-tidy -quiet -p build/ci '^$(CURDIR)/src/.*\.cc$$'

clean:
	rm -rf build $(OUT)
