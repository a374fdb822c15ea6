package com.m4s.platform.audit;

import java.time.Clock;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.integrator.spi.Integrator;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/** Hooks {@link AuditListener} into a session factory; entries go to {@code audit_event} of the entities' schema. */
class AuditIntegrator implements Integrator {

    private final Clock clock;
    private final JsonMapper json;
    private final @Nullable String schema;

    /** @param schema the schema of the audited entities when they are not on the search path ({@code admin}) */
    AuditIntegrator(Clock clock, JsonMapper json, @Nullable String schema) {
        this.clock = clock;
        this.json = json;
        this.schema = schema;
    }

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext,
            SessionFactoryImplementor sessionFactory) {
        var listener = new AuditListener(clock, json, schema);
        EventListenerRegistry registry = sessionFactory.getServiceRegistry().requireService(EventListenerRegistry.class);
        registry.appendListeners(EventType.POST_INSERT, listener);
        registry.appendListeners(EventType.POST_UPDATE, listener);
        registry.appendListeners(EventType.POST_DELETE, listener);
    }
}
