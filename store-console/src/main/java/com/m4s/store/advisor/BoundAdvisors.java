package com.m4s.store.advisor;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which advisor a member is bound to now (decision 0038), for features that involve the advisor in their work (a part
 * ordered for the member arrives: the advisor is told). Reads only; binding stays with the advisor feature.
 */
@Component
public class BoundAdvisors {

    private final AdvisorBindingRepository bindings;

    BoundAdvisors(AdvisorBindingRepository bindings) {
        this.bindings = bindings;
    }

    /** The username of the member's advisor, if the member has one. */
    @Transactional(readOnly = true)
    public Optional<String> of(UUID memberId) {
        return bindings.findById(memberId).map(AdvisorBinding::advisor);
    }
}
