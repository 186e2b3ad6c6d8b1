//! Search terms folded the way document texts are (see the `normalise` module):
//! a term typed with full-width forms, ideographic spaces or traditional
//! characters finds the normalised texts of the store.

use crate::error::GazetteerError;
use crate::gazetteer::Gazetteer;
use crate::normalise::Normaliser;

/// Folds search terms (`plankg trace TERM`) as documents are folded at extraction.
#[derive(Debug, Clone)]
pub struct TermNormaliser {
    normaliser: Normaliser,
}

impl TermNormaliser {
    /// The normaliser of `gazetteer`'s character tables.
    ///
    /// # Errors
    /// [`GazetteerError`] when the traditional → simplified table is missing or
    /// malformed.
    pub fn new(gazetteer: &Gazetteer) -> Result<Self, GazetteerError> {
        Ok(Self {
            normaliser: Normaliser::new(gazetteer)?,
        })
    }

    /// The term as a normalised document would spell it: full-width forms folded,
    /// runs of spaces made one, traditional characters made simplified when the
    /// term reads as traditional, surrounding whitespace trimmed.
    #[must_use]
    pub fn normalise(&self, term: &str) -> String {
        self.normaliser.normalise(term).text.trim().to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_full_width_spaces_and_traditional_characters() {
        let terms = TermNormaliser::new(&Gazetteer::embedded()).unwrap();
        assert_eq!(terms.normalise(" 县管校聘（试点）　"), "县管校聘(试点)");
        assert_eq!(terms.normalise("師德師風"), "师德师风");
        assert_eq!(terms.normalise("縣管校聘"), "县管校聘");
        // Simplified terms are left as they are.
        assert_eq!(terms.normalise("名师工作室"), "名师工作室");
    }
}
