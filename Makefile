# Makefile: the two everyday commands (make run, make test) around meson + ninja.
BUILD      ?= build
ASAN_BUILD ?= build-asan
FUZZ_BUILD ?= build-fuzz
DATA       ?= var
LISTEN     ?= 127.0.0.1:8080
DEMO       ?=

.PHONY: all deps run test test-po test-docs test-clang test-unit test-e2e test-asan test-fuzz test-browser po bench clean

all: $(BUILD)/build.ninja
	ninja -C $(BUILD)

$(BUILD)/build.ninja:
	meson setup $(BUILD)

# installs missing Debian packages when run as root; otherwise says what is missing
deps:
	@tools/install-deps.sh build

# DEMO=1: an empty data folder first gets the demo company (krisenfest init --demo prints its login)
run: deps all
	@mkdir -p $(DATA)
	@if [ "$(DEMO)" = 1 ] && [ ! -e $(DATA)/krisenfest.db ]; then ./$(BUILD)/krisenfest init --demo --data $(DATA) || exit 1; fi
	./$(BUILD)/krisenfest serve --data $(DATA) --listen $(LISTEN)

test: deps
	@tools/install-deps.sh test
	@tools/run-tests.sh

test-po test-docs test-unit test-e2e test-asan test-fuzz test-browser: all
	@tools/run-tests.sh $(@:test-%=%)

po:
	tools/update-po.sh

bench: all
	bench/http.sh ./$(BUILD)/krisenfest

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD) build-clang
