package dk.fbs.oir.charge;

import dk.fbs.oir.common.Cpr;
import dk.fbs.oir.common.Money;
import dk.fbs.oir.common.ProcessVariable;
import dk.fbs.oir.tasklist.TaskForms;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The charge's facts for the caseworker's task forms (forms/*.form): set on the task when it is
 * created ({@code <camunda:taskListener delegateExpression="${chargeFacts}" event="create"/>}) and
 * again whenever the balance changes while it is open. They are task variables, so they end with
 * the task and never enter the process; the forms show them as disabled fields, which Tasklist
 * neither submits nor keeps in its draft. The debtor is masked.
 */
@Component("chargeFacts")
public class ChargeFacts implements TaskListener {

    public static final ProcessVariable<String> CHARGE = ProcessVariable.of("factCharge", String.class);
    public static final ProcessVariable<String> AMOUNT = ProcessVariable.of("factAmount", String.class);
    public static final ProcessVariable<String> BALANCE = ProcessVariable.of("factBalance", String.class);
    public static final ProcessVariable<String> OVERPAID = ProcessVariable.of("factOverpaid", String.class);
    public static final ProcessVariable<String> DEBTOR = ProcessVariable.of("factDebtor", String.class);
    public static final ProcessVariable<String> DEBTOR_SYSTEM = ProcessVariable.of("factDebtorSystem", String.class);
    public static final ProcessVariable<String> CLAIM = ProcessVariable.of("factClaim", String.class);
    /** ISO dates (yyyy-MM-dd): the forms' date fields show them in the browser's (Danish) format. */
    public static final ProcessVariable<String> DUE_DATE = ProcessVariable.of("factDueDate", String.class);

    public static final ProcessVariable<String> LAST_PAY_DATE = ProcessVariable.of("factLastPayDate", String.class);
    /** The timeline as a JSON list of {dato, status, tekst} for the forms' table. */
    public static final ProcessVariable<JsonValue> TIMELINE = ProcessVariable.of("factTimeline", JsonValue.class);

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final ChargeLedger ledger;
    private final TaskService taskService;

    public ChargeFacts(ChargeLedger ledger, @Lazy TaskService taskService) {
        this.ledger = ledger;
        this.taskService = taskService;
    }

    @Override
    public void notify(DelegateTask task) {
        task.setVariablesLocal(facts(ledger.get(ChargeProcess.fbsChargeId(task))));
    }

    /** The balance changed: the open tasks of the charge show the new one (and the new timeline). */
    public void refresh(Charge charge, String processInstanceId) {
        taskService
                .createTaskQuery()
                .processInstanceId(processInstanceId)
                .list()
                .forEach(task -> taskService.setVariablesLocal(task.getId(), facts(charge)));
    }

    // The generated forms of process versions deployed before forms/ call these while their tasks are open.

    public String summary(String fbsChargeId) {
        Charge c = ledger.get(fbsChargeId);
        return c.fbsChargeId() + " · " + c.description() + " · " + kroner(c.amount()) + " kr. · "
                + (c.debtorSystemClaimId() == null ? "ingen fordring endnu" : "fordring " + c.debtorSystemClaimId());
    }

    public String debtor(String fbsChargeId) {
        return debtorText(ledger.get(fbsChargeId));
    }

    private static String debtorText(Charge c) {
        return c.debtorName() + ", CPR " + Cpr.mask(c.debtorCpr());
    }

    public String balance(String fbsChargeId) {
        return kroner(ledger.get(fbsChargeId).balance());
    }

    public String overpaid(String fbsChargeId) {
        return kroner(Money.ofOre(Math.max(0, -ledger.get(fbsChargeId).balance().ore())));
    }

    public String history(String fbsChargeId) {
        return String.join(
                " | ",
                ledger.timeline(fbsChargeId).stream()
                        .map(e -> e.at().format(DateTimeFormatter.ofPattern("dd.MM.yyyy")) + " " + e.text())
                        .toList());
    }

    private Map<String, Object> facts(Charge c) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put(CHARGE.name(), c.fbsChargeId() + " · " + c.description());
        facts.put(AMOUNT.name(), kroner(c.amount()));
        facts.put(BALANCE.name(), kroner(Money.ofOre(Math.max(0, c.balance().ore()))));
        facts.put(OVERPAID.name(), kroner(Money.ofOre(Math.max(0, -c.balance().ore()))));
        facts.put(DEBTOR.name(), debtorText(c));
        facts.put(
                DEBTOR_SYSTEM.name(),
                c.route() == null || c.route().debtorSystem().isEmpty()
                        ? "—"
                        : c.debtorSystem().displayName());
        facts.put(CLAIM.name(), c.debtorSystemClaimId() == null ? "ingen fordring endnu" : c.debtorSystemClaimId());
        facts.put(DUE_DATE.name(), iso(c.dueDate()));
        facts.put(LAST_PAY_DATE.name(), iso(c.lastPayDate()));
        facts.put(TIMELINE.name(), timeline(ledger.timeline(c.fbsChargeId())));
        return facts;
    }

    private static JsonValue timeline(List<TimelineEntry> entries) {
        List<Map<String, String>> rows = entries.stream()
                .map(e -> Map.of("dato", e.at().format(AT), "status", statusText(e.status()), "tekst", e.text()))
                .toList();
        return TaskForms.json(rows);
    }

    static String statusText(ChargeStatus status) {
        return switch (status) {
            case RECEIVED -> "Modtaget";
            case HANDLED_IN_FBS -> "Håndteres i FBS";
            case SUBMITTED -> "Oprettet";
            case REJECTED -> "Afvist";
            case INVOICED -> "Opkrævet";
            case REMINDED -> "Rykket";
            case DISPUTED -> "Indsigelse";
            case IN_COLLECTION -> "Til inddrivelse";
            case PAID -> "Betalt";
            case CANCELLED -> "Annulleret";
            case COLLECTED -> "Inddrevet";
            case WRITTEN_OFF -> "Afskrevet";
        };
    }

    /** Kroner in Danish notation: 1.234,50. */
    public static String kroner(Money amount) {
        return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.forLanguageTag("da-DK")))
                .format(amount.kroner());
    }

    private static String iso(LocalDate day) {
        return day == null ? null : day.toString();
    }
}
