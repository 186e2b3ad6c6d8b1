//! The one convention for the crate's literal regular expressions: a
//! `static NAME: LazyLock<Regex> = LazyLock::new(|| static_regex(r"…"))`, and a
//! unit test in each module that forces its statics. A literal pattern that does
//! not compile is a programming error, found by those tests, never an empty
//! pattern that silently matches nothing.

use regex::{Regex, RegexSet};

/// One of the crate's literal patterns.
pub(crate) fn static_regex(pattern: &str) -> Regex {
    #[allow(clippy::expect_used)]
    Regex::new(pattern).expect("a literal pattern of the crate compiles")
}

/// A set of the crate's literal patterns (see [`static_regex`]).
pub(crate) fn static_set(patterns: &[&str]) -> RegexSet {
    #[allow(clippy::expect_used)]
    RegexSet::new(patterns).expect("a literal pattern set of the crate compiles")
}
