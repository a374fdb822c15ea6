package com.m4s.store.export;

import com.m4s.platform.money.Money;
import com.m4s.platform.security.Caller;
import com.m4s.platform.tenancy.Tenant;
import com.m4s.platform.tenancy.TenantContext;
import com.m4s.platform.time.StoreTime;
import com.m4s.platform.web.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Writes a list's rows as an .xlsx file into the response (decision 0024). The rows are never all in memory: the
 * feature reads them with a database cursor ({@code SqlPage.each}) and hands them over one at a time; POI's streaming
 * workbook keeps a window of {@value #WINDOW} rows and writes the others to a compressed temporary file, which is
 * zipped into the response at the end. Headers and texts are in the caller's language, times in the store's zone;
 * the file is named in that language with the store's date ({@code 会员_2026-12-03.xlsx}). Each export is logged: the
 * list, the store, who, how many rows.
 *
 * <p>Nothing reaches the response before every row has been read, so a failure while reading is an ordinary problem
 * response, not a broken file.
 */
@Component
public class ExcelExports {

    /** The media type of an .xlsx file. */
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** The most data rows one sheet holds (Excel's limit, less the header). */
    public static final int MAX_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows() - 1;
    private static final int WINDOW = 100;
    private static final Logger log = LoggerFactory.getLogger(ExcelExports.class);

    private final MessageSource messages;
    private final StoreTime storeTime;

    ExcelExports(MessageSource messages, StoreTime storeTime) {
        this.messages = messages;
        this.storeTime = storeTime;
    }

    /**
     * Reads the rows and answers them as an .xlsx attachment.
     *
     * @param rows reads every row of the export (in its own read-only transaction) and hands each to the given sink;
     *        answers how many it read
     */
    public <T> void write(HttpServletResponse response, ExcelTable<T> table, ToLongFunction<Consumer<T>> rows)
            throws IOException {
        long started = System.nanoTime();
        Locale locale = LocaleContextHolder.getLocale();
        ZoneId zone = storeTime.zone();
        String title = messages.getMessage(table.titleKey(), null, locale);
        SXSSFWorkbook book = new SXSSFWorkbook(WINDOW);
        try {
            book.setCompressTempFiles(true);
            SXSSFSheet sheet = book.createSheet(WorkbookUtil.createSafeSheetName(title));
            Map<ExcelColumn.Kind, CellStyle> styles = styles(book);
            List<ExcelColumn<T>> columns = table.columns();
            Row header = sheet.createRow(0);
            CellStyle headerStyle = headerStyle(book);
            for (int i = 0; i < columns.size(); i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(messages.getMessage(table.headerKey(columns.get(i)), null, locale));
                cell.setCellStyle(headerStyle);
                sheet.setColumnWidth(i, width(columns.get(i).kind()) * 256);
            }
            sheet.createFreezePane(0, 1);
            int[] last = {0};
            long count = rows.applyAsLong(row -> {
                if (last[0] >= MAX_ROWS) {
                    throw new ApiException.Unprocessable("export-too-large", MAX_ROWS);
                }
                Row line = sheet.createRow(++last[0]);
                for (int i = 0; i < columns.size(); i++) {
                    ExcelColumn<T> column = columns.get(i);
                    @Nullable Object value = column.value().apply(row);
                    if (value != null) {
                        // no value, no cell: Excel shows it empty and counts it as blank
                        write(line.createCell(i), column.kind(), value, styles, locale, zone);
                    }
                }
            });
            sheet.setAutoFilter(new CellRangeAddress(0, last[0], 0, columns.size() - 1));

            String fileName = title + "_" + storeTime.today() + ".xlsx";
            response.setContentType(XLSX);
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                    attachment(fileName, table.name() + "_" + storeTime.today() + ".xlsx"));
            response.setHeader(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag());
            // personal data: no cache on the way keeps a copy
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            book.write(response.getOutputStream());
            log.info("Export {} of store {} by {}: {} rows in {} ms", table.name(),
                    TenantContext.current().map(Tenant::storeCode).orElse("-"),
                    Caller.currentUsername(), count,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } finally {
            book.dispose();
            book.close();
        }
    }

    /**
     * {@code attachment} with the file's name twice: in UTF-8 by RFC 5987 ({@code filename*}), which every current
     * browser reads, and in ASCII ({@code filename}) for clients that do not.
     */
    static String attachment(String fileName, String asciiFallback) {
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + asciiFallback.replaceAll("[^A-Za-z0-9._-]", "_") + "\"; filename*=UTF-8''"
                + encoded;
    }

    private void write(Cell cell, ExcelColumn.Kind kind, Object value, Map<ExcelColumn.Kind, CellStyle> styles,
            Locale locale, ZoneId zone) {
        cell.setCellStyle(styles.get(kind));
        switch (kind) {
            case TEXT -> cell.setCellValue(text(value, locale));
            case INTEGER -> cell.setCellValue(((Number) value).doubleValue());
            case MONEY -> cell.setCellValue(yuan(value).doubleValue());
            case DATE_TIME -> cell.setCellValue(LocalDateTime.ofInstant((Instant) value, zone));
        }
    }

    private String text(Object value, Locale locale) {
        if (value instanceof MessageSourceResolvable message) {
            return messages.getMessage(message, locale);
        }
        if (value instanceof Collection<?> many) {
            return String.join("、", many.stream().map(one -> text(one, locale)).toList());
        }
        return value.toString();
    }

    private static BigDecimal yuan(Object value) {
        return switch (value) {
            case Money money when "CNY".equals(money.currency().getCurrencyCode()) -> money.amount();
            case Money money -> throw new IllegalArgumentException("only yuan are exported, not " + money);
            case BigDecimal amount -> amount;
            case Number whole -> BigDecimal.valueOf(whole.longValue());
            default -> throw new IllegalArgumentException("not an amount: " + value);
        };
    }

    private static Map<ExcelColumn.Kind, CellStyle> styles(SXSSFWorkbook book) {
        Map<ExcelColumn.Kind, CellStyle> styles = new EnumMap<>(ExcelColumn.Kind.class);
        short text = book.createDataFormat().getFormat("@");
        styles.put(ExcelColumn.Kind.TEXT, style(book, text));
        styles.put(ExcelColumn.Kind.INTEGER, style(book, book.createDataFormat().getFormat("0")));
        styles.put(ExcelColumn.Kind.MONEY, style(book, book.createDataFormat().getFormat("\"¥\"#,##0.00")));
        styles.put(ExcelColumn.Kind.DATE_TIME, style(book, book.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss")));
        return styles;
    }

    private static CellStyle style(SXSSFWorkbook book, short format) {
        CellStyle style = book.createCellStyle();
        style.setDataFormat(format);
        return style;
    }

    private static CellStyle headerStyle(SXSSFWorkbook book) {
        CellStyle style = book.createCellStyle();
        Font bold = book.createFont();
        bold.setBold(true);
        style.setFont(bold);
        return style;
    }

    /** Column width in characters: wide enough for the kind's usual values and a Chinese header. */
    private static int width(ExcelColumn.Kind kind) {
        return switch (kind) {
            case TEXT -> 24;
            case INTEGER -> 12;
            case MONEY -> 16;
            case DATE_TIME -> 20;
        };
    }
}
