//! Bookmarks in a real terminal: a passage of two sentences selected, copied with OSC 52
//! (the bytes qari sends, captured with tmux `pipe-pane`, decode to the passage's logical
//! text) and bookmarked with an Arabic note; after a restart the article is read, the
//! bookmarks pane shows the bookmark and Enter opens the article at the passage.

use std::time::{Duration, Instant};

use base64::Engine;

use crate::tmux::{PATIENCE, Tmux, qari_command};

/// The third article of the sample, newest first: its first two paragraphs, one
/// sentence each.
const FIRST: &str = "عرض وزير الخارجية الروسي، سيرغي لافروف، على إسرائيل تبادل المعلومات حول \
                     التهديدات المحتملة ضدها في سوريا، مؤكدًا أن بلاده ترفض استخدام الأراضي \
                     السورية ضد إسرائيل.";
const SECOND: &str = "وقال لافروف في مؤتمره الصحفي السنوي في موسكو، الاثنين 18 من كانون الثاني، إن \
                      بلاده اقترحت على إسرائيل تزويدها بالمعلومات في حال اضطراراها للرد على \
                      تهديدات أمنية من الأراضي السورية، لتعمل على تحييد تلك التهديدات.";
const NOTE: &str = "تحقق من المصدر";

/// The texts of the OSC 52 sequences in `bytes`, decoded.
fn clipboard_texts(bytes: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(bytes);
    text.split("\x1b]52;c;")
        .skip(1)
        .filter_map(|rest| rest.split('\x07').next())
        .map(|encoded| {
            let decoded = base64::engine::general_purpose::STANDARD
                .decode(encoded)
                .unwrap();
            String::from_utf8(decoded).unwrap()
        })
        .collect()
}

#[test]
fn a_passage_is_copied_and_bookmarked_with_a_note_and_found_again_after_a_restart() {
    let tmux = Tmux::start(100, 30);
    let output = tmux.capture_output();
    tmux.type_line(&qari_command(&[]));
    tmux.wait_for(|s| s.contains("article 1 of 5") && !s.contains("indexing"));
    tmux.keys(&["j", "j", "Enter", "v", "j", "y"]);
    tmux.wait_for(|s| s.contains("copied"));
    let passage = format!("{FIRST}\n\n{SECOND}");
    let start = Instant::now();
    loop {
        let copied = clipboard_texts(&std::fs::read(&output).unwrap());
        if copied.contains(&passage) {
            break;
        }
        assert!(start.elapsed() < PATIENCE, "copied: {copied:?}");
        std::thread::sleep(Duration::from_millis(20));
    }

    // The same passage bookmarked, with a note typed in Arabic.
    tmux.keys(&["v", "j", "B"]);
    tmux.wait_for(|s| s.lines().last().is_some_and(|l| l.contains("note:")));
    tmux.run_keys_literal(NOTE);
    let shaped_note = crate::support::fribidi_visual_lines(NOTE)[0]
        .trim()
        .to_owned();
    tmux.wait_for(|s| s.contains(&shaped_note));
    tmux.keys(&["Enter"]);
    tmux.wait_for(|s| s.contains("bookmarked with a note"));
    tmux.keys(&["q"]);
    tmux.wait_for(|s| s.contains("QARI-EXITED-0"));

    // A new qari: the pane lists it, Enter opens the article at the passage.
    tmux.type_line("clear");
    tmux.type_line(&qari_command(&[]));
    // The article opened before is read now: one fewer unread, its row without the dot.
    let list = tmux.wait_for(|s| s.contains("article 1 of 5"));
    assert!(list.contains("4 unread"), "{list}");
    assert!(!list.lines().nth(3).unwrap().contains('•'), "{list}");
    assert!(list.lines().nth(2).unwrap().contains('•'), "{list}");
    tmux.keys(&["'"]);
    let pane = tmux.wait_for(|s| s.contains("bookmarks · 1"));
    assert!(pane.contains(&shaped_note), "{pane}");
    tmux.keys(&["Enter"]);
    let opening = crate::support::fribidi_visual_lines("عرض وزير الخارجية الروسي")[0]
        .trim()
        .to_owned();
    let screen = tmux.wait_for(|s| !s.contains("bookmarks ·") && s.contains("Reader ·"));
    let top_row = screen.lines().nth(1).unwrap();
    assert!(
        top_row.contains(&opening),
        "{opening} not on the top row:\n{screen}"
    );
    // Its lines carry the bookmark mark in the margin.
    assert!(screen.lines().nth(1).unwrap().ends_with('▐'), "{screen}");
    tmux.keys(&["q"]);
    tmux.wait_for(|s| s.contains("QARI-EXITED-0"));
}

/// The place in an article survives qari being stopped by a signal (as when an SSH link
/// drops and the terminal hangs up): reopened, the article is where it was left.
#[test]
fn the_reading_position_survives_a_signal() {
    let tmux = Tmux::start(100, 30);
    // A name of its own on the command line, to find this qari among the tests' others.
    let marker = tmux.dir.path().join("config-of-this-test.toml");
    let config = [std::path::Path::new("--config"), marker.as_path()];
    std::fs::write(&marker, "").unwrap();
    tmux.type_line(&qari_command(&config));
    tmux.wait_for(|s| s.contains("article 1 of 5"));
    tmux.keys(&["Enter", "Space", "j", "j"]);
    let screen = tmux.wait_for(|s| s.contains("lines 30–"));
    let stopped = std::process::Command::new("pkill")
        .args(["-TERM", "-f", &marker.display().to_string()])
        .status()
        .unwrap();
    assert!(stopped.success(), "{screen}");
    tmux.wait_for(|s| s.contains("QARI-EXITED-"));
    tmux.type_line("clear");
    tmux.type_line(&qari_command(&config));
    tmux.wait_for(|s| s.contains("article 1 of 5"));
    tmux.keys(&["Enter"]);
    tmux.wait_for(|s| s.contains("lines 30–"));
    tmux.keys(&["q"]);
    tmux.wait_for(|s| s.contains("QARI-EXITED-0"));
}
