package dk.fbs.oir.simulator;

import dk.fbs.oir.debtorsystem.DebtorSystem;
import dk.fbs.oir.wsdl.debitor.FordringTilstandType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The simulated debtor systems' ledger: claims, postings, events and the idempotency register,
 * in tables of their own so they survive a restart. Every state change is one transaction that
 * also records the request's idempotency reference and the event the debtor system will publish.
 */
class SimulatorLedger {

  static final String OPEN_STATES = "'REGISTRERET','OPKRAEVET','RYKKET','OVERDRAGET_TIL_INDDRIVELSE'";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final SimulatorProperties properties;
  private final Clock clock;
  private final SimulatorPush notifier;

  SimulatorLedger(JdbcTemplate jdbc, TransactionTemplate tx, SimulatorProperties properties, Clock clock,
      SimulatorPush notifier) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.properties = properties;
    this.clock = clock;
    this.notifier = notifier;
  }

  /** A claim to create, as the debtor system receives it. */
  record NewClaim(
      String fbsChargeId,
      String cpr,
      String debtorName,
      String claimType,
      long principalOre,
      String description,
      LocalDate establishedOn) {}

  /** Posting kinds in the reconciliation statement. */
  enum PostingKind {
    INDBETALING,
    KREDITERING,
    AFSKRIVNING,
    RYKKERGEBYR
  }

  // ---------------------------------------------------------------- idempotent commands

  SimClaim createClaim(DebtorSystem system, String municipality, String idempotencyRef, NewClaim claim) {
    return idempotent(system, idempotencyRef, "OpretFordring", null, () -> {
      if (claim.cpr().endsWith("0000")) {
        throw new SimulatorRejection("UKENDT_DEBITOR", "Debitor er ukendt i debitorsystemet");
      }
      if (claim.principalOre() <= 0) {
        throw new SimulatorRejection("UGYLDIGE_DATA", "Hovedstol skal være positiv");
      }
      OffsetDateTime now = now();
      GeneratedKeyHolder key = new GeneratedKeyHolder();
      jdbc.update(con -> {
        var ps = con.prepareStatement(
            "insert into sim_claim (debtor_system, municipality_code, fbs_charge_id, cpr, debtor_name,"
                + " claim_type, principal_ore, balance_ore, state, description, established_on,"
                + " reminder_count, changed_at) values (?,?,?,?,?,?,?,?,'REGISTRERET',?,?,0,?)",
            new String[] {"claim_no"});
        ps.setString(1, system.name());
        ps.setString(2, municipality);
        ps.setString(3, claim.fbsChargeId());
        ps.setString(4, claim.cpr());
        ps.setString(5, claim.debtorName());
        ps.setString(6, claim.claimType());
        ps.setLong(7, claim.principalOre());
        ps.setLong(8, claim.principalOre());
        ps.setString(9, claim.description());
        ps.setObject(10, claim.establishedOn());
        ps.setObject(11, now);
        return ps;
      }, key);
      long claimNo = key.getKey().longValue();
      String claimId = system.claimId(claimNo, municipality, today());
      jdbc.update("update sim_claim set claim_id = ?, payment_reference = ? where claim_no = ?",
          claimId, system.paymentReference(claimNo), claimNo);
      SimClaim created = find(claimId).orElseThrow();
      event(created, "FORDRING_OPRETTET", null, "Fordring registreret");
      // the debtor system issues the invoice (opkrævning) at once; its event comes with the delay
      LocalDate due = today().plusDays(properties.behaviour(system).getPaymentDays());
      jdbc.update("update sim_claim set state = 'OPKRAEVET', due_date = ?, last_pay_date = ?, changed_at = ?"
          + " where claim_id = ?", due, due, now, claimId);
      event(find(claimId).orElseThrow(), "OPKRAEVNING_UDSENDT", null, "Opkrævning udsendt");
      return new Result(claimId, null, created);
    }).claim();
  }

  Result registerPayment(DebtorSystem system, String municipality, String idempotencyRef,
      String claimId, long amountOre, LocalDate paidOn, String place) {
    return idempotent(system, idempotencyRef, "RegistrerIndbetaling", claimId, () -> {
      SimClaim claim = openClaim(system, municipality, claimId);
      requirePositive(amountOre);
      long balance = claim.balanceOre() - amountOre;
      String state = balance > 0 ? claim.state()
          : "OVERDRAGET_TIL_INDDRIVELSE".equals(claim.state()) ? "INDDREVET" : "BETALT";
      String postingId = posting(claimId, PostingKind.INDBETALING, amountOre, paidOn);
      SimClaim updated = change(claim, balance, state);
      event(updated, "INDBETALING_MODTAGET", amountOre, "Indbetaling (" + place + ")");
      return new Result(claimId, postingId, updated);
    });
  }

  Result credit(DebtorSystem system, String municipality, String idempotencyRef,
      String claimId, long amountOre, String reason) {
    return idempotent(system, idempotencyRef, "KrediterFordring", claimId, () -> {
      SimClaim claim = openClaim(system, municipality, claimId);
      requirePositive(amountOre);
      if (amountOre > claim.balanceOre()) {
        throw new SimulatorRejection("UGYLDIGE_DATA", "Krediteringen er større end saldoen");
      }
      long balance = claim.balanceOre() - amountOre;
      String postingId = posting(claimId, PostingKind.KREDITERING, amountOre, today());
      SimClaim updated = change(claim, balance, balance == 0 ? "KREDITERET" : claim.state());
      event(updated, "FORDRING_KREDITERET", amountOre, reason);
      return new Result(claimId, postingId, updated);
    });
  }

  Result writeOff(DebtorSystem system, String municipality, String idempotencyRef, String claimId, String reason) {
    return idempotent(system, idempotencyRef, "AfskrivFordring", claimId, () -> {
      SimClaim claim = openClaim(system, municipality, claimId);
      String postingId = posting(claimId, PostingKind.AFSKRIVNING, claim.balanceOre(), today());
      SimClaim updated = change(claim, 0, "AFSKREVET");
      event(updated, "FORDRING_AFSKREVET", claim.balanceOre(), reason);
      return new Result(claimId, postingId, updated);
    });
  }

  Result sendReminder(DebtorSystem system, String municipality, String idempotencyRef,
      String claimId, int number, long feeOre, LocalDate newLastPayDate) {
    return idempotent(system, idempotencyRef, "SendRykker", claimId, () -> {
      SimClaim claim = openClaim(system, municipality, claimId);
      if (!List.of("OPKRAEVET", "RYKKET").contains(claim.state()) || number != claim.reminderCount() + 1) {
        throw new SimulatorRejection("FORKERT_TILSTAND",
            "Rykker " + number + " kan ikke sendes for en fordring i tilstand " + claim.state()
                + " med " + claim.reminderCount() + " rykkere");
      }
      if (feeOre < 0) {
        throw new SimulatorRejection("UGYLDIGE_DATA", "Rykkergebyret kan ikke være negativt");
      }
      String postingId = feeOre > 0 ? posting(claimId, PostingKind.RYKKERGEBYR, feeOre, today()) : null;
      jdbc.update("update sim_claim set reminder_count = ?, last_pay_date = ? where claim_id = ?",
          number, newLastPayDate, claimId);
      SimClaim updated = change(find(claimId).orElseThrow(), claim.balanceOre() + feeOre, "RYKKET");
      event(updated, "RYKKER_UDSENDT", feeOre, "Rykker " + number + " udsendt");
      return new Result(claimId, postingId, updated);
    });
  }

  Result transferToCollection(DebtorSystem system, String municipality, String idempotencyRef, String claimId) {
    return idempotent(system, idempotencyRef, "OverdragTilInddrivelse", claimId, () -> {
      SimClaim claim = openClaim(system, municipality, claimId);
      if (!List.of("OPKRAEVET", "RYKKET").contains(claim.state())) {
        throw new SimulatorRejection("FORKERT_TILSTAND", "Fordringen er i tilstand " + claim.state());
      }
      if (claim.lastPayDate() == null || !claim.lastPayDate().isBefore(today())) {
        throw new SimulatorRejection("UGYLDIGE_DATA",
            "PSRM afviser: sidste rettidige betalingsdag er ikke passeret");
      }
      SimClaim updated = change(claim, claim.balanceOre(), "OVERDRAGET_TIL_INDDRIVELSE");
      event(updated, "OVERDRAGET_TIL_INDDRIVELSE", null, "Modtaget af PSRM");
      return new Result(claimId, null, updated);
    });
  }

  /** A citizen pays through the debtor system's payment solution (KMD Opus, Prisme 2015 only). */
  Result payAsCitizen(String claimId, long amountOre) {
    SimClaim claim = find(claimId).orElseThrow(() -> new SimulatorRejection("UKENDT_FORDRING", "Ukendt fordring " + claimId));
    if (!claim.debtorSystem().hasPaymentSolution()) {
      throw new SimulatorRejection("UGYLDIGE_DATA", claim.debtorSystem().displayName()
          + " har ingen betalingsløsning: borgeren betaler på biblioteket");
    }
    return registerPayment(claim.debtorSystem(), claim.municipalityCode(), "borger/" + java.util.UUID.randomUUID(),
        claimId, amountOre, today(), "BETALINGSLOESNING");
  }

  /** PSRM's outcomes for a claim in collection. */
  enum CollectionOutcome {
    COLLECTED,
    RETURNED,
    WRITTEN_OFF
  }

  /** Gældsstyrelsen reports back on a claim in collection: collected, returned, or written off. */
  SimClaim collectionOutcome(String claimId, CollectionOutcome outcome, String text) {
    return tx.execute(status -> {
      SimClaim claim = find(claimId)
          .orElseThrow(() -> new SimulatorRejection("UKENDT_FORDRING", "Ukendt fordring " + claimId));
      if (!"OVERDRAGET_TIL_INDDRIVELSE".equals(claim.state())) {
        throw new SimulatorRejection("FORKERT_TILSTAND", "Fordringen er ikke under inddrivelse");
      }
      SimClaim updated;
      switch (outcome) {
        case COLLECTED -> {
          posting(claimId, PostingKind.INDBETALING, claim.balanceOre(), today());
          updated = change(claim, 0, "INDDREVET");
          event(updated, "INDDRIVELSE_AFSLUTTET", claim.balanceOre(), text == null ? "Inddrevet" : text);
        }
        case RETURNED -> {
          updated = change(claim, claim.balanceOre(), "RYKKET");
          event(updated, "INDDRIVELSE_RETURNERET", null, text == null ? "Returneret af Gældsstyrelsen" : text);
        }
        default -> {
          posting(claimId, PostingKind.AFSKRIVNING, claim.balanceOre(), today());
          updated = change(claim, 0, "AFSKREVET");
          event(updated, "FORDRING_AFSKREVET", claim.balanceOre(), text == null ? "Afskrevet af Gældsstyrelsen" : text);
        }
      }
      return updated;
    });
  }

  /**
   * Ways to make a debtor system's ledger disagree with ours on purpose, without an event, so
   * reconciliation can be shown every kind of difference.
   */
  enum Tampering {
    /** The claim, its postings, events and idempotency records vanish. */
    DROP,
    /** A second claim for the same FBS charge appears. */
    DUPLICATE,
    /** The balance changes to the given amount. */
    ALTER_BALANCE,
    /** The state changes to the given state. */
    ALTER_STATE,
    /** A payment of the given amount is posted today and lowers the balance; no event tells us. */
    UNRECORDED_PAYMENT,
    /** The claim's postings vanish (a payment we forwarded is no longer on the statement). */
    DROP_POSTINGS
  }

  /** Tampers with a claim; the claim afterwards (the new one for DUPLICATE, empty for DROP). */
  Optional<SimClaim> tamper(String claimId, Tampering how, Long amountOre, String state) {
    return tx.execute(status -> {
      SimClaim claim = find(claimId)
          .orElseThrow(() -> new SimulatorRejection("UKENDT_FORDRING", "Ukendt fordring " + claimId));
      switch (how) {
        case DROP -> {
          for (String table : List.of("sim_posting", "sim_event", "sim_request", "sim_claim")) {
            jdbc.update("delete from " + table + " where claim_id = ?", claimId);
          }
          return Optional.<SimClaim>empty();
        }
        case DUPLICATE -> {
          GeneratedKeyHolder key = new GeneratedKeyHolder();
          jdbc.update(con -> {
            var ps = con.prepareStatement("insert into sim_claim (debtor_system, municipality_code, fbs_charge_id, cpr,"
                + " debtor_name, claim_type, principal_ore, balance_ore, state, description, established_on, due_date,"
                + " last_pay_date, reminder_count, changed_at) select debtor_system, municipality_code, fbs_charge_id,"
                + " cpr, debtor_name, claim_type, principal_ore, balance_ore, state, description, established_on,"
                + " due_date, last_pay_date, reminder_count, changed_at from sim_claim where claim_id = ?",
                new String[] {"claim_no"});
            ps.setString(1, claimId);
            return ps;
          }, key);
          long claimNo = key.getKey().longValue();
          String copy = claim.debtorSystem().claimId(claimNo, claim.municipalityCode(), today());
          jdbc.update("update sim_claim set claim_id = ?, payment_reference = ? where claim_no = ?",
              copy, claim.debtorSystem().paymentReference(claimNo), claimNo);
          return find(copy);
        }
        case ALTER_BALANCE -> jdbc.update("update sim_claim set balance_ore = ? where claim_id = ?",
            required(amountOre, "amount"), claimId);
        case ALTER_STATE -> {
          if (Arrays.stream(FordringTilstandType.values()).noneMatch(t -> t.value().equals(state))) {
            throw new SimulatorRejection("UGYLDIGE_DATA", "state must be one of " + Arrays.toString(FordringTilstandType.values()));
          }
          jdbc.update("update sim_claim set state = ? where claim_id = ?", state, claimId);
        }
        case UNRECORDED_PAYMENT -> {
          long amount = required(amountOre, "amount");
          requirePositive(amount);
          posting(claimId, PostingKind.INDBETALING, amount, today());
          jdbc.update("update sim_claim set balance_ore = balance_ore - ? where claim_id = ?", amount, claimId);
        }
        case DROP_POSTINGS -> jdbc.update("delete from sim_posting where claim_id = ?", claimId);
        default -> throw new IllegalArgumentException(how.name());
      }
      return find(claimId);
    });
  }

  private static <T> T required(T value, String name) {
    if (value == null) {
      throw new SimulatorRejection("UGYLDIGE_DATA", name + " is required for this tampering");
    }
    return value;
  }

  // ---------------------------------------------------------------- queries

  Optional<SimClaim> find(String claimId) {
    return jdbc.query("select * from sim_claim where claim_id = ?", CLAIM, claimId).stream().findFirst();
  }

  SimClaim claimOf(DebtorSystem system, String municipality, String claimId) {
    return find(claimId)
        .filter(c -> c.debtorSystem() == system && c.municipalityCode().equals(municipality))
        .orElseThrow(() -> new SimulatorRejection("UKENDT_FORDRING", "Ukendt fordring " + claimId));
  }

  List<SimClaim> search(DebtorSystem system, String municipality, String cpr, boolean withClosed) {
    return jdbc.query("select * from sim_claim where debtor_system = ? and municipality_code = ? and cpr = ?"
            + (withClosed ? "" : " and state in (" + OPEN_STATES + ")") + " order by claim_no",
        CLAIM, system.name(), municipality, cpr);
  }

  List<SimClaim> claimsOf(DebtorSystem system, String municipality) {
    return jdbc.query("select * from sim_claim where debtor_system = ? and municipality_code = ? order by claim_no",
        CLAIM, system.name(), municipality);
  }

  List<SimClaim> claimsForCharge(String fbsChargeId) {
    return jdbc.query("select * from sim_claim where fbs_charge_id = ? order by claim_no", CLAIM, fbsChargeId);
  }

  record Posting(String postingId, String claimId, String fbsChargeId, String kind, long amountOre, LocalDate postedOn) {}

  List<Posting> postings(DebtorSystem system, String municipality, LocalDate day) {
    return jdbc.query("select p.*, c.fbs_charge_id from sim_posting p join sim_claim c on c.claim_id = p.claim_id"
            + " where c.debtor_system = ? and c.municipality_code = ? and p.posted_on = ? order by p.created_at, p.posting_id",
        (rs, i) -> new Posting(rs.getString("posting_id"), rs.getString("claim_id"), rs.getString("fbs_charge_id"),
            rs.getString("kind"), rs.getLong("amount_ore"), rs.getObject("posted_on", LocalDate.class)),
        system.name(), municipality, day);
  }

  record Event(long seq, String kind, SimClaim claim, Long amountOre, long balanceOre, String state,
      LocalDate dueDate, LocalDate lastPayDate, OffsetDateTime occurredAt, String text) {}

  /**
   * Published events after a cursor, in order, stopping at the first one not yet published: a
   * reader that keeps the last sequence number it saw never skips an event.
   */
  List<Event> eventsAfter(DebtorSystem system, String municipality, long after, int max) {
    OffsetDateTime now = now();
    List<Event> events = jdbc.query(
        "select * from sim_event where debtor_system = ? and municipality_code = ? and seq > ? order by seq limit ?",
        (rs, i) -> rs.getObject("visible_at", OffsetDateTime.class).isAfter(now) ? null
            : new Event(rs.getLong("seq"), rs.getString("kind"), find(rs.getString("claim_id")).orElseThrow(),
                rs.getObject("amount_ore", Long.class), rs.getLong("balance_ore"), rs.getString("state"),
                rs.getObject("due_date", LocalDate.class), rs.getObject("last_pay_date", LocalDate.class),
                rs.getObject("occurred_at", OffsetDateTime.class), rs.getString("text")),
        system.name(), municipality, after, max);
    int firstHidden = events.indexOf(null);
    return firstHidden < 0 ? events : events.subList(0, firstHidden);
  }

  // ---------------------------------------------------------------- internals

  /** The outcome of a command: the claim after it, and the posting it made (if any). */
  record Result(String claimId, String postingId, SimClaim claim) {}

  /**
   * Runs a command once per idempotency reference. A repeated reference returns the claim as it
   * is now and the posting of the first request, without doing anything again; the same reference
   * for another operation or claim is a conflict. A rejected command leaves no trace, so its
   * repetition is rejected the same way.
   */
  private Result idempotent(DebtorSystem system, String ref, String operation, String claimId,
      Supplier<Result> command) {
    try {
      return tx.execute(status -> {
        jdbc.update("insert into sim_request (debtor_system, idempotency_ref, operation, claim_id, created_at)"
            + " values (?,?,?,?,?)", system.name(), ref, operation, claimId, now());
        Result result = command.get();
        jdbc.update("update sim_request set claim_id = ?, result_ref = ? where debtor_system = ? and idempotency_ref = ?",
            result.claimId(), result.postingId(), system.name(), ref);
        return result;
      });
    } catch (DuplicateKeyException repeated) {
      return tx.execute(status -> {
        var previous = jdbc.queryForMap("select * from sim_request where debtor_system = ? and idempotency_ref = ?",
            system.name(), ref);
        if (!operation.equals(previous.get("operation"))
            || (claimId != null && !claimId.equals(previous.get("claim_id")))) {
          throw new SimulatorRejection("IDEMPOTENSKONFLIKT",
              "Idempotensreferencen er allerede brugt til en anden anmodning");
        }
        String previousClaim = (String) previous.get("claim_id");
        return new Result(previousClaim, (String) previous.get("result_ref"), find(previousClaim).orElseThrow());
      });
    }
  }

  private SimClaim openClaim(DebtorSystem system, String municipality, String claimId) {
    SimClaim claim = claimOf(system, municipality, claimId);
    if (!claim.isOpen()) {
      throw new SimulatorRejection("FORKERT_TILSTAND", "Fordringen er lukket (" + claim.state() + ")");
    }
    return claim;
  }

  private static void requirePositive(long amountOre) {
    if (amountOre <= 0) {
      throw new SimulatorRejection("UGYLDIGE_DATA", "Beløbet skal være positivt");
    }
  }

  private SimClaim change(SimClaim claim, long balanceOre, String state) {
    jdbc.update("update sim_claim set balance_ore = ?, state = ?, changed_at = ? where claim_id = ?",
        balanceOre, state, now(), claim.claimId());
    return find(claim.claimId()).orElseThrow();
  }

  private String posting(String claimId, PostingKind kind, long amountOre, LocalDate postedOn) {
    Long n = jdbc.queryForObject("select count(*) from sim_posting where claim_id = ?", Long.class, claimId);
    String postingId = claimId + "/" + (n + 1);
    jdbc.update("insert into sim_posting (posting_id, claim_id, kind, amount_ore, posted_on, created_at)"
        + " values (?,?,?,?,?,?)", postingId, claimId, kind.name(), amountOre, postedOn, now());
    return postingId;
  }

  /** Records an event, published after the system's configured delay (and pushed, if configured). */
  void event(SimClaim claim, String kind, Long amountOre, String text) {
    OffsetDateTime now = now();
    notifier.afterCommit(claim.debtorSystem(), claim.municipalityCode(),
        properties.behaviour(claim.debtorSystem()).getEventDelay());
    jdbc.update("insert into sim_event (debtor_system, municipality_code, claim_id, fbs_charge_id, kind, amount_ore,"
            + " balance_ore, state, due_date, last_pay_date, occurred_at, visible_at, text)"
            + " values (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        claim.debtorSystem().name(), claim.municipalityCode(), claim.claimId(), claim.fbsChargeId(), kind, amountOre,
        claim.balanceOre(), claim.state(), claim.dueDate(), claim.lastPayDate(), now,
        now.plus(properties.behaviour(claim.debtorSystem()).getEventDelay()), text);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  private static final RowMapper<SimClaim> CLAIM = (ResultSet rs, int i) -> claim(rs);

  private static SimClaim claim(ResultSet rs) throws SQLException {
    return new SimClaim(rs.getLong("claim_no"), rs.getString("claim_id"),
        DebtorSystem.valueOf(rs.getString("debtor_system")), rs.getString("municipality_code"),
        rs.getString("fbs_charge_id"), rs.getString("cpr"), rs.getString("debtor_name"), rs.getString("claim_type"),
        rs.getLong("principal_ore"), rs.getLong("balance_ore"), rs.getString("state"), rs.getString("description"),
        rs.getObject("established_on", LocalDate.class), rs.getObject("due_date", LocalDate.class),
        rs.getObject("last_pay_date", LocalDate.class), rs.getString("payment_reference"), rs.getInt("reminder_count"),
        rs.getObject("changed_at", OffsetDateTime.class));
  }
}
