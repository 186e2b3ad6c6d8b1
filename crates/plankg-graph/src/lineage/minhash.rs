//! Character shingles and MinHash signatures with LSH band keys.
//!
//! Written here rather than taken from a crate: it is some forty lines, and it must
//! be seeded and stable across runs and platforms so that the lineage graph is a
//! deterministic function of the document set.

/// Characters per shingle. Three-character shingles keep common two-character words
/// (教育, 建设, 工作) from making unrelated tasks look alike.
pub(crate) const SHINGLE_LEN: usize = 3;

/// Number of MinHash functions in a signature.
pub(crate) const NUM_HASHES: usize = 64;

/// Rows per LSH band: with 32 bands of 2 rows, a pair with Jaccard 0.4 shares at
/// least one band with probability 1 - (1 - 0.4²)³² ≈ 0.996.
pub(crate) const BAND_ROWS: usize = 2;

/// Number of LSH bands.
pub(crate) const NUM_BANDS: usize = NUM_HASHES / BAND_ROWS;

/// Fixed seed of the hash family: changing it changes which pairs are candidates.
const SEED: u64 = 0x706c_616e_6b67_0001;

/// SplitMix64 step: a well-mixed 64-bit hash of `x`.
pub(crate) const fn mix64(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// The hashed three-character shingles of `text`, sorted and deduplicated.
///
/// Only letters count (Han characters are letters): digits, punctuation and spaces
/// are dropped, so a target that changed from 94% to 95% or a re-punctuated
/// sentence still compares as the same wording.
pub(crate) fn shingles(text: &str) -> Vec<u32> {
    let chars: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    let mut out: Vec<u32> = chars
        .windows(SHINGLE_LEN)
        .map(|w| {
            let mut h = SEED;
            for &c in w {
                h = mix64(h ^ u64::from(c));
            }
            // The low half of a well-mixed hash is as good as the whole for sets of
            // a few hundred shingles, at half the memory.
            (h & 0xffff_ffff) as u32
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Exact Jaccard similarity of two sorted, deduplicated shingle sets.
pub(crate) fn jaccard(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - common;
    common as f64 / union as f64
}

/// The LSH band keys of a shingle set: one key per band, each already combined
/// with its band number so that equal rows in different bands never collide.
pub(crate) fn band_keys(shingles: &[u32]) -> [u64; NUM_BANDS] {
    // Multiply-add with odd multipliers drawn from the seeded SplitMix sequence: a
    // universal family that is cheap to evaluate.
    let mut params = [(0u64, 0u64); NUM_HASHES];
    for (i, p) in params.iter_mut().enumerate() {
        *p = (
            mix64(SEED ^ (2 * i as u64)) | 1,
            mix64(SEED ^ (2 * i as u64 + 1)),
        );
    }
    let mut signature = [u64::MAX; NUM_HASHES];
    for &s in shingles {
        let x = u64::from(s);
        for (slot, &(a, b)) in signature.iter_mut().zip(&params) {
            let h = a.wrapping_mul(x).wrapping_add(b);
            if h < *slot {
                *slot = h;
            }
        }
    }
    let mut keys = [0u64; NUM_BANDS];
    for (band, key) in keys.iter_mut().enumerate() {
        let mut h = mix64(SEED ^ band as u64);
        for &v in &signature[band * BAND_ROWS..(band + 1) * BAND_ROWS] {
            h = mix64(h ^ v);
        }
        *key = h;
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shingles_ignore_digits_and_punctuation() {
        assert_eq!(
            shingles("学前三年毛入园率达到94%"),
            shingles("学前三年毛入园率，达到95%。")
        );
        assert!(shingles("教育").is_empty());
    }

    #[test]
    fn jaccard_of_identical_and_disjoint_sets() {
        let a = shingles("全面加强教育系统党的建设");
        assert!((jaccard(&a, &a) - 1.0).abs() < 1e-12);
        let b = shingles("扩大优质学前教育资源供给");
        assert!(jaccard(&a, &b) < 0.1);
    }

    #[test]
    fn identical_texts_share_every_band() {
        let a = band_keys(&shingles("深化县管校聘管理改革"));
        let b = band_keys(&shingles("深化县管校聘管理改革。"));
        assert_eq!(a, b);
        let c = band_keys(&shingles("加快推进智慧教育示范区建设"));
        assert!(a.iter().zip(&c).all(|(x, y)| x != y));
    }
}
