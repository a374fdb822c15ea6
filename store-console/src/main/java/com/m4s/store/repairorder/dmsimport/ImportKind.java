package com.m4s.store.repairorder.dmsimport;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a DMS file holds: repair order lines (one row per line, grouped by order number), or the store's customers
 * and their vehicles (one row per customer and vehicle), matched and made as the orders' customers are.
 */
enum ImportKind {
    REPAIR_ORDERS(EnumSet.of(DmsColumn.DMS_NUMBER, DmsColumn.LINE_NO, DmsColumn.KIND, DmsColumn.DESCRIPTION,
            DmsColumn.AMOUNT, DmsColumn.ACCOUNT_TYPE, DmsColumn.STATUS),
            java.util.Arrays.asList(DmsColumn.values())),
    CUSTOMERS(EnumSet.of(DmsColumn.CUSTOMER_NAME, DmsColumn.PHONE),
            java.util.List.of(DmsColumn.CUSTOMER_NAME, DmsColumn.PHONE, DmsColumn.PLATE, DmsColumn.VIN,
                    DmsColumn.MODEL, DmsColumn.MILEAGE));

    private final Set<DmsColumn> required;
    private final java.util.List<DmsColumn> columns;

    ImportKind(Set<DmsColumn> required, java.util.List<DmsColumn> columns) {
        this.required = required;
        this.columns = columns;
    }

    /** The columns a file of this kind must have. */
    Set<DmsColumn> required() {
        return required;
    }

    /** The columns of this kind's template, in order. */
    java.util.List<DmsColumn> columns() {
        return columns;
    }
}
