use std::collections::HashMap;

use super::*;

const SAMPLES: [&str; 5] = [
    include_str!("../../../assets/sample/000_363616b262b6a0eb.txt"),
    include_str!("../../../assets/sample/001_28018be113238a9f.txt"),
    include_str!("../../../assets/sample/002_b058743a14f2ef50.txt"),
    include_str!("../../../assets/sample/003_721a83bec11d9acb.txt"),
    include_str!("../../../assets/sample/004_7134a8dc5dcca6b8.txt"),
];

/// The `source` ids of the SaudiNewsNet corpus (all 14 of them).
const SAUDINEWSNET: [&str; 14] = [
    "alriyadh",
    "aljazirah",
    "alyaum",
    "aleqtisadiya",
    "aawsat",
    "okaz",
    "alwatan",
    "almadina",
    "alweeam",
    "3alyoum",
    "sabq",
    "was",
    "arreyadi",
    "arriyadiyah",
];

fn outlets() -> &'static Outlets {
    Outlets::embedded()
}

/// The non-empty trimmed lines of a text, as the loader makes paragraphs.
use crate::corpus::paragraphs_of as paragraphs;

fn detected(text: &str) -> Option<&'static str> {
    source_from_text(&paragraphs(text), outlets()).map(|o| o.id.as_str())
}

fn resolved(name: &str) -> Option<&'static str> {
    outlets().resolve(name).map(|o| o.id.as_str())
}

fn from_path(path: &str) -> Option<&'static str> {
    source_from_path(path, outlets()).map(|o| o.id.as_str())
}

#[test]
fn the_embedded_file_parses_with_every_outlet_complete() {
    let all = outlets().all();
    assert!(all.len() >= 50, "{} outlets", all.len());
    for outlet in all {
        assert!(
            !outlet.id.is_empty() && !outlet.name_latin.is_empty(),
            "{outlet:?}"
        );
        let id_ok = outlet
            .id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        assert!(id_ok, "id {:?}", outlet.id);
    }
}

#[test]
fn ids_are_unique_and_each_domain_belongs_to_one_outlet() {
    let mut ids = HashMap::new();
    let mut domains = HashMap::new();
    for outlet in outlets().all() {
        assert_eq!(ids.insert(&outlet.id, ()), None, "id {} twice", outlet.id);
        for domain in &outlet.domains {
            let site = name_key(domain);
            if let Some(other) = domains.insert(site, &outlet.id) {
                panic!("{domain} belongs to {other} and {}", outlet.id);
            }
        }
    }
}

#[test]
fn every_outlet_resolves_by_id_names_aliases_and_domains() {
    for outlet in outlets().all() {
        let names = [&outlet.id, &outlet.name_ar, &outlet.name_latin];
        let names = names
            .into_iter()
            .chain(&outlet.aliases)
            .chain(&outlet.domains);
        for name in names.filter(|name| !name.is_empty()) {
            assert_eq!(resolved(name), Some(outlet.id.as_str()), "{name:?}");
        }
        assert_eq!(outlet.source().id, outlet.id);
        assert!(!outlet.source().name.is_empty());
    }
}

#[test]
fn every_saudinewsnet_source_id_resolves_to_itself() {
    for id in SAUDINEWSNET {
        assert_eq!(resolved(id), Some(id));
    }
}

#[test]
fn resolving_ignores_case_hamza_tashkeel_scheme_and_www() {
    assert_eq!(resolved("ENAB BALADI"), Some("enabbaladi"));
    assert_eq!(resolved("عـنب بلدي"), Some("enabbaladi"));
    assert_eq!(resolved("الشرق الاوسط"), Some("aawsat"));
    assert_eq!(resolved("صحيفة الرأي الأردنيّة"), Some("alrai-jo"));
    assert_eq!(resolved("الوطن السوريه"), Some("alwatan-sy"));
    assert_eq!(resolved("https://www.aljazeera.net/"), Some("aljazeera"));
    assert_eq!(resolved("WWW.OKAZ.COM.SA"), Some("okaz"));
}

#[test]
fn resolving_a_url_finds_its_site_most_specific_first() {
    assert_eq!(
        resolved("https://www.enabbaladi.net/archives/123"),
        Some("enabbaladi")
    );
    assert_eq!(
        resolved("https://gate.ahram.org.eg/News/1.aspx"),
        Some("ahram")
    );
    assert_eq!(
        resolved("https://www.bbc.com/arabic/middleeast-1"),
        Some("bbc-arabic")
    );
    assert_eq!(resolved("https://www.bbc.com/news/world-1"), None);
    assert_eq!(resolved("https://www.aa.com.tr/ar/x"), Some("anadolu-ar"));
    assert_eq!(resolved("https://www.aa.com.tr/en/x"), None);
    assert_eq!(resolved("notenabbaladi.net"), None);
}

#[test]
fn ambiguous_names_resolve_to_nothing_but_their_qualified_forms_do() {
    for bare in [
        "الوطن",
        "صحيفة الوطن",
        "Al Watan",
        "الرأي",
        "الراي",
        "الجزيرة",
    ] {
        assert_eq!(resolved(bare), None, "{bare}");
    }
    assert_eq!(resolved("alwatan"), Some("alwatan"));
    assert_eq!(resolved("الوطن السعودية"), Some("alwatan"));
    assert_eq!(resolved("alwatan.sy"), Some("alwatan-sy"));
    assert_eq!(resolved("elwatannews.com"), Some("alwatan-eg"));
    assert_eq!(resolved("الراي الكويتية"), Some("alrai-kw"));
    let watans: Vec<_> = outlets()
        .matching_prefix("الوطن")
        .iter()
        .map(|o| o.id.as_str())
        .collect();
    assert_eq!(
        watans,
        ["alwatan", "alwatan-sy", "alwatan-eg", "alwatan-kw"]
    );
}

