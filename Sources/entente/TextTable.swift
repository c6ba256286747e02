/// Aligned columns for a text table: columns padded on the right, those in `rightAligned` (numbers)
/// on the left, two spaces between columns, no trailing spaces.
func alignedColumns(header: [String], rows: [[String]], rightAligned: Set<Int>) -> [String] {
    let all = [header] + rows
    let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
    return all.map { line in
        let cells = line.enumerated().map { column, cell in
            let padding = String(repeating: " ", count: widths[column] - cell.count)
            return rightAligned.contains(column) ? padding + cell : cell + padding
        }
        var text = cells.joined(separator: "  ")
        while text.last == " " { text.removeLast() }
        return text
    }
}
