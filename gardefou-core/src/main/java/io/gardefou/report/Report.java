package io.gardefou.report;

import io.gardefou.audit.CanonicalJson;
import java.util.List;
import java.util.SortedMap;

/** A built report: its canonical tree (for JSON) and the tables it shows (for CSV, HTML and PDF). */
public sealed interface Report permits TransparencyReport, StatementsOfReasons, AuthorityBundle, RegulatorReport {
  /** {@code transparency}, {@code statements}, {@code authority} or {@code regulator}. */
  String kind();

  String title();

  /** The report as sorted maps, lists, strings, integers, booleans and nulls: what the JSON rendering encodes. */
  SortedMap<String, Object> tree();

  List<Table> tables();

  /** RFC 8785 canonical JSON: the same inputs give the same bytes. */
  default byte[] json() {
    return CanonicalJson.encode(tree());
  }
}
