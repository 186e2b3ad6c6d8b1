//! The keys of the text index: single characters and character bigrams.

/// Index keys of a text: every character and every pair of adjacent characters
/// (whitespace skipped, so a word broken across lines is still one bigram),
/// each packed into one `u64` (a bigram is `first << 32 | second`, a single
/// character is `u32::MAX << 32 | c`, which no bigram can equal since no `char`
/// reaches `u32::MAX`). Sorted and deduplicated.
pub(crate) fn keys(text: &str) -> Vec<u64> {
    let chars: Vec<u32> = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(u32::from)
        .collect();
    let mut out: Vec<u64> = chars.iter().map(|&c| unigram(c)).collect();
    out.extend(chars.windows(2).map(|w| bigram(w[0], w[1])));
    out.sort_unstable();
    out.dedup();
    out
}

/// The keys a search for `term` intersects: its bigrams, or the character itself
/// for a one-character term.
pub(crate) fn query_keys(term: &str) -> Vec<u64> {
    let chars: Vec<u32> = term
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(u32::from)
        .collect();
    let mut out: Vec<u64> = if chars.len() == 1 {
        vec![unigram(chars[0])]
    } else {
        chars.windows(2).map(|w| bigram(w[0], w[1])).collect()
    };
    out.sort_unstable();
    out.dedup();
    out
}

fn unigram(c: u32) -> u64 {
    (u64::from(u32::MAX) << 32) | u64::from(c)
}

fn bigram(a: u32, b: u32) -> u64 {
    (u64::from(a) << 32) | u64::from(b)
}

/// Dice similarity of the character-bigram sets of two strings, for did-you-mean.
pub(crate) fn dice(a: &str, b: &str) -> f64 {
    let grams = |s: &str| {
        let chars: Vec<char> = s.chars().collect();
        let mut g: Vec<(char, char)> = if chars.len() == 1 {
            vec![(chars[0], '\0')]
        } else {
            chars.windows(2).map(|w| (w[0], w[1])).collect()
        };
        g.sort_unstable();
        g.dedup();
        g
    };
    let (x, y) = (grams(a), grams(b));
    if x.is_empty() || y.is_empty() {
        return 0.0;
    }
    let common = x.iter().filter(|g| y.binary_search(g).is_ok()).count();
    2.0 * common as f64 / (x.len() + y.len()) as f64
}

/// One minus the character edit distance of `a` and `b` over the longer length:
/// 1 for equal strings, 0 for nothing in common.
pub(crate) fn closeness(a: &str, b: &str) -> f64 {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let longest = a.len().max(b.len());
    if longest == 0 {
        return 1.0;
    }
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if ca == cb {
                diagonal
            } else {
                1 + diagonal.min(above).min(row[j])
            };
            diagonal = above;
        }
    }
    1.0 - row[b.len()] as f64 / longest as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_keys_are_found_among_text_keys() {
        let text = keys("加强师德师风建设");
        for key in query_keys("师德师风") {
            assert!(text.binary_search(&key).is_ok());
        }
        assert!(text.binary_search(&query_keys("德")[0]).is_ok());
        assert!(text.binary_search(&query_keys("风师")[0]).is_err());
    }

    #[test]
    fn closeness_counts_edits() {
        assert!((closeness("师德师分", "师德师风") - 0.75).abs() < 1e-12);
        assert!((closeness("县管校聘", "县管校聘") - 1.0).abs() < 1e-12);
        assert!(closeness("县管校聘", "智慧教育") < 0.01);
    }

    #[test]
    fn dice_prefers_close_labels() {
        assert!(dice("县管校聘", "县管校聘改革") > dice("县管校聘", "智慧教育"));
        assert!((dice("名师工程", "名师工程") - 1.0).abs() < 1e-12);
    }
}
