//! What a key can ask for: the bindable commands, each with the sentence the help
//! overlay shows for it.

/// A user command, independent of the key that triggers it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Command {
    /// Next article in the list; one line down in the reader.
    MoveDown,
    /// Previous article in the list; one line up in the reader.
    MoveUp,
    /// Open the selected article in the reader.
    Open,
    /// Back from the reader to the list; close the help.
    Back,
    /// Move the focus to the other pane.
    SwitchPane,
    /// One page down.
    PageDown,
    /// One page up.
    PageUp,
    /// To the first article, or the top of the text.
    Top,
    /// To the last article, or the end of the text.
    Bottom,
    /// Hide or show the harakat.
    ToggleTashkeel,
    /// Show the raw text, boilerplate included, or hide it again.
    ToggleRaw,
    /// Who reorders right-to-left text: qari, or the terminal.
    ToggleBidi,
    /// List the files that could not be loaded.
    LoadErrors,
    /// Type a filter (words, src:, date:).
    Filter,
    /// Newest first, or best match first.
    Sort,
    /// Scroll the reader to the next line where the filter's words occur.
    NextMatch,
    /// Scroll the reader to the previous one.
    PreviousMatch,
    /// Start selecting a passage by sentence (or stop).
    SelectSentences,
    /// Start selecting a passage by paragraph (or stop).
    SelectParagraphs,
    /// Copy the selected passage (or the paragraph at the top) to the clipboard.
    Copy,
    /// Bookmark the selected passage (or the paragraph at the top).
    Bookmark,
    /// The same, with a note.
    BookmarkWithNote,
    /// Copy the article's address (URL) to the clipboard.
    CopyUrl,
    /// Show the bookmarks.
    Bookmarks,
    /// Mark the article read or unread.
    ToggleRead,
    /// The next unread article.
    NextUnread,
    /// The previous unread article.
    PreviousUnread,
    /// Clear the terminal and draw the whole screen again.
    Redraw,
    /// Show or hide the list of keys.
    Help,
    /// Leave qari.
    Quit,
}

impl Command {
    /// Every command, in the order the help overlay lists them.
    pub const ALL: [Command; 30] = [
        Command::MoveDown,
        Command::MoveUp,
        Command::Open,
        Command::Back,
        Command::SwitchPane,
        Command::PageDown,
        Command::PageUp,
        Command::Top,
        Command::Bottom,
        Command::ToggleTashkeel,
        Command::ToggleRaw,
        Command::ToggleBidi,
        Command::LoadErrors,
        Command::Filter,
        Command::Sort,
        Command::NextMatch,
        Command::PreviousMatch,
        Command::SelectSentences,
        Command::SelectParagraphs,
        Command::Copy,
        Command::CopyUrl,
        Command::Bookmark,
        Command::BookmarkWithNote,
        Command::Bookmarks,
        Command::ToggleRead,
        Command::NextUnread,
        Command::PreviousUnread,
        Command::Redraw,
        Command::Help,
        Command::Quit,
    ];

