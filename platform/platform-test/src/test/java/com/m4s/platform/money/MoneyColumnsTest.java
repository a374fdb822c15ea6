package com.m4s.platform.money;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.test.TestPostgres;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Currency;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Money as a JPA embeddable on a real PostgreSQL: columns {@code amount numeric(19,2)} and {@code currency varchar(3)},
 * renamed with {@code @AttributeOverride} for a second amount; Hibernate validates the mapping against the table.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MoneyColumnsTest {

    @Entity
    @Table(name = "priced")
    static class Priced {
        @Id
        UUID id = UUID.randomUUID();
        @Embedded
        Money price = Money.zero(Money.CNY);
        @Embedded
        @AttributeOverride(name = "amount", column = @Column(name = "deposit_amount", precision = 19, scale = 2))
        @AttributeOverride(name = "currency", column = @Column(name = "deposit_currency", length = 3))
        @Nullable Money deposit;
    }

    private TestPostgres.Database database;
    private SessionFactory sessions;

    @BeforeAll
    void table() throws Exception {
        database = TestPostgres.newDatabase();
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute("""
                    create table priced (id uuid primary key, amount numeric(19,2) not null, currency varchar(3) not null,
                      deposit_amount numeric(19,2), deposit_currency varchar(3))""");
        }
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                .applySetting(AvailableSettings.JAKARTA_JDBC_URL, database.url())
                .applySetting(AvailableSettings.JAKARTA_JDBC_USER, database.username())
                .applySetting(AvailableSettings.JAKARTA_JDBC_PASSWORD, database.password())
                .applySetting(AvailableSettings.HBM2DDL_AUTO, "validate")
                .build();
        sessions = new MetadataSources(registry).addAnnotatedClass(Priced.class).buildMetadata().buildSessionFactory();
    }

    @AfterAll
    void close() {
        if (sessions != null) {
            sessions.close();
        }
    }

    @Test
    void anAmountIsStoredToTheFenInItsColumnsAndReadBack() throws Exception {
        Priced priced = new Priced();
        priced.price = Money.cny("123.4");
        priced.deposit = Money.of(new java.math.BigDecimal("-0.05"), Currency.getInstance("USD"));
        sessions.inTransaction(s -> s.persist(priced));

        Priced read = sessions.fromTransaction(s -> s.find(Priced.class, priced.id));

        assertThat(read.price).isEqualTo(Money.cny("123.40"));
        assertThat(read.deposit).isEqualTo(priced.deposit);
        try (Connection c = database.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select amount::text, currency, deposit_amount::text, deposit_currency"
                        + " from priced where id = '" + priced.id + "'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("123.40");
            assertThat(rs.getString(2)).isEqualTo("CNY");
            assertThat(rs.getString(3)).isEqualTo("-0.05");
            assertThat(rs.getString(4)).isEqualTo("USD");
        }
    }

    @Test
    void noAmountIsNoMoney() {
        Priced priced = new Priced();
        sessions.inTransaction(s -> s.persist(priced));

        Priced read = sessions.fromTransaction(s -> s.find(Priced.class, priced.id));

        assertThat(read.deposit).isNull();
        assertThat(read.price.isZero()).isTrue();
    }
}
