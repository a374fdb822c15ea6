package com.m4s.store.repairorder;

/** What a repair order line is. */
public enum LineKind {
    /** 工时: workshop labour. */
    LABOUR,
    /** 配件: a part. */
    PART
}
