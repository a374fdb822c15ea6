package com.m4s.platform.money;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * An amount of money in one currency (CNY unless said otherwise), never a {@code double}.
 *
 * <p><b>Scale and rounding, stated once:</b> every amount has exactly {@value #SCALE} decimal places, the fen
 * (hundredths of the unit: fen for CNY, cents for USD). An amount with more places is refused, never rounded
 * silently. Only multiplying by a rate ({@link #times(BigDecimal)}) makes more places; its result is rounded to the
 * fen {@link #ROUNDING half up} (0.005 becomes 0.01, -0.005 becomes -0.01), as receipts in China are.
 *
 * <p>Arithmetic and comparison refuse two currencies ({@link CurrencyMismatch}); convert first. Currencies whose
 * minor unit is finer than the fen (BHD, KWD) are refused.
 *
 * <p>In entities an embeddable with columns {@code amount numeric(19,2)} and {@code currency varchar(3)}; rename
 * them with {@code @AttributeOverride}. In JSON {@code {"amount":"123.45","currency":"CNY"}}: the amount is a string,
 * so no float is ever on the wire, and reading refuses a number, a malformed amount or an unknown currency
 * ({@link MoneyJson}).
 */
@Embeddable
@JsonSerialize(using = MoneyJson.Writer.class)
@JsonDeserialize(using = MoneyJson.Reader.class)
@Schema(description = "An amount of money: a decimal string with at most two places, and an ISO 4217 currency",
        requiredProperties = {"amount", "currency"})
public record Money(
        @Column(name = "amount", precision = 19, scale = SCALE)
        @Schema(type = "string", pattern = MoneyJson.AMOUNT_PATTERN, example = "123.45",
                description = "Decimal string, at most two places; never a JSON number")
        BigDecimal amount,
        @Column(name = "currency", length = 3)
        @Schema(type = "string", pattern = "^[A-Z]{3}$", example = "CNY", description = "ISO 4217 code")
        Currency currency) implements Comparable<Money>, Serializable {

    /** Decimal places of every amount: the fen. */
    public static final int SCALE = 2;
    /** How a rate's result is brought back to the fen. */
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;
    public static final Currency CNY = Currency.getInstance("CNY");

    /** Amounts up to this many digits before the point (numeric(19,2)). */
    static final int INTEGER_DIGITS = 17;

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        int digits = currency.getDefaultFractionDigits();
        if (digits < 0 || digits > SCALE) {
            throw new IllegalArgumentException("currency " + currency + " is not kept to the fen");
        }
        if (amount.stripTrailingZeros().scale() > SCALE) {
            throw new IllegalArgumentException("amount " + amount.toPlainString() + " has more than " + SCALE
                    + " decimal places");
        }
        amount = amount.setScale(SCALE, RoundingMode.UNNECESSARY);
        if (amount.precision() - amount.scale() > INTEGER_DIGITS) {
            throw new IllegalArgumentException("amount " + amount.toPlainString() + " is too large");
        }
    }

    public static Money of(BigDecimal amount, Currency currency) {
        return new Money(amount, currency);
    }

    /** An amount written like {@code "123.45"}, in CNY. */
    public static Money cny(String amount) {
        return new Money(new BigDecimal(amount), CNY);
    }

    public static Money cny(BigDecimal amount) {
        return new Money(amount, CNY);
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** Whole fen in CNY, e.g. 12345 is 123.45 CNY; what payment providers call the smallest currency unit. */
    public static Money ofFen(long fen) {
        return ofFen(fen, CNY);
    }

    /** Whole hundredths of the currency's unit (fen, cents). */
    public static Money ofFen(long fen, Currency currency) {
        return new Money(BigDecimal.valueOf(fen, SCALE), currency);
    }

    /**
     * The amount in whole hundredths (fen for CNY), as payment providers take it. Refused for a currency without
     * hundredths (JPY), whose smallest unit is the unit itself.
     */
    public long toFen() {
        if (currency.getDefaultFractionDigits() != SCALE) {
            throw new IllegalStateException(currency + " has no hundredths; its smallest unit is the unit");
        }
        return amount.movePointRight(SCALE).longValueExact();
    }

    public Money plus(Money other) {
        return new Money(amount.add(sameCurrency(other).amount), currency);
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(sameCurrency(other).amount), currency);
    }

    /** This amount this many times (a price times a quantity): exact. */
    public Money times(long quantity) {
        return new Money(amount.multiply(BigDecimal.valueOf(quantity)), currency);
    }

    /** This amount times a rate (a discount of 0.85, a tax of 0.06), rounded to the fen {@link #ROUNDING half up}. */
    public Money times(BigDecimal rate) {
        return new Money(amount.multiply(rate).setScale(SCALE, ROUNDING), currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    @JsonIgnore
    public boolean isZero() {
        return amount.signum() == 0;
    }

    @JsonIgnore
    public boolean isNegative() {
        return amount.signum() < 0;
    }

    @JsonIgnore
    public boolean isPositive() {
        return amount.signum() > 0;
    }

    /** Orders amounts of one currency; refuses two currencies. */
    @Override
    public int compareTo(Money other) {
        return amount.compareTo(sameCurrency(other).amount);
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    public boolean isLessThan(Money other) {
        return compareTo(other) < 0;
    }

    /** {@code 123.45 CNY}: for logs and messages, not for parsing. */
    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }

    private Money sameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new CurrencyMismatch(this, other);
        }
        return other;
    }

    /** Two amounts of different currencies were added, subtracted or compared: a programming error. */
    public static final class CurrencyMismatch extends IllegalArgumentException {
        CurrencyMismatch(Money a, Money b) {
            super("cannot combine " + a + " with " + b + ": different currencies");
        }
    }
}
