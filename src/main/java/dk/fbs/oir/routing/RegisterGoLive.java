package dk.fbs.oir.routing;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Description;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.dmn.instance.Text;
import org.springframework.stereotype.Service;

/**
 * The municipality register ({@code dmn/debtor-routing.dmn}) as the engine holds it, and its one
 * change made from code: a municipality goes live. The register stays a DMN that process owners see
 * in Modeler and Cockpit; going live deploys a new version of the file, made with Camunda's DMN model
 * API from the latest deployed one: the municipality's wave is set in the register, the wave's
 * go-live date is added to the routing table if the wave is new there, and the rule's description,
 * the deployment's name and its source say who approved it and why.
 *
 * <p>The deployment has a name of its own, not the process archive's: a restart with the jar's
 * unchanged file does not deploy the older register over it (deploy-changed-only compares with
 * deployments of the same name).
 */
@Service
public class RegisterGoLive {

    /** The resource name the jar deploys the register under. */
    public static final String RESOURCE = "dmn/debtor-routing.dmn";
    /** Source of the register versions deployed here. */
    public static final String SOURCE = "onboarding";

    private static final String BEFORE_GO_LIVE_RULE = "Rule_BeforeGoLive";

    private final RepositoryService repository;

    public RegisterGoLive(RepositoryService repository) {
        this.repository = repository;
    }

    /** A municipality in the latest register: its wave is null until it is enrolled. */
    public record Entry(String municipalityCode, String name, String debtorSystem, Integer wave) {}

    /** A go-live to deploy: who approved it and why. */
    public record GoLive(String municipalityCode, int wave, LocalDate goLiveDate, String approvedBy, String reason) {}

    /** Every municipality of the latest register, in its order. */
    public List<Entry> entries() {
        DmnModelInstance model = latest();
        int name = output(model, "municipalityName");
        int system = output(model, "debtorSystem");
        int waveColumn = output(model, "wave");
        return rules(model, "DecisionTable_MunicipalityRegister").stream()
                .filter(rule -> rule.getId().startsWith("Rule_Municipality_"))
                .map(rule -> {
                    List<OutputEntry> out = List.copyOf(rule.getOutputEntries());
                    String wave = text(out.get(waveColumn));
                    return new Entry(
                            unquote(text(rule.getInputEntries().iterator().next())),
                            unquote(text(out.get(name))),
                            unquote(text(out.get(system))),
                            wave.isBlank() || wave.equals("null") ? null : Integer.valueOf(wave));
                })
                .toList();
    }

    public Optional<Entry> entry(String municipalityCode) {
        return entries().stream()
                .filter(e -> e.municipalityCode().equals(municipalityCode))
                .findFirst();
    }

    /**
     * Deploys the register with the municipality in its wave. Nothing is deployed when the latest
     * register has it there already (a retried job); the answer is then empty.
     *
     * @throws IllegalStateException when the routing table has another date for the wave: the waves
     *     table and the register disagree, which a process owner must settle (an incident)
     */
    public Optional<String> goLive(GoLive goLive) {
        DmnModelInstance model = latest();
        String code = goLive.municipalityCode();
        Rule municipality = model.getModelElementById("Rule_Municipality_" + code);
        if (municipality == null) {
            throw new UnknownMunicipalityException(code);
        }
        OutputEntry wave = List.copyOf(municipality.getOutputEntries()).get(output(model, "wave"));
        if (text(wave).equals(String.valueOf(goLive.wave()))) {
            return Optional.empty();
        }
        requireWaveRule(model, goLive.wave(), goLive.goLiveDate());
        wave.getText().setTextContent(String.valueOf(goLive.wave()));
        String approval = "i drift fra " + goLive.goLiveDate() + " (bølge " + goLive.wave() + "), godkendt af "
                + goLive.approvedBy() + ": " + goLive.reason();
        describe(
                model,
                municipality,
                municipality.getDescription() == null
                        ? approval
                        : municipality.getDescription().getTextContent() + " – " + approval);
        String name = "Idriftsættelse " + code + " bølge " + goLive.wave() + ", godkendt af " + goLive.approvedBy();
        return Optional.of(repository
                .createDeployment()
                .name(name.length() > 200 ? name.substring(0, 200) : name)
                .source(SOURCE)
                .addString(RESOURCE, Dmn.convertToString(model))
                .deploy()
                .getId());
    }

