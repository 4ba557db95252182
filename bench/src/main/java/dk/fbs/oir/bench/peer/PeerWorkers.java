package dk.fbs.oir.bench.peer;

import dk.fbs.oir.bench.peer.PeerTable.Due;
import dk.fbs.oir.charge.Charge;
import dk.fbs.oir.debtorsystem.ClaimState;
import dk.fbs.oir.debtorsystem.ClaimSubmission;
import dk.fbs.oir.debtorsystem.IdempotencyRef;
import dk.fbs.oir.debtorsystem.OirGateway;
import dk.fbs.oir.debtorsystem.OirRejection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The peer's worker pool: one thread claims due charges from {@link PeerTable} (woken by the intake
 * after each commit, otherwise every second), a fixed pool sends each claim through the
 * application's own CXF client with the engine's idempotency reference, and records the answer. A
 * technical failure is retried after a minute, five attempts in all (the engine's {@code R5/PT1M});
 * a business rejection is final. As the engine's job executor: ten threads, twenty claims per round.
 */
final class PeerWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeerWorkers.class);

    static final int ATTEMPTS = 5;
    static final Duration RETRY_DELAY = Duration.ofMinutes(1);
    /** Longer than a SOAP call with its timeouts: the claim is not taken twice while it is being sent. */
    static final Duration LEASE = Duration.ofMinutes(5);

    private final PeerTable table;
    private final OirGateway oir;
    private final int threads;
    private final int perRound;
    /** Work in the pool or waiting for it, at most {@code 10 × threads}, as the job executor's queue. */
    private final Semaphore room;

    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private ExecutorService pool;
    private Thread acquisition;

    PeerWorkers(PeerTable table, OirGateway oir, int threads, int perRound) {
        this.table = table;
        this.oir = oir;
        this.threads = threads;
        this.perRound = perRound;
        this.room = new Semaphore(10 * threads);
    }

    /** New charges are due: claim them now rather than at the next round. */
    void wake() {
        wake.release();
    }

    @Override
    public void start() {
        running = true;
        AtomicInteger workers = new AtomicInteger();
        pool = Executors.newFixedThreadPool(threads, r -> new Thread(r, "peer-worker-" + workers.incrementAndGet()));
        acquisition = new Thread(this::acquire, "peer-acquisition");
        acquisition.start();
    }

    @Override
    public void stop() {
        running = false;
        acquisition.interrupt();
        pool.shutdown();
        try {
            pool.awaitTermination(30, TimeUnit.SECONDS);
            acquisition.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void acquire() {
        while (running) {
            try {
                room.acquire();
                int free = 1 + room.drainPermits();
                int wanted = Math.min(perRound, free);
                List<Due> due = claim(wanted);
                room.release(free - due.size());
                for (Due claim : due) {
                    pool.execute(() -> send(claim));
                }
                if (due.size() < wanted && wake.tryAcquire(1, TimeUnit.SECONDS)) {
                    wake.drainPermits(); // nothing more was due: wait for the intake, or a second
                }
            } catch (InterruptedException stopping) {
                return;
            }
        }
    }

    private List<Due> claim(int limit) throws InterruptedException {
        try {
            return table.claimDue(limit, LEASE);
        } catch (RuntimeException e) {
            log.warn("Claiming due charges failed; trying again in a second", e);
            Thread.sleep(1000);
            return List.of();
        }
    }

    private void send(Due due) {
        Charge charge = due.charge();
        try {
            ClaimState claim = oir.submitClaim(
                    charge.debtorSystem(),
                    new ClaimSubmission(
                            charge.municipalityCode(),
                            charge.fbsChargeId(),
                            charge.debtorCpr(),
                            charge.debtorName(),
                            charge.type().claimKind(),
                            charge.amount(),
                            charge.description(),
                            charge.occurredOn(),
                            charge.materialId(),
                            charge.branch(),
                            charge.dunningMode()),
                    IdempotencyRef.submission(charge.fbsChargeId(), 1));
            table.submitted(charge.fbsChargeId(), claim.claimId());
        } catch (OirRejection rejection) {
            table.rejected(charge.fbsChargeId(), rejection.getMessage());
        } catch (RuntimeException e) {
            log.warn("Attempt {} of {} to submit {} failed", due.attempt(), ATTEMPTS, charge.fbsChargeId(), e);
            if (due.attempt() >= ATTEMPTS) {
                table.gaveUp(charge.fbsChargeId(), e.toString());
            } else {
                table.retryLater(charge.fbsChargeId(), e.toString(), RETRY_DELAY);
            }
        } finally {
            room.release();
        }
    }
}
