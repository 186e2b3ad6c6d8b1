//! The index on disk and its search.
//!
//! Files of `<store>/text-index/`:
//! - `documents.json`, `labels.json`: the document list and the known labels;
//! - `texts.jsonl` with `texts.offsets` (n + 1 little-endian `u64` byte offsets):
//!   one JSON [`IndexedText`] per line, read by position;
//! - `lexicon.bin`: sorted 20-byte records (key `u64`, postings offset `u64`,
//!   count `u32`), searched by binary search on the file;
//! - `postings.bin`: the sorted `u32` text positions of every key.
//!
//! The whole directory is written next to the old one and renamed over it, so a
//! reader never sees half an index.

use std::collections::{BTreeMap, HashMap};
use std::fs::{self, File};
use std::io::{BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use super::grams::{closeness, keys, query_keys};
use super::{Hit, IndexedDocument, IndexedLabel, IndexedText, TextIndexError};

const DOCUMENTS: &str = "documents.json";
const LABELS: &str = "labels.json";
const TEXTS: &str = "texts.jsonl";
const OFFSETS: &str = "texts.offsets";
const LEXICON: &str = "lexicon.bin";
const POSTINGS: &str = "postings.bin";
const LEXICON_RECORD: u64 = 20;
/// Postings longer than this are not read for suggestions.
const SUGGEST_MAX_POSTINGS: u32 = 50_000;
/// Texts sharing most bigrams with a term that suggestions are taken from.
const SUGGEST_TEXTS: usize = 32;

/// An opened text index.
#[derive(Debug)]
pub struct TextIndex {
    dir: PathBuf,
    documents: Vec<IndexedDocument>,
    labels: Vec<IndexedLabel>,
    lexicon_len: u64,
}

impl TextIndex {
    /// The index directory of a store directory.
    #[must_use]
    pub fn dir_of_store(store: &Path) -> PathBuf {
        store.join("text-index")
    }

    /// Writes a new index of `texts` into `dir`, replacing any index there.
    ///
    /// # Errors
    /// [`TextIndexError::Io`] when a file cannot be written.
    pub fn write(
        dir: &Path,
        documents: &[IndexedDocument],
        texts: &[IndexedText],
        labels: &[IndexedLabel],
    ) -> Result<(), TextIndexError> {
        let tmp = dir.with_extension("tmp");
        if tmp.exists() {
            fs::remove_dir_all(&tmp).map_err(io(&tmp))?;
        }
        fs::create_dir_all(&tmp).map_err(io(&tmp))?;
        write_json(&tmp.join(DOCUMENTS), documents)?;
        write_json(&tmp.join(LABELS), labels)?;

        let mut postings: HashMap<u64, Vec<u32>> = HashMap::new();
        let texts_path = tmp.join(TEXTS);
        let mut out = BufWriter::new(File::create(&texts_path).map_err(io(&texts_path))?);
        let mut offsets: Vec<u64> = Vec::with_capacity(texts.len() + 1);
        let mut offset = 0u64;
        for (unit, text) in texts.iter().enumerate() {
            let unit = u32::try_from(unit).unwrap_or(u32::MAX);
            offsets.push(offset);
            let mut line = serde_json::to_vec(text).map_err(|e| TextIndexError::Damaged {
                path: texts_path.clone(),
                source: Some(e),
            })?;
            line.push(b'\n');
            out.write_all(&line).map_err(io(&texts_path))?;
            offset += line.len() as u64;
            for key in keys(&text.text) {
                postings.entry(key).or_default().push(unit);
            }
        }
        offsets.push(offset);
        out.flush().map_err(io(&texts_path))?;
        write_u64s(&tmp.join(OFFSETS), &offsets)?;

        let sorted: BTreeMap<u64, Vec<u32>> = postings.into_iter().collect();
        let lexicon_path = tmp.join(LEXICON);
        let postings_path = tmp.join(POSTINGS);
        let mut lexicon = BufWriter::new(File::create(&lexicon_path).map_err(io(&lexicon_path))?);
        let mut post = BufWriter::new(File::create(&postings_path).map_err(io(&postings_path))?);
        let mut at = 0u64;
        for (key, units) in &sorted {
            let count = u32::try_from(units.len()).unwrap_or(u32::MAX);
            lexicon
                .write_all(&key.to_le_bytes())
                .map_err(io(&lexicon_path))?;
            lexicon
                .write_all(&at.to_le_bytes())
                .map_err(io(&lexicon_path))?;
            lexicon
                .write_all(&count.to_le_bytes())
                .map_err(io(&lexicon_path))?;
            for unit in units {
                post.write_all(&unit.to_le_bytes())
                    .map_err(io(&postings_path))?;
            }
            at += units.len() as u64;
        }
        lexicon.flush().map_err(io(&lexicon_path))?;
        post.flush().map_err(io(&postings_path))?;
        drop((lexicon, post));

        if dir.exists() {
            fs::remove_dir_all(dir).map_err(io(dir))?;
        }
        fs::rename(&tmp, dir).map_err(io(dir))
    }

    /// Opens the index in `dir`.
    ///
    /// # Errors
    /// [`TextIndexError::Missing`] when there is none, [`TextIndexError::Damaged`]
    /// when its files do not parse.
    pub fn open(dir: &Path) -> Result<Self, TextIndexError> {
        if !dir.join(LEXICON).exists() {
            return Err(TextIndexError::Missing(dir.to_path_buf()));
        }
        let documents = read_json(&dir.join(DOCUMENTS))?;
        let labels = read_json(&dir.join(LABELS))?;
        let lexicon = dir.join(LEXICON);
        let lexicon_len = fs::metadata(&lexicon).map_err(io(&lexicon))?.len() / LEXICON_RECORD;
        Ok(Self {
            dir: dir.to_path_buf(),
            documents,
            labels,
            lexicon_len,
        })
    }

    /// The documents, in the order [`IndexedText::document`] refers to.
    #[must_use]
    pub fn documents(&self) -> &[IndexedDocument] {
        &self.documents
    }

    /// The labels of initiatives and policies.
    #[must_use]
    pub fn labels(&self) -> &[IndexedLabel] {
        &self.labels
    }

    /// Every text that contains `term` exactly, in index order, with the spans of
    /// its occurrences.
    ///
    /// # Errors
    /// [`TextIndexError`] when a file of the index cannot be read.
    ///
    /// # Complexity
    /// O(k log V) lexicon probes for k term bigrams and V keys, plus the length of
    /// the postings read and the candidate texts confirmed.
    pub fn search(&self, term: &str) -> Result<Vec<Hit>, TextIndexError> {
        if term.is_empty() {
            return Ok(Vec::new());
        }
        let mut lists = Vec::new();
        for key in query_keys(term) {
            match self.lookup(key)? {
                Some(entry) => lists.push(entry),
                None => return Ok(Vec::new()),
            }
        }
        lists.sort_by_key(|&(_, count)| count);
        let mut candidates: Vec<u32> = Vec::new();
        for (i, &(offset, count)) in lists.iter().enumerate() {
            let list = self.read_postings(offset, count)?;
            candidates = if i == 0 {
                list
            } else {
                intersect(&candidates, &list)
            };
            if candidates.is_empty() {
                return Ok(Vec::new());
            }
        }
        let mut hits = Vec::new();
        let mut texts = self.texts()?;
        for unit in candidates {
            let text = texts.read(unit)?;
            let matches = char_matches(&text.text, term);
            if !matches.is_empty() {
                hits.push(Hit {
                    unit,
                    text,
                    matches,
                });
            }
        }
        Ok(hits)
    }

    /// Up to `limit` suggestions for a term that was not found: the spellings
    /// closest to it in the indexed texts (same length give or take one
    /// character), and the closest known labels. Closeness is one minus the edit
    /// distance over the longer length, at least one half; ties prefer the term's
    /// length, then the more frequent spelling, then the text.
    ///
    /// # Errors
    /// [`TextIndexError`] when a file of the index cannot be read.
    pub fn suggest(&self, term: &str, limit: usize) -> Result<Vec<String>, TextIndexError> {
        let len = term.chars().count();
        let mut scored: Vec<Suggestion> = self.suggest_from_texts(term)?;
        for label in &self.labels {
            let score = closeness(term, &label.label);
            if score >= 0.5 && label.label != term {
                scored.push(Suggestion {
                    score,
                    text: label.label.clone(),
                    count: 0,
                });
            }
        }
        scored.sort_by(|a, b| {
            let off = |s: &Suggestion| s.text.chars().count().abs_diff(len);
            b.score
                .total_cmp(&a.score)
                .then_with(|| off(a).cmp(&off(b)))
                .then_with(|| b.count.cmp(&a.count))
                .then_with(|| a.text.cmp(&b.text))
        });
        let mut out: Vec<String> = Vec::new();
        for s in scored {
            if !out.contains(&s.text) {
                out.push(s.text);
            }
            if out.len() == limit {
                break;
            }
        }
        Ok(out)
    }

    /// Windows of the texts sharing most bigrams with `term`, with their closeness
    /// and the number of texts they were seen in.
    fn suggest_from_texts(&self, term: &str) -> Result<Vec<Suggestion>, TextIndexError> {
        let len = term.chars().count();
        if len < 2 {
            return Ok(Vec::new());
        }
        let mut votes: HashMap<u32, usize> = HashMap::new();
        for key in query_keys(term) {
            if let Some((offset, count)) = self.lookup(key)? {
                // A bigram in most texts says nothing about where the term's
                // neighbours are, and its list is long to read.
                if count <= SUGGEST_MAX_POSTINGS {
                    for unit in self.read_postings(offset, count)? {
                        *votes.entry(unit).or_default() += 1;
                    }
                }
            }
        }
        let mut units: Vec<(usize, u32)> = votes.into_iter().map(|(u, v)| (v, u)).collect();
        units.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        let mut best: HashMap<String, (f64, usize)> = HashMap::new();
        let mut texts = self.texts()?;
        for &(_, unit) in units.iter().take(SUGGEST_TEXTS) {
            let text = texts.read(unit)?;
            let chars: Vec<char> = text.text.chars().collect();
            let mut seen_here: Vec<String> = Vec::new();
            for width in [len - 1, len, len + 1] {
                if width < 2 {
                    continue;
                }
                for window in chars.windows(width) {
                    if !window.iter().all(|c| c.is_alphanumeric()) {
                        continue;
                    }
                    let candidate: String = window.iter().collect();
                    let score = closeness(term, &candidate);
                    if score >= 0.5 && candidate != term && !seen_here.contains(&candidate) {
                        let slot = best.entry(candidate.clone()).or_insert((score, 0));
                        slot.1 += 1;
                        seen_here.push(candidate);
                    }
                }
            }
        }
        Ok(best
            .into_iter()
            .map(|(text, (score, count))| Suggestion { score, text, count })
            .collect())
    }

    /// Binary search of the lexicon file: (postings offset, count) of `key`.
    fn lookup(&self, key: u64) -> Result<Option<(u64, u32)>, TextIndexError> {
        let path = self.dir.join(LEXICON);
        let mut file = File::open(&path).map_err(io(&path))?;
        let (mut lo, mut hi) = (0u64, self.lexicon_len);
        let mut record = [0u8; 20];
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            file.seek(SeekFrom::Start(mid * LEXICON_RECORD))
                .map_err(io(&path))?;
            file.read_exact(&mut record).map_err(io(&path))?;
            let (k, rest) = record.split_at(8);
            let (offset, count) = rest.split_at(8);
            let k = u64::from_le_bytes(k.try_into().map_err(|_| damaged(&path))?);
            match k.cmp(&key) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => {
                    let offset = u64::from_le_bytes(offset.try_into().map_err(|_| damaged(&path))?);
                    let count = u32::from_le_bytes(count.try_into().map_err(|_| damaged(&path))?);
                    return Ok(Some((offset, count)));
                }
            }
        }
        Ok(None)
    }

    fn read_postings(&self, offset: u64, count: u32) -> Result<Vec<u32>, TextIndexError> {
        let path = self.dir.join(POSTINGS);
        let mut file = File::open(&path).map_err(io(&path))?;
        file.seek(SeekFrom::Start(offset * 4)).map_err(io(&path))?;
        let mut bytes = vec![0u8; count as usize * 4];
        file.read_exact(&mut bytes).map_err(io(&path))?;
        Ok(bytes
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect())
    }

    /// The texts file, opened for a run of reads.
    fn texts(&self) -> Result<TextReader, TextIndexError> {
        let offsets_path = self.dir.join(OFFSETS);
        let texts_path = self.dir.join(TEXTS);
        Ok(TextReader {
            offsets: File::open(&offsets_path).map_err(io(&offsets_path))?,
            texts: File::open(&texts_path).map_err(io(&texts_path))?,
            offsets_path,
            texts_path,
        })
    }
}

