<#-- Keycloak's hook for a line at the bottom of the sign-in box (keycloak.v2 leaves it empty). On the sign-in page
     only: the way to the owner app's sign-up (owners sign up there with the code sent to their phone). -->
<#macro content>
<#if (pageId!"") == "login" && properties.m4sOwnerSignUpUrl?has_content>
    <div id="m4s-owner-signup" class="m4s-owner-signup">
        <span>${msg("m4sOwnerSignUpQuestion")}</span>
        <a id="m4s-owner-signup-link" href="${properties.m4sOwnerSignUpUrl}">${msg("m4sOwnerSignUpLink")}</a>
    </div>
</#if>
</#macro>
