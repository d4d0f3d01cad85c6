package io.gardefou.server.console;

import static io.gardefou.server.console.Html.csrf;
import static io.gardefou.server.console.Html.esc;
import static io.gardefou.server.console.Html.page;

import io.gardefou.account.Accounts;
import io.gardefou.account.ApiKey;
import io.gardefou.account.Role;
import io.gardefou.actor.Appeal;
import io.gardefou.actor.Appeals;
import io.gardefou.actor.Standing;
import io.gardefou.actor.Standings;
import io.gardefou.actor.Strike;
import io.gardefou.audit.AuditEvent;
import io.gardefou.audit.AuditTrail;
import io.gardefou.bank.BankMatch;
import io.gardefou.bank.BankName;
import io.gardefou.bank.HashBanks;
import io.gardefou.hash.Pdq;
import io.gardefou.hash.PdqResult;
import io.gardefou.image.ImageDecoder;
import io.gardefou.ledger.Ledger;
import io.gardefou.ledger.MerkleHashes;
import io.gardefou.model.Decision;
import io.gardefou.model.DecisionId;
import io.gardefou.server.http.Access;
import io.gardefou.store.ReviewActions;
import io.gardefou.store.StoredVerdict;
import io.gardefou.store.Takedown;
import io.gardefou.store.Takedowns;
import io.gardefou.store.VerdictRecords;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.nio.file.Files;
import java.nio.file.Path;
import io.gardefou.image.ImageFormat;
import io.gardefou.model.InputImage;
import io.gardefou.vault.EvidenceVault;
import io.gardefou.vault.Opened;
import io.gardefou.vault.VaultEntry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.stream.Collectors;

/**
 * The web console at {@code /console}: login with an API key into a server-side session, and pages by role
 * (moderator: review queue, take-downs, actors; auditor: dashboard and ledger; admin: all and hash banks).
 * Every action is checked against the session's role and CSRF token and recorded in the audit trail.
 * Why these choices: docs/design/console.md.
 */
public final class Console {
  static final String COOKIE = "gf_console";
  /** How many recent verdicts the queue and dashboard look at. */
  private static final int WINDOW = 10_000;
  private static final Set<Role> STAFF = Set.of(Role.ADMIN, Role.MODERATOR, Role.AUDITOR);
  private static final Set<Role> MODERATE = Set.of(Role.ADMIN, Role.MODERATOR);
  private static final Set<Role> AUDIT = Set.of(Role.ADMIN, Role.AUDITOR);
  private static final Set<Role> ADMIN = Set.of(Role.ADMIN);

  /** What the console reads and acts on; every part is the server's own. */
  public record Parts(
      Accounts accounts, VerdictRecords verdicts, ReviewActions reviews, Takedowns takedowns, Appeals appeals,
      Standings standings, HashBanks banks, Ledger ledger, AuditTrail audit, ImageDecoder decoder, EvidenceVault vault,
      Supplier<String> metrics, Path evalReport, Supplier<io.gardefou.policy.PackPolicy> policy, Optional<Path> policyDir,
      Clock clock) {
    public Parts {
      Objects.requireNonNull(policy, "policy");
      Objects.requireNonNull(policyDir, "policyDir");
      Objects.requireNonNull(vault, "vault");
      Objects.requireNonNull(metrics, "metrics");
      Objects.requireNonNull(evalReport, "evalReport");
      Objects.requireNonNull(accounts, "accounts");
      Objects.requireNonNull(verdicts, "verdicts");
      Objects.requireNonNull(reviews, "reviews");
      Objects.requireNonNull(takedowns, "takedowns");
      Objects.requireNonNull(appeals, "appeals");
      Objects.requireNonNull(standings, "standings");
      Objects.requireNonNull(banks, "banks");
      Objects.requireNonNull(ledger, "ledger");
      Objects.requireNonNull(audit, "audit");
      Objects.requireNonNull(decoder, "decoder");
      Objects.requireNonNull(clock, "clock");
    }
  }

  private final Parts parts;
  private final Sessions sessions;
  private final PolicyPage policy;
  private final io.javalin.http.Handler reports;

  /** The console over the server's parts; {@code reports} renders {@code /v1/reports/{kind}} for its downloads. */
  public Console(Parts parts, io.javalin.http.Handler reports) {
    this.parts = Objects.requireNonNull(parts, "parts");
    this.reports = Objects.requireNonNull(reports, "reports");
    this.sessions = new Sessions(parts.clock());
    this.policy = new PolicyPage(parts.policy(), parts.policyDir());
  }

