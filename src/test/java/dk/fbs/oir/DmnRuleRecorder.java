package dk.fbs.oir;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;

/** Records the rules a DMN decision table matched, so tests can show every rule is exercised. */
public final class DmnRuleRecorder implements DmnDecisionEvaluationListener {

    private final List<String> matched = new ArrayList<>();

    @Override
    public void notify(DmnDecisionEvaluationEvent event) {
        ((DmnDecisionTableEvaluationEvent) event.getDecisionResult())
                .getMatchingRules().stream()
                        .map(DmnEvaluatedDecisionRule::getId)
                        .forEach(matched::add);
    }

    public void clear() {
        matched.clear();
    }

    public List<String> matchedRuleIds() {
        return List.copyOf(matched);
    }

    /** Every rule id of the decision's table. */
    public static List<String> ruleIds(DmnModelInstance model, String decisionId) {
        Decision table = model.getModelElementById(decisionId);
        return ((DecisionTable) table.getExpression())
                .getRules().stream().map(Rule::getId).toList();
    }
}
