//! qari, a terminal reader for Arabic news.
//!
//! The core knows nothing of terminals:
//! - [`text`]: sanitizing, shaping, wrapping and bidi reordering of paragraphs into cells.
//! - [`article`]: what an article is once loaded: id, title, paragraphs, origin.
//! - [`corpus`]: finding, reading and decoding article files, and the embedded sample.
//! - [`index`]: the in-memory search index and the filter language.
//! - [`bookmarks`]: bookmarked passages and reading state, anchored and stored safely.
//! - [`paths`]: where qari keeps its files.
//! - [`config`]: the configuration file, its defaults and its mistakes.
//!
//! The front end draws what the core computes:
//! - [`cli`]: the command line, and the `list` and `show` commands.
//! - [`tui`]: the interactive reader (ratatui and crossterm).
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod article;
pub mod bookmarks;
pub mod cli;
pub mod config;
pub mod corpus;
pub mod index;
pub mod paths;
pub mod text;
pub mod tui;
