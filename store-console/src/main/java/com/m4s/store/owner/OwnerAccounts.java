package com.m4s.store.owner;

import com.m4s.platform.security.Role;
import com.m4s.platform.tenancy.TenantContext;
import com.m4s.platform.tenancy.TenantRegistry;
import com.m4s.platform.web.ApiException;
import com.m4s.store.identity.Identities;
import com.m4s.store.identity.IdentityUnavailable;
import com.m4s.store.member.MemberViews;
import com.m4s.store.member.Members;
import com.m4s.store.transfer.PointShares;
import com.m4s.store.notification.Notifications;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An owner's sign-up: a code to the phone of a member of the store, then a Keycloak login with role {@code owner}
 * bound to that member.
 *
 * <p>The owner chooses no username: the login is {@code owner.<phone>}, or {@code owner.<phone>.<store>} when that one
 * belongs to the person's membership in another store (one login per store and member). Owners sign in with their
 * phone number, which the sign-in page looks up in the logins' {@code phone} attribute (decision 0023); a phone on
 * several logins must sign in with the username, which the answer then says.
 *
 * <p>Asking for a code answers the same whether or not a member has the phone, so numbers cannot be probed; a code is
 * sent only to a member's phone. Signing up goes code check (wrong guesses are counted and committed) → Keycloak
 * login → binding in the store, and is safe to repeat after any failure: a login made by an earlier attempt for the
 * same member is adopted, and a login that lost a race for the member is removed again.
 *
 * <p>Everything done to one phone's codes (asking for one, checking a guess, using it up) runs under a
 * transaction-scoped advisory lock on the store and phone ({@link #lockPhone}), so the per-phone limits hold and every
 * guess is counted however many requests arrive at once (decision 0020).
 */
@Service
public class OwnerAccounts {

    private static final Logger log = LoggerFactory.getLogger(OwnerAccounts.class);

    /** A phone gets a new code at most this often. */
    static final Duration RESEND_AFTER = Duration.ofSeconds(60);
    /** Codes per phone per day. */
    static final int DAILY_CODES = 10;
    static final String CODE_TOPIC = "owner-signup-code";

    private static final SecureRandom RANDOM = new SecureRandom();

    public record CodeRequest(
            @NotBlank @Pattern(regexp = "1[3-9][0-9]{9}", message = "{validation.phone}") String phone) {
    }

    public record CodeSent(long expiresInSeconds, long resendInSeconds) {
    }

    public record SignUp(
            @NotBlank @Pattern(regexp = "1[3-9][0-9]{9}", message = "{validation.phone}") String phone,
            @NotBlank @Pattern(regexp = "[0-9]{6}", message = "{validation.signup-code}") String code,
            @NotBlank @Size(min = 8, max = 64, message = "{validation.password-length}")
            @Pattern(regexp = "(?=.*[A-Za-z])(?=.*[0-9]).*", message = "{validation.password-mix}") String password,
            @Size(max = 40) @Nullable String shareToken) {
    }

    /**
     * The login made (or found again) for the member.
     *
     * @param username the login's generated username
     * @param signInWithPhone whether the phone number signs in: no other login carries it (else the owner must sign in
     *     with {@code username})
     */
    public record SignedUp(String username, UUID memberId, String store, boolean signInWithPhone) {
    }

    private final OwnerVerificationRepository verifications;
    private final Members members;
    private final Notifications notifications;
    private final Identities identities;
    private final TenantRegistry registry;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final PointShares shares;

    OwnerAccounts(OwnerVerificationRepository verifications, Members members, Notifications notifications,
            Identities identities, TenantRegistry registry, TransactionTemplate tx, Clock clock, PointShares shares) {
        this.shares = shares;
        this.verifications = verifications;
        this.members = members;
        this.notifications = notifications;
        this.identities = identities;
        this.registry = registry;
        this.tx = tx;
        this.clock = clock;
    }

    public CodeSent requestCode(CodeRequest request) {
        String phone = request.phone();
        tx.executeWithoutResult(status -> {
            lockPhone(phone);
            Instant now = clock.instant();
            Optional<OwnerVerification> latest = verifications.findFirstByPhoneOrderByCreatedAtDesc(phone);
            if (latest.isPresent() && latest.get().createdAt().plus(RESEND_AFTER).isAfter(now)) {
                long wait = Duration.between(now, latest.get().createdAt().plus(RESEND_AFTER)).toSeconds() + 1;
                throw new ApiException.TooManyRequests("code-requested-recently", wait);
            }
            if (verifications.countByPhoneAndCreatedAtAfter(phone, now.minus(Duration.ofDays(1))) >= DAILY_CODES) {
                throw new ApiException.TooManyRequests("too-many-codes", 3600);
            }
            Optional<MemberViews.OwnerCandidate> member = members.ownerCandidate(phone);
            String code = "%06d".formatted(RANDOM.nextInt(1_000_000));
            verifications.save(new OwnerVerification(phone, member.map(MemberViews.OwnerCandidate::memberId)
                    .orElse(null), code, now));
            member.ifPresent(m -> notifications.send(m.ownerUsername() == null
                    // the message log shows the text without the code: nobody in the store can finish the sign-up
                    ? Notifications.Message.sms(phone, m.memberId(), CODE_TOPIC, codeText(code), codeText("******"))
                    : Notifications.Message.sms(phone, m.memberId(), CODE_TOPIC, alreadyBoundText(m.ownerUsername()))));
        });
        return new CodeSent(OwnerVerification.VALID_FOR.toSeconds(), RESEND_AFTER.toSeconds());
    }

    public SignedUp signUp(SignUp request) {
        String store = TenantContext.require().storeCode();
        List<String> usernames = usernamesFor(request.phone(), store);
        MemberViews.OwnerCandidate member = verify(request, usernames);
        String username = null;
        String subject = null;
        boolean created = false;
        try {
            for (String candidate : usernames) {
                Optional<Identities.Identity> existing = identities.find(candidate);
                if (existing.isEmpty()) {
                    try {
                        subject = identities.create(candidate, new Identities.Profile(member.name(), store, group(),
                                null, request.phone(), member.memberId().toString()), Role.OWNER.realmRole(),
                                request.password(), false);
                        created = true;
                        username = candidate;
                        break;
                    } catch (Identities.Taken e) {
                        // made at this moment by someone else: ours if it names this member, as below
                        existing = identities.find(candidate);
                    }
                }
                Optional<Identities.Identity> ours = existing.filter(login -> isFor(login, member, store));
                if (ours.isPresent()) {
                    // an earlier attempt made this login but did not bind it: adopt it with the password given now
                    identities.setPassword(ours.get().id(), request.password());
                    subject = ours.get().id();
                    username = candidate;
                    break;
                }
            }
        } catch (Identities.Unavailable e) {
            throw new IdentityUnavailable(e);
        }
        if (subject == null || username == null) {
            // both names belong to logins of other members: left by a member record deleted since, say
            throw new ApiException.Conflict("username-taken", usernames.getLast()).variant("owner");
        }
        try {
            String login = subject;
            String name = username;
            tx.executeWithoutResult(status -> {
                lockPhone(request.phone());
                members.bindOwner(member.memberId(), login, name);
                if (request.shareToken() != null) {
                    // signed up through an owner's share link: a conversion for them (decision 0040)
                    shares.signedUp(request.shareToken(), member.memberId());
                }
                verifications.findFirstByPhoneOrderByCreatedAtDesc(request.phone())
                        .ifPresent(v -> v.consume(clock.instant()));
            });
        } catch (ApiException | OptimisticLockingFailureException e) {
            // another sign-up bound the member first: take back the login this attempt made
            if (created) {
                removeQuietly(subject);
            }
            throw e instanceof ApiException api ? api : alreadyBound();
        }
        return new SignedUp(username, member.memberId(), store, signsInWithPhone(request.phone()));
    }

    /**
     * The usernames an owner's login may get, in the order tried: {@code owner.<phone>}, then
     * {@code owner.<phone>.<store>} for a person whose first name is a login for another store's membership.
     */
    static List<String> usernamesFor(String phone, String store) {
        return List.of("owner." + phone, "owner." + phone + "." + store);
    }

    private static boolean isFor(Identities.Identity login, MemberViews.OwnerCandidate member, String store) {
        return member.memberId().toString().equals(login.member()) && login.stores().contains(store);
    }

    /** Whether the sign-in page finds the login by the phone number: no other login carries it. */
    private boolean signsInWithPhone(String phone) {
        try {
            return identities.usernamesWithPhone(phone).size() == 1;
        } catch (Identities.Unavailable e) {
            // the login exists and is bound; the answer then names the username, which always works
            log.warn("could not count the logins with phone {}: {}", phone, e.getMessage());
            return false;
        }
    }

    /** Checks the code (a wrong guess is committed before the 422) and returns the member it was sent for. */
    private MemberViews.OwnerCandidate verify(SignUp request, List<String> usernames) {
        record Outcome(OwnerVerification.Check check, int attemptsLeft, @Nullable UUID memberId) {
        }
        Outcome outcome = tx.execute(status -> {
            lockPhone(request.phone());
            return verifications.findFirstByPhoneOrderByCreatedAtDesc(request.phone()).map(v -> {
                    OwnerVerification.Check check = v.check(request.code(), clock.instant());
                    return new Outcome(check, v.attemptsLeft(), v.memberId());
                }).orElse(new Outcome(OwnerVerification.Check.SPENT, 0, null));
        });
        if (outcome == null || outcome.check() == OwnerVerification.Check.SPENT) {
            throw new ApiException.Unprocessable("code-expired").field("code");
        }
        if (outcome.check() == OwnerVerification.Check.WRONG || outcome.memberId() == null) {
            throw new ApiException.Unprocessable("code-invalid").field("code")
                    .property("attemptsLeft", outcome.attemptsLeft());
        }
        MemberViews.OwnerCandidate member = members.ownerCandidate(request.phone())
                .filter(m -> m.memberId().equals(outcome.memberId()))
                .orElseThrow(() -> new ApiException.Unprocessable("code-invalid").variant("phone-changed")
                        .field("code"));
        if (member.ownerUsername() != null && !usernames.contains(member.ownerUsername())) {
            throw alreadyBound();
        }
        return member;
    }

    /** Serializes this transaction with every other one on the phone's codes in this store, until it ends. */
    private void lockPhone(String phone) {
        verifications.lock("owner-signup:" + TenantContext.require().storeCode() + ":" + phone);
    }

    private void removeQuietly(String subject) {
        try {
            identities.delete(subject);
        } catch (Identities.Unavailable e) {
            log.warn("login {} lost the race for its member and could not be removed: {}", subject, e.getMessage());
        }
    }

    private @Nullable String group() {
        return registry.find(TenantContext.require().storeCode()).map(TenantRegistry.Entry::groupCode).orElse(null);
    }

    /** Texts to mainland mobile numbers are Chinese only, as Chinese carriers' templates and customers expect. */
    private static String codeText(String code) {
        return "您的车主注册验证码为 " + code + "，" + OwnerVerification.VALID_FOR.toMinutes()
                + " 分钟内有效。如非本人操作，请忽略本短信。";
    }

    private static String alreadyBoundText(String username) {
        return "您的手机号已开通车主账号，请使用手机号（或用户名 " + username + "）直接登录。";
    }

    private static ApiException alreadyBound() {
        return new ApiException.Conflict("owner-already-bound");
    }
}
