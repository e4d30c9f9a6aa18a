//! Pronoun suffixes: whether a final ه, ها, ي… is a pronoun on a word (كليتها, مكاني,
//! بإعلاني), a careless ة (سوريه), or part of the word (ي of a nisba adjective,
//! إعلاني; ى of إحدى).

use super::{Analyzer, CARELESS_RATIO, NAME_RATIO, PRONOUNS, letters};

/// A stem whose other pronoun forms reach this share of the ة word's count takes
/// pronouns: its ه is one too.
const PRONOUN_SHARE: u32 = 100;

/// A form with a pronoun may be this many times as common as the word without it.
const PRONOUN_RATIO: u32 = 4;

impl Analyzer<'_> {
    /// The base of a form with a pronoun suffix (كليتها → كلية, كله → كل), written after
    /// `proclitic`.
    pub(super) fn without_pronoun(&mut self, proclitic: &str, form: &str) -> Option<String> {
        // A form that takes the article is a noun of its own (البنك), unless the article
        // is a rare slip beside it.
        let definite = self.count(&["ال", form]) * PRONOUN_RATIO >= self.count(&[form]).max(1);
        for pronoun in PRONOUNS {
            let Some(stem) = form.strip_suffix(pronoun) else {
                continue;
            };
            if letters(stem) < 2 {
                continue;
            }
            // Before ي the article is the nisba adjective's, which `first_person` weighs
            // against "my" (الدولتي 2 beside دولتي 26, "my state"); a final ى is a long
            // vowel of the word (إحدى, ذكرى), never "my".
            let possible = if pronoun == "ي" {
                !self.maqsura(form) && self.first_person(proclitic, stem)
            } else {
                !definite
            };
            if !possible {
                continue;
            }
            // ة becomes ت before a pronoun, ات stays: كليتها, كلياتها.
            // A name takes no pronoun: جدتي is a grandmother, not Jeddah.
            if let Some(before) = stem.strip_suffix("ات").filter(|b| letters(b) >= 2) {
                let singular = format!("{before}ة");
                if self.family(&[&singular]) >= 1 && self.takes_article(&singular) {
                    return Some(singular);
                }
            }
            if let Some(before) = stem.strip_suffix('ت').filter(|b| letters(b) >= 2) {
                let singular = format!("{before}ة");
                let marbuta = self.family(&[&singular]);
                if marbuta >= 1 && marbuta >= self.family(&[stem]) && self.takes_article(&singular)
                {
                    return Some(singular);
                }
            }
            if self.pronoun_cut(form, stem, pronoun) {
                // بياناتهم: a plural with a pronoun is the plural's word.
                return Some(
                    self.without_inflection(stem)
                        .unwrap_or_else(|| stem.to_owned()),
                );
            }
        }
        None
    }

    /// Whether `form` is `stem` + `pronoun`.
    fn pronoun_cut(&mut self, form: &str, stem: &str, pronoun: &str) -> bool {
        let stem_family = self.family(&[stem]);
        if stem_family == 0 || self.count(&[form]) > PRONOUN_RATIO * stem_family {
            return false;
        }
        let support = self.pronoun_support(stem, pronoun);
        if self.count(&["ال", stem]) == 0 && support == 0 {
            return false;
        }
        // A careless ة (سوريه) rather than a pronoun, when the ة is the usual spelling
        // and the stem takes other pronouns less often.
        pronoun != "ه" || !self.careless_marbuta(&format!("{stem}ة"), form)
    }

    /// Whether `proclitic` + `stem` + ي is `stem` + "my" rather than the nisba adjective
    /// `stem` + ي (مكاني "my place" beside المكاني "spatial"), as [`my_or_nisba`] weighs
    /// them. An adjective follows its noun and takes the article with it, so after a
    /// preposition (ب, ل, ك) both readings are weighed after the same preposition:
    /// بإعلاني is ب + إعلان + ي (بإعلانه, بإعلانها; no بالإعلاني, بإعلانية) beside the
    /// adjective إعلاني. After و and ف, which come before adjectives as before nouns, and
    /// where neither reading is attested after the preposition, the bare forms decide.
    fn first_person(&mut self, proclitic: &str, stem: &str) -> bool {
        if proclitic.ends_with(['ب', 'ل', 'ك']) {
            let definite = match proclitic.strip_suffix('ل') {
                Some(before) => format!("{before}لل"),
                None => format!("{proclitic}ال"),
            };
            let evidence = self.evidence(proclitic, &definite, stem);
            if evidence.definite
                + evidence.feminine
                + evidence.definite_feminine
                + evidence.pronouns
                > 0
            {
                return my_or_nisba(&evidence);
            }
        }
        let evidence = self.evidence("", "ال", stem);
        my_or_nisba(&evidence)
    }

    /// The [`Evidence`] on `stem` + ي after `proclitic` (`definite` with the article).
    fn evidence(&mut self, proclitic: &str, definite: &str, stem: &str) -> Evidence {
        let mut pronouns = 0;
        for pronoun in PRONOUNS.iter().filter(|&&p| p != "ي") {
            pronouns += self.count(&[proclitic, stem, pronoun]);
        }
        // A sound plural or dual loses its ن before its complement, and the ي that is
        // left is no nisba either: مسلمي العالم (المسلمين), جانبي الحدود.
        for ending in ["ين", "ون", "ان"] {
            let inflected = format!("{stem}{ending}");
            if self.without_inflection(&inflected).is_some() {
                pronouns += self.count(&[proclitic, &inflected]);
            }
        }
        Evidence {
            my: self.count(&[proclitic, stem, "ي"]),
            definite: self.count(&[definite, stem, "ي"]),
            feminine: self.count(&[proclitic, stem, "ية"]),
            definite_feminine: self.count(&[definite, stem, "ية"]),
            pronouns,
        }
    }

    /// Whether `spelled` (ending in ه) is a careless spelling of `marbuta` (ending in ة):
    /// careless spellings are rare, so the ة spelling must be far more common (سيارة
    /// 1,187 beside سياره 5; but مكتبه, "his office", beside مكتبة, and رئيسه).
    pub(super) fn careless_marbuta(&mut self, marbuta: &str, spelled: &str) -> bool {
        // And the rest rarely takes other pronouns: خطه is خط + ه (خطها), دوله is دول + ه,
        // but منطقه is a careless منطقة beside a rare منطقها.
        let stem = &spelled[..spelled.len() - 'ه'.len_utf8()];
        let usual = self.family(&[marbuta]);
        usual >= CARELESS_RATIO * self.family(&[spelled]).max(1)
            && self.pronoun_support(stem, "ه") * PRONOUN_SHARE < usual
    }

    /// How often `stem` occurs with pronoun suffixes other than `except`; ي is left out,
    /// since stem + ي is more often a nisba adjective (جامعي) than "my".
    pub(super) fn pronoun_support(&mut self, stem: &str, except: &str) -> u32 {
        PRONOUNS
            .iter()
            .filter(|&&p| p != except && p != "ي")
            .map(|p| self.count(&[stem, p]))
            .sum()
    }

    /// Whether the term's final ي is mostly written ى (alef maqsura).
    fn maqsura(&mut self, term: &str) -> bool {
        let stats = self.stats(&[term]);
        stats.maqsura_final * 2 > stats.occurrences
    }
}

