//! The six kinds of entity the extractor finds, and their evidence.

use serde::{Deserialize, Serialize};

use crate::span::Span;

/// Where an entity was found: a span of the source and the task containing it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Evidence {
    /// Identifier of the task (see [`crate::Task::id`]).
    pub task: String,
    /// The characters of the mention in the source.
    pub span: Span,
}

/// Kinds of higher-level policy (ANNOTATION.md, "policies").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PolicyKind {
    /// A party congress (党的十九大).
    Congress,
    /// A plenary session (十九届六中全会, 省委八届九次全会).
    Plenum,
    /// A conference whose spirit is implemented (全国教育大会).
    Meeting,
    /// A guiding theory (习近平新时代中国特色社会主义思想).
    Thought,
    /// A named document cited as authority (《中国教育现代化2035》).
    Document,
    /// A five-year plan ("十四五"规划).
    FiveYearPlan,
    /// A named strategy (乡村振兴战略, 教育强国).
    Strategy,
}

impl PolicyKind {
    /// The name used in JSON and gazetteers.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Congress => "congress",
            Self::Plenum => "plenum",
            Self::Meeting => "meeting",
            Self::Thought => "thought",
            Self::Document => "document",
            Self::FiveYearPlan => "five_year_plan",
            Self::Strategy => "strategy",
        }
    }

    /// Parses the name used in JSON and gazetteers.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Some(match name {
            "congress" => Self::Congress,
            "plenum" => Self::Plenum,
            "meeting" => Self::Meeting,
            "thought" => Self::Thought,
            "document" => Self::Document,
            "five_year_plan" => Self::FiveYearPlan,
            "strategy" => Self::Strategy,
            _ => return None,
        })
    }
}

/// Administrative level of a policy's source, of a place and of an issuing body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PolicyLevel {
    /// The party centre, the State Council, ministries.
    Central,
    /// Provinces, autonomous regions and the four municipalities.
    Provincial,
    /// Prefecture-level cities.
    Municipal,
    /// Districts, counties and county-level cities.
    District,
    /// Not known.
    Unknown,
}

impl PolicyLevel {
    /// The name used in JSON and gazetteers.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Central => "central",
            Self::Provincial => "provincial",
            Self::Municipal => "municipal",
            Self::District => "district",
            Self::Unknown => "unknown",
        }
    }

    /// Parses the name used in JSON and gazetteers.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Some(match name {
            "central" => Self::Central,
            "provincial" => Self::Provincial,
            "municipal" => Self::Municipal,
            "district" => Self::District,
            "unknown" => Self::Unknown,
            _ => return None,
        })
    }
}

/// A higher-level policy the plan cites.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PolicyRef {
    /// Canonical name ("党的十九届六中全会") or the name as written for pattern matches.
    pub name: String,
    /// Normalised form used for identity across documents.
    pub key: String,
    /// The kind of policy.
    pub kind: PolicyKind,
    /// Administrative level of its source.
    pub level: PolicyLevel,
    /// Date ("2021-11") when known from the gazetteer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The forms it was written in, when they differ from `name`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub written: Vec<String>,
    /// Where it is cited.
    pub evidence: Vec<Evidence>,
}

/// Role of a unit in a responsibility tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum UnitRole {
    /// 牵头 (leads).
    Lead,
    /// 责任 (responsible).
    Responsible,
    /// 配合, 协办 (cooperates).
    Cooperating,
}

impl UnitRole {
    /// The role its gazetteer and JSON name gives: "lead", "responsible" or
    /// "cooperating".
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "lead" => Some(Self::Lead),
            "responsible" => Some(Self::Responsible),
            "cooperating" => Some(Self::Cooperating),
            _ => None,
        }
    }

    /// Strength used to keep a unit's strongest role: lead > responsible > cooperating.
    #[must_use]
    pub const fn strength(self) -> u8 {
        match self {
            Self::Lead => 3,
            Self::Responsible => 2,
            Self::Cooperating => 1,
        }
    }
}

/// A unit named in a responsibility tag.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitRef {
    /// The unit as written.
    pub name: String,
    /// Normalised form used for identity.
    pub key: String,
    /// Its (strongest) role.
    pub role: UnitRole,
    /// Where it is named.
    pub evidence: Vec<Evidence>,
}

/// A named government, party or education-administration body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrganizationRef {
    /// The body as written.
    pub name: String,
    /// Normalised form used for identity.
    pub key: String,
    /// Where it is named.
    pub evidence: Vec<Evidence>,
}

/// A named school, college, university or kindergarten.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SchoolRef {
    /// The school as written (a masking prefix such as "**" dropped).
    pub name: String,
    /// Normalised form used for identity.
    pub key: String,
    /// Where it is named.
    pub evidence: Vec<Evidence>,
}

/// Comparator a target's wording implies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub enum Comparator {
    /// 达到, 突破, 不少于, …以上.
    #[serde(rename = ">=")]
    AtLeast,
    /// 以下, 不超过, 控制在.
    #[serde(rename = "<=")]
    AtMost,
    /// 左右, 约.
    #[serde(rename = "~")]
    About,
    /// A plain count.
    #[serde(rename = "=")]
    Equal,
}

impl Comparator {
    /// The symbol used in JSON.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::AtLeast => ">=",
            Self::AtMost => "<=",
            Self::About => "~",
            Self::Equal => "=",
        }
    }
}

/// A quantitative target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TargetRef {
    /// The indicator as written (学前三年毛入园率).
    pub indicator: String,
    /// Normalised indicator, for series across documents.
    pub indicator_key: String,
    /// The number as written, in the unit as written.
    pub value: f64,
    /// Upper bound of a range ("6-8个" → 8).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_max: Option<f64>,
    /// The unit as written (%, 所, 万元, 万平方米).
    pub unit: String,
    /// The comparator the wording implies.
    pub comparator: Comparator,
    /// Whether a summary reports the figure as achieved.
    #[serde(default)]
    pub reported: bool,
    /// Where it is stated.
    pub evidence: Vec<Evidence>,
}

/// A named initiative, programme or campaign (or a document the plan will draft).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InitiativeRef {
    /// The name as written, quotes stripped.
    pub name: String,
    /// Normalised name: the same initiative gets the same key in every document.
    pub key: String,
    /// Whether this is a document the plan says it will draft.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub drafted: bool,
    /// Where it is mentioned.
    pub evidence: Vec<Evidence>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip_through_their_names() {
        for kind in [
            PolicyKind::Congress,
            PolicyKind::Plenum,
            PolicyKind::Meeting,
            PolicyKind::Thought,
            PolicyKind::Document,
            PolicyKind::FiveYearPlan,
            PolicyKind::Strategy,
        ] {
            assert_eq!(PolicyKind::from_name(kind.as_str()), Some(kind));
        }
        assert_eq!(
            PolicyLevel::from_name("provincial"),
            Some(PolicyLevel::Provincial)
        );
        assert_eq!(PolicyLevel::from_name("national"), None);
    }

    #[test]
    fn comparator_serialises_as_symbol() {
        let json = serde_json::to_string(&Comparator::AtLeast).unwrap();
        assert_eq!(json, "\">=\"");
    }
}
