/**
 * The evidence vault: the prompt and uploaded images of refused requests, kept apart from the verdicts, each
 * entry encrypted under its own key, kept as long as the policy's obligations require, and erased by destroying
 * that key. See {@code docs/design/evidence-vault.md}.
 */
package io.gardefou.vault;
