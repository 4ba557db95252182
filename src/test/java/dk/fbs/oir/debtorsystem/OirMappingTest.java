package dk.fbs.oir.debtorsystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.fbs.oir.common.Money;
import dk.fbs.oir.wsdl.debitor.AfstemningsposteringType;
import dk.fbs.oir.wsdl.debitor.FordringTilstandType;
import dk.fbs.oir.wsdl.debitor.FordringType;
import dk.fbs.oir.wsdl.debitor.HaendelseType;
import dk.fbs.oir.wsdl.debitor.HaendelsesartType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The generated ØiR types to ours: every state and kind has its enum, money becomes exact øre. */
class OirMappingTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-20T10:15:00+01:00");

    @Test
    void aClaimBecomesOurTypesWithMoneyInOre() {
        FordringType f = new FordringType();
        f.setFordringId("OP101-00000001");
        f.setFagsystemFordringId("FBS-101-1");
        f.setTilstand(FordringTilstandType.RYKKET);
        f.setHovedstol(new BigDecimal("125.00"));
        f.setSaldo(new BigDecimal("225.5"));
        f.setForfaldsdato(LocalDate.of(2026, 12, 1));
        f.setSidsteRettidigeBetalingsdag(LocalDate.of(2026, 12, 15));
        f.setBetalingsreference("+71<000000000000001");
        f.setAntalRykkere(1);
        f.setSenestAendret(AT);

        assertThat(OirMapping.claim(f))
                .isEqualTo(new ClaimState(
                        "OP101-00000001",
                        "FBS-101-1",
                        ClaimStatus.REMINDED,
                        Money.ofOre(12_500),
                        Money.ofOre(22_550),
                        LocalDate.of(2026, 12, 1),
                        LocalDate.of(2026, 12, 15),
                        "+71<000000000000001",
                        1,
                        AT,
                        false));
    }

    @Test
    void anEventWithoutAnAmountKeepsItNull() {
        HaendelseType h = new HaendelseType();
        h.setLoebenummer(42);
        h.setHaendelsesart(HaendelsesartType.OPKRAEVNING_UDSENDT);
        h.setFordringId("C1");
        h.setFagsystemFordringId("FBS-1");
        h.setKommunekode("101");
        h.setSaldo(new BigDecimal("125.00"));
        h.setTilstand(FordringTilstandType.OPKRAEVET);
        h.setTidspunkt(AT);

        DebtorEvent event = OirMapping.event(h);

        assertThat(event.kind()).isEqualTo(EventKind.INVOICE_ISSUED);
        assertThat(event.state()).isEqualTo(ClaimStatus.INVOICED);
        assertThat(event.amount()).isNull();
        assertThat(event.balance()).isEqualTo(Money.ofOre(12_500));
        assertThat(event.seq()).isEqualTo(42);
    }

    @Test
    void postingKindsAreOursAndAnUnknownKindIsOther() {
        AfstemningsposteringType p = new AfstemningsposteringType();
        p.setPosteringId("P1");
        p.setFordringId("C1");
        p.setFagsystemFordringId("FBS-1");
        p.setPosteringsart("RYKKERGEBYR");
        p.setBeloeb(new BigDecimal("100.00"));
        p.setDato(LocalDate.of(2026, 11, 20));

        assertThat(OirMapping.posting(p).kind()).isEqualTo(PostingKind.REMINDER_FEE);
        p.setPosteringsart("RENTE");
        assertThat(OirMapping.posting(p).kind()).isEqualTo(PostingKind.OTHER);
    }

    @ParameterizedTest
    @EnumSource(FordringTilstandType.class)
    void everyClaimStateOfTheWsdlHasOurs(FordringTilstandType wire) {
        assertThat(ClaimStatus.of(wire).oirName()).isEqualTo(wire.value());
    }

    @ParameterizedTest
    @EnumSource(HaendelsesartType.class)
    void everyEventKindOfTheWsdlHasOurs(HaendelsesartType wire) {
        assertThat(EventKind.of(wire).oirName()).isEqualTo(wire.value());
    }

    @Test
    void ourEnumsHaveNothingTheWsdlLacks() {
        assertThat(ClaimStatus.values()).hasSameSizeAs(FordringTilstandType.values());
        assertThat(EventKind.values()).hasSameSizeAs(HaendelsesartType.values());
    }

    @Test
    void moneyWithMoreThanTwoDecimalsIsAnErrorNotRounded() {
        FordringType f = new FordringType();
        f.setTilstand(FordringTilstandType.OPKRAEVET);
        f.setHovedstol(new BigDecimal("1.005"));
        f.setSaldo(BigDecimal.ONE);
        assertThatThrownBy(() -> OirMapping.claim(f)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void aReasonLongerThanOirsTextTypeIsCutToItsLengthNotRefused() {
        String note = "Annulleret af FBS: Afleveret i bogboksen (" + "x".repeat(500) + ")";

        assertThat(OirMapping.text(note))
                .hasSize(500)
                .startsWith("Annulleret af FBS: Afleveret")
                .endsWith("…");
        assertThat(OirMapping.text("Afleveret")).isEqualTo("Afleveret");
    }

    @Test
    void theContextCarriesTheReferenceAndTheMunicipality() {
        var context = OirMapping.context("561", IdempotencyRef.submission("FBS-561-1", 2));
        assertThat(Arrays.asList(context.getKommunekode(), context.getIdempotensReference(), context.getFagsystem()))
                .containsExactly("561", "FBS-561-1/opret/2", "FBS");
    }

    @Test
    void withoutServiceplatformTheContextHasNoAuthority_onItTheMunicipalitysCvrAndOurCallIdentifier() {
        var context = OirMapping.context("561", IdempotencyRef.submission("FBS-561-1", 1));
        assertThat(context.getAuthorityContext()).isNull();
        assertThat(context.getCallContext()).isNull();

        OirMapping.withAuthority(context, "29189803");
        assertThat(context.getAuthorityContext().getMunicipalityCVR()).isEqualTo("29189803");
        assertThat(context.getCallContext().getCallersServiceCallIdentifier()).isEqualTo("FBS-561-1/opret/1");
        assertThat(context.getCallContext().getAccountingInfo()).isEqualTo("FBS");
        assertThat(context.getCallContext().getOnBehalfOfUser()).isNull();
    }
}
