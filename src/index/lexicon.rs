//! Which terms are forms of the same word (DESIGN §4, "matching is precise first").
//!
//! A term is a normalized spelling; a word (a lexeme) is the set of terms that are its
//! inflected forms: with proclitics (و ف ب ك ل, the article ال and their combinations),
//! with pronoun suffixes, dual and sound plurals, ات for ة, and the news spelling rule
//! that makes سورية and سوريه the name سوريا. Each term belongs to exactly one word,
//! named by its base form ([`Analyzer::word_name`]); a query word matches the terms of
//! its own word and no other.
//!
//! Blind light stemming cuts whatever looks like an affix, and so makes كلية (college) a
//! form of كل (all) and كسور (fractures) a form of سور (wall). Here every cut is decided
//! from the corpus's own vocabulary, the evidence a reader would use:
//! - a proclitic is cut only when the rest is itself a word of the corpus and the whole
//!   never takes the article (الكسور says that كسور is a word, not ك + سور), and, when the
//!   rest never takes the article either (a name, a verb), only when the whole is no more
//!   common than the rest (كندا is not ك + ندا); a rest the corpus never has alone
//!   counts as a word when its own suffixes lead to a common noun (لبياناتهن); a whole
//!   that is a far more common noun in ة with a pronoun keeps its first letter
//!   (وزارتها is not و + زارتها); ال + لا + a hamzated word is the negation compound
//!   (اللاإنسانية), no sign that لإنسانية is a word of its own;
//! - the article is not cut from a word whose first alef is mostly written with a hamza
//!   (ألمانيا, إلغاء), and not before fewer than three letters (الله, الذي, الآن);
//! - the teh marbuta stays part of the word: كلية is not كل, جامعة is not جامع;
//! - a pronoun suffix is cut only when the rest is a word that takes the article or
//!   other pronouns, the whole never takes the article, and the whole is not far more
//!   common than the rest (بنك is not بن + ك: البنك; تلك is not تل + ك); a final ي
//!   is "my" only when the stem takes other pronouns more than a nisba adjective
//!   stem + ي shows its other forms, and the form is twice as common as that adjective
//!   would make it (مكاني is مكان + ي, but إعلاني and بياني are adjectives), read after
//!   the same preposition (بإعلاني is ب + إعلان + ي); a final ى never is (إحدى);
//! - ات, تان, تين need the singular in ة (or, for ات, a masculine noun that takes the
//!   article); ون, ين, ان need the other forms of their paradigm (المسلمين has
//!   المسلمون, البحرين has no البحران: it is a name, not the sea twice), except a ين
//!   far rarer than a noun taking the article and pronouns (مكانين, the dual of مكان);
//! - a final ه is the ة of a careless spelling only when the ة spelling is far more
//!   common and the rest takes no other pronoun as often (سوريه, but not كله or رئيسه);
//!   after the article, where no pronoun can follow, the counts alone decide (الدوله);
//! - final يا / ية / يه are one name when the يا spelling is one (no tanwin, never with
//!   the article) and the ية spelling is used as a name too (after ب or ل without the
//!   article, or more often bare than with it): سوريا = سورية, but تركيا ≠ تركية
//!   (Turkish) and رسمياً (officially) ≠ رسمية. A name never takes the article, so
//!   السورية stays the adjective.

use std::borrow::Cow;
use std::num::NonZeroUsize;

/// What the corpus says of one term besides where it occurs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct TermStats {
    /// How often it occurs.
    pub(super) occurrences: u32,
    /// How often its first letter was written أ, إ or آ.
    pub(super) hamza_initial: u32,
    /// How often it ended with tanwin fatha.
    pub(super) tanween_final: u32,
    /// How often its final ي was written ى (alef maqsura).
    pub(super) maqsura_final: u32,
}

/// The corpus's terms with their counts, for deciding cuts.
pub(super) struct Vocabulary<'a> {
    terms: &'a [String],
    stats: &'a [TermStats],
    /// A hash of the terms while the index is built (millions of look-ups); a query's few
    /// look-ups search the sorted terms instead.
    ids: Option<foldhash::HashMap<&'a str, u32>>,
}

