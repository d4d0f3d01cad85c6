/**
 * Hash banks: named lists of PDQ, MD5 and SHA-256 hashes (known CSAM, victims' images, take-downs, Garde-fou's own
 * outputs), their multi-index-hashing index, their file formats, and the detector that matches images against them.
 * Design: docs/design/hash-banks.md.
 */
package io.gardefou.bank;
