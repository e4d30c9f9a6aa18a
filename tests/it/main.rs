//! qari's integration tests: one binary, a module per area.

mod cli;
mod conformance;
mod oracle_fribidi;
mod properties;
mod snapshots;
mod support;
mod unicode_tables;
