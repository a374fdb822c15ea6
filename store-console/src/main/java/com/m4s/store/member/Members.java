package com.m4s.store.member;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What other features may ask of members: the member behind an owner login, a member's contact, and binding an owner
 * login at sign-up. The rest of the feature (its service, entities and repository) is not theirs to use.
 */
@Component
public class Members {

    private final MemberService members;

    Members(MemberService members) {
        this.members = members;
    }

    /** The member with this mobile number, for an owner's sign-up. */
    public Optional<MemberViews.OwnerCandidate> ownerCandidate(String phone) {
        return members.ownerCandidate(phone);
    }

    /**
     * Binds an owner login to the member, in the caller's transaction (which must exist); 409 if a different login is
     * bound already, a no-op for the same login.
     */
    public void bindOwner(UUID memberId, String subject, String username) {
        members.bindOwner(memberId, subject, username);
    }

    /** The member record of the owner signed in with this login; 404 when none is bound to it. */
    public MemberViews.MemberView ofOwner(String subject) {
        return members.ofOwner(subject);
    }

    /** A member's name and phone, if the member exists. */
    public Optional<MemberViews.Contact> contact(UUID memberId) {
        return members.contact(memberId);
    }

    /** The id of the owner login bound to the member (the token's {@code sub}), if the member has one. */
    public Optional<String> ownerLogin(UUID memberId) {
        return members.ownerLogin(memberId);
    }

    /** The member bound to this owner login; 404 when there is none. */
    public MemberViews.Contact ownerContact(String subject) {
        return members.ownerContact(subject);
    }
}
