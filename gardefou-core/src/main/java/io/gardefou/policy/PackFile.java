package io.gardefou.policy;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The YAML shape of one policy pack, as written; {@link PackCompiler} validates it into a {@link Pack}.
 * Every list may be omitted. Legal citations and sources live here, in the data, not in Java.
 */
record PackFile(
    String id,
    String version,
    @JsonProperty("effective_from") String effectiveFrom,
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) @JsonProperty("extends") List<String> parents,
    String name,
    List<String> jurisdictions,
    @JsonProperty("minor_age") Integer minorAge,
    String note,
    List<RuleSpec> rules,
    @JsonProperty("feature_gates") List<GateSpec> featureGates,
    @JsonProperty("service_blocks") List<BlockSpec> serviceBlocks,
    List<ObligationSpec> obligations) {

  record RuleSpec(
      String id,
      List<String> categories,
      String when,
      String action,
      String reason,
      @JsonProperty("legal_basis") List<String> legalBasis,
      List<String> sources,
      String confidence,
      @JsonProperty("effective_from") String effectiveFrom,
      String note) {}

  record GateSpec(
      String id,
      String operation,
      @JsonProperty("min_tier") String minTier,
      String reason,
      @JsonProperty("legal_basis") List<String> legalBasis,
      List<String> sources,
      String confidence,
      String note) {}

  record BlockSpec(
      String id,
      List<String> operations,
      String authority,
      String order,
      String from,
      String until,
      String reason,
      @JsonProperty("legal_basis") List<String> legalBasis,
      List<String> sources,
      String confidence) {}

  record ObligationSpec(
      String id,
      String kind,
      String when,
      String to,
      String deadline,
      @JsonProperty("retain_for") String retainFor,
      String detail,
      @JsonProperty("legal_basis") List<String> legalBasis,
      List<String> sources,
      String confidence,
      @JsonProperty("effective_from") String effectiveFrom) {}
}
