package dk.fbs.oir.simulator;

import dk.fbs.oir.common.Money;
import dk.fbs.oir.debtorsystem.DebtorSystem;
import dk.fbs.oir.wsdl.debitor.*;
import jakarta.jws.WebService;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.interceptor.Fault;

/**
 * One simulated debtor system behind ØiR (a personality): a real SOAP endpoint implementing our
 * WSDL on top of {@link SimulatorLedger}, with the faults and answer time configured for it.
 */
@WebService(
        serviceName = "DebitorService",
        portName = "DebitorPort",
        targetNamespace = "urn:fbs-oir:debitor:1:wsdl",
        wsdlLocation = "classpath:wsdl/oir-debitor.wsdl",
        endpointInterface = "dk.fbs.oir.wsdl.debitor.DebitorPortType")
class SimulatedDebtorSystem implements DebitorPortType {

    private final DebtorSystem system;
    private final SimulatorLedger ledger;
    private final SimulatorStore store;
    private final SimulatorProperties properties;
    private final Predicate<String> knownMunicipality;
    private final SimulatedAuthority authority;

    /** {@code knownMunicipality}: ØiR routes only to municipalities it knows, and refuses any other. */
    SimulatedDebtorSystem(
            DebtorSystem system,
            SimulatorLedger ledger,
            SimulatorStore store,
            SimulatorProperties properties,
            Predicate<String> knownMunicipality,
            SimulatedAuthority authority) {
        this.system = system;
        this.ledger = ledger;
        this.store = store;
        this.properties = properties;
        this.knownMunicipality = knownMunicipality;
        this.authority = authority;
    }

    @Override
    public OpretFordringSvar opretFordring(OpretFordringAnmodning in) throws ForretningsfejlFault {
        return answer(() -> {
            DebitorType debtor = in.getDebitor();
            SimClaim claim = ledger.createClaim(
                    request(in.getKontekst()),
                    new SimulatorLedger.NewClaim(
                            in.getFagsystemFordringId(),
                            debtor.getCprNummer(),
                            debtor.getNavn(),
                            in.getFordringsart().value(),
                            ore(in.getHovedstol()),
                            in.getBeskrivelse(),
                            in.getStiftelsesdato(),
                            in.getOpkraevningsstyring() != OpkraevningsstyringType.FAGSYSTEM));
            OpretFordringSvar out = new OpretFordringSvar();
            out.setFordring(SimulatorWire.fordring(claim));
            return out;
        });
    }

    @Override
    public HentFordringSvar hentFordring(HentFordringAnmodning in) throws ForretningsfejlFault {
        return answer(() -> {
            HentFordringSvar out = new HentFordringSvar();
            out.setFordring(
                    SimulatorWire.fordring(store.claimOf(system, municipality(in.getKontekst()), in.getFordringId())));
            return out;
        });
    }

    @Override
    public SoegDebitorFordringerSvar soegDebitorFordringer(SoegDebitorFordringerAnmodning in)
            throws ForretningsfejlFault {
        return answer(() -> {
            SoegDebitorFordringerSvar out = new SoegDebitorFordringerSvar();
            store.search(
                            system,
                            municipality(in.getKontekst()),
                            in.getCprNummer(),
                            Boolean.TRUE.equals(in.isMedLukkede()))
                    .forEach(c -> out.getFordring().add(SimulatorWire.fordring(c)));
            return out;
        });
    }

    @Override
    public RegistrerIndbetalingSvar registrerIndbetaling(RegistrerIndbetalingAnmodning in) throws ForretningsfejlFault {
        return answer(() -> {
            SimulatorStore.Result result = ledger.registerPayment(
                    request(in.getKontekst()),
                    in.getFordringId(),
                    ore(in.getBeloeb()),
                    in.getBetalingsdato(),
                    in.getBetalingssted().value());
            RegistrerIndbetalingSvar out = new RegistrerIndbetalingSvar();
            out.setIndbetalingId(result.postingId());
            out.setFordring(SimulatorWire.fordring(result.claim()));
            return out;
        });
    }

    @Override
    public KrediterFordringSvar krediterFordring(KrediterFordringAnmodning in) throws ForretningsfejlFault {
        return answer(() -> {
            KrediterFordringSvar out = new KrediterFordringSvar();
            out.setFordring(SimulatorWire.fordring(
                    ledger.credit(request(in.getKontekst()), in.getFordringId(), ore(in.getBeloeb()), in.getAarsag())
                            .claim()));
            return out;
        });
    }

    @Override
    public AfskrivFordringSvar afskrivFordring(AfskrivFordringAnmodning in) throws ForretningsfejlFault {
        return answer(() -> {
            AfskrivFordringSvar out = new AfskrivFordringSvar();
            out.setFordring(SimulatorWire.fordring(
                    ledger.writeOff(request(in.getKontekst()), in.getFordringId(), in.getAarsag())
                            .claim()));
            return out;
        });
    }

    @Override
    public BerostilFordringSvar berostilFordring(BerostilFordringAnmodning in) throws ForretningsfejlFault {
        return answer(() -> {
            BerostilFordringSvar out = new BerostilFordringSvar();
            out.setFordring(
                    SimulatorWire.fordring(ledger.hold(request(in.getKontekst()), in.getFordringId(), in.getAarsag())
                            .claim()));
            return out;
        });
    }

