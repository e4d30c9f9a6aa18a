//! `qari show`: an article's body exactly as the reader pane lays it out. In a pipe the
//! harakat are always drawn, as the contract has always printed them; on a terminal they
//! follow the configuration, as in the reader.

use std::io::Read;
use std::path::{Path, PathBuf};

use super::output::{Destination, Output};
use super::{CliError, ShowArgs, load_corpus, report_skipped, write_stdout};
use crate::article::BodyView;
use crate::config::Config;
use crate::corpus;
use crate::text::{Alignment, LayoutOptions, Tashkeel, VisualLine, layout_body, layout_paragraph};

/// Width when neither `--width` nor a terminal says otherwise.
const DEFAULT_WIDTH: usize = 80;

pub(super) fn run(args: &ShowArgs, config: &Config, output: &Output) -> Result<(), CliError> {
    // The reader's bidi mode and shaping, at the width and alignment asked for.
    let options = LayoutOptions {
        width: args
            .width
            .unwrap_or_else(|| default_width(output.destination)),
        tashkeel: match output.destination {
            Destination::Terminal => output.reader_line.tashkeel,
            Destination::Program => Tashkeel::Shown,
        },
        base: args.base_dir.into(),
        alignment: if args.no_align {
            Alignment::Left
        } else {
            Alignment::ByDirection
        },
        ..output.reader_line
    };
    let view = if args.raw {
        BodyView::Raw
    } else {
        BodyView::Clean
    };
    let lines: Vec<VisualLine> = if args.target == "-" {
        // Each input line is one paragraph, with no blank line added between, so that
        // with --width 0 there is exactly one output line per input line.
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes)?;
        let text = corpus::load_stdin(&bytes)
            .map_err(|reason| anyhow::anyhow!("standard input: {reason}"))?;
        text.lines()
            .flat_map(|paragraph| layout_paragraph(paragraph, &options))
            .collect()
    } else {
        let corpus = if Path::new(&args.target).is_file() {
            corpus::load_paths(&[PathBuf::from(&args.target)])
        } else {
            load_corpus(&args.paths, config)
        };
        report_skipped(&corpus);
        let article = match corpus.articles.as_slice() {
            [only] if Path::new(&args.target).is_file() => only,
            _ => corpus.find(&args.target)?,
        };
        layout_body(&article.body(view), &options)
            .into_iter()
            .map(|body_line| body_line.line)
            .collect()
    };
    write_stdout(|out| {
        for line in &lines {
            writeln!(out, "{}", line.to_plain())?;
        }
        Ok(())
    })
}

/// The terminal's width on a terminal, else [`DEFAULT_WIDTH`].
fn default_width(destination: Destination) -> usize {
    match destination {
        Destination::Terminal => {
            crossterm::terminal::size().map_or(DEFAULT_WIDTH, |(columns, _)| usize::from(columns))
        }
        Destination::Program => DEFAULT_WIDTH,
    }
}
