// The console's only script: click-to-reveal for blurred images, and in-browser verification of a ledger entry's
// inclusion proof against the checkpoint's root (RFC 9162 §2.1.3.2, SHA-256 by WebCrypto).
"use strict";

document.addEventListener("click", (event) => {
  if (event.target.classList && event.target.classList.contains("blurred")) {
    event.target.classList.remove("blurred");
  }
});

function fromBase64(text) {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

function toBase64(bytes) {
  return btoa(String.fromCharCode(...bytes));
}

async function sha256(...parts) {
  const length = parts.reduce((n, p) => n + p.length, 0);
  const joined = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    joined.set(part, at);
    at += part.length;
  }
  return new Uint8Array(await crypto.subtle.digest("SHA-256", joined));
}

// RFC 9162 §2.1.3.2: recompute the root from the leaf hash and the inclusion proof.
async function rootFromProof(index, treeSize, leafHash, proof) {
  if (index >= treeSize) {
    return null;
  }
  let fn = BigInt(index);
  let sn = BigInt(treeSize) - 1n;
  let r = leafHash;
  const node = Uint8Array.of(1);
  for (const p of proof) {
    if (sn === 0n) {
      return null;
    }
    if ((fn & 1n) === 1n || fn === sn) {
      r = await sha256(node, p, r);
      if ((fn & 1n) === 0n) {
        while ((fn & 1n) === 0n && fn !== 0n) {
          fn >>= 1n;
          sn >>= 1n;
        }
      }
    } else {
      r = await sha256(node, r, p);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  return sn === 0n ? r : null;
}

async function verifyEntry(index) {
  const response = await fetch("/console/ledger/entries/" + index, { credentials: "same-origin" });
  if (!response.ok) {
    throw new Error("entry " + index + ": HTTP " + response.status);
  }
  const body = await response.json();
  const entry = fromBase64(body.entry_base64);
  const leaf = await sha256(Uint8Array.of(0), entry); // RFC 9162 §2.1.1: leaf hash = SHA-256(0x00 || entry)
  const lines = body.checkpoint.split("\n"); // C2SP checkpoint: origin, tree size, base64 root hash
  const checkpointSize = Number(lines[1]);
  const checkpointRoot = lines[2];
  const root = await rootFromProof(body.index, checkpointSize, leaf, body.inclusion_proof.map(fromBase64));
  return {
    entry: new TextDecoder().decode(entry),
    ok: root !== null && toBase64(root) === checkpointRoot,
    root: root === null ? "(proof does not fit the tree size)" : toBase64(root),
    checkpointRoot,
    checkpointSize,
  };
}

const verifyForm = document.getElementById("verify-form");
if (verifyForm) {
  verifyForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    const result = document.getElementById("verify-result");
    const index = document.getElementById("verify-index").value;
    result.className = "note";
    result.textContent = "Verifying…";
    try {
      const outcome = await verifyEntry(index);
      document.getElementById("verify-entry").textContent = outcome.entry;
      result.className = outcome.ok ? "ok" : "error";
      result.textContent = (outcome.ok ? "Verified: " : "NOT verified: ") + "entry " + index + " recomputes root "
          + outcome.root + "; the checkpoint of size " + outcome.checkpointSize + " says " + outcome.checkpointRoot + ".";
      result.dataset.verified = String(outcome.ok);
    } catch (error) {
      result.className = "error";
      result.textContent = String(error);
      result.dataset.verified = "false";
    }
  });
}

// Evidence is fetched only when asked for (each fetch is an evidence.read in the ledger) and shown blurred.
document.addEventListener("click", (event) => {
  const button = event.target;
  if (!button.classList || !button.classList.contains("load-evidence")) {
    return;
  }
  const image = document.createElement("img");
  image.src = button.dataset.src;
  image.alt = "evidence image, blurred: click to reveal";
  image.className = "blurred evidence-image";
  button.replaceWith(image);
});
