//! Colours and attributes of the reader's marks, by theme: 16 colours by default (they
//! follow the terminal's palette), 24-bit ones when `COLORTERM` says the terminal has
//! them, none at all in `mono` (which `NO_COLOR` chooses). Nothing is told by colour
//! alone: every mark also has an attribute or a glyph of its own.

use ratatui::style::{Color, Modifier, Style};

use crate::config::ThemeName;

/// How many colours the terminal shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColorDepth {
    /// The 16 ANSI colours, which the user's palette defines.
    Ansi16,
    /// 24-bit colour.
    TrueColor,
}

/// The styles the views use for marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Theme {
    /// Which theme this is.
    pub name: ThemeName,
    /// A search match in the reader (also underlined and bold).
    pub matched: Style,
    /// The match `n` or `N` last jumped to: a match, reversed.
    pub current_match: Style,
    /// The margin mark of a bookmarked line.
    pub bookmark_mark: Style,
    /// The dot of an unread article.
    pub unread_mark: Style,
}

impl Default for Theme {
    fn default() -> Self {
        Self::new(ThemeName::Dark, ColorDepth::Ansi16)
    }
}

impl Theme {
    /// The theme `name` at `depth`.
    pub fn new(name: ThemeName, depth: ColorDepth) -> Self {
        let (matched, mark) = match (name, depth) {
            (ThemeName::Mono, _) => (None, None),
            (ThemeName::Dark, ColorDepth::Ansi16) => (Some(Color::Yellow), Some(Color::Cyan)),
            (ThemeName::Light, ColorDepth::Ansi16) => (Some(Color::Blue), Some(Color::Magenta)),
            (ThemeName::Dark, ColorDepth::TrueColor) => (
                Some(Color::Rgb(255, 200, 60)),
                Some(Color::Rgb(90, 200, 250)),
            ),
            (ThemeName::Light, ColorDepth::TrueColor) => {
                (Some(Color::Rgb(0, 90, 200)), Some(Color::Rgb(170, 0, 140)))
            }
        };
        let colour = |style: Style, colour: Option<Color>| match colour {
            Some(c) => style.fg(c),
            None => style,
        };
        let matched = colour(
            Style::default().add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
            matched,
        );
        Self {
            name,
            matched,
            current_match: matched.add_modifier(Modifier::REVERSED),
            bookmark_mark: colour(Style::default(), mark),
            unread_mark: colour(Style::default(), mark),
        }
    }

    /// The theme asked for, in the colours the terminal has: `COLORTERM=truecolor` or
    /// `24bit` allows 24-bit colour. Which theme (`NO_COLOR` against `--theme` and the
    /// configuration) was decided by the command line.
    pub fn for_terminal(name: ThemeName, env: impl Fn(&str) -> Option<String>) -> Self {
        let depth = match env("COLORTERM").as_deref() {
            Some("truecolor" | "24bit") => ColorDepth::TrueColor,
            _ => ColorDepth::Ansi16,
        };
        Self::new(name, depth)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            pairs
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    #[test]
    fn mono_has_no_colour_and_colorterm_allows_24_bits() {
        let mono = Theme::for_terminal(ThemeName::Mono, env(&[("COLORTERM", "truecolor")]));
        assert_eq!(mono.name, ThemeName::Mono);
        assert_eq!(mono.matched.fg, None);
        assert_eq!(mono.bookmark_mark.fg, None);
        let dark = Theme::for_terminal(ThemeName::Dark, env(&[("NO_COLOR", "1")]));
        assert_eq!(
            dark.matched.fg,
            Some(Color::Yellow),
            "NO_COLOR is not read here"
        );
        let deep = Theme::for_terminal(ThemeName::Light, env(&[("COLORTERM", "truecolor")]));
        assert!(matches!(deep.matched.fg, Some(Color::Rgb(..))));
        let sixteen = Theme::for_terminal(ThemeName::Light, env(&[]));
        assert_eq!(sixteen.matched.fg, Some(Color::Blue));
    }

    #[test]
    fn every_theme_marks_matches_without_colour_too() {
        for name in [ThemeName::Dark, ThemeName::Light, ThemeName::Mono] {
            for depth in [ColorDepth::Ansi16, ColorDepth::TrueColor] {
                let theme = Theme::new(name, depth);
                assert!(theme.matched.add_modifier.contains(Modifier::UNDERLINED));
                // The current match is told from the others by an attribute as well.
                assert!(
                    theme
                        .current_match
                        .add_modifier
                        .contains(Modifier::UNDERLINED | Modifier::REVERSED)
                );
            }
        }
    }
}
