package dk.fbs.oir.charge;

import static dk.fbs.oir.charge.ChargeProcess.Element.EndEvent_ClaimRejected;
import static dk.fbs.oir.charge.ChargeProcess.Element.EndEvent_ClaimSubmitted;
import static dk.fbs.oir.charge.ChargeProcess.Element.EndEvent_HandledInFbs;
import static dk.fbs.oir.charge.ChargeProcess.Element.Task_RecordHandledInFbs;
import static dk.fbs.oir.charge.ChargeProcess.Element.Task_RecordRejection;
import static dk.fbs.oir.charge.ChargeProcess.Element.Task_SubmitClaim;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import dk.fbs.oir.routing.UnknownMunicipalityException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of processes/charge.bpmn on an in-memory engine, the real routing DMN, and stand-ins
 * for the delegates. Flow-node coverage of the class must be 100 %.
 */
@Deployment(resources = {"processes/charge.bpmn", "dmn/debtor-routing.dmn"})
class ChargeProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine =
      ProcessEngineCoverageExtension.builder().assertClassCoverageAtLeast(1.0).build();

  /** What the stand-in of "recordChargeStatus" was asked to record. */
  private final List<String> recordedStatuses = new ArrayList<>();
  private JavaDelegate submitClaim;

  @BeforeEach
  void registerDelegates() {
    ExecutionListener recordRoute = execution -> {
      if (ChargeProcess.ROUTE.get(execution) == null) {
        throw new UnknownMunicipalityException(ChargeProcess.MUNICIPALITY_CODE.get(execution));
      }
    };
    JavaDelegate recordChargeStatus = execution ->
        recordedStatuses.add(ChargeProcess.STATUS.getLocal(execution) + ": " + ChargeProcess.TEXT.getLocal(execution));
    Mocks.register("recordRoute", recordRoute);
    Mocks.register("recordChargeStatus", recordChargeStatus);
    Mocks.register("submitClaim", (JavaDelegate) execution -> submitClaim.execute(execution));
  }

  @AfterEach
  void resetMocks() {
    Mocks.reset();
  }

  @Test
  void municipalityNotEnrolled_isHandledInFbs() {
    ProcessInstance pi = startAndPassStartEvent("155", LocalDate.of(2026, 11, 20)); // Dragør: no wave

    assertThat(pi).isEnded().hasPassed(Task_RecordHandledInFbs.id(), EndEvent_HandledInFbs.id());
    assertThat(pi).variables().containsEntry("route", "FBS_INTERNAL");
    assertThat(recordedStatuses).singleElement().asString().startsWith("HANDLED_IN_FBS: ");
  }

  @Test
  void chargeBeforeGoLive_isHandledInFbs() {
    ProcessInstance pi = startAndPassStartEvent("561", LocalDate.of(2022, 4, 13)); // Esbjerg, wave 1: 14 April 2022

    assertThat(pi).isEnded().hasPassed(EndEvent_HandledInFbs.id());
  }

  @Test
  void liveMunicipality_claimIsSubmittedAsynchronously() {
    submitClaim = execution -> ChargeProcess.DEBTOR_SYSTEM_CLAIM_ID.set(execution, "900000001");
    ProcessInstance pi = startAndPassStartEvent("561", LocalDate.of(2026, 11, 20));

    assertThat(pi).isWaitingAt(Task_SubmitClaim.id());
    assertThat(pi).variables().containsEntry("route", "PRISME_2009");
    execute(job());
    assertThat(pi).isEnded().hasPassed(EndEvent_ClaimSubmitted.id()).hasNotPassed(EndEvent_HandledInFbs.id());
    assertThat(pi).variables().containsEntry("debtorSystemClaimId", "900000001");
    assertThat(recordedStatuses).isEmpty();
  }

  @Test
  void claimRejectedByTheDebtorSystem_isRecordedAsRejected() {
    submitClaim = execution -> {
      throw new BpmnError(ChargeProcess.ERROR_CLAIM_REJECTED, "KMD Opus afviste fordringen: UKENDT_DEBITOR");
    };
    ProcessInstance pi = startAndPassStartEvent("101", LocalDate.of(2026, 11, 20));

    execute(job());
    assertThat(pi).isEnded().hasPassed(Task_RecordRejection.id(), EndEvent_ClaimRejected.id());
    assertThat(recordedStatuses).containsExactly("REJECTED: KMD Opus afviste fordringen: UKENDT_DEBITOR");
  }

  @Test
  void technicalFailure_isRetriedAndThenAnIncident() {
    submitClaim = execution -> {
      throw new IllegalStateException("Read timed out");
    };
    ProcessInstance pi = startAndPassStartEvent("621", LocalDate.of(2026, 11, 20));

    for (int attempt = 1; attempt <= 3; attempt++) {
      Job job = job();
      Assertions.assertThatThrownBy(() -> managementService().executeJob(job.getId()))
          .hasMessageContaining("Read timed out");
    }
    assertThat(pi).isWaitingAt(Task_SubmitClaim.id());
    assertThat(runtimeService().createIncidentQuery().processInstanceId(pi.getId()).singleResult())
        .satisfies(incident -> assertThat(incident.getActivityId()).isEqualTo(Task_SubmitClaim.id()));
    assertThat(recordedStatuses).isEmpty();
  }

  @Test
  void municipalityMissingFromTheRegister_failsNamingTheCode() {
    ProcessInstance pi = ChargeProcess.start(runtimeService(), charge("999", LocalDate.of(2026, 11, 20)));

    Assertions.assertThatThrownBy(() -> managementService().executeJob(job(pi).getId()))
        .hasMessageContaining("'999'");
    assertThat(pi).isNotEnded();
  }

  private ProcessInstance startAndPassStartEvent(String municipalityCode, LocalDate occurredOn) {
    ProcessInstance pi = ChargeProcess.start(runtimeService(), charge(municipalityCode, occurredOn));
    assertThat(pi).isWaitingAt(ChargeProcess.Element.StartEvent_ChargeReceived.id());
    execute(job());
    return pi;
  }

  private static Charge charge(String municipalityCode, LocalDate occurredOn) {
    return new Charge("FBS-" + municipalityCode + "-" + System.nanoTime(), municipalityCode, "0101901234",
        "Jens Hansen", ChargeType.OVERDUE_FEE, 12500, 12500, "Overskredet lånetid", null, null, occurredOn, null,
        ChargeStatus.RECEIVED, null, "hash", null, null, null);
  }
}
