# Two commands on a fresh Debian/Ubuntu machine with Swift 6:
#   make run    train and evaluate the first model on MNIST, then serve the web app
#   make test   run the whole test suite in release mode, then the pages in headless Chromium
#   make model  retrain the committed default model (Models/default.safetensors) from the data
#   make serve  start the web app (http://127.0.0.1:8080) with the default model
#   make ensemble  train three cnn-wide networks and average them (out/ensemble.safetensors)
SWIFT ?= swift
BIN := .build/release/digits
MODEL ?= out/logreg.safetensors

.PHONY: run test build deps test-deps clean data model ensemble serve

deps:
	@scripts/install-deps.sh

test-deps: deps
	@scripts/install-test-deps.sh

build: deps
	$(SWIFT) build -c release --product digits

# MNIST in the data folder (see README), downloaded first when none is found.
data: build
	@$(BIN) data verify >/dev/null 2>&1 || $(BIN) data download

# Trains and scores the first model, then leaves the web app running on the shipped default
# model (Ctrl-C stops it).
run: data
	$(BIN) train logreg --out $(MODEL)
	@echo "Web app: http://127.0.0.1:8080 (default model; Ctrl-C stops it)"
	$(BIN) serve

# The product's default model: cnn-wide (12 epochs, trained on distorted and restyled digits) on the
# standard split, seed 0. The same seed, data, core count and processor give the same weights bit
# for bit (the model card's date and timings differ); a processor without AVX512-BF16 trains in
# float32 and gets other weights. About 12 × 21 s on the quiet 2-core development machine;
# `--resume` continues an interrupted run.
model: data
	$(BIN) train cnn-wide --seed 0 --out Models/default.safetensors
	rm -f Models/default.safetensors.checkpoint

# The ensemble: cnn-wide with seeds 0, 1 and 2, their probabilities averaged, scored on the test
# set. About 3 × 4.5 min on the quiet 2-core development machine (bfloat16 products).
ensemble: data
	for seed in 0 1 2; do $(BIN) train cnn-wide --seed $$seed --out out/wide-$$seed.safetensors || exit 1; done
	$(BIN) ensemble out/wide-0.safetensors out/wide-1.safetensors out/wide-2.safetensors --out out/ensemble.safetensors
	rm -f out/wide-*.safetensors.checkpoint

serve: build
	$(BIN) serve

# After the Swift tests, the pages in headless Chromium (screenshots kept in out/screenshots/);
# the training step needs DIGITS_DATA and is skipped, saying so, without it.
test: test-deps
	$(SWIFT) test -c release
	@# `swift test` has just built the digits executable too (same flags): rebuilding it with
	@# `swift build` would recompile every package for nothing.
	timeout 900 python3 scripts/browser/test_pages.py --binary $(BIN) --out out/screenshots

clean:
	rm -rf .build out
