package dk.fbs.oir.routing;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.dmn.DecisionEvaluationBuilder;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/**
 * Evaluates {@code dmn/debtor-routing.dmn}, the register of municipalities and waves. The same
 * decision the charge process uses, so the REST intake and the process never disagree.
 */
@Service
public class RoutingService {

  public static final String DECISION_KEY = "debtor-routing";
  public static final String REGISTER_DECISION_KEY = "municipality-register";

  private final DecisionService decisionService;
  private final RepositoryService repositoryService;
  /** Answers of {@link #isKnown} for the register's latest version; a new version starts afresh. */
  private volatile KnownCodes known = new KnownCodes("", Map.of());

  private record KnownCodes(String definitionId, Map<String, Boolean> codes) {}

  public RoutingService(DecisionService decisionService, RepositoryService repositoryService) {
    this.decisionService = decisionService;
    this.repositoryService = repositoryService;
  }

  /** The route of a charge for this municipality on this date; unknown codes are an error. */
  public Route route(String municipalityCode, LocalDate chargeDate) {
    Map<String, Object> result =
        decisionService
            .evaluateDecisionByKey(DECISION_KEY)
            .variables(
                Variables.putValue("municipalityCode", municipalityCode)
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
    DecisionDefinition latest = repositoryService.createDecisionDefinitionQuery()
        .decisionDefinitionKey(REGISTER_DECISION_KEY).withoutTenantId().latestVersion().singleResult();
    if (latest == null) {
      return evaluateRegister(decisionService.evaluateDecisionTableByKey(REGISTER_DECISION_KEY), municipalityCode);
    }
    KnownCodes current = known;
    if (!current.definitionId().equals(latest.getId())) {
      current = new KnownCodes(latest.getId(), new ConcurrentHashMap<>());
      known = current;
    }
    return current.codes().computeIfAbsent(municipalityCode,
        code -> evaluateRegister(decisionService.evaluateDecisionTableById(latest.getId()), code));
  }

  private static boolean evaluateRegister(DecisionEvaluationBuilder register, String municipalityCode) {
    return register.variables(Variables.putValue("municipalityCode", municipalityCode)).evaluate().getSingleResult()
        != null;
  }
}
