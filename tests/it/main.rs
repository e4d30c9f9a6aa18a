//! qari's integration tests: one binary, a module per area.

mod bidi_conformance;
mod bookmarked_list;
mod bookmarks;
mod bookmarks_safety;
mod cli;
mod corpus;
mod corpus_screens;
mod filter_bar;
mod filter_state;
mod forms_table;
mod fribidi;
mod hangup;
mod highlights;
mod injection;
mod layout_props;
mod passages;
mod pty;
mod screen;
mod search;
mod search_props;
mod seeds;
mod snapshots;
mod support;
mod terminal_e2e;
mod tmux;
