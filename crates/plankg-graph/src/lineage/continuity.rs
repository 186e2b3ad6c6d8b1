//! Task continuity: which earlier task a later task carries forward (`pk:continues`,
//! same issuer) or resembles (`pk:echoes`, another issuer).
//!
//! Candidates come from MinHash/LSH buckets, never from an all-pairs loop; each
//! bucket is ordered by (year, document, task) and a task is compared only with a
//! bounded number of the entries before it, so a bucket of boilerplate shared by
//! thousands of plans costs linear time. Continues candidates come from buckets
//! keyed by issuer too, so they are found among the issuer's own earlier years even
//! when the open bucket is crowded.

use std::collections::HashMap;

use serde::Serialize;

use super::minhash::{band_keys, jaccard, mix64, shingles, NUM_BANDS};

/// One task as the continuity step sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskText {
    /// The task's IRI.
    pub task: String,
    /// The IRI of the document it belongs to.
    pub document: String,
    /// The plan year of that document.
    pub year: i32,
    /// The issuer key (normalised issuer and region, as the IRI of the issuing
    /// unit); `None` when the region is unknown, so the task has no same-issuer
    /// partner.
    pub issuer: Option<String>,
    /// The task's normalised text.
    pub text: String,
}

/// The two kinds of lineage link between tasks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// Same issuer, an earlier year (`pk:continues`).
    Continues,
    /// Another issuer, an earlier year (`pk:echoes`).
    Echoes,
}

/// A link from a later task to the earlier task it is most similar to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Continuation {
    /// Index of the later task in the input slice.
    pub from: usize,
    /// Index of the earlier task in the input slice.
    pub to: usize,
    /// Jaccard similarity of their character-shingle sets, in `[0, 1]`.
    pub similarity: f64,
    /// Continues or echoes.
    pub relation: Relation,
}

/// Thresholds and caps of the continuity step.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ContinuityOptions {
    /// Least similarity of a `pk:continues` link.
    pub continues_threshold: f64,
    /// Least similarity of a `pk:echoes` link.
    pub echoes_threshold: f64,
    /// Tasks with fewer shingles than this (about as many characters) are too short
    /// to tell continuity from a shared phrase and are left out.
    pub min_shingles: usize,
    /// How many earlier entries of one LSH bucket a task is compared with.
    pub bucket_window: usize,
}

impl Default for ContinuityOptions {
    fn default() -> Self {
        Self {
            continues_threshold: 0.5,
            echoes_threshold: 0.4,
            min_shingles: 10,
            bucket_window: 48,
        }
    }
}

/// Candidates per task and relation whose exact similarity is computed.
const MAX_SCORED: usize = 64;

/// A task prepared for comparison.
struct Prepared {
    /// Index into the caller's slice.
    input: usize,
    /// Dense issuer number, `None` for no same-issuer partner.
    issuer: Option<u32>,
    shingles: Vec<u32>,
    bands: Vec<u64>,
}

