//! XML helpers the readers share: attribute values with entities decoded.

use quick_xml::events::BytesStart;

/// The value of the attribute whose local name is `name`, with XML's predefined
/// entities and character references decoded.
pub(super) fn attr(element: &BytesStart<'_>, name: &str) -> Option<String> {
    element
        .attributes()
        .with_checks(false)
        .flatten()
        .find_map(|a| {
            (a.key.local_name().as_ref() == name.as_bytes())
                .then(|| unescape(&String::from_utf8_lossy(&a.value)))
        })
}

/// `w:val` of an element.
pub(super) fn val(element: &BytesStart<'_>) -> Option<String> {
    attr(element, "val")
}

/// Decodes XML's predefined entities and character references.
fn unescape(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let resolved = rest
            .find(';')
            .and_then(|end| entity(&rest[1..end]).map(|c| (c, end + 1)));
        match resolved {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character of an XML entity or character reference (without `&` and `;`).
pub(super) fn entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => {
            let number = name.strip_prefix('#')?;
            let value = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(value)
        }
    }
}
