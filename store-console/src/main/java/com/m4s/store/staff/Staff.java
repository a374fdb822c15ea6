package com.m4s.store.staff;

import com.m4s.platform.security.Caller;
import com.m4s.platform.security.Departments;
import com.m4s.platform.security.Permission;
import com.m4s.platform.security.Role;
import com.m4s.platform.tenancy.TenantContext;
import com.m4s.platform.tenancy.TenantRegistry;
import com.m4s.platform.web.ApiException;
import com.m4s.platform.web.PageResult;
import com.m4s.platform.web.Problems;
import com.m4s.platform.web.Versions;
import com.m4s.store.identity.Identities;
import com.m4s.store.identity.IdentityUnavailable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.security.SecureRandom;
import java.text.Collator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Staff of the current store (PERM-1). The staff row is written first (PENDING), then the Keycloak login, then the
 * row is marked ACTIVE: if Keycloak fails the row says FAILED with the reason and {@link #retry} finishes the job,
 * adopting a login an earlier attempt already made, so no login is left behind without its row and none is made
 * twice.
 *
 * <p>An invitation makes its own login, marked with the staff record's id (attribute {@code staff}). A login it did
 * not make is never taken over silently: it is 409 {@code username-taken} unless the platform operator confirms
 * the adoption ({@link Invitation#adoptExistingLogin}) of a login that already belongs to the store, and an owner's
 * login (a customer who chose that username first) is never adopted at all (decision 0020).
 *
 * <p>Enabling, disabling and changes go to Keycloak first and are recorded only when Keycloak took them.
 */
@Service
public class Staff {

    public record Invitation(
            @NotBlank @Pattern(regexp = "[a-z][a-z0-9._-]{2,40}", message = "{validation.username}") String username,
            @NotBlank @Size(max = 64) String displayName,
            @Pattern(regexp = "1[3-9][0-9]{9}", message = "{validation.phone}") @Nullable String phone,
            @NotNull StaffRole role,
            @Nullable String department,
            @Nullable Boolean adoptExistingLogin) {

        public Invitation(String username, String displayName, @Nullable String phone, StaffRole role,
                @Nullable String department) {
            this(username, displayName, phone, role, department, null);
        }

        boolean adopts() {
            return Boolean.TRUE.equals(adoptExistingLogin);
        }
    }

    public record Change(@NotNull StaffRole role, @Nullable String department) {
    }

    /** @param initialPassword shown once, when the login is made; to be changed at first sign-in */
    public record StaffView(UUID id, String username, String displayName, @Nullable String phone, StaffRole role,
            @Nullable String department, StaffStatus status, @Nullable String failureReason,
            @Nullable String initialPassword, Instant createdAt, Instant updatedAt, long version) {
    }

    /**
     * A person who works in the store, as the staff list shows them: a login with a staff role in the store, with
     * role, department, name and enabled state as Keycloak has them (decision 0026), joined with the store's staff
     * record when an invitation made one; or an invitation still waiting for its login (PENDING, FAILED).
     *
     * @param id the staff record's id, for changes through the staff page; null for a login made elsewhere (the
     *     realm's own users, one made in Keycloak's console)
     * @param loginId the Keycloak login's id; null while an invitation waits for it
     * @param version the staff record's version, for If-Match; null without a record
     */
    public record StaffEntry(@Nullable UUID id, @Nullable String loginId, String username, String displayName,
            @Nullable String phone, StaffRole role, @Nullable String department, StaffStatus status,
            @Nullable String failureReason, Instant createdAt, @Nullable Long version) {
    }

    /** How many logins work in the store, by role and state (Keycloak's truth, as the staff list shows it). */
    public record StaffCounts(long total, long managers, long staff, long disabled) {
    }

    /** The staff list's sort keys. */
    static final Map<String, Comparator<StaffEntry>> SORTABLE = Map.of(
            "username", Comparator.comparing(StaffEntry::username, String.CASE_INSENSITIVE_ORDER),
            "displayName", Comparator.comparing(StaffEntry::displayName, Collator.getInstance(Locale.CHINA)),
            "createdAt", Comparator.comparing(StaffEntry::createdAt),
            "status", Comparator.comparing(e -> e.status().name()));

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    private final StaffRepository staff;
    private final Identities identities;
    private final StaffDirectory directory;
    private final TenantRegistry registry;
    private final TransactionTemplate tx;
    private final Clock clock;

    Staff(StaffRepository staff, Identities identities, StaffDirectory directory, TenantRegistry registry,
            TransactionTemplate tx, Clock clock) {
        this.staff = staff;
        this.identities = identities;
        this.directory = directory;
        this.registry = registry;
        this.tx = tx;
        this.clock = clock;
    }

    public StaffView invite(Invitation invitation) {
        requireDepartment(invitation.role(), invitation.department());
        if (invitation.adopts() && Caller.current().filter(c -> c.has(Role.PLATFORM_OPERATOR)).isEmpty()) {
            throw new AdoptionNotAllowed();
        }
        // a username taken in this store is refused by staff_username_uk (StaffProblems)
        UUID id = tx.execute(status -> staff.saveAndFlush(new StaffMember(invitation, clock.instant())).id());
        return connect(id, invitation.adopts());
    }

    /** Finishes an invitation whose login could not be made. */
    public StaffView retry(UUID id) {
        StaffMember member = find(id);
        if (member.status() != StaffStatus.PENDING && member.status() != StaffStatus.FAILED) {
            throw new ApiException.Conflict("invalid-staff-state", id,
                    Problems.message("problem.staff-status." + member.status()));
        }
        return connect(id, false);
    }

    public StaffView setEnabled(UUID id, boolean enabled) {
        StaffMember member = find(id);
        if (member.identityId() == null || member.status() == StaffStatus.PENDING
                || member.status() == StaffStatus.FAILED) {
            throw new ApiException.Conflict("invalid-staff-state", id).variant("no-login");
        }
        try {
            keycloak(() -> identities.setEnabled(member.identityId(), enabled));
        } finally {
            directory.forget(store());
        }
        return update(id, m -> m.setEnabled(enabled, clock.instant()));
    }

    /**
     * Changes role and department, in Keycloak and here; when {@code expectedVersion} is given and the staff member
     * has changed since, 409 before anything is written.
     */
    public StaffView change(UUID id, @Nullable Long expectedVersion, Change change) {
        requireDepartment(change.role(), change.department());
        StaffMember member = find(id);
        Versions.expect(StaffMember.class, id, member.version(), expectedVersion);
        if (member.identityId() != null) {
            try {
                keycloak(() -> identities.change(member.identityId(), profile(member.view(null),
                        change.department()), change.role().realmRole(), StaffRole.realmRoles()));
            } finally {
                directory.forget(store());
            }
        }
        return update(id, m -> m.change(change.role(), change.department(), clock.instant()));
    }

    public StaffView get(UUID id) {
        return find(id).view(null);
    }

    /**
     * The store's staff as Keycloak knows them, with the store's invitations still waiting for a login; {@code q}
     * searches username and name. A store has tens of people, so the page is cut from the whole list here.
     */
    public PageResult<StaffEntry> list(@Nullable String query, Pageable pageable) {
        String text = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        Comparator<StaffEntry> order = null;
        for (Sort.Order o : pageable.getSort()) {
            Comparator<StaffEntry> by = SORTABLE.get(o.getProperty());
            if (by != null) {
                by = o.isAscending() ? by : by.reversed();
                order = order == null ? by : order.thenComparing(by);
            }
        }
        Comparator<StaffEntry> tieBreaker = Comparator.comparing(StaffEntry::username);
        List<StaffEntry> matching = entries().stream()
                .filter(e -> text.isEmpty() || e.username().toLowerCase(Locale.ROOT).contains(text)
                        || e.displayName().toLowerCase(Locale.ROOT).contains(text))
                .sorted(order == null ? tieBreaker : order.thenComparing(tieBreaker)).toList();
        int size = pageable.getPageSize();
        int from = (int) Math.min(pageable.getOffset(), matching.size());
        List<StaffEntry> page = matching.subList(from, Math.min(from + size, matching.size()));
        return new PageResult<>(page, pageable.getPageNumber(), size, matching.size(),
                (matching.size() + size - 1) / size);
    }

    /**
     * The ids of the store's enabled staff logins that hold the permission by their roles and department, as Keycloak
     * lists them (decision 0026): the people to tell about work that needs it (a car waiting for review, say). 503
     * {@code identity-unavailable} when Keycloak does not answer in time.
     */
    public List<String> loginsWith(Permission permission) {
        String store = store();
        return directory.logins(store).stream().filter(Identities.StoreLogin::enabled)
                .filter(login -> permission.grantedTo(new Caller(login.id(), login.username(),
                        roles(login.realmRoles()), null, Set.of(store), login.department())))
                .map(Identities.StoreLogin::id).toList();
    }

    private static Set<Role> roles(List<String> realmRoles) {
        Set<Role> roles = new HashSet<>();
        realmRoles.forEach(name -> Role.ofRealmRole(name).ifPresent(roles::add));
        return roles;
    }

    /** Logins of the store by role and state, for the dashboards. */
    public StaffCounts counts() {
        List<Identities.StoreLogin> logins = directory.logins(store());
        long managers = logins.stream().filter(l -> StaffRole.of(l.realmRoles()) == StaffRole.STORE_MANAGER).count();
        long disabled = logins.stream().filter(l -> !l.enabled()).count();
        return new StaffCounts(logins.size(), managers, logins.size() - managers, disabled);
    }

    /**
     * Every login with a staff role in the store, joined with its staff record (by the record id the invitation wrote
     * on the login, or by username for an adopted one), then the invitations that have no login yet.
     */
    private List<StaffEntry> entries() {
        List<Identities.StoreLogin> logins = directory.logins(store());
        List<StaffMember> records = tx.execute(status -> staff.findAll());
        Map<String, StaffMember> byId = new HashMap<>();
        Map<String, StaffMember> byUsername = new HashMap<>();
        for (StaffMember record : records) {
            byId.put(record.id().toString(), record);
            byUsername.put(record.username(), record);
        }
        List<StaffEntry> entries = new ArrayList<>();
        Set<UUID> joined = new HashSet<>();
        for (Identities.StoreLogin login : logins) {
            StaffMember record = login.staff() != null && byId.containsKey(login.staff()) ? byId.get(login.staff())
                    : byUsername.get(login.username());
            if (record != null) {
                joined.add(record.id());
            }
            entries.add(new StaffEntry(record == null ? null : record.id(), login.id(), login.username(),
                    login.displayName(), login.phone() != null ? login.phone() : record == null ? null : record.view(null).phone(),
                    StaffRole.of(login.realmRoles()), login.department(),
                    login.enabled() ? StaffStatus.ACTIVE : StaffStatus.DISABLED, null,
                    record == null ? login.createdAt() : record.createdAt(), record == null ? null : record.version()));
        }
        for (StaffMember record : records) {
            boolean waiting = record.status() == StaffStatus.PENDING || record.status() == StaffStatus.FAILED;
            if (waiting && !joined.contains(record.id())) {
                StaffView view = record.view(null);
                entries.add(new StaffEntry(view.id(), null, view.username(), view.displayName(), view.phone(),
                        view.role(), view.department(), view.status(), view.failureReason(), view.createdAt(),
                        view.version()));
            }
        }
        return entries;
    }

    /** @param adopt the operator confirmed that an existing login of the store may become this staff member's */
    private StaffView connect(UUID id, boolean adopt) {
        try {
            return connectLogin(id, adopt);
        } finally {
            directory.forget(store());
        }
    }

    private StaffView connectLogin(UUID id, boolean adopt) {
        StaffMember member = find(id);
        String password = null;
        String identityId;
        try {
            var existing = identities.find(member.username());
            if (existing.isPresent()) {
                Identities.Identity login = existing.get();
                boolean madeByThisInvitation = id.toString().equals(login.staff());
                if (!madeByThisInvitation && !(adopt && adoptable(login))) {
                    tx.executeWithoutResult(status -> staff.deleteById(id));
                    throw usernameTaken(member.username());
                }
                identityId = login.id();
            } else {
                password = newPassword();
                String initial = password;
                identityId = identities.create(member.username(), profile(member.view(null), member.department(), id),
                        member.role().realmRole(), initial, true);
            }
        } catch (Identities.Taken e) {
            tx.executeWithoutResult(status -> staff.deleteById(id));
            throw usernameTaken(member.username());
        } catch (Identities.Unavailable e) {
            update(id, m -> m.failed(e.getMessage(), clock.instant()));
            // the staff record says FAILED with the reason; retry finishes the invitation
            throw new IdentityUnavailable(e).about("staffId", id.toString());
        }
        String login = identityId;
        StaffView view = update(id, m -> m.activated(login, clock.instant()));
        String shown = password;
        return shown == null ? view : find(id).view(shown);
    }

    private StaffView update(UUID id, java.util.function.Consumer<StaffMember> change) {
        return tx.execute(status -> {
            StaffMember member = staff.findById(id).orElseThrow(() -> new ApiException.NotFound("staff", id));
            change.accept(member);
            return staff.saveAndFlush(member).view(null);
        });
    }

    private StaffMember find(UUID id) {
        return tx.execute(status -> staff.findById(id).orElseThrow(() -> new ApiException.NotFound("staff", id)));
    }

    /** A login an operator may turn into staff: one of this store's, and never an owner's. */
    private boolean adoptable(Identities.Identity login) {
        return login.member() == null && login.stores().contains(store())
                && !identities.realmRoles(login.id()).contains(Role.OWNER.realmRole());
    }

    private static void keycloak(Runnable call) {
        try {
            call.run();
        } catch (Identities.Unavailable e) {
            throw new IdentityUnavailable(e);
        }
    }

    private static void requireDepartment(StaffRole role, @Nullable String department) {
        if (role == StaffRole.STORE_STAFF && (department == null || !Departments.ALL.contains(department))) {
            throw new ApiException.Unprocessable("invalid-department",
                    String.join(", ", Departments.ALL.stream().sorted().toList())).variant("required");
        }
        if (role == StaffRole.STORE_MANAGER && department != null && !Departments.ALL.contains(department)) {
            throw new ApiException.Unprocessable("invalid-department", department).variant("unknown");
        }
    }

    private Identities.Profile profile(StaffView staff, @Nullable String department) {
        return profile(staff, department, staff.id());
    }

    private Identities.Profile profile(StaffView staff, @Nullable String department, UUID staffId) {
        return new Identities.Profile(staff.displayName(), store(), group(), department, staff.phone(), null,
                staffId.toString());
    }

    private static String store() {
        return TenantContext.require().storeCode();
    }

    private @Nullable String group() {
        return registry.find(store()).map(TenantRegistry.Entry::groupCode).orElse(null);
    }

    /**
     * A first password of 14 characters with at least a digit, a capital and a small letter (what password rules
     * commonly ask, and it reads as a code, not a word, where the console shows it once).
     */
    static String newPassword() {
        while (true) {
            StringBuilder password = new StringBuilder();
            for (int i = 0; i < 14; i++) {
                password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            String candidate = password.toString();
            if (candidate.chars().anyMatch(Character::isDigit) && candidate.chars().anyMatch(Character::isUpperCase)
                    && candidate.chars().anyMatch(Character::isLowerCase)) {
                return candidate;
            }
        }
    }

    private static ApiException usernameTaken(String username) {
        return new ApiException.Conflict("username-taken", username).variant("invitation").field("username");
    }

    /** Only the operator may confirm that an existing login becomes staff. */
    static final class AdoptionNotAllowed extends ApiException {
        AdoptionNotAllowed() {
            super(HttpStatus.FORBIDDEN, "adoption-not-allowed");
        }
    }
}