/// `texts.jsonl` and `texts.offsets`, open: a search reads thousands of texts, and
/// opening the files once for all of them saves two system calls per text.
struct TextReader {
    offsets: File,
    texts: File,
    offsets_path: PathBuf,
    texts_path: PathBuf,
}

impl TextReader {
    /// The text at position `unit`.
    fn read(&mut self, unit: u32) -> Result<IndexedText, TextIndexError> {
        let offsets = &self.offsets_path;
        self.offsets
            .seek(SeekFrom::Start(u64::from(unit) * 8))
            .map_err(io(offsets))?;
        let mut pair = [0u8; 16];
        self.offsets.read_exact(&mut pair).map_err(io(offsets))?;
        let (a, b) = pair.split_at(8);
        let start = u64::from_le_bytes(a.try_into().map_err(|_| damaged(offsets))?);
        let end = u64::from_le_bytes(b.try_into().map_err(|_| damaged(offsets))?);
        let path = &self.texts_path;
        self.texts.seek(SeekFrom::Start(start)).map_err(io(path))?;
        let len = usize::try_from(end.saturating_sub(start)).map_err(|_| damaged(path))?;
        let mut line = vec![0u8; len];
        self.texts.read_exact(&mut line).map_err(io(path))?;
        serde_json::from_slice(&line).map_err(|e| TextIndexError::Damaged {
            path: path.clone(),
            source: Some(e),
        })
    }
}

