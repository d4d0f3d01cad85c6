package io.gardefou.server.console;

import static io.gardefou.server.console.Html.esc;

import io.gardefou.model.Actor;
import io.gardefou.model.Jurisdiction;
import io.gardefou.model.JurisdictionSource;
import io.gardefou.model.Operation;
import io.gardefou.model.RuleHit;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.model.Signals;
import io.gardefou.model.Tier;
import io.gardefou.policy.Pack;
import io.gardefou.policy.PackPolicy;
import io.gardefou.policy.Trace;
import io.gardefou.text.TextDetector;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The admin's view of the policy packs in force: each pack's YAML as written, and a text request traced through
 * them rule by rule, as {@code gardefou policy explain} does. Reads only.
 */
final class PolicyPage {
  private final Supplier<PackPolicy> policy;
  private final Optional<Path> policyDir;
  private volatile TextDetector detector;

  PolicyPage(Supplier<PackPolicy> policy, Optional<Path> policyDir) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.policyDir = Objects.requireNonNull(policyDir, "policyDir");
  }

  /** The page body: the packs, the selected pack's YAML, and the trace of the test request if one was given. */
  String body(String tenant, Optional<String> packId, Optional<String> text, String jurisdiction, String operation,
      String tier) {
    PackPolicy packs = policy.get();
    StringBuilder out = new StringBuilder("<p>Packs in force: <code>").append(esc(packs.version())).append("</code></p>")
        .append("<table><thead><tr><th>Pack</th><th>Version</th><th>Name</th><th>Jurisdictions</th><th>Rules</th>"
            + "</tr></thead><tbody>");
    for (Pack pack : packs.packs().values()) {
      out.append("<tr><td><a href=\"/console/policy?pack=").append(esc(pack.id())).append("\">").append(esc(pack.id()))
          .append("</a></td><td>").append(esc(pack.version())).append("</td><td>").append(esc(pack.name()))
          .append("</td><td>").append(esc(String.join(", ", pack.jurisdictions()))).append("</td><td>")
          .append(pack.rules().size()).append("</td></tr>");
    }
    out.append("</tbody></table>");
    packId.filter(packs.packs()::containsKey).ifPresent(id -> out.append("<h2>").append(esc(id)).append(".yaml</h2><pre id=\"pack-yaml\">")
        .append(esc(source(id).orElse("(source not found)"))).append("</pre>"));
    out.append("""
        <h2>Test a request</h2>
        <form method="get" action="/console/policy" class="card" id="policy-test">
        <label>Prompt <input name="text" value="%s" required maxlength="2000"></label>
        <label>Jurisdiction <input name="jurisdiction" value="%s" maxlength="8"></label>
        <label>Operation <select name="op"><option>generate</option><option>edit</option><option>moderate</option></select></label>
        <label>Tier <select name="tier"><option>anonymous</option><option>registered</option><option>verified_adult</option>
        <option>paid</option><option>enterprise</option></select></label>
        <button>Explain</button></form>""".formatted(esc(text.orElse("")), esc(jurisdiction)));
    text.filter(t -> !t.isBlank()).ifPresent(t -> out.append(trace(packs, tenant, t, jurisdiction, operation, tier)));
    return out.toString();
  }

  private String trace(PackPolicy packs, String tenant, String text, String jurisdiction, String operation, String tier) {
    Jurisdiction where;
    Operation op;
    Tier level;
    try {
      where = Jurisdiction.of(jurisdiction.isBlank() ? "global" : jurisdiction);
      op = Operation.fromWireName(operation);
      level = Tier.fromWireName(tier);
    } catch (IllegalArgumentException e) {
      return "<p class=\"error\">" + esc(e.getMessage()) + "</p>";
    }
    ScreeningRequest request = new ScreeningRequest(op, text, List.of(),
        level == Tier.ANONYMOUS ? Actor.anonymous() : Actor.of("console", level), where, tenant,
        where.isGlobal() ? JurisdictionSource.GLOBAL : JurisdictionSource.REQUEST);
    TextDetector textDetector = detector();
    Signals signals = textDetector.appliesTo(request) ? textDetector.detect(request) : Signals.empty();
    Trace trace = packs.explain(request, signals, Instant.now());
    StringBuilder out = new StringBuilder("<h2>Trace</h2><p id=\"policy-decision\">Decision: <strong>")
        .append(esc(trace.verdict().decision())).append("</strong> (").append(esc(trace.verdict().policyVersion()))
        .append(")</p><table><thead><tr><th>Outcome</th><th>Pack</th><th>Kind</th><th>Id</th><th>Action</th>"
            + "<th>Condition</th></tr></thead><tbody>");
    for (Trace.Step step : trace.steps()) {
      out.append("<tr><td>").append(esc(step.outcome())).append("</td><td>").append(esc(step.pack())).append("</td><td>")
          .append(esc(step.kind())).append("</td><td>").append(esc(step.id())).append("</td><td>").append(esc(step.action()))
          .append("</td><td><code>").append(esc(step.condition())).append("</code></td></tr>");
    }
    out.append("</tbody></table><ul>");
    for (RuleHit hit : trace.verdict().ruleHits()) {
      out.append("<li>").append(esc(hit.action())).append(' ').append(esc(hit.qualifiedName())).append(": ")
          .append(esc(hit.reason())).append(" — ").append(esc(String.join("; ", hit.legalBasis()))).append("</li>");
    }
    return out.append("</ul>").toString();
  }

  /** The detector is built on first use: its lexicons take a moment to load and most sessions never test. */
  private TextDetector detector() {
    TextDetector current = detector;
    if (current == null) {
      synchronized (this) {
        if (detector == null) {
          detector = TextDetector.create();
        }
        current = detector;
      }
    }
    return current;
  }

  /** The pack's YAML: from the policy directory if it overrides the pack, else as bundled. */
  private Optional<String> source(String id) {
    if (policyDir.isPresent()) {
      Path file = policyDir.get().resolve(id + ".yaml");
      if (Files.isRegularFile(file)) {
        try {
          return Optional.of(Files.readString(file));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    try (InputStream in = PackPolicy.class.getClassLoader().getResourceAsStream("policy/" + id + ".yaml")) {
      return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
