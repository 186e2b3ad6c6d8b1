//! Who issues a plan and where: the bodies of its issuer and the places of its
//! jurisdiction, resolved against the gazetteers at extraction time.

use serde::{Deserialize, Serialize};

use crate::entity::PolicyLevel;

/// What kind of body issues a plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum IssuerKind {
    /// A government body: a ministry, an education department, bureau or commission.
    Administration,
    /// A party body: an education work committee (教育工委), a bureau's party committee.
    Party,
    /// A school, college, university or kindergarten issuing its own plan.
    School,
}

impl IssuerKind {
    /// The name used in JSON and gazetteers.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Administration => "administration",
            Self::Party => "party",
            Self::School => "school",
        }
    }

    /// Parses the name used in JSON and gazetteers.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Some(match name {
            "administration" => Self::Administration,
            "party" => Self::Party,
            "school" => Self::School,
            _ => return None,
        })
    }
}

/// One body issuing a plan. A joint plan has several, in the order written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Issuer {
    /// The body as written ("省委教育工委", "市教育局", "温州二中").
    pub name: String,
    /// Its full name in its region, the same however a plan writes it: place
    /// restored from the plan's jurisdiction, abbreviated heads expanded
    /// ("中共浙江省委教育工作委员会", "温州市教育局", "教育部").
    pub canonical: String,
    /// Full name of the place the body belongs to; `None` for national bodies and
    /// for bodies whose place the plan does not tell.
    pub region: Option<String>,
    /// Its administrative level (`central` for national bodies; `unknown` when the
    /// place is not known).
    pub level: PolicyLevel,
    /// What kind of body it is.
    pub kind: IssuerKind,
    /// Whether the plan does not name the body and it is inferred: a plan whose
    /// opening sets "全省教育工作的总体要求" in a province is its 教育厅's. An
    /// inferred body is never the `issuer` as written.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub inferred: bool,
}

/// A place of the gazetteer (data/gazetteer/places.tsv).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    /// Full name (嘉兴市, 浙江省).
    pub name: String,
    /// Short name (嘉兴), when the gazetteer gives one.
    pub short: Option<String>,
    /// Its level: `provincial`, `municipal` (prefecture-level cities) or `district`
    /// (districts, counties, county-level cities).
    pub level: PolicyLevel,
}
