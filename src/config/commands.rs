//! What a key can ask for: every bindable command, written once with its name in the
//! configuration's `[keys]`, the sentence the help shows for it, and its default keys.
//! The configuration reads `[keys]` into these types, so a name that is not here is a
//! reported mistake; the key map and the help are built from them.

/// A table of commands: one per `[keys]` table.
pub trait Bindable: Copy + Eq + 'static {
    /// Every command of the table, in the order the help lists them.
    fn all() -> &'static [Self];
    /// Its name in the configuration file.
    fn name(self) -> &'static str;
    /// What it does, for the help.
    fn description(self) -> &'static str;
    /// The keys it has unless the configuration says otherwise, as the file writes them.
    fn default_keys(self) -> &'static [&'static str];
    /// The command a configuration file names.
    fn from_name(name: &str) -> Option<Self> {
        Self::all().iter().copied().find(|c| c.name() == name)
    }
}

/// Declares a command enum from one line per command: doc, variant, name, default keys
/// and description, so that no list of them can disagree with another.
macro_rules! commands {
    (
        $(#[doc = $enum_doc:expr])*
        pub enum $enum:ident {
            $(
                $(#[doc = $doc:expr])*
                $variant:ident: $name:literal [$($key:literal),*] $description:literal,
            )*
        }
    ) => {
        $(#[doc = $enum_doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $enum {
            $($(#[doc = $doc])* $variant,)*
        }

        impl $enum {
            /// Every command, in the order the help lists them.
            pub const ALL: &'static [$enum] = &[$($enum::$variant,)*];

            /// Its name in the configuration file.
            pub fn name(self) -> &'static str {
                match self {
                    $($enum::$variant => $name,)*
                }
            }

            /// What it does, for the help.
            pub fn description(self) -> &'static str {
                match self {
                    $($enum::$variant => $description,)*
                }
            }

            /// The keys it has unless the configuration says otherwise.
            pub fn default_keys(self) -> &'static [&'static str] {
                match self {
                    $($enum::$variant => &[$($key),*],)*
                }
            }

            /// The command a configuration file names.
            pub fn from_name(name: &str) -> Option<Self> {
                <Self as Bindable>::from_name(name)
            }
        }

        impl Bindable for $enum {
            fn all() -> &'static [Self] {
                Self::ALL
            }
            fn name(self) -> &'static str {
                $enum::name(self)
            }
            fn description(self) -> &'static str {
                $enum::description(self)
            }
            fn default_keys(self) -> &'static [&'static str] {
                $enum::default_keys(self)
            }
        }
    };
}

