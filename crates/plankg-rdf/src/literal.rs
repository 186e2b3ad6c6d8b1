//! Literals with the language tags and datatypes DESIGN.md asks for.

use oxrdf::vocab::xsd;
use oxrdf::Literal;

/// Chinese text: a `@zh` literal.
pub(crate) fn zh(text: &str) -> Literal {
    Literal::new_language_tagged_literal_unchecked(text, "zh")
}

/// An `xsd:integer`.
pub(crate) fn integer(n: impl Into<i128>) -> Literal {
    Literal::from(n.into())
}

/// An `xsd:integer` from a count or offset.
pub(crate) fn count(n: usize) -> Literal {
    Literal::new_typed_literal(n.to_string(), xsd::INTEGER)
}

/// An `xsd:decimal`, or `None` for a value that has none (NaN, infinities).
pub(crate) fn decimal(value: f64) -> Option<Literal> {
    // `Display` of a finite f64 never uses an exponent, so it is a decimal lexical form.
    value
        .is_finite()
        .then(|| Literal::new_typed_literal(value.to_string(), xsd::DECIMAL))
}

/// A date as written: `xsd:date`, `xsd:gYearMonth` or `xsd:gYear` when it reads
/// as year[-month[-day]] (separators `-`, `.`, `/`, or 年 月 日), a plain
/// literal otherwise.
pub(crate) fn date(text: &str) -> Literal {
    let parts: Vec<&str> = text
        .trim()
        .trim_end_matches('日')
        .split(['-', '.', '/', '年', '月'])
        .filter(|part| !part.is_empty())
        .collect();
    let numbers: Option<Vec<u32>> = parts
        .iter()
        .map(|part| {
            (part.len() <= 4 && part.bytes().all(|b| b.is_ascii_digit()))
                .then(|| part.parse().ok())
                .flatten()
        })
        .collect();
    let typed = match numbers.as_deref() {
        Some(&[y]) if (1000..=9999).contains(&y) => Some((format!("{y}"), xsd::G_YEAR)),
        Some(&[y, m]) if (1000..=9999).contains(&y) && (1..=12).contains(&m) => {
            Some((format!("{y}-{m:02}"), xsd::G_YEAR_MONTH))
        }
        Some(&[y, m, d])
            if (1000..=9999).contains(&y)
                && (1..=12).contains(&m)
                && (1..=days_in(y, m)).contains(&d) =>
        {
            Some((format!("{y}-{m:02}-{d:02}"), xsd::DATE))
        }
        _ => None,
    };
    match typed {
        Some((lexical, datatype)) => Literal::new_typed_literal(lexical, datatype),
        None => Literal::new_simple_literal(text),
    }
}

fn days_in(year: u32, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_get_the_narrowest_datatype() {
        assert_eq!(
            date("2018-02-26"),
            Literal::new_typed_literal("2018-02-26", xsd::DATE)
        );
        assert_eq!(
            date("2018年2月26日"),
            Literal::new_typed_literal("2018-02-26", xsd::DATE)
        );
        assert_eq!(
            date("2021-11"),
            Literal::new_typed_literal("2021-11", xsd::G_YEAR_MONTH)
        );
        assert_eq!(
            date("2017"),
            Literal::new_typed_literal("2017", xsd::G_YEAR)
        );
        assert_eq!(
            date("2019-02-30"),
            Literal::new_simple_literal("2019-02-30")
        );
        assert_eq!(
            date("二〇一八年"),
            Literal::new_simple_literal("二〇一八年")
        );
    }

    #[test]
    fn decimals_have_no_exponent() {
        assert_eq!(
            decimal(94.0).map(|l| l.value().to_owned()).as_deref(),
            Some("94")
        );
        assert_eq!(
            decimal(260.69).map(|l| l.value().to_owned()).as_deref(),
            Some("260.69")
        );
        assert_eq!(
            decimal(1e21).map(|l| l.value().to_owned()).as_deref(),
            Some("1000000000000000000000")
        );
        assert!(decimal(f64::NAN).is_none());
    }
}
