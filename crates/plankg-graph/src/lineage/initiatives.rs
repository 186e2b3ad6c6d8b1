//! Initiative identity across documents: conservative merges of near-variants.
//!
//! Each document names initiatives by its own normalised name, so one programme can
//! appear under a list name in one plan (名校长、名师工程) and alone in another
//! (名师工程). A list name whose members include another initiative's whole name
//! is linked to it with `skos:closeMatch`; nothing looser is merged.

use std::collections::HashMap;

/// Characters that separate the members of a list name.
const SEPARATORS: &[char] = &['、', '，', ',', '和', '与', '及'];

/// Pairs (list initiative, member initiative) of IRIs to link with
/// `skos:closeMatch`, sorted.
///
/// # Complexity
/// O(n · m) for n initiatives of at most m list members each.
#[must_use]
pub(crate) fn merges<'a>(initiatives: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut by_label: HashMap<&str, Vec<&str>> = HashMap::new();
    for &(iri, label) in initiatives {
        by_label.entry(label).or_default().push(iri);
    }
    let mut out = Vec::new();
    for &(iri, label) in initiatives {
        let members: Vec<&str> = label
            .split(SEPARATORS)
            .filter(|m| m.chars().count() >= 2)
            .collect();
        if members.len() < 2 {
            continue;
        }
        for member in members {
            for &other in by_label.get(member).into_iter().flatten() {
                if other != iri {
                    out.push((iri, other));
                }
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_name_is_linked_to_its_members() {
        let initiatives = [
            ("i:list", "名校长、名师工程"),
            ("i:one", "名师工程"),
            ("i:other", "县管校聘"),
            ("i:near", "名师工程建设"),
        ];
        assert_eq!(merges(&initiatives), [("i:list", "i:one")]);
    }
}
