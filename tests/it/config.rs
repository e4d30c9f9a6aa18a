//! The configuration file: each mistake is reported with its file, line and column and
//! qari carries on with the defaults; `--print-default-config` prints the documented
//! defaults; and what a good file sets reaches the commands and the reader.

use std::process::Command;

use crate::support::{qari_bin, repo_file};
use crate::tmux::{Tmux, qari_command};

/// `qari --config FILE list`: its first line on standard error and whether the sample
/// was listed anyway.
fn list_with(config: &str) -> (String, bool) {
    let output = Command::new(qari_bin())
        .current_dir(repo_file("."))
        .args(["--config", config, "list"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{config}");
    let stderr = String::from_utf8(output.stderr).unwrap();
    let listed = String::from_utf8(output.stdout).unwrap().lines().count() == 5;
    (stderr.lines().next().unwrap_or("").to_owned(), listed)
}

#[test]
fn each_bad_file_gives_its_exact_message_and_the_defaults_are_used() {
    let key_names = "a character, or Down, Up, Left, Right, Enter, Esc, Tab, Backspace, \
                     Space, PgDn, PgUp, Home, End, F1…F12, with Ctrl- in front for the \
                     control key";
    let cases = [
        (
            "unknown_theme.toml",
            "1:9: unknown variant `blue`, expected one of `dark`, `light`, `mono`".to_owned(),
        ),
        (
            "unknown_key.toml",
            format!("4:19: unknown key `Dwn` ({key_names})"),
        ),
        (
            "key_bound_twice.toml",
            "2:9: this key is bound to both `move_down` and `quit`".to_owned(),
        ),
        (
            "unknown_setting.toml",
            "2:1: unknown field `colour`, expected one of `corpus`, `bidi`, `theme`, \
             `tashkeel`, `mouse`, `date_format`, `date_locale`, `keys`"
                .to_owned(),
        ),
        (
            "bad_date_format.toml",
            "1:15: bad date_format: strftime formatting failed: %Q failed: requires IANA \
             time zone identifier or time zone offset, but neither were present"
                .to_owned(),
        ),
        (
            "corpus_not_a_list.toml",
            "1:10: invalid type: string \"news\", expected a sequence".to_owned(),
        ),
        (
            "broken_toml.toml",
            "1:6: unclosed table, expected `]`".to_owned(),
        ),
        (
            "unknown_command.toml",
            "2:1: unknown command `zoom` in [keys]".to_owned(),
        ),
        (
            "unknown_date_locale.toml",
            "1:15: unknown variant `fr`, expected one of `en`, `ar`, `ar-gulf`, `ar-levant`"
                .to_owned(),
        ),
        (
            "unknown_tashkeel.toml",
            "1:12: unknown variant `sometimes`, expected `shown` or `hidden`".to_owned(),
        ),
    ];
    for (file, message) in cases {
        let path = format!("tests/fixtures/config/{file}");
        let (said, listed) = list_with(&path);
        assert_eq!(said, format!("qari: {path}:{message}; using the defaults"));
        assert!(listed, "{file}: the sample is listed anyway");
    }
    let (said, listed) = list_with("tests/fixtures/config/missing.toml");
    assert_eq!(
        said,
        "qari: tests/fixtures/config/missing.toml: cannot read: No such file or directory \
         (os error 2); using the defaults"
    );
    assert!(listed);
}

#[test]
fn the_printed_defaults_are_the_documented_file_and_read_back_silently() {
    let output = Command::new(qari_bin())
        .arg("--print-default-config")
        .output()
        .unwrap();
    assert!(output.status.success());
    let printed = String::from_utf8(output.stdout).unwrap();
    // The documented settings, then every command with its keys and what it does.
    let settings = std::fs::read_to_string(repo_file("assets/config.toml")).unwrap();
    let keys = printed
        .strip_prefix(settings.as_str())
        .expect("the settings come first");
    assert!(keys.starts_with("[keys]\n"), "{keys}");
    for command in qari::config::commands::Command::ALL {
        let line = keys
            .lines()
            .find(|l| l.starts_with(&format!("{} = [", command.name())))
            .unwrap_or_else(|| panic!("{command:?} in\n{keys}"));
        assert!(
            line.ends_with(&format!("# {}", command.description())),
            "{line}"
        );
    }
    assert!(keys.contains("\n[keys.bookmarks_pane]\n"), "{keys}");
    assert!(keys.contains("\nclose = [\"Esc\", \"'\", \"q\"]"), "{keys}");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    std::fs::write(&file, &printed).unwrap();
    let (said, listed) = list_with(file.to_str().unwrap());
    assert_eq!(said, "");
    assert!(listed);
    // QARI_CONFIG names the file when --config does not.
    let output = Command::new(qari_bin())
        .env(
            "QARI_CONFIG",
            repo_file("tests/fixtures/config/unknown_theme.toml"),
        )
        .arg("list")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&output.stderr).contains("unknown variant `blue`"));
}

