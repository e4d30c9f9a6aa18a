//! qari's integration tests: one binary, a module per area.

mod cli;
mod conformance;
mod oracle_fribidi;
mod snapshots;
mod support;
mod unicode_tables;
