package com.m4s.store.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import com.m4s.platform.servers.Api;
import com.m4s.store.support.StoreConsoleTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Anyone may send sign-up requests naming any store code; codes of no store must leave nothing behind. */
class UnknownStoreCodeTest extends StoreConsoleTest {

    @Autowired
    TenantDirectory directory;

    @Test
    void anUnknownStoreCodeIsA404AndLeavesNoCacheEntry() {
        for (int i = 0; i < 20; i++) {
            Api.Response r = anonymous().post("/api/stores/no_store_" + i + "/owner-signup/codes",
                    Map.of("phone", "13600000201"));
            assertThat(r.status()).as(r.raw()).isEqualTo(404);
            assertThat(r.problemType()).isEqualTo("store-not-found");
        }

        for (int i = 0; i < 20; i++) {
            assertThat(directory.isCached("no_store_" + i)).as("no_store_" + i + " cached").isFalse();
        }
    }

    @Test
    void aKnownStoreIsStillCached() {
        provision("cache_known");

        anonymous().post("/api/stores/cache_known/owner-signup/codes", Map.of("phone", "13600000202"));

        assertThat(directory.isCached("cache_known")).isTrue();
    }
}