    /// The command's name in the configuration file's `[keys]`.
    pub fn name(self) -> &'static str {
        match self {
            Command::MoveDown => "move_down",
            Command::MoveUp => "move_up",
            Command::Open => "open",
            Command::Back => "back",
            Command::SwitchPane => "switch_pane",
            Command::PageDown => "page_down",
            Command::PageUp => "page_up",
            Command::Top => "top",
            Command::Bottom => "bottom",
            Command::ToggleTashkeel => "toggle_tashkeel",
            Command::ToggleRaw => "toggle_raw",
            Command::ToggleBidi => "toggle_bidi",
            Command::LoadErrors => "load_errors",
            Command::Filter => "filter",
            Command::Sort => "sort",
            Command::NextMatch => "next_match",
            Command::PreviousMatch => "previous_match",
            Command::SelectSentences => "select_sentences",
            Command::SelectParagraphs => "select_paragraphs",
            Command::Copy => "copy",
            Command::CopyUrl => "copy_url",
            Command::Bookmark => "bookmark",
            Command::BookmarkWithNote => "bookmark_with_note",
            Command::Bookmarks => "bookmarks",
            Command::ToggleRead => "toggle_read",
            Command::NextUnread => "next_unread",
            Command::PreviousUnread => "previous_unread",
            Command::Redraw => "redraw",
            Command::Help => "help",
            Command::Quit => "quit",
        }
    }

    /// The command a configuration file names.
    pub fn from_name(name: &str) -> Option<Command> {
        Command::ALL.into_iter().find(|c| c.name() == name)
    }

    /// What the command does, for the help overlay.
    pub fn description(self) -> &'static str {
        match self {
            Command::MoveDown => "next article / scroll down a line",
            Command::MoveUp => "previous article / scroll up a line",
            Command::Open => "open the article",
            Command::Back => "back to the list / close",
            Command::SwitchPane => "switch pane",
            Command::PageDown => "page down",
            Command::PageUp => "page up",
            Command::Top => "first article / top of the text",
            Command::Bottom => "last article / end of the text",
            Command::ToggleTashkeel => "hide / show tashkeel (harakat)",
            Command::ToggleRaw => "raw text (boilerplate shown) / clean",
            Command::ToggleBidi => "who orders Arabic: qari / the terminal",
            Command::LoadErrors => "files that could not be loaded",
            Command::Filter => "filter: words, \"phrase\", -word, src:, date:",
            Command::Sort => "sort: newest first / best match first",
            Command::NextMatch => "next match in the article",
            Command::PreviousMatch => "previous match in the article",
            Command::SelectSentences => "select a passage by sentence (j/k extend)",
            Command::SelectParagraphs => "select a passage by paragraph (j/k extend)",
            Command::Copy => "copy the passage to the clipboard (OSC 52)",
            Command::CopyUrl => "copy the article's address (URL)",
            Command::Bookmark => "bookmark the passage (or paragraph)",
            Command::BookmarkWithNote => "bookmark it with a note",
            Command::Bookmarks => "bookmarks (their keys: below)",
            Command::ToggleRead => "mark read / unread",
            Command::NextUnread => "next unread article",
            Command::PreviousUnread => "previous unread article",
            Command::Redraw => "redraw the whole screen",
            Command::Help => "this help",
            Command::Quit => "quit",
        }
    }
}

/// What a key can ask of the bookmarks pane (`[keys.bookmarks_pane]`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BookmarksCommand {
    /// The next bookmark.
    MoveDown,
    /// The previous one.
    MoveUp,
    /// Open the bookmark's article at its passage.
    Open,
    /// Type text that the listed bookmarks must contain.
    Filter,
    /// Edit the bookmark's note.
    EditNote,
    /// Delete the bookmark.
    Delete,
    /// Bring back the last one deleted.
    Undo,
    /// Close the pane.
    Close,
}

impl BookmarksCommand {
    /// Every command of the pane, in the order the help lists them.
    pub const ALL: [BookmarksCommand; 8] = [
        BookmarksCommand::MoveDown,
        BookmarksCommand::MoveUp,
        BookmarksCommand::Open,
        BookmarksCommand::Filter,
        BookmarksCommand::EditNote,
        BookmarksCommand::Delete,
        BookmarksCommand::Undo,
        BookmarksCommand::Close,
    ];

    /// Its name in `[keys.bookmarks_pane]`.
    pub fn name(self) -> &'static str {
        match self {
            BookmarksCommand::MoveDown => "move_down",
            BookmarksCommand::MoveUp => "move_up",
            BookmarksCommand::Open => "open",
            BookmarksCommand::Filter => "filter",
            BookmarksCommand::EditNote => "edit_note",
            BookmarksCommand::Delete => "delete",
            BookmarksCommand::Undo => "undo",
            BookmarksCommand::Close => "close",
        }
    }

    /// The command a configuration file names.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.name() == name)
    }

    /// What it does, for the help overlay.
    pub fn description(self) -> &'static str {
        match self {
            BookmarksCommand::MoveDown => "next bookmark",
            BookmarksCommand::MoveUp => "previous bookmark",
            BookmarksCommand::Open => "open the article at the passage",
            BookmarksCommand::Filter => "filter the bookmarks",
            BookmarksCommand::EditNote => "edit the note",
            BookmarksCommand::Delete => "delete the bookmark",
            BookmarksCommand::Undo => "undo the last delete",
            BookmarksCommand::Close => "close the bookmarks",
        }
    }
}
