package dk.fbs.oir.oir;

import dk.fbs.oir.wsdl.debitor.AfskrivFordringAnmodning;
import dk.fbs.oir.wsdl.debitor.BetalingsstedType;
import dk.fbs.oir.wsdl.debitor.DebitorType;
import dk.fbs.oir.wsdl.debitor.HentHaendelserAnmodning;
import dk.fbs.oir.wsdl.debitor.HentHaendelserSvar;
import dk.fbs.oir.wsdl.debitor.KrediterFordringAnmodning;
import dk.fbs.oir.wsdl.debitor.OverdragTilInddrivelseAnmodning;
import dk.fbs.oir.wsdl.debitor.RegistrerIndbetalingAnmodning;
import dk.fbs.oir.wsdl.debitor.SendRykkerAnmodning;
import dk.fbs.oir.wsdl.debitor.FordringType;
import dk.fbs.oir.wsdl.debitor.FordringsartType;
import dk.fbs.oir.wsdl.debitor.ForretningsfejlFault;
import dk.fbs.oir.wsdl.debitor.HentAfstemningAnmodning;
import dk.fbs.oir.wsdl.debitor.HentAfstemningSvar;
import dk.fbs.oir.wsdl.debitor.HentFordringAnmodning;
import dk.fbs.oir.wsdl.debitor.KontekstType;
import dk.fbs.oir.wsdl.debitor.OpretFordringAnmodning;
import dk.fbs.oir.wsdl.debitor.SoegDebitorFordringerAnmodning;
import jakarta.xml.ws.WebServiceException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Our side of ØiR: domain calls in, SOAP calls through the debtor system's CXF client out.
 * Business faults become {@link OirRejection}; everything else propagates unchanged.
 */
@Service
public class OirGateway {

  private static final String FAGSYSTEM = "FBS";

  private final OirClients clients;

  public OirGateway(OirClients clients) {
    this.clients = clients;
  }

  /** Creates the claim; a repeated {@code idempotencyRef} returns the claim created the first time. */
  public ClaimState submitClaim(DebtorSystem system, ClaimSubmission claim, String idempotencyRef) {
    OpretFordringAnmodning in = new OpretFordringAnmodning();
    in.setKontekst(context(claim.municipalityCode(), idempotencyRef));
    in.setFagsystemFordringId(claim.fbsChargeId());
    DebitorType debtor = new DebitorType();
    debtor.setCprNummer(claim.cpr());
    debtor.setNavn(claim.debtorName());
    in.setDebitor(debtor);
    in.setFordringsart(FordringsartType.fromValue(claim.kind().name()));
    in.setHovedstol(claim.principal());
    in.setBeskrivelse(claim.description());
    in.setStiftelsesdato(claim.establishedOn());
    in.setMaterialeId(claim.materialId());
    in.setFilial(claim.branch());
    ClaimState created = call(() -> state(clients.client(system).opretFordring(in).getFordring()));
    if (!claim.fbsChargeId().equals(created.fbsChargeId()) || claim.principal().compareTo(created.principal()) != 0) {
      // not the claim we asked for: a technical failure (retried, then an incident), never recorded
      throw new WebServiceException(system.displayName() + " answered OpretFordring for " + claim.fbsChargeId()
          + " with claim " + created.claimId() + " for " + created.fbsChargeId() + " of " + created.principal()
          + " kr. instead of " + claim.principal() + " kr.");
    }
    return created;
  }

  public ClaimState getClaim(DebtorSystem system, String municipalityCode, String claimId, String idempotencyRef) {
    HentFordringAnmodning in = new HentFordringAnmodning();
    in.setKontekst(context(municipalityCode, idempotencyRef));
    in.setFordringId(claimId);
    return call(() -> state(clients.client(system).hentFordring(in).getFordring()));
  }

  public List<ClaimState> searchDebtor(DebtorSystem system, String municipalityCode, String cpr,
      boolean withClosed, String idempotencyRef) {
    SoegDebitorFordringerAnmodning in = new SoegDebitorFordringerAnmodning();
    in.setKontekst(context(municipalityCode, idempotencyRef));
    in.setCprNummer(cpr);
    in.setMedLukkede(withClosed);
    return call(() -> clients.client(system).soegDebitorFordringer(in).getFordring().stream()
        .map(OirGateway::state).toList());
  }

  /** Asks the debtor system to send reminder {@code number} with a fee and a new last day to pay. */
  public ClaimState sendReminder(DebtorSystem system, String municipalityCode, String claimId, int number,
      BigDecimal fee, LocalDate newLastPayDate, String idempotencyRef) {
    SendRykkerAnmodning in = new SendRykkerAnmodning();
    in.setKontekst(context(municipalityCode, idempotencyRef));
    in.setFordringId(claimId);
    in.setRykkerNummer(BigInteger.valueOf(number));
    in.setRykkergebyr(fee);
    in.setNySidsteBetalingsdag(newLastPayDate);
    return call(() -> state(clients.client(system).sendRykker(in).getFordring()));
  }

  /** Credits part or all of a claim; a claim in collection is recalled by the debtor system. */
  public ClaimState credit(DebtorSystem system, String municipalityCode, String claimId, BigDecimal amount,
      String reason, String idempotencyRef) {
    KrediterFordringAnmodning in = new KrediterFordringAnmodning();
    in.setKontekst(context(municipalityCode, idempotencyRef));
    in.setFordringId(claimId);
    in.setBeloeb(amount);
    in.setAarsag(reasonText(reason));
    return call(() -> state(clients.client(system).krediterFordring(in).getFordring()));
  }

