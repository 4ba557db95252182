package dk.fbs.oir.security;

import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.stereotype.Component;

/**
 * One Camunda tenant per municipality: the shared process definitions' instances (and their tasks,
 * jobs and history) belong to the tenant named by their {@code municipalityCode}, e.g. {@code 561}.
 * A caseworker who is a member of tenant 561 sees Esbjerg's work and nothing else; operators in
 * {@code camunda-admin} see all (authorization checks are on, see application.yaml).
 */
@Component
public class MunicipalityTenants extends AbstractCamundaConfiguration implements TenantIdProvider {

    /** Tenant ids are the municipality codes. */
    public static String tenantOf(String municipalityCode) {
        return municipalityCode;
    }

    @Override
    public void preInit(SpringProcessEngineConfiguration configuration) {
        configuration.setTenantIdProvider(this);
    }

    @Override
    public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
        Object municipality =
                ctx.getVariables() == null ? null : ctx.getVariables().get("municipalityCode");
        return municipality == null ? null : tenantOf(municipality.toString());
    }

    @Override
    public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
        return null;
    }

    @Override
    public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext ctx) {
        return ctx.getExecution() == null ? null : ctx.getExecution().getTenantId();
    }
}
