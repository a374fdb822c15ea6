package com.m4s.store.repairorder.dmsimport;

import com.m4s.platform.web.ApiException;
import com.m4s.store.export.SheetFile;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads a DMS import file into rows of texts by column: CSV (UTF-8, with or without BOM; GB18030 when it is not
 * UTF-8, as Excel saves CSV on Chinese Windows) or .xlsx (the first sheet; dates as {@code yyyy-MM-dd HH:mm:ss},
 * numbers without grouping or trailing zeros). Row numbers are the file's, as Excel shows them (the header is row 1).
 * Blank rows are skipped.
 */
final class DmsFile {

    /** The most data rows a file may hold. */
    static final int MAX_ROWS = 50_000;

    enum Format {
        CSV, XLSX;

        /** By the file's name; 415 for any other kind of file. */
        static Format of(String fileName) {
            String name = fileName.toLowerCase(Locale.ROOT);
            if (name.endsWith(".csv")) {
                return CSV;
            }
            if (name.endsWith(".xlsx")) {
                return XLSX;
            }
            throw new DmsFileProblem("dms-file-type");
        }
    }

    /** A data row: its number in the file and its cells by column (absent or blank: no entry). */
    record FileRow(int rowNo, Map<DmsColumn, String> cells) {

        String get(DmsColumn column) {
            String value = cells.get(column);
            return value == null ? "" : value;
        }
    }

    /** 422 for a file the import cannot read at all (nothing of it is imported). */
    static final class DmsFileProblem extends ApiException.Unprocessable {
        DmsFileProblem(String type, Object... arguments) {
            super(type, arguments);
        }
    }

    private DmsFile() {
    }

    static List<FileRow> read(byte[] content, Format format, ImportKind kind) {
        List<List<String>> table = table(content, format);
        if (table.isEmpty()) {
            throw new DmsFileProblem("dms-file-empty");
        }
        List<String> header = table.getFirst();
        Map<Integer, DmsColumn> columns = new java.util.HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            int at = i;
            DmsColumn.of(header.get(i)).ifPresent(c -> {
                if (!columns.containsValue(c)) {
                    columns.put(at, c);
                }
            });
        }
        String missing = kind.required().stream()
                .filter(c -> !columns.containsValue(c)).map(DmsColumn::header)
                .collect(Collectors.joining("、"));
        if (!missing.isEmpty()) {
            throw new DmsFileProblem("dms-file-columns", missing);
        }
        List<FileRow> rows = new ArrayList<>();
        for (int r = 1; r < table.size(); r++) {
            List<String> line = table.get(r);
            Map<DmsColumn, String> cells = new EnumMap<>(DmsColumn.class);
            columns.forEach((i, column) -> {
                if (i < line.size() && !line.get(i).isBlank()) {
                    cells.put(column, line.get(i).strip());
                }
            });
            if (!cells.isEmpty()) {
                rows.add(new FileRow(r + 1, cells));
            }
        }
        if (rows.isEmpty()) {
            throw new DmsFileProblem("dms-file-empty");
        }
        if (rows.size() > MAX_ROWS) {
            throw new DmsFileProblem("dms-file-too-long", MAX_ROWS);
        }
        return rows;
    }

    private static List<List<String>> table(byte[] content, Format format) {
        try {
            return SheetFile.read(content, format == Format.CSV ? SheetFile.Format.CSV : SheetFile.Format.XLSX);
        } catch (SheetFile.Unreadable e) {
            throw new DmsFileProblem("dms-file-unreadable");
        }
    }
}
