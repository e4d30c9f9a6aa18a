//! The text pipeline: from sanitized logical text to the cells of screen lines, shaped
//! and in visual order, with a map back to logical offsets (DESIGN §2). Knows nothing of
//! terminals: its output is plain data that any front end can draw.

mod arabic;
mod body;
mod caret;
mod forms_table;
mod layout;
mod line;
mod sanitize;
mod sentences;
mod shape;
mod units;
mod wrap;

pub use arabic::is_tashkeel;
pub use body::{BodyLine, layout_body};
pub use caret::{Side, caret_column, step};
pub use layout::{
    Alignment, BaseDirection, BidiMode, Cell, LayoutOptions, Shaping, Tashkeel, VisualLine,
    layout_paragraph,
};
pub use line::single_line;
pub use sanitize::{is_never_emitted, sanitize, visible};
pub use sentences::sentences;
pub use shape::{Shaped, shape};
pub use units::regional_indicator_letter;

/// The presentation-form table, for the test that re-derives it from the Unicode data.
#[doc(hidden)]
pub mod tables {
    pub use super::forms_table::{FORMS, LAM_ALEF};
}
