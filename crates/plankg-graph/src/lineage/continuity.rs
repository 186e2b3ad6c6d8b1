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

use rayon::prelude::*;
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
    /// The issuer key: the same for documents that share an issuing body (an
    /// organization IRI of their group); `None` when the document names no issuer,
    /// so the task has no same-issuer partner (a body whose place is unknown has a
    /// document-scoped IRI: no partner either).
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

/// Bands a candidate must share with a task to be compared exactly. A pair of
/// Jaccard similarity J shares a band with probability J²: at the echoes threshold
/// (0.4) one band or none happens about 3 times in 100, at 0.5 about once in 1,000,
/// while unrelated tasks that meet in one crowded bucket by chance are dropped
/// before the exact count, which is most of the step's time on a large corpus.
const MIN_SHARED_BANDS: u32 = 2;

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
/// Runs on rayon's current thread pool; the result does not depend on the number
/// of threads.
#[must_use]
pub fn link_tasks(tasks: &[TaskText], options: &ContinuityOptions) -> Vec<Continuation> {
    let mut order: Vec<usize> = (0..tasks.len()).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (&tasks[a], &tasks[b]);
        (x.year, &x.document, &x.task).cmp(&(y.year, &y.document, &y.task))
    });
    // Shingles and band keys are the costly part of preparation: computed in
    // parallel, then numbered in order so issuer numbers do not depend on threads.
    let signatures: Vec<Option<(Vec<u32>, Vec<u64>)>> = order
        .par_iter()
        .map(|&i| {
            let shingles = shingles(&tasks[i].text);
            (shingles.len() >= options.min_shingles).then(|| {
                let bands = band_keys(&shingles).to_vec();
                (shingles, bands)
            })
        })
        .collect();
    let mut issuers: HashMap<&str, u32> = HashMap::new();
    let mut prepared: Vec<Prepared> = Vec::with_capacity(order.len());
    for (&i, signature) in order.iter().zip(signatures) {
        let Some((shingles, bands)) = signature else {
            continue;
        };
        let next = u32::try_from(issuers.len()).unwrap_or(u32::MAX);
        let issuer = tasks[i]
            .issuer
            .as_deref()
            .map(|key| *issuers.entry(key).or_insert(next));
        prepared.push(Prepared {
            input: i,
            issuer,
            shingles,
            bands,
        });
    }

    // Year and issuer of each prepared task side by side: the bucket scans read
    // them for every entry, and a compact array keeps those reads in cache.
    let meta: Vec<(i32, u32)> = prepared
        .iter()
        .map(|p| (tasks[p.input].year, p.issuer.unwrap_or(u32::MAX)))
        .collect();
    let mut year_start = Vec::with_capacity(meta.len());
    for (pos, &(year, _)) in meta.iter().enumerate() {
        let same = pos > 0 && meta[pos - 1].0 == year;
        year_start.push(if same { year_start[pos - 1] } else { pos });
    }
    let buckets = Buckets {
        year_start,
        open: BandIndex::build(prepared.len(), |pos, band| Some(prepared[pos].bands[band])),
        own: BandIndex::build(prepared.len(), |pos, band| {
            let p = &prepared[pos];
            p.issuer.map(|issuer| own_key(p.bands[band], issuer))
        }),
        meta: &meta,
    };
    // Each task's links depend only on the tasks before it: the tasks are linked
    // in parallel, each thread with its own scratch vectors.
    let mut links: Vec<Continuation> = prepared
        .par_iter()
        .enumerate()
        .map_init(Scratch::default, |scratch, (pos, p)| {
            [Relation::Continues, Relation::Echoes].map(|relation| {
                buckets.candidates(pos, p, relation, options, scratch);
                let threshold = match relation {
                    Relation::Continues => options.continues_threshold,
                    Relation::Echoes => options.echoes_threshold,
                };
                best_candidate(tasks, &prepared, p, &scratch.candidates, threshold).map(
                    |(to, similarity)| Continuation {
                        from: p.input,
                        to,
                        similarity,
                        relation,
                    },
                )
            })
        })
        .flat_map_iter(|pair| pair.into_iter().flatten())
        .collect();
    links.sort_by_key(|l| (l.from, l.relation));
    links
}

/// Scratch space of one thread of the linking loop.
#[derive(Default)]
struct Scratch {
    candidates: Vec<u32>,
    votes: Vec<(u32, u32)>,
}

/// The LSH buckets of all prepared tasks, with the year and issuer of each.
struct Buckets<'a> {
    /// Buckets keyed by band, for echoes.
    open: BandIndex,
    /// Buckets keyed by band and issuer, for continues.
    own: BandIndex,
    /// (year, issuer number or `u32::MAX`) of each prepared task.
    meta: &'a [(i32, u32)],
    /// The first position of each prepared task's year.
    year_start: Vec<usize>,
}

impl Buckets<'_> {
    /// Fills `scratch.candidates` with the shortlisted earlier tasks that task
    /// `pos` may have `relation` to: up to `bucket_window` eligible entries of
    /// each of its buckets, looking back at most four windows' worth.
    fn candidates(
        &self,
        pos: usize,
        p: &Prepared,
        relation: Relation,
        options: &ContinuityOptions,
        scratch: &mut Scratch,
    ) {
        let own_issuer = p.issuer.unwrap_or(u32::MAX);
        let year = self.meta[pos].0;
        let eligible = |c: u32| {
            self.meta
                .get(c as usize)
                .is_some_and(|&(other_year, other_issuer)| {
                    other_year < year
                        && match relation {
                            Relation::Continues => true,
                            Relation::Echoes => {
                                other_issuer == u32::MAX || other_issuer != own_issuer
                            }
                        }
                })
        };
        let index = match relation {
            Relation::Continues => &self.own,
            Relation::Echoes => &self.open,
        };
        scratch.candidates.clear();
        for band in 0..NUM_BANDS {
            scratch.candidates.extend(
                index
                    .earlier(pos, band, self.year_start[pos], options.bucket_window * 4)
                    .filter(|&c| eligible(c))
                    .take(options.bucket_window),
            );
        }
        shortlist(&mut scratch.candidates, &mut scratch.votes, MAX_SCORED);
    }
}

