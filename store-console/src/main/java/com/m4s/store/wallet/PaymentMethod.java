package com.m4s.store.wallet;

/** How money came in at the desk, or went back out. */
public enum PaymentMethod {
    CASH, CARD, WECHAT_QR, ALIPAY_QR
}
