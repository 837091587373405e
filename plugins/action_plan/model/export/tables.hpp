#pragma once
// The plan as flat tables, one per kind of row (measures, problems, causes,
// actors, status log), each row led by its stable id so a script can join
// them. CSV writes one table per file and XLSX one per sheet from these same
// tables, so both hold the same columns with the same headers.
#include "document.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kartla::action_plan::exporting {

struct TableCell {
    enum class Kind { Text, Number, Date };
    Kind kind = Kind::Text;
    std::string text;   // what CSV writes; for a date the ISO text
    double number = 0;  // Kind::Number

    static TableCell of_text(std::string text) { return {Kind::Text, std::move(text), 0}; }
    static TableCell of_number(double value);
    static TableCell of_id(std::int64_t id) { return id ? of_number(static_cast<double>(id)) : of_text(""); }
    // A number when `text` is one (a rank typed as "2"), else the text.
    static TableCell of_number_text(const std::string& text);
    // A date when `iso` is a valid YYYY-MM-DD, else the text as it is.
    static TableCell of_date(const std::string& iso);
};

struct DataTable {
    std::string key;    // "measures", as given to --table
    std::string title;  // translated: the sheet's name
    std::vector<std::string> headers;  // translated, unique within the table
    std::vector<double> widths;        // column widths in characters, for the spreadsheet
    std::vector<std::vector<TableCell>> rows;
    std::optional<std::size_t> light_column;  // coloured by a conditional format in XLSX
    // The main columns, first: what a printed page holds (XLSX's print area); 0: all.
    // The technical ones follow them for filtering and joining on screen.
    std::size_t printed_columns = 0;
};

// The table keys in the order a folder of tables or the workbook holds them.
// The link tables write a measure aimed at several problems (or causes) one row
// per problem, so every id column is a number and the tables join by lookup.
inline constexpr std::string_view kTableKeys[] = {"measures", "problems",         "causes",        "actors",
                                                  "log",      "measure-problems", "measure-causes"};

bool is_table_key(std::string_view key);
// Throws std::invalid_argument for a key not in kTableKeys.
DataTable data_table(const Document& doc, std::string_view key);

}  // namespace kartla::action_plan::exporting
