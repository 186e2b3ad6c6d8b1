//! Task tables: the 工作清单, 任务分工表 and 民生实事 lists that plans, school plans
//! above all, are written in (issue 13). Whatever the source — an HTML `<table>`, a
//! Word `w:tbl` (both written by their readers as one line per row, cells separated by
//! tabs), or text copied from a table — a table is found in the normalised lines in
//! one of three shapes:
//! - rows of tab-separated cells (tabs, or runs of wide spaces, which the normaliser
//!   turns into tabs);
//! - rows of pipe-separated cells (`1 | 任务 | 措施 | 责任单位 |`);
//! - one cell per line: a header of column names one per line, then each row's cells
//!   one per line in the same order.
//!
//! A table starts at a header: a row whose cells are column names
//! (data/gazetteer/table_columns.tsv gives each name's role). The header decides
//! each column's role: the row's work (its task text), its number, the units of one
//! role, its deadline, people (never units) or other notes. In text copied out of a
//! table, an empty unit or deadline cell under a filled one is the same cell merged
//! over several rows, so it takes the cell above; the HTML and DOCX readers write a
//! merged cell in every row it covers (`rowspan`, `w:vMerge`), so there an empty
//! cell is empty.

use std::ops::Range;

use plankg_model::UnitRole;

use crate::error::GazetteerError;
use crate::gazetteer::Gazetteer;
use crate::html::MergedCells;
use crate::lines::Line;
use crate::markers::{marker_at, Scheme};
use crate::recognise::{unit_names, LONGEST_UNIT};

/// The gazetteer file of column names.
const FILE: &str = "table_columns.tsv";

/// The longest header cell, in characters: column names are short.
const HEADER_CELL_CHARS: usize = 24;

/// How many characters a header cell may hold beyond the column word it contains
/// ("负责处室(年段)", "任务落实及措施目标", "预计至12月31日完成工作量").
const HEADER_EXTRA_CHARS: usize = 16;

/// The longest cell of a unit column in a one-cell-per-line table, in characters:
/// a longer line is text after the table, not a cell (a cell of units is a list
/// of names each at most [`LONGEST_UNIT`] long).
const UNIT_CELL_CHARS: usize = 160;

/// What separates the unit names of a cell.
const UNIT_SEPARATORS: [char; 6] = ['、', ',', '，', '/', ';', ' '];

/// The longest deadline cell in a one-cell-per-line table.
const DEADLINE_CELL_CHARS: usize = 24;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Column {
    /// The row's number (序号); sub-rows are numbered "2-1".
    Number,
    /// The row's work: its task text.
    Content,
    /// Units of a role.
    Unit(UnitRole),
    /// When the work is due, as written.
    Deadline,
    /// People (负责人, 分管领导): not units.
    Person,
    /// Notes, categories: neither the task nor its units.
    Other,
}

/// One row of a task table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Row {
    /// Indices of the lines it occupies.
    pub(crate) lines: Range<usize>,
    /// Byte range of the whole row in the normalised text.
    pub(crate) range: Range<usize>,
    /// The row's work: from its first content cell to its last.
    pub(crate) content: Range<usize>,
    /// The number cell, when the table has one and it is filled.
    pub(crate) number: Option<Range<usize>>,
    /// Each unit named in the row's unit cells, with its column's role.
    pub(crate) units: Vec<(Range<usize>, UnitRole)>,
    /// The deadline cell.
    pub(crate) deadline: Option<Range<usize>>,
}

/// A task table: where it is and its rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Table {
    /// Indices of the lines it occupies (header included).
    pub(crate) lines: Range<usize>,
    /// Its rows, in order.
    pub(crate) rows: Vec<Row>,
}

/// Finds task tables; holds the column names. Build it once.
#[derive(Debug)]
pub(crate) struct TableReader {
    /// Column word and role, in the file's order (first match wins).
    columns: Vec<(String, Column)>,
}

/// How a line's cells are separated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Separator {
    Tab,
    Pipe,
}

