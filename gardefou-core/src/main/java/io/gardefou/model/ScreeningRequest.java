package io.gardefou.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing to screen: a prompt and its images, who sent it, where they are, and for which tenant.
 *
 * @param prompt the text as the user wrote it; empty when there is none (an output image)
 * @param tenant the operator's service on whose behalf Garde-fou screens
 * @param jurisdictionSource how {@code jurisdiction} was established (header, request, tenant default, global)
 * @param requestId the gateway exchange this screening is a phase of, linking an input's verdict to its outputs';
 *     empty for a standalone screening
 * @param context facts established earlier in the same exchange, for detectors that judge a phase against it:
 *     an output screening carries its input verdict's facts (e.g. whether the edited image was a photo with a face)
 */
public record ScreeningRequest(
    Operation operation,
    String prompt,
    List<InputImage> images,
    Actor actor,
    Jurisdiction jurisdiction,
    String tenant,
    JurisdictionSource jurisdictionSource,
    Optional<String> requestId,
    List<Fact> context) {

  public static final String DEFAULT_TENANT = "default";

  public ScreeningRequest {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(prompt, "prompt");
    images = List.copyOf(images);
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(jurisdiction, "jurisdiction");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(jurisdictionSource, "jurisdictionSource");
    Objects.requireNonNull(requestId, "requestId");
    context = List.copyOf(context);
  }

  /** A request without context facts. */
  public ScreeningRequest(Operation operation, String prompt, List<InputImage> images, Actor actor,
      Jurisdiction jurisdiction, String tenant, JurisdictionSource jurisdictionSource, Optional<String> requestId) {
    this(operation, prompt, images, actor, jurisdiction, tenant, jurisdictionSource, requestId, List.of());
  }

  /** A standalone screening, part of no gateway exchange. */
  public ScreeningRequest(Operation operation, String prompt, List<InputImage> images, Actor actor,
      Jurisdiction jurisdiction, String tenant, JurisdictionSource jurisdictionSource) {
    this(operation, prompt, images, actor, jurisdiction, tenant, jurisdictionSource, Optional.empty());
  }

  /** A request whose jurisdiction the caller gave, or global when it gave none. */
  public ScreeningRequest(
      Operation operation, String prompt, List<InputImage> images, Actor actor, Jurisdiction jurisdiction, String tenant) {
    this(operation, prompt, images, actor, jurisdiction, tenant,
        jurisdiction.isGlobal() ? JurisdictionSource.GLOBAL : JurisdictionSource.REQUEST);
  }

  /** A text-only request from an anonymous actor, jurisdiction unknown. */
  public static ScreeningRequest ofText(Operation operation, String prompt) {
    return new ScreeningRequest(operation, prompt, List.of(), Actor.anonymous(), Jurisdiction.global(), DEFAULT_TENANT);
  }

  public ScreeningRequest withActor(Actor newActor) {
    return new ScreeningRequest(operation, prompt, images, newActor, jurisdiction, tenant, jurisdictionSource, requestId, context);
  }

  public ScreeningRequest withJurisdiction(Jurisdiction newJurisdiction) {
    return new ScreeningRequest(operation, prompt, images, actor, newJurisdiction, tenant,
        newJurisdiction.isGlobal() ? JurisdictionSource.GLOBAL : JurisdictionSource.REQUEST, requestId, context);
  }

  public ScreeningRequest withJurisdiction(Jurisdiction newJurisdiction, JurisdictionSource source) {
    return new ScreeningRequest(operation, prompt, images, actor, newJurisdiction, tenant, source, requestId, context);
  }

  public ScreeningRequest withTenant(String newTenant) {
    return new ScreeningRequest(operation, prompt, images, actor, jurisdiction, newTenant, jurisdictionSource, requestId, context);
  }

  /** This screening as one phase of the gateway exchange {@code id}. */
  public ScreeningRequest withRequestId(String id) {
    return new ScreeningRequest(operation, prompt, images, actor, jurisdiction, tenant, jurisdictionSource, Optional.of(id), context);
  }

  /** This request with the facts established earlier in its exchange. */
  public ScreeningRequest withContext(List<Fact> facts) {
    return new ScreeningRequest(operation, prompt, images, actor, jurisdiction, tenant, jurisdictionSource, requestId, facts);
  }

  /** The value of a context fact, if an earlier phase established it. */
  public Optional<String> contextFact(String name) {
    return context.stream().filter(f -> f.name().equals(name)).map(Fact::value).findFirst();
  }
}
