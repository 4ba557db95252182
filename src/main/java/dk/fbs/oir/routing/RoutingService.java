package dk.fbs.oir.routing;

import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
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

  public RoutingService(DecisionService decisionService) {
    this.decisionService = decisionService;
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

  public boolean isKnown(String municipalityCode) {
    return decisionService
            .evaluateDecisionTableByKey(REGISTER_DECISION_KEY)
            .variables(Variables.putValue("municipalityCode", municipalityCode))
            .evaluate()
            .getSingleResult()
        != null;
  }
}
