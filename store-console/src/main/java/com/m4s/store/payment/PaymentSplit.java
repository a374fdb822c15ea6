package com.m4s.store.payment;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How a refund is shared among what is left of a payment's parts (decision 0045): each part gets its share of the
 * refund in proportion to what is left of it, rounded down, and the fen rounding leaves go one each to the parts with
 * the largest remainders (the first part on a tie). No part gets more than is left of it, the shares add up to the
 * refund exactly, and a refund of everything left returns every part whole — so any sequence of partial refunds
 * returns exactly what was paid, part by part.
 */
final class PaymentSplit {

    private PaymentSplit() {
    }

    /** {@code amount} of {@code left} (the parts' sum) shared among the parts. */
    static long[] share(long amount, long[] left) {
        long whole = 0;
        for (long part : left) {
            if (part < 0) {
                throw new IllegalArgumentException("negative part");
            }
            whole += part;
        }
        if (amount < 0 || amount > whole) {
            throw new IllegalArgumentException("refund " + amount + " of " + whole);
        }
        long[] shares = new long[left.length];
        if (amount == 0) {
            return shares;
        }
        BigInteger[] remainders = new BigInteger[left.length];
        long given = 0;
        for (int i = 0; i < left.length; i++) {
            BigInteger[] qr = BigInteger.valueOf(left[i]).multiply(BigInteger.valueOf(amount))
                    .divideAndRemainder(BigInteger.valueOf(whole));
            shares[i] = qr[0].longValueExact();
            remainders[i] = qr[1];
            given += shares[i];
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < left.length; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> remainders[i]).reversed().thenComparing(i -> i));
        for (int k = 0; given < amount; k++) {
            int i = order.get(k);
            // a part with a remainder is below its exact share, which is at most what is left of it
            shares[i]++;
            given++;
        }
        return shares;
    }
}
