//! Recogniser of unit mentions (ANNOTATION.md).

use super::{Context, Found};
use crate::error::GazetteerError;
use crate::gazetteer::Gazetteer;

/// Finds unit mentions in a text.
#[derive(Debug)]
pub(crate) struct UnitRecogniser {}

impl UnitRecogniser {
    /// Builds the recogniser from its gazetteer files.
    pub(crate) fn new(_gazetteer: &Gazetteer) -> Result<Self, GazetteerError> {
        Ok(Self {})
    }

    /// Adds the mentions found in `text` to `found`.
    pub(crate) fn find(&self, _text: &str, _context: &Context<'_>, _found: &mut Found) {}
}
