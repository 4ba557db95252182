package dk.fbs.oir.simulator;

import dk.fbs.oir.common.Money;
import dk.fbs.oir.wsdl.debitor.*;
import java.math.BigInteger;

/** The simulator's records as the WSDL's types: a claim, an event, a posting of the statement. */
final class SimulatorWire {

    static HaendelseType haendelse(SimulatorStore.Event e) {
        HaendelseType h = new HaendelseType();
        h.setLoebenummer(e.seq());
        h.setHaendelsesart(HaendelsesartType.fromValue(e.kind()));
        h.setFordringId(e.claim().claimId());
        h.setFagsystemFordringId(e.claim().fbsChargeId());
        h.setKommunekode(e.claim().municipalityCode());
        h.setBeloeb(e.amountOre() == null ? null : Money.ofOre(e.amountOre()).kroner());
        h.setSaldo(Money.ofOre(e.balanceOre()).kroner());
        h.setTilstand(FordringTilstandType.fromValue(e.state()));
        h.setForfaldsdato(e.dueDate());
        h.setSidsteRettidigeBetalingsdag(e.lastPayDate());
        h.setRykkerNummer(e.reminderNo() == null ? null : BigInteger.valueOf(e.reminderNo()));
        h.setTidspunkt(e.occurredAt());
        h.setTekst(e.text());
        return h;
    }

    static AfstemningsposteringType postering(SimulatorStore.Posting p) {
        AfstemningsposteringType posting = new AfstemningsposteringType();
        posting.setPosteringId(p.postingId());
        posting.setFordringId(p.claimId());
        posting.setFagsystemFordringId(p.fbsChargeId());
        posting.setPosteringsart(p.kind());
        posting.setBeloeb(Money.ofOre(p.amountOre()).kroner());
        posting.setDato(p.postedOn());
        return posting;
    }

    static FordringType fordring(SimClaim c) {
        FordringType f = new FordringType();
        f.setFordringId(c.claimId());
        f.setFagsystemFordringId(c.fbsChargeId());
        f.setKommunekode(c.municipalityCode());
        f.setFordringsart(FordringsartType.fromValue(c.claimType()));
        f.setHovedstol(Money.ofOre(c.principalOre()).kroner());
        f.setSaldo(Money.ofOre(c.balanceOre()).kroner());
        f.setTilstand(FordringTilstandType.fromValue(c.state()));
        f.setBeskrivelse(c.description());
        f.setStiftelsesdato(c.establishedOn());
        f.setForfaldsdato(c.dueDate());
        f.setSidsteRettidigeBetalingsdag(c.lastPayDate());
        f.setBetalingsreference(c.paymentReference());
        f.setAntalRykkere(c.reminderCount());
        f.setSenestAendret(c.changedAt());
        f.setBerostillet(c.onHold() ? Boolean.TRUE : null);
        return f;
    }

    private SimulatorWire() {}
}
