/**
 * Reports for trust &amp; safety staff, authorities and regulators, built from the store and the ledger so
 * that an auditor can reproduce every figure (docs/design/reports.md). Builders are pure: they read a
 * {@link io.gardefou.report.ReportSource} and return values; renderings turn those values into bytes.
 */
package io.gardefou.report;
