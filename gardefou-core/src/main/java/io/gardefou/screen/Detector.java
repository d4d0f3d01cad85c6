package io.gardefou.screen;

import io.gardefou.model.Category;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.model.Signals;
import java.util.Set;

/**
 * Finds signals in a request: category scores and facts. Detectors run in parallel under one deadline;
 * one that throws or misses it leaves the categories it {@link #covers() covers} unknown.
 */
public interface Detector {
  /** A stable name, unique among the screener's detectors; it is written into every signal. */
  String name();

  /** The categories whose absence this detector vouches for; they become unknown when it fails. */
  Set<Category> covers();

  /** Whether there is anything for this detector in the request (text for a text detector…). */
  boolean appliesTo(ScreeningRequest request);

  Signals detect(ScreeningRequest request) throws Exception;
}
