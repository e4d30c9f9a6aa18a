use super::*;

const SAMPLES: [&str; 5] = [
    include_str!("../../../assets/sample/000_363616b262b6a0eb.txt"),
    include_str!("../../../assets/sample/001_28018be113238a9f.txt"),
    include_str!("../../../assets/sample/002_b058743a14f2ef50.txt"),
    include_str!("../../../assets/sample/003_721a83bec11d9acb.txt"),
    include_str!("../../../assets/sample/004_7134a8dc5dcca6b8.txt"),
];

/// The non-empty trimmed lines of a text, as the loader makes paragraphs.
use crate::corpus::paragraphs_of as paragraphs;

fn marked(text: &str) -> Vec<Paragraph> {
    let mut body = paragraphs(text);
    Boilerplate::embedded().mark(&mut body);
    body
}

/// The lines of `text` that `mark` hides.
fn hidden(text: &str) -> Vec<String> {
    marked(text)
        .into_iter()
        .filter(|p| p.boilerplate)
        .map(|p| p.text)
        .collect()
}

#[test]
fn the_embedded_file_parses() {
    let rules = Boilerplate::embedded();
    assert!(rules.trailing_blocks.contains("زر الذهاب الي الاعلي"));
    assert!(rules.anywhere.exact.contains("ادعم عنب بلدي"));
    assert!(!rules.anywhere.shapes.is_empty() && !rules.anywhere.prefixes.is_empty());
    assert!(rules.at_edges.exact.contains("سوريه"));
    assert!(rules.whole_line_max_words < rules.max_words);
}

#[test]
fn sample_000_hides_nothing_and_keeps_its_embedded_tweets() {
    assert_eq!(hidden(SAMPLES[0]), Vec::<String>::new());
}

#[test]
fn sample_001_hides_icon_alt_texts_and_the_related_block_with_the_donation_appeal() {
    assert_eq!(
        hidden(SAMPLES[1]),
        [
            "camera iconوزير الخارجية الروسي، سيرغي لافروف (نوفوستي)",
            "tag icon ع ع ع",
            "مقالات متعلقة",
            "×",
            "الإعلام الموجّه يشوه الحقيقة في بلادنا ويطيل أمد الحرب..",
            "سوريا بحاجة للصحافة الحرة.. ونحن بحاجتك لنبقى مستقلين",
            "ادعم عنب بلدي",
            "دولار واحد شهريًا يصنع الفرق",
            "اضغط هنا للمساهمة",
        ]
    );
}

#[test]
fn sample_002_hides_its_section_label_and_the_footer() {
    assert_eq!(
        hidden(SAMPLES[2]),
        ["سورية", "زر الذهاب إلى الأعلى", "صحيفة الوطن"]
    );
}

#[test]
fn sample_003_hides_dateline_bullets_and_the_related_list() {
    assert_eq!(
        hidden(SAMPLES[3]),
        [
            "• 2024/11/13",
            "• 6:37 م",
            "مقالات متعلقة",
            "1. المزيد من القوات الأمريكية إلى الخليج بعد عودة إيران لتخصيب اليورانيوم",
            "2. السياسة الأمريكية \"لغز\" بالنسبة إلى موسكو",
            "3. مسؤولون: هناك 18 اتصالًا غير معلن بين الروس وحملة ترامب",
            "4. أردوغان متمسك بـ “S400” الروسية وعلاقاته الأمريكية",
            "سوريا",
            "المزيد من سوريا",
        ]
    );
}

#[test]
fn sample_004_hides_the_comment_form_and_back_to_top_button() {
    assert_eq!(hidden(SAMPLES[4]), ["اترك تعليقاً", "زر الذهاب إلى الأعلى"]);
}

#[test]
fn no_sentence_of_the_samples_is_hidden() {
    // A sentence: a long line, or one ending with a full stop. The longest hidden line is
    // a 12-word related-article title.
    for text in SAMPLES {
        for p in marked(text) {
            let words = p.text.split_whitespace().count();
            let sentence = words > 12 || (p.text.ends_with('.') && !p.text.ends_with(".."));
            assert!(!(sentence && p.boilerplate), "hidden: {}", p.text);
        }
    }
}

#[test]
fn the_title_and_byline_stay_visible() {
    let body = marked(SAMPLES[2]);
    assert!(!body[1].boilerplate, "{}", body[1].text);
    assert_eq!(body[2].text, "| وكالات");
    assert!(!body[2].boilerplate);
}

const PROSE: &str = "وقال المسؤول في مؤتمر صحفي اليوم إن المفاوضات ستستمر حتى التوصل إلى اتفاق نهائي بين الطرفين، وإن الجولة المقبلة ستعقد في جنيف الشهر المقبل بحضور ممثلين عن جميع الأطراف المعنية بالأزمة.";

#[test]
fn a_block_marker_followed_by_prose_hides_only_itself() {
    let text = format!("{PROSE}\nمقالات متعلقة\nعنوان مقال آخر\n{PROSE}");
    assert_eq!(hidden(&text), ["مقالات متعلقة"]);
}

#[test]
fn a_section_label_inside_the_article_stays() {
    let text = format!("{PROSE}\nسوريا\n{PROSE}");
    assert_eq!(hidden(&text), Vec::<String>::new());
    let text = format!("{PROSE}\nسوريا\nشارك");
    assert_eq!(hidden(&text), ["سوريا", "شارك"]);
}

#[test]
fn more_from_is_a_link_at_the_end_but_a_subheading_inside() {
    let text = format!("{PROSE}\nالمزيد من المعاناة\n{PROSE}\nالمزيد من سوريا");
    assert_eq!(hidden(&text), ["المزيد من سوريا"]);
}

#[test]
fn a_long_caption_is_matched_by_its_prefix() {
    let caption = format!("camera icon{PROSE}");
    assert_eq!(hidden(&format!("{caption}\n{PROSE}")), [caption]);
}

#[test]
fn patterns_match_folded_lines_with_end_punctuation_ignored() {
    let text = format!("{PROSE}\nاترك تعليقا:\nFACEBOOK\n• ٢٠٢٤/١١/١٣");
    assert_eq!(hidden(&text), ["اترك تعليقا:", "FACEBOOK", "• ٢٠٢٤/١١/١٣"]);
}

#[test]
fn bounded_rules_leave_long_lines_and_partial_words_alone() {
    let long = format!("المزيد من {PROSE}");
    let text = format!("{PROSE}\n{long}\nالمزيدات من سوريا\nشاركوا\n• 2024 كان عاما صعبا");
    assert_eq!(hidden(&text), Vec::<String>::new());
}

#[test]
fn existing_flags_are_kept() {
    let mut body = paragraphs(&format!("{PROSE}\n{PROSE}"));
    body[1].boilerplate = true;
    Boilerplate::embedded().mark(&mut body);
    assert!(!body[0].boilerplate && body[1].boilerplate);
}

#[test]
fn shapes_need_digits_where_the_pattern_has_hashes() {
    assert!(fits_shape("• 6:37 م", "• #:# م"));
    assert!(!fits_shape("• :37 م", "• #:# م"));
    assert!(!fits_shape("• 6:37 مساء", "• #:# م"));
}
