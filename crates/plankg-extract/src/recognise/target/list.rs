//! Coordinated indicators that share a number or take one each:
//! "小学适龄儿童入学率、巩固率均达到100%" (two targets of 100%),
//! "入学率、巩固率分别达到100%、99%以上" (one number each).

use std::ops::Range;

/// Characters that end the stretch a list is read from ('、' and '和' join items).
const HARD_BOUNDARIES: &[char] = &[',', '。', ';', ':', '!', '?', '\n', '(', ')', '《', '》'];
/// Words that join the items of a list.
const JOINERS: &[char] = &['、', '和', '及'];
/// The longest item, in characters.
const MAX_ITEM: usize = 20;

/// The items of a list of indicators that ends at `end` (where the number starts),
/// or an empty list when the text before the number is not such a list. The last
/// item still carries its verb and comparator words ("巩固率分别达到").
pub(super) fn items_before(text: &str, floor: usize, end: usize) -> Vec<Range<usize>> {
    let mut start = end;
    while start > floor {
        let Some(ch) = text[floor..start].chars().next_back() else {
            break;
        };
        if HARD_BOUNDARIES.contains(&ch) {
            break;
        }
        start -= ch.len_utf8();
    }
    let mut items = Vec::new();
    let mut item_start = start;
    for (offset, ch) in text[start..end].char_indices() {
        if JOINERS.contains(&ch) {
            items.push(item_start..start + offset);
            item_start = start + offset + ch.len_utf8();
        }
    }
    items.push(item_start..end);
    // "3、小学…率、初中…率均达到75%": the item number is no item.
    if items
        .first()
        .is_some_and(|r| !r.is_empty() && text[r.clone()].chars().all(|c| c.is_ascii_digit()))
    {
        items.remove(0);
    }
    let well_formed = items.len() >= 2
        && items.iter().all(|r| {
            let item = &text[r.clone()];
            !item.is_empty()
                && item.chars().count() <= MAX_ITEM
                && !item.contains(|c: char| c.is_ascii_digit())
        });
    if well_formed {
        items
    } else {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_of_rates_is_split() {
        let text = "义务教育:小学适龄儿童入学率、巩固率均达到100%。";
        let end = text.find("100").unwrap();
        let items: Vec<&str> = items_before(text, 0, end)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(items, ["小学适龄儿童入学率", "巩固率均达到"]);
    }

    #[test]
    fn a_clause_with_numbers_is_no_list() {
        let text = "新改扩建中小学26所、幼儿园12所";
        let end = text.find("12").unwrap();
        assert!(items_before(text, 0, end).is_empty());
    }
}
