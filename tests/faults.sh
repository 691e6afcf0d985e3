#!/usr/bin/env bash
# The long fault tests of tests/faults.rs (20 kills of a 1,000-document rebuild, searches during
# rebuilds, two builders at once) on the release binary; .ci/run calls it. A few minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
target_dir=$(cargo metadata --format-version 1 --no-deps | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')
export UNDEX_BIN="$target_dir/release/undex"
cargo test --test faults -- --ignored --test-threads=1 --nocapture
