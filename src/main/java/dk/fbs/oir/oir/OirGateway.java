package dk.fbs.oir.oir;

import dk.fbs.oir.wsdl.debitor.DebitorType;
import dk.fbs.oir.wsdl.debitor.FordringType;
import dk.fbs.oir.wsdl.debitor.FordringsartType;
import dk.fbs.oir.wsdl.debitor.ForretningsfejlFault;
import dk.fbs.oir.wsdl.debitor.HentFordringAnmodning;
import dk.fbs.oir.wsdl.debitor.KontekstType;
import dk.fbs.oir.wsdl.debitor.OpretFordringAnmodning;
import dk.fbs.oir.wsdl.debitor.SoegDebitorFordringerAnmodning;
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
    return call(() -> state(clients.client(system).opretFordring(in).getFordring()));
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