impl TableReader {
    /// Reads table_columns.tsv.
    ///
    /// # Errors
    /// [`GazetteerError`] when the file is missing or a role is unknown.
    pub(crate) fn new(gazetteer: &Gazetteer) -> Result<Self, GazetteerError> {
        let mut columns = Vec::new();
        for row in gazetteer.rows(FILE, 2)? {
            let column = match row.field(1) {
                "number" => Column::Number,
                "content" => Column::Content,
                "deadline" => Column::Deadline,
                "person" => Column::Person,
                "other" => Column::Other,
                other => match UnitRole::from_name(other) {
                    Some(role) => Column::Unit(role),
                    None => return Err(row.error(FILE, format!("unknown column role {other:?}"))),
                },
            };
            columns.push((row.field(0).to_owned(), column));
        }
        Ok(Self { columns })
    }

    /// The role of a header cell, when it is a column name.
    fn column(&self, cell: &str) -> Option<Column> {
        // Asked of every line of every file: a long line is turned down before
        // anything is built.
        if cell.len() > HEADER_CELL_CHARS * 4 + 8 {
            return None;
        }
        let cell: String = cell.chars().filter(|c| !c.is_whitespace()).collect();
        let chars = cell.chars().count();
        // Column names hold no year: "2023年工作要点任务分工" is a title (while
        // "预计至12月31日完成工作量" is a column).
        let holds_year = cell
            .split(|c: char| !c.is_ascii_digit())
            .any(|digits| digits.len() == 4);
        if chars == 0
            || chars > HEADER_CELL_CHARS
            || cell.contains(['。', ';', ',', '、'])
            || holds_year
        {
            return None;
        }
        self.columns
            .iter()
            .find(|(word, _)| cell.contains(word.as_str()))
            .filter(|(word, _)| chars <= word.chars().count() + HEADER_EXTRA_CHARS)
            .map(|(_, column)| *column)
    }

    /// The roles of a header row, when its cells make one: at least two column names,
    /// one of them the row's work, and no cell that is not a column name.
    fn header(&self, text: &str, cells: &[Range<usize>]) -> Option<Vec<Option<Column>>> {
        let roles: Vec<Option<Column>> = cells
            .iter()
            .map(|c| {
                (!c.is_empty())
                    .then(|| self.column(&text[c.clone()]))
                    .flatten()
            })
            .collect();
        let named = roles.iter().flatten().count();
        let filled = cells.iter().filter(|c| !c.is_empty()).count();
        let has_content = roles.contains(&Some(Column::Content));
        (named >= 2 && named == filled && has_content).then_some(roles)
    }

    /// Every task table among `lines` (the lines of a file, in order); `merged`
    /// says how the file writes merged cells.
    pub(crate) fn find(&self, text: &str, lines: &[Line], merged: MergedCells) -> Vec<Table> {
        let mut tables = Vec::new();
        let mut at = 0;
        while at < lines.len() {
            let found = self
                .separated(text, lines, at, merged)
                .or_else(|| self.cell_per_line(text, lines, at, merged));
            match found {
                Some(table) => {
                    at = table.lines.end.max(at + 1);
                    tables.push(table);
                }
                None => at += 1,
            }
        }
        tables
    }

    /// A table of tab- or pipe-separated rows whose header is line `at`.
    fn separated(
        &self,
        text: &str,
        lines: &[Line],
        at: usize,
        merged: MergedCells,
    ) -> Option<Table> {
        let first = &lines[at];
        let separator = separator_of(&text[first.range.clone()])?;
        let mut header = self.header(text, &cells(text, first.range.clone(), separator))?;
        let mut end = at + 1;
        // A header of two rows (a group name over its columns): the lower one names
        // the columns it can.
        while let Some(line) = lines.get(end) {
            if separator_of(&text[line.range.clone()]) != Some(separator) {
                break;
            }
            let Some(lower) = self.header(text, &cells(text, line.range.clone(), separator)) else {
                break;
            };
            if lower.len() > header.len() {
                header.resize(lower.len(), None);
            }
            for (role, lower) in header.iter_mut().zip(lower) {
                if lower.is_some() {
                    *role = lower;
                }
            }
            end += 1;
        }
        let mut rows = Vec::new();
        let mut above: Vec<Option<Range<usize>>> = Vec::new();
        while let Some(line) = lines.get(end) {
            if separator_of(&text[line.range.clone()]) != Some(separator) {
                break;
            }
            let row_cells = cells(text, line.range.clone(), separator);
            if let Some(row) = row_of(text, &header, &row_cells, &mut above, merged) {
                rows.push(Row {
                    lines: end..end + 1,
                    ..row
                });
            }
            end += 1;
        }
        (!rows.is_empty()).then_some(Table {
            lines: at..end,
            rows,
        })
    }