impl<'a> Vocabulary<'a> {
    /// Sorted `terms` with their `stats`, for a few look-ups.
    pub(super) fn new(terms: &'a [String], stats: &'a [TermStats]) -> Self {
        Self {
            terms,
            stats,
            ids: None,
        }
    }

    /// The same, hashed for many look-ups.
    pub(super) fn hashed(terms: &'a [String], stats: &'a [TermStats]) -> Self {
        let ids = terms
            .iter()
            .enumerate()
            .map(|(i, term)| (term.as_str(), i as u32))
            .collect();
        Self {
            terms,
            stats,
            ids: Some(ids),
        }
    }

    fn stats(&self, spelling: &str) -> TermStats {
        let id = match &self.ids {
            Some(ids) => ids.get(spelling).map(|&i| i as usize),
            None => self
                .terms
                .binary_search_by(|t| t.as_str().cmp(spelling))
                .ok(),
        };
        id.map_or_else(TermStats::default, |i| self.stats[i])
    }
}

/// The words of a vocabulary: each term's word, each word's terms.
#[derive(Debug, Default)]
pub(super) struct Lexicon {
    /// Term number → word number.
    word_of: Vec<u32>,
    /// Word `w`'s terms are `forms[form_starts[w]..form_starts[w + 1]]`, ascending.
    form_starts: Vec<u32>,
    forms: Vec<u32>,
    /// Word name → word number, for query words the corpus does not have.
    names: foldhash::HashMap<Box<str>, u32>,
}

impl Lexicon {
    /// Bytes held on the heap, roughly (the name table's own slots counted as 24 bytes).
    pub(super) fn heap_bytes(&self) -> usize {
        (self.word_of.capacity() + self.form_starts.capacity() + self.forms.capacity()) * 4
            + self.names.keys().map(|k| k.len() + 24).sum::<usize>()
            + self.names.capacity() * 24
    }

