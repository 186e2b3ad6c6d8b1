#![doc = include_str!("../README.md")]
#![deny(missing_docs)]
#![deny(clippy::print_stdout, clippy::print_stderr)]

mod document;
mod entities;
mod entity;
mod issuer;
mod span;

pub use document::{Deadline, Document, ExtractedFile, PartKind, Section, Task, YearRange};
pub use entities::{add_mention, Entities, Mention};
pub use entity::{
    Comparator, Evidence, InitiativeRef, OrganizationRef, PolicyKind, PolicyLevel, PolicyRef,
    SchoolRef, TargetRef, UnitRef, UnitRole,
};
pub use issuer::{Issuer, IssuerKind, Place};
pub use span::Span;
