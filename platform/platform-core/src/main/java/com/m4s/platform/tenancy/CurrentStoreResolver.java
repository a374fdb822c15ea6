package com.m4s.platform.tenancy;

import org.hibernate.context.spi.CurrentTenantIdentifierResolver;

/**
 * Hibernate asks this which store a session belongs to. Without a store the session may still be opened (Spring
 * Data validates queries at start-up that way), but it is marked {@link #NO_STORE} and
 * {@link SchemaPerTenantConnectionProvider} refuses it a connection, so it can never read or write.
 */
public class CurrentStoreResolver implements CurrentTenantIdentifierResolver<String> {

    /** Not a valid store code, so it can never collide with a store. */
    public static final String NO_STORE = "-";

    @Override
    public String resolveCurrentTenantIdentifier() {
        return TenantContext.current().map(Tenant::storeCode).orElse(NO_STORE);
    }

    @Override
    public boolean validateExistingCurrentSessions() {
        return true;
    }
}