/// A suggested spelling.
struct Suggestion {
    score: f64,
    text: String,
    count: usize,
}

/// Character spans of the non-overlapping occurrences of `term` in `text`. A term
/// without whitespace also matches across whitespace in the text (a word broken
/// over two lines of the source); the span then covers the break.
fn char_matches(text: &str, term: &str) -> Vec<(usize, usize)> {
    if term.is_empty() {
        return Vec::new();
    }
    let term_has_space = term.contains(char::is_whitespace);
    let skip = |c: char| !term_has_space && c.is_whitespace();
    let kept: Vec<(usize, char)> = text
        .chars()
        .enumerate()
        .filter(|&(_, c)| !skip(c))
        .collect();
    let compact: String = kept.iter().map(|&(_, c)| c).collect();
    let term_chars = term.chars().count();
    let mut out = Vec::new();
    let mut chars_before = 0;
    let mut last = 0;
    for (byte, _) in compact.match_indices(term) {
        chars_before += compact[last..byte].chars().count();
        let first = kept[chars_before].0;
        let end = kept[chars_before + term_chars - 1].0 + 1;
        out.push((first, end));
        chars_before += term_chars;
        last = byte + term.len();
    }
    out
}

fn intersect(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

fn io(path: &Path) -> impl Fn(std::io::Error) -> TextIndexError + '_ {
    move |source| TextIndexError::Io {
        path: path.to_path_buf(),
        source,
    }
}

