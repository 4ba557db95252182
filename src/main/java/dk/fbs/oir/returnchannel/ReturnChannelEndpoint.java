package dk.fbs.oir.returnchannel;

import dk.fbs.oir.common.Money;
import dk.fbs.oir.debtorsystem.ClaimStatus;
import dk.fbs.oir.debtorsystem.DebtorEvent;
import dk.fbs.oir.debtorsystem.DebtorSystem;
import dk.fbs.oir.debtorsystem.EventKind;
import dk.fbs.oir.routing.RoutingService;
import dk.fbs.oir.sync.IncomingMessages;
import dk.fbs.oir.sync.IncomingMessages.Receipt;
import dk.fbs.oir.wsdl.daekning.Afvisning;
import dk.fbs.oir.wsdl.daekning.AfvisningFault;
import dk.fbs.oir.wsdl.daekning.BeskedKontekstType;
import dk.fbs.oir.wsdl.daekning.DaekningAfskrivningPortType;
import dk.fbs.oir.wsdl.daekning.FordringsbevaegelseType;
import dk.fbs.oir.wsdl.daekning.KvitteringType;
import dk.fbs.oir.wsdl.daekning.PosteringType;
import dk.fbs.oir.wsdl.daekning.RegistrerAfskrivningAnmodning;
import dk.fbs.oir.wsdl.daekning.RegistrerAfskrivningSvar;
import dk.fbs.oir.wsdl.daekning.RegistrerDaekningAnmodning;
import dk.fbs.oir.wsdl.daekning.RegistrerDaekningSvar;
import jakarta.jws.WebService;

/**
 * The return channel we host (oir-daekning-afskrivning.wsdl, modelled on DaekningAfskrivningRegistrering):
 * a debtor system pushes a payment that covered a claim, or a write-off, with the balance after it
 * and its postings. Each is one debtor-system event ({@link DebtorEvent}) received through
 * {@link IncomingMessages}, the same code as Beskedfordeler's messages: exactly once by its message
 * id and its sequence number. The one place the return channel's generated types are read.
 */
@WebService(
        serviceName = "DaekningAfskrivningService",
        portName = "DaekningAfskrivningPort",
        targetNamespace = "urn:fbs-oir:daekning-afskrivning:1:wsdl",
        wsdlLocation = "classpath:wsdl/oir-daekning-afskrivning.wsdl",
        endpointInterface = "dk.fbs.oir.wsdl.daekning.DaekningAfskrivningPortType")
class ReturnChannelEndpoint implements DaekningAfskrivningPortType {

    private final IncomingMessages messages;
    private final RoutingService routing;

    ReturnChannelEndpoint(IncomingMessages messages, RoutingService routing) {
        this.messages = messages;
        this.routing = routing;
    }

    @Override
    public RegistrerDaekningSvar registrerDaekning(RegistrerDaekningAnmodning in) throws AfvisningFault {
        RegistrerDaekningSvar out = new RegistrerDaekningSvar();
        out.setKvittering(receive(in.getKontekst(), in.getDaekning(), EventKind.PAYMENT_RECEIVED));
        return out;
    }

    @Override
    public RegistrerAfskrivningSvar registrerAfskrivning(RegistrerAfskrivningAnmodning in) throws AfvisningFault {
        RegistrerAfskrivningSvar out = new RegistrerAfskrivningSvar();
        out.setKvittering(receive(in.getKontekst(), in.getAfskrivning(), EventKind.CLAIM_WRITTEN_OFF));
        return out;
    }

    private KvitteringType receive(BeskedKontekstType context, FordringsbevaegelseType change, EventKind kind)
            throws AfvisningFault {
        DebtorSystem system = system(context.getDebitorsystem());
        if (!routing.isKnown(context.getKommunekode())) {
            throw rejection("UGYLDIGE_DATA", "Ukendt kommunekode " + context.getKommunekode());
        }
        Money amount = Money.ofKroner(change.getBeloeb());
        Money posted = change.getPostering().stream()
                .map(p -> Money.ofKroner(p.getBeloeb()))
                .reduce(Money.ZERO, Money::plus);
        if (!posted.equals(amount)) {
            throw rejection(
                    "UGYLDIGE_DATA",
                    "Posteringerne (" + posted + " kr.) stemmer ikke med beløbet (" + amount + " kr.)");
        }
        long seq;
        try {
            seq = change.getLoebenummer().longValueExact();
        } catch (ArithmeticException tooLarge) {
            throw rejection("UGYLDIGE_DATA", "Løbenummeret er for stort");
        }
        DebtorEvent event = new DebtorEvent(
                seq,
                kind,
                change.getFordringId(),
                change.getFagsystemFordringId(),
                context.getKommunekode(),
                amount,
                Money.ofKroner(change.getSaldo()),
                ClaimStatus.ofOirName(change.getTilstand().value()),
                null,
                null,
                null,
                change.getTidspunkt(),
                text(change, kind));
        Receipt receipt =
                messages.receive(IncomingMessages.Channel.RETURN_CHANNEL, context.getBeskedId(), system, event);
        return receipt(receipt);
    }

    private static DebtorSystem system(String name) throws AfvisningFault {
        try {
            return DebtorSystem.valueOf(name);
        } catch (IllegalArgumentException unknown) {
            throw rejection("UKENDT_DEBITORSYSTEM", "Ukendt debitorsystem");
        }
    }

    /** The event's text: the debtor system's own, or the postings it consists of. */
    private static String text(FordringsbevaegelseType change, EventKind kind) {
        if (change.getTekst() != null && !change.getTekst().isBlank()) {
            return change.getTekst();
        }
        StringBuilder text = new StringBuilder(kind == EventKind.PAYMENT_RECEIVED ? "Dækning" : "Afskrivning");
        for (PosteringType p : change.getPostering()) {
            text.append(text.length() > 12 ? ", " : ": ")
                    .append(p.getPosteringsart())
                    .append(' ')
                    .append(Money.ofKroner(p.getBeloeb()))
                    .append(" kr.");
        }
        return text.length() <= 500 ? text.toString() : text.substring(0, 499) + "…";
    }

    private static KvitteringType receipt(Receipt receipt) {
        KvitteringType out = new KvitteringType();
        if (receipt.repeated()) {
            out.setStatus("ALLEREDE_MODTAGET");
            out.setTekst("Beskeden er modtaget før; intet ændret");
            return out;
        }
        switch (receipt.outcome()) {
            case APPLIED -> set(out, "MODTAGET", "Modtaget og registreret");
            case IGNORED ->
                set(out, "MODTAGET", "Modtaget; hændelsen var allerede kendt eller ældre end fordringens seneste");
            case PARKED ->
                set(out, "PARKERET", "Ingen sag hos FBS har denne fordring; beskeden er gemt til en driftsansvarlig");
            case NOT_YET ->
                set(out, "AFVENTER_FORDRING", "Modtaget; registreres, så snart fordringens oprettelse er registreret");
        }
        return out;
    }

    private static void set(KvitteringType out, String status, String text) {
        out.setStatus(status);
        out.setTekst(text);
    }

    private static AfvisningFault rejection(String code, String text) {
        Afvisning detail = new Afvisning();
        detail.setFejlkode(code);
        detail.setFejltekst(text);
        return new AfvisningFault(text, detail);
    }
}
