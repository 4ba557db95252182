package dk.fbs.oir.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.provisioning.UserDetailsManager;
import org.springframework.stereotype.Component;

/**
 * Who may see a municipality's data outside Tasklist: operators all, a caseworker (a Camunda user
 * logging in to {@code /api} with HTTP Basic, e.g. from the reconciliation page) only the
 * municipalities whose tenant they belong to, as in Tasklist.
 */
@Component
public class MunicipalityAccess {

    static final String CASEWORKER = "CASEWORKER";
    private static final String TENANT = "TENANT_";

    public boolean maySee(Authentication caller, String municipalityCode) {
        return caller != null
                && caller.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .anyMatch(a -> a.equals("ROLE_" + SecurityConfiguration.OPERATOR)
                                || a.equals(TENANT + MunicipalityTenants.tenantOf(municipalityCode)));
    }

    /**
     * Authenticates Camunda users (caseworkers) against Camunda's identity service, with role
     * CASEWORKER and one authority per tenant they belong to. The API clients (FBS, operators, debtor
     * systems) are left to their own provider, without a look into Camunda's tables.
     */
    static AuthenticationProvider camundaUsers(IdentityService identity, UserDetailsManager apiClients) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                String user = authentication.getName();
                Object password = authentication.getCredentials();
                if (user == null
                        || apiClients.userExists(user)
                        || !(password instanceof String secret)
                        || !identity.checkPassword(user, secret)) {
                    return null;
                }
                List<GrantedAuthority> authorities = new ArrayList<>();
                authorities.add(new SimpleGrantedAuthority("ROLE_" + CASEWORKER));
                for (Tenant tenant : identity.createTenantQuery()
                        .userMember(user)
                        .includingGroupsOfUser(true)
                        .list()) {
                    authorities.add(new SimpleGrantedAuthority(TENANT + tenant.getId()));
                }
                return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
            }
        };
    }
}
