package dk.fbs.oir.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/** Every job has a due date, and the acquisition's question "due date passed" has its index. */
@SpringBootTest
@ActiveProfiles({"simulator", "test"})
class JobAcquisitionByDueDateTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    ManagementService managementService;

    @Test
    void theDueDateHasAnIndex() {
        assertThat(jdbc.queryForObject(
                        "select count(*) from information_schema.indexes where index_name = 'ACT_IDX_JOB_DUEDATE'",
                        Integer.class))
                .isOne();
    }

    @Test
    void anAsynchronousStepHasADueDate() {
        repositoryService
                .createDeployment()
                .addModelInstance(
                        "due-date-probe.bpmn",
                        Bpmn.createExecutableProcess("due-date-probe")
                                .camundaHistoryTimeToLive(1)
                                .startEvent()
                                .camundaAsyncBefore()
                                .endEvent()
                                .done())
                .deploy();
        // in a transaction that is never committed: the job executor cannot take the job meanwhile
        tx.executeWithoutResult(status -> {
            String instance =
                    runtimeService.startProcessInstanceByKey("due-date-probe").getId();
            Job job = managementService
                    .createJobQuery()
                    .processInstanceId(instance)
                    .singleResult();
            assertThat(job.getDuedate()).isNotNull();
            assertThat(jdbc.queryForObject("select count(*) from ACT_RU_JOB where DUEDATE_ is null", Integer.class))
                    .isZero();
            status.setRollbackOnly();
        });
    }
}