#[test]
fn the_configured_corpus_is_opened_without_paths() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("one.txt"), "عنوان واحد\n\nنص.\n").unwrap();
    let file = dir.path().join("config.toml");
    std::fs::write(&file, format!("corpus = [{:?}]\n", dir.path())).unwrap();
    let output = Command::new(qari_bin())
        .args(["--config", file.to_str().unwrap(), "list"])
        .output()
        .unwrap();
    let listed = String::from_utf8(output.stdout).unwrap();
    assert_eq!(listed.lines().count(), 1, "{listed}");
    assert!(listed.contains("عنوان واحد"));
}

/// qari on the sample in a tmux terminal `width` columns wide, with the configuration
/// `config`, and its first screen.
fn reader_with(width: u16, config: &str) -> (Tmux, String) {
    let tmux = Tmux::start(width, 30);
    let file = tmux.dir.path().join("config.toml");
    std::fs::write(&file, config).unwrap();
    // The test terminal's environment names the configuration file.
    let line = format!("env QARI_CONFIG='{}' {}", file.display(), qari_command(&[]));
    tmux.type_line(&line);
    let screen = tmux.wait_for(|s| s.contains("article 1 of 5"));
    (tmux, screen)
}

#[test]
fn the_reader_follows_the_keys_tashkeel_and_date_format_of_its_configuration() {
    let (tmux, screen) = reader_with(
        100,
        "tashkeel = \"hidden\"\ndate_format = \"%d/%m/%Y\"\n\n[keys]\nmove_down = [\"x\"]\n\
         help = [\"F1\"]\n",
    );
    assert!(screen.contains("13/11/2024"), "{screen}");
    // Harakat hidden from the start: the second article's أنّ has no shadda.
    tmux.keys(&["x"]);
    let screen = tmux.wait_for(|s| s.contains("article 2 of 5"));
    assert!(!screen.chars().any(qari::text::is_tashkeel), "{screen}");
    // j is no longer bound; the help lists x and F1.
    tmux.keys(&["j"]);
    tmux.keys(&["F1"]);
    let help = tmux.wait_for(|s| s.contains("keys"));
    assert!(
        help.lines()
            .any(|l| l.contains(" x ") && l.contains("next article")),
        "{help}"
    );
    // The last keys are on the help's second page at this height.
    let help = if help.contains("this help") {
        help
    } else {
        tmux.keys(&["PageDown"]);
        tmux.wait_for(|s| s.contains("this help"))
    };
    assert!(
        help.lines()
            .any(|l| l.contains(" F1 ") && l.contains("this help")),
        "{help}"
    );
    tmux.keys(&["Escape"]);
    // Keys are handled in order: j, read before F1, did nothing.
    tmux.wait_for(|s| !s.contains("keys ·") && s.contains("article 2 of 5"));
    tmux.keys(&["q"]);
    tmux.wait_for(|s| s.contains("QARI-EXITED-0"));
}

#[test]
fn date_locale_writes_arabic_month_names_in_the_list_and_the_reader() {
    // Levantine names, and the Arabic order of a date (no date_format of its own), 150
    // columns wide for the list's date column.
    let (tmux, screen) = reader_with(150, "date_locale = \"ar-levant\"\n");
    // The sample's first article is of 13 November 2024, written right to left as one
    // run, in the list's date column and the reader's header.
    let written = crate::support::fribidi_visual("13 تشرين الثاني 2024");
    let rows: Vec<&str> = screen.lines().filter(|l| l.contains(&written)).collect();
    assert!(
        rows.len() >= 2,
        "{written} in the list and the header:\n{screen}"
    );
    assert!(!screen.contains("2024-11-13"), "{screen}");
    tmux.keys(&["q"]);
    tmux.wait_for(|s| s.contains("QARI-EXITED-0"));
}
