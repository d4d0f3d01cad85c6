/**
 * Actors: the end users behind requests, known only by a per-tenant keyed pseudonym, and their standing —
 * strikes weighted by category that decay, automatic suspension at a threshold, bans, reinstatement — and
 * the appeals against decisions. See docs/design/actors.md.
 */
package io.gardefou.actor;
