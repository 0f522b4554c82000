# Two commands on a fresh Debian/Ubuntu machine with Swift 6:
#   make run    train and evaluate the first model on MNIST and print the report
#   make test   run the whole test suite in release mode
SWIFT ?= swift
BIN := .build/release/digits
MODEL ?= out/logreg.safetensors

.PHONY: run test build deps test-deps clean

deps:
	@scripts/install-deps.sh

test-deps: deps
	@scripts/install-test-deps.sh

build: deps
	$(SWIFT) build -c release --product digits

run: build
	@$(BIN) data verify >/dev/null 2>&1 || $(BIN) data download
	$(BIN) train logreg --out $(MODEL)
	$(BIN) evaluate $(MODEL)

test: test-deps
	$(SWIFT) test -c release

clean:
	rm -rf .build out
