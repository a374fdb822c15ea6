package com.m4s.store.stockalert;

import com.m4s.platform.security.Permission;

/** What an alert is about; the staff who keep such items are told. */
public enum StockItemKind {
    /** A product of the mall (its SKU, for low stock): those who keep the mall. */
    PRODUCT(Permission.MALL_MANAGE),
    /** A gift of the warehouse: those who keep the gifts. */
    GIFT(Permission.GIFT_MANAGE);

    private final Permission keepers;

    StockItemKind(Permission keepers) {
        this.keepers = keepers;
    }

    /** The permission of the staff told about items of this kind. */
    public Permission keepers() {
        return keepers;
    }
}
