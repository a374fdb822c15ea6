package com.m4s.platform.audit;

import java.time.Clock;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.integrator.spi.Integrator;
import tools.jackson.databind.json.JsonMapper;

/** Hooks {@link AuditListener} into a session factory; entries go to {@code audit_event} of the default schema. */
class AuditIntegrator implements Integrator {

    private final Clock clock;
    private final JsonMapper json;

    AuditIntegrator(Clock clock, JsonMapper json) {
        this.clock = clock;
        this.json = json;
    }

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext,
            SessionFactoryImplementor sessionFactory) {
        var schema = metadata.getDatabase().getDefaultNamespace().getName().schema();
        var listener = new AuditListener(clock, json, schema == null ? null : schema.getText());
        EventListenerRegistry registry = sessionFactory.getServiceRegistry().requireService(EventListenerRegistry.class);
        registry.appendListeners(EventType.POST_INSERT, listener);
        registry.appendListeners(EventType.POST_UPDATE, listener);
        registry.appendListeners(EventType.POST_DELETE, listener);
    }
}
