//! IRI minting: one method per kind of resource, all name normalisation in
//! [`normalise_name`], all escaping in [`push_segment`].
//!
//! Layout under the base (`https://w3id.org/plankg/id/` by default):
//!
//! | resource | IRI |
//! |---|---|
//! | document | `doc/{source path}/{index}` (the path is one segment, `/` escaped) |
//! | section, task | `{document}/section/{id}`, `{document}/task/{id}` |
//! | target | `{task}/target/{n}` |
//! | continuation | `{later task}/continues`, `{later task}/echoes` |
//! | policy, initiative | `policy/{key}`, `initiative/{key}` |
//! | region | `region/{name}` (the full name extraction resolved) |
//! | school, organization | `school/{region}/{key}`, `org/{region}/{key}` (`~` for no region) |
//! | issuer | `org/{region}/{canonical name}`, `org/~/{name}` for national bodies, or `org/~doc/{path}/{index}/{name}` when its place is unknown |
//! | unit | `unit/{primary issuer's path}/{key}` |
//! | graphs | `graph/entities`, `graph/lineage` |
//!
//! Names are normalised (trimmed, full-width ASCII folded, whitespace collapsed,
//! ASCII lower-cased) and every character that may not stand in an IRI path
//! segment is percent-encoded, so IRIs are valid, stable and deterministic.
//! `~` is always escaped inside names, so the `~` markers never clash with one.

use std::fmt::Write as _;

use oxrdf::{NamedNode, NamedNodeRef};
use plankg_model::{Document, Issuer, PolicyLevel};

use crate::error::RdfError;

/// The default base of data IRIs.
pub const DEFAULT_BASE: &str = "https://w3id.org/plankg/id/";

/// Mints the IRIs of documents, their parts and shared entities under one base.
///
/// ```
/// use plankg_rdf::IriMinter;
///
/// let minter = IriMinter::default();
/// assert_eq!(
///     minter.policy("党的 十九大").as_str(),
///     "https://w3id.org/plankg/id/policy/党的%20十九大"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IriMinter {
    base: String,
}

/// Where a unit's identity is scoped: its document's primary issuer in its place,
/// or, when the place is unknown, its document (DESIGN.md, `pk:Unit`). Built by
/// [`IriMinter::issuer_key`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct IssuerKey {
    /// Already-escaped path below `unit/` and `org/`.
    path: String,
    /// Whether the document names an issuer (and so an issuer organization exists).
    has_issuer: bool,
}

impl Default for IriMinter {
    fn default() -> Self {
        Self {
            base: DEFAULT_BASE.to_owned(),
        }
    }
}

impl IriMinter {
    /// A minter for IRIs under `base`.
    ///
    /// # Errors
    ///
    /// [`RdfError::InvalidBase`] if `base` is not an absolute IRI,
    /// [`RdfError::BaseWithoutSeparator`] if it does not end with `/` or `#`.
    pub fn new(base: &str) -> Result<Self, RdfError> {
        NamedNode::new(base).map_err(|source| RdfError::InvalidBase {
            base: base.to_owned(),
            source,
        })?;
        if !base.ends_with('/') && !base.ends_with('#') {
            return Err(RdfError::BaseWithoutSeparator {
                base: base.to_owned(),
            });
        }
        Ok(Self {
            base: base.to_owned(),
        })
    }

    /// The base IRI.
    #[must_use]
    pub fn base(&self) -> &str {
        &self.base
    }

    /// The IRI of the `index`-th plan of the file whose source path is `source_rel`
    /// (its path below the store's root holding it, under the root's prefix; `\` is
    /// read as `/`). Never depends on the content.
    #[must_use]
    pub fn document(&self, source_rel: &str, index: usize) -> NamedNode {
        let mut iri = self.start("doc/");
        push_path(&mut iri, source_rel);
        let _ = write!(iri, "/{index}");
        NamedNode::new_unchecked(iri)
    }

