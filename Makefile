# The two commands a newcomer needs:
#   make serve   installs what is missing, builds, serves http://127.0.0.1:8080
#   make test    installs what is missing (Chromium too), runs every test
SHELL := /bin/bash
ENV := source scripts/env.sh &&

.PHONY: serve test setup setup-test build build-debug dev lint native fuzz-smoke fuzz browser e2e size size-check wasm-sizes bench bench-cohort bench-web wordpress-plugin wordpress-lint wordpress-services

serve: setup build
	$(ENV) node scripts/serve.mjs dist 8080

test: setup-test lint wordpress-lint native fuzz-smoke browser build build-debug wordpress-plugin wordpress-services size-check e2e

setup:
	scripts/setup.sh

setup-test:
	scripts/setup.sh --test

# The release build users get: the owner's app (index.html) and, each its own
# wasm so owners never download them, trainer mode (pelatih.html) and the
# embedded widget with its configuration checks (widget.html).
build:
	$(ENV) trunk build --release
	for page in pelatih widget; do \
	  $(ENV) trunk build $$page.html --release --dist target/dist-$$page && \
	  cp target/dist-$$page/$$page-*.js target/dist-$$page/$$page-*.wasm dist/ && \
	  cp target/dist-$$page/index.html dist/$$page.html || exit 1; \
	done
	# The widget's configuration reader: a wasm of its own, loaded only when
	# a host names a JSON configuration file (crates/reader, scripts/reader.mjs).
	$(ENV) cargo build --release --target wasm32-unknown-unknown -p cek-reader
	rm -rf target/reader
	$(ENV) wasm-bindgen --target web --no-typescript --out-dir target/reader target/wasm32-unknown-unknown/release/cek_reader.wasm
	node_modules/.bin/wasm-opt -Oz $(WASM_OPT_FLAGS) target/reader/cek_reader_bg.wasm -o target/reader/cek_reader_bg.wasm
	node scripts/reader.mjs dist target/reader
	# Each wasm's imports named in one or two letters, in it and its glue.
	node scripts/short-imports.mjs dist
	node scripts/csp.mjs dist
	node scripts/sw.mjs dist
	node scripts/compress.mjs dist

# The owner's page as a debug build, for the one e2e test that needs what
# only debug builds have: the #uji-panik trigger of the error screen.
build-debug:
	$(ENV) trunk build --dist target/dist-debug
	node scripts/csp.mjs target/dist-debug
	# Precompressed, as the release is: brotli of the 3.6 MB debug wasm on
	# the first request took most of a test's 10 s wait.
	node scripts/compress.mjs target/dist-debug

# The WordPress plugin as the zip an administrator uploads (Plugins → Add
# New → Upload Plugin). The Indonesian .mo is compiled here from the .po by
# Debian's msgfmt (gettext), so only the .po is kept in git.
WP_PLUGIN := integrations/wordpress/cek-siap-ekspor
wordpress-plugin:
	rm -rf target/wordpress && mkdir -p target/wordpress
	cp -r $(WP_PLUGIN) target/wordpress/
	msgfmt --check -o target/wordpress/cek-siap-ekspor/languages/cek-siap-ekspor-id_ID.mo $(WP_PLUGIN)/languages/cek-siap-ekspor-id_ID.po
	rm -f target/cek-siap-ekspor-wordpress.zip
	cd target/wordpress && zip -qrX ../cek-siap-ekspor-wordpress.zip cek-siap-ekspor
	@echo "WordPress plugin: target/cek-siap-ekspor-wordpress.zip"

# Every PHP file of the plugin parses (php -l), and the translation compiles.
wordpress-lint:
	@for f in $$(find $(WP_PLUGIN) -name '*.php'); do php -l "$$f" || exit 1; done
	msgfmt --check -o /dev/null $(WP_PLUGIN)/languages/cek-siap-ekspor-id_ID.po

# MariaDB and Apache for e2e/wordpress.test.mjs, started if not running.
wordpress-services:
	scripts/wordpress.sh services

# Rebuild on change while developing (not for measuring anything).
dev: setup
	$(ENV) trunk serve

