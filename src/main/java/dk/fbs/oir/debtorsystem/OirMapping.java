package dk.fbs.oir.debtorsystem;

import dk.fbs.oir.common.Money;
import dk.fbs.oir.wsdl.debitor.AfstemningsposteringType;
import dk.fbs.oir.wsdl.debitor.AuthorityContextType;
import dk.fbs.oir.wsdl.debitor.CallContextType;
import dk.fbs.oir.wsdl.debitor.FordringType;
import dk.fbs.oir.wsdl.debitor.HaendelseType;
import dk.fbs.oir.wsdl.debitor.KontekstType;
import dk.fbs.oir.wsdl.debitor.OpkraevningsstyringType;

/** Generated ØiR types to ours and back: the one place where their strings and decimals meet our types. */
final class OirMapping {

    private static final String FAGSYSTEM = "FBS";
    /** ØiR's texts hold 500 characters. */
    private static final int TEXT_MAX = 500;

    private OirMapping() {}

    static KontekstType context(String municipalityCode, IdempotencyRef ref) {
        KontekstType kontekst = new KontekstType();
        kontekst.setKommunekode(municipalityCode);
        kontekst.setIdempotensReference(ref.value());
        kontekst.setFagsystem(FAGSYSTEM);
        return kontekst;
    }

    /**
     * Serviceplatformen's authority context (the municipality's CVR number) and call context (our
     * idempotency reference identifies the call, also in Serviceplatformen's logs) on a context.
     */
    static KontekstType withAuthority(KontekstType kontekst, String cvr) {
        AuthorityContextType authority = new AuthorityContextType();
        authority.setMunicipalityCVR(cvr);
        kontekst.setAuthorityContext(authority);
        CallContextType call = new CallContextType();
        call.setCallersServiceCallIdentifier(kontekst.getIdempotensReference());
        call.setAccountingInfo(FAGSYSTEM);
        kontekst.setCallContext(call);
        return kontekst;
    }

    /** A longer reason (our prefix and FBS' note) is cut, not refused. */
    static String text(String reason) {
        return reason.length() <= TEXT_MAX ? reason : reason.substring(0, TEXT_MAX - 1) + "…";
    }

    static OpkraevningsstyringType dunning(DunningMode mode) {
        return mode == DunningMode.FBS_LED ? OpkraevningsstyringType.FAGSYSTEM : OpkraevningsstyringType.DEBITORSYSTEM;
    }

    static ClaimState claim(FordringType f) {
        return new ClaimState(
                f.getFordringId(),
                f.getFagsystemFordringId(),
                ClaimStatus.of(f.getTilstand()),
                Money.ofKroner(f.getHovedstol()),
                Money.ofKroner(f.getSaldo()),
                f.getForfaldsdato(),
                f.getSidsteRettidigeBetalingsdag(),
                f.getBetalingsreference(),
                f.getAntalRykkere(),
                f.getSenestAendret(),
                Boolean.TRUE.equals(f.isBerostillet()));
    }

    static DebtorEvent event(HaendelseType h) {
        return new DebtorEvent(
                h.getLoebenummer(),
                EventKind.of(h.getHaendelsesart()),
                h.getFordringId(),
                h.getFagsystemFordringId(),
                h.getKommunekode(),
                Money.ofKronerOrNull(h.getBeloeb()),
                Money.ofKroner(h.getSaldo()),
                ClaimStatus.of(h.getTilstand()),
                h.getForfaldsdato(),
                h.getSidsteRettidigeBetalingsdag(),
                h.getRykkerNummer() == null ? null : h.getRykkerNummer().intValueExact(),
                h.getTidspunkt(),
                h.getTekst());
    }

    static Posting posting(AfstemningsposteringType p) {
        return new Posting(
                p.getPosteringId(),
                p.getFordringId(),
                p.getFagsystemFordringId(),
                PostingKind.ofOirName(p.getPosteringsart()),
                Money.ofKroner(p.getBeloeb()),
                p.getDato());
    }
}
