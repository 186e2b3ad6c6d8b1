//! The entities of one task or one document, one list per category, and how two
//! mentions of one entity become one: [`Mention`] says what makes them the same and
//! what the second adds (its evidence, a stronger unit role, a drafted flag).

use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::hash::Hash;

use serde::{Deserialize, Serialize};

use crate::entity::{
    Evidence, InitiativeRef, OrganizationRef, PolicyRef, SchoolRef, TargetRef, UnitRef,
};

/// The entities a task mentions, or a document's union of its tasks' entities.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Entities {
    /// Higher-level policies cited.
    #[serde(default)]
    pub policies: Vec<PolicyRef>,
    /// Units named in responsibility tags and unit columns.
    #[serde(default)]
    pub units: Vec<UnitRef>,
    /// Other named bodies.
    #[serde(default)]
    pub organizations: Vec<OrganizationRef>,
    /// Named schools.
    #[serde(default)]
    pub schools: Vec<SchoolRef>,
    /// Quantitative targets.
    #[serde(default)]
    pub targets: Vec<TargetRef>,
    /// Named initiatives, including documents to be drafted.
    #[serde(default)]
    pub initiatives: Vec<InitiativeRef>,
}

/// One mention of an entity, with its evidence: what makes two mentions one entity
/// and what the second adds to the first.
pub trait Mention: Clone {
    /// What two mentions of one entity share.
    type Identity<'a>: Eq + Hash
    where
        Self: 'a;

    /// The identity of this mention (its key; a target's indicator key, value and unit).
    fn identity(&self) -> Self::Identity<'_>;

    /// Where the mention is written.
    fn evidence(&self) -> &[Evidence];

    /// Where the mention is written, to add to.
    fn evidence_mut(&mut self) -> &mut Vec<Evidence>;

    /// What a mention of the same entity says besides its evidence: a unit's
    /// stronger role, an initiative's drafted flag. Nothing by default.
    fn take_in(&mut self, _other: &Self) {}

    /// Takes in `other`, a mention of the same entity: what it says and its evidence.
    fn absorb(&mut self, other: &Self) {
        self.take_in(other);
        self.evidence_mut().extend(other.evidence().iter().cloned());
    }
}

/// Implements [`Mention`] for a type identified by its `key` field, with the
/// [`Mention::take_in`] given after it, if any.
macro_rules! keyed_mention {
    ($kind:ty $(, $take_in:item)?) => {
        impl Mention for $kind {
            type Identity<'a> = &'a str;

            fn identity(&self) -> &str {
                &self.key
            }

            fn evidence(&self) -> &[Evidence] {
                &self.evidence
            }

            fn evidence_mut(&mut self) -> &mut Vec<Evidence> {
                &mut self.evidence
            }

            $($take_in)?
        }
    };
}

keyed_mention!(PolicyRef);
keyed_mention!(OrganizationRef);
keyed_mention!(SchoolRef);
keyed_mention!(
    UnitRef,
    /// A unit keeps its strongest role (lead > responsible > cooperating).
    fn take_in(&mut self, other: &Self) {
        if other.role.strength() > self.role.strength() {
            self.role = other.role;
        }
    }
);
keyed_mention!(
    InitiativeRef,
    /// An initiative drafted anywhere is drafted.
    fn take_in(&mut self, other: &Self) {
        self.drafted |= other.drafted;
    }
);

impl Mention for TargetRef {
    /// Indicator key, value (bit for bit) and unit.
    type Identity<'a> = (&'a str, u64, &'a str);

    fn identity(&self) -> Self::Identity<'_> {
        (
            self.indicator_key.as_str(),
            self.value.to_bits(),
            self.unit.as_str(),
        )
    }

    fn evidence(&self) -> &[Evidence] {
        &self.evidence
    }

    fn evidence_mut(&mut self) -> &mut Vec<Evidence> {
        &mut self.evidence
    }
}

impl Entities {
    /// The union of several entity lists (a document's tasks): one entry per
    /// identity, in the order of first appearance, later mentions absorbed.
    pub fn union<'a>(all: impl IntoIterator<Item = &'a Entities>) -> Self {
        let mut out = Builder::default();
        for entities in all {
            out.policies.add_all(&entities.policies);
            out.units.add_all(&entities.units);
            out.organizations.add_all(&entities.organizations);
            out.schools.add_all(&entities.schools);
            out.targets.add_all(&entities.targets);
            out.initiatives.add_all(&entities.initiatives);
        }
        Self {
            policies: out.policies.items,
            units: out.units.items,
            organizations: out.organizations.items,
            schools: out.schools.items,
            targets: out.targets.items,
            initiatives: out.initiatives.items,
        }
    }
}

/// Adds `mention` to `list`, absorbed into the entry of the same identity when
/// there is one: the one-entity-per-identity rule of a task's lists.
pub fn add_mention<T: Mention>(list: &mut Vec<T>, mention: T) {
    let known = {
        let identity = mention.identity();
        list.iter().position(|m| m.identity() == identity)
    };
    match known.and_then(|at| list.get_mut(at)) {
        Some(existing) => existing.absorb(&mention),
        None => list.push(mention),
    }
}

/// The union of one category being built: items in first-appearance order and the
/// index of each identity.
struct Union<'a, T: Mention + 'a> {
    items: Vec<T>,
    index: HashMap<T::Identity<'a>, usize>,
}

impl<'a, T: Mention + 'a> Default for Union<'a, T> {
    fn default() -> Self {
        Self {
            items: Vec::new(),
            index: HashMap::new(),
        }
    }
}

impl<'a, T: Mention + 'a> Union<'a, T> {
    fn add_all(&mut self, mentions: &'a [T]) {
        for mention in mentions {
            match self.index.entry(mention.identity()) {
                Entry::Occupied(at) => {
                    if let Some(existing) = self.items.get_mut(*at.get()) {
                        existing.absorb(mention);
                    }
                }
                Entry::Vacant(at) => {
                    at.insert(self.items.len());
                    self.items.push(mention.clone());
                }
            }
        }
    }
}

/// The six unions of [`Entities::union`].
#[derive(Default)]
struct Builder<'a> {
    policies: Union<'a, PolicyRef>,
    units: Union<'a, UnitRef>,
    organizations: Union<'a, OrganizationRef>,
    schools: Union<'a, SchoolRef>,
    targets: Union<'a, TargetRef>,
    initiatives: Union<'a, InitiativeRef>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Span, UnitRole};

    fn unit(role: UnitRole, task: &str) -> UnitRef {
        UnitRef {
            name: "财务处".into(),
            key: "财务处".into(),
            role,
            evidence: vec![Evidence {
                task: task.into(),
                span: Span::new(0, 3),
            }],
        }
    }

    #[test]
    fn a_union_keeps_one_unit_with_its_strongest_role_and_all_evidence() {
        let first = Entities {
            units: vec![unit(UnitRole::Cooperating, "t1")],
            ..Entities::default()
        };
        let second = Entities {
            units: vec![unit(UnitRole::Lead, "t2")],
            ..Entities::default()
        };
        let union = Entities::union([&first, &second]);
        assert_eq!(union.units.len(), 1);
        assert_eq!(union.units[0].role, UnitRole::Lead);
        assert_eq!(union.units[0].evidence.len(), 2);
    }

    #[test]
    fn adding_a_mention_of_a_known_entity_adds_its_evidence() {
        let mut list = vec![unit(UnitRole::Responsible, "t1")];
        add_mention(&mut list, unit(UnitRole::Responsible, "t1"));
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].evidence.len(), 2);
    }
}
