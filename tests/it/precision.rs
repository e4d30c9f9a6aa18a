//! The measured precision suite (issue 9, item 2; DESIGN §4 "Matching is precise first"):
//! for the common SaudiNewsNet words of `tests/fixtures/precision/words.toml`, whose
//! light stems collide with unrelated words, the articles `qari list -q WORD` returns
//! against the articles that hold one of the forms judged by hand to be that word.
//!
//! - An article holds a form when one of the words the index reads in it (the title and
//!   the paragraphs that are not boilerplate, tokenized by `qari::index::analyze::tokens`)
//!   has the normalized spelling of a `right` form.
//! - Precision: returned articles holding a `right` form / returned articles. Recall:
//!   articles holding a `right` form that were returned / all articles holding one.
//!   The goal is precision ≥ 0.99 and recall 1 on every word; the test reports how many
//!   words reach it, and asserts that qari is at least as precise as Lucene's rules on
//!   each word and that its mean precision and recall stay where they are.
//! - The anchor: Lucene's `ArabicNormalizer` and `ArabicStemmer` ([`lucene`]) applied to
//!   the same tokens as written; an article matches when one of its tokens has the query
//!   word's Lucene stem. Measured the same way, not asserted.
//!
//! One `qari list` on the corpus takes about 5.6 s in the test profile (loading 2.2 s,
//! indexing 2.9 s, on two cores), so one run per word would take four minutes: the
//! words go through the library (`Index::search` on a query parsed as the CLI parses
//! it), and [`CLI_WORDS`] also through `qari list -q WORD --json`, two runs at a time,
//! which must return the same articles.
//!
//! `cargo test --test it precision -- --nocapture` prints the tables, in Markdown, and
//! writes them to `precision.md` in Cargo's temporary directory for the tests.

mod lucene;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use qari::article::Article;
use qari::corpus::load_paths;
use qari::corpus::sources::Outlets;
use qari::index::analyze::{normalize, tokens};
use qari::index::query::{Mode, Query, parse};
use qari::index::{Index, Order};
use qari::text::is_tashkeel;
use serde::Deserialize;

use crate::support::{qari_bin, repo_file, succeeded};

/// The words also asked of the CLI: the issue's own examples and two held-back words.
const CLI_WORDS: [&str; 6] = ["كلية", "الرياض", "سوريا", "كسور", "قمة", "الطائف"];

const MIN_PRECISION: f64 = 0.99;
/// What qari holds over all the words, and must keep: the mean of the words' precision
/// and of their recall (measured 99.4 % and 99.9 %).
const MEAN_PRECISION: f64 = 0.985;
const MEAN_RECALL: f64 = 0.995;

/// Forms shown per word in the false-positive and missed columns.
const SHOWN_FORMS: usize = 6;

#[derive(Deserialize)]
struct Fixture {
    word: Vec<Word>,
}

#[derive(Deserialize)]
struct Word {
    word: String,
    set: String,
    note: String,
    right: Vec<String>,
    wrong: Vec<String>,
}