  /**
   * Registers the console's routes. They are PUBLIC to the API's bearer-key check: the console checks its own
   * session cookie, role and CSRF token on each of them.
   */
  public void routes(Javalin app) {
    app.get("/console", ctx -> ctx.redirect("/console/login"), Access.PUBLIC);
    app.get("/console/login", this::loginForm, Access.PUBLIC);
    app.post("/console/login", this::login, Access.PUBLIC);
    app.post("/console/logout", ctx -> action(ctx, STAFF, this::logout), Access.PUBLIC);
    app.get("/console/assets/{name}", Console::asset, Access.PUBLIC);
    app.get("/console/dashboard", ctx -> view(ctx, AUDIT, this::dashboard), Access.PUBLIC);
    app.get("/console/ledger", ctx -> view(ctx, AUDIT, this::ledgerPage), Access.PUBLIC);
    app.get("/console/ledger/entries/{index}", ctx -> view(ctx, AUDIT, this::ledgerEntry), Access.PUBLIC);
    app.get("/console/reports/{kind}", ctx -> view(ctx, AUDIT, (c, session) -> {
      try {
        reports.handle(c);
      } catch (Exception e) {
        throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
      }
    }), Access.PUBLIC);
    app.get("/console/queue", ctx -> view(ctx, MODERATE, this::queue), Access.PUBLIC);
    app.post("/console/queue/verdicts/{id}", ctx -> action(ctx, MODERATE, this::reviewVerdict), Access.PUBLIC);
    app.post("/console/queue/appeals/{id}", ctx -> action(ctx, MODERATE, this::decideAppeal), Access.PUBLIC);
    app.get("/console/evidence/{id}/{n}", ctx -> view(ctx, MODERATE, this::evidence), Access.PUBLIC);
    app.get("/console/takedowns", ctx -> view(ctx, MODERATE, this::takedownsPage), Access.PUBLIC);
    app.post("/console/takedowns", ctx -> action(ctx, MODERATE, this::fileTakedown), Access.PUBLIC);
    app.post("/console/takedowns/{id}/done", ctx -> action(ctx, MODERATE, this::takedownDone), Access.PUBLIC);
    app.get("/console/actors", ctx -> view(ctx, MODERATE, this::actorsPage), Access.PUBLIC);
    app.post("/console/actors/{pseudonym}", ctx -> action(ctx, MODERATE, this::actOnActor), Access.PUBLIC);
    app.get("/console/banks", ctx -> view(ctx, ADMIN, this::banksPage), Access.PUBLIC);
    app.get("/console/policy", ctx -> view(ctx, ADMIN, (c, session) -> c.html(page("Policy packs", session,
        policy.body(session.tenant(), Optional.ofNullable(c.queryParam("pack")), Optional.ofNullable(c.queryParam("text")),
            Optional.ofNullable(c.queryParam("jurisdiction")).orElse("global"),
            Optional.ofNullable(c.queryParam("op")).orElse("generate"),
            Optional.ofNullable(c.queryParam("tier")).orElse("anonymous"))))), Access.PUBLIC);
  }

  // --- sessions and authorisation

  private void loginForm(Context ctx) {
    String error = ctx.queryParam("error");
    ctx.html(page("Log in", null, (error == null ? "" : "<p class=\"error\">" + esc(error) + "</p>") + """
        <form method="post" action="/console/login" class="card">
        <label>API key <input type="password" name="key" autocomplete="off" required></label>
        <button>Log in</button></form>
        <p class="note">Moderator, auditor and admin keys may log in; operator (client) keys may not.</p>"""));
  }