    @Override
    public GenoptagFordringSvar genoptagFordring(GenoptagFordringAnmodning in) throws ForretningsfejlFault {
        return answer(() -> {
            GenoptagFordringSvar out = new GenoptagFordringSvar();
            out.setFordring(SimulatorWire.fordring(
                    ledger.resume(request(in.getKontekst()), in.getFordringId()).claim()));
            return out;
        });
    }

    @Override
    public SendRykkerSvar sendRykker(SendRykkerAnmodning in) throws ForretningsfejlFault {
        return answer(() -> {
            SendRykkerSvar out = new SendRykkerSvar();
            out.setFordring(SimulatorWire.fordring(ledger.sendReminder(
                            request(in.getKontekst()),
                            in.getFordringId(),
                            in.getRykkerNummer().intValueExact(),
                            ore(in.getRykkergebyr()),
                            in.getNySidsteBetalingsdag())
                    .claim()));
            return out;
        });
    }

    @Override
    public OverdragTilInddrivelseSvar overdragTilInddrivelse(OverdragTilInddrivelseAnmodning in)
            throws ForretningsfejlFault {
        return answer(() -> {
            OverdragTilInddrivelseSvar out = new OverdragTilInddrivelseSvar();
            out.setFordring(
                    SimulatorWire.fordring(ledger.transferToCollection(request(in.getKontekst()), in.getFordringId())
                            .claim()));
            out.setPsrmKvitteringsstatus("MODTAGET");
            return out;
        });
    }

    @Override
    public HentHaendelserSvar hentHaendelser(HentHaendelserAnmodning in) throws ForretningsfejlFault {
        return answer(() -> {
            HentHaendelserSvar out = new HentHaendelserSvar();
            long last = in.getEfterLoebenummer();
            int max = Math.max(1, Math.min(in.getMaksAntal(), 1000));
            for (SimulatorStore.Event e : store.eventsAfter(system, municipality(in.getKontekst()), last, max)) {
                out.getHaendelse().add(SimulatorWire.haendelse(e));
                last = e.seq();
            }
            out.setSenesteLoebenummer(last);
            return out;
        });
    }

    @Override
    public HentAfstemningSvar hentAfstemning(HentAfstemningAnmodning in) throws ForretningsfejlFault {
        return answer(() -> {
            String municipality = municipality(in.getKontekst());
            HentAfstemningSvar out = new HentAfstemningSvar();
            out.setDato(in.getDato());
            long total = 0;
            for (SimClaim claim : store.claimsOf(system, municipality)) {
                out.getFordring().add(SimulatorWire.fordring(claim));
                total += claim.balanceOre();
            }
            for (SimulatorStore.Posting p : store.postings(system, municipality, in.getDato())) {
                out.getPostering().add(SimulatorWire.postering(p));
            }
            out.setSamletSaldo(Money.ofOre(total).kroner());
            return out;
        });
    }

    // ----------------------------------------------------------------

    /** Applies the configured answer time and faults, and turns rejections into the declared fault. */
    private <T> T answer(Supplier<T> call) throws ForretningsfejlFault {
        SimulatorProperties.Behaviour behaviour = properties.behaviour(system);
        Duration delay = behaviour.getAnswerDelay();
        if (behaviour.getFault() == SimulatorProperties.Fault.SLOW) {
            delay = delay.plus(behaviour.getSlowDelay());
        }
        sleep(delay);
        if (behaviour.getFault() == SimulatorProperties.Fault.SOAP_FAULT) {
            throw technicalFault("Simuleret teknisk fejl i " + system.displayName());
        }
        try {
            return call.get();
        } catch (SimulatorRejection rejection) {
            Forretningsfejl detail = new Forretningsfejl();
            detail.setFejlkode(rejection.code());
            detail.setFejltekst(rejection.getMessage());
            throw new ForretningsfejlFault(rejection.getMessage(), detail);
        }
    }

    /** A SOAP fault without the business detail: a technical error for the client. */
    private static SoapFault technicalFault(String text) {
        return new SoapFault(text, Fault.FAULT_CODE_SERVER);
    }

    private static void sleep(Duration delay) {
        if (delay.isZero() || delay.isNegative()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String municipality(KontekstType kontekst) {
        authority.check(system, kontekst);
        if (!knownMunicipality.test(kontekst.getKommunekode())) {
            throw new SimulatorRejection("UGYLDIGE_DATA", "Ukendt kommunekode " + kontekst.getKommunekode());
        }
        return kontekst.getKommunekode();
    }

    private SimulatorLedger.Request request(KontekstType kontekst) {
        return new SimulatorLedger.Request(system, municipality(kontekst), kontekst.getIdempotensReference());
    }

    private static long ore(BigDecimal kroner) {
        try {
            return Money.ofKroner(kroner).ore();
        } catch (ArithmeticException e) {
            throw new SimulatorRejection("UGYLDIGE_DATA", "Beløb skal have højst to decimaler");
        }
    }
}