    /// A table written one cell per line whose header starts at line `at`.
    fn cell_per_line(
        &self,
        text: &str,
        lines: &[Line],
        at: usize,
        merged: MergedCells,
    ) -> Option<Table> {
        let mut header: Vec<Option<Column>> = Vec::new();
        let mut end = at;
        while let Some(line) = lines.get(end) {
            let cell = &text[line.range.clone()];
            if separator_of(cell).is_some() {
                break;
            }
            match self.column(cell) {
                Some(column) => {
                    header.push(Some(column));
                    end += 1;
                }
                None => break,
            }
        }
        let has_content = header.contains(&Some(Column::Content));
        let has_facts = header
            .iter()
            .any(|c| matches!(c, Some(Column::Number | Column::Unit(_) | Column::Deadline)));
        if header.len() < 3 || !has_content || !has_facts {
            return None;
        }
        let numbered = header.first() == Some(&Some(Column::Number));
        let mut rows = Vec::new();
        let mut above = Vec::new();
        while let Some(row_lines) = next_row(text, lines, end, header.len(), numbered) {
            let row_cells: Vec<Range<usize>> =
                row_lines.clone().map(|i| lines[i].range.clone()).collect();
            if !fits_columns(text, &header, &row_cells) {
                break;
            }
            if let Some(row) = row_of(text, &header, &row_cells, &mut above, merged) {
                rows.push(Row {
                    lines: row_lines.clone(),
                    ..row
                });
            }
            end = row_lines.end;
        }
        (!rows.is_empty()).then_some(Table {
            lines: at..end,
            rows,
        })
    }
}

/// The lines of the row of a one-cell-per-line table that starts at line `at`: up to
/// `columns` lines; in a numbered table, up to the next number.
fn next_row(
    text: &str,
    lines: &[Line],
    at: usize,
    columns: usize,
    numbered: bool,
) -> Option<Range<usize>> {
    let first = lines.get(at)?;
    if separator_of(&text[first.range.clone()]).is_some() {
        return None;
    }
    if numbered {
        if !is_row_number(&text[first.range.clone()]) {
            return None;
        }
        let mut end = at + 1;
        while end < lines.len()
            && end - at < columns
            && !is_row_number(&text[lines[end].range.clone()])
        {
            end += 1;
        }
        return Some(at..end);
    }
    (at + columns <= lines.len()).then_some(at..at + columns)
}

/// Whether the cells of a one-cell-per-line row fit their columns: no part of the
/// plan's outline (一、, 第一部分), unit and deadline cells short enough to be cells.
fn fits_columns(text: &str, header: &[Option<Column>], cells: &[Range<usize>]) -> bool {
    cells.iter().zip(header).all(|(cell, column)| {
        let cell = &text[cell.clone()];
        let chars = cell.chars().count();
        let opens_part =
            marker_at(cell).is_some_and(|m| matches!(m.scheme, Scheme::CnComma | Scheme::CnPart));
        !opens_part
            && match column {
                Some(Column::Unit(_)) => {
                    chars <= UNIT_CELL_CHARS
                        && !cell.contains('。')
                        && cell
                            .split(UNIT_SEPARATORS)
                            .all(|name| name.trim().chars().count() <= LONGEST_UNIT)
                }
                Some(Column::Deadline) => chars <= DEADLINE_CELL_CHARS,
                Some(Column::Number) => is_row_number(cell),
                _ => true,
            }
    })
}

/// A row's number: "3", "2-1", "2—2", "(3)", "三".
fn is_row_number(cell: &str) -> bool {
    let cell = cell.trim().trim_matches(['(', ')', '.', '、']);
    !cell.is_empty()
        && cell.chars().count() <= 6
        && cell
            .chars()
            .all(|c| c.is_ascii_digit() || "-—–－一二三四五六七八九十".contains(c))
        && cell.chars().next().is_some_and(|c| !"-—–－".contains(c))
}