/// What the corpus says of a form stem + ي (after some proclitic): its own count, and
/// the forms of the two words it may be.
struct Evidence {
    /// stem + ي itself.
    my: u32,
    /// The nisba adjective: ال + stem + ي, stem + ية, ال + stem + ية.
    definite: u32,
    feminine: u32,
    definite_feminine: u32,
    /// The stem with the other pronouns, and its plural or dual that loses its ن before
    /// a complement.
    pronouns: u32,
}

/// Whether stem + ي is "my" rather than a nisba adjective. No pronoun follows the
/// article or ة, so the nisba's other forms are its evidence, and the stem's other
/// pronouns that of "my". "My" needs:
/// - the stem to take other pronouns at least as often as the nisba occurs in its other
///   forms: مكانه, مكانها, مكانك (250) beside المكاني, المكانية, مكانية (94), but not
///   إعلانه, إعلانها (86) beside الإعلاني, الإعلانية, إعلانية (157);
/// - stem + ي to be at least twice as common as the nisba alone would make it, so that
///   "my" is at least half of it. The nisba's share is its count with the article,
///   times the feminine's bare forms per form with the article (without a feminine, as
///   common bare as with the article): مكاني 33 beside 49 × 10 / 35 = 14 from the
///   nisba, but not بياني 3 beside 19 × 5 / 8 = 12 (رسم بياني, "a chart"), however
///   often بيان takes other pronouns;
/// - a feminine that, if the corpus has it, takes the article: one that never does is a
///   name, and so is the masculine (فوزية and فوزي, not فوز + ي).
fn my_or_nisba(e: &Evidence) -> bool {
    let [my, definite, feminine, definite_feminine, pronouns] = [
        e.my,
        e.definite,
        e.feminine,
        e.definite_feminine,
        e.pronouns,
    ]
    .map(u64::from);
    let excess = if definite_feminine > 0 {
        my * definite_feminine >= 2 * definite * feminine
    } else {
        my >= 2 * definite
    };
    let name = definite_feminine * u64::from(NAME_RATIO) < feminine;
    pronouns >= definite + feminine + definite_feminine && excess && !name
}
