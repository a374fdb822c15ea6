package com.m4s.store.export;

import com.m4s.platform.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSourceResolvable;

/**
 * One column of an export: its name (the header is the bundle text {@code export.<table>.<name>} in the caller's
 * language), the kind of cell, and how a row gives its value. A null value is an empty cell.
 *
 * @param <T> the row, e.g. the list's summary record
 */
public record ExcelColumn<T>(String name, Kind kind, Function<? super T, ? extends @Nullable Object> value) {

    /** The kind of cell, which decides its type and format in Excel. */
    public enum Kind {
        /** Text; a {@link MessageSourceResolvable} is rendered in the caller's language, a collection joined. */
        TEXT,
        /** A whole number (count, kilometres, year), right-aligned, without decimals. */
        INTEGER,
        /** Yuan with two decimals and a ¥ sign: a {@link Money} in CNY, a {@link BigDecimal} or whole yuan. */
        MONEY,
        /** An {@link Instant} shown as date and time in the store's zone, as an Excel date (sortable, filterable). */
        DATE_TIME
    }

    public static <T> ExcelColumn<T> text(String name, Function<? super T, ? extends @Nullable Object> value) {
        return new ExcelColumn<>(name, Kind.TEXT, value);
    }

    /** A list of texts in one cell, joined with the Chinese list comma; an empty list is an empty cell. */
    public static <T> ExcelColumn<T> texts(String name,
            Function<? super T, ? extends Collection<? extends CharSequence>> value) {
        return new ExcelColumn<>(name, Kind.TEXT, row -> {
            Collection<? extends CharSequence> texts = value.apply(row);
            return texts.isEmpty() ? null : String.join("、", texts);
        });
    }

    public static <T> ExcelColumn<T> integer(String name, Function<? super T, ? extends @Nullable Number> value) {
        return new ExcelColumn<>(name, Kind.INTEGER, value);
    }

    public static <T> ExcelColumn<T> money(String name, Function<? super T, ? extends @Nullable Object> value) {
        return new ExcelColumn<>(name, Kind.MONEY, value);
    }

    public static <T> ExcelColumn<T> dateTime(String name, Function<? super T, ? extends @Nullable Instant> value) {
        return new ExcelColumn<>(name, Kind.DATE_TIME, value);
    }
}
