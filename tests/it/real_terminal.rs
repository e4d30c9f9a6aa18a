//! qari in a real terminal (tmux): what a person sees when they start it, open an article,
//! scroll, resize and quit.

use crate::support::{fribidi_visual_lines, qari_bin};
use crate::tmux::{Tmux, qari_command};

/// The first words of each sample title as GNU FriBidi draws them.
fn title_openings() -> Vec<String> {
    let list = std::process::Command::new(qari_bin())
        .arg("list")
        .output()
        .unwrap();
    let text = String::from_utf8(list.stdout).unwrap();
    text.lines()
        .map(|line| {
            let title = line.split('\t').nth(3).unwrap();
            let opening: Vec<&str> = title.split_whitespace().take(2).collect();
            fribidi_visual_lines(&opening.join(" "))[0]
                .trim()
                .to_owned()
        })
        .collect()
}

fn reader_line_number(screen: &str) -> usize {
    let after = screen.split("lines ").nth(1).expect("reader header");
    after.split('–').next().unwrap().trim().parse().unwrap()
}

#[test]
fn wide_terminal_lists_titles_opens_scrolls_and_quits_cleanly() {
    let openings = title_openings();
    assert_eq!(openings.len(), 5);
    let tmux = Tmux::start(100, 30);
    tmux.type_line(&qari_command(&[]));
    let screen = tmux.wait_for(|s| s.contains("article 1 of 5"));
    for opening in &openings {
        assert!(
            screen.contains(opening.as_str()),
            "{opening} missing from\n{screen}"
        );
    }
    assert!(screen.contains("Articles · 5") && screen.contains("Reader · lines 1–"));

    tmux.keys(&["j", "Enter"]);
    let screen = tmux.wait_for(|s| s.contains("article 2 of 5"));
    assert_eq!(reader_line_number(&screen), 1);
    tmux.keys(&["j", "j", "j"]);
    let screen = tmux.wait_for(|s| s.contains("lines 4–"));
    assert_eq!(reader_line_number(&screen), 4);
    tmux.keys(&["Space"]);
    let screen = tmux.wait_for(|s| reader_line_number(s) > 4);
    assert_eq!(reader_line_number(&screen), 4 + 27);
    tmux.keys(&["G"]);
    tmux.wait_for(|s| {
        let shown_to = s.split('–').nth(1).and_then(|r| r.split(" of ").next());
        let total = s
            .split(" of ")
            .nth(1)
            .and_then(|r| r.split_whitespace().next());
        shown_to.is_some() && shown_to == total
    });

    tmux.keys(&["q"]);
    let screen = tmux.wait_for(|s| s.contains("QARI-EXITED-"));
    assert!(screen.contains("QARI-EXITED-0"), "{screen}");
    assert!(
        !screen.contains("Articles ·"),
        "the alternate screen was left:\n{screen}"
    );
}

#[test]
fn narrow_terminal_shows_one_pane_at_a_time() {
    let openings = title_openings();
    let tmux = Tmux::start(40, 20);
    tmux.type_line(&qari_command(&[]));
    let screen = tmux.wait_for(|s| s.contains("article 1 of 5"));
    assert!(screen.contains("Articles · 5") && !screen.contains("Reader ·"));
    for opening in &openings {
        assert!(
            screen.contains(opening.as_str()),
            "{opening} missing from\n{screen}"
        );
    }
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for(|s| s.contains("Reader ·"));
    assert!(!screen.contains("Articles ·"));
    tmux.keys(&["j"]);
    tmux.wait_for(|s| s.contains("lines 2–"));
    tmux.keys(&["h"]);
    tmux.wait_for(|s| s.contains("Articles · 5") && !s.contains("Reader ·"));
    tmux.keys(&["C-c"]);
    let screen = tmux.wait_for(|s| s.contains("QARI-EXITED-"));
    assert!(screen.contains("QARI-EXITED-0"), "{screen}");
}

#[test]
fn tiny_sizes_and_a_resize_storm_leave_it_alive_and_drawing_right() {
    let tmux = Tmux::start(80, 24);
    tmux.type_line(&qari_command(&[]));
    tmux.wait_for(|s| s.contains("article 1 of 5"));
    // A fixed pseudo-random walk through sizes, tiny ones included.
    let mut seed: u32 = 12345;
    for step in 0..200 {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        let (width, height) = match step % 20 {
            0 => (1, 1),
            1 => (3, 2),
            _ => (1 + (seed >> 8) % 200, 1 + (seed >> 20) % 60),
        };
        tmux.resize(width as u16, height as u16);
        if step % 50 == 0 {
            tmux.keys(&["j"]);
        }
    }
    tmux.resize(100, 30);
    // qari may still be working through the storm's events: wait for the final state.
    let screen = tmux.wait_for(|s| {
        let status = s.lines().nth(29).unwrap_or_default();
        s.contains("Articles · 5") && status.contains("article 5 of 5") && status.contains("? help")
            || s.contains("QARI-EXITED")
    });
    assert!(!screen.contains("QARI-EXITED"), "qari died:\n{screen}");
    assert!(
        screen
            .lines()
            .next()
            .unwrap()
            .contains("Reader · lines 1–28"),
        "{screen}"
    );
    tmux.keys(&["q"]);
    let screen = tmux.wait_for(|s| s.contains("QARI-EXITED-"));
    assert!(screen.contains("QARI-EXITED-0"), "{screen}");
}
