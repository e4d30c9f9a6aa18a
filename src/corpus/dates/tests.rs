use jiff::civil::date;

use super::*;
use crate::article::DateConfidence;

/// The non-empty trimmed lines of a text, as the loader makes paragraphs.
use crate::corpus::paragraphs_of as paragraphs;

fn from_text(text: &str) -> DateInfo {
    date_from_text(&paragraphs(text), DateTables::embedded())
}

fn explicit(y: i16, m: i8, d: i8) -> DateInfo {
    DateInfo::explicit(date(y, m, d))
}

fn inferred(y: i16, m: i8, d: i8) -> DateInfo {
    DateInfo::inferred(date(y, m, d))
}

#[test]
fn embedded_tables_parse_and_bad_tables_are_refused() {
    DateTables::from_toml(include_str!("../../../assets/months.toml")).unwrap();
    let table = include_str!("../../../assets/months.toml");
    let twice = table.replace(r#"of = ["من"]"#, r#"of = ["من", "شباط"]"#);
    assert!(DateTables::from_toml(&twice).unwrap_err().contains("شباط"));
    let short = table.replace(r#"["رجب"], "#, "");
    assert!(DateTables::from_toml(&short).unwrap_err().contains("hijri"));
}

#[test]
fn samples() {
    let sample = |text| date_from_text(&paragraphs(text), DateTables::embedded());
    // "اليوم الاثنين" and two embedded tweets signed January 18, 2021 (a Monday): the
    // tweets bound the date, no line of the article states it.
    let s000 = include_str!("../../../assets/sample/000_363616b262b6a0eb.txt");
    assert_eq!(sample(s000), inferred(2021, 1, 18));
    // "الاثنين 18 من كانون الثاني" with 2020 in the text.
    let s001 = include_str!("../../../assets/sample/001_28018be113238a9f.txt");
    assert_eq!(sample(s001), inferred(2021, 1, 18));
    // Only "الأحد 9 الجاري": no month, no year.
    let s002 = include_str!("../../../assets/sample/002_b058743a14f2ef50.txt");
    assert_eq!(sample(s002), DateInfo::default());
    // The "• 2024/11/13" dateline, over "الثلاثاء 12 من تشرين الثاني" further down.
    let s003 = include_str!("../../../assets/sample/003_721a83bec11d9acb.txt");
    assert_eq!(sample(s003), explicit(2024, 11, 13));
    // "الثلاثاء المقبل 15 كانون الأول" and no year anywhere.
    let s004 = include_str!("../../../assets/sample/004_7134a8dc5dcca6b8.txt");
    assert_eq!(sample(s004), DateInfo::default());
}

#[test]
fn every_notation_of_a_complete_date() {
    for text in [
        "نشر في 2024/11/13",
        "2024-11-13",
        "2024.11.13",
        "13/11/2024",
        "13-11-2024",
        "13.11.2024.",
        "11/13/2024",
        "13 تشرين الثاني 2024",
        "13 من تشرين الثاني 2024",
        "13 شهر تشرين الثاني 2024",
        "13 من شهر تشرين الثاني، 2024",
        "13 تشرين الثاني/ نوفمبر 2024",
        "13 نوفمبر (تشرين الثاني) 2024م",
        "الأربعاء 13 تشرين الثاني 2024",
        "November 13, 2024",
        "Wednesday, November 13th, 2024",
        "13 Nov 2024",
        "١٣ تشرين الثاني ٢٠٢٤",
        "٢٠٢٤/١١/١٣",
        "۱۳ نوفمبر ۲۰۲۴",
        "۱۳/۱۱/۲۰۲۴",
    ] {
        assert_eq!(from_text(text), explicit(2024, 11, 13), "{text}");
    }
}

#[test]
fn every_month_of_every_family_with_spelling_variants() {
    let families = [
        "كانون الثاني، شباط، آذار، نيسان، أيار، حزيران، تموز، آب، أيلول، تشرين الأول، تشرين الثاني، كانون الأول",
        "كانون الثانى، شباط، اذار، نيسان، ايار، حزيران، تمّوز، اب، ايلول، تشرين الاول، تشرين الثاني، كانون الاول",
        "يناير، فبراير، مارس، أبريل، مايو، يونيو، يوليو، أغسطس، سبتمبر، أكتوبر، نوفمبر، ديسمبر",
        "يناير، فبراير، مارس، إبريل، مايو، يونيه، يوليه، اغسطس، سبتمبر، اكتوبر، نوفمبر، ديسمبر",
        "جانفي، فيفري، مارس، أفريل، ماي، جوان، جويلية، أوت، سبتمبر، أكتوبر، نوفمبر، ديسمبر",
        "يناير، فبراير، مارس، أبريل، ماي، يونيو، يوليوز، غشت، شتنبر، أكتوبر، نونبر، دجنبر",
        "ينّاير، فبراير، مارس، إبريل، مايو، يونيو، يوليو، أغشت، شتمبر، أكتوبر، نوفمبر، دجمبر",
        "January، feb، MARCH، Apr، May، june، Jul، august، Sept، oct، November، Dec",
    ];
    for family in families {
        assert_eq!(family.split("، ").count(), 12, "{family}");
        for (month, name) in (1..).zip(family.split("، ")) {
            let text = format!("وقع ذلك في 5 {name} 2019.");
            assert_eq!(from_text(&text), explicit(2019, month, 5), "{text}");
        }
    }
}

#[test]
fn a_weekday_gives_the_year_nearest_the_texts_years() {
    let cases = [
        // Monday 18 January: 2016 or 2021; 2021 is nearer 2020.
        (
            "الاثنين 18 من كانون الثاني\nفي أيلول 2020",
            inferred(2021, 1, 18),
        ),
        ("الاثنين، 18 كانون الثاني\nعام 2017", inferred(2016, 1, 18)),
        ("Monday, January 18\nin 2020", inferred(2021, 1, 18)),
        // 2021 and 2027 are both 3 years from 2024: the later wins.
        ("الاثنين 18 كانون الثاني\nعام 2024", inferred(2027, 1, 18)),
        // Nearest to any year of the text: 2024 itself, not 2013 near 2015.
        (
            "الثلاثاء 12 من تشرين الثاني\nعام 2015 ثم 2024",
            inferred(2024, 11, 12),
        ),
        (
            "الثلاثاء المقبل 15 كانون الأول\nمنذ 2015",
            inferred(2015, 12, 15),
        ),
        ("والجمعة 5 آذار\nعام 2021", inferred(2021, 3, 5)),
        ("يوم الأربعاء ٣ من تموز\n٢٠٢٤", inferred(2024, 7, 3)),
        // 29 February, a Saturday in 2020 only near 2021.
        ("السبت 29 شباط\nعام 2021", inferred(2020, 2, 29)),
        // A Friday in 2008 and 2036 only: too far from 2021.
        ("الجمعة 29 شباط\nعام 2021", DateInfo::default()),
    ];
    for (text, expected) in cases {
        assert_eq!(from_text(text), expected, "{text}");
    }
}

#[test]
fn six_years_reach_every_weekday_but_on_29_february() {
    let weekdays = (0..7).map(|i| Weekday::from_sunday_zero_offset(i).unwrap());
    let weekdays: Vec<Weekday> = weekdays.collect();
    for day in date(2001, 1, 1).series(jiff::ToSpan::day(1)).take(365) {
        for year in MIN_YEAR + MAX_YEAR_GAP..=MAX_YEAR - MAX_YEAR_GAP {
            for &weekday in &weekdays {
                let found = infer_year(day.month(), day.day(), weekday, &[year]);
                assert!(found.is_some(), "{day} {weekday:?} {year}");
            }
        }
    }
}

#[test]
fn hijri_dates_are_never_gregorian() {
    for text in [
        "الاثنين 18 رمضان 1442 هـ\nعام 2021",
        "الأحد 5 ربيع الأول\nعام 2021",
        "الخميس 5 جمادى الآخرة\nعام 2021",
        "الجمعة 10 ذي الحجة 1436هـ\n2015",
        "1442/09/18 هـ",
        "18/09/1442",
    ] {
        assert_eq!(from_text(text), DateInfo::default(), "{text}");
    }
    let both = "الخميس 5 ربيع الثاني 1442هـ الموافق 19 تشرين الثاني 2020م";
    assert_eq!(from_text(both), explicit(2020, 11, 19));
}

#[test]
fn impossible_dates_and_missing_evidence_give_nothing() {
    for text in [
        "31 شباط 2021",
        "2021/13/01",
        "2021-02-29",
        "1899/12/31",
        "2101-01-01",
        "الأحد 31 شباط\nعام 2021",
        "نسخة 1.2.3.4 عام 2020",
        // No year anywhere.
        "الاثنين 18 من كانون الثاني",
        // No weekday.
        "18 من كانون الثاني\nعام 2021",
        // No month.
        "ظهر الأحد 9 الجاري\nعام 2017",
        "قتل 5 أشخاص عام 2020",
        "",
    ] {
        assert_eq!(from_text(text), DateInfo::default(), "{text}");
    }
}

#[test]
fn which_date_when_there_are_several() {
    // A dateline among the first paragraphs beats an earlier date in the story.
    let text = "عنوان\nقال الوزير في 5 آذار 2019 كلاما كثيرا\n• 2024/11/13";
    assert_eq!(from_text(text), explicit(2024, 11, 13));
    // Otherwise the first date in reading order, even an inferred one.
    let text = "قال الوزير في مؤتمر صحفي الاثنين 18 من كانون الثاني كلاما\n\
                وقال في 12 آذار 2020 كلاما آخر";
    assert_eq!(from_text(text), inferred(2021, 1, 18));
    // A tweet's date only when nothing else is found; the latest tweet.
    let tweets = "— أ (@a) January 17, 2021\n— ب (@b) January 18, 2021\n— ج (@c) January 2, 2021";
    assert_eq!(from_text(tweets), inferred(2021, 1, 18));
    let text = format!("{tweets}\nوفي 12 آذار 2021 قال الوزير كلاما كثيرا");
    assert_eq!(from_text(&text), explicit(2021, 3, 12));
    // A date from before the latest year of the text is background, even before a tweet.
    let text = format!("{tweets}\nوفي 12 آذار 2020 قال الوزير كلاما كثيرا");
    assert_eq!(from_text(&text), inferred(2021, 1, 18));
    let text = "فقدت الطائرة في 8 آذار 2014 فوق المحيط\nوقال الوزير يوم 5 آب 2015 إنه";
    assert_eq!(from_text(text), explicit(2015, 8, 5));
    let text = "ألقيت القنبلة في 6 آب 1945 وبعد 70 عاماً، في 2015، أحيا الناس الذكرى";
    assert_eq!(from_text(text), DateInfo::default());
    // Boilerplate gives a year, never the date.
    let mut paragraphs = paragraphs("الاثنين 18 من كانون الثاني\n• 2019/05/05\n© 2020");
    paragraphs[1].boilerplate = true;
    paragraphs[2].boilerplate = true;
    let found = date_from_text(&paragraphs, DateTables::embedded());
    assert_eq!(found, inferred(2021, 1, 18));
    assert_eq!(found.confidence, DateConfidence::Inferred);
}

#[test]
fn dates_in_paths() {
    for path in [
        "corpus/2015/07/21/article.txt",
        "https://example.com/2015/07/21/",
        "corpus/2015/7/21.txt",
        "2015-07-21.json",
        "data/2015_07_21_okaz.txt",
        "20150721.txt",
        "x/20150721_foo.json",
        "saudinewsnet-2015.07.21.zip",
        r"C:\news\2015\07\21\a.txt",
        // The date nearest the file wins.
        "2014/01/02/2015-07-21.json",
        "2014-01-02.zip/2015-07-21.json",
    ] {
        assert_eq!(date_from_path(path), Some(date(2015, 7, 21)), "{path}");
    }
    for path in [
        "2015/13/01/a.txt",
        "2015-02-30.txt",
        "1850-01-01.txt",
        "120150721.txt",
        "a20150721.txt",
        "2015-07_21.txt",
        "notes/2015.txt",
        "v1.2.3.txt",
        "",
    ] {
        assert_eq!(date_from_path(path), None, "{path}");
    }
}

#[test]
fn dates_in_metadata() {
    for value in [
        "2015-07-21 02:51:32",
        "2015-07-21",
        "2015-07-21T02:51:32+03:00",
        "2015-07-21T23:30:00-05:00",
        "2015/07/21",
        "21/07/2015",
        "21-07-2015",
        "07/21/2015",
        " 20150721 ",
        "Tue, 21 Jul 2015 10:00:00 +0300",
        "July 21, 2015",
        "21 يوليو 2015",
        "الثلاثاء 21 يوليو 2015م",
        "٢١ تموز ٢٠١٥",
    ] {
        assert_eq!(
            parse_metadata_date(value),
            Some(date(2015, 7, 21)),
            "{value}"
        );
    }
    for value in [
        "",
        "غير معروف",
        "2015",
        "July 2015",
        "الثلاثاء 21 يوليو",
        "2015-02-30",
    ] {
        assert_eq!(parse_metadata_date(value), None, "{value}");
    }
}