    /// The IRI of the section `id` of `document`.
    #[must_use]
    pub fn section(&self, document: &NamedNode, id: &str) -> NamedNode {
        under(document, "section", id)
    }

    /// The IRI of the task `id` of `document`.
    #[must_use]
    pub fn task(&self, document: &NamedNode, id: &str) -> NamedNode {
        under(document, "task", id)
    }

    /// The IRI of the `n`-th target (from 0) of the task `task_id` of `document`.
    #[must_use]
    pub fn target(&self, document: &NamedNode, task_id: &str, n: usize) -> NamedNode {
        let task = self.task(document, task_id);
        NamedNode::new_unchecked(format!("{}/target/{n}", task.as_str()))
    }

    /// The IRI of the `pk:Continuation` by which the task `from` takes up an
    /// earlier one, for its `relation` (`pk:continues` or `pk:echoes`): the task's
    /// IRI with the relation's local name appended, so a task has at most one
    /// continuation of each kind and its IRI is stable while the link holds.
    #[must_use]
    pub fn continuation(&self, from: &NamedNode, relation: NamedNodeRef<'_>) -> NamedNode {
        let iri = relation.as_str();
        let local = iri.rsplit(['#', '/']).next().unwrap_or(iri);
        let mut out = String::with_capacity(from.as_str().len() + local.len() + 1);
        out.push_str(from.as_str());
        out.push('/');
        push_segment(&mut out, local);
        NamedNode::new_unchecked(out)
    }

    /// The IRI of the policy with the normalised key `key`, the same in every document.
    #[must_use]
    pub fn policy(&self, key: &str) -> NamedNode {
        self.named("policy/", key)
    }

    /// The IRI of the initiative with the normalised key `key`, the same in every document.
    #[must_use]
    pub fn initiative(&self, key: &str) -> NamedNode {
        self.named("initiative/", key)
    }

    /// The IRI of the region `name` (as extraction resolved it: 连云港市, not 连云港).
    #[must_use]
    pub fn region(&self, name: &str) -> NamedNode {
        self.named("region/", name)
    }

    /// The IRI of the school `key` in `region` (`None`: region unknown).
    #[must_use]
    pub fn school(&self, region: Option<&str>, key: &str) -> NamedNode {
        self.regional("school/", region, key)
    }

    /// The IRI of the organization `key` in `region` (`None`: region unknown).
    #[must_use]
    pub fn organization(&self, region: Option<&str>, key: &str) -> NamedNode {
        self.regional("org/", region, key)
    }

    /// The key scoping the units of `document`: its primary issuer
    /// ([`Document::primary_issuer`]) in its place, or the document itself when the
    /// place is unknown. A document without resolved issuers falls back on its
    /// issuer as written and its region.
    #[must_use]
    pub fn issuer_key(&self, source_rel: &str, document: &Document) -> IssuerKey {
        if let Some(issuer) = document.primary_issuer() {
            return IssuerKey {
                path: self.issuer_path(source_rel, document, issuer),
                has_issuer: true,
            };
        }
        let mut path = String::new();
        match document.region.as_deref() {
            Some(region) => push_segment(&mut path, &normalise_name(region)),
            None => {
                path.push_str("~doc/");
                push_path(&mut path, source_rel);
                let _ = write!(path, "/{}", document.index);
            }
        }
        path.push('/');
        match document.issuer.as_deref() {
            Some(issuer) => push_segment(&mut path, &normalise_name(issuer)),
            None => path.push('~'),
        }
        IssuerKey {
            path,
            has_issuer: document.issuer.is_some(),
        }
    }

