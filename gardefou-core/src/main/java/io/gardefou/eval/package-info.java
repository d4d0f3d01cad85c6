/**
 * The evaluation harness behind {@code gardefou eval}: labelled cases in, recall and false-positive rates out.
 *
 * <p>The walk: load cases ({@link io.gardefou.eval.PublicDatasets#load}, {@link io.gardefou.eval.SuiteCases#load}),
 * optionally add obfuscated variants of the harmful ones ({@link io.gardefou.eval.Perturbations#expand}), run them
 * through a screen function ({@link io.gardefou.eval.Evaluation#run}), then render the
 * {@link io.gardefou.eval.EvaluationReport} as text, JSON or HTML and check it against
 * {@link io.gardefou.eval.Target}s. Item texts never leave the cases: reports name datasets, categories and ids.
 */
package io.gardefou.eval;