/// How the cells of a line are separated, when it has two cells or more.
fn separator_of(line: &str) -> Option<Separator> {
    if line.contains('\t') {
        Some(Separator::Tab)
    } else if line.matches('|').count() >= 2 {
        Some(Separator::Pipe)
    } else {
        None
    }
}

/// The cells of a line (byte ranges in `text`, trimmed; empty ranges for empty
/// cells), the empty cells before a tab-separated line's first included: the tabs
/// at its start sit before its trimmed range.
fn cells(text: &str, line: Range<usize>, separator: Separator) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    if separator == Separator::Tab {
        let leading = text[..line.start]
            .chars()
            .rev()
            .take_while(|&c| c != '\n')
            .filter(|&c| c == '\t')
            .count();
        out.extend(std::iter::repeat_n(line.start..line.start, leading));
    }
    let content = &text[line.clone()];
    let mut content = content;
    let mut start = line.start;
    if separator == Separator::Pipe {
        let trimmed = content.trim_start_matches('|');
        start += content.len() - trimmed.len();
        content = trimmed.trim_end_matches(['|', ' ']);
    }
    let split = match separator {
        Separator::Tab => '\t',
        Separator::Pipe => '|',
    };
    let mut offset = start;
    for piece in content.split(split) {
        let lead = piece.len() - piece.trim_start().len();
        let cell_start = offset + lead;
        out.push(cell_start..cell_start + piece.trim().len());
        offset += piece.len() + split.len_utf8();
    }
    out
}

