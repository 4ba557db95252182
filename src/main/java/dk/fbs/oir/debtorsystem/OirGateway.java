package dk.fbs.oir.debtorsystem;

import static dk.fbs.oir.debtorsystem.OirMapping.text;

import dk.fbs.oir.common.Money;
import dk.fbs.oir.wsdl.debitor.AfskrivFordringAnmodning;
import dk.fbs.oir.wsdl.debitor.BerostilFordringAnmodning;
import dk.fbs.oir.wsdl.debitor.BetalingsstedType;
import dk.fbs.oir.wsdl.debitor.DebitorType;
import dk.fbs.oir.wsdl.debitor.FordringsartType;
import dk.fbs.oir.wsdl.debitor.ForretningsfejlFault;
import dk.fbs.oir.wsdl.debitor.GenoptagFordringAnmodning;
import dk.fbs.oir.wsdl.debitor.HentAfstemningAnmodning;
import dk.fbs.oir.wsdl.debitor.HentAfstemningSvar;
import dk.fbs.oir.wsdl.debitor.HentFordringAnmodning;
import dk.fbs.oir.wsdl.debitor.HentHaendelserAnmodning;
import dk.fbs.oir.wsdl.debitor.HentHaendelserSvar;
import dk.fbs.oir.wsdl.debitor.KontekstType;
import dk.fbs.oir.wsdl.debitor.KrediterFordringAnmodning;
import dk.fbs.oir.wsdl.debitor.OpretFordringAnmodning;
import dk.fbs.oir.wsdl.debitor.OverdragTilInddrivelseAnmodning;
import dk.fbs.oir.wsdl.debitor.RegistrerIndbetalingAnmodning;
import dk.fbs.oir.wsdl.debitor.SendRykkerAnmodning;
import dk.fbs.oir.wsdl.debitor.SoegDebitorFordringerAnmodning;
import jakarta.xml.ws.WebServiceException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Our side of ØiR: our types in, SOAP calls through the debtor system's CXF client out, our types
 * back ({@link OirMapping}). Business faults become {@link OirRejection}; everything else
 * propagates unchanged, so the job is retried and finally raises an incident.
 */
@Service
public class OirGateway {

    private final OirClients clients;
    private final OirProperties properties;
    private final MunicipalityAuthorities authorities;

    public OirGateway(OirClients clients, OirProperties properties, MunicipalityAuthorities authorities) {
        this.clients = clients;
        this.properties = properties;
        this.authorities = authorities;
    }

    /** Creates the claim; a repeated {@code ref} returns the claim created the first time. */
    public ClaimState submitClaim(DebtorSystem system, ClaimSubmission claim, IdempotencyRef ref) {
        OpretFordringAnmodning in = new OpretFordringAnmodning();
        in.setKontekst(context(system, claim.municipalityCode(), ref));
        in.setFagsystemFordringId(claim.fbsChargeId());
        DebitorType debtor = new DebitorType();
        debtor.setCprNummer(claim.cpr());
        debtor.setNavn(claim.debtorName());
        in.setDebitor(debtor);
        in.setFordringsart(FordringsartType.fromValue(claim.kind().name()));
        in.setHovedstol(claim.principal().kroner());
        in.setBeskrivelse(claim.description());
        in.setStiftelsesdato(claim.establishedOn());
        in.setMaterialeId(claim.materialId());
        in.setFilial(claim.branch());
        in.setOpkraevningsstyring(OirMapping.dunning(claim.dunningMode()));
        ClaimState created = call(
                () -> OirMapping.claim(clients.client(system).opretFordring(in).getFordring()));
        if (!claim.fbsChargeId().equals(created.fbsChargeId())
                || !claim.principal().equals(created.principal())) {
            // not the claim we asked for: a technical failure (retried, then an incident), never recorded
            throw new WebServiceException(system.displayName() + " answered OpretFordring for " + claim.fbsChargeId()
                    + " with claim " + created.claimId() + " for " + created.fbsChargeId() + " of "
                    + created.principal()
                    + " kr. instead of " + claim.principal() + " kr.");
        }
        return created;
    }

    public ClaimState getClaim(DebtorSystem system, String municipalityCode, String claimId, IdempotencyRef ref) {
        HentFordringAnmodning in = new HentFordringAnmodning();
        in.setKontekst(context(system, municipalityCode, ref));
        in.setFordringId(claimId);
        return call(
                () -> OirMapping.claim(clients.client(system).hentFordring(in).getFordring()));
    }

    public List<ClaimState> searchDebtor(
            DebtorSystem system, String municipalityCode, String cpr, boolean withClosed, IdempotencyRef ref) {
        SoegDebitorFordringerAnmodning in = new SoegDebitorFordringerAnmodning();
        in.setKontekst(context(system, municipalityCode, ref));
        in.setCprNummer(cpr);
        in.setMedLukkede(withClosed);
        return call(() -> clients.client(system).soegDebitorFordringer(in).getFordring().stream()
                .map(OirMapping::claim)
                .toList());
    }

    /** Asks the debtor system to send reminder {@code number} with a fee and a new last day to pay. */
    public ClaimState sendReminder(
            DebtorSystem system,
            String municipalityCode,
            String claimId,
            int number,
            Money fee,
            LocalDate newLastPayDate,
            IdempotencyRef ref) {
        SendRykkerAnmodning in = new SendRykkerAnmodning();
        in.setKontekst(context(system, municipalityCode, ref));
        in.setFordringId(claimId);
        in.setRykkerNummer(BigInteger.valueOf(number));
        in.setRykkergebyr(fee.kroner());
        in.setNySidsteBetalingsdag(newLastPayDate);
        return call(() -> OirMapping.claim(clients.client(system).sendRykker(in).getFordring()));
    }

