package com.m4s.store.repairorder.dmsimport;

import com.m4s.platform.money.Money;
import com.m4s.platform.web.ApiException;
import com.m4s.store.points.AccountType;
import com.m4s.store.repairorder.LineKind;
import com.m4s.store.repairorder.RepairOrderRequests;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Turns the rows of a file into DMS orders: rows are grouped by 工单号 in the order they first appear; the order's own
 * fields are taken from the first row of the group that has them; its status is 已冲销 if any row says so, else
 * settled if any row is 已结算 or 已退款 (that line refunded), else 在修. A row that cannot be read rejects its whole
 * order (an order imported without one of its lines would earn the wrong points): the row with its reason, the
 * order's other rows as rejected with it.
 */
final class DmsOrders {

    private static final List<DateTimeFormatter> TIMES = List.of(
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"), DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"),
            DateTimeFormatter.ofPattern("yyyy/M/d HH:mm:ss"), DateTimeFormatter.ofPattern("yyyy/M/d H:mm"),
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss"));
    private static final Map<String, LineKind> KINDS = Map.of("工时", LineKind.LABOUR, "配件", LineKind.PART,
            "LABOUR", LineKind.LABOUR, "PART", LineKind.PART);
    private static final Map<String, AccountType> ACCOUNTS = Map.of("客户", AccountType.CUSTOMER,
            "索赔", AccountType.WARRANTY, "内部", AccountType.INTERNAL, "保险", AccountType.INSURANCE,
            "CUSTOMER", AccountType.CUSTOMER, "WARRANTY", AccountType.WARRANTY, "INTERNAL", AccountType.INTERNAL,
            "INSURANCE", AccountType.INSURANCE);

    /** A row's status in the DMS. */
    private enum RowStatus {
        OPEN, SETTLED, REFUNDED, REVERSED
    }

    private static final Map<String, RowStatus> STATUSES = Map.of("在修", RowStatus.OPEN, "已结算", RowStatus.SETTLED,
            "已退款", RowStatus.REFUNDED, "已冲销", RowStatus.REVERSED, "OPEN", RowStatus.OPEN,
            "SETTLED", RowStatus.SETTLED, "REFUNDED", RowStatus.REFUNDED, "REVERSED", RowStatus.REVERSED);

    /** The rows of one order number, in file order. */
    record Group(String dmsNumber, List<DmsFile.FileRow> rows) {
    }

    /** A row refused, and why. */
    record Refusal(DmsFile.FileRow row, ApiException reason) {
    }

    /** An order read from its group, or the rows that refuse it. */
    record Built(Group group, RepairOrderRequests.@Nullable DmsOrder order, List<Refusal> refusals) {
    }

    private DmsOrders() {
    }

    /** Groups by order number, in the order numbers first appear; a row without one is a group of its own. */
    static List<Group> group(List<DmsFile.FileRow> rows) {
        Map<String, List<DmsFile.FileRow>> groups = new LinkedHashMap<>();
        for (DmsFile.FileRow row : rows) {
            String number = row.get(DmsColumn.DMS_NUMBER);
            String key = number.isEmpty() ? "\u0000row-" + row.rowNo() : number;
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
        }
        return groups.entrySet().stream().map(e -> new Group(e.getValue().getFirst().get(DmsColumn.DMS_NUMBER),
                e.getValue())).toList();
    }