fn damaged(path: &Path) -> TextIndexError {
    TextIndexError::Damaged {
        path: path.to_path_buf(),
        source: None,
    }
}

fn write_json<T: serde::Serialize + ?Sized>(path: &Path, value: &T) -> Result<(), TextIndexError> {
    let bytes = serde_json::to_vec(value).map_err(|e| TextIndexError::Damaged {
        path: path.to_path_buf(),
        source: Some(e),
    })?;
    fs::write(path, bytes).map_err(io(path))
}

fn read_json<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, TextIndexError> {
    let bytes = fs::read(path).map_err(io(path))?;
    serde_json::from_slice(&bytes).map_err(|e| TextIndexError::Damaged {
        path: path.to_path_buf(),
        source: Some(e),
    })
}

fn write_u64s(path: &Path, values: &[u64]) -> Result<(), TextIndexError> {
    let mut out = BufWriter::new(File::create(path).map_err(io(path))?);
    for v in values {
        out.write_all(&v.to_le_bytes()).map_err(io(path))?;
    }
    out.flush().map_err(io(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(task: &str, document: u32, text: &str) -> IndexedText {
        IndexedText {
            task: task.into(),
            document,
            section: None,
            text: text.into(),
            ..IndexedText::default()
        }
    }

    #[test]
    fn writes_and_finds_exact_substrings() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("text-index");
        let documents = vec![IndexedDocument {
            iri: "d0".into(),
            year: Some(2018),
            ..IndexedDocument::default()
        }];
        let texts = vec![
            text("t0", 0, "加强师德师风建设，师德师风考核"),
            text("t1", 0, "师德建设与师风建设"),
            text("t2", 0, "推进县管\n校聘"),
        ];
        let labels = vec![IndexedLabel {
            iri: "i0".into(),
            label: "县管校聘".into(),
            matches: Vec::new(),
        }];
        TextIndex::write(&path, &documents, &texts, &labels).unwrap();
        // Writing again replaces the old index.
        TextIndex::write(&path, &documents, &texts, &labels).unwrap();
        let index = TextIndex::open(&path).unwrap();
        let hits = index.search("师德师风").unwrap();
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].text.task, "t0");
        assert_eq!(hits[0].matches, [(2, 6), (9, 13)]);
        assert_eq!(index.search("德").unwrap().len(), 2);
        assert!(index.search("智慧教育").unwrap().is_empty());
        let broken = index.search("县管校聘").unwrap();
        assert_eq!(broken.len(), 1);
        assert_eq!(broken[0].matches, [(2, 7)]);
        assert_eq!(index.suggest("县管校用", 1).unwrap(), ["县管校聘"]);
    }

    #[test]
    fn missing_index_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            TextIndex::open(&dir.path().join("text-index")),
            Err(TextIndexError::Missing(_))
        ));
    }
}