/// Links every task to its most similar earlier task of the same issuer
/// (continues) and of another issuer (echoes), when above the thresholds.
///
/// Ties are broken by the nearer year, then by the smaller task IRI, so the result
/// depends only on the set of tasks, not on their order or the thread count.
/// Links are returned sorted by (from, relation).
///
/// # Complexity
/// Time O(n · b · w) for n tasks, b LSH bands and bucket window w, plus the sort;
/// extra space O(n · (b + s)) for s shingles per task.
#[must_use]
pub fn link_tasks(tasks: &[TaskText], options: &ContinuityOptions) -> Vec<Continuation> {
    let mut order: Vec<usize> = (0..tasks.len()).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (&tasks[a], &tasks[b]);
        (x.year, &x.document, &x.task).cmp(&(y.year, &y.document, &y.task))
    });
    let mut issuers: HashMap<&str, u32> = HashMap::new();
    let mut prepared: Vec<Prepared> = Vec::with_capacity(order.len());
    for &i in &order {
        let shingles = shingles(&tasks[i].text);
        if shingles.len() < options.min_shingles {
            continue;
        }
        let next = u32::try_from(issuers.len()).unwrap_or(u32::MAX);
        let issuer = tasks[i]
            .issuer
            .as_deref()
            .map(|key| *issuers.entry(key).or_insert(next));
        let bands = band_keys(&shingles).to_vec();
        prepared.push(Prepared {
            input: i,
            issuer,
            shingles,
            bands,
        });
    }

    // Buckets are runs of (key, position) pairs sorted by key then position: one
    // flat array instead of a map of small vectors. Positions index `prepared`,
    // which is sorted by year, so "earlier" is "before" inside a bucket.
    let mut open: Vec<(u64, u32)> = Vec::with_capacity(prepared.len() * NUM_BANDS);
    let mut own: Vec<(u64, u32)> = Vec::with_capacity(prepared.len() * NUM_BANDS);
    for (pos, p) in prepared.iter().enumerate() {
        let pos = u32::try_from(pos).unwrap_or(u32::MAX);
        for &band in &p.bands {
            open.push((band, pos));
            if let Some(issuer) = p.issuer {
                own.push((own_key(band, issuer), pos));
            }
        }
    }
    open.sort_unstable();
    own.sort_unstable();

    let mut links = Vec::new();
    // Year and issuer of each prepared task side by side: the bucket scans read
    // them for every entry, and a compact array keeps those reads in cache.
    let meta: Vec<(i32, u32)> = prepared
        .iter()
        .map(|p| (tasks[p.input].year, p.issuer.unwrap_or(u32::MAX)))
        .collect();
    let mut candidates: Vec<u32> = Vec::new();
    let mut votes: Vec<(u32, u32)> = Vec::new();
    for (pos, p) in prepared.iter().enumerate() {
        let own_issuer = p.issuer.unwrap_or(u32::MAX);
        let year = tasks[p.input].year;
        for relation in [Relation::Continues, Relation::Echoes] {
            candidates.clear();
            for &band in &p.bands {
                let bucket = match (relation, p.issuer) {
                    (Relation::Continues, Some(issuer)) => bucket(&own, own_key(band, issuer)),
                    (Relation::Continues, None) => continue,
                    (Relation::Echoes, _) => bucket(&open, band),
                };
                collect_window(bucket, pos, options.bucket_window, &mut candidates, |c| {
                    let (other_year, other_issuer) = meta[c as usize];
                    other_year < year
                        && match relation {
                            Relation::Continues => true,
                            Relation::Echoes => {
                                other_issuer == u32::MAX || other_issuer != own_issuer
                            }
                        }
                });
            }
            shortlist(&mut candidates, &mut votes, MAX_SCORED);
            let threshold = match relation {
                Relation::Continues => options.continues_threshold,
                Relation::Echoes => options.echoes_threshold,
            };
            if let Some(best) = best_candidate(tasks, &prepared, p, &candidates, threshold) {
                links.push(Continuation {
                    from: p.input,
                    to: best.0,
                    similarity: best.1,
                    relation,
                });
            }
        }
    }
    links.sort_by_key(|l| (l.from, l.relation));
    links
}

/// The key of a band within one issuer's own buckets.
fn own_key(band: u64, issuer: u32) -> u64 {
    mix64(band ^ u64::from(issuer).rotate_left(32))
}

/// The run of `entries` (sorted) with key `key`.
fn bucket(entries: &[(u64, u32)], key: u64) -> &[(u64, u32)] {
    let start = entries.partition_point(|&(k, _)| k < key);
    let len = entries[start..].partition_point(|&(k, _)| k == key);
    &entries[start..start + len]
}

/// Keeps in `candidates` the `keep` entries found in the most bands (a pair with
/// Jaccard similarity J shares about 32·J² bands), nearer ones first on ties,
/// sorted; so the exact comparisons per task are bounded however crowded the
/// buckets.
fn shortlist(candidates: &mut Vec<u32>, votes: &mut Vec<(u32, u32)>, keep: usize) {
    candidates.sort_unstable();
    votes.clear();
    for &c in candidates.iter() {
        match votes.last_mut() {
            Some((last, n)) if *last == c => *n += 1,
            _ => votes.push((c, 1)),
        }
    }
    votes.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| b.0.cmp(&a.0)));
    candidates.clear();
    candidates.extend(votes.iter().take(keep).map(|&(c, _)| c));
    candidates.sort_unstable();
}

