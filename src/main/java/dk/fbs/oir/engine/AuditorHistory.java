package dk.fbs.oir.engine;

import dk.fbs.oir.charge.ChargeAudit;
import dk.fbs.oir.charge.ChargeProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.stereotype.Component;

/**
 * Offers the history level {@link AuditorHistoryLevel auditor} to operators ({@code
 * camunda.bpm.history-level: auditor}); charges keep only their {@link ChargeAudit.VARIABLES}.
 */
@Component
public class AuditorHistory extends AbstractCamundaConfiguration {

    @Override
    public void preInit(SpringProcessEngineConfiguration configuration) {
        List<HistoryLevel> levels = configuration.getCustomHistoryLevels() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomHistoryLevels());
        levels.add(new AuditorHistoryLevel(Map.of(ChargeProcess.KEY, ChargeAudit.VARIABLES)));
        configuration.setCustomHistoryLevels(levels);
    }
}
