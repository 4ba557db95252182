package dk.fbs.oir.security;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The embedded demo's people (profile {@code demo} only; passwords in the README): caseworkers of
 * København, Esbjerg and Kolding and the project leader of Dragør (not enrolled yet), each a member
 * of their municipality's group and tenant (the Tasklist filters come from {@link dk.fbs.oir.tasklist.TasklistFilters}). In production identities come from the municipality's
 * SSO (see README), and the administrator from CAMUNDA_BPM_ADMINUSER_*.
 */
@Component
@Profile("demo")
public class DemoIdentity {

    /** A demo user: id, group (its tasks' candidate group), the group's and user's names, municipality. */
    record Caseworker(String userId, String group, String role, String municipalityCode, String municipality) {
        Caseworker(String userId, String municipalityCode, String municipality) {
            this(userId, caseworkerGroup(municipalityCode), "Sagsbehandler", municipalityCode, municipality);
        }
    }

    static final List<Caseworker> CASEWORKERS = List.of(
            new Caseworker("sb-koebenhavn", "101", "København"),
            new Caseworker("sb-esbjerg", "561", "Esbjerg"),
            new Caseworker("sb-kolding", "621", "Kolding"),
            // onboarding.bpmn's tasks go to projektleder-<code>
            new Caseworker("pl-dragoer", "projektleder-155", "Projektleder", "155", "Dragør"));

    private final IdentityService identity;
    private final AuthorizationService authorizations;

    public DemoIdentity(IdentityService identity, AuthorizationService authorizations) {
        this.identity = identity;
        this.authorizations = authorizations;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void seed() {
        for (Caseworker c : CASEWORKERS) {
            String group = c.group();
            // a group new to an existing demo database (pl-dragoer's) is seeded like the first ones
            if (identity.createGroupQuery().groupId(group).count() == 0) {
                Group g = identity.newGroup(group);
                g.setName(c.role() + "e, " + c.municipality());
                g.setType("WORKFLOW");
                identity.saveGroup(g);
                String tenantId = MunicipalityTenants.tenantOf(c.municipalityCode());
                if (identity.createTenantQuery().tenantId(tenantId).count() == 0) {
                    Tenant tenant = identity.newTenant(tenantId);
                    tenant.setName(c.municipality() + " Kommune");
                    identity.saveTenant(tenant);
                }
                identity.createTenantGroupMembership(tenantId, group);
                grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            }
            if (identity.createUserQuery().userId(c.userId()).count() == 0) {
                User user = identity.newUser(c.userId());
                user.setFirstName(c.role());
                user.setLastName(c.municipality());
                user.setPassword("demo");
                identity.saveUser(user);
                identity.createMembership(c.userId(), group);
            }
        }
    }

    /** The candidate group of a municipality's user tasks (as in the BPMN: sagsbehandler-${municipalityCode}). */
    public static String caseworkerGroup(String municipalityCode) {
        return "sagsbehandler-" + municipalityCode;
    }

    private void grant(String group, Resources resource, String resourceId, Permissions permission) {
        Authorization auth = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        auth.setGroupId(group);
        auth.setResource(resource);
        auth.setResourceId(resourceId);
        auth.addPermission(permission);
        authorizations.saveAuthorization(auth);
    }
}
