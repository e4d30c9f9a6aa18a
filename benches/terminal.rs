//! Terminal figures: time to first frame, bytes per line of scroll.
fn main() {}