/// Adds to `out` up to `window` entries of `bucket` before position `pos` that
/// pass `eligible`, scanning back at most four windows' worth.
fn collect_window(
    bucket: &[(u64, u32)],
    pos: usize,
    window: usize,
    out: &mut Vec<u32>,
    eligible: impl Fn(u32) -> bool,
) {
    let pos = u32::try_from(pos).unwrap_or(u32::MAX);
    let end = bucket.partition_point(|&(_, c)| c < pos);
    let mut taken = 0;
    for &(_, c) in bucket[..end].iter().rev().take(window * 4) {
        if eligible(c) {
            out.push(c);
            taken += 1;
            if taken == window {
                break;
            }
        }
    }
}

/// The most similar candidate at or above `threshold`: (input index, similarity).
fn best_candidate(
    tasks: &[TaskText],
    prepared: &[Prepared],
    p: &Prepared,
    candidates: &[u32],
    threshold: f64,
) -> Option<(usize, f64)> {
    let mut best: Option<(usize, f64)> = None;
    for &c in candidates {
        let other = &prepared[c as usize];
        let similarity = round3(jaccard(&p.shingles, &other.shingles));
        if similarity < threshold {
            continue;
        }
        let better = match best {
            None => true,
            Some((b, s)) => {
                let (x, y) = (&tasks[other.input], &tasks[b]);
                similarity > s || (similarity == s && (y.year, &x.task) < (x.year, &y.task))
            }
        };
        if better {
            best = Some((other.input, similarity));
        }
    }
    best
}

/// Rounds to three decimals, the precision written to the store, so that the
/// choice between candidates uses the same numbers a reader sees.
fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn task(id: &str, doc: &str, year: i32, issuer: Option<&str>, text: &str) -> TaskText {
        TaskText {
            task: id.into(),
            document: doc.into(),
            year,
            issuer: issuer.map(Into::into),
            text: text.into(),
        }
    }

    #[test]
    fn same_issuer_continues_other_issuer_echoes() {
        let text = "深化县管校聘管理改革，推进教师交流轮岗，优化教师资源配置";
        let tasks = vec![
            task("a", "d1", 2018, Some("jx"), text),
            task(
                "b",
                "d2",
                2019,
                Some("jx"),
                "深化县管校聘管理改革，推进校长教师交流轮岗，优化教师资源配置",
            ),
            task("c", "d3", 2020, Some("lyg"), text),
            task(
                "u",
                "d3",
                2020,
                Some("lyg"),
                "加快推进智慧教育示范区建设，建成全市教育数据中心",
            ),
        ];
        let links = link_tasks(&tasks, &ContinuityOptions::default());
        let continues: Vec<_> = links
            .iter()
            .filter(|l| l.relation == Relation::Continues)
            .map(|l| (l.from, l.to))
            .collect();
        assert_eq!(continues, [(1, 0)]);
        let echoes: Vec<_> = links
            .iter()
            .filter(|l| l.relation == Relation::Echoes)
            .map(|l| (l.from, l.to))
            .collect();
        // The identical 2018 wording wins over the edited 2019 one.
        assert_eq!(echoes, [(2, 0)]);
        assert!(links.iter().all(|l| l.from != 3 && l.to != 3));
    }

    #[test]
    fn no_region_means_no_same_issuer_partner() {
        let text = "全面加强教育系统党的建设，落实全面从严治党主体责任";
        let tasks = vec![
            task("a", "d1", 2018, None, text),
            task("b", "d2", 2019, None, text),
        ];
        let links = link_tasks(&tasks, &ContinuityOptions::default());
        assert_eq!(links.len(), 1);
        assert_eq!(links[0].relation, Relation::Echoes);
    }

    #[test]
    fn result_does_not_depend_on_input_order() {
        let text = "实施名师名校长培养工程，建设一批名师工作室";
        let mut tasks = vec![
            task("a", "d1", 2018, Some("x"), text),
            task("b", "d2", 2018, Some("x"), text),
            task("c", "d3", 2019, Some("x"), text),
        ];
        let first = link_tasks(&tasks, &ContinuityOptions::default());
        let iri = |links: &[Continuation], tasks: &[TaskText]| {
            links
                .iter()
                .map(|l| (tasks[l.from].task.clone(), tasks[l.to].task.clone()))
                .collect::<Vec<_>>()
        };
        let expected = iri(&first, &tasks);
        assert_eq!(expected, [("c".to_owned(), "a".to_owned())]);
        tasks.reverse();
        let second = link_tasks(&tasks, &ContinuityOptions::default());
        assert_eq!(iri(&second, &tasks), expected);
    }
}
