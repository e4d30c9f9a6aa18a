//! `qari show`: an article's body exactly as the reader pane lays it out.

use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{DisplayArgs, ShowArgs, load_corpus, report_skipped, write_stdout};
use crate::article::BodyView;
use crate::config::Config;
use crate::corpus;
use crate::text::{Alignment, LayoutOptions, Tashkeel, VisualLine, layout_body, layout_paragraph};

/// Width when neither `--width` nor a terminal says otherwise.
const DEFAULT_WIDTH: usize = 80;

pub(super) fn run(
    args: &ShowArgs,
    display: &DisplayArgs,
    config: &Config,
) -> anyhow::Result<ExitCode> {
    let options = LayoutOptions {
        width: args.width.unwrap_or_else(terminal_width),
        bidi: display.bidi_mode(config),
        shaping: display.shaping(),
        tashkeel: Tashkeel::Shown,
        base: args.base_dir.into(),
        alignment: if args.no_align {
            Alignment::Left
        } else {
            Alignment::ByDirection
        },
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
            load_corpus(&args.paths)
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
    })?;
    Ok(ExitCode::SUCCESS)
}

fn terminal_width() -> usize {
    if std::io::stdout().is_terminal() {
        crossterm::terminal::size().map_or(DEFAULT_WIDTH, |(columns, _)| usize::from(columns))
    } else {
        DEFAULT_WIDTH
    }
}