/// A row from its cells under `header`; `above` holds the unit and deadline cells
/// of the row before, which an empty cell of those columns takes when merged cells
/// are written in their first row only. `None` when the row has no work of its own.
fn row_of(
    text: &str,
    header: &[Option<Column>],
    cells: &[Range<usize>],
    above: &mut Vec<Option<Range<usize>>>,
    merged: MergedCells,
) -> Option<Row> {
    let inherits = merged == MergedCells::FirstRowOnly;
    if above.len() < header.len() {
        above.resize(header.len(), None);
    }
    let filled: Vec<&Range<usize>> = cells.iter().filter(|c| !c.is_empty()).collect();
    let (first, last) = (filled.first()?, filled.last()?);
    let mut row = Row {
        lines: 0..0,
        range: first.start..last.end,
        content: 0..0,
        number: None,
        units: Vec::new(),
        deadline: None,
    };
    let mut content: Option<Range<usize>> = None;
    for (index, column) in header.iter().enumerate() {
        let own = cells.get(index).filter(|c| !c.is_empty()).cloned();
        match column {
            Some(Column::Content) => {
                if let Some(cell) = own {
                    content = Some(content.map_or(cell.clone(), |c| c.start..cell.end));
                }
            }
            Some(Column::Number) => row.number = own,
            Some(Column::Unit(role)) => {
                let cell = own.or_else(|| above[index].clone().filter(|_| inherits));
                above[index].clone_from(&cell);
                if let Some(cell) = cell {
                    // One-character items are stray marks, not units.
                    row.units.extend(
                        unit_names(text, cell, &UNIT_SEPARATORS)
                            .filter(|name| text[name.clone()].chars().count() >= 2)
                            .map(|name| (name, *role)),
                    );
                }
            }
            Some(Column::Deadline) => {
                let cell = own.or_else(|| above[index].clone().filter(|_| inherits));
                above[index].clone_from(&cell);
                row.deadline = cell;
            }
            Some(Column::Person | Column::Other) | None => {}
        }
    }
    row.content = content?;
    Some(row)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::lines_of;

    fn tables(text: &str) -> Vec<Table> {
        let reader = TableReader::new(&Gazetteer::embedded()).unwrap();
        reader.find(text, &lines_of(text), MergedCells::FirstRowOnly)
    }

    fn units(text: &str, row: &Row) -> Vec<(String, UnitRole)> {
        row.units
            .iter()
            .map(|(r, role)| (text[r.clone()].to_owned(), *role))
            .collect()
    }

    #[test]
    fn header_roles_follow_the_column_names() {
        let reader = TableReader::new(&Gazetteer::embedded()).unwrap();
        let role = |cell: &str| reader.column(cell);
        assert_eq!(role("序号"), Some(Column::Number));
        assert_eq!(role("牵头责任单位"), Some(Column::Unit(UnitRole::Lead)));
        assert_eq!(
            role("主要责任单位"),
            Some(Column::Unit(UnitRole::Responsible))
        );
        assert_eq!(
            role("协同配合单位"),
            Some(Column::Unit(UnitRole::Cooperating))
        );
        assert_eq!(
            role("负责处室(年段)"),
            Some(Column::Unit(UnitRole::Responsible))
        );
        assert_eq!(role("负责人"), Some(Column::Person));
        assert_eq!(role("分管领导"), Some(Column::Person));
        assert_eq!(role("完成时间"), Some(Column::Deadline));
        assert_eq!(role("任务落实及措施目标"), Some(Column::Content));
        assert_eq!(role("项目类别"), Some(Column::Other));
        assert_eq!(role("加强党的建设,落实主体责任"), None);
    }

    #[test]
    fn tab_rows_with_a_merged_unit_cell() {
        let text = "2023年重点工作任务清单\n序号\t工作任务\t牵头科室\t配合科室\t完成时间\n\
            1\t推进学前教育普及普惠发展\t基础教育科\t财务科、人事科\t6月底\n\
            2\t实施义务教育优质均衡工程\t\t规划建设科\t\n\
            一、其他工作\n";
        let found = tables(text);
        assert_eq!(found.len(), 1);
        let rows = &found[0].rows;
        assert_eq!(rows.len(), 2);
        assert_eq!(&text[rows[0].content.clone()], "推进学前教育普及普惠发展");
        assert_eq!(
            units(text, &rows[0]),
            [
                ("基础教育科".to_owned(), UnitRole::Lead),
                ("财务科".to_owned(), UnitRole::Cooperating),
                ("人事科".to_owned(), UnitRole::Cooperating),
            ]
        );
        assert_eq!(text[rows[0].deadline.clone().unwrap()].to_owned(), "6月底");
        // The empty lead and deadline cells are the merged cells above.
        assert_eq!(
            units(text, &rows[1]),
            [
                ("基础教育科".to_owned(), UnitRole::Lead),
                ("规划建设科".to_owned(), UnitRole::Cooperating),
            ]
        );
        assert_eq!(text[rows[1].deadline.clone().unwrap()].to_owned(), "6月底");
        assert_eq!(found[0].lines, 1..4);
    }

    #[test]
    fn pipe_rows_and_people_columns() {
        let text = "序号 | 重点工作 | 负责部门 | 负责人 |\n1 | 开展教学常规检查 | 教务处 | 张XX |\n2 | 组织运动会 | 德育处、团委 | 李XX |\n";
        let found = tables(text);
        assert_eq!(found[0].rows.len(), 2);
        assert_eq!(
            units(text, &found[0].rows[1]),
            [
                ("德育处".to_owned(), UnitRole::Responsible),
                ("团委".to_owned(), UnitRole::Responsible),
            ]
        );
    }

    #[test]
    fn one_cell_per_line() {
        let text = "序号\n工作任务\n责任处室\n完成时间\n1\n全面加强党的建设\n办公室\n全年\n2\n深化教育评价改革\n基础教育处\n9月\n二、保障措施\n";
        let found = tables(text);
        assert_eq!(found.len(), 1);
        let rows = &found[0].rows;
        assert_eq!(rows.len(), 2);
        assert_eq!(&text[rows[1].content.clone()], "深化教育评价改革");
        assert_eq!(
            units(text, &rows[1]),
            [("基础教育处".to_owned(), UnitRole::Responsible)]
        );
        assert_eq!(found[0].lines, 0..12);
    }

    #[test]
    fn prose_with_tabs_is_no_table() {
        assert!(tables("一、总体要求\t坚持立德树人\n二、主要任务\t加强党建\n").is_empty());
        assert!(tables("工作任务\n责任单位\n").is_empty());
    }
}
