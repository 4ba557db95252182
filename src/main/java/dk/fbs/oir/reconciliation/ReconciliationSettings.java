package dk.fbs.oir.reconciliation;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * When reconciliation runs ({@code ${reconciliationSettings.cycle}} in reconciliation.bpmn, a cron
 * expression or ISO 8601 repeating interval) and for which municipalities (empty: every
 * municipality with claims in a debtor system).
 */
@Component("reconciliationSettings")
@ConfigurationProperties("reconciliation")
public class ReconciliationSettings {

    private String cycle = "0 0 5 * * ?";
    private List<String> municipalities = new ArrayList<>();

    public String getCycle() {
        return cycle;
    }

    public void setCycle(String cycle) {
        this.cycle = cycle;
    }

    public List<String> getMunicipalities() {
        return municipalities;
    }

    public void setMunicipalities(List<String> municipalities) {
        this.municipalities = municipalities;
    }
}
