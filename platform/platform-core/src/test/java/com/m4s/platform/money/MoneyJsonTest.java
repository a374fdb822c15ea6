package com.m4s.platform.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class MoneyJsonTest {

    record Order(Money price) {
    }

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void isWrittenWithTheAmountAsAStringOfTwoPlaces() {
        assertThat(json.writeValueAsString(new Order(Money.cny("123.4"))))
                .isEqualTo("{\"price\":{\"amount\":\"123.40\",\"currency\":\"CNY\"}}");
        assertThat(json.writeValueAsString(Money.cny("1E+7"))).isEqualTo("{\"amount\":\"10000000.00\",\"currency\":\"CNY\"}");
    }

    @Test
    void readsBackWhatItWrites() {
        Money money = Money.of(new BigDecimal("-0.05"), Currency.getInstance("USD"));

        assertThat(json.readValue(json.writeValueAsString(money), Money.class)).isEqualTo(money);
        assertThat(json.readValue("{\"price\":{\"amount\":\"8\",\"currency\":\"JPY\"}}", Order.class).price())
                .isEqualTo(Money.of(new BigDecimal("8.00"), Currency.getInstance("JPY")));
    }

    @Test
    void aMissingCurrencyIsYuan() {
        assertThat(json.readValue("{\"amount\":\"5.5\"}", Money.class)).isEqualTo(Money.cny("5.50"));
    }

    @Test
    void refusesANumberForTheAmountNamingTheField() {
        assertThatThrownBy(() -> json.readValue("{\"price\":{\"amount\":123.45,\"currency\":\"CNY\"}}", Order.class))
                .isInstanceOfSatisfying(MoneyJson.InvalidMoney.class, e -> {
                    assertThat(e.getOriginalMessage()).contains("\"123.45\"").contains("not a JSON number");
                    assertThat(e.getPath()).extracting(r -> r.getPropertyName()).containsExactly("price", "amount");
                });
        assertThatThrownBy(() -> json.readValue("{\"amount\":12,\"currency\":\"CNY\"}", Money.class))
                .isInstanceOf(MoneyJson.InvalidMoney.class);
    }

    @Test
    void refusesMalformedAmounts() {
        for (String amount : new String[] {"\"12.345\"", "\"1e5\"", "\" 1.00\"", "\"1,00\"", "\"\"", "null", "true",
                "\"123456789012345678\""}) {
            assertThatThrownBy(() -> json.readValue("{\"amount\":" + amount + "}", Money.class)).as(amount)
                    .isInstanceOf(MoneyJson.InvalidMoney.class);
        }
    }

    @Test
    void refusesUnknownOrTooFineCurrenciesAndOtherShapes() {
        for (String body : new String[] {"{\"amount\":\"1.00\",\"currency\":\"XYZ\"}",
                "{\"amount\":\"1.00\",\"currency\":\"cny\"}", "{\"amount\":\"1.00\",\"currency\":\"BHD\"}",
                "{\"amount\":\"1.00\",\"currency\":156}", "{\"amount\":\"1.00\",\"currency\":\"CNY\",\"fen\":100}",
                "\"1.00\"", "1.00"}) {
            assertThatThrownBy(() -> json.readValue(body, Money.class)).as(body)
                    .isInstanceOf(MoneyJson.InvalidMoney.class);
        }
    }
}
