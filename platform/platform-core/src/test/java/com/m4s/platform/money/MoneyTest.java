package com.m4s.platform.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class MoneyTest {

    private static final Currency USD = Currency.getInstance("USD");

    @Test
    void everyAmountIsKeptToTheFen() {
        assertThat(Money.cny("12.5").amount()).isEqualByComparingTo("12.50").hasScaleOf(2);
        assertThat(Money.cny("7").amount().toPlainString()).isEqualTo("7.00");
        assertThat(Money.cny("12.50")).isEqualTo(Money.cny("12.5"));
        assertThat(Money.cny("1E+3").amount().toPlainString()).isEqualTo("1000.00");
    }

    @Test
    void anAmountFinerThanTheFenIsRefusedNotRounded() {
        assertThatThrownBy(() -> Money.cny("0.005")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than 2 decimal places");
        assertThat(Money.cny("0.010")).isEqualTo(Money.ofFen(1));
    }

    @Test
    void currenciesFinerThanTheFenAndTooLargeAmountsAreRefused() {
        assertThatThrownBy(() -> Money.of(BigDecimal.ONE, Currency.getInstance("BHD")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.cny("123456789012345678")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too large");
        assertThat(Money.cny("92233720368547758.07").toFen()).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> Money.cny("99999999999999999.99").toFen()).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void addsSubtractsAndMultipliesByQuantitiesExactly() {
        Money price = Money.cny("19.99");

        assertThat(price.plus(Money.cny("0.01"))).isEqualTo(Money.cny("20.00"));
        assertThat(price.minus(Money.cny("20"))).isEqualTo(Money.cny("-0.01"));
        assertThat(price.times(3)).isEqualTo(Money.cny("59.97"));
        assertThat(price.negate()).isEqualTo(Money.cny("-19.99"));
        assertThat(Money.cny("0.1").plus(Money.cny("0.2"))).isEqualTo(Money.cny("0.3"));
    }

    @Test
    void aRateIsRoundedToTheFenHalfUp() {
        assertThat(Money.cny("0.15").times(new BigDecimal("0.5"))).isEqualTo(Money.cny("0.08"));
        assertThat(Money.cny("0.25").times(new BigDecimal("0.5"))).isEqualTo(Money.cny("0.13"));
        assertThat(Money.cny("-0.15").times(new BigDecimal("0.5"))).isEqualTo(Money.cny("-0.08"));
        assertThat(Money.cny("0.14").times(new BigDecimal("0.5"))).isEqualTo(Money.cny("0.07"));
        assertThat(Money.cny("99.99").times(new BigDecimal("0.85"))).isEqualTo(Money.cny("84.99"));
    }

    @Test
    void twoCurrenciesAreNeverCombinedOrCompared() {
        Money yuan = Money.cny("1.00");
        Money dollar = Money.of(BigDecimal.ONE, USD);

        assertThatThrownBy(() -> yuan.plus(dollar)).isInstanceOf(Money.CurrencyMismatch.class)
                .hasMessageContaining("1.00 CNY").hasMessageContaining("1.00 USD");
        assertThatThrownBy(() -> yuan.minus(dollar)).isInstanceOf(Money.CurrencyMismatch.class);
        assertThatThrownBy(() -> yuan.compareTo(dollar)).isInstanceOf(Money.CurrencyMismatch.class);
        assertThat(yuan).isNotEqualTo(dollar);
    }

    @Test
    void comparesAndTellsTheSign() {
        assertThat(List.of(Money.cny("3"), Money.cny("-1"), Money.cny("2")).stream().sorted().toList())
                .containsExactly(Money.cny("-1"), Money.cny("2"), Money.cny("3"));
        assertThat(Money.cny("2").isGreaterThan(Money.cny("1.99"))).isTrue();
        assertThat(Money.cny("2").isLessThan(Money.cny("2.00"))).isFalse();
        assertThat(Money.zero(Money.CNY).isZero()).isTrue();
        assertThat(Money.cny("-0.01").isNegative()).isTrue();
        assertThat(Money.cny("0.01").isPositive()).isTrue();
    }

    @Test
    void fenAreTheWholeHundredthsPaymentProvidersTake() {
        assertThat(Money.ofFen(12345)).isEqualTo(Money.cny("123.45"));
        assertThat(Money.cny("123.45").toFen()).isEqualTo(12345);
        assertThat(Money.cny("-0.07").toFen()).isEqualTo(-7);
        assertThat(Money.ofFen(199, USD).toString()).isEqualTo("1.99 USD");
        assertThatThrownBy(() -> Money.of(BigDecimal.TEN, Currency.getInstance("JPY")).toFen())
                .isInstanceOf(IllegalStateException.class);
    }
}
