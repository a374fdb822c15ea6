package com.m4s.store.owner;

import com.m4s.platform.security.Allow;
import com.m4s.platform.security.Permission;
import com.m4s.platform.security.Caller;
import com.m4s.platform.security.Open;
import com.m4s.store.member.MemberViews;
import com.m4s.store.member.Members;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "owners", description = "Owner sign-up and the owner's own record")
class OwnerController {

    private final OwnerAccounts accounts;
    private final Members members;

    OwnerController(OwnerAccounts accounts, Members members) {
        this.accounts = accounts;
        this.members = members;
    }

    @Open("an owner asks for a sign-up code before having an account; the answer never says whether the phone is known")
    @PostMapping("/api/stores/{store}/owner-signup/codes")
    @Operation(summary = "Send a sign-up code to a member's phone (always 202; at most one a minute per phone)")
    ResponseEntity<OwnerAccounts.CodeSent> requestCode(@PathVariable String store,
            @Valid @RequestBody OwnerAccounts.CodeRequest request) {
        return ResponseEntity.accepted().body(accounts.requestCode(request));
    }

    @Open("an owner creates their account with the code sent to their phone")
    @PostMapping("/api/stores/{store}/owner-signup")
    @Operation(summary = "Create an owner login bound to the member with this phone, proven by the code")
    ResponseEntity<OwnerAccounts.SignedUp> signUp(@PathVariable String store,
            @Valid @RequestBody OwnerAccounts.SignUp request) {
        return ResponseEntity.created(URI.create("/api/stores/" + store + "/me")).body(accounts.signUp(request));
    }

    @Allow(Permission.OWN_RECORD_VIEW)
    @GetMapping("/api/stores/{store}/me")
    @Operation(summary = "The signed-in owner's member record with vehicles")
    MemberViews.MemberView me(@PathVariable String store) {
        return members.ofOwner(Caller.current().orElseThrow().subject());
    }
}