commands! {
    /// A command of the list and the reader (`[keys]`), independent of its keys.
    pub enum Command {
        /// Next article in the list; one line down in the reader.
        MoveDown: "move_down" ["j", "Down"]
            "next article / scroll down a line",
        /// Previous article in the list; one line up in the reader.
        MoveUp: "move_up" ["k", "Up"]
            "previous article / scroll up a line",
        /// Open the selected article in the reader.
        Open: "open" ["Enter", "l"]
            "open the article",
        /// Back from the reader to the list; close the help.
        Back: "back" ["h", "Esc"]
            "back to the list / close",
        /// Move the focus to the other pane.
        SwitchPane: "switch_pane" ["Tab"]
            "switch pane",
        /// One page down.
        PageDown: "page_down" ["Space", "PgDn"]
            "page down",
        /// One page up.
        PageUp: "page_up" ["PgUp"]
            "page up",
        /// To the first article, or the top of the text.
        Top: "top" ["g", "Home"]
            "first article / top of the text",
        /// To the last article, or the end of the text.
        Bottom: "bottom" ["G", "End"]
            "last article / end of the text",
        /// Hide or show the harakat.
        ToggleTashkeel: "toggle_tashkeel" ["t"]
            "hide / show tashkeel (harakat)",
        /// Show the raw text, boilerplate included, or hide it again.
        ToggleRaw: "toggle_raw" ["r"]
            "raw text (boilerplate shown) / clean",
        /// Who reorders right-to-left text: qari, or the terminal.
        ToggleBidi: "toggle_bidi" ["D"]
            "who orders Arabic: qari / the terminal",
        /// List the files that could not be loaded.
        LoadErrors: "load_errors" ["e"]
            "files that could not be loaded",
        /// Type a filter (words, src:, date:).
        Filter: "filter" ["/"]
            "filter: words, \"phrase\", -word, src:, date:",
        /// Newest first, or best match first.
        Sort: "sort" ["s"]
            "sort: newest first / best match first",
        /// Scroll the reader to the next line where the filter's words occur.
        NextMatch: "next_match" ["n"]
            "next match in the article",
        /// Scroll the reader to the previous one.
        PreviousMatch: "previous_match" ["N"]
            "previous match in the article",
        /// Start selecting a passage by sentence (or stop).
        SelectSentences: "select_sentences" ["v"]
            "select a passage by sentence (j/k extend)",
        /// Start selecting a passage by paragraph (or stop).
        SelectParagraphs: "select_paragraphs" ["V"]
            "select a passage by paragraph (j/k extend)",
        /// Copy the selected passage (or the paragraph at the top) to the clipboard.
        Copy: "copy" ["y"]
            "copy the passage to the clipboard (OSC 52)",
        /// Copy the article's address (URL) to the clipboard.
        CopyUrl: "copy_url" ["o"]
            "copy the article's address (URL)",
        /// Bookmark the selected passage (or the paragraph at the top).
        Bookmark: "bookmark" ["b"]
            "bookmark the passage (or paragraph)",
        /// The same, with a note.
        BookmarkWithNote: "bookmark_with_note" ["B"]
            "bookmark it with a note",
        /// Show the bookmarks.
        Bookmarks: "bookmarks" ["'"]
            "bookmarks (their keys: below)",
        /// Mark the article read or unread.
        ToggleRead: "toggle_read" ["m"]
            "mark read / unread",
        /// The next unread article.
        NextUnread: "next_unread" ["]"]
            "next unread article",
        /// The previous unread article.
        PreviousUnread: "previous_unread" ["["]
            "previous unread article",
        /// Clear the terminal and draw the whole screen again.
        Redraw: "redraw" ["Ctrl-l"]
            "redraw the whole screen",
        /// Show or hide the list of keys.
        Help: "help" ["?"]
            "this help",
        /// Leave qari.
        Quit: "quit" ["q", "Ctrl-c"]
            "quit",
    }
}

commands! {
    /// A command of the bookmarks pane (`[keys.bookmarks_pane]`).
    pub enum BookmarksCommand {
        /// The next bookmark.
        MoveDown: "move_down" ["j", "Down"]
            "next bookmark",
        /// The previous one.
        MoveUp: "move_up" ["k", "Up"]
            "previous bookmark",
        /// Open the bookmark's article at its passage.
        Open: "open" ["Enter"]
            "open the article at the passage",
        /// Type text that the listed bookmarks must contain.
        Filter: "filter" ["/"]
            "filter the bookmarks",
        /// Edit the bookmark's note.
        EditNote: "edit_note" ["e"]
            "edit the note",
        /// Delete the bookmark.
        Delete: "delete" ["d"]
            "delete the bookmark",
        /// Bring back the last one deleted.
        Undo: "undo" ["u"]
            "undo the last delete",
        /// Close the pane.
        Close: "close" ["Esc", "'", "q"]
            "close the bookmarks",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::KeyName;

    fn check<C: Bindable + std::fmt::Debug>() {
        let mut names = std::collections::HashSet::new();
        for &command in C::all() {
            assert!(names.insert(command.name()), "{command:?}: name used twice");
            assert_eq!(C::from_name(command.name()), Some(command));
            assert!(!command.description().is_empty());
            assert!(!command.default_keys().is_empty(), "{command:?} has no key");
            for key in command.default_keys() {
                key.parse::<KeyName>()
                    .unwrap_or_else(|e| panic!("{command:?}: {e}"));
            }
        }
        assert_eq!(C::from_name("zoom"), None);
    }

    #[test]
    fn every_command_has_a_name_a_description_and_keys_that_parse() {
        check::<Command>();
        check::<BookmarksCommand>();
    }
}
