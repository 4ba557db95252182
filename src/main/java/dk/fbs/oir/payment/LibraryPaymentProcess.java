package dk.fbs.oir.payment;

import dk.fbs.oir.common.ProcessVariable;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;

/** The backing of {@code processes/library-payment.bpmn}: key, element ids, variables, start. */
public final class LibraryPaymentProcess {

    public static final String KEY = "library-payment";
    /** BPMN error "Indbetaling afvist": the debtor system refused the payment for a business reason. */
    public static final String ERROR_PAYMENT_REJECTED = "PAYMENT_REJECTED";

    public enum Element {
        StartEvent_PaymentTaken,
        Task_ForwardPayment,
        EndEvent_PaymentForwarded,
        BoundaryEvent_PaymentRejected,
        UserTask_HandleRejectedPayment,
        EndEvent_RejectedPaymentHandled;

        public String id() {
            return name();
        }
    }

    /** FBS' id of the payment; also the instance's business key. */
    public static final ProcessVariable<String> PAYMENT_ID = ProcessVariable.of("paymentId", String.class);

    public static final ProcessVariable<String> FBS_CHARGE_ID = ProcessVariable.of("fbsChargeId", String.class);
    /** Names the caseworker group. */
    public static final ProcessVariable<String> MUNICIPALITY_CODE =
            ProcessVariable.of("municipalityCode", String.class);

    public static final ProcessVariable<String> REJECTION_TEXT = ProcessVariable.of("rejectionText", String.class);

    private LibraryPaymentProcess() {}

    static void start(RuntimeService runtimeService, String paymentId, String fbsChargeId, String municipalityCode) {
        runtimeService.startProcessInstanceByKey(
                KEY,
                paymentId,
                Variables.createVariables()
                        .putValue(PAYMENT_ID.name(), paymentId)
                        .putValue(FBS_CHARGE_ID.name(), fbsChargeId)
                        .putValue(MUNICIPALITY_CODE.name(), municipalityCode));
    }
}