    /** Credits part or all of a claim; a claim in collection is recalled by the debtor system. */
    public ClaimState credit(
            DebtorSystem system,
            String municipalityCode,
            String claimId,
            Money amount,
            String reason,
            IdempotencyRef ref) {
        KrediterFordringAnmodning in = new KrediterFordringAnmodning();
        in.setKontekst(context(system, municipalityCode, ref));
        in.setFordringId(claimId);
        in.setBeloeb(amount.kroner());
        in.setAarsag(text(reason));
        return call(() ->
                OirMapping.claim(clients.client(system).krediterFordring(in).getFordring()));
    }

    /** Berostillelse: the debtor system's own dunning pauses (no reminder, no transfer) until {@link #resume}. */
    public ClaimState hold(
            DebtorSystem system, String municipalityCode, String claimId, String reason, IdempotencyRef ref) {
        BerostilFordringAnmodning in = new BerostilFordringAnmodning();
        in.setKontekst(context(system, municipalityCode, ref));
        in.setFordringId(claimId);
        in.setAarsag(text(reason));
        return call(() ->
                OirMapping.claim(clients.client(system).berostilFordring(in).getFordring()));
    }

    public ClaimState resume(DebtorSystem system, String municipalityCode, String claimId, IdempotencyRef ref) {
        GenoptagFordringAnmodning in = new GenoptagFordringAnmodning();
        in.setKontekst(context(system, municipalityCode, ref));
        in.setFordringId(claimId);
        return call(() ->
                OirMapping.claim(clients.client(system).genoptagFordring(in).getFordring()));
    }

    public ClaimState writeOff(
            DebtorSystem system, String municipalityCode, String claimId, String reason, IdempotencyRef ref) {
        AfskrivFordringAnmodning in = new AfskrivFordringAnmodning();
        in.setKontekst(context(system, municipalityCode, ref));
        in.setFordringId(claimId);
        in.setAarsag(text(reason));
        return call(() ->
                OirMapping.claim(clients.client(system).afskrivFordring(in).getFordring()));
    }

    public ClaimState transferToCollection(
            DebtorSystem system,
            String municipalityCode,
            String claimId,
            String psrmClaimType,
            LocalDate limitationDate,
            IdempotencyRef ref) {
        OverdragTilInddrivelseAnmodning in = new OverdragTilInddrivelseAnmodning();
        in.setKontekst(context(system, municipalityCode, ref));
        in.setFordringId(claimId);
        in.setPsrmFordringstype(psrmClaimType);
        in.setForaeldelsesdato(limitationDate);
        return call(() -> OirMapping.claim(
                clients.client(system).overdragTilInddrivelse(in).getFordring()));
    }

    /** A payment taken at the library, passed on to the debtor system. */
    public ClaimState registerPayment(
            DebtorSystem system,
            String municipalityCode,
            String claimId,
            Money amount,
            LocalDate paidOn,
            IdempotencyRef ref) {
        RegistrerIndbetalingAnmodning in = new RegistrerIndbetalingAnmodning();
        in.setKontekst(context(system, municipalityCode, ref));
        in.setFordringId(claimId);
        in.setBeloeb(amount.kroner());
        in.setBetalingsdato(paidOn);
        in.setBetalingssted(BetalingsstedType.BIBLIOTEK);
        return call(() ->
                OirMapping.claim(clients.client(system).registrerIndbetaling(in).getFordring()));
    }

    /** Published events of a municipality after {@code afterSeq}, oldest first. */
    public EventBatch events(DebtorSystem system, String municipalityCode, long afterSeq, int max) {
        HentHaendelserAnmodning in = new HentHaendelserAnmodning();
        in.setKontekst(context(system, municipalityCode, IdempotencyRef.eventRead(system, municipalityCode, afterSeq)));
        in.setEfterLoebenummer(afterSeq);
        in.setMaksAntal(max);
        return call(() -> {
            HentHaendelserSvar out = clients.client(system).hentHaendelser(in);
            return new EventBatch(
                    out.getHaendelse().stream().map(OirMapping::event).toList(), out.getSenesteLoebenummer());
        });
    }

    /** The debtor system's reconciliation statement of a municipality and day. */
    public Statement reconciliationStatement(DebtorSystem system, String municipalityCode, LocalDate day) {
        HentAfstemningAnmodning in = new HentAfstemningAnmodning();
        in.setKontekst(context(system, municipalityCode, IdempotencyRef.statement(municipalityCode, day)));
        in.setDato(day);
        return call(() -> {
            HentAfstemningSvar out = clients.client(system).hentAfstemning(in);
            return new Statement(
                    out.getDato(),
                    out.getFordring().stream().map(OirMapping::claim).toList(),
                    out.getPostering().stream().map(OirMapping::posting).toList(),
                    Money.ofKroner(out.getSamletSaldo()));
        });
    }

    /** Every call's context; on Serviceplatformen with the municipality as the authority. */
    private KontekstType context(DebtorSystem system, String municipalityCode, IdempotencyRef ref) {
        KontekstType kontekst = OirMapping.context(municipalityCode, ref);
        return properties.endpoint(system).getSecurity() == SecurityModel.NONE
                ? kontekst
                : OirMapping.withAuthority(kontekst, authorities.cvr(municipalityCode));
    }

    @FunctionalInterface
    private interface SoapCall<T> {
        T call() throws ForretningsfejlFault;
    }

    private static <T> T call(SoapCall<T> call) {
        try {
            return call.call();
        } catch (ForretningsfejlFault fault) {
            var info = fault.getFaultInfo();
            throw new OirRejection(
                    info == null ? "UKENDT" : info.getFejlkode(),
                    info == null ? fault.getMessage() : info.getFejltekst());
        }
    }
}
