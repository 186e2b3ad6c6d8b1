//! Keys of initiatives: the same programme gets the same key in every document
//! (DESIGN.md, pk:Initiative; the lineage joins on it). A key is the name without
//! quotes, spaces and punctuation, mapped through initiative_aliases.tsv.

use std::collections::HashMap;

use crate::error::GazetteerError;
use crate::gazetteer::Gazetteer;

/// Gazetteer of known variants of initiative names.
const ALIASES_FILE: &str = "initiative_aliases.tsv";

/// Turns names into keys.
#[derive(Debug)]
pub(super) struct Keys {
    /// Normalised variant → key.
    aliases: HashMap<String, String>,
}

impl Keys {
    /// Loads initiative_aliases.tsv.
    ///
    /// # Errors
    /// A missing file or a row without both fields (file:line).
    pub(super) fn new(gazetteer: &Gazetteer) -> Result<Self, GazetteerError> {
        let mut aliases = HashMap::new();
        for row in gazetteer.rows(ALIASES_FILE, 2)? {
            aliases.insert(normalise(row.field(0)), normalise(row.field(1)));
        }
        Ok(Self { aliases })
    }

    /// The key of an initiative named `name`.
    pub(super) fn key(&self, name: &str) -> String {
        let normal = normalise(name);
        self.aliases.get(&normal).cloned().unwrap_or(normal)
    }
}

/// `name` without quotes, title marks, spaces and punctuation: "不忘初心,牢记使命"
/// and "不忘初心、牢记使命" share a key.
fn normalise(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_whitespace() && !c.is_ascii_punctuation() && !is_cjk_punctuation(*c))
        .collect()
}

/// Chinese punctuation and quote marks.
fn is_cjk_punctuation(c: char) -> bool {
    matches!(
        c,
        '、' | '。' | '“' | '”' | '‘' | '’' | '《' | '》' | '·' | '—' | '…' | '(' | ')'
    ) || ('\u{3000}'..='\u{303f}').contains(&c)
        || ('\u{ff00}'..='\u{ff0f}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_share_a_key() {
        let keys = Keys::new(&Gazetteer::embedded()).unwrap();
        assert_eq!(
            keys.key("不忘初心,牢记使命"),
            keys.key("“不忘初心、牢记使命”")
        );
        assert_eq!(keys.key("校安工程"), keys.key("中小学校舍安全工程"));
    }
}
