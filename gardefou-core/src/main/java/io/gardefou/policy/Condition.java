package io.gardefou.policy;

import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import dev.cel.runtime.Program;
import java.util.Map;
import java.util.Objects;

/**
 * A pack's {@code when}: a CEL expression, type-checked to a boolean over {@link Bindings} when the pack
 * loads, then evaluated per request without parsing.
 */
final class Condition {
  private static final CelCompiler RULES = compiler(Bindings.RULE_VARIABLES);
  private static final CelCompiler OBLIGATIONS = compiler(Bindings.OBLIGATION_VARIABLES);
  // The planner runtime evaluates a checked expression several times faster than the standard one.
  private static final CelRuntime RUNTIME = CelRuntimeFactory.plannerRuntimeBuilder().build();

  private final String source;
  private final Program program;

  private Condition(String source, Program program) {
    this.source = source;
    this.program = program;
  }

  /** Compiles a rule's condition; the message of a failure carries CEL's line, column and caret. */
  static Condition forRule(String source) {
    return compile(RULES, source);
  }

  static Condition forObligation(String source) {
    return compile(OBLIGATIONS, source);
  }

  private static Condition compile(CelCompiler compiler, String source) {
    Objects.requireNonNull(source, "source");
    CelValidationResult result = compiler.compile(source);
    if (result.hasError()) {
      throw new IllegalArgumentException(result.getErrorString());
    }
    try {
      return new Condition(source, RUNTIME.createProgram(result.getAst()));
    } catch (Exception e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  String source() {
    return source;
  }

  boolean test(Map<String, Object> variables) throws CelEvaluationException {
    return (Boolean) program.eval(variables);
  }

  private static CelCompiler compiler(Map<String, CelType> variables) {
    CelCompilerBuilder builder = CelCompilerFactory.standardCelCompilerBuilder()
        .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
        .setResultType(SimpleType.BOOL);
    variables.forEach(builder::addVar);
    return builder.build();
  }

  @Override
  public String toString() {
    return source;
  }
}
