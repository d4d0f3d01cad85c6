package io.gardefou.gateway;

import io.gardefou.model.Operation;
import io.gardefou.model.Verdict;
import java.util.List;
import java.util.Objects;

/** How an exchange ended: refused (a value, not an exception), or images produced for the client. */
public sealed interface Outcome {
  String requestId();

  /**
   * Nothing for the client: the input was refused (and nothing was sent upstream), or every output was withheld.
   *
   * @param phase {@link Operation#GENERATE} or {@link Operation#EDIT} for the input, {@link Operation#OUTPUT}
   * @param verdict the refusing verdict (for outputs, the first withheld one)
   */
  record Refused(String requestId, Operation phase, Verdict verdict) implements Outcome {
    public Refused {
      Objects.requireNonNull(requestId, "requestId");
      Objects.requireNonNull(phase, "phase");
      Objects.requireNonNull(verdict, "verdict");
    }
  }

  /**
   * Images for the client. Once past output screening, only the allowed ones remain.
   *
   * @param created the upstream's creation time, Unix seconds
   * @param withheld the verdicts of the outputs kept back, in upstream order
   */
  record Produced(String requestId, long created, List<GeneratedImage> images, List<Verdict> withheld)
      implements Outcome {
    public Produced {
      Objects.requireNonNull(requestId, "requestId");
      images = List.copyOf(images);
      withheld = List.copyOf(withheld);
    }
  }
}
