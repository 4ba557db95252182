package dk.fbs.oir.onboarding;

import dk.fbs.oir.debtorsystem.DebtorSystem;
import dk.fbs.oir.onboarding.Onboardings.KlikTask;
import dk.fbs.oir.onboarding.Waves.Wave;
import dk.fbs.oir.routing.RegisterGoLive;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** What onboarding.bpmn's forms, task names, collection and timer read (bean {@code onboardingFacts}). */
@Component("onboardingFacts")
public class OnboardingFacts {

  static final DateTimeFormatter DANISH_DATE = DateTimeFormatter.ofPattern("d. MMMM yyyy", Locale.forLanguageTag("da"));

  private final Onboardings onboardings;
  private final RegisterGoLive register;
  private final SystemReads system;
  private final Clock clock;

  OnboardingFacts(Onboardings onboardings, RegisterGoLive register, SystemReads system, Clock clock) {
    this.onboardings = onboardings;
    this.register = register;
    this.system = system;
    this.clock = clock;
  }

  /** "155 Dragør". */
  public String municipality(String municipalityCode) {
    return system.read(() -> register.entry(municipalityCode)).map(e -> municipalityCode + " " + e.name())
        .orElse(municipalityCode);
  }

  public String debtorSystem(String debtorSystem) {
    return DebtorSystem.valueOf(debtorSystem).displayName();
  }

  /** "Bølge 5: 1. marts 2027 (tilmeldingsfrist 15. januar 2027, 9 ledige pladser)", one a line. */
  public String openWaves(String municipalityCode) {
    List<Wave> open = onboardings.openWaves(municipalityCode);
    return open.isEmpty() ? "Ingen åbne bølger lige nu" : open.stream().map(w -> describe(w) + " (tilmeldingsfrist "
        + DANISH_DATE.format(w.enrolmentDeadline()) + ", " + (w.capacity() - onboardings.taken(w.number(),
        municipalityCode)) + " ledige pladser)").collect(Collectors.joining("; "));
  }

  /** The municipality's chosen wave, "Bølge 5: 1. marts 2027". */
  public String wave(String municipalityCode) {
    var o = onboardings.require(municipalityCode);
    return o.wave() == null ? "Ingen" : "Bølge " + o.wave() + ": " + DANISH_DATE.format(o.goLiveOn());
  }

  /** The multi-instance collection of "Udfør KLIK-opgave": the open tasks' codes. */
  public List<String> klikTasks(String municipalityCode) {
    return onboardings.klikTasks(municipalityCode).stream().filter(t -> t.doneBy() == null).map(KlikTask::code)
        .toList();
  }

  public String klikTitle(String municipalityCode, String code) {
    return onboardings.klikTasks(municipalityCode).stream().filter(t -> t.code().equals(code)).map(KlikTask::title)
        .findFirst().orElse(code);
  }

  /** The timer "Bølgens go-live-dato": the go-live day's start, in the application's time zone. */
  public Date goLiveAt(String goLiveDate) {
    return Date.from(LocalDate.parse(goLiveDate).atStartOfDay(clock.getZone()).toInstant());
  }

  static String describe(Wave w) {
    return "Bølge " + w.number() + ": " + DANISH_DATE.format(w.goLiveDate());
  }
}