#[test]
fn a_prefix_of_three_letters_finds_enab_baladi() {
    let found = |text| -> Vec<&str> {
        outlets()
            .matching_prefix(text)
            .iter()
            .map(|o| o.id.as_str())
            .collect()
    };
    assert_eq!(found("عنب"), ["enabbaladi"]);
    assert_eq!(found("عـنَب"), ["enabbaladi"]);
    assert_eq!(found("enab"), ["enabbaladi"]);
    assert!(found("xyz").is_empty());
    assert_eq!(found("عكا"), ["okaz"]);
    assert!(found("عن").is_empty(), "two letters are not enough");
    assert!(found("").is_empty());
}

#[test]
fn a_path_names_its_outlet_by_folder_or_file_name() {
    assert_eq!(from_path("/data/okaz/2015/x.txt"), Some("okaz"));
    assert_eq!(from_path("aljazeera.net_2021-01-18.txt"), Some("aljazeera"));
    assert_eq!(
        from_path("/news/enab-baladi/2021/lavrov.txt"),
        Some("enabbaladi")
    );
    assert_eq!(from_path("/news/www.alwatan.sy/1.html"), Some("alwatan-sy"));
    assert_eq!(from_path("alwatan-sy_2017-07-15.txt"), Some("alwatan-sy"));
    assert_eq!(from_path("alwatan_2015.json"), Some("alwatan"));
    assert_eq!(from_path(r"C:\corpus\sabq\a.txt"), Some("sabq"));
    // The component nearest the file wins.
    assert_eq!(from_path("/okaz/sabq-1.txt"), Some("sabq"));
}

#[test]
fn a_path_without_an_outlet_gives_none() {
    assert_eq!(from_path("/data/news/2015/article.txt"), None);
    assert_eq!(from_path("assets/sample/001_28018be113238a9f.txt"), None);
    assert_eq!(
        from_path("/اليوم/المدينة/الرياض.txt"),
        None,
        "Arabic common words"
    );
    assert_eq!(from_path("okazaki.txt"), None);
}

#[test]
fn the_samples_give_their_own_outlet_and_never_one_they_cite() {
    let got: Vec<_> = SAMPLES.iter().map(|text| detected(text)).collect();
    assert_eq!(
        got,
        [None, Some("enabbaladi"), Some("alwatan-sy"), None, None]
    );
}

#[test]
fn detection_reads_the_boilerplate_flags_as_zone_lines() {
    let mut body = paragraphs(SAMPLES[1]);
    for p in body.iter_mut().rev().take(6) {
        p.boilerplate = true;
    }
    let id = source_from_text(&body, outlets()).map(|o| o.id.as_str());
    assert_eq!(id, Some("enabbaladi"));
}

const PROSE: &str =
    "وقال المسؤول في مؤتمر صحفي اليوم إن المفاوضات ستستمر حتى التوصل إلى اتفاق نهائي بين الطرفين.";

#[test]
fn a_bare_closing_sahifat_al_watan_line_is_ambiguous() {
    assert_eq!(detected(&format!("{PROSE}\nصحيفة الوطن")), None);
    let footer = format!("{PROSE}\nزر الذهاب إلى الأعلى\nصحيفة الوطن");
    assert_eq!(detected(&footer), Some("alwatan-sy"));
}

#[test]
fn signatures_after_a_citation_word_or_inside_prose_do_not_count() {
    assert_eq!(detected(&format!("{PROSE}\nبحسب عنب بلدي")), None);
    assert_eq!(detected(&format!("{PROSE}\nالمصدر: عنب بلدي")), None);
    let cited = format!("وقالت صحيفة الوطن السورية إن {PROSE}\n{PROSE}\n{PROSE}");
    assert_eq!(detected(&cited), None);
    let middle = format!("{PROSE}\n{PROSE} ادعم عنب بلدي {PROSE}\n{PROSE}");
    assert_eq!(detected(&middle), None);
}

#[test]
fn embedded_tweets_are_not_the_source() {
    let tweet = format!(
        "{PROSE}\nعاجل\n— عنب بلدي (@EnabBaladi) January 18, 2021\n{PROSE}\nhttps://t.co/x pic.twitter.com/y"
    );
    assert_eq!(detected(&tweet), None);
}

#[test]
fn a_link_to_the_articles_own_site_in_the_trailing_lines_names_it() {
    let text = format!("{PROSE}\n{PROSE}\nرابط المقال: https://www.hespress.com/politique/1.html");
    assert_eq!(detected(&text), Some("hespress"));
    let cited = format!("{PROSE} وذكر موقع https://www.hespress.com/1.html ذلك.\n{PROSE}");
    assert_eq!(detected(&cited), None);
}

#[test]
fn alweeams_closing_link_line_names_it_even_inside_the_last_paragraph() {
    let text =
        format!("{PROSE} {PROSE} رابط الخبر بصحيفة الوئام: النفط يتراجع نحو 1 % في ختام التعاملات");
    assert_eq!(detected(&text), Some("alweeam"));
}

#[test]
fn a_dateline_line_names_ain_alyoum() {
    assert_eq!(
        detected(&format!("عين اليوم – الرياض\n{PROSE}\n{PROSE}")),
        Some("3alyoum")
    );
    assert_eq!(
        detected(&format!("إبراهيم الحذيفي – عين اليوم\n{PROSE}")),
        Some("3alyoum")
    );
}

#[test]
fn two_outlets_with_equal_evidence_give_none() {
    let text = format!("{PROSE}\nادعم عنب بلدي\nرابط الخبر بصحيفة الوئام");
    assert_eq!(detected(&text), None);
}