    /// The IRIs of every body issuing `document`, in the order written: a national
    /// body once for all documents (`org/~/教育部`), a placed body as the
    /// organization of its canonical name in its place, a body whose place is
    /// unknown scoped to the document. Without resolved issuers, the issuer of
    /// [`issuer_key`](Self::issuer_key), if any.
    #[must_use]
    pub fn issuers(&self, source_rel: &str, document: &Document) -> Vec<NamedNode> {
        if document.issuers.is_empty() {
            return self
                .issuer(&self.issuer_key(source_rel, document))
                .into_iter()
                .collect();
        }
        document
            .issuers
            .iter()
            .map(|issuer| {
                let mut iri = self.start("org/");
                iri.push_str(&self.issuer_path(source_rel, document, issuer));
                NamedNode::new_unchecked(iri)
            })
            .collect()
    }

    /// The path of an issuing body below `org/` and `unit/`.
    fn issuer_path(&self, source_rel: &str, document: &Document, issuer: &Issuer) -> String {
        let mut path = String::new();
        match (&issuer.region, issuer.level) {
            (_, PolicyLevel::Central) => path.push('~'),
            (Some(region), _) => push_segment(&mut path, &normalise_name(region)),
            (None, _) => {
                path.push_str("~doc/");
                push_path(&mut path, source_rel);
                let _ = write!(path, "/{}", document.index);
            }
        }
        path.push('/');
        push_segment(&mut path, &normalise_name(&issuer.canonical));
        path
    }

    /// The IRI of the organization issuing the documents with this key, if they
    /// name an issuer. With a known region it is the same IRI as
    /// [`organization`](Self::organization) gives for that name in that region.
    #[must_use]
    pub fn issuer(&self, key: &IssuerKey) -> Option<NamedNode> {
        key.has_issuer.then(|| {
            let mut iri = self.start("org/");
            iri.push_str(&key.path);
            NamedNode::new_unchecked(iri)
        })
    }

    /// The IRI of the unit `key` of the issuer `issuer`.
    #[must_use]
    pub fn unit(&self, issuer: &IssuerKey, key: &str) -> NamedNode {
        let mut iri = self.start("unit/");
        iri.push_str(&issuer.path);
        iri.push('/');
        push_segment(&mut iri, &normalise_name(key));
        NamedNode::new_unchecked(iri)
    }

    /// The named graph holding the descriptions of shared entities.
    #[must_use]
    pub fn graph_entities(&self) -> NamedNode {
        NamedNode::new_unchecked(self.start("graph/entities"))
    }

    /// The named graph holding lineage across documents.
    #[must_use]
    pub fn graph_lineage(&self) -> NamedNode {
        NamedNode::new_unchecked(self.start("graph/lineage"))
    }

    fn start(&self, kind: &str) -> String {
        let mut iri = String::with_capacity(self.base.len() + kind.len() + 32);
        iri.push_str(&self.base);
        iri.push_str(kind);
        iri
    }

    fn named(&self, kind: &str, name: &str) -> NamedNode {
        let mut iri = self.start(kind);
        push_segment(&mut iri, &normalise_name(name));
        NamedNode::new_unchecked(iri)
    }

    fn regional(&self, kind: &str, region: Option<&str>, name: &str) -> NamedNode {
        let mut iri = self.start(kind);
        match region {
            Some(region) => push_segment(&mut iri, &normalise_name(region)),
            None => iri.push('~'),
        }
        iri.push('/');
        push_segment(&mut iri, &normalise_name(name));
        NamedNode::new_unchecked(iri)
    }
}

/// `{parent}/{kind}/{id}` with `id` escaped (ids are the extractor's, not names).
fn under(parent: &NamedNode, kind: &str, id: &str) -> NamedNode {
    let mut iri = String::with_capacity(parent.as_str().len() + kind.len() + id.len() + 2);
    iri.push_str(parent.as_str());
    iri.push('/');
    iri.push_str(kind);
    iri.push('/');
    push_segment(&mut iri, id);
    NamedNode::new_unchecked(iri)
}

