package com.m4s.store.support;

import com.m4s.platform.servers.Api;
import com.m4s.platform.test.ServiceTest;

/** A store-console test; {@link #provision(String)} brings up the stores a test needs. */
public abstract class StoreConsoleTest extends ServiceTest {

    /** Provisions a store through the internal API and fails the test if that does not succeed. */
    protected void provision(String store) {
        Api.Response response = api().put("/internal/stores/" + store, "");
        if (response.status() != 200) {
            throw new AssertionError("provisioning " + store + " failed: " + response.raw());
        }
    }
}
