//! Where the commands' text goes and in what order (DESIGN §6). In a pipe or a file it is
//! logical, as scripts read it; on a terminal each line is shaped and in visual order, as
//! the reader draws it, since a terminal that does not do bidi itself would otherwise
//! show Arabic backwards and unjoined. Also: a reader of the pipe that went away (`| head`)
//! is not an error.

use std::io::{self, IsTerminal, Write};

use super::CliError;
use crate::text::{LayoutOptions, VisualLine, layout_paragraph};

/// What standard output is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Destination {
    /// A terminal that someone reads.
    Terminal,
    /// A pipe or a file that a program reads.
    Program,
}

impl Destination {
    /// What standard output is now.
    pub fn of_stdout() -> Self {
        if io::stdout().is_terminal() {
            Self::Terminal
        } else {
            Self::Program
        }
    }
}

/// How the commands print text: where it goes, and how the reader lays out a line.
#[derive(Clone, Copy, Debug)]
pub struct Output {
    /// Where standard output goes.
    pub destination: Destination,
    /// The reader's layout of one line (width 0: no wrapping, no alignment).
    pub reader_line: LayoutOptions,
}

impl Output {
    /// One line of text (no line break in it) as it is printed: as it is for a program,
    /// laid out as the reader draws it for a terminal.
    pub fn line(&self, text: &str) -> String {
        match self.destination {
            Destination::Program => text.to_owned(),
            Destination::Terminal => {
                let lines = layout_paragraph(text, &self.reader_line);
                let plain: Vec<String> = lines.iter().map(VisualLine::to_plain).collect();
                plain.join(" ")
            }
        }
    }

    /// Lines of text, each ending in a line break, as they are printed: as they are for
    /// a program, each laid out as the reader draws it for a terminal.
    pub fn text(&self, text: &str) -> String {
        match self.destination {
            Destination::Program => text.to_owned(),
            Destination::Terminal => text.lines().map(|line| self.line(line) + "\n").collect(),
        }
    }

    /// Fields separated by tabs. On a terminal each is laid out on its own, as the
    /// reader's list lays out each column, so that an Arabic title never pulls the id or
    /// the date across the tab.
    pub fn fields(&self, fields: &[&str]) -> String {
        match self.destination {
            Destination::Program => fields.join("\t"),
            Destination::Terminal => {
                let laid_out: Vec<String> = fields.iter().map(|field| self.line(field)).collect();
                laid_out.join("\t")
            }
        }
    }
}

/// Writes to standard output; a reader that went away (`| head`) is not an error.
pub fn write_stdout(write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<(), CliError> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match write(&mut out).and_then(|()| out.flush()) {
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{Alignment, BidiMode, Shaping};

    fn output(destination: Destination, bidi: BidiMode) -> Output {
        Output {
            destination,
            reader_line: LayoutOptions {
                bidi,
                alignment: Alignment::Left,
                ..LayoutOptions::default()
            },
        }
    }

    #[test]
    fn a_program_gets_the_text_as_it_is() {
        let out = output(Destination::Program, BidiMode::App);
        assert_eq!(out.line("سلام (1)"), "سلام (1)");
        assert_eq!(out.fields(&["a", "سلام", "b c"]), "a\tسلام\tb c");
    }

    #[test]
    fn a_terminal_gets_each_field_as_the_reader_draws_it() {
        let out = output(Destination::Terminal, BidiMode::App);
        // سلام: meem isolated, lam-alef final, seen initial, right to left.
        assert_eq!(out.line("سلام"), "\u{FEE1}\u{FEFC}\u{FEB3}");
        assert_eq!(
            out.fields(&["id-1", "سلام", "-"]),
            "id-1\t\u{FEE1}\u{FEFC}\u{FEB3}\t-"
        );
        let unshaped = Output {
            reader_line: LayoutOptions {
                shaping: Shaping::Off,
                ..out.reader_line
            },
            ..out
        };
        assert_eq!(unshaped.line("سلام (عليكم)"), "(مكيلع) مالس");
        // A terminal that does bidi itself gets logical, unshaped text.
        let bidi_terminal = output(Destination::Terminal, BidiMode::Terminal);
        assert_eq!(bidi_terminal.line("سلام"), "سلام");
    }
}
