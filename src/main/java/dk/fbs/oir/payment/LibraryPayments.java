package dk.fbs.oir.payment;

import dk.fbs.oir.charge.Charge;
import dk.fbs.oir.charge.ChargeLedger;
import dk.fbs.oir.charge.ChargeNotFoundException;
import dk.fbs.oir.charge.ChargeStateException;
import dk.fbs.oir.common.Money;
import dk.fbs.oir.routing.Route;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Payments taken at the library desk. Each is stored and its forwarding process started in one
 * transaction, so an accepted payment is never lost; the process passes it on to the debtor
 * system as an indbetaling, retrying while the debtor system is down.
 */
@Service
public class LibraryPayments {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ChargeLedger ledger;
    private final RuntimeService runtimeService;
    private final Clock clock;

    public LibraryPayments(
            JdbcTemplate jdbc,
            TransactionTemplate tx,
            ChargeLedger ledger,
            RuntimeService runtimeService,
            Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.ledger = ledger;
        this.runtimeService = runtimeService;
        this.clock = clock;
    }

    public record Payment(
            String paymentId,
            String fbsChargeId,
            Money amount,
            LocalDate paidOn,
            String status,
            OffsetDateTime createdAt,
            OffsetDateTime forwardedAt) {}

    /** The payment, and whether this call accepted it (false: the same payment was received before). */
    public record Intake(Payment payment, boolean created) {}

    public Intake receive(String fbsChargeId, String paymentId, Money amount, LocalDate paidOn) {
        Charge charge = ledger.find(fbsChargeId).orElseThrow(() -> new ChargeNotFoundException(fbsChargeId));
        String hash = fbsChargeId + "|" + amount.ore() + "|" + paidOn;
        Optional<Payment> earlier = find(paymentId);
        if (earlier.isPresent()) { // the same payment again, even after it closed the charge
            return again(paymentId, hash);
        }
        if (charge.route() == Route.FBS_INTERNAL || charge.status().isFinal()) {
            throw new ChargeStateException("The charge is " + charge.status() + ": a payment for it is not passed on");
        }
        try {
            tx.executeWithoutResult(status -> {
                jdbc.update(
                        "insert into library_payment (payment_id, fbs_charge_id, amount_ore, paid_on, status, request_hash,"
                                + " created_at) values (?,?,?,?,'RECEIVED',?,?)",
                        paymentId,
                        fbsChargeId,
                        amount.ore(),
                        paidOn,
                        hash,
                        OffsetDateTime.now(clock));
                LibraryPaymentProcess.start(runtimeService, paymentId, fbsChargeId, charge.municipalityCode());
            });
            return new Intake(find(paymentId).orElseThrow(), true);
        } catch (DuplicateKeyException concurrent) {
            return again(paymentId, hash);
        }
    }

    private Intake again(String paymentId, String hash) {
        String previous = jdbc.queryForObject(
                "select request_hash from library_payment where payment_id = ?", String.class, paymentId);
        if (!hash.equals(previous)) {
            throw new ChargeStateException("Another payment was already received under paymentId " + paymentId);
        }
        return new Intake(find(paymentId).orElseThrow(), false);
    }

    private static final RowMapper<Payment> PAYMENT = (rs, i) -> new Payment(
            rs.getString("payment_id"),
            rs.getString("fbs_charge_id"),
            Money.ofOre(rs.getLong("amount_ore")),
            rs.getObject("paid_on", LocalDate.class),
            rs.getString("status"),
            rs.getObject("created_at", OffsetDateTime.class),
            rs.getObject("forwarded_at", OffsetDateTime.class));

    public Optional<Payment> find(String paymentId) {
        return jdbc.query("select * from library_payment where payment_id = ?", PAYMENT, paymentId).stream()
                .findFirst();
    }

    /** Payments taken at the desk on a day in a municipality and passed on to its debtor system. */
    public List<Payment> forwarded(String municipalityCode, LocalDate paidOn) {
        return jdbc.query(
                "select p.* from library_payment p join charge c on c.fbs_charge_id = p.fbs_charge_id"
                        + " where c.municipality_code = ? and p.paid_on = ? and p.status = 'FORWARDED' order by p.payment_id",
                PAYMENT,
                municipalityCode,
                paidOn);
    }

    void markForwarded(String paymentId) {
        jdbc.update(
                "update library_payment set status = 'FORWARDED', forwarded_at = ? where payment_id = ?",
                OffsetDateTime.now(clock),
                paymentId);
    }

    void markRejected(String paymentId) {
        jdbc.update("update library_payment set status = 'REJECTED' where payment_id = ?", paymentId);
    }
}