    /// Decides the word of every term of `vocabulary`, on all cores.
    pub(super) fn build(vocabulary: &Vocabulary) -> Self {
        let terms = vocabulary.terms;
        let threads = std::thread::available_parallelism().map_or(1, NonZeroUsize::get);
        let share = terms.len().div_ceil(threads.clamp(1, 8)).max(1);
        let names: Vec<Vec<Cow<str>>> = std::thread::scope(|scope| {
            let running: Vec<_> = terms
                .chunks(share)
                .map(|chunk| {
                    scope.spawn(move || {
                        let mut analyzer = Analyzer::new(vocabulary);
                        chunk
                            .iter()
                            .map(|term| analyzer.word_name(term))
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            running
                .into_iter()
                .map(|t| t.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
                .collect()
        });
        let mut lexicon = Lexicon {
            word_of: Vec::with_capacity(terms.len()),
            ..Lexicon::default()
        };
        let mut sizes: Vec<u32> = Vec::new();
        for name in names.into_iter().flatten() {
            let next = lexicon.names.len() as u32;
            let word = match lexicon.names.get(name.as_ref()) {
                Some(&word) => word,
                None => {
                    lexicon
                        .names
                        .insert(name.into_owned().into_boxed_str(), next);
                    sizes.push(0);
                    next
                }
            };
            sizes[word as usize] += 1;
            lexicon.word_of.push(word);
        }
        let mut starts = Vec::with_capacity(sizes.len() + 1);
        let mut total = 0u32;
        starts.push(0);
        for size in &sizes {
            total += size;
            starts.push(total);
        }
        let mut next = starts.clone();
        lexicon.forms = vec![0; terms.len()];
        for (term, &word) in lexicon.word_of.iter().enumerate() {
            lexicon.forms[next[word as usize] as usize] = term as u32;
            next[word as usize] += 1;
        }
        lexicon.form_starts = starts;
        lexicon
    }

    /// How many words it knows.
    pub(super) fn len(&self) -> usize {
        self.names.len()
    }

    /// The word term number `term` is a form of.
    pub(super) fn word_of(&self, term: u32) -> u32 {
        self.word_of[term as usize]
    }

    /// The terms that are forms of word `word`, ascending.
    pub(super) fn forms(&self, word: u32) -> &[u32] {
        let w = word as usize;
        &self.forms[self.form_starts[w] as usize..self.form_starts[w + 1] as usize]
    }

    /// The word with this name, if any term is a form of it.
    pub(super) fn named(&self, name: &str) -> Option<u32> {
        self.names.get(name).copied()
    }
}

/// Whether a base still has its article, which decides which suffixes it may carry
/// (a noun with the article takes no pronoun) and whether it can be a name.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Article {
    Definite,
    Bare,
}

/// The article with the proclitics before it, longest first. لل is ل + ال.
const DEFINITE: [&str; 12] = [
    "وبال", "فبال", "وكال", "فكال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "ال",
];

/// Proclitics without the article, longest first.
const PARTICLES: [&str; 11] = ["وب", "فب", "وك", "فك", "ول", "فل", "و", "ف", "ب", "ك", "ل"];

/// Pronoun suffixes, longest first.
const PRONOUNS: [&str; 11] = [
    "هما", "كما", "هم", "هن", "كم", "كن", "ها", "نا", "ه", "ك", "ي",
];

/// A plural or dual may be this many times as common as its singular and still be its
/// form; past that, the "plural" is a word of its own (وفيات is not وفية).
const PLURAL_RATIO: u32 = 20;

/// A dual in ين without a nominative in ان beside it needs a singular at least this
/// many times as common (a dual is a small share of its noun's uses).
const LONE_DUAL_RATIO: u32 = 50;

/// An accusative alef carries its tanwin in at least one of this many occurrences.
const ACCUSATIVE_SHARE: u32 = 10;

/// A name is known as one when it occurs at least this often.
const KNOWN_NAME: u32 = 50;

/// The usual spelling is at least this many times as common as a careless one.
const CARELESS_RATIO: u32 = 20;

/// A word that occurs this many times as often bare as with the article is a name, and
/// ال + it is another word.
const NAME_RATIO: u32 = 20;

/// ف and ك attach to nouns rarely; a form with them at more than this share of the
/// word's own count is a word of its own (فكرتنا is not ف + كرتنا, فيمن not ف + يمن).
const RARE_PARTICLE_SHARE: u32 = 5;

/// A noun may be this many times as common after a particle as without it.
const NOUN_PARTICLE_RATIO: u32 = 10;

/// Decides terms' words against a vocabulary; keeps a buffer for the spellings it asks
/// about.
pub(super) struct Analyzer<'v> {
    vocabulary: &'v Vocabulary<'v>,
    spelling: String,
}

impl<'v> Analyzer<'v> {
    /// An analyzer asking `vocabulary`.
    pub(super) fn new(vocabulary: &'v Vocabulary<'v>) -> Self {
        Self {
            vocabulary,
            spelling: String::new(),
        }
    }

    /// The name of the word that the normalized `term` is a form of: its base form.
    pub(super) fn word_name<'t>(&mut self, term: &'t str) -> Cow<'t, str> {
        if !is_arabic(term) {
            return Cow::Borrowed(term);
        }
        for clitic in DEFINITE {
            // ل + ال + a word starting with lam is written with two lams: لله is ل + الله,
            // للجنة is ل + اللجنة. That reading, when the word with its lam is the more
            // likely (or the rest too short for a word), is the word with its article.
            if clitic.ends_with("لل")
                && let Some(rest) = term.strip_prefix(clitic)
            {
                let with_lam = format!("ل{rest}");
                let full = format!("ال{with_lam}");
                let lam_word =
                    letters(rest) < 3 || self.family(&[&with_lam]) > self.family(&[rest]);
                if lam_word && self.count(&[&full]) >= 1 {
                    return Cow::Owned(self.word_name(&full).into_owned());
                }
                // للبنان is ل + لبنان, a word that never takes the article.
                if lam_word && self.count(&[&with_lam]) >= 1 {
                    return Cow::Owned(self.word_name(&with_lam).into_owned());
                }
            }
            let Some(rest) = term.strip_prefix(clitic) else {
                continue;
            };
            // بالرياض is ب + الرياض: the word of the form with the article, whatever
            // that is (a name with its article, ألمانيا with its hamza).
            if clitic != "ال" && letters(rest) >= 2 && self.count(&["ال", term]) == 0 {
                let definite = format!("ال{rest}");
                if self.count(&[&definite]) >= 1 {
                    return Cow::Owned(self.word_name(&definite).into_owned());
                }
            }
            if let Some(rest) = self.article_cut(term, clitic, rest) {
                return self.base(rest, Article::Definite);
            }
        }
        for clitic in PARTICLES {
            if let Some(rest) = term.strip_prefix(clitic)
                && self.particle_cut(term, clitic, rest)
            {
                // What follows a particle may have the article: ب + ألمانيا.
                if let Some(inner) = rest.strip_prefix("ال")
                    && let Some(inner) = self.article_cut(rest, "ال", inner)
                {
                    return self.base(inner, Article::Definite);
                }
                return self.base_after(clitic, Cow::Borrowed(rest), Article::Bare);
            }
        }
        self.base(Cow::Borrowed(term), Article::Bare)
    }

    /// The rest of `term` after `clitic` (which ends with the article), if cutting it
    /// is right.
    fn article_cut<'t>(&mut self, term: &str, clitic: &str, rest: &'t str) -> Option<Cow<'t, str>> {
        if letters(rest) < 3 {
            return None;
        }
        if clitic == "ال" {
            let sound =
                !self.hamzated(term) && self.takes_article(rest) && !self.article_name(rest);
            return sound.then_some(Cow::Borrowed(rest));
        }
        let rest = Cow::Borrowed(rest);
        // والعالميات: العالميات is not in the corpus, but it is the plural of عالمية.
        let attested = self.family(&[&rest]) >= 1
            || (letters(&rest) >= 4 && self.unattested_noun(&rest, term));
        let sound = attested
            && self.takes_article(&rest)
            && !self.article_name(&rest)
            && !self.hamzated_parts(&["ال", &rest])
            && self.count(&["ال", term]) == 0;
        sound.then_some(rest)
    }

    /// Whether `term` is `clitic` + `rest`, a particle before a word.
    fn particle_cut(&mut self, term: &str, clitic: &str, rest: &str) -> bool {
        let rest_letters = letters(rest);
        // A noun with a pronoun never takes the article itself (ومؤسساته): its base does.
        let takes_article = self.count(&["ال", rest]) >= 1 || {
            let base = self.base(Cow::Borrowed(rest), Article::Bare);
            *base != *rest && self.count(&["ال", &base]) >= 1
        };
        // Two letters only after a clitic that cannot be a word's first letter there
        // as often as ك can (كان is not ك + أن).
        let long_enough =
            rest_letters >= 3 || (rest_letters == 2 && !clitic.ends_with('ك') && takes_article);
        // The article before the whole says it is a word of its own (الكسور), except
        // before ل + a longer word with a hamza on its first alef: اللاإنسانية is ال +
        // لا + إنسانية, the negation compound, its two alefs merged as the lam-alef
        // ligature writes them, and the more common لإنسانية stays ل + إنسانية.
        let article_before = self.count(&["ال", term]);
        let compound = clitic == "ل"
            && rest.starts_with('ا')
            && rest_letters >= 4
            && self.hamzated(rest)
            && article_before < self.count(&[term]);
        if !long_enough || (article_before >= 1 && !compound) {
            return false;
        }
        // وبلد is و + بلد, not و + ب + لد: the inner word takes the article; ولحج is
        // و + لحج (a place), since لحج is not ل + حج.
        if letters(clitic) == 2 {
            let first = clitic.chars().next().map_or(0, char::len_utf8);
            let inner = &term[first..];
            if self.count(&["ال", inner]) >= 1 || !self.particle_cut(inner, &clitic[first..], rest)
            {
                return false;
            }
        }
        let rare = clitic.ends_with(['ف', 'ك']);
        if self.count(&[rest]) == 0 {
            // A rest the corpus never has alone is still a word when its suffixes lead
            // to a common noun (لبياناتهن: بيانات + هن, بثورتين: the dual of ثورة); ف
            // and ك are letters too often to be cut on so little.
            return !rare && rest_letters >= 4 && self.unattested_noun(rest, term);
        }
        // بعيده is بعيد + ه (البعيد), not ب + عيده; وزارتها is وزارة + ها (الوزارة, ة
        // written ت before the pronoun), not و + زارتها, when that noun is far the more
        // common word (9,708 beside زارت 40; but بحريتهم is ب + حريتهم, and بحرية, 1,287
        // with "freely", is no such evidence beside حرية, 595).
        for pronoun in PRONOUNS {
            let Some(stem) = term.strip_suffix(pronoun).filter(|s| letters(s) >= 3) else {
                continue;
            };
            if self.count(&["ال", stem]) >= 1 {
                return false;
            }
            if let Some(before) = stem.strip_suffix('ت') {
                let singular = format!("{before}ة");
                if self.count(&["ال", &singular]) >= 1 && self.takes_article(&singular) {
                    let rest_word = self.base(Cow::Borrowed(rest), Article::Bare);
                    let rest_family = self.family(&[&rest_word]);
                    if self.family(&[&singular]) > NOUN_PARTICLE_RATIO * rest_family {
                        return false;
                    }
                }
            }
        }
        let whole = self.count(&[term]);
        let own = if takes_article {
            self.family(&[rest])
        } else {
            self.count(&[rest])
        };
        if clitic.ends_with('ف') && takes_article {
            // As often before the bare word as before the word with the article (فيمن
            // beside فاليمن is في + من, not ف + يمن).
            let particle = &clitic[clitic.len() - 'ف'.len_utf8()..];
            let bare = u64::from(self.count(&[rest]));
            let definite = u64::from(self.count(&["ال", rest]));
            let with_article = u64::from(self.count(&[particle, "ال", rest]));
            let expected =
                u64::from(RARE_PARTICLE_SHARE) * bare * (with_article + 1) / (definite + 1);
            u64::from(whole) <= expected.max(2)
        } else if rare || rest_letters == 2 {
            whole * RARE_PARTICLE_SHARE <= own
        } else if takes_article {
            // A noun after a particle may be far more common with it (بشكل, بسبب), but
            // not fifty times (لبنان is not ل + بنان).
            whole <= NOUN_PARTICLE_RATIO * own
        } else {
            whole <= own
        }
    }

    /// Whether `rest`, which the corpus never has alone, is an inflected form of a noun
    /// at least [`NOUN_PARTICLE_RATIO`] times as common as `term` and taking the article.
    fn unattested_noun(&mut self, rest: &str, term: &str) -> bool {
        let base = self.base(Cow::Borrowed(rest), Article::Bare);
        if *base == *rest || self.count(&["ال", &base]) == 0 {
            return false;
        }
        let whole = self.count(&[term]);
        let family = self.family(&[&base]);
        // The whole's own suffixes may lead to a more common word: بيانهم is بيان + هم,
        // not ب + يان + هم.
        let own = self.base(Cow::Borrowed(term), Article::Bare);
        if *own != *term && self.family(&[&own]) >= family {
            return false;
        }
        whole.saturating_mul(NOUN_PARTICLE_RATIO) <= family
    }

    /// The base of `rest` (what follows the proclitics): suffixes cut where the
    /// vocabulary shows them to be suffixes.
    fn base<'t>(&mut self, rest: Cow<'t, str>, article: Article) -> Cow<'t, str> {
        self.base_after("", rest, article)
    }

    /// [`Self::base`] of `rest` written after `proclitic` (which decides between a
    /// pronoun ي and a nisba adjective).
    fn base_after<'t>(
        &mut self,
        proclitic: &str,
        rest: Cow<'t, str>,
        article: Article,
    ) -> Cow<'t, str> {
        if article == Article::Bare
            && let Some(base) = self.without_pronoun(proclitic, &rest)
        {
            return Cow::Owned(base);
        }
        if let Some(base) = self.without_inflection(&rest) {
            return Cow::Owned(base);
        }
        if article == Article::Bare
            && let Some(stem) = self.accusative(&rest)
        {
            return Cow::Owned(stem);
        }
        if let Some(stem) = rest.strip_suffix('ه')
            && letters(stem) >= 2
        {
            let marbuta = format!("{stem}ة");
            // After the article the ه cannot be a pronoun (البلديه, الدوله): only the
            // counts of the two spellings decide.
            let careless = match article {
                Article::Definite => {
                    self.family(&[&marbuta]) >= CARELESS_RATIO * self.family(&[&rest]).max(1)
                }
                Article::Bare => self.careless_marbuta(&marbuta, &rest),
            };
            if careless {
                return Cow::Owned(self.news_name(&marbuta, article).unwrap_or(marbuta));
            }
        }
        match self.news_name(&rest, article) {
            Some(name) => Cow::Owned(name),
            None => rest,
        }
    }

    /// The word of an indefinite accusative written with its alef (بياناً → بيان), when
    /// the corpus writes the tanwin on it often enough to show it (سوريا never has it).
    /// An adverb from a nisba (رسمياً) stays apart from the adjective.
    fn accusative(&mut self, form: &str) -> Option<String> {
        let stem = form.strip_suffix('ا')?;
        if letters(stem) < 3 || stem.ends_with(['ي', 'ة', 'ا', 'ء']) {
            return None;
        }
        let stats = self.stats(&[form]);
        let marked =
            stats.tanween_final * ACCUSATIVE_SHARE >= stats.occurrences && stats.occurrences > 0;
        (marked && self.count(&["ال", stem]) >= 1).then(|| stem.to_owned())
    }

    /// The singular of a dual or sound plural (جامعات → جامعة, المسلمين → مسلم).
    fn without_inflection(&mut self, form: &str) -> Option<String> {
        let whole = self.family(&[form]);
        // تا and تي are the dual before its complement (دولتا الخليج).
        for dual in ["تان", "تين", "تا"] {
            if let Some(stem) = form.strip_suffix(dual).filter(|s| letters(s) >= 2) {
                let singular = format!("{stem}ة");
                if self.family(&[&singular]) >= 1 {
                    return Some(singular);
                }
            }
        }
        if let Some(stem) = form.strip_suffix("ات").filter(|s| letters(s) >= 2) {
            let singular = format!("{stem}ة");
            let feminine = self.family(&[&singular]);
            // A name has no plural: الجدات are grandmothers, not Jeddah.
            if feminine >= 1 && self.takes_article(&singular) {
                return (whole <= PLURAL_RATIO * feminine).then_some(singular);
            }
            let masculine = self.family(&[stem]);
            if letters(stem) >= 3
                && masculine >= 1
                && self.count(&["ال", stem]) >= 1
                && whole <= PLURAL_RATIO * masculine
            {
                return Some(stem.to_owned());
            }
        }
        for (suffix, partners) in [("ين", &["ون", "ان"][..]), ("ون", &["ين"]), ("ان", &["ين"])]
        {
            let Some(stem) = form.strip_suffix(suffix).filter(|s| letters(s) >= 3) else {
                continue;
            };
            let singular = self.family(&[stem]);
            let partner: u32 = partners.iter().map(|p| self.family(&[stem, p])).sum();
            if singular >= 1
                && partner >= 1
                && whole <= PLURAL_RATIO * partner
                && whole <= PLURAL_RATIO * singular
            {
                return Some(stem.to_owned());
            }
            // ين is the dual news writes most (ان is only the nominative): without its
            // partner, a ين form far rarer than a noun (a singular taking the article
            // and pronouns) is that noun's dual or plural: مكانين, المكانين beside مكان
            // (2,456), while البحرين, حسين and كمين are words of their own.
            if suffix == "ين"
                && partner == 0
                && whole.saturating_mul(LONE_DUAL_RATIO) <= singular
                && self.count(&["ال", stem]) >= 1
                && self.pronoun_support(stem, "ي") >= 1
            {
                return Some(stem.to_owned());
            }
        }
        None
    }

    /// The name `base` spells by the news spelling rule, where the corpus uses it as
    /// one: سورية (and so سوريه) as سوريا. `None` when it is no such name.
    fn news_name(&mut self, base: &str, article: Article) -> Option<String> {
        if article == Article::Definite {
            return None;
        }
        let stem = base
            .strip_suffix("يا")
            .or_else(|| base.strip_suffix("ية"))
            .filter(|s| letters(s) >= 3 && !s.ends_with('ا'))?;
        self.is_name(stem).then(|| format!("{stem}يا"))
    }

    /// Whether `stem` + يا and `stem` + ية are one name in this corpus.
    fn is_name(&mut self, stem: &str) -> bool {
        let ya = self.stats(&[stem, "يا"]);
        // Without the يا spelling there is nothing to unite (جمعية has no جمعيا).
        let ya_is_name = ya.occurrences >= 1
            && ya.occurrences * 4 >= self.count(&[stem, "ية"])
            && ya.tanween_final * 20 < ya.occurrences
            && self.count(&["ال", stem, "يا"]) == 0;
        if !ya_is_name {
            return false;
        }
        let bare = self.count(&[stem, "ية"]);
        let definite = self.count(&["ال", stem, "ية"]);
        let after_particle = self.count(&["ب", stem, "ية"]) + self.count(&["ل", stem, "ية"]);
        (after_particle >= 2 && after_particle * 100 >= bare) || (bare >= 1 && bare >= definite)
    }

    /// Whether `word` takes the article often enough for ال + `word` to be it: a name
    /// that is nearly always bare (جدة the city, سلمان) makes ال + it another word (الجدة
    /// the grandmother, السلمان a family).
    fn takes_article(&mut self, word: &str) -> bool {
        self.count(&["ال", word]) * NAME_RATIO >= self.count(&[word])
    }

    /// Whether ال + `word` is a name with its article, nearly never written bare (الرياض,
    /// الطائف, القاهرة): the bare word is then another use (رياض gardens, a first name).
    /// A plural or dual is no name: المسلمين is the plural of مسلم however rare
    /// مسلمين is.
    fn article_name(&mut self, word: &str) -> bool {
        let definite = self.count(&["ال", word]);
        definite >= KNOWN_NAME
            && self.count(&[word]) * NAME_RATIO < definite
            && self.without_inflection(word).is_none()
    }

    /// Whether the term's first alef is mostly written with a hamza.
    fn hamzated(&mut self, term: &str) -> bool {
        self.hamzated_parts(&[term])
    }

    fn hamzated_parts(&mut self, parts: &[&str]) -> bool {
        let stats = self.stats(parts);
        stats.occurrences > 0 && stats.hamza_initial * 10 >= stats.occurrences * 3
    }

    /// How often the spelling made of `parts` occurs.
    fn count(&mut self, parts: &[&str]) -> u32 {
        self.stats(parts).occurrences
    }

    /// How often the spelling made of `parts` occurs, with the article or without.
    fn family(&mut self, parts: &[&str]) -> u32 {
        let bare = self.count(parts);
        self.spelling.clear();
        self.spelling.push_str("ال");
        for part in parts {
            self.spelling.push_str(part);
        }
        bare + self.vocabulary.stats(&self.spelling).occurrences
    }

    fn stats(&mut self, parts: &[&str]) -> TermStats {
        self.spelling.clear();
        for part in parts {
            self.spelling.push_str(part);
        }
        self.vocabulary.stats(&self.spelling)
    }
}

/// Whether a normalized term is all Arabic letters (the rules are for Arabic words).
fn is_arabic(term: &str) -> bool {
    !term.is_empty() && term.chars().all(|c| ('\u{0621}'..='\u{064A}').contains(&c))
}

fn letters(text: &str) -> usize {
    text.chars().count()
}

mod pronouns;
#[cfg(test)]
mod tests;
