package dk.fbs.oir.sync;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The pull interval of debtor-sync.bpmn ({@code ${debtorSyncSettings.cycle}}), e.g. {@code R/PT1M}. */
@Component("debtorSyncSettings")
public class DebtorSyncSettings {

    private final String cycle;

    public DebtorSyncSettings(@Value("${debtor-sync.cycle:R/PT1M}") String cycle) {
        this.cycle = cycle;
    }

    public String getCycle() {
        return cycle;
    }
}
