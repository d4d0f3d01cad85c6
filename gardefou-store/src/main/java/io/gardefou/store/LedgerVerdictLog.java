package io.gardefou.store;

import io.gardefou.audit.AuditEvent;
import io.gardefou.audit.AuditTrail;
import io.gardefou.audit.DecisionRecord;
import io.gardefou.ledger.Appended;
import io.gardefou.ledger.Ledger;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.model.Verdict;
import io.gardefou.screen.VerdictLog;
import io.gardefou.screen.VerdictLogFullException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records each verdict twice in one database: as a row of {@code verdicts} (to query) and as the canonical
 * {@link DecisionRecord} appended to the audit {@link Ledger} (to verify). {@link #append} returns once
 * both are committed, so no response leaves before its decision is durable. It is also the
 * {@link AuditTrail}: an {@link AuditEvent} becomes a ledger entry of its own, with no verdict row.
 *
 * <p>Callers queue; one integrator thread drains up to {@code maxBatch} at a time and commits them as one
 * batch: verdict rows, ledger entries and subtree hashes in one transaction, one fsync per batch, which is
 * what makes thousands of appends a second possible. A full queue is back-pressure:
 * {@link VerdictLogFullException}, not a wait.
 */
public final class LedgerVerdictLog implements VerdictLog, AuditTrail, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LedgerVerdictLog.class);
  private static final Duration RETRY_AFTER = Duration.ofSeconds(1);
  /** Re-sign and keep the checkpoint at most this often: it is one more commit, not needed per batch. */
  private static final long CHECKPOINT_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final JdbcLogStore store;
  private final Ledger ledger;
  private final CheckpointRecords checkpoints;
  private final BlockingQueue<Pending> queue;
  private final int capacity;
  private final int maxBatch;
  private final Thread integrator;
  private volatile boolean closed;
  private long checkpointSavedAt = System.nanoTime() - CHECKPOINT_EVERY_NANOS;
  private long checkpointSavedSize = -1;

  /** A queued entry: a decision (with its verdict row) or an audit event (entry only). */
  private record Pending(Optional<Decided> decided, byte[] entry, CompletableFuture<Long> index) {}

  private record Decided(ScreeningRequest request, Verdict verdict) {}

  LedgerVerdictLog(JdbcLogStore store, Ledger ledger, CheckpointRecords checkpoints, int capacity, int maxBatch) {
    if (capacity < 1 || maxBatch < 1) {
      throw new IllegalArgumentException("capacity and maxBatch must be positive, were " + capacity + ", " + maxBatch);
    }
    this.store = Objects.requireNonNull(store, "store");
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.capacity = capacity;
    this.maxBatch = maxBatch;
    this.integrator = Thread.ofPlatform().name("gardefou-ledger-integrator").daemon().start(this::integrate);
  }

  @Override
  public void append(ScreeningRequest request, Verdict verdict) {
    record(request, verdict);
  }

  /**
   * Records the verdict and returns its ledger index once committed.
   *
   * @throws VerdictLogFullException if the queue is full
   * @throws IllegalStateException if the log is closed, or the commit failed (the cause says why)
   */
  public long record(ScreeningRequest request, Verdict verdict) {
    return await(new Pending(Optional.of(new Decided(request, verdict)),
        DecisionRecord.of(request, verdict).canonicalJson(), new CompletableFuture<>()), "verdict");
  }

  /**
   * Appends the event's canonical JSON to the ledger, batched with the decisions, and returns its index once
   * committed.
   *
   * @throws VerdictLogFullException if the queue is full
   * @throws IllegalStateException if the log is closed, or the commit failed (the cause says why)
   */
  @Override
  public long record(AuditEvent event) {
    return await(new Pending(Optional.empty(), event.canonicalJson(), new CompletableFuture<>()), "audit event");
  }

  private long await(Pending pending, String what) {
    if (closed) {
      throw new IllegalStateException("the verdict log is closed");
    }
    if (!queue.offer(pending)) {
      throw new VerdictLogFullException(capacity, RETRY_AFTER);
    }
    try {
      while (true) {
        try {
          return pending.index().get(1, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
          // A close() racing the offer can leave this one behind the integrator's last drain.
          if (!integrator.isAlive() && queue.remove(pending)) {
            throw new IllegalStateException("the verdict log closed before the " + what + " was recorded");
          }
        }
      }
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException cause
          ? new IllegalStateException("the " + what + " was not recorded: " + cause.getMessage(), cause)
          : new IllegalStateException("the " + what + " was not recorded", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the " + what + " was being recorded; it may or may not be", e);
    }
  }

  /** The ledger the decisions go to. */
  public Ledger ledger() {
    return ledger;
  }

  /** Commits what is queued, keeps a last checkpoint, and stops the integrator. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true; // The integrator sees it within one poll, drains the queue, and stops.
    try {
      integrator.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void integrate() {
    List<Pending> batch = new ArrayList<>(maxBatch);
    while (true) {
      // Not interrupted to stop: an interrupt in the middle of a commit could fail a batch at shutdown.
      Pending first = pollBriefly();
      if (first == null) {
        if (closed && queue.isEmpty()) {
          break;
        }
        saveCheckpoint(false);
        continue;
      }
      batch.add(first);
      queue.drainTo(batch, maxBatch - 1);
      commit(batch);
      batch.clear();
      saveCheckpoint(false);
    }
    saveCheckpoint(true);
  }

  /** The batch in one transaction; if that fails, one by one, so that one bad verdict (a duplicate) fails alone. */
  private Pending pollBriefly() {
    try {
      return queue.poll(100, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      return null; // Nobody interrupts this thread; if someone does, the loop just polls again.
    }
  }

  private void commit(List<Pending> batch) {
    try {
      commitTogether(batch);
    } catch (RuntimeException batchFailure) {
      if (batch.size() == 1) {
        batch.getFirst().index().completeExceptionally(batchFailure);
        return;
      }
      for (Pending pending : batch) {
        try {
          commitTogether(List.of(pending));
        } catch (RuntimeException e) {
          pending.index().completeExceptionally(e);
        }
      }
    }
  }

  private void commitTogether(List<Pending> batch) {
    List<ScreeningRequest> requests = new ArrayList<>();
    List<Verdict> verdicts = new ArrayList<>();
    long[] positions = new long[batch.size()]; // each verdict's entry, counted from the batch's first
    for (int i = 0; i < batch.size(); i++) {
      Optional<Decided> decided = batch.get(i).decided();
      if (decided.isPresent()) {
        positions[requests.size()] = i;
        requests.add(decided.get().request());
        verdicts.add(decided.get().verdict());
      }
    }
    Appended appended = store.withRows(
        (handle, firstIndex) -> {
          if (!requests.isEmpty()) {
            long[] indices = new long[requests.size()];
            Arrays.setAll(indices, i -> firstIndex + positions[i]);
            JdbcVerdictLog.insertAll(handle, requests, verdicts, indices);
          }
        },
        () -> ledger.append(batch.stream().map(Pending::entry).toList()));
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).index().complete(appended.index(i));
    }
  }

  /**
   * At most once a second (and at close): catches up with what other nodes appended, then keeps the signed
   * checkpoint if the size moved. The store keeps the largest, so nodes saving in turn never move it back.
   */
  private void saveCheckpoint(boolean now) {
    if (!now && System.nanoTime() - checkpointSavedAt < CHECKPOINT_EVERY_NANOS) {
      return;
    }
    checkpointSavedAt = System.nanoTime();
    try {
      long size = ledger.refresh().size();
      if (size != checkpointSavedSize) {
        checkpoints.save(ledger.checkpoint());
        checkpointSavedSize = size;
      }
    } catch (RuntimeException e) {
      LOG.warn("Could not save the ledger checkpoint: {}", e.toString());
    }
  }
}
