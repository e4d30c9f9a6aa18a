//! Every input that once made a fuzz target fail (`fuzz/`, see its README), replayed
//! through the very code the target runs: `fuzz/src/lib.rs` is included here, so a saved
//! input checks the same invariants as it did under libFuzzer.

use std::panic::{AssertUnwindSafe, catch_unwind};

use crate::support::repo_file;

#[allow(
    dead_code,
    reason = "a target that has never failed has no inputs to replay"
)]
#[path = "../../fuzz/src/lib.rs"]
mod checks;

/// Runs every file of `tests/fixtures/fuzz/<target>/` through `check`, and fails naming
/// each input that still panics.
fn replay(target: &str, check: fn(&[u8])) {
    let dir = repo_file(&format!("tests/fixtures/fuzz/{target}"));
    let mut inputs: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|err| panic!("{}: {err}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .collect();
    inputs.sort();
    assert!(!inputs.is_empty(), "no saved input in {}", dir.display());
    let failing: Vec<String> = inputs
        .iter()
        .filter(|path| {
            let bytes = std::fs::read(path).unwrap();
            catch_unwind(AssertUnwindSafe(|| check(&bytes))).is_err()
        })
        .map(|path| path.display().to_string())
        .collect();
    assert!(failing.is_empty(), "{target} still fails on {failing:#?}");
}

#[test]
fn decode_extract_inputs_that_failed_pass() {
    replay("decode_extract", checks::decode_extract);
}

#[test]
fn layout_inputs_that_failed_pass() {
    replay("layout", checks::layout);
}
