package com.m4s.platform.money;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * {@link Money} in JSON: {@code {"amount":"123.45","currency":"CNY"}}. The amount is always a string with exactly two
 * places when written. Reading takes a string with at most two places (a JSON number is refused, so a float never
 * carries money) and an ISO 4217 code; a missing currency is CNY. Anything else is an {@link InvalidMoney}, which the
 * services answer with a 400 problem naming the field.
 */
public final class MoneyJson {

    /** What an amount looks like on the wire: optional minus, up to 17 digits, up to two places. */
    public static final String AMOUNT_PATTERN = "^-?[0-9]{1,17}(\\.[0-9]{1,2})?$";

    private static final Pattern AMOUNT = Pattern.compile(AMOUNT_PATTERN);
    private static final Pattern CODE = Pattern.compile("[A-Z]{3}");
    private static final Set<String> FIELDS = Set.of("amount", "currency");

    private MoneyJson() {
    }

    static final class Writer extends ValueSerializer<Money> {
        @Override
        public void serialize(Money value, JsonGenerator gen, SerializationContext ctxt) throws JacksonException {
            gen.writeStartObject();
            gen.writeStringProperty("amount", value.amount().toPlainString());
            gen.writeStringProperty("currency", value.currency().getCurrencyCode());
            gen.writeEndObject();
        }
    }

    static final class Reader extends ValueDeserializer<Money> {
        @Override
        public Money deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            JsonNode node = ctxt.readTree(p);
            if (!node.isObject()) {
                throw new InvalidMoney(p, "object",
                        "money is an object like {\"amount\":\"123.45\",\"currency\":\"CNY\"}");
            }
            for (String name : node.propertyNames()) {
                if (!FIELDS.contains(name)) {
                    throw invalid(p, name, "fields", "money has only 'amount' and 'currency'");
                }
            }
            JsonNode amount = node.path("amount");
            if (!amount.isString() || !AMOUNT.matcher(amount.asString()).matches()) {
                throw invalid(p, "amount", amount.isNumber() ? "amount-number" : "amount",
                        "the amount is a string of digits with at most two decimal places, like \"123.45\""
                                + (amount.isNumber() ? ", not a JSON number" : ""));
            }
            JsonNode code = node.path("currency");
            @Nullable Currency currency = Money.CNY;
            if (!code.isMissingNode() && !code.isNull()) {
                currency = code.isString() ? currency(code.asString()) : null;
                if (currency == null) {
                    throw invalid(p, "currency", "currency",
                            "the currency is an ISO 4217 code kept to the fen, like \"CNY\"");
                }
            }
            return new Money(new BigDecimal(amount.asString()), currency);
        }

        private static @Nullable Currency currency(String code) {
            if (!CODE.matcher(code).matches()) {
                return null;
            }
            try {
                Currency currency = Currency.getInstance(code);
                int digits = currency.getDefaultFractionDigits();
                return digits >= 0 && digits <= Money.SCALE ? currency : null;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        private static InvalidMoney invalid(JsonParser p, String field, String reason, String message) {
            InvalidMoney e = new InvalidMoney(p, reason, message);
            e.prependPath(Money.class, field);
            return e;
        }
    }

    /**
     * A money value in a request that is not one; its message says what is expected, in English, and its
     * {@link #reason() reason} names that text in the problem bundles
     * ({@code problem.malformed-request.money.<reason>}).
     */
    public static final class InvalidMoney extends MismatchedInputException {
        private final String reason;

        InvalidMoney(JsonParser p, String reason, String message) {
            super(p, message, Money.class);
            this.reason = reason;
        }

        /** {@code object}, {@code fields}, {@code amount}, {@code amount-number} or {@code currency}. */
        public String reason() {
            return reason;
        }
    }
}
