package com.m4s.platform.money;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The OpenAPI schema springdoc derives for Money (OpenAPI 3.1, as the services publish) says what the JSON is. */
class MoneySchemaTest {

    record Order(Money price) {
    }

    @Test
    @SuppressWarnings("rawtypes")
    void describesTheAmountAndTheCurrencyAsStringsWithTheirPatterns() {
        Map<String, Schema> schemas = ModelConverters.getInstance(true)
                .readAll(new AnnotatedType(Order.class));

        Schema money = schemas.get("Money");
        assertThat(money).as("schemas: " + schemas.keySet()).isNotNull();
        Schema amount = (Schema) money.getProperties().get("amount");
        Schema currency = (Schema) money.getProperties().get("currency");
        assertThat(types(amount)).containsExactly("string");
        assertThat(amount.getPattern()).isEqualTo(MoneyJson.AMOUNT_PATTERN);
        assertThat(Pattern.matches(amount.getPattern(), "123.45")).isTrue();
        assertThat(types(currency)).containsExactly("string");
        assertThat(currency.getPattern()).isEqualTo("^[A-Z]{3}$");
        assertThat(money.getRequired()).containsExactlyInAnyOrder("amount", "currency");
        assertThat(money.getProperties()).containsOnlyKeys("amount", "currency");
    }

    @SuppressWarnings("rawtypes")
    private static java.util.Set<String> types(Schema schema) {
        return schema.getTypes() != null ? schema.getTypes() : java.util.Set.of(String.valueOf(schema.getType()));
    }
}
