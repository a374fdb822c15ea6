package com.m4s.platform.time;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.tenancy.Tenant;
import com.m4s.platform.tenancy.TenantContext;
import com.m4s.platform.tenancy.TenantRegistry;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.PastOrPresent;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StoreTimeTest {

    /** 16:30 UTC on 31 Dec 2030: already New Year's Day in Shanghai (UTC+8), still 31 Dec in London. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2030-12-31T16:30:00Z"), ZoneOffset.UTC);
    private static final Tenant SHANGHAI = Tenant.of("sh_store", "m4s_store_");
    private static final Tenant LONDON = Tenant.of("ldn_store", "m4s_store_");

    private final TenantRegistry registry = code -> Optional.ofNullable(Map.of(
            SHANGHAI.storeCode(), new TenantRegistry.Entry(SHANGHAI, TenantRegistry.Status.ACTIVE, null,
                    ZoneId.of("Asia/Shanghai")),
            LONDON.storeCode(), new TenantRegistry.Entry(LONDON, TenantRegistry.Status.ACTIVE, null,
                    ZoneId.of("Europe/London"))).get(code));
    private final StoreTime storeTime = new StoreTime(registry, CLOCK);

    record Purchase(@PastOrPresent LocalDate date) {
    }

    @Test
    void todayIsTheCurrentStoresCalendarDay() {
        assertThat(TenantContext.supplyAs(SHANGHAI, storeTime::today)).isEqualTo(LocalDate.of(2031, 1, 1));
        assertThat(TenantContext.supplyAs(LONDON, storeTime::today)).isEqualTo(LocalDate.of(2030, 12, 31));
        assertThat(TenantContext.supplyAs(SHANGHAI, storeTime::now).getHour()).isEqualTo(0);
        assertThat(TenantContext.supplyAs(SHANGHAI, storeTime::now).toInstant()).isEqualTo(CLOCK.instant());
    }

    @Test
    void aStoreTheRegistryDoesNotServeIsInTheDefaultZone() {
        assertThat(storeTime.zone("provisioning")).isEqualTo(StoreTime.DEFAULT_ZONE);
    }

    @Test
    void datesInRequestsAreJudgedByTheStoresDay() {
        Validator validator = Validation.byDefaultProvider().configure()
                .clockProvider(() -> new CurrentStoreClock(CLOCK, () -> storeTime))
                .buildValidatorFactory().getValidator();
        Purchase newYear = new Purchase(LocalDate.of(2031, 1, 1));

        assertThat(TenantContext.supplyAs(SHANGHAI, () -> validator.validate(newYear))).isEmpty();
        assertThat(TenantContext.supplyAs(LONDON, () -> validator.validate(newYear))).hasSize(1);
        assertThat(validator.validate(newYear)).as("outside a store: UTC").hasSize(1);
    }
}