fn fixture() -> Vec<Word> {
    let path = repo_file("tests/fixtures/precision/words.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    toml::from_str::<Fixture>(&text)
        .unwrap_or_else(|err| panic!("{}: {err}", path.display()))
        .word
}

fn saudinewsnet() -> PathBuf {
    repo_file("../shared/corpus/saudinewsnet")
}

/// The texts of an article that the index reads (as `src/index/build.rs` does).
fn indexed_texts(article: &Article) -> impl Iterator<Item = &str> {
    std::iter::once(article.title.as_str()).chain(
        article
            .paragraphs
            .iter()
            .filter(|p| !p.boilerplate)
            .map(|p| p.text),
    )
}

/// A query as `qari list -q` parses it.
fn cli_query(word: &str) -> Query {
    parse(
        word,
        Mode::Exact,
        jiff::civil::date(2026, 1, 1),
        Outlets::embedded(),
    )
    .unwrap_or_else(|err| panic!("{word}: {err}"))
}

#[test]
fn the_fixture_is_consistent() {
    let words = fixture();
    let dev = words.iter().filter(|w| w.set == "dev").count();
    let held_back = words.iter().filter(|w| w.set == "held-back").count();
    assert_eq!(dev + held_back, words.len(), "set is dev or held-back");
    assert!(
        dev >= 30 && held_back >= 10,
        "{dev} dev, {held_back} held back"
    );
    let mut seen = BTreeSet::new();
    let mut problems = Vec::new();
    for word in &words {
        let name = &word.word;
        if !seen.insert(normalize(name)) {
            problems.push(format!("{name}: listed twice"));
        }
        if word.note.is_empty() {
            problems.push(format!("{name}: no note"));
        }
        let written: BTreeSet<&String> = word.right.iter().chain(&word.wrong).collect();
        if written.len() != word.right.len() + word.wrong.len() {
            problems.push(format!("{name}: a form listed twice"));
        }
        // Spelling variants (إنسانية, انسانية) may normalize alike; a right and a wrong
        // form must not, or they could not be told apart.
        let right: BTreeSet<String> = word.right.iter().map(|f| normalize(f)).collect();
        if !right.contains(&normalize(name)) {
            problems.push(format!("{name}: not among its own right forms"));
        }
        let both: Vec<&String> = word
            .wrong
            .iter()
            .filter(|f| right.contains(&normalize(f)))
            .collect();
        if !both.is_empty() {
            problems.push(format!("{name}: normalized like a right form: {both:?}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Where the fixture's forms and the query words' Lucene stems occur.
struct Scan {
    /// Normalized fixture form → the articles holding it, in order, each once.
    form_docs: HashMap<String, Vec<u32>>,
    /// Lucene stem of a query word → normalized form of each token with that stem → the
    /// articles holding it.
    lucene_docs: HashMap<String, BTreeMap<String, Vec<u32>>>,
    /// Normalized form → how it was first written (tashkeel left out), for showing.
    written: HashMap<String, String>,
}

fn push_once(docs: &mut Vec<u32>, doc: u32) {
    if docs.last() != Some(&doc) {
        docs.push(doc);
    }
}

fn scan(articles: &[Article], words: &[Word]) -> Scan {
    let mut form_docs: HashMap<String, Vec<u32>> = words
        .iter()
        .flat_map(|w| w.right.iter().chain(&w.wrong))
        .map(|f| (normalize(f), Vec::new()))
        .collect();
    let mut lucene_docs: HashMap<String, BTreeMap<String, Vec<u32>>> = words
        .iter()
        .map(|w| (lucene::analyze(&w.word), BTreeMap::new()))
        .collect();
    let mut written_forms = HashMap::new();
    // Token as written → its Lucene stem, when that is a query word's.
    let mut stems: HashMap<&str, Option<String>> = HashMap::new();
    for (doc, article) in articles.iter().enumerate() {
        let doc = doc as u32;
        for text in indexed_texts(article) {
            for token in tokens(text) {
                if let Some(docs) = form_docs.get_mut(&token.normalized) {
                    push_once(docs, doc);
                }
                let written = &text[token.start..token.end];
                let stem = stems.entry(written).or_insert_with(|| {
                    let stem = lucene::analyze(written);
                    lucene_docs.contains_key(&stem).then_some(stem)
                });
                if let Some(stem) = stem {
                    let forms = lucene_docs.get_mut(stem.as_str()).unwrap();
                    if !forms.contains_key(&token.normalized) {
                        written_forms.insert(token.normalized.clone(), without_tashkeel(written));
                    }
                    push_once(forms.entry(token.normalized).or_default(), doc);
                }
            }
        }
    }
    Scan {
        form_docs,
        lucene_docs,
        written: written_forms,
    }
}

fn without_tashkeel(written: &str) -> String {
    written
        .chars()
        .filter(|&c| !is_tashkeel(c) && c != '\u{0640}')
        .collect()
}

/// One system's result for one word.
struct Measure {
    returned: usize,
    precision: f64,
    recall: f64,
    /// Forms in the returned articles that hold no right form → how many such articles.
    false_positives: Forms,
    /// Right forms in the articles that were missed → how many such articles.
    missed: Forms,
}

impl Measure {
    fn new(
        returned: &BTreeSet<u32>,
        truth: &BTreeSet<u32>,
        false_positives: Forms,
        missed: Forms,
    ) -> Self {
        let hits = returned.intersection(truth).count();
        let ratio = |n: usize, d: usize| if d == 0 { 1.0 } else { n as f64 / d as f64 };
        Self {
            returned: returned.len(),
            precision: ratio(hits, returned.len()),
            recall: ratio(hits, truth.len()),
            false_positives,
            missed,
        }
    }

    fn passes(&self) -> bool {
        self.precision >= MIN_PRECISION && self.recall == 1.0
    }
}

/// Forms by their normalized spelling: one way each was written, and how many articles.
#[derive(Default)]
struct Forms(BTreeMap<String, (String, usize)>);

impl Forms {
    /// Counts one more article for the form `normalized`, written `written`.
    fn count(&mut self, normalized: String, written: &str) {
        self.0
            .entry(normalized)
            .or_insert_with(|| (written.to_owned(), 0))
            .1 += 1;
    }
}

/// The right forms of `word` in the articles of `missed`, with their article counts
/// (spellings that normalize alike counted once, shown as the fixture's first).
fn missed_forms(word: &Word, scan: &Scan, missed: &BTreeSet<u32>) -> Forms {
    let mut forms = Forms::default();
    for form in &word.right {
        let normalized = normalize(form);
        if forms.0.contains_key(&normalized) {
            continue;
        }
        let count = scan.form_docs[&normalized]
            .iter()
            .filter(|d| missed.contains(d))
            .count();
        if count > 0 {
            forms.0.insert(normalized, (form.clone(), count));
        }
    }
    forms
}

/// "form 12, form 3, …" for the forms with the most articles.
fn forms_cell(forms: &Forms) -> String {
    let mut sorted: Vec<(&String, &usize)> = forms.0.values().map(|(w, n)| (w, n)).collect();
    sorted.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let mut cell: Vec<String> = sorted
        .iter()
        .take(SHOWN_FORMS)
        .map(|(form, count)| format!("{form} {count}"))
        .collect();
    if sorted.len() > SHOWN_FORMS {
        cell.push(format!("… {} more", sorted.len() - SHOWN_FORMS));
    }
    cell.join(", ")
}

/// `qari list CORPUS -q WORD --json` for each word, two at a time: the ids found, and how
/// long each run took.
fn cli_ids(words: &[&str]) -> Vec<(Vec<String>, Duration)> {
    let data = tempfile::tempdir().unwrap();
    let corpus = saudinewsnet();
    let run = |word: &str| {
        let started = Instant::now();
        let output = Command::new(qari_bin())
            .env("QARI_DATA_DIR", data.path())
            .arg("list")
            .arg(&corpus)
            .args(["-q", word, "--json"])
            .output()
            .unwrap();
        let ids = succeeded(&output)
            .lines()
            .map(|line| {
                let record: serde_json::Value = serde_json::from_str(line).unwrap();
                record["id"].as_str().unwrap().to_owned()
            })
            .collect();
        (ids, started.elapsed())
    };
    let mut results = Vec::new();
    for pair in words.chunks(2) {
        std::thread::scope(|scope| {
            let running: Vec<_> = pair.iter().map(|word| scope.spawn(|| run(word))).collect();
            for thread in running {
                results.push(thread.join().unwrap());
            }
        });
    }
    results
}

/// A ratio as a percentage, rounded down so that only 1 shows as 100 %.
fn percent(x: f64) -> String {
    if x == 1.0 {
        "100 %".to_owned()
    } else {
        format!("{:.2} %", (10_000.0 * x).floor() / 100.0)
    }
}

#[test]
fn precision_and_recall_on_saudinewsnet_beside_lucenes_rules() {
    let started = Instant::now();
    let words = fixture();
    let articles = load_paths(&[saudinewsnet()]).articles;
    assert!(articles.len() > 30_000, "{} articles", articles.len());
    let loaded = started.elapsed();
    let index = Index::build(&articles);
    let built = started.elapsed();
    let scan = scan(&articles, &words);
    let scanned = started.elapsed();

    // Word → (articles holding a right form, qari's measure, Lucene's measure).
    let mut rows = Vec::new();
    // qari's results by word, for comparing with the CLI's.
    let mut library_ids: HashMap<&str, BTreeSet<String>> = HashMap::new();
    for word in &words {
        let truth: BTreeSet<u32> = word
            .right
            .iter()
            .flat_map(|f| scan.form_docs[&normalize(f)].iter().copied())
            .collect();

        let query = cli_query(&word.word);
        let found: BTreeSet<u32> = index
            .search(&query, Order::Date)
            .unwrap()
            .into_iter()
            .collect();
        library_ids.insert(
            &word.word,
            found
                .iter()
                .map(|&d| articles[d as usize].id.to_string())
                .collect(),
        );
        // What qari matched in each false positive, as the reader would highlight it.
        let mut false_positives = Forms::default();
        for &doc in found.difference(&truth) {
            let mut forms = BTreeMap::new();
            for text in indexed_texts(&articles[doc as usize]) {
                for range in index.highlights(&query, text) {
                    let written = without_tashkeel(&text[range]);
                    forms.entry(normalize(&written)).or_insert(written);
                }
            }
            if forms.is_empty() {
                forms.insert(String::new(), "(nothing highlighted)".to_owned());
            }
            for (normalized, written) in forms {
                false_positives.count(normalized, &written);
            }
        }
        let missed: BTreeSet<u32> = truth.difference(&found).copied().collect();
        let qari = Measure::new(
            &found,
            &truth,
            false_positives,
            missed_forms(word, &scan, &missed),
        );

        let by_form = &scan.lucene_docs[&lucene::analyze(&word.word)];
        let lucene_found: BTreeSet<u32> = by_form.values().flatten().copied().collect();
        let right: BTreeSet<String> = word.right.iter().map(|f| normalize(f)).collect();
        let mut lucene_false = Forms::default();
        for (form, docs) in by_form {
            if !right.contains(form) {
                let count = docs.iter().filter(|d| !truth.contains(d)).count();
                if count > 0 {
                    let written = scan.written[form].clone();
                    lucene_false.0.insert(form.clone(), (written, count));
                }
            }
        }
        let lucene_missed: BTreeSet<u32> = truth.difference(&lucene_found).copied().collect();
        let lucene = Measure::new(
            &lucene_found,
            &truth,
            lucene_false,
            missed_forms(word, &scan, &lucene_missed),
        );
        rows.push((word, truth.len(), qari, lucene));
    }
    let searched = started.elapsed();

    let cli = cli_ids(&CLI_WORDS);
    let cli_wall = started.elapsed() - searched;
    let per_run = cli.iter().map(|(_, t)| *t).sum::<Duration>() / CLI_WORDS.len() as u32;

    let report = markdown(&rows);
    println!("{report}");
    println!(
        "Corpus: {} articles loaded in {:.1} s, indexed in {:.1} s; forms and Lucene stems \
         scanned in {:.1} s; {} words searched in {:.2} s.",
        articles.len(),
        loaded.as_secs_f64(),
        (built - loaded).as_secs_f64(),
        (scanned - built).as_secs_f64(),
        words.len(),
        (searched - scanned).as_secs_f64()
    );
    println!(
        "CLI: {} runs of `qari list -q WORD --json`, two at a time, in {:.1} s ({:.1} s a \
         run, sharing the cores); all {} words that way would take {:.0} s, so the library \
         answered the rest.",
        CLI_WORDS.len(),
        cli_wall.as_secs_f64(),
        per_run.as_secs_f64(),
        words.len(),
        cli_wall.as_secs_f64() * words.len() as f64 / CLI_WORDS.len() as f64
    );
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("precision.md");
    std::fs::write(&path, &report).unwrap();
    println!("The tables are in {}", path.display());

    let mut failures = Vec::new();
    for (word, (ids, _)) in CLI_WORDS.iter().zip(&cli) {
        let cli: BTreeSet<String> = ids.iter().cloned().collect();
        let library = &library_ids[word];
        if &cli != library || cli.len() != ids.len() {
            failures.push(format!(
                "{word}: qari list returns {} articles, the library {} ({} in common)",
                ids.len(),
                library.len(),
                cli.intersection(library).count()
            ));
        }
    }
    // The targets (precision ≥ 99 %, recall 100 % on every word) are met on some
    // words, not all: the table says how many. What is asserted is what holds on every
    // word and must keep holding: qari is at least as precise as Lucene's rules on each
    // word, and precise and complete on the whole.
    let meeting = rows.iter().filter(|(_, _, qari, _)| qari.passes()).count();
    println!(
        "qari meets both targets on {meeting} of {} words",
        rows.len()
    );
    for (word, _, qari, lucene) in &rows {
        if qari.precision + 1e-9 < lucene.precision {
            failures.push(format!(
                "{} ({}): precision {} below Lucene's {}",
                word.word,
                word.set,
                percent(qari.precision),
                percent(lucene.precision)
            ));
        }
    }
    let mean = |pick: fn(&Measure) -> f64| {
        rows.iter().map(|(_, _, qari, _)| pick(qari)).sum::<f64>() / rows.len() as f64
    };
    let (precision, recall) = (mean(|m| m.precision), mean(|m| m.recall));
    if precision < MEAN_PRECISION || recall < MEAN_RECALL {
        failures.push(format!(
            "mean precision {}, mean recall {} (want ≥ {} and ≥ {})",
            percent(precision),
            percent(recall),
            percent(MEAN_PRECISION),
            percent(MEAN_RECALL)
        ));
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

type Row<'w> = (&'w Word, usize, Measure, Measure);

fn markdown(rows: &[Row]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "\n## Precision and recall on SaudiNewsNet: qari beside Lucene's ArabicStemmer\n"
    );
    let _ = writeln!(
        out,
        "| word | set | articles with it | qari returned | qari precision | qari recall | \
         Lucene returned | Lucene precision | Lucene recall |"
    );
    let _ = writeln!(out, "|---|---|--:|--:|--:|--:|--:|--:|--:|");
    for (word, truth, qari, lucene) in rows {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            word.word,
            word.set,
            truth,
            qari.returned,
            percent(qari.precision),
            percent(qari.recall),
            lucene.returned,
            percent(lucene.precision),
            percent(lucene.recall)
        );
    }
    let _ = writeln!(
        out,
        "\n| set | words | qari: words passing | qari: mean precision | qari: mean recall | \
         Lucene: words passing | Lucene: mean precision | Lucene: mean recall |"
    );
    let _ = writeln!(out, "|---|--:|--:|--:|--:|--:|--:|--:|");
    for set in ["dev", "held-back"] {
        let these: Vec<&Row> = rows.iter().filter(|r| r.0.set == set).collect();
        let n = these.len().max(1) as f64;
        let mean = |f: &dyn Fn(&Row) -> f64| these.iter().map(|r| f(r)).sum::<f64>() / n;
        let _ = writeln!(
            out,
            "| {set} | {} | {} | {} | {} | {} | {} | {} |",
            these.len(),
            these.iter().filter(|r| r.2.passes()).count(),
            percent(mean(&|r| r.2.precision)),
            percent(mean(&|r| r.2.recall)),
            these.iter().filter(|r| r.3.passes()).count(),
            percent(mean(&|r| r.3.precision)),
            percent(mean(&|r| r.3.recall)),
        );
    }
    for (name, is_qari) in [("qari", true), ("Lucene's rules", false)] {
        let _ = writeln!(
            out,
            "\n### {name}: what the false positives held, what was missed\n\n\
             Forms with the number of articles, most first. A false positive's forms are \
             those {} in an article that holds no right form.\n",
            if is_qari {
                "qari highlights"
            } else {
                "with the word's Lucene stem"
            }
        );
        let _ = writeln!(
            out,
            "| word | set | returned | precision | recall | false positives | missed |"
        );
        let _ = writeln!(out, "|---|---|--:|--:|--:|---|---|");
        for row in rows {
            let measure = if is_qari { &row.2 } else { &row.3 };
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} |",
                row.0.word,
                row.0.set,
                measure.returned,
                percent(measure.precision),
                percent(measure.recall),
                forms_cell(&measure.false_positives),
                forms_cell(&measure.missed)
            );
        }
    }
    out
}
