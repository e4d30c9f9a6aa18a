//! What the reader shows of loaded corpora in a real terminal: the article count and the
//! skipped files on the status line, the load-errors panel, metadata columns and the raw
//! view.

use std::path::Path;

use crate::support::repo_file;
use crate::tmux::{Tmux, qari_command};

#[test]
fn the_saudinewsnet_folder_opens_with_its_count_on_the_status_line() {
    let tmux = Tmux::start(120, 30);
    let corpus = repo_file("../shared/corpus/saudinewsnet");
    tmux.type_line(&qari_command(&[&corpus]));
    let screen = tmux.wait_for(|s| s.contains("article 1 of 31,030"));
    assert!(screen.contains("Articles · 31,030"), "{screen}");
    assert!(!screen.contains("skipped"), "{screen}");
    // Newest first: the corpus ends on 2015-08-11.
    assert!(screen.contains("2015-08-11"), "{screen}");
    tmux.keys(&["G"]);
    let screen = tmux.wait_for(|s| s.contains("article 31,030 of 31,030"));
    assert!(screen.contains("2015-07-21"), "oldest last:\n{screen}");
    tmux.keys(&["q"]);
    tmux.wait_for(|s| s.contains("QARI-EXITED-0"));
}

#[test]
fn skipped_files_are_counted_and_listed_with_their_reasons() {
    let tmux = Tmux::start(100, 30);
    let dir = tmux.dir.path().join("corpus");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("good.txt"), "عنوان الخبر\n\nنص الخبر.\n").unwrap();
    std::fs::write(dir.join("broken.json"), "[{").unwrap();
    std::fs::write(dir.join("binary.txt"), b"\0\x01\x02").unwrap();
    tmux.type_line(&qari_command(&[Path::new(&dir)]));
    let screen = tmux.wait_for(|s| s.contains("article 1 of 1"));
    assert!(screen.contains("2 files skipped (e)"), "{screen}");
    tmux.keys(&["e"]);
    let screen = tmux.wait_for(|s| s.contains("files not loaded"));
    assert!(screen.contains("broken.json: malformed JSON"), "{screen}");
    assert!(screen.contains("binary.txt: binary file"), "{screen}");
    tmux.keys(&["x"]);
    tmux.wait_for(|s| !s.contains("files not loaded"));
    tmux.keys(&["q"]);
    tmux.wait_for(|s| s.contains("QARI-EXITED-0"));
}
