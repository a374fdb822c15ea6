package com.m4s.store.export;

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
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads an uploaded table as rows of texts, the header row first: CSV (UTF-8, with or without BOM; GB18030 when it is
 * not UTF-8, as Excel saves CSV on Chinese Windows) or .xlsx (the first sheet; dates as {@code yyyy-MM-dd HH:mm:ss},
 * numbers without grouping or trailing zeros). The DMS import and the point campaigns' member lists read files
 * through it; each feature maps the header to its own columns and reports its own problems.
 */
public final class SheetFile {

    private static final DateTimeFormatter CELL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** The kinds of file read. */
    public enum Format {
        CSV, XLSX;

        /** By the file's name; empty for any other kind of file. */
        public static Optional<Format> of(String fileName) {
            String name = fileName.toLowerCase(Locale.ROOT);
            return name.endsWith(".csv") ? Optional.of(CSV) : name.endsWith(".xlsx") ? Optional.of(XLSX)
                    : Optional.empty();
        }
    }

    /** A file that cannot be read as its format at all. */
    public static final class Unreadable extends RuntimeException {
        Unreadable(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }

    private SheetFile() {
    }

    /** The file's rows, header included, each as its cells' texts ({@link Unreadable} when it cannot be read). */
    public static List<List<String>> read(byte[] content, Format format) {
        return switch (format) {
            case CSV -> csv(decode(content));
            case XLSX -> xlsx(content);
        };
    }

    static String decode(byte[] content) {
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
    public static List<List<String>> csv(String text) {
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
            throw new Unreadable(e);
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