  private void login(Context ctx) {
    String token = Optional.ofNullable(ctx.formParam("key")).orElse("").strip();
    Optional<ApiKey> key = parts.accounts().authenticate(token);
    if (key.isEmpty()) {
      ctx.status(401).html(page("Log in", null, "<p class=\"error\">That key is not valid.</p>"
          + "<p><a href=\"/console/login\">Try again</a></p>"));
      return;
    }
    if (!STAFF.contains(key.get().role())) {
      ctx.status(403).html(page("Log in", null,
          "<p class=\"error\">An operator key cannot use the console: log in with a moderator, auditor or admin key.</p>"));
      return;
    }
    Sessions.Session session = sessions.open(key.get());
    ctx.header("Set-Cookie", COOKIE + "=" + session.id() + "; Path=/console; HttpOnly; SameSite=Strict; Max-Age="
        + Sessions.LIFETIME.toSeconds());
    ctx.redirect(session.role() == Role.MODERATOR ? "/console/queue" : "/console/dashboard", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  private void logout(Context ctx, Sessions.Session session) {
    sessions.close(session.id());
    ctx.header("Set-Cookie", COOKIE + "=; Path=/console; HttpOnly; SameSite=Strict; Max-Age=0");
    ctx.redirect("/console/login", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  /** A page: a session whose role may see it, else the login page or 403. */
  private void view(Context ctx, Set<Role> roles, BiConsumer<Context, Sessions.Session> handler) {
    Optional<Sessions.Session> session = sessions.find(ctx.cookie(COOKIE));
    if (session.isEmpty()) {
      ctx.redirect("/console/login");
      return;
    }
    if (!roles.contains(session.get().role())) {
      forbidden(ctx, session.get());
      return;
    }
    handler.accept(ctx, session.get());
  }

  /** An action: a session whose role may do it and the session's CSRF token in the form, else 401 or 403. */
  private void action(Context ctx, Set<Role> roles, BiConsumer<Context, Sessions.Session> handler) {
    Optional<Sessions.Session> session = sessions.find(ctx.cookie(COOKIE));
    if (session.isEmpty()) {
      ctx.status(401).html(page("Logged out", null, "<p><a href=\"/console/login\">Log in</a></p>"));
      return;
    }
    if (!roles.contains(session.get().role())) {
      forbidden(ctx, session.get());
      return;
    }
    if (!session.get().csrfMatches(ctx.formParam("csrf"))) {
      ctx.status(403).html(page("Forbidden", session.get(), "<p class=\"error\">The form's CSRF token is missing or wrong.</p>"));
      return;
    }
    handler.accept(ctx, session.get());
  }

  private static void forbidden(Context ctx, Sessions.Session session) {
    ctx.status(403).html(page("Forbidden", session,
        "<p class=\"error\">The " + esc(session.role().wireName()) + " role may not use this page.</p>"));
  }

  private static void badRequest(Context ctx, Sessions.Session session, String message) {
    ctx.status(400).html(page("Not done", session, "<p class=\"error\">" + esc(message) + "</p>"));
  }

  private static void asset(Context ctx) {
    String name = ctx.pathParam("name");
    String type = switch (name) {
      case "console.css" -> "text/css; charset=utf-8";
      case "console.js" -> "text/javascript; charset=utf-8";
      default -> null;
    };
    if (type == null) {
      ctx.status(404).result("no such asset");
      return;
    }
    try (InputStream in = Console.class.getResourceAsStream("/console/" + name)) {
      ctx.contentType(type).header("Cache-Control", "max-age=300").result(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // --- review queue

  private void queue(Context ctx, Sessions.Session session) {
    List<StoredVerdict> pending = reviewVerdicts(session.tenant());
    StringBuilder body = new StringBuilder("<h2>REVIEW verdicts (" + pending.size() + ")</h2>");
    if (pending.isEmpty()) {
      body.append("<p class=\"note\">Nothing to review.</p>");
    }
    for (StoredVerdict verdict : pending) {
      List<ReviewActions.Action> done = parts.reviews().of(verdict.decisionId());
      boolean escalated = done.stream().anyMatch(a -> a.action().equals("escalated"));
      body.append("<article class=\"item").append(escalated ? " escalated" : "").append("\" data-decision=\"")
          .append(esc(verdict.decisionId())).append("\"><h3>").append(esc(verdict.decisionId())).append("</h3><dl>")
          .append(row("Decided", verdict.decidedAt()))
          .append(row("Operation", verdict.operation().wireName()))
          .append(row("Actor", verdict.actorId()))
          .append(row("Jurisdiction", verdict.jurisdiction().code()))
          .append(row("Signals", String.join(", ", verdict.categories())))
          .append(row("Rules", String.join(", ", verdict.rules())))
          .append(row("Policy", verdict.policyVersion()))
          .append(row("Images", verdict.imageSha256s().isEmpty() ? "none"
              : verdict.imageSha256s().size() + " (hashes only: the vault keeps the contents of refusals, not of REVIEW verdicts)"))
          .append(escalated ? row("Escalated", "yes") : "")
          .append("</dl>")
          .append(actions("/console/queue/verdicts/" + verdict.decisionId(), session, List.of("uphold", "overturn", "escalate")))
          .append("</article>");
    }
    List<Appeal> appeals = parts.appeals().inState(session.tenant(), Appeal.State.OPEN, 200);
    body.append("<h2>Open appeals (").append(appeals.size()).append(")</h2>");
    for (Appeal appeal : appeals) {
      body.append("<article class=\"item\"><h3>Appeal ").append(esc(appeal.id())).append("</h3><dl>")
          .append(row("Filed", appeal.filedAt()))
          .append(row("Decision", appeal.decisionId()))
          .append(row("Actor", appeal.pseudonym()))
          .append(row("Statement", appeal.statement()))
          .append("</dl>")
          .append(evidenceOf(appeal.decisionId(), session))
          .append(actions("/console/queue/appeals/" + appeal.id(), session, List.of("uphold", "overturn")))
          .append("</article>");
    }
    ctx.html(page("Review queue", session, body.toString()));
  }

  /** The tenant's REVIEW verdicts not yet upheld or overturned, the oldest first. */
  private List<StoredVerdict> reviewVerdicts(String tenant) {
    return parts.verdicts().recent(WINDOW).stream()
        .filter(v -> v.decision() == Decision.REVIEW && v.tenant().equals(tenant))
        .filter(v -> parts.reviews().of(v.decisionId()).stream().noneMatch(ReviewActions.Action::closes))
        .sorted(Comparator.comparing(StoredVerdict::decidedAt))
        .toList();
  }

  /**
   * The refused request's images from the evidence vault, loaded only on a click (each load is an evidence.read
   * in the ledger) and blurred until a second click. Images the vault withheld (known-csam matches) are never shown.
   */
  private String evidenceOf(DecisionId decisionId, Sessions.Session session) {
    Optional<VaultEntry> entry = parts.vault().entry(decisionId).filter(e -> e.tenant().equals(session.tenant()));
    if (entry.isEmpty()) {
      return "<p class=\"note\">No evidence kept for this decision.</p>";
    }
    StringBuilder out = new StringBuilder("<div class=\"evidence\">");
    if (!entry.get().withheldImageSha256s().isEmpty()) {
      out.append("<p class=\"error\">").append(entry.get().withheldImageSha256s().size())
          .append(" image(s) withheld: a known-csam match is never kept or shown.</p>");
    }
    if (entry.get().shreddedAt().isEmpty()) {
      for (int i = 0; i < entry.get().imageSha256s().size(); i++) {
        out.append("<button type=\"button\" class=\"load-evidence\" data-src=\"/console/evidence/")
            .append(esc(decisionId)).append('/').append(i).append("\">Load image ").append(i + 1)
            .append(" blurred (recorded in the ledger)</button>");
      }
    }
    return out.append("</div>").toString();
  }

  private void evidence(Context ctx, Sessions.Session session) {
    Optional<DecisionId> id = decisionId(ctx.pathParam("id"));
    int n;
    try {
      n = Integer.parseInt(ctx.pathParam("n"));
    } catch (NumberFormatException e) {
      n = -1;
    }
    Optional<VaultEntry> entry = id.flatMap(parts.vault()::entry).filter(e -> e.tenant().equals(session.tenant()));
    if (entry.isEmpty() || n < 0 || n >= entry.get().imageSha256s().size()) {
      ctx.status(404).result("no such evidence image");
      return;
    }
    List<InputImage> images = parts.vault().open(id.get(), session.keyId(), true).flatMap(Opened::contents)
        .map(c -> c.images()).orElse(List.of());
    if (n >= images.size()) {
      ctx.status(404).result("no such evidence image");
      return;
    }
    byte[] bytes = images.get(n).bytes();
    String type = ImageFormat.sniff(bytes).map(f -> "image/" + f.name().toLowerCase(java.util.Locale.ROOT))
        .orElse("application/octet-stream");
    ctx.header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff").contentType(type).result(bytes);
  }

  private static String actions(String path, Sessions.Session session, List<String> actions) {
    StringBuilder out = new StringBuilder("<form method=\"post\" action=\"" + esc(path) + "\" class=\"actions\">")
        .append(csrf(session))
        .append("<input name=\"note\" placeholder=\"Note (kept with the decision)\" maxlength=\"500\">");
    for (String action : actions) {
      out.append("<button name=\"action\" value=\"").append(action).append("\">").append(action).append("</button>");
    }
    return out.append("</form>").toString();
  }

  private void reviewVerdict(Context ctx, Sessions.Session session) {
    String action = switch (Optional.ofNullable(ctx.formParam("action")).orElse("")) {
      case "uphold" -> "upheld";
      case "overturn" -> "overturned";
      case "escalate" -> "escalated";
      default -> null;
    };
    Optional<DecisionId> id = decisionId(ctx.pathParam("id"));
    Optional<StoredVerdict> verdict = id.flatMap(parts.verdicts()::find)
        .filter(v -> v.tenant().equals(session.tenant()) && v.decision() == Decision.REVIEW);
    if (action == null || verdict.isEmpty()) {
      badRequest(ctx, session, "no such REVIEW verdict for this tenant, or no action among uphold, overturn, escalate");
      return;
    }
    if (parts.reviews().of(id.get()).stream().anyMatch(ReviewActions.Action::closes)) {
      badRequest(ctx, session, "this verdict was reviewed already");
      return;
    }
    Instant now = parts.clock().instant();
    long index = parts.audit().record(new AuditEvent("review." + action, session.keyId(), id.get().toString(), now,
        Map.of("tenant", session.tenant(), "note_sha256", sha256Hex(Optional.ofNullable(ctx.formParam("note")).orElse("")))));
    parts.reviews().add(new ReviewActions.Action(id.get(), action, session.keyId(), now, index));
    ctx.redirect("/console/queue", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  private void decideAppeal(Context ctx, Sessions.Session session) {
    String action = Optional.ofNullable(ctx.formParam("action")).orElse("");
    UUID id;
    try {
      id = UUID.fromString(ctx.pathParam("id"));
    } catch (IllegalArgumentException e) {
      badRequest(ctx, session, "no such appeal");
      return;
    }
    if (!action.equals("uphold") && !action.equals("overturn")) {
      badRequest(ctx, session, "an appeal is upheld or overturned");
      return;
    }
    String note = Optional.ofNullable(ctx.formParam("note")).filter(n -> !n.isBlank()).orElse("decided in the console");
    try {
      // Appeals records the decision in the audit trail itself.
      parts.appeals().decide(session.tenant(), id, action.equals("overturn"), session.keyId(), note);
    } catch (RuntimeException e) {
      badRequest(ctx, session, e.getMessage());
      return;
    }
    ctx.redirect("/console/queue", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  // --- take-downs

  private void takedownsPage(Context ctx, Sessions.Session session) {
    Instant now = parts.clock().instant();
    StringBuilder body = new StringBuilder("""
        <form method="post" action="/console/takedowns" enctype="multipart/form-data" class="card" id="takedown-form">
        %s
        <p class="note">Filed by a moderator on behalf of the victim or their representative. The image is hashed
        on receipt (PDQ, SHA-256, MD5) and its bytes are discarded.</p>
        <label>Reporter <select name="reporter"><option value="victim">victim</option>
        <option value="representative">representative</option></select></label>
        <label>Case reference <input name="reference" maxlength="200" required></label>
        <label>Jurisdiction <select name="jurisdiction">%s</select></label>
        <label>Category <select name="category"><option value="ncii">non-consensual intimate image</option>
        <option value="csam">child sexual abuse material</option></select></label>
        <label>Image <input type="file" name="image" accept="image/*" required></label>
        <button>File take-down</button></form>
        <h2>Requests</h2><table><thead><tr><th>Filed</th><th>Reference</th><th>Jurisdiction</th><th>Category</th>
        <th>Due</th><th>Made here?</th><th>PDQ</th><th>State</th></tr></thead><tbody>""".formatted(csrf(session),
        jurisdictionOptions()));
    for (Takedown t : parts.takedowns().list(session.tenant(), 500)) {
      boolean overdue = t.overdue(now);
      body.append("<tr class=\"").append(overdue ? "overdue" : t.done() ? "done" : "open").append("\">")
          .append(td(t.filedAt().truncatedTo(ChronoUnit.SECONDS))).append(td(t.reference())).append(td(t.jurisdiction()))
          .append(td(t.category())).append(td(t.dueAt().truncatedTo(ChronoUnit.SECONDS) + (overdue ? " OVERDUE" : "")))
          .append(td(t.madeHere().map(label -> "yes: " + label).orElse("no")))
          .append("<td><code>").append(esc(t.pdq().substring(0, 16))).append("…</code></td><td>");
      if (t.done()) {
        body.append("done");
      } else {
        body.append("<form method=\"post\" action=\"/console/takedowns/").append(t.id()).append("/done\">")
            .append(csrf(session)).append("<button>Mark removed</button></form>");
      }
      body.append("</td></tr>");
    }
    body.append("</tbody></table><h2>Legal clocks</h2><table><thead><tr><th>Jurisdiction</th><th>Category</th>"
        + "<th>Deadline</th><th>Law</th></tr></thead><tbody>");
    for (LegalClocks.Clock clock : LegalClocks.TABLE) {
      body.append("<tr>").append(td(clock.jurisdiction())).append(td(clock.category()))
          .append(td(clock.deadline().toHours() + " h")).append("<td><a href=\"").append(esc(clock.source()))
          .append("\" rel=\"noreferrer\">").append(esc(clock.law())).append("</a></td></tr>");
    }
    body.append("</tbody></table><p class=\"note\">Elsewhere: ").append(LegalClocks.FALLBACK.toHours())
        .append(" h by default.</p>");
    ctx.html(page("Take-down requests", session, body.toString()));
  }

  private static String jurisdictionOptions() {
    return LegalClocks.TABLE.stream().map(LegalClocks.Clock::jurisdiction).distinct()
        .map(j -> "<option value=\"" + esc(j) + "\">" + esc(j) + "</option>").collect(Collectors.joining())
        + "<option value=\"EU\">EU</option><option value=\"other\">other</option>";
  }

  private void fileTakedown(Context ctx, Sessions.Session session) {
    UploadedFile file = ctx.uploadedFile("image");
    String reporter = Optional.ofNullable(ctx.formParam("reporter")).orElse("");
    String reference = Optional.ofNullable(ctx.formParam("reference")).orElse("").strip();
    String jurisdiction = Optional.ofNullable(ctx.formParam("jurisdiction")).orElse("").strip();
    String category = Optional.ofNullable(ctx.formParam("category")).orElse("");
    if (file == null || reference.isEmpty() || reference.length() > 200 || !jurisdiction.matches("[A-Za-z]{2,5}")
        || !Set.of("victim", "representative").contains(reporter) || !Set.of("ncii", "csam").contains(category)) {
      badRequest(ctx, session, "a take-down needs an image, a reporter, a case reference, a jurisdiction and a category");
      return;
    }
    byte[] bytes;
    try (InputStream in = file.content()) {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    PdqResult pdq;
    try {
      pdq = Pdq.hash(parts.decoder().decode(bytes).image());
    } catch (RuntimeException e) {
      badRequest(ctx, session, "the image could not be decoded: " + e.getMessage());
      return;
    }
    String sha256 = digestHex("SHA-256", bytes);
    String md5 = digestHex("MD5", bytes);
    bytes = null; // Only the hashes are kept.
    Instant now = parts.clock().instant();
    Optional<BankMatch> madeHere = parts.banks().madeHere(pdq);
    UUID id = UUID.randomUUID();
    Duration clock = LegalClocks.deadline(jurisdiction.toUpperCase(java.util.Locale.ROOT), category);
    Takedown takedown = new Takedown(id, session.tenant(), now, session.keyId(), reporter, reference,
        jurisdiction.toUpperCase(java.util.Locale.ROOT), category, now.plus(clock), pdq.hash().toHex(), pdq.quality(),
        sha256, md5, madeHere.map(m -> m.entry().label()), false, Optional.empty(), Optional.empty());
    Map<String, String> details = new TreeMap<>(Map.of("tenant", session.tenant(), "jurisdiction", takedown.jurisdiction(),
        "category", category, "pdq", takedown.pdq(), "sha256", sha256, "md5", md5, "due_at", takedown.dueAt().toString(),
        "made_here", takedown.madeHere().orElse("")));
    parts.audit().record(new AuditEvent("takedown.filed", session.keyId(), id.toString(), now, details));
    HashBanks.Added added = parts.banks().add(BankName.NCII_VICTIMS, pdq, "takedown:" + id);
    parts.takedowns().add(takedown);
    ctx.html(page("Take-down filed", session, "<dl>" + row("Id", id) + row("Due", takedown.dueAt())
        + row("Made here?", takedown.madeHere().map(l -> "yes: " + l).orElse("no match in generated-outputs"))
        + row("ncii-victims", added.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
        + row("PDQ", takedown.pdq() + " (quality " + pdq.quality() + ")") + row("SHA-256", sha256) + row("MD5", md5)
        + "</dl><p><a href=\"/console/takedowns\">Back to take-downs</a></p>"));
  }

  private void takedownDone(Context ctx, Sessions.Session session) {
    UUID id;
    try {
      id = UUID.fromString(ctx.pathParam("id"));
    } catch (IllegalArgumentException e) {
      badRequest(ctx, session, "no such take-down");
      return;
    }
    Instant now = parts.clock().instant();
    boolean open = parts.takedowns().list(session.tenant(), 10_000).stream().anyMatch(t -> t.id().equals(id) && !t.done());
    if (!open) {
      badRequest(ctx, session, "no such open take-down");
      return;
    }
    parts.audit().record(new AuditEvent("takedown.done", session.keyId(), id.toString(), now, Map.of("tenant", session.tenant())));
    parts.takedowns().done(session.tenant(), id, session.keyId(), now);
    ctx.redirect("/console/takedowns", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  // --- actors

  private void actorsPage(Context ctx, Sessions.Session session) {
    String pseudonym = Optional.ofNullable(ctx.queryParam("pseudonym")).orElse("").strip();
    StringBuilder body = new StringBuilder("""
        <form method="get" action="/console/actors" class="card"><label>Actor pseudonym
        <input name="pseudonym" value="%s" placeholder="act_…"></label><button>Look up</button></form>""".formatted(esc(pseudonym)));
    if (!pseudonym.isEmpty()) {
      Optional<Standing> standing = parts.standings().find(session.tenant(), pseudonym);
      if (standing.isEmpty()) {
        body.append("<p class=\"note\">No standing recorded for this actor: active, no strikes.</p>");
      } else {
        Standing s = standing.get();
        body.append("<dl>").append(row("Status", s.status())).append(row("Until", s.until().map(Object::toString).orElse("—")))
            .append(row("Reason", s.reason().orElse("—"))).append(row("Verification", s.verification()))
            .append(row("Score", String.format(java.util.Locale.ROOT, "%.2f", parts.standings().score(session.tenant(), pseudonym))))
            .append("</dl><h2>Strikes</h2><table><thead><tr><th>When</th><th>Decision</th><th>Category</th><th>Weight</th></tr></thead><tbody>");
        for (Strike strike : parts.standings().strikes(session.tenant(), pseudonym)) {
          body.append("<tr>").append(td(strike.at())).append(td(strike.decisionId())).append(td(strike.category()))
              .append(td(strike.weight())).append("</tr>");
        }
        body.append("</tbody></table>");
      }
      body.append(actions("/console/actors/" + pseudonym, session, List.of("suspend", "ban", "reinstate")));
    }
    ctx.html(page("Actors", session, body.toString()));
  }

  private void actOnActor(Context ctx, Sessions.Session session) {
    String pseudonym = ctx.pathParam("pseudonym");
    String reason = Optional.ofNullable(ctx.formParam("note")).filter(n -> !n.isBlank()).orElse("by a moderator in the console");
    try {
      // Standings record each act in the audit trail themselves.
      switch (Optional.ofNullable(ctx.formParam("action")).orElse("")) {
        case "suspend" -> parts.standings().suspend(session.tenant(), pseudonym, session.keyId(), reason, Optional.of(Duration.ofDays(7)));
        case "ban" -> parts.standings().ban(session.tenant(), pseudonym, session.keyId(), reason);
        case "reinstate" -> parts.standings().reinstate(session.tenant(), pseudonym, session.keyId(), reason);
        default -> {
          badRequest(ctx, session, "an actor is suspended, banned or reinstated");
          return;
        }
      }
    } catch (RuntimeException e) {
      badRequest(ctx, session, e.getMessage());
      return;
    }
    ctx.redirect("/console/actors?pseudonym=" + java.net.URLEncoder.encode(pseudonym, java.nio.charset.StandardCharsets.UTF_8),
        io.javalin.http.HttpStatus.SEE_OTHER);
  }

  // --- hash banks

  private void banksPage(Context ctx, Sessions.Session session) {
    Map<BankName, Long> counts = parts.banks().counts();
    StringBuilder body = new StringBuilder("<table><thead><tr><th>Bank</th><th>Action</th><th>PDQ threshold</th>"
        + "<th>Entries</th><th>Export (API, admin key)</th></tr></thead><tbody>");
    for (io.gardefou.bank.Bank bank : parts.banks().banks()) {
      body.append("<tr>").append(td(bank.name())).append(td(bank.action())).append(td(bank.pdqThreshold()))
          .append(td(counts.getOrDefault(bank.name(), 0L)))
          .append("<td><code>GET /v1/banks/").append(esc(bank.name())).append("/export</code></td></tr>");
    }
    body.append("</tbody></table><p class=\"note\">Import: <code>POST /v1/banks/{bank}/import</code> with an admin key, "
        + "or <code>gardefou banks import</code>.</p>");
    ctx.html(page("Hash banks", session, body.toString()));
  }

  // --- ledger

  private void ledgerPage(Context ctx, Sessions.Session session) {
    parts.ledger().refresh();
    String checkpoint = parts.ledger().checkpoint();
    long size = io.gardefou.ledger.Checkpoint.parseBody(io.gardefou.ledger.SignedNote.parse(checkpoint).text()).size();
    ctx.html(page("Ledger", session, """
        <h2>Latest checkpoint</h2><pre id="checkpoint">%s</pre>
        <h2>Verify an entry in this browser</h2>
        <p class="note">The page fetches the entry and its inclusion proof, then recomputes the tree root with WebCrypto
        SHA-256 (RFC 9162 §2.1.3.2) and compares it with the checkpoint's root.</p>
        <form id="verify-form" class="card"><label>Entry index (0 to %d)
        <input type="number" id="verify-index" min="0" max="%d" value="%d"></label><button>Verify</button></form>
        <p id="verify-result" class="note"></p><pre id="verify-entry"></pre>""".formatted(
        esc(checkpoint), Math.max(0, size - 1), Math.max(0, size - 1), Math.max(0, size - 1))));
  }

  private void ledgerEntry(Context ctx, Sessions.Session session) {
    long index;
    try {
      index = Long.parseLong(ctx.pathParam("index"));
    } catch (NumberFormatException e) {
      index = -1;
    }
    Ledger ledger = parts.ledger();
    ledger.refresh();
    String checkpoint = ledger.checkpoint();
    long size = io.gardefou.ledger.Checkpoint.parseBody(io.gardefou.ledger.SignedNote.parse(checkpoint).text()).size();
    if (index < 0 || index >= size) {
      ctx.status(404).json(Map.of("error", "no entry " + ctx.pathParam("index") + "; the ledger holds " + size));
      return;
    }
    byte[] entry = ledger.entry(index);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("index", index);
    body.put("tree_size", size);
    body.put("entry_base64", Base64.getEncoder().encodeToString(entry));
    body.put("leaf_hash", MerkleHashes.leafHash(entry).base64());
    body.put("inclusion_proof", ledger.inclusionProof(index, size).stream().map(h -> h.base64()).toList());
    body.put("checkpoint", checkpoint);
    ctx.json(body);
  }

  // --- dashboard

  private void dashboard(Context ctx, Sessions.Session session) {
    List<StoredVerdict> recent = parts.verdicts().recent(WINDOW);
    Map<String, Long> byDecision = count(recent.stream().map(v -> v.decision().name()).toList());
    Map<String, Long> byCategory = count(recent.stream().flatMap(v -> v.categories().stream()).toList());
    Map<String, Long> byJurisdiction = count(recent.stream().map(v -> v.jurisdiction().code()).toList());
    Map<String, Long> byRule = count(recent.stream().flatMap(v -> v.rules().stream()).toList());
    Map<String, Long> byDay = new TreeMap<>(count(recent.stream()
        .map(v -> v.decidedAt().truncatedTo(ChronoUnit.DAYS).toString().substring(0, 10)).toList()));
    long open = parts.takedowns().list(session.tenant(), 10_000).stream().filter(t -> !t.done()).count();
    long overdue = parts.takedowns().list(session.tenant(), 10_000).stream().filter(t -> t.overdue(parts.clock().instant())).count();
    String body = "<p class=\"note\">The last " + recent.size() + " recorded decisions (all tenants). Open take-downs: "
        + open + ", overdue: <strong>" + overdue + "</strong>.</p><div class=\"grid\">"
        + bars("Decisions by day", byDay) + bars("By decision", byDecision) + bars("By category", byCategory)
        + bars("By jurisdiction", byJurisdiction) + bars("Top rules", top(byRule, 10)) + "</div>"
        + latency() + scorecard() + reportLinks();
    ctx.html(page("Dashboard", session, body));
  }

  /**
   * Downloads of the reports for the last 30 days (docs/design/reports.md), rendered by the same code as
   * {@code GET /v1/reports}.
   */
  private String reportLinks() {
    java.time.LocalDate today = java.time.LocalDate.ofInstant(parts.clock().instant(), java.time.ZoneOffset.UTC);
    String period = "from=" + today.minusDays(30) + "&amp;to=" + today.plusDays(1);
    return """
        <section class="card" id="reports"><h2>Reports, last 30 days</h2><ul>
        <li>Transparency: <a href="/console/reports/transparency?%1$s&amp;format=json">JSON</a>
          · <a href="/console/reports/transparency?%1$s&amp;format=csv">CSV</a>
          · <a href="/console/reports/transparency?%1$s&amp;format=html">HTML</a></li>
        <li>Statements of reasons (DSA): <a href="/console/reports/statements?%1$s&amp;format=json">JSON</a>
          · <a href="/console/reports/statements?%1$s&amp;format=csv">CSV</a></li>
        <li>Regulator mitigation report: <a href="/console/reports/regulator?%1$s&amp;format=html">HTML</a>
          · <a href="/console/reports/regulator?%1$s&amp;format=pdf">PDF</a></li>
        </ul><p class="note">Change <code>from</code> and <code>to</code>, or add <code>jurisdiction</code>, in a link for
        another period; an authority bundle is <code>/console/reports/authority?decision=…</code>.</p></section>"""
        .formatted(period);
  }

  /**
   * Screening latency, mean time per detector and per route since this process started, read from its own Prometheus
   * metrics.
   */
  private String latency() {
    Map<String, double[]> byRoute = new TreeMap<>(); // route -> {count, sum}
    Map<String, double[]> byDetector = new TreeMap<>(); // detector -> {runs, sum, failed runs}
    double screenCount = 0;
    double screenSum = 0;
    double screenMax = 0;
    for (String line : parts.metrics().get().split("\n")) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      String name = line.substring(0, space);
      double value;
      try {
        value = Double.parseDouble(line.substring(space + 1));
      } catch (NumberFormatException e) {
        continue;
      }
      if (name.equals("gardefou_screen_duration_seconds_count")) {
        screenCount = value;
      } else if (name.equals("gardefou_screen_duration_seconds_sum")) {
        screenSum = value;
      } else if (name.equals("gardefou_screen_duration_seconds_max")) {
        screenMax = value;
      } else if (name.startsWith("gardefou_detector_duration_seconds_count{")
          || name.startsWith("gardefou_detector_duration_seconds_sum{")) {
        java.util.regex.Matcher detector = java.util.regex.Pattern.compile("detector=\"([^\"]*)\"").matcher(name);
        if (detector.find()) {
          double[] totals = byDetector.computeIfAbsent(detector.group(1), d -> new double[3]);
          boolean count = name.contains("_count{");
          totals[count ? 0 : 1] += value;
          if (count && name.contains("outcome=\"failed\"")) {
            totals[2] += value;
          }
        }
      } else if (name.startsWith("gardefou_http_requests_seconds_count{") || name.startsWith("gardefou_http_requests_seconds_sum{")) {
        java.util.regex.Matcher route = java.util.regex.Pattern.compile("route=\"([^\"]*)\"").matcher(name);
        if (route.find() && route.group(1).startsWith("/v1/")) {
          double[] totals = byRoute.computeIfAbsent(route.group(1), r -> new double[2]);
          totals[name.contains("_count{") ? 0 : 1] += value;
        }
      }
    }
    StringBuilder out = new StringBuilder("<section class=\"card\"><h2>Latency since start</h2><p>Screening (detectors, policy, "
        + "ledger queue): ").append(String.format(java.util.Locale.ROOT, "%.0f decisions, mean %.1f ms, max %.1f ms",
        screenCount, screenCount == 0 ? 0 : screenSum / screenCount * 1000, screenMax * 1000)).append("</p>")
        .append("<table><thead><tr><th>Detector</th><th>Runs</th><th>Failed</th><th>Mean ms</th></tr></thead><tbody>");
    byDetector.forEach((detector, totals) -> out.append("<tr>").append(td(detector))
        .append(td(String.format(java.util.Locale.ROOT, "%.0f", totals[0])))
        .append(td(String.format(java.util.Locale.ROOT, "%.0f", totals[2])))
        .append(td(String.format(java.util.Locale.ROOT, "%.1f", totals[0] == 0 ? 0 : totals[1] / totals[0] * 1000))).append("</tr>"));
    out.append("</tbody></table>")
        .append("<table><thead><tr><th>Route</th><th>Requests</th><th>Mean ms</th></tr></thead><tbody>");
    byRoute.forEach((route, totals) -> out.append("<tr>").append(td(route)).append(td(String.format(java.util.Locale.ROOT, "%.0f", totals[0])))
        .append(td(String.format(java.util.Locale.ROOT, "%.1f", totals[0] == 0 ? 0 : totals[1] / totals[0] * 1000))).append("</tr>"));
    return out.append("</tbody></table></section>").toString();
  }

  /** The efficacy scorecard of the last {@code gardefou eval} whose eval.json the console was pointed at. */
  private String scorecard() {
    Path file = parts.evalReport();
    if (!Files.isRegularFile(file)) {
      return "<section class=\"card\"><h2>Efficacy scorecard</h2><p class=\"note\">No eval report at " + esc(file)
          + ": run <code>gardefou eval</code>.</p></section>";
    }
    JsonNode report;
    try {
      report = new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      return "<section class=\"card\"><h2>Efficacy scorecard</h2><p class=\"error\">" + esc(file) + " is not readable JSON.</p></section>";
    }
    StringBuilder out = new StringBuilder("<section class=\"card\"><h2>Efficacy scorecard</h2><p>")
        .append(esc(report.path("cases").asText())).append(" cases; targets ")
        .append(report.path("targets").path("all_met").asBoolean() ? "<span class=\"ok\">all met</span>" : "<span class=\"error\">not all met</span>")
        .append(" (").append(esc(file)).append(")</p><table><thead><tr><th>Dataset</th><th>Category</th><th>Metric</th>"
            + "<th>Target</th><th>Observed</th><th>Status</th></tr></thead><tbody>");
    for (JsonNode result : report.path("targets").path("results")) {
      out.append("<tr>").append(td(result.path("dataset").asText())).append(td(result.path("category").asText()))
          .append(td(result.path("metric").asText())).append(td(result.path("threshold").asText()))
          .append(td(String.format(java.util.Locale.ROOT, "%.3f", result.path("observed").path("rate").asDouble())))
          .append(td(result.path("status").asText())).append("</tr>");
    }
    return out.append("</tbody></table></section>").toString();
  }

  private static Map<String, Long> count(List<String> values) {
    Map<String, Long> counts = new TreeMap<>();
    values.forEach(v -> counts.merge(v, 1L, Long::sum));
    return counts;
  }

  private static Map<String, Long> top(Map<String, Long> counts, int n) {
    Map<String, Long> top = new LinkedHashMap<>();
    counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(n)
        .forEach(e -> top.put(e.getKey(), e.getValue()));
    return top;
  }

  /** A horizontal bar chart in plain HTML and CSS; the numbers are in the page, readable without JS. */
  private static String bars(String title, Map<String, Long> counts) {
    long max = counts.values().stream().mapToLong(Long::longValue).max().orElse(1);
    StringBuilder out = new StringBuilder("<section class=\"chart\"><h2>" + esc(title) + "</h2>");
    if (counts.isEmpty()) {
      out.append("<p class=\"note\">No data.</p>");
    }
    counts.forEach((label, value) -> out.append("<div class=\"bar\"><span class=\"label\">").append(esc(label))
        .append("</span><span class=\"fill\" style=\"width:").append(Math.max(1, value * 100 / max))
        .append("%\"></span><span class=\"value\">").append(value).append("</span></div>"));
    return out.append("</section>").toString();
  }

  // --- small helpers

  private static Optional<DecisionId> decisionId(String text) {
    try {
      return Optional.of(DecisionId.parse(text));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static String row(String name, Object value) {
    return "<dt>" + esc(name) + "</dt><dd>" + esc(value) + "</dd>";
  }

  private static String td(Object value) {
    return "<td>" + esc(value) + "</td>";
  }

  private static String sha256Hex(String text) {
    return digestHex("SHA-256", text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static String digestHex(String algorithm, byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK provides " + algorithm, e);
    }
  }
}