    static Built build(Group group, ZoneId zone) {
        List<Refusal> refusals = new ArrayList<>();
        List<RepairOrderRequests.DmsLine> lines = new ArrayList<>();
        RowStatus status = RowStatus.OPEN;
        for (DmsFile.FileRow row : group.rows()) {
            try {
                RowStatus rowStatus = pick(row, DmsColumn.STATUS, STATUSES);
                status = rowStatus == RowStatus.REVERSED || status == RowStatus.REVERSED ? RowStatus.REVERSED
                        : rowStatus != RowStatus.OPEN || status != RowStatus.OPEN ? RowStatus.SETTLED : RowStatus.OPEN;
                lines.add(line(row, rowStatus == RowStatus.REFUNDED));
                header(row, zone); // every row's order fields must read, though the first one's are used
            } catch (ApiException e) {
                refusals.add(new Refusal(row, e));
            }
        }
        if (!refusals.isEmpty()) {
            return rejectAll(group, refusals);
        }
        try {
            Instant settledAt = first(group, DmsColumn.SETTLED_AT, r -> time(r, DmsColumn.SETTLED_AT, zone));
            Instant openedAt = first(group, DmsColumn.OPENED_AT, r -> time(r, DmsColumn.OPENED_AT, zone));
            DmsFile.FileRow firstRow = group.rows().getFirst();
            if (openedAt == null) {
                openedAt = settledAt;
            }
            if (openedAt == null) {
                throw new DmsImportProblem("dms-import-time-missing", DmsColumn.OPENED_AT.header(),
                        DmsColumn.SETTLED_AT.header());
            }
            if (status != RowStatus.OPEN && settledAt == null) {
                throw new DmsImportProblem("dms-import-required", DmsColumn.SETTLED_AT.header());
            }
            RepairOrderRequests.DmsStatus dmsStatus = switch (status) {
                case OPEN -> RepairOrderRequests.DmsStatus.OPEN;
                case SETTLED, REFUNDED -> RepairOrderRequests.DmsStatus.SETTLED;
                case REVERSED -> RepairOrderRequests.DmsStatus.REVERSED;
            };
            String name = firstText(group, DmsColumn.CUSTOMER_NAME);
            String phone = firstText(group, DmsColumn.PHONE);
            String model = firstText(group, DmsColumn.MODEL);
            RepairOrderRequests.DmsCustomer customer = name == null && phone == null && model == null ? null
                    : new RepairOrderRequests.DmsCustomer(name, phone, model);
            Integer mileage = first(group, DmsColumn.MILEAGE, r -> whole(r, DmsColumn.MILEAGE, 10_000_000));
            RepairOrderRequests.DmsOrder order = new RepairOrderRequests.DmsOrder(
                    text(firstRow, DmsColumn.DMS_NUMBER, 50), null, customer, firstText(group, DmsColumn.PLATE),
                    firstText(group, DmsColumn.VIN), firstText(group, DmsColumn.ADVISOR), mileage, openedAt,
                    dmsStatus, dmsStatus == RepairOrderRequests.DmsStatus.OPEN ? null : settledAt, lines);
            return new Built(group, order, List.of());
        } catch (ApiException e) {
            return rejectAll(group, List.of(new Refusal(group.rows().getFirst(), e)));
        }
    }

    /** Every row of the group refused: those with their own reason, the others as rejected with them. */
    static Built rejectAll(Group group, List<Refusal> reasons) {
        Map<Integer, Refusal> byRow = reasons.stream()
                .collect(Collectors.toMap(r -> r.row().rowNo(), r -> r, (a, b) -> a));
        String bad = reasons.stream().map(r -> String.valueOf(r.row().rowNo())).distinct()
                .collect(Collectors.joining(", "));
        List<Refusal> all = group.rows().stream().map(row -> byRow.getOrDefault(row.rowNo(),
                new Refusal(row, new DmsImportProblem("dms-import-order-rejected", bad)))).toList();
        return new Built(group, null, all);
    }

    /** Validates the order's fields of a row (lengths, formats) without keeping them. */
    private static void header(DmsFile.FileRow row, ZoneId zone) {
        text(row, DmsColumn.DMS_NUMBER, 50);
        optional(row, DmsColumn.CUSTOMER_NAME, 64);
        optional(row, DmsColumn.PHONE, 20);
        optional(row, DmsColumn.PLATE, 20);
        optional(row, DmsColumn.VIN, 17);
        optional(row, DmsColumn.MODEL, 64);
        optional(row, DmsColumn.ADVISOR, 100);
        if (!row.get(DmsColumn.MILEAGE).isEmpty()) {
            whole(row, DmsColumn.MILEAGE, 10_000_000);
        }
        time(row, DmsColumn.OPENED_AT, zone);
        time(row, DmsColumn.SETTLED_AT, zone);
    }

