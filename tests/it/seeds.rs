//! The five sample articles' metadata as `qari list --json` gives it, and their
//! boilerplate hidden from `qari show` (and back with `--raw`).

use std::process::Command;

use crate::support::qari_bin;

fn listed() -> Vec<serde_json::Value> {
    let output = Command::new(qari_bin())
        .args(["list", "--json"])
        .output()
        .unwrap();
    assert!(output.status.success());
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

fn record(records: &[serde_json::Value], prefix: &str) -> serde_json::Value {
    records
        .iter()
        .find(|r| r["id"].as_str().unwrap().starts_with(prefix))
        .unwrap_or_else(|| panic!("{prefix} not listed"))
        .clone()
}

#[test]
fn the_seeds_have_the_titles_sources_and_dates_their_text_supports() {
    let records = listed();
    assert_eq!(records.len(), 5);
    let r001 = record(&records, "001");
    assert_eq!(
        r001["title"],
        "روسيا تعرض على إسرائيل التعامل مع تهديداتها الأمنية في سوريا"
    );
    assert_eq!(r001["source"], "enabbaladi");
    assert_eq!(r001["source_name"], "عنب بلدي");
    assert_eq!(r001["date"], "2021-01-18");
    assert_eq!(r001["date_confidence"], "inferred");

    let r002 = record(&records, "002");
    assert!(
        r002["title"]
            .as_str()
            .unwrap()
            .starts_with("موسكو وطهران تبحثان منطقة تخفيف التصعيد")
    );
    assert_eq!(r002["source"], "alwatan-sy");
    assert_eq!(
        r002["date"],
        serde_json::Value::Null,
        "only \"الأحد 9 الجاري\": no month"
    );
    assert_eq!(r002["date_confidence"], "unknown");

    let r003 = record(&records, "003");
    assert_eq!(r003["title"], "استعداد روسي لاتصال مع واشنطن حول سوريا");
    assert_eq!(r003["date"], "2024-11-13");
    assert_eq!(r003["date_confidence"], "explicit");

    let r000 = record(&records, "000");
    assert_eq!(r000["date"], "2021-01-18");
    // Its only named account is an embedded tweet's, which is not the article's source.
    assert_eq!(r000["source"], serde_json::Value::Null);

    let r004 = record(&records, "004");
    assert!(
        r004["title"]
            .as_str()
            .unwrap()
            .starts_with("كيري في موسكو الثلاثاء")
    );
    assert_eq!(
        r004["date"],
        serde_json::Value::Null,
        "no year anywhere in the text"
    );

    // Newest first, undated last in the order found.
    let order: Vec<&str> = records
        .iter()
        .map(|r| &r["id"].as_str().unwrap()[..3])
        .collect();
    assert_eq!(order, ["003", "000", "001", "002", "004"]);
}

fn show(id: &str, raw: bool) -> String {
    let mut args = vec!["show", id, "--width", "0", "--bidi", "terminal"];
    if raw {
        args.push("--raw");
    }
    let output = Command::new(qari_bin()).args(&args).output().unwrap();
    assert!(output.status.success());
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn boilerplate_is_hidden_and_raw_shows_it() {
    let furniture = [
        (
            "001",
            &[
                "ادعم عنب بلدي",
                "اضغط هنا للمساهمة",
                "مقالات متعلقة",
                "tag icon ع ع ع",
            ][..],
        ),
        ("002", &["زر الذهاب إلى الأعلى", "صحيفة الوطن"]),
        ("003", &["مقالات متعلقة", "المزيد من سوريا", "• 2024/11/13"]),
        ("004", &["اترك تعليقاً", "زر الذهاب إلى الأعلى"]),
    ];
    for (id, lines) in furniture {
        let clean = show(id, false);
        let raw = show(id, true);
        for line in lines {
            assert!(
                !clean.lines().any(|l| l.trim() == *line),
                "{id}: {line} shown"
            );
            assert!(
                raw.lines().any(|l| l.trim() == *line),
                "{id}: {line} missing from --raw"
            );
        }
        assert!(raw.lines().count() > clean.lines().count());
    }
    // 000 has no furniture: both views are the same.
    assert_eq!(show("000", false), show("000", true));
}
