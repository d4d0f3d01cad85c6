package io.gardefou.policy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.gardefou.model.Actor;
import io.gardefou.model.Category;
import io.gardefou.model.Decision;
import io.gardefou.model.DecisionId;
import io.gardefou.model.DetectorFailure;
import io.gardefou.model.Jurisdiction;
import io.gardefou.model.Operation;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.model.Signals;
import io.gardefou.model.Tier;
import io.gardefou.model.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The front door of the policy: loads the bundled packs, or those of an operator's directory over them,
 * validates each and all together, compiles every CEL condition, and checks the global floor once, so that
 * nothing is re-checked per request. A pack that fails names itself, and the entry and position at fault.
 */
public final class PolicyPacks {
  /** Lists the bundled packs, one file name per line; a classpath directory cannot be listed portably. */
  static final String INDEX = "policy/packs.txt";
  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private PolicyPacks() {}

  /** The packs shipped in {@code gardefou-core}: global and one per researched jurisdiction. */
  public static PackPolicy bundled() {
    return compile(bundledSources());
  }

  /**
   * The bundled packs with those of {@code dir} over them: a {@code *.yaml} file there replaces the bundled
   * pack of the same id, or adds a new one. A replacement {@code global} must still hold the floor.
   */
  public static PackPolicy load(Path dir) {
    Map<String, String> sources = new TreeMap<>(bundledSources());
    Map<String, String> overrides = directorySources(dir);
    Map<String, String> byId = new TreeMap<>();
    sources.forEach((origin, text) -> byId.put(idOf(origin, text), origin));
    for (Map.Entry<String, String> file : overrides.entrySet()) {
      String previous = byId.put(idOf(file.getKey(), file.getValue()), file.getKey());
      if (previous != null && !previous.equals(file.getKey())) {
        sources.remove(previous);
      }
      sources.put(file.getKey(), file.getValue());
    }
    return compile(sources);
  }

  /** Compiles packs from their YAML text, keyed by where each was read (used in messages). */
  static PackPolicy compile(Map<String, String> sources) {
    Map<String, Pack> packs = new TreeMap<>();
    for (Map.Entry<String, String> source : new TreeMap<>(sources).entrySet()) {
      Pack pack = PackCompiler.compile(parse(source.getKey(), source.getValue()), source.getKey());
      Pack clash = packs.put(pack.id(), pack);
      if (clash != null) {
        throw new InvalidPackException("policy pack '" + pack.id() + "' is defined twice: in " + clash.origin()
            + " and in " + pack.origin());
      }
    }
    if (!packs.containsKey(Pack.GLOBAL)) {
      throw new InvalidPackException("no 'global' policy pack: it is the floor every decision stands on");
    }
    for (Pack pack : packs.values()) {
      checkParents(pack, packs, new LinkedHashSet<>());
    }
    PackPolicy policy = new PackPolicy(packs, digest(sources), Map.of());
    checkFloor(policy);
    return policy;
  }

  private static PackFile parse(String origin, String text) {
    try {
      PackFile file = YAML.readValue(text, PackFile.class);
      if (file == null) {
        throw new InvalidPackException("policy pack in " + origin + " is empty");
      }
      return file;
    } catch (UnrecognizedPropertyException e) {
      throw new InvalidPackException("policy pack in " + origin + ": unknown key '" + e.getPropertyName() + "' at line "
          + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + "; known: " + e.getKnownPropertyIds(), e);
    } catch (JsonProcessingException e) {
      String at = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      throw new InvalidPackException("policy pack in " + origin + ": " + e.getOriginalMessage() + at, e);
    }
  }

  private static void checkParents(Pack pack, Map<String, Pack> packs, Set<String> path) {
    if (!path.add(pack.id())) {
      throw new InvalidPackException("policy packs extend each other in a cycle: " + String.join(" -> ", path) + " -> " + pack.id());
    }
    for (String parent : pack.parents()) {
      Pack found = packs.get(parent);
      if (found == null) {
        throw new InvalidPackException("policy pack '" + pack.id() + "' (" + pack.origin() + ") extends '" + parent
            + "', which is not loaded");
      }
      if (found.isGlobal()) {
        throw new InvalidPackException("policy pack '" + pack.id() + "' (" + pack.origin()
            + ") extends 'global': global applies everywhere already");
      }
      checkParents(found, packs, new LinkedHashSet<>(path));
    }
  }

  /**
   * Probes every jurisdiction any pack names with the most permissive request there is (enterprise actor,
   * tenant adult content on, every operation): a protected category found, or unknown because its detector
   * failed, must be refused. A global pack edited to loosen the floor fails here.
   */
  private static void checkFloor(PackPolicy policy) {
    Set<Jurisdiction> places = new HashSet<>();
    places.add(Jurisdiction.global());
    for (Pack pack : policy.packs().values()) {
      for (String code : pack.jurisdictions()) {
        places.add(JurisdictionGroups.isGroup(code)
            ? Jurisdiction.of(JurisdictionGroups.members(code).iterator().next())
            : Jurisdiction.of(code));
      }
    }
    Instant now = Instant.now();
    PackPolicy permissive = policy.withTenants(List.of(new TenantSettings("floor-probe", true, Jurisdiction.global())));
    for (Jurisdiction place : places) {
      for (Operation operation : Operation.values()) {
        ScreeningRequest request = new ScreeningRequest(operation, "", List.of(), Actor.of("floor-probe", Tier.ENTERPRISE),
            place, "floor-probe");
        for (Category category : Category.protectedCategories()) {
          Signals found = Signals.from("floor-probe").score(category, 1.0, List.of()).build();
          Signals failed = Signals.failed(new DetectorFailure("floor-probe", DetectorFailure.Kind.ERROR, "probe", Set.of(category)));
          for (Signals signals : List.of(found, failed)) {
            Verdict verdict = permissive.decide(request, signals, DecisionId.generate(now), now);
            if (verdict.decision() != Decision.REFUSE) {
              throw new InvalidPackException("the policy packs do not refuse " + category.wireName()
                  + (signals == failed ? " left unknown by a failed detector" : "")
                  + " for " + operation.wireName() + " in " + place.code() + " (packs " + verdict.policyVersion()
                  + "); the global floor must refuse it everywhere");
            }
          }
        }
      }
    }
  }

  static Map<String, String> bundledSources() {
    Map<String, String> sources = new TreeMap<>();
    for (String name : resource(INDEX).lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
      sources.put("policy/" + name, resource("policy/" + name));
    }
    return sources;
  }

  private static Map<String, String> directorySources(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new InvalidPackException("policy directory " + dir + " does not exist or is not a directory");
    }
    Map<String, String> sources = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList()) {
        sources.put(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read policy directory " + dir, e);
    }
    return sources;
  }

  private static String idOf(String origin, String text) {
    String id = parse(origin, text).id();
    if (id == null) {
      throw new InvalidPackException("policy pack in " + origin + ": 'id' is required");
    }
    return id;
  }

  static String resource(String name) {
    try (InputStream in = PolicyPacks.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String digest(Map<String, String> sources) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      List<String> texts = new ArrayList<>(new TreeMap<>(sources).values());
      texts.sort(null);
      for (String text : texts) {
        sha.update(text.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      return HexFormat.of().formatHex(sha.digest(), 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