  public ClaimState writeOff(DebtorSystem system, String municipalityCode, String claimId, String reason,
      String idempotencyRef) {
    AfskrivFordringAnmodning in = new AfskrivFordringAnmodning();
    in.setKontekst(context(municipalityCode, idempotencyRef));
    in.setFordringId(claimId);
    in.setAarsag(reasonText(reason));
    return call(() -> state(clients.client(system).afskrivFordring(in).getFordring()));
  }

  public ClaimState transferToCollection(DebtorSystem system, String municipalityCode, String claimId,
      String psrmClaimType, LocalDate limitationDate, String idempotencyRef) {
    OverdragTilInddrivelseAnmodning in = new OverdragTilInddrivelseAnmodning();
    in.setKontekst(context(municipalityCode, idempotencyRef));
    in.setFordringId(claimId);
    in.setPsrmFordringstype(psrmClaimType);
    in.setForaeldelsesdato(limitationDate);
    return call(() -> state(clients.client(system).overdragTilInddrivelse(in).getFordring()));
  }

  /** A payment taken at the library, passed on to the debtor system. */
  public ClaimState registerPayment(DebtorSystem system, String municipalityCode, String claimId, BigDecimal amount,
      LocalDate paidOn, String idempotencyRef) {
    RegistrerIndbetalingAnmodning in = new RegistrerIndbetalingAnmodning();
    in.setKontekst(context(municipalityCode, idempotencyRef));
    in.setFordringId(claimId);
    in.setBeloeb(amount);
    in.setBetalingsdato(paidOn);
    in.setBetalingssted(BetalingsstedType.BIBLIOTEK);
    return call(() -> state(clients.client(system).registrerIndbetaling(in).getFordring()));
  }

  /** An event of the debtor system, as read after a cursor. */
  public record DebtorEvent(long seq, String kind, String claimId, String fbsChargeId, String municipalityCode,
      BigDecimal amount, BigDecimal balance, String state, LocalDate dueDate, LocalDate lastPayDate,
      OffsetDateTime occurredAt, String text) {}

  /** Published events of a municipality after {@code afterSeq}, oldest first, and the last sequence number. */
  public record EventBatch(List<DebtorEvent> events, long lastSeq) {}

  public EventBatch events(DebtorSystem system, String municipalityCode, long afterSeq, int max, String idempotencyRef) {
    HentHaendelserAnmodning in = new HentHaendelserAnmodning();
    in.setKontekst(context(municipalityCode, idempotencyRef));
    in.setEfterLoebenummer(afterSeq);
    in.setMaksAntal(max);
    return call(() -> {
      HentHaendelserSvar out = clients.client(system).hentHaendelser(in);
      return new EventBatch(out.getHaendelse().stream()
          .map(h -> new DebtorEvent(h.getLoebenummer(), h.getHaendelsesart().value(), h.getFordringId(),
              h.getFagsystemFordringId(), h.getKommunekode(), h.getBeloeb(), h.getSaldo(), h.getTilstand().value(),
              h.getForfaldsdato(), h.getSidsteRettidigeBetalingsdag(), h.getTidspunkt(), h.getTekst()))
          .toList(), out.getSenesteLoebenummer());
    });
  }

  /** A posting of the day in the debtor system: INDBETALING, KREDITERING, AFSKRIVNING or RYKKERGEBYR. */
  public record Posting(String postingId, String claimId, String fbsChargeId, String kind, BigDecimal amount,
      LocalDate postedOn) {}

  /** The debtor system's reconciliation statement: its claims with their balances and the day's postings. */
  public record Statement(LocalDate day, List<ClaimState> claims, List<Posting> postings, BigDecimal totalBalance) {}

  public Statement reconciliationStatement(DebtorSystem system, String municipalityCode, LocalDate day,
      String idempotencyRef) {
    HentAfstemningAnmodning in = new HentAfstemningAnmodning();
    in.setKontekst(context(municipalityCode, idempotencyRef));
    in.setDato(day);
    return call(() -> {
      HentAfstemningSvar out = clients.client(system).hentAfstemning(in);
      return new Statement(out.getDato(), out.getFordring().stream().map(OirGateway::state).toList(),
          out.getPostering().stream().map(p -> new Posting(p.getPosteringId(), p.getFordringId(),
              p.getFagsystemFordringId(), p.getPosteringsart(), p.getBeloeb(), p.getDato())).toList(),
          out.getSamletSaldo());
    });
  }

  // ----------------------------------------------------------------

  @FunctionalInterface
  private interface SoapCall<T> {
    T call() throws ForretningsfejlFault;
  }

  private static <T> T call(SoapCall<T> call) {
    try {
      return call.call();
    } catch (ForretningsfejlFault fault) {
      var info = fault.getFaultInfo();
      throw new OirRejection(info == null ? "UKENDT" : info.getFejlkode(),
          info == null ? fault.getMessage() : info.getFejltekst());
    }
  }

  /** ØiR's texts hold 500 characters; a longer reason (our prefix and FBS' note) is cut, not refused. */
  static String reasonText(String reason) {
    return reason.length() <= REASON_MAX ? reason : reason.substring(0, REASON_MAX - 1) + "…";
  }

  private static final int REASON_MAX = 500;

  private static KontekstType context(String municipalityCode, String idempotencyRef) {
    KontekstType kontekst = new KontekstType();
    kontekst.setKommunekode(municipalityCode);
    kontekst.setIdempotensReference(idempotencyRef);
    kontekst.setFagsystem(FAGSYSTEM);
    return kontekst;
  }

  static ClaimState state(FordringType f) {
    return new ClaimState(f.getFordringId(), f.getFagsystemFordringId(), f.getTilstand().value(), f.getHovedstol(),
        f.getSaldo(), f.getForfaldsdato(), f.getSidsteRettidigeBetalingsdag(), f.getBetalingsreference(),
        f.getAntalRykkere(), f.getSenestAendret());
  }
}