lint:
	cargo fmt --check
	cargo clippy --workspace --all-targets -- -D warnings
	$(ENV) cargo clippy --workspace --target wasm32-unknown-unknown --all-targets -- -D warnings
	$(ENV) cargo clippy --target wasm32-unknown-unknown --bin pelatih --features trainer-page -- -D warnings
	$(ENV) cargo clippy --target wasm32-unknown-unknown --bin cek-siap-ekspor --bin widget --features english-fetched -- -D warnings

# Every native test of the workspace: the pure core (crates/core) and its
# data, the CLI, and the shell's native checks (purity, import graph). Fast, no browser.
native:
	cargo test --workspace

# Every decoder of outside input under libFuzzer, a few seconds per target.
fuzz-smoke:
	scripts/fuzz.sh smoke

# The same targets for 1,000,000 executions each (RUNS=… to change).
fuzz:
	scripts/fuzz.sh long

# Components in headless Chromium (wasm-bindgen-test).
browser:
	$(ENV) cargo test --target wasm32-unknown-unknown -p cek-siap-ekspor

# The built app in headless Chromium at 360x740 (playwright-core).
e2e:
	$(ENV) node --test --test-concurrency=1 e2e/

# Shipped files: raw, gzip and brotli bytes, and the first-load total.
size: setup build
	$(ENV) node scripts/size.mjs dist --check

# Where each page's wasm bytes go (docs/bytes.md): the release profile and
# wasm-opt -Oz as trunk runs them, but with the function names kept. Symbols
# are mangled the v0 way, whose names say which of our components each of
# yew's render functions was made for; in a target dir of its own, so the
# release build's cache stays as it is.
WASM_OPT_FEATURES := --enable-bulk-memory --enable-nontrapping-float-to-int --enable-reference-types --enable-sign-ext --enable-mutable-globals --enable-multivalue
# What the pages' data-wasm-opt-params add to trunk's -Oz (pages/shell.html,
# the template of the three pages), kept the same here: the passes run again until
# the file stops shrinking, and two custom sections no browser reads are
# dropped (owner's wasm -0.5 KB brotli, docs/bytes.md).
WASM_OPT_FLAGS := $(WASM_OPT_FEATURES) --converge --strip-producers --strip-target-features
SIZES_CARGO := RUSTFLAGS="-C symbol-mangling-version=v0" CARGO_TARGET_DIR=target/wasm-sizes-build cargo build --release --target wasm32-unknown-unknown
wasm-sizes: setup
	$(ENV) $(SIZES_CARGO) --bin cek-siap-ekspor --bin widget --features english-fetched
	# The trainer's page is built with its feature, as pelatih.html asks trunk.
	$(ENV) $(SIZES_CARGO) --bin pelatih --features trainer-page
	mkdir -p target/wasm-sizes
	$(ENV) $(SIZES_CARGO) -p cek-reader
	for bin in cek-siap-ekspor pelatih widget cek_reader; do \
	  $(ENV) wasm-bindgen --target web --no-typescript --out-dir target/wasm-sizes target/wasm-sizes-build/wasm32-unknown-unknown/release/$$bin.wasm && \
	  node_modules/.bin/wasm-opt -Oz -g $(WASM_OPT_FEATURES) --converge target/wasm-sizes/$${bin}_bg.wasm -o target/wasm-sizes/$$bin.wasm && \
	  node scripts/wasm-sizes.mjs target/wasm-sizes/$$bin.wasm 12 || exit 1; \
	done

# The budget check alone, on the build make test just made.
size-check:
	$(ENV) node scripts/size.mjs dist --check

# Benchmarks: they report figures, they assert none.
bench: bench-cohort bench-web

# A trainer's dashboard over 10,000 participants, in wasm in headless Chromium.
bench-cohort: setup-test
	$(ENV) cargo bench --target wasm32-unknown-unknown --bench cohort

# The owner's page on a phone, from the release build served with compression:
# first-load bytes, Lighthouse mobile (median of 3), first question and
# next-question times at 360x740 with 4x CPU slowdown, and an offline second
# visit. A table, then one JSON line (keys documented in bench/bench.mjs).
bench-web: setup-test build
	$(ENV) node bench/bench.mjs dist
