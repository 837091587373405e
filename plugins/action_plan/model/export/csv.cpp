// CSV for Excel, LibreOffice and scripts: one table per file (tables.hpp),
// so a filter or a script reads it as one table; each row starts with its
// stable id, and the other tables' ids join them. A BOM so the text is read as
// UTF-8, ';' by default, and every cell neutralised by kartla::text::csv_cell
// (quotes doubled, formula-like cells turned into text).
#include "tables.hpp"
#include "writers.hpp"

#include "kartla/text_encode.hpp"

namespace kartla::action_plan::exporting {

std::string to_csv(const Document& doc, char separator, std::string_view table_key) {
    const DataTable table = data_table(doc, table_key);
    std::string out(kartla::text::utf8_bom);
    out += kartla::text::csv_row(table.headers, separator);
    for (const auto& cells : table.rows) {
        std::vector<std::string> texts;
        texts.reserve(cells.size());
        for (const auto& cell : cells) texts.push_back(cell.text);
        out += kartla::text::csv_row(texts, separator);
    }
    return out;
}

}  // namespace kartla::action_plan::exporting
