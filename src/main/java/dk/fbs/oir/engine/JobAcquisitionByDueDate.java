package dk.fbs.oir.engine;

import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the job executor's acquisition cheap however many charges wait. Each charge waiting for its
 * invoice has a timer job (the watchdog) in {@code ACT_RU_JOB}, due weeks ahead: 100,000 after a
 * nightly batch. The acquisition asks for jobs whose due date is null or passed, which no index of
 * Camunda's answers, so PostgreSQL reads every waiting timer on every acquisition. With every job
 * given a due date ({@code ensureJobDueDateNotNull}) the question becomes "due date passed", and
 * the index {@code ACT_IDX_JOB_DUEDATE} answers it with the due jobs alone.
 *
 * <p>The index is created at start once Camunda's tables exist; jobs of an earlier start without
 * a due date get one, as the acquisition would not find them otherwise.
 */
@Component
public class JobAcquisitionByDueDate extends AbstractCamundaConfiguration {

    private static final Logger log = LoggerFactory.getLogger(JobAcquisitionByDueDate.class);

    private final JdbcTemplate jdbc;

    public JobAcquisitionByDueDate(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public void preInit(SpringProcessEngineConfiguration configuration) {
        configuration.setEnsureJobDueDateNotNull(true);
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        try {
            jdbc.execute("create index if not exists ACT_IDX_JOB_DUEDATE on ACT_RU_JOB (DUEDATE_)");
        } catch (DataAccessException anotherNodeCreatesIt) {
            log.info(
                    "ACT_IDX_JOB_DUEDATE not created here ({}); another node starting now creates it",
                    anotherNodeCreatesIt.getMostSpecificCause().getMessage());
        }
        int dated = jdbc.update("update ACT_RU_JOB set DUEDATE_ = current_timestamp where DUEDATE_ is null");
        if (dated > 0) {
            log.info("{} jobs from before due dates were always set got one, so the job executor finds them", dated);
        }
    }
}