/// The one normalisation of names used for identity: trims, folds full-width
/// ASCII (`Ａ`, `（`) and the ideographic space to ASCII, collapses whitespace runs
/// into one space and lower-cases ASCII letters. Chinese text is kept as it is
/// (the extractor has already turned traditional characters into simplified ones).
#[must_use]
pub fn normalise_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut pending_space = false;
    for c in name.chars() {
        let c = match c {
            '\u{3000}' => ' ',
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
            _ => c,
        };
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

/// Appends a relative source path: `\` read as `/`, then escaped as one segment,
/// so a path can never be confused with the segments that follow it.
fn push_path(iri: &mut String, source_rel: &str) {
    push_segment(iri, &source_rel.replace('\\', "/"));
}

/// Appends `text` as one IRI path segment: `iunreserved` characters (RFC 3987),
/// sub-delimiters (`(`, `)`, `+`, `,` …), `:` and `@` are kept, everything else is
/// percent-encoded as UTF-8 (`~` included, see the module docs). A segment of
/// dots only is escaped too, so it is not read as `.` or `..`.
fn push_segment(iri: &mut String, text: &str) {
    if text.is_empty() {
        // An empty name would make an empty segment; mark it instead.
        iri.push_str("%20");
        return;
    }
    let only_dots = text.chars().all(|c| c == '.');
    let mut buf = [0; 4];
    for c in text.chars() {
        let keep = !only_dots
            && (c.is_ascii_alphanumeric()
                || matches!(
                    c,
                    '-' | '.'
                        | '_'
                        | '!'
                        | '$'
                        | '&'
                        | '\''
                        | '('
                        | ')'
                        | '*'
                        | '+'
                        | ','
                        | ';'
                        | '='
                        | ':'
                        | '@'
                )
                || is_ucschar(c));
        if keep {
            iri.push(c);
        } else {
            for byte in c.encode_utf8(&mut buf).bytes() {
                let _ = write!(iri, "%{byte:02X}");
            }
        }
    }
}

/// RFC 3987 `ucschar`: the non-ASCII characters allowed unescaped in an IRI.
fn is_ucschar(c: char) -> bool {
    let c = u32::from(c);
    matches!(c, 0xA0..=0xD7FF | 0xF900..=0xFDCF | 0xFDF0..=0xFFEF | 0xE1000..=0xEFFFD)
        // %x10000-1FFFD … %xD0000-DFFFD: every plane but the last two code points.
        || ((0x10000..0xE0000).contains(&c) && (c & 0xFFFF) <= 0xFFFD)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_fold_full_width_and_spaces() {
        assert_eq!(normalise_name("  ＳＴＥＭ　教育  工程 "), "stem 教育 工程");
        assert_eq!(normalise_name("（二）"), "(二)");
    }

    #[test]
    fn segments_escape_what_iris_forbid() {
        let mut iri = String::new();
        push_segment(&mut iri, "a b\"<>{}|~/%?#[]^`\\十九大(2017-2020年)");
        assert_eq!(
            iri,
            "a%20b%22%3C%3E%7B%7D%7C%7E%2F%25%3F%23%5B%5D%5E%60%5C十九大(2017-2020年)"
        );
        let mut tags = String::new();
        push_segment(&mut tags, "\u{e0100}\u{e1000}\u{1fffe}𠀀");
        assert_eq!(tags, "%F3%A0%84%80\u{e1000}%F0%9F%BF%BE𠀀");
        let mut dots = String::new();
        push_segment(&mut dots, "..");
        assert_eq!(dots, "%2E%2E");
    }

    #[test]
    fn bases_are_checked() {
        assert!(IriMinter::new("https://example.org/kg/").is_ok());
        assert!(matches!(
            IriMinter::new("https://example.org/kg"),
            Err(RdfError::BaseWithoutSeparator { .. })
        ));
        assert!(matches!(
            IriMinter::new("not an iri"),
            Err(RdfError::InvalidBase { .. })
        ));
    }
}
