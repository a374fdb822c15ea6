package com.m4s.store.repairorder.dmsimport;

import com.m4s.platform.web.ApiException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads a DMS import file into rows of texts by column: CSV (UTF-8, with or without BOM; GB18030 when it is not
 * UTF-8, as Excel saves CSV on Chinese Windows) or .xlsx (the first sheet; dates as {@code yyyy-MM-dd HH:mm:ss},
 * numbers without grouping or trailing zeros). Row numbers are the file's, as Excel shows them (the header is row 1).
 * Blank rows are skipped.
 */
final class DmsFile {

    /** The most data rows a file may hold. */
    static final int MAX_ROWS = 50_000;
    private static final DateTimeFormatter CELL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

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

    static List<FileRow> read(byte[] content, Format format) {
        List<List<String>> table = switch (format) {
            case CSV -> csv(decode(content));
            case XLSX -> xlsx(content);
        };
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
        String missing = java.util.Arrays.stream(DmsColumn.values())
                .filter(c -> c.required() && !columns.containsValue(c)).map(DmsColumn::header)
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

    private static String decode(byte[] content) {
        int start = content.length >= 3 && (content[0] & 0xff) == 0xef && (content[1] & 0xff) == 0xbb
                && (content[2] & 0xff) == 0xbf ? 3 : 0;
        ByteBuffer bytes = ByteBuffer.wrap(content, start, content.length - start);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            return new String(content, Charset.forName("GB18030"));
        }
    }

    /** RFC 4180: fields separated by commas, quoted with {@code "} when they hold commas, quotes or line breaks. */
    static List<List<String>> csv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (!field.isEmpty() || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }

    private static List<List<String>> xlsx(byte[] content) {
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            if (book.getNumberOfSheets() == 0) {
                return List.of();
            }
            Sheet sheet = book.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            List<List<String>> rows = new ArrayList<>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        Cell cell = row.getCell(c);
                        cells.add(cell == null ? "" : text(cell, formatter));
                    }
                }
                rows.add(cells);
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            throw new DmsFileProblem("dms-file-unreadable");
        }
    }

    private static String text(Cell cell, DataFormatter formatter) {
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC) {
            if (DateUtil.isCellDateFormatted(cell)) {
                return CELL_TIME.format(cell.getLocalDateTimeCellValue());
            }
            return BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
        }
        if (type == CellType.STRING) {
            return cell.getRichStringCellValue().getString();
        }
        return formatter.formatCellValue(cell);
    }
}
