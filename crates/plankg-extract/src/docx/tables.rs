//! Tables (`w:tbl`): each row one line of tab-separated cells, spanned grid columns
//! as empty cells and vertically merged cells repeated in every row they cover.

use quick_xml::events::{BytesEnd, BytesStart};

/// A table being read: Word's `w:tbl`, its rows `w:tr` and cells `w:tc`.
#[derive(Debug, Default)]
pub(super) struct TableReader {
    /// Cells of the open row.
    row: Vec<String>,
    /// The open cell's text, its paragraphs joined by spaces.
    pub(super) cell: Option<String>,
    /// Grid columns the open cell spans (`w:gridSpan`).
    pub(super) grid_span: usize,
    /// Whether the open cell continues the cell above (`w:vMerge` without
    /// `restart`).
    pub(super) continues: bool,
    /// The cells of the row before, by grid column, for merged cells to repeat.
    above: Vec<String>,
    /// Tables opened inside a cell of this one: read as the cell's text.
    pub(super) nested: usize,
}

impl TableReader {
    /// Adds a paragraph of the open cell (tabs and breaks inside it become spaces,
    /// so the cell never breaks its row).
    pub(super) fn add_paragraph(&mut self, text: &str) -> bool {
        let Some(cell) = self.cell.as_mut() else {
            return false;
        };
        let text = text.replace(['\t', '\n'], " ");
        let text = text.trim();
        if !text.is_empty() {
            if !cell.is_empty() {
                cell.push(' ');
            }
            cell.push_str(text);
        }
        true
    }

    /// Closes the open cell; the grid columns it spans beyond its own are empty
    /// cells. A vertically merged continuation (`w:vMerge` without `restart`) has no
    /// text of its own: it is written with the text of the cell above, so every row
    /// carries its own units and deadline (as the HTML reader does for `rowspan`).
    fn close_cell(&mut self) {
        if let Some(mut cell) = self.cell.take() {
            if std::mem::take(&mut self.continues) && cell.is_empty() {
                cell = self.above.get(self.row.len()).cloned().unwrap_or_default();
            }
            self.row.push(cell);
            for _ in 1..self.grid_span.max(1) {
                self.row.push(String::new());
            }
        }
    }

    /// The open row as one line of tab-separated cells.
    pub(super) fn close_row(&mut self) -> String {
        self.close_cell();
        let line = self.row.join("\t");
        self.above = std::mem::take(&mut self.row);
        line.trim_end_matches('\t').to_owned()
    }
}

/// Handles the start of a table, row or cell; whether `element` was one.
pub(super) fn table_start(element: &BytesStart<'_>, tables: &mut Vec<TableReader>) -> bool {
    match element.local_name().as_ref() {
        b"tbl" => {
            match tables
                .last_mut()
                .filter(|t| t.cell.is_some() || t.nested > 0)
            {
                Some(outer) => outer.nested += 1,
                None => tables.push(TableReader::default()),
            }
            true
        }
        b"tr" | b"tc" => {
            if let Some(table) = tables.last_mut().filter(|t| t.nested == 0) {
                if element.local_name().as_ref() == b"tr" {
                    table.row.clear();
                } else {
                    table.close_cell();
                    table.cell = Some(String::new());
                    table.grid_span = 1;
                    table.continues = false;
                }
            }
            true
        }
        _ => false,
    }
}

/// Handles the end of a table, row or cell; whether `element` was one. A finished
/// row becomes a line.
pub(super) fn table_end(
    element: &BytesEnd<'_>,
    tables: &mut Vec<TableReader>,
    lines: &mut Vec<String>,
) -> bool {
    let Some(table) = tables.last_mut() else {
        return false;
    };
    match element.local_name().as_ref() {
        b"tbl" => {
            if table.nested > 0 {
                table.nested -= 1;
            } else {
                let row = table.close_row();
                if !row.is_empty() {
                    lines.push(row);
                }
                tables.pop();
            }
            true
        }
        b"tc" => {
            if table.nested == 0 {
                table.close_cell();
            }
            true
        }
        b"tr" => {
            if table.nested == 0 {
                let row = table.close_row();
                if !row.is_empty() {
                    lines.push(row);
                }
            }
            true
        }
        _ => false,
    }
}

/// Tests of the table reader.
#[cfg(test)]
mod tests {
    use crate::docx::numbering::Numbering;
    use crate::docx::paragraphs::paragraphs;
    use crate::docx::styles::Styles;

    /// Table rows are lines of cells, merged cells repeated.
    #[test]
    fn table_rows_are_lines_of_cells_with_merged_cells_repeated() {
        let cell = |props: &str, paragraphs: &[&str]| {
            let body: String = paragraphs
                .iter()
                .map(|t| format!("<w:p><w:r><w:t>{t}</w:t></w:r></w:p>"))
                .collect();
            format!("<w:tc><w:tcPr>{props}</w:tcPr>{body}</w:tc>")
        };
        let restart = "<w:vMerge w:val=\"restart\"/>";
        let cont = "<w:vMerge/>";
        let rows = [
            [
                cell("", &["序号"]),
                cell("<w:gridSpan w:val=\"2\"/>", &["工作任务"]),
                cell("", &["牵头科室"]),
            ]
            .concat(),
            [
                cell("", &["1"]),
                cell("", &["加强", "党建"]),
                cell("", &["措施"]),
                cell(restart, &["办公室"]),
            ]
            .concat(),
            [
                cell("", &["2"]),
                cell("", &["推进"]),
                cell("", &["<w:tab/>"]),
                cell(cont, &[]),
            ]
            .concat(),
        ];
        let table: String = rows.iter().map(|r| format!("<w:tr>{r}</w:tr>")).collect();
        let xml = format!(
            "<w:document xmlns:w=\"w\"><w:body><w:p><w:r><w:t>清单</w:t></w:r></w:p><w:tbl>{table}</w:tbl><w:p><w:r><w:t>完</w:t></w:r></w:p></w:body></w:document>"
        );
        let text = paragraphs(&xml, &Numbering::default(), &Styles::default()).unwrap();
        assert_eq!(
            text,
            "清单\n序号\t工作任务\t\t牵头科室\n1\t加强 党建\t措施\t办公室\n2\t推进\t\t办公室\n完"
        );
    }
}
