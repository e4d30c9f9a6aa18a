//! The filter bar in a real terminal: typing a query letter by letter narrows the list on
//! every key, with the same results as `qari list -q` given the word being typed as a
//! prefix (`word*`); a malformed query shows its error and keeps the last good list; Esc
//! clears; Enter keeps the filter, read exactly from then on; `s` switches the order.

use std::process::Command;

use crate::support::qari_bin;
use crate::tmux::{Tmux, qari_command};

/// What `qari list -q` finds for `query` on the sample.
fn listed(query: &str, relevance: bool) -> Vec<String> {
    let mut command = Command::new(qari_bin());
    command.args(["list", "-q", query]);
    if relevance {
        command.args(["--sort", "relevance"]);
    }
    let output = command.output().unwrap();
    assert!(output.status.success(), "{query}");
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|l| l.split('\t').nth(3).unwrap().to_owned())
        .collect()
}

#[test]
fn typing_narrows_the_list_on_every_key_like_list_q() {
    let tmux = Tmux::start(100, 30);
    tmux.type_line(&qari_command(&[]));
    tmux.wait_for(|s| s.contains("article 1 of 5"));
    tmux.keys(&["/"]);
    tmux.wait_for(|s| s.contains("5 of 5"));
    let word = "حميميم";
    let mut typed = String::new();
    for letter in word.chars() {
        typed.push(letter);
        tmux.run_keys_literal(&letter.to_string());
        let expected = listed(&format!("{typed}*"), false).len();
        // The bar's own row: the list's header counts the same.
        let count = format!(" {expected} of 5");
        tmux.wait_for(|s| {
            s.lines()
                .last()
                .is_some_and(|row| row.contains('/') && row.contains(&count))
        });
    }
    // Two articles speak of Hmeimim; the list shows just them.
    tmux.wait_for(|s| {
        let rows: Vec<&str> = s.lines().skip(1).take(3).collect();
        s.contains(" 2 of 5")
            && rows.len() == 3
            && rows[0].contains("2021-01-18")
            && rows[1].contains("2021-01-18")
            && !rows[2].contains("20")
    });

    // A malformed filter says why and keeps the last good result (here that of
    // "حميميم foo", typed on the way: nothing).
    tmux.run_keys_literal(" foo:");
    let screen = tmux.wait_for(|s| s.contains("unknown filter `foo:`"));
    let last_good = listed("حميميم foo*", false).len();
    assert!(screen.contains(&format!(" {last_good} of 5")), "{screen}");
    // Esc clears the filter.
    tmux.keys(&["Escape"]);
    tmux.wait_for(|s| s.contains("article 1 of 5"));

    // Enter keeps the filter and gives the keyboard back to the list; s sorts by relevance.
    tmux.keys(&["/"]);
    tmux.run_keys_literal("موسكو ");
    tmux.wait_for(|s| s.contains(" 4 of 5"));
    tmux.keys(&["Enter", "s"]);
    let screen = tmux.wait_for(|s| s.contains("best match first"));
    let best = &listed("موسكو ", true)[0];
    let first_words: Vec<&str> = best.split_whitespace().take(2).collect();
    let shaped = crate::support::fribidi_visual_lines(&first_words.join(" "))[0]
        .trim()
        .to_owned();
    let first_row = screen.lines().nth(1).unwrap();
    assert!(first_row.contains(&shaped), "{shaped} not first:\n{screen}");
    tmux.keys(&["q"]);
    tmux.wait_for(|s| s.contains("QARI-EXITED-0"));
}
