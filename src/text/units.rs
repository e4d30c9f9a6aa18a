//! What each cell of a paragraph shows, in logical order: grapheme clusters (a lam-alef
//! ligature joins two), shaped, with the characters qari never draws left out, lone
//! marks given a base and flags spelled out.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::arabic::is_tashkeel;
use super::layout::{BidiMode, LayoutOptions, Shaping, Tashkeel};
use super::sanitize::is_never_emitted;
use super::shape::{Shaped, shape};

/// A unit of layout in logical order: a grapheme cluster, or lam + alef clusters ligated.
pub(super) struct Unit {
    pub(super) logical: Range<usize>,
    pub(super) text: String,
    pub(super) width: usize,
    pub(super) breakable_space: bool,
}

pub(super) fn units(text: &str, options: &LayoutOptions) -> Vec<Unit> {
    let chars: Vec<char> = text.chars().collect();
    let shaped: Vec<Shaped> = if options.bidi == BidiMode::App && options.shaping == Shaping::On {
        shape(&chars)
    } else {
        chars.iter().map(|&c| Shaped::Char(c)).collect()
    };
    let mut units: Vec<Unit> = Vec::new();
    let mut char_index = 0;
    for (start, cluster) in text.grapheme_indices(true) {
        let mut drawn = String::new();
        let mut ligated = false;
        for c in cluster.chars() {
            match shaped[char_index] {
                Shaped::Ligated => ligated = true,
                Shaped::Char(_) if is_never_emitted(c) => {}
                Shaped::Char(_) if options.tashkeel == Tashkeel::Hidden && is_tashkeel(c) => {}
                Shaped::Char(form) => drawn.push(regional_indicator_letter(form).unwrap_or(form)),
            }
            char_index += 1;
        }
        let logical = start..start + cluster.len();
        if ligated && let Some(lam) = units.last_mut() {
            lam.logical.end = logical.end;
            lam.text.push_str(&drawn);
            continue;
        }
        let breakable_space = cluster.chars().count() == 1 && is_breakable_space(cluster);
        units.push(Unit {
            logical,
            text: drawn,
            width: 0,
            breakable_space,
        });
    }
    for unit in &mut units {
        give_a_base_to_lone_marks(&mut unit.text);
        unit.width = unit.text.width();
    }
    units
}

/// The capital letter a regional indicator stands for (U+1F1F7 → 'R').
///
/// A flag is a pair of regional indicators, and terminals disagree on its width: tmux
/// and glibc give each indicator one column, emoji-aware terminals draw the pair as one
/// two-column glyph. Whichever qari assumes, the other kind leaves stale cells behind when
/// the flag is overwritten. Its two letters ("RU") take the same two columns everywhere.
pub fn regional_indicator_letter(c: char) -> Option<char> {
    let offset = u32::from(c).checked_sub(0x1F1E6)?;
    (offset < 26).then(|| char::from(b'A' + offset as u8))
}

/// Spaces where a line may break (not the no-break spaces).
fn is_breakable_space(cluster: &str) -> bool {
    matches!(
        cluster,
        " " | "\u{1680}"
            | "\u{2000}"
            | "\u{2001}"
            | "\u{2002}"
            | "\u{2003}"
            | "\u{2004}"
            | "\u{2005}"
            | "\u{2006}"
            | "\u{2008}"
            | "\u{2009}"
            | "\u{200A}"
            | "\u{205F}"
            | "\u{3000}"
    )
}

/// A cluster made only of combining marks (a mark at the start of a paragraph, say) has
/// no base to sit on: terminals and ratatui would drop it, so it gets a dotted circle,
/// as text renderers do. Joiners and variation selectors alone are simply not drawn.
fn give_a_base_to_lone_marks(text: &mut String) {
    if text.is_empty() || text.width() > 0 {
        return;
    }
    let only_joiners = text
        .chars()
        .all(|c| matches!(c, '\u{200C}' | '\u{200D}' | '\u{FE00}'..='\u{FE0F}' | '\u{E0100}'..='\u{E01EF}'));
    if only_joiners {
        text.clear();
    } else {
        text.insert(0, '\u{25CC}');
    }
}