    /** The wave's rule in the routing table: added before "before go-live" if new, else its date must agree. */
    private static void requireWaveRule(DmnModelInstance model, int wave, LocalDate goLiveDate) {
        String id = "Rule_Wave" + wave + "_Live";
        String dateEntry = ">= date(\"" + goLiveDate + "\")";
        Rule existing = model.getModelElementById(id);
        if (existing != null) {
            String date = text(List.copyOf(existing.getInputEntries()).get(2));
            if (!date.equals(dateEntry)) {
                throw new IllegalStateException(
                        "Bølge " + wave + " har '" + date + "' i Debitor-routing, men go-live-datoen " + goLiveDate
                                + " i Implementeringsbølger: procesejeren skal rette den ene");
            }
            return;
        }
        Rule rule = model.newInstance(Rule.class);
        rule.setId(id);
        describe(
                model,
                rule,
                "Bølge " + wave + ": til kommunens debitorsystem fra bølgens go-live-dato i kolonnen"
                        + " Gebyrets dato (tilføjet ved den første idriftsættelse i bølgen).");
        String[][] inputs = {{"DebtorSystem", ""}, {"Wave", String.valueOf(wave)}, {"ChargeDate", dateEntry}};
        for (String[] input : inputs) {
            InputEntry entry = model.newInstance(InputEntry.class);
            entry.setId(id + "_" + input[0]);
            entry.setText(text(model, input[1]));
            rule.getInputEntries().add(entry);
        }
        OutputEntry route = model.newInstance(OutputEntry.class);
        route.setId(id + "_Route");
        route.setText(text(model, "debtorSystem"));
        rule.getOutputEntries().add(route);
        Rule beforeGoLive = model.getModelElementById(BEFORE_GO_LIVE_RULE);
        List<Rule> rules = rules(model, "DecisionTable_DebtorRouting");
        beforeGoLive.getParentElement().insertElementAfter(rule, rules.get(rules.indexOf(beforeGoLive) - 1));
    }

    private DmnModelInstance latest() {
        DecisionDefinition register = repository
                .createDecisionDefinitionQuery()
                .decisionDefinitionKey(RoutingService.REGISTER_DECISION_KEY)
                .withoutTenantId()
                .latestVersion()
                .singleResult();
        try (InputStream in = repository.getResourceAsStream(register.getDeploymentId(), register.getResourceName())) {
            return Dmn.readModelFromStream(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The position of the register's output column {@code name} (columns are found by name, not by place). */
    private static int output(DmnModelInstance model, String name) {
        org.camunda.bpm.model.dmn.instance.DecisionTable table =
                model.getModelElementById("DecisionTable_MunicipalityRegister");
        List<org.camunda.bpm.model.dmn.instance.Output> outputs = List.copyOf(table.getOutputs());
        for (int i = 0; i < outputs.size(); i++) {
            if (name.equals(outputs.get(i).getName())) {
                return i;
            }
        }
        throw new IllegalStateException("The municipality register has no output " + name);
    }

    private static List<Rule> rules(DmnModelInstance model, String tableId) {
        org.camunda.bpm.model.dmn.instance.DecisionTable table = model.getModelElementById(tableId);
        return List.copyOf(table.getRules());
    }

    private static void describe(DmnModelInstance model, Rule rule, String text) {
        Description description = model.newInstance(Description.class);
        description.setTextContent(text);
        rule.setDescription(description);
    }

    private static Text text(DmnModelInstance model, String content) {
        Text text = model.newInstance(Text.class);
        text.setTextContent(content);
        return text;
    }

    private static String text(InputEntry entry) {
        return entry.getText() == null ? "" : entry.getText().getTextContent().trim();
    }

    private static String text(OutputEntry entry) {
        return entry.getText() == null ? "" : entry.getText().getTextContent().trim();
    }

    private static String unquote(String feelString) {
        return feelString.replaceAll("^\"|\"$", "");
    }
}
