package com.m4s.store.staff;

import com.m4s.store.identity.Identities;
import com.m4s.store.identity.IdentityUnavailable;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The logins with a staff role in a store, as Keycloak knows them (decision 0026): the realm's own users, those
 * invited through the staff page and those made in Keycloak's console alike. A listing is kept for {@link #FRESH}
 * per store, so a dashboard and the staff list opened together ask Keycloak once; a change made through the staff
 * page forgets the store's listing at once. The age is measured on the monotonic timer, not the service clock
 * (decision 0015: a technical lifetime).
 */
@Component
class StaffDirectory {

    /** How long a store's listing is reused. */
    static final Duration FRESH = Duration.ofSeconds(30);

    private record Listing(long readAt, List<Identities.StoreLogin> logins) {
    }

    private final Identities identities;
    private final Map<String, Listing> listings = new ConcurrentHashMap<>();

    StaffDirectory(Identities identities) {
        this.identities = identities;
    }

    /**
     * The store's staff logins; 503 {@code identity-unavailable} when Keycloak does not list them within
     * {@link Identities#LISTING_BUDGET}.
     */
    List<Identities.StoreLogin> logins(String store) {
        Listing cached = listings.get(store);
        if (cached != null && System.nanoTime() - cached.readAt() < FRESH.toNanos()) {
            return cached.logins();
        }
        try {
            List<Identities.StoreLogin> logins = List.copyOf(identities.storeLogins(store, StaffRole.realmRoles()));
            listings.put(store, new Listing(System.nanoTime(), logins));
            return logins;
        } catch (Identities.Unavailable e) {
            throw IdentityUnavailable.listing(e);
        }
    }

    /** The next listing of the store asks Keycloak again. */
    void forget(String store) {
        listings.remove(store);
    }
}