/// LSH buckets as one flat array instead of a map of small vectors: entries
/// (key, slot), slot = position · [`NUM_BANDS`] + band, sorted by key then slot, so
/// a bucket is a run of equal keys ordered by position — and positions follow
/// years, so "earlier" is "before". `at` gives each task's own entry in every band,
/// so the earlier members of its bucket are read backwards from there, without a
/// search through the whole array (whose random accesses would miss the cache).
///
/// Limit: 2³² entries (134 million tasks); tasks past it get no candidates.
struct BandIndex {
    entries: Vec<(u64, usize)>,
    at: Vec<u32>,
}

impl BandIndex {
    /// The index of `n` tasks, `key(position, band)` giving a task's bucket key in
    /// a band, `None` when the task has no bucket in this index.
    fn build(n: usize, key: impl Fn(usize, usize) -> Option<u64> + Sync) -> Self {
        let mut entries: Vec<(u64, usize)> = (0..n * NUM_BANDS)
            .into_par_iter()
            .filter_map(|slot| key(slot / NUM_BANDS, slot % NUM_BANDS).map(|k| (k, slot)))
            .collect();
        entries.par_sort_unstable();
        let mut at = vec![u32::MAX; n * NUM_BANDS];
        for (i, &(_, slot)) in entries.iter().enumerate() {
            if let (Some(cell), Ok(i)) = (at.get_mut(slot), u32::try_from(i)) {
                *cell = i;
            }
        }
        Self { entries, at }
    }

    /// Positions of the entries of earlier years in task `pos`'s bucket of `band`,
    /// nearest first, at most `limit`. `year_start` is the first position of
    /// `pos`'s year: the bucket's entries from there to `pos`'s own are of the same
    /// year and are stepped over by a galloping search (a crowded bucket holds
    /// thousands of them) instead of being read one by one.
    fn earlier(
        &self,
        pos: usize,
        band: usize,
        year_start: usize,
        limit: usize,
    ) -> impl Iterator<Item = u32> + '_ {
        let own = self
            .at
            .get(pos * NUM_BANDS + band)
            .filter(|&&i| i != u32::MAX)
            .map(|&i| i as usize);
        let (key, before) = match own {
            Some(i) => {
                let key = self.entries[i].0;
                let same_year = |j: usize| {
                    self.entries[j].0 == key && self.entries[j].1 / NUM_BANDS >= year_start
                };
                (key, &self.entries[..gallop_back(i, same_year)])
            }
            None => (0, &self.entries[..0]),
        };
        before
            .iter()
            .rev()
            .take(limit)
            .take_while(move |&&(k, _)| k == key)
            .map(|&(_, slot)| u32::try_from(slot / NUM_BANDS).unwrap_or(u32::MAX))
    }
}

/// The start of the run of indices before `end` for which `inside` holds (it holds
/// on a contiguous run ending at `end`): doubling steps back, then bisection, so a
/// run of length r costs O(log r) probes near `end`.
fn gallop_back(end: usize, inside: impl Fn(usize) -> bool) -> usize {
    let mut start = end;
    let mut step = 1;
    while start > 0 && inside(start - 1) {
        let probe = start.saturating_sub(step);
        if inside(probe) {
            start = probe;
            step *= 2;
        } else {
            // inside(probe) fails, inside(start) holds: bisect between them.
            let (mut outside, mut inner) = (probe, start);
            while inner - outside > 1 {
                let mid = outside + (inner - outside) / 2;
                if inside(mid) {
                    inner = mid;
                } else {
                    outside = mid;
                }
            }
            start = inner;
            break;
        }
    }
    start
}

/// The key of a band within one issuer's own buckets.
fn own_key(band: u64, issuer: u32) -> u64 {
    mix64(band ^ u64::from(issuer).rotate_left(32))
}

/// Keeps in `candidates` the `keep` entries found in the most bands (a pair with
/// Jaccard similarity J shares about 32·J² bands), nearer ones first on ties,
/// sorted, and only those sharing at least [`MIN_SHARED_BANDS`]; so the exact
/// comparisons per task are bounded however crowded the buckets.
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
    candidates.extend(
        votes
            .iter()
            .take(keep)
            .take_while(|&&(_, n)| n >= MIN_SHARED_BANDS)
            .map(|&(c, _)| c),
    );
    candidates.sort_unstable();
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
        // Jaccard similarity is at most the ratio of the set sizes: skip the exact
        // count when even that bound, rounded as the result would be, falls short.
        let (small, large) = if p.shingles.len() < other.shingles.len() {
            (p.shingles.len(), other.shingles.len())
        } else {
            (other.shingles.len(), p.shingles.len())
        };
        if round3(small as f64 / large as f64) < threshold {
            continue;
        }
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

    #[test]
    fn gallop_back_finds_the_start_of_the_run() {
        let flags = [false, false, false, false, true, true, true, true, true];
        for end in 0..=flags.len() {
            let expected = (0..end)
                .rev()
                .take_while(|&j| flags[j])
                .last()
                .unwrap_or(end);
            assert_eq!(gallop_back(end, |j| flags[j]), expected, "end {end}");
        }
    }

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
