package dk.fbs.oir.routing;

import dk.fbs.oir.debtorsystem.MunicipalityAuthorities;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.dmn.DecisionEvaluationBuilder;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/**
 * Evaluates {@code dmn/debtor-routing.dmn}, the register of municipalities and waves. The same
 * decision the charge process uses, so the REST intake and the process never disagree. The
 * register also names each municipality's CVR number, its authority on Serviceplatformen.
 */
@Service
public class RoutingService implements MunicipalityAuthorities {

    public static final String DECISION_KEY = "debtor-routing";
    public static final String REGISTER_DECISION_KEY = "municipality-register";

    private final DecisionService decisionService;
    private final RepositoryService repositoryService;
    /** The register's rows asked for, for its latest version; a new version starts afresh. */
    private volatile RegisterRows known = new RegisterRows("", Map.of());

    private record RegisterRows(String definitionId, Map<String, Optional<Map<String, Object>>> rows) {}

    public RoutingService(DecisionService decisionService, RepositoryService repositoryService) {
        this.decisionService = decisionService;
        this.repositoryService = repositoryService;
    }

    /** The route of a charge for this municipality on this date; unknown codes are an error. */
    public Route route(String municipalityCode, LocalDate chargeDate) {
        Map<String, Object> result = decisionService
                .evaluateDecisionByKey(DECISION_KEY)
                .variables(Variables.putValue("municipalityCode", municipalityCode)
                        .putValue("chargeDate", chargeDate.toString()))
                .evaluate()
                .getSingleResult();
        Object route = result == null ? null : result.get("route");
        if (route == null) {
            throw new UnknownMunicipalityException(municipalityCode);
        }
        return Route.valueOf(route.toString());
    }

    /**
     * Whether the register knows the code. Asked for every charge FBS posts, so the answer is kept
     * per version of the register: evaluating its 98 rules costs milliseconds of CPU (bench/README.md),
     * finding the latest version one indexed query. A newly deployed register is used at once.
     */
    public boolean isKnown(String municipalityCode) {
        return registerRow(municipalityCode).isPresent();
    }

    /** The municipality's CVR number from the register (column CVR-nummer). */
    @Override
    public String cvr(String municipalityCode) {
        Object cvr = registerRow(municipalityCode)
                .orElseThrow(() -> new UnknownMunicipalityException(municipalityCode))
                .get("cvr");
        if (cvr == null) {
            throw new IllegalStateException("The municipality register has no CVR number for " + municipalityCode);
        }
        return cvr.toString();
    }

    private Optional<Map<String, Object>> registerRow(String municipalityCode) {
        DecisionDefinition latest = repositoryService
                .createDecisionDefinitionQuery()
                .decisionDefinitionKey(REGISTER_DECISION_KEY)
                .withoutTenantId()
                .latestVersion()
                .singleResult();
        if (latest == null) {
            return evaluateRegister(
                    decisionService.evaluateDecisionTableByKey(REGISTER_DECISION_KEY), municipalityCode);
        }
        RegisterRows current = known;
        if (!current.definitionId().equals(latest.getId())) {
            current = new RegisterRows(latest.getId(), new ConcurrentHashMap<>());
            known = current;
        }
        return current.rows()
                .computeIfAbsent(
                        municipalityCode,
                        code -> evaluateRegister(decisionService.evaluateDecisionTableById(latest.getId()), code));
    }

    private static Optional<Map<String, Object>> evaluateRegister(
            DecisionEvaluationBuilder register, String municipalityCode) {
        return Optional.ofNullable(register.variables(Variables.putValue("municipalityCode", municipalityCode))
                .evaluate()
                .getSingleResult());
    }
}
