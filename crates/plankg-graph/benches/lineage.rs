//! Time of the continuity step (`link_tasks`) on seeded generated corpora whose
//! documents really differ: each issuer's plans carry last year's tasks with parts
//! shuffled, tasks dropped, added and edited, numbers changed; a share of tasks is
//! national boilerplate shared, lightly edited, by many issuers (the crowded LSH
//! buckets that the bucket window bounds).
//!
//! `cargo bench --profile dev -p plankg-graph --bench lineage -- 1000 10000 50000 --runs 3`
//! (median of the runs; rayon's threads: `RAYON_NUM_THREADS=1` for one)

// Generator arithmetic on small counts (years, characters, indices below a bound).
#![allow(clippy::cast_possible_truncation)]

use std::time::Instant;

use plankg_graph::lineage::{link_tasks, ContinuityOptions, TaskText};

/// Tasks per plan.
const TASKS: usize = 40;
/// Plans per issuer (consecutive years).
const YEARS: usize = 5;

/// SplitMix64: a small seeded generator, so the corpus is the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut x = self.0;
        x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        x ^ (x >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// A pool of phrases of 3 to 7 common characters.
fn phrases(rng: &mut Rng, n: usize) -> Vec<String> {
    (0..n)
        .map(|_| {
            let len = 3 + rng.below(5);
            (0..len)
                .map(|_| char::from_u32(0x4E00 + rng.below(2500) as u32).unwrap_or('教'))
                .collect()
        })
        .collect()
}

fn sentence(rng: &mut Rng, pool: &[String]) -> String {
    let mut s = String::new();
    for _ in 0..(6 + rng.below(8)) {
        s.push_str(&pool[rng.below(pool.len())]);
        if rng.below(4) == 0 {
            s.push_str(&format!("{}所", rng.below(100)));
        }
        s.push('，');
    }
    s.push('。');
    s
}

/// Replaces one phrase-sized stretch of a task (an edit).
fn edit(rng: &mut Rng, text: &str, pool: &[String]) -> String {
    let chars: Vec<char> = text.chars().collect();
    let at = rng.below(chars.len().max(1));
    let end = (at + 4).min(chars.len());
    let mut out: String = chars[..at].iter().collect();
    out.push_str(&pool[rng.below(pool.len())]);
    out.extend(&chars[end..]);
    out
}

fn corpus(documents: usize, seed: u64) -> Vec<TaskText> {
    let mut rng = Rng(seed);
    let pool = phrases(&mut rng, 4000);
    let national: Vec<String> = (0..300).map(|_| sentence(&mut rng, &pool)).collect();
    let mut tasks = Vec::with_capacity(documents * TASKS);
    let issuers = documents.div_ceil(YEARS);
    for issuer in 0..issuers {
        let mut plan: Vec<String> = (0..TASKS)
            .map(|_| {
                if rng.below(10) == 0 {
                    let base = rng.below(national.len());
                    edit(&mut rng, &national[base], &pool)
                } else {
                    sentence(&mut rng, &pool)
                }
            })
            .collect();
        let first_year = 1990 + rng.below(25) as i32;
        for y in 0..YEARS.min(documents - issuer * YEARS) {
            let document = format!("doc/{issuer}/{y}");
            for (i, text) in plan.iter().enumerate() {
                tasks.push(TaskText {
                    task: format!("{document}/t{i}"),
                    document: document.clone(),
                    year: first_year + y as i32,
                    issuer: Some(format!("issuer/{issuer}")),
                    text: text.clone(),
                });
            }
            // Next year: shuffle parts, drop, add and edit tasks.
            for i in (1..plan.len()).rev() {
                if rng.below(3) == 0 {
                    plan.swap(i, rng.below(i + 1));
                }
            }
            plan.retain(|_| rng.below(10) != 0);
            while plan.len() < TASKS {
                plan.push(sentence(&mut rng, &pool));
            }
            for task in &mut plan {
                if rng.below(5) == 0 {
                    *task = edit(&mut rng, task, &pool);
                }
            }
        }
    }
    tasks
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let runs: usize = args
        .iter()
        .position(|a| a == "--runs")
        .and_then(|i| args.get(i + 1)?.parse().ok())
        .unwrap_or(3)
        .max(1);
    let sizes: Vec<usize> = args
        .iter()
        .enumerate()
        .filter(|(i, _)| *i == 0 || args[i - 1] != "--runs")
        .filter_map(|(_, a)| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![1000, 10_000]
    } else {
        sizes
    };
    println!(
        "median of {runs} runs on {} threads",
        rayon::current_num_threads()
    );
    println!("documents  tasks      links    seconds  µs/task");
    for documents in sizes {
        let tasks = corpus(documents, 42);
        let mut times = Vec::with_capacity(runs);
        let mut links = 0;
        for _ in 0..runs {
            let start = Instant::now();
            links = link_tasks(&tasks, &ContinuityOptions::default()).len();
            times.push(start.elapsed().as_secs_f64());
        }
        times.sort_by(f64::total_cmp);
        let secs = times[times.len() / 2];
        println!(
            "{documents:<10} {:<10} {links:<8} {secs:<8.2} {:.1}",
            tasks.len(),
            secs * 1e6 / tasks.len() as f64
        );
    }
}
