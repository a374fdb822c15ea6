package com.m4s.store.repairorder.credential;

import com.m4s.platform.security.Caller;
import com.m4s.platform.security.Role;
import com.m4s.platform.security.token.AuthorizedParty;
import com.m4s.platform.tenancy.TenantContext;
import com.m4s.platform.web.ApiException;
import com.m4s.store.identity.Identities;
import com.m4s.store.identity.IdentityUnavailable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The store's DMS credential (decision 0034): one confidential Keycloak client per store, {@code m4s-dms-<store>},
 * client-credentials grant only, whose service account holds the realm role {@code dms} and the store alone in
 * {@code stores}. The manager makes it, rotates its secret and revokes it; the secret is in the answer to the
 * creation and to each rotation, and nowhere else (Keycloak keeps it, we do not).
 *
 * <p>Each change runs under a transaction-scoped advisory lock of the store, Keycloak first and the record after:
 * when Keycloak fails nothing is recorded (503, repeat), and a client Keycloak made without its record is refused
 * by {@link #accepts} and replaced by the next creation.
 *
 * <p>A request of a DMS token is accepted only while the token is of the store's active credential ({@code azp})
 * and carries the key of its latest secret: a token issued before a rotation, or of a revoked credential, is 401
 * at once, not when it expires.
 */
@Service
public class DmsCredentials {

    /** The credential as the console shows it. */
    public record DmsCredentialView(
            @Schema(allowableValues = {"NONE", "ACTIVE", "REVOKED"}) String status, @Nullable String clientId,
            String tokenUrl, String batchPath,
            @Nullable Instant createdAt, @Nullable String createdBy, @Nullable Instant rotatedAt,
            @Nullable String rotatedBy, @Nullable Instant revokedAt, @Nullable String revokedBy, long version) {
    }

    /**
     * The answer to a creation or a rotation: the credential and its secret, shown this once.
     *
     * @param clientSecret the secret; not kept by the platform, not shown again
     */
    public record DmsCredentialIssued(DmsCredentialView credential, String clientId, String clientSecret) {
    }

    static final String NONE = "NONE";

    private final DmsCredentialRepository credentials;
    private final Identities identities;
    private final DmsTokenEndpoint tokenEndpoint;
    private final TransactionTemplate tx;
    private final JdbcClient jdbc;
    private final Clock clock;

    DmsCredentials(DmsCredentialRepository credentials, Identities identities, DmsTokenEndpoint tokenEndpoint,
            TransactionTemplate tx, JdbcClient jdbc, Clock clock) {
        this.credentials = credentials;
        this.identities = identities;
        this.tokenEndpoint = tokenEndpoint;
        this.tx = tx;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The client id of a store's DMS credential. */
    public static String clientId(String store) {
        return AuthorizedParty.DMS_CLIENT_PREFIX + store;
    }

    /** The store's credential: the active one, else the last one revoked, else none yet. */
    public DmsCredentialView get() {
        return tx.execute(status -> credentials.active().or(credentials::findFirstByOrderByCreatedAtDesc)
                .map(this::view).orElseGet(() -> new DmsCredentialView(NONE, null, tokenEndpoint.url(), batchPath(),
                        null, null, null, null, null, null, 0)));
    }

    /** Makes the store's credential; 409 {@code dms-credential-exists} while one is active. */
    public DmsCredentialIssued create() {
        String store = store();
        return locked(() -> {
            if (credentials.active().isPresent()) {
                throw new ApiException.Conflict("dms-credential-exists", clientId(store));
            }
            String key = UUID.randomUUID().toString();
            Identities.ServiceClient client = keycloak(() -> identities.createServiceClient(clientId(store),
                    "DMS of store " + store + " (made in the store console; sends repair orders)", store,
                    Role.DMS.realmRole(), key));
            DmsCredential made = credentials.saveAndFlush(new DmsCredential(clientId(store), key, Caller.currentName(),
                    clock.instant()));
            return new DmsCredentialIssued(view(made), made.clientId(), client.secret());
        });
    }

    /** A new secret; the old one and every token issued with it stop working at once. */
    public DmsCredentialIssued rotate() {
        return locked(() -> {
            DmsCredential credential = active();
            String key = UUID.randomUUID().toString();
            Identities.ServiceClient client = keycloak(() -> identities.rotateServiceClient(credential.clientId(),
                    key));
            credential.rotated(key, Caller.currentName(), clock.instant());
            DmsCredential saved = credentials.saveAndFlush(credential);
            return new DmsCredentialIssued(view(saved), saved.clientId(), client.secret());
        });
    }

    /** Deletes the client in Keycloak: no token can be requested, and tokens already issued are refused here. */
    public DmsCredentialView revoke() {
        return locked(() -> {
            DmsCredential credential = active();
            keycloak(() -> {
                identities.deleteServiceClient(credential.clientId());
                return null;
            });
            credential.revoked(Caller.currentName(), clock.instant());
            return view(credentials.saveAndFlush(credential));
        });
    }

    /**
     * Whether a token of a DMS is of the current store's active credential and of its latest secret.
     *
     * @param party the token's {@code azp}
     * @param key the token's {@value Identities#CREDENTIAL_KEY_CLAIM}
     */
    public boolean accepts(@Nullable String party, @Nullable String key) {
        if (party == null || key == null) {
            return false;
        }
        Optional<DmsCredential> active = tx.execute(status -> credentials.active());
        return active != null && active.filter(c -> c.clientId().equals(party) && c.keyId().equals(key))
                .isPresent();
    }

    private DmsCredential active() {
        return credentials.active().orElseThrow(() -> new ApiException.Conflict("dms-credential-missing"));
    }

    private <T> T locked(java.util.function.Supplier<T> change) {
        return tx.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtextextended('dms-credential', 0))").query().singleRow();
            return change.get();
        });
    }

    private static <T> T keycloak(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (Identities.Unavailable e) {
            throw new IdentityUnavailable(e);
        }
    }

    private DmsCredentialView view(DmsCredential c) {
        return new DmsCredentialView(c.status().name(), c.clientId(), tokenEndpoint.url(), batchPath(), c.createdAt(),
                c.createdBy(), c.rotatedAt(), c.rotatedBy(), c.revokedAt(), c.revokedBy(), c.version());
    }

    private static String batchPath() {
        return "/api/stores/" + store() + "/repair-orders/batch";
    }

    private static String store() {
        return TenantContext.require().storeCode();
    }
}
