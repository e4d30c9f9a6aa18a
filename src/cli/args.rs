//! The command line as clap sees it (DESIGN §6), and its translation into validated
//! options. Everything past this file works with typed values, never raw strings.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::config::{BidiSetting, Config, TashkeelSetting, ThemeName};
use crate::text::{Alignment, BaseDirection, BidiMode, LayoutOptions, Shaping, Tashkeel};

/// A terminal reader for Arabic news.
#[derive(Debug, Parser)]
#[command(name = "qari", version, about, subcommand_precedence_over_arg = true)]
pub struct Cli {
    /// What to do; with none, the reader opens.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Article files and folders to open; with none, the configuration's `corpus`, else
    /// the embedded sample.
    pub paths: Vec<PathBuf>,
    /// Print the default configuration, with what each setting means, and exit.
    #[arg(long)]
    pub print_default_config: bool,
    /// How text is drawn.
    #[command(flatten)]
    pub display: DisplayArgs,
}

/// Options shared by the reader and every command.
#[derive(Debug, Args, Clone, Default)]
pub struct DisplayArgs {
    /// Who reorders Arabic: qari (`app`), a terminal that does bidi itself (`terminal`),
    /// or `auto` (terminal for mlterm and Konsole); default: the configuration's, `app`.
    #[arg(long, global = true, value_enum)]
    pub bidi: Option<BidiArg>,
    /// Do not turn Arabic letters into presentation forms.
    #[arg(long, global = true)]
    pub no_shape: bool,
    /// The configuration file (default: QARI_CONFIG, else ~/.config/qari/config.toml).
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Colours: dark, light or mono (default: mono when NO_COLOR is set, else the
    /// configuration's, dark).
    #[arg(long, global = true, value_enum)]
    pub theme: Option<ThemeArg>,
}

impl DisplayArgs {
    /// The bidi mode asked for: on the command line, else in the configuration, with
    /// `auto` decided from the environment.
    pub fn bidi_mode(&self, config: &Config) -> BidiMode {
        let asked = match self.bidi {
            Some(BidiArg::App) => BidiSetting::App,
            Some(BidiArg::Terminal) => BidiSetting::Terminal,
            Some(BidiArg::Auto) => BidiSetting::Auto,
            None => config.bidi,
        };
        match asked.resolve(|name| std::env::var(name).ok()) {
            BidiSetting::Terminal => BidiMode::Terminal,
            BidiSetting::App | BidiSetting::Auto => BidiMode::App,
        }
    }

    /// The theme to draw with: the one on the command line, which wins over `NO_COLOR`
    /// (the variable speaks for every program, the option for this run); else mono when
    /// `NO_COLOR` is set and not empty; else the configuration's.
    pub fn theme(&self, config: &Config, env: impl Fn(&str) -> Option<String>) -> ThemeName {
        match self.theme {
            Some(ThemeArg::Dark) => ThemeName::Dark,
            Some(ThemeArg::Light) => ThemeName::Light,
            Some(ThemeArg::Mono) => ThemeName::Mono,
            None if env("NO_COLOR").is_some_and(|value| !value.is_empty()) => ThemeName::Mono,
            None => config.theme,
        }
    }

    /// How the reader lays out one line of text, unwrapped and unaligned: the bidi mode
    /// and shaping asked for, harakat as the configuration says.
    pub fn reader_line(&self, config: &Config) -> LayoutOptions {
        LayoutOptions {
            width: 0,
            bidi: self.bidi_mode(config),
            shaping: self.shaping(),
            tashkeel: match config.tashkeel {
                TashkeelSetting::Shown => Tashkeel::Shown,
                TashkeelSetting::Hidden => Tashkeel::Hidden,
            },
            base: BaseDirection::Auto,
            alignment: Alignment::Left,
        }
    }

    /// Whether to shape.
    pub fn shaping(&self) -> Shaping {
        if self.no_shape {
            Shaping::Off
        } else {
            Shaping::On
        }
    }
}

/// `--bidi`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum BidiArg {
    /// qari shapes and reorders; a bidi terminal is asked not to reorder again.
    #[default]
    App,
    /// Logical, unshaped text for terminals that do bidi themselves.
    Terminal,
    /// `terminal` for mlterm and Konsole, which say who they are; `app` elsewhere.
    Auto,
}

/// `--theme`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ThemeArg {
    /// Colours for a dark background.
    Dark,
    /// Colours for a light background.
    Light,
    /// No colour.
    Mono,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print one article per line: ID, DATE, SOURCE, TITLE separated by tabs.
    List(ListArgs),
    /// Print an article's body as the reader lays it out.
    Show(ShowArgs),
    /// List, add and export bookmarked passages.
    Bookmarks(BookmarksArgs),
}

