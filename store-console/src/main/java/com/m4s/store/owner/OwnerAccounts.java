package com.m4s.store.owner;

import com.m4s.platform.security.Role;
import com.m4s.platform.tenancy.TenantContext;
import com.m4s.platform.tenancy.TenantRegistry;
import com.m4s.platform.web.ApiException;
import com.m4s.store.identity.Identities;
import com.m4s.store.identity.IdentityUnavailable;
import com.m4s.store.member.MemberViews;
import com.m4s.store.member.Members;
import com.m4s.store.notification.Notifications;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
            @NotBlank @Pattern(regexp = "[a-z][a-z0-9._-]{2,40}", message = "{validation.username}") String username,
            @NotBlank @Size(min = 8, max = 64, message = "{validation.password-length}")
            @Pattern(regexp = "(?=.*[A-Za-z])(?=.*[0-9]).*", message = "{validation.password-mix}") String password) {
    }

    public record SignedUp(String username, UUID memberId, String store) {
    }

    private final OwnerVerificationRepository verifications;
    private final Members members;
    private final Notifications notifications;
    private final Identities identities;
    private final TenantRegistry registry;
    private final TransactionTemplate tx;
    private final Clock clock;

    OwnerAccounts(OwnerVerificationRepository verifications, Members members, Notifications notifications,
            Identities identities, TenantRegistry registry, TransactionTemplate tx, Clock clock) {
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
        MemberViews.OwnerCandidate member = verify(request);
        String store = TenantContext.require().storeCode();
        String subject;
        boolean created = false;
        try {
            Optional<Identities.Identity> existing = identities.find(request.username());
            if (existing.isPresent()) {
                Identities.Identity login = existing.get();
                if (!member.memberId().toString().equals(login.member()) || !login.stores().contains(store)) {
                    throw usernameTaken(request.username());
                }
                // an earlier attempt made this login but did not bind it: adopt it with the password given now
                identities.setPassword(login.id(), request.password());
                subject = login.id();
            } else {
                subject = identities.create(request.username(), new Identities.Profile(member.name(), store, group(),
                        null, request.phone(), member.memberId().toString()), Role.OWNER.realmRole(),
                        request.password(), false);
                created = true;
            }
        } catch (Identities.Taken e) {
            throw usernameTaken(request.username());
        } catch (Identities.Unavailable e) {
            throw new IdentityUnavailable(e);
        }
        try {
            String login = subject;
            tx.executeWithoutResult(status -> {
                lockPhone(request.phone());
                members.bindOwner(member.memberId(), login, request.username());
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
        return new SignedUp(request.username(), member.memberId(), store);
    }

    /** Checks the code (a wrong guess is committed before the 422) and returns the member it was sent for. */
    private MemberViews.OwnerCandidate verify(SignUp request) {
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
        if (member.ownerUsername() != null && !member.ownerUsername().equals(request.username())) {
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

    private static String codeText(String code) {
        return "您的车主注册验证码为 " + code + "，" + OwnerVerification.VALID_FOR.toMinutes()
                + " 分钟内有效。如非本人操作，请忽略本短信。 / Your M4S owner sign-up code is " + code + ".";
    }

    private static String alreadyBoundText(String username) {
        return "您的手机号已开通车主账号（用户名 " + username + "），请直接登录。 / This phone already has an owner account ("
                + username + "); please sign in.";
    }

    private static ApiException usernameTaken(String username) {
        return new ApiException.Conflict("username-taken", username).field("username");
    }

    private static ApiException alreadyBound() {
        return new ApiException.Conflict("owner-already-bound");
    }
}
