package io.gardefou.gateway;

import io.gardefou.model.Actor;
import io.gardefou.model.DecisionId;
import io.gardefou.model.Fact;
import io.gardefou.model.InputImage;
import io.gardefou.model.Jurisdiction;
import io.gardefou.model.JurisdictionSource;
import io.gardefou.model.Operation;
import io.gardefou.model.ScreeningRequest;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One exchange through the gateway: the client's request, who sent it and where they are, under one request id that
 * every verdict of the exchange (input and outputs) is recorded with.
 */
public record ImageCall(
    String requestId,
    ImagesRequest request,
    Actor actor,
    Jurisdiction jurisdiction,
    JurisdictionSource jurisdictionSource,
    String tenant,
    List<Fact> inputFacts) {

  public ImageCall {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(jurisdiction, "jurisdiction");
    Objects.requireNonNull(jurisdictionSource, "jurisdictionSource");
    Objects.requireNonNull(tenant, "tenant");
    inputFacts = List.copyOf(inputFacts);
  }

  /** An exchange whose input has not been screened yet. */
  public ImageCall(String requestId, ImagesRequest request, Actor actor, Jurisdiction jurisdiction,
      JurisdictionSource jurisdictionSource, String tenant) {
    this(requestId, request, actor, jurisdiction, jurisdictionSource, tenant, List.of());
  }

  /** This exchange after its input was screened: output screenings judge against these facts. */
  ImageCall withInputFacts(List<Fact> facts) {
    return new ImageCall(requestId, request, actor, jurisdiction, jurisdictionSource, tenant, facts);
  }

  /** A new exchange; its id is time-ordered like decision ids, so that an exchange's rows sort with its verdicts. */
  public static ImageCall start(ImagesRequest request, Actor actor, Jurisdiction jurisdiction,
      JurisdictionSource source, String tenant, Instant now) {
    return new ImageCall(DecisionId.generate(now).toString(), request, actor, jurisdiction, source, tenant);
  }

  /**
   * What the screener is asked about one phase: the prompt as context, with that phase's images; an output phase
   * also gets the input verdict's facts.
   */
  ScreeningRequest screening(Operation phase, List<InputImage> images) {
    return new ScreeningRequest(phase, request.prompt(), images, actor, jurisdiction, tenant, jurisdictionSource)
        .withRequestId(requestId)
        .withContext(phase == Operation.OUTPUT ? inputFacts : List.of());
  }
}
