package com.m4s.store.payment;

/** How an owner pays a payment's online part, through Stripe on the dealer group's account. */
public enum OnlineMethod {
    /** WeChat Pay: a QR code to scan (Stripe type {@code wechat_pay}). */
    WECHAT_PAY("wechat_pay"),
    /** Alipay: a redirect to Alipay and back (Stripe type {@code alipay}). */
    ALIPAY("alipay"),
    /**
     * A bank card typed into Stripe.js in the owner's browser, which confirms the intent with Stripe itself (the
     * number never reaches our servers); offered only where the publishable key is configured.
     */
    CARD("card");

    private final String stripeType;

    OnlineMethod(String stripeType) {
        this.stripeType = stripeType;
    }

    /** Stripe's payment method type. */
    public String stripeType() {
        return stripeType;
    }
}
