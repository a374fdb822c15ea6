package com.m4s.store.repairorder.dmsimport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The import file's template: the columns of {@link DmsColumn} with their Chinese headers and a sample order of two
 * lines (labour and a part); for customers, their columns and two sample customers. Every cell is text, so Excel keeps phone numbers and times as written. The CSV is UTF-8
 * with a BOM, which Excel needs to show Chinese.
 */
final class DmsTemplates {

    private DmsTemplates() {
    }

    /** The sample's rows: the columns' samples, and a second line for a part of the same order. */
    static List<List<String>> rows(ImportKind kind) {
        if (kind == ImportKind.CUSTOMERS) {
            return List.of(kind.columns().stream().map(DmsColumn::templateHeader).toList(),
                    kind.columns().stream().map(DmsColumn::sample).toList(),
                    List.of("李四", "13900139000", "粤A66Q88", "LFV3A23C4K3012345", "迈腾", "18500"));
        }
        List<String> header = java.util.Arrays.stream(DmsColumn.values()).map(DmsColumn::templateHeader).toList();
        List<String> labour = java.util.Arrays.stream(DmsColumn.values()).map(DmsColumn::sample).toList();
        List<String> part = java.util.Arrays.stream(DmsColumn.values()).map(c -> switch (c) {
            case LINE_NO -> "2";
            case KIND -> "配件";
            case DESCRIPTION -> "机油滤清器";
            case PART_NUMBER -> "06J115403Q";
            case QUANTITY -> "1";
            case AMOUNT -> "86.50";
            case ACCOUNT_TYPE -> "保险";
            default -> c.sample();
        }).toList();
        return List.of(header, labour, part);
    }

    static byte[] csv(ImportKind kind) {
        String text = rows(kind).stream().map(row -> row.stream().map(DmsTemplates::quote)
                .collect(Collectors.joining(","))).collect(Collectors.joining("\r\n", "\uFEFF", "\r\n"));
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] xlsx(ImportKind kind) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(kind == ImportKind.CUSTOMERS ? "客户与车辆导入" : "工单导入");
            CellStyle text = book.createCellStyle();
            text.setDataFormat(book.createDataFormat().getFormat("@"));
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            List<List<String>> rows = rows(kind);
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Cell cell = row.createCell(c);
                    cell.setCellValue(rows.get(r).get(c));
                    cell.setCellStyle(r == 0 ? bold : text);
                }
            }
            for (int c = 0; c < rows.getFirst().size(); c++) {
                sheet.setDefaultColumnStyle(c, text);
                sheet.setColumnWidth(c, 18 * 256);
            }
            sheet.createFreezePane(0, 1);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String quote(String value) {
        return value.contains(",") || value.contains("\"") || value.contains("\n")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
