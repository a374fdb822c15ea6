package com.m4s.store.repairorder.dmsimport;

import java.util.Locale;
import java.util.Optional;

/**
 * The columns of a DMS import file, one row per repair order line or per customer (decision 0030; which a file
 * must have: {@link ImportKind}). A file names them in its first
 * row by the Chinese header (a note in brackets after it is allowed: {@code 类型(工时/配件)}) or by the English key;
 * their order does not matter and other columns are ignored.
 */
enum DmsColumn {
    DMS_NUMBER("工单号", "dmsNumber", "RO-20261201-001"),
    OPENED_AT("开单时间", "openedAt", "2026-12-01 09:30"),
    SETTLED_AT("结算时间", "settledAt", "2026-12-01 16:45"),
    CUSTOMER_NAME("客户姓名", "customerName", "张三"),
    PHONE("手机号", "phone", "13800138000"),
    PLATE("车牌号", "plate", "粤B12345"),
    VIN("VIN", "vin", "LSVAM4187C2184847"),
    MODEL("车型", "vehicleModel", "帕萨特"),
    MILEAGE("里程", "mileageKm", "42000"),
    ADVISOR("服务顾问", "advisor", "李顾问"),
    LINE_NO("行号", "lineNo", "1"),
    KIND("类型", "kind", "工时"),
    DESCRIPTION("项目/配件名称", "description", "常规保养"),
    PART_NUMBER("配件编号", "partNumber", ""),
    QUANTITY("数量", "quantity", "1"),
    AMOUNT("金额", "amount", "380.00"),
    ACCOUNT_TYPE("账户类型", "accountType", "客户"),
    STATUS("状态", "status", "已结算");

    private final String header;
    private final String key;
    private final String sample;

    DmsColumn(String header, String key, String sample) {
        this.header = header;
        this.key = key;
        this.sample = sample;
    }

    /** The Chinese header of the template, with the values the column takes where they are a fixed set. */
    String templateHeader() {
        return switch (this) {
            case KIND -> header + "(工时/配件)";
            case ACCOUNT_TYPE -> header + "(客户/索赔/内部/保险)";
            case STATUS -> header + "(在修/已结算/已退款/已冲销)";
            default -> header;
        };
    }

    String header() {
        return header;
    }

    String sample() {
        return sample;
    }

    /** The column a header cell names, if any. */
    static Optional<DmsColumn> of(String cell) {
        String name = cell.strip();
        int note = indexOfAny(name, '(', '（');
        if (note > 0) {
            name = name.substring(0, note).strip();
        }
        for (DmsColumn column : values()) {
            if (column.header.equals(name) || column.key.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }

    private static int indexOfAny(String text, char a, char b) {
        int i = text.indexOf(a);
        int j = text.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }
}
