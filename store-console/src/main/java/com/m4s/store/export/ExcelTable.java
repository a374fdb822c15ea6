package com.m4s.store.export;

import java.util.List;

/**
 * What an export of one list holds: its name and its columns. The texts come from the service's message bundles in
 * the caller's language: {@code export.<name>.title} names the sheet and the file ({@code 会员_2026-12-03.xlsx}),
 * {@code export.<name>.<column>} heads a column.
 *
 * @param name the list, e.g. {@code members}; also the export's name in logs
 */
public record ExcelTable<T>(String name, List<ExcelColumn<T>> columns) {

    public ExcelTable {
        columns = List.copyOf(columns);
    }

    @SafeVarargs
    public static <T> ExcelTable<T> of(String name, ExcelColumn<T>... columns) {
        return new ExcelTable<>(name, List.of(columns));
    }

    String titleKey() {
        return "export." + name + ".title";
    }

    String headerKey(ExcelColumn<T> column) {
        return "export." + name + "." + column.name();
    }
}
