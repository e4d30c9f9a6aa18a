//! qari's integration tests: one binary, a module per area.

mod cli;
mod conformance;
mod oracle_fribidi;
mod properties;
mod pty;
mod real_terminal;
mod snapshots;
mod support;
mod terminal_safety;
mod terminal_session;
mod tmux;
mod unicode_tables;
