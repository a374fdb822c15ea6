package com.m4s.store.points;

/** Who pays a repair order line (the DMS's account types); each earns points at its own rate. */
public enum AccountType {
    /** 客户帐: the customer pays. */
    CUSTOMER,
    /** 索赔帐: the manufacturer pays (warranty claims). */
    WARRANTY,
    /** 内部帐: the store itself pays. */
    INTERNAL,
    /** 保险帐: an insurer pays. */
    INSURANCE
}
