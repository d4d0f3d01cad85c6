package io.gardefou.vault;

import io.gardefou.audit.AuditEvent;
import io.gardefou.audit.AuditTrail;
import java.util.ArrayList;
import java.util.List;

/** An audit trail that keeps the events it is given, in order, and can be told to fail. */
final class RecordingTrail implements AuditTrail {
  private final List<AuditEvent> events = new ArrayList<>();
  private boolean failing;

  @Override
  public synchronized long record(AuditEvent event) {
    if (failing) {
      throw new IllegalStateException("the audit trail is down");
    }
    events.add(event);
    return events.size() - 1;
  }

  synchronized List<AuditEvent> events() {
    return List.copyOf(events);
  }

  synchronized List<String> kinds() {
    return events.stream().map(AuditEvent::kind).toList();
  }

  synchronized void failFromNowOn() {
    failing = true;
  }
}