/// `qari list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Article files and folders; with none, the embedded sample.
    pub paths: Vec<PathBuf>,
    /// One JSON object per line instead of tab-separated fields.
    #[arg(long)]
    pub json: bool,
    /// Order: newest first, or best match first.
    #[arg(long, value_enum, default_value_t = SortArg::Date)]
    pub sort: SortArg,
    /// Print at most this many articles.
    #[arg(long)]
    pub limit: Option<usize>,
    /// Only the articles that match this filter (the filter bar's language), meaning
    /// exactly what is written: `word*` for every word it begins.
    // A query may start with `-` (`-q -سوريا`, `-q --`): it is an exclusion or a word,
    // never an option.
    #[arg(short = 'q', long = "query", allow_hyphen_values = true)]
    pub query: Option<String>,
    /// Print load, index and query times to standard error.
    #[arg(long)]
    pub stats: bool,
}

/// `--sort`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SortArg {
    /// Newest first; undated articles last, in the order found.
    Date,
    /// Best match first (the order found when there is no query).
    Relevance,
}

/// `qari show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// An article id (or the start of one), a file, or `-` for standard input.
    pub target: String,
    /// Where to look the id up; with none, the embedded sample.
    pub paths: Vec<PathBuf>,
    /// Columns to wrap at; 0 for no wrapping. Default: the terminal's width, else 80.
    #[arg(long)]
    pub width: Option<usize>,
    /// Paragraph direction: from the first strong letter, or forced.
    #[arg(long, value_enum, default_value_t = BaseDirArg::Auto)]
    pub base_dir: BaseDirArg,
    /// Do not right-align right-to-left paragraphs.
    #[arg(long)]
    pub no_align: bool,
    /// Show the text as it is, boilerplate included.
    #[arg(long)]
    pub raw: bool,
}

/// `--base-dir`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BaseDirArg {
    /// From the first strong character (UAX #9 P2–P3).
    Auto,
    /// Right to left.
    Rtl,
    /// Left to right.
    Ltr,
}

impl From<BaseDirArg> for BaseDirection {
    fn from(arg: BaseDirArg) -> Self {
        match arg {
            BaseDirArg::Auto => BaseDirection::Auto,
            BaseDirArg::Rtl => BaseDirection::Rtl,
            BaseDirArg::Ltr => BaseDirection::Ltr,
        }
    }
}

/// `qari bookmarks`: with no action, the list.
#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct BookmarksArgs {
    /// What to do with the bookmarks.
    #[command(subcommand)]
    pub action: Option<BookmarksAction>,
    /// One JSON object per line instead of tab-separated fields.
    #[arg(long)]
    pub json: bool,
}

/// The actions of `qari bookmarks`.
#[derive(Debug, Subcommand)]
pub enum BookmarksAction {
    /// Print one bookmark per line: ID, ARTICLE, START, END, PASSAGE, NOTE separated by tabs.
    List(BookmarksListArgs),
    /// Bookmark a passage of an article and print the new bookmark's id.
    Add(BookmarksAddArgs),
    /// Print every bookmark as Markdown (grouped by article) or as the stored JSON.
    Export(BookmarksExportArgs),
}

/// `qari bookmarks list`.
#[derive(Debug, Args)]
pub struct BookmarksListArgs {
    /// One JSON object per line instead of tab-separated fields.
    #[arg(long)]
    pub json: bool,
}

/// `qari bookmarks add`.
#[derive(Debug, Args)]
pub struct BookmarksAddArgs {
    /// The article's id (or the start of one).
    pub id: String,
    /// Where to look the id up; with none, the embedded sample.
    pub paths: Vec<PathBuf>,
    /// First character of the passage: a char offset in the article's body (its
    /// paragraphs without site furniture, joined by a blank line).
    #[arg(long)]
    pub start: usize,
    /// One past the passage's last character.
    #[arg(long)]
    pub end: usize,
    /// A note to keep with the passage.
    #[arg(long)]
    pub note: Option<String>,
}

/// `qari bookmarks export`.
#[derive(Debug, Args)]
pub struct BookmarksExportArgs {
    /// Markdown for reading, or JSON (the whole store, as saved).
    #[arg(long, value_enum, default_value_t = ExportFormat::Md)]
    pub format: ExportFormat,
}

/// `--format` of `qari bookmarks export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Grouped by article, passages as block quotes with source, date and note.
    Md,
    /// `{"version": …, "bookmarks": […]}`, as `bookmarks.json` holds them.
    Json,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_color(value: &'static str) -> impl Fn(&str) -> Option<String> {
        move |name| (name == "NO_COLOR").then(|| value.to_owned())
    }

    #[test]
    fn a_theme_on_the_command_line_wins_over_no_color_and_no_color_over_the_file() {
        let mut config = Config::defaults();
        config.theme = ThemeName::Light;
        let asked = |theme| DisplayArgs {
            theme,
            ..DisplayArgs::default()
        };
        let none = asked(None);
        assert_eq!(none.theme(&config, |_| None), ThemeName::Light);
        assert_eq!(none.theme(&config, no_color("1")), ThemeName::Mono);
        assert_eq!(none.theme(&config, no_color("")), ThemeName::Light);
        let dark = asked(Some(ThemeArg::Dark));
        assert_eq!(dark.theme(&config, no_color("1")), ThemeName::Dark);
        let mono = asked(Some(ThemeArg::Mono));
        assert_eq!(mono.theme(&config, |_| None), ThemeName::Mono);
    }
}
