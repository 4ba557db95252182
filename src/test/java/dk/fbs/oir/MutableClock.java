package dk.fbs.oir;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A clock a test can move forward, shared by the application and the simulator. */
public class MutableClock extends Clock {

  private volatile Duration offset = Duration.ZERO;
  private final Clock base = Clock.systemDefaultZone();

  public void advance(Duration by) {
    offset = offset.plus(by);
  }

  public void reset() {
    offset = Duration.ZERO;
  }

  @Override
  public ZoneId getZone() {
    return base.getZone();
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Instant instant() {
    return base.instant().plus(offset);
  }
}