    private static RepairOrderRequests.DmsLine line(DmsFile.FileRow row, boolean refunded) {
        int lineNo = Objects.requireNonNull(whole(row, DmsColumn.LINE_NO, 10_000));
        if (lineNo < 1) {
            throw new DmsImportProblem("dms-import-number", DmsColumn.LINE_NO.header(), row.get(DmsColumn.LINE_NO));
        }
        BigDecimal quantity = row.get(DmsColumn.QUANTITY).isEmpty() ? BigDecimal.ONE
                : decimal(row, DmsColumn.QUANTITY);
        if (quantity.signum() <= 0) {
            throw new DmsImportProblem("dms-import-number", DmsColumn.QUANTITY.header(), row.get(DmsColumn.QUANTITY));
        }
        BigDecimal amount = decimal(row, DmsColumn.AMOUNT);
        if (amount.signum() < 0 || amount.scale() > 2) {
            throw new DmsImportProblem("dms-import-amount", row.get(DmsColumn.AMOUNT));
        }
        String part = optional(row, DmsColumn.PART_NUMBER, 50);
        return new RepairOrderRequests.DmsLine(lineNo, pick(row, DmsColumn.KIND, KINDS),
                text(row, DmsColumn.DESCRIPTION, 200), part, quantity, Money.cny(amount),
                pick(row, DmsColumn.ACCOUNT_TYPE, ACCOUNTS), refunded);
    }

    private static <T> T pick(DmsFile.FileRow row, DmsColumn column, Map<String, T> values) {
        String value = required(row, column);
        String key = value.toUpperCase(Locale.ROOT);
        T found = values.get(key);
        if (found == null && (key.endsWith("帐") || key.endsWith("账"))) {
            found = values.get(key.substring(0, key.length() - 1));
        }
        if (found == null) {
            throw new DmsImportProblem("dms-import-value", column.header(), value,
                    values.keySet().stream().filter(k -> !k.matches("[A-Z]+")).sorted().collect(Collectors.joining("/")));
        }
        return found;
    }

    private static String required(DmsFile.FileRow row, DmsColumn column) {
        String value = row.get(column);
        if (value.isEmpty()) {
            throw new DmsImportProblem("dms-import-required", column.header());
        }
        return value;
    }

    private static String text(DmsFile.FileRow row, DmsColumn column, int max) {
        String value = required(row, column);
        if (value.length() > max) {
            throw new DmsImportProblem("dms-import-too-long", column.header(), max);
        }
        return value;
    }

    private static @Nullable String optional(DmsFile.FileRow row, DmsColumn column, int max) {
        String value = row.get(column);
        if (value.length() > max) {
            throw new DmsImportProblem("dms-import-too-long", column.header(), max);
        }
        return value.isEmpty() ? null : value;
    }

    private static @Nullable String firstText(Group group, DmsColumn column) {
        return group.rows().stream().map(r -> r.get(column)).filter(v -> !v.isEmpty()).findFirst().orElse(null);
    }

    private static <T> @Nullable T first(Group group, DmsColumn column,
            java.util.function.Function<DmsFile.FileRow, @Nullable T> read) {
        for (DmsFile.FileRow row : group.rows()) {
            if (!row.get(column).isEmpty()) {
                return read.apply(row);
            }
        }
        return null;
    }

    private static BigDecimal decimal(DmsFile.FileRow row, DmsColumn column) {
        String value = required(row, column);
        try {
            return new BigDecimal(value.replace("¥", "").replace("￥", "").replace(",", "").strip());
        } catch (NumberFormatException e) {
            throw new DmsImportProblem("dms-import-number", column.header(), value);
        }
    }

    private static @Nullable Integer whole(DmsFile.FileRow row, DmsColumn column, int max) {
        BigDecimal value = decimal(row, column);
        try {
            int whole = value.intValueExact();
            if (whole < 0 || whole > max) {
                throw new DmsImportProblem("dms-import-number", column.header(), row.get(column));
            }
            return whole;
        } catch (ArithmeticException e) {
            throw new DmsImportProblem("dms-import-number", column.header(), row.get(column));
        }
    }

    /** A time of the store's day ({@code 2026-12-01 16:45[:00]}, or a date alone: its start); null when blank. */
    private static @Nullable Instant time(DmsFile.FileRow row, DmsColumn column, ZoneId zone) {
        String value = row.get(column);
        if (value.isEmpty()) {
            return null;
        }
        for (DateTimeFormatter format : TIMES) {
            try {
                return LocalDateTime.parse(value, format).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                // the next format
            }
        }
        try {
            return LocalDate.parse(value.replace('/', '-')).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new DmsImportProblem("dms-import-time", column.header(), value);
        }
    }

    /** A row's problem: 422 with its own type; its text names the column as the file heads it. */
    static final class DmsImportProblem extends ApiException.Unprocessable {
        DmsImportProblem(String type, Object... arguments) {
            super(type, arguments);
        }
    }
}
