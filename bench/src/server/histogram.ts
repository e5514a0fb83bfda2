/**
 * Latencies in microseconds, kept as counts in logarithmic buckets (1 % wide) so memory stays
 * bounded however long the run: quantiles are exact to 1 %.
 */
export class LatencyHistogram {
  /** Bucket width: each bucket spans a factor of GROWTH. */
  static readonly GROWTH = 1.01;
  /** Largest latency kept apart (10 minutes); longer ones count in the last bucket. */
  static readonly MAX_US = 600_000_000;
  readonly #counts: Float64Array;
  #total = 0;
  #sum = 0;
  #min = Number.POSITIVE_INFINITY;
  #max = 0;

  constructor() {
    this.#counts = new Float64Array(LatencyHistogram.#bucket(LatencyHistogram.MAX_US) + 1);
  }

  static #bucket(us: number): number {
    return us <= 1 ? 0 : Math.ceil(Math.log(us) / Math.log(LatencyHistogram.GROWTH));
  }

  record(us: number): void {
    const v = Math.min(Math.max(us, 0), LatencyHistogram.MAX_US);
    this.#counts[LatencyHistogram.#bucket(v)]!++;
    this.#total++;
    this.#sum += v;
    if (v < this.#min) this.#min = v;
    if (v > this.#max) this.#max = v;
  }

  get count(): number {
    return this.#total;
  }

  /** The latency below which a fraction `q` (0-1) of the samples lie (bucket upper bound, capped at the max seen). */
  quantile(q: number): number {
    if (this.#total === 0) return 0;
    const rank = Math.max(1, Math.ceil(q * this.#total));
    let seen = 0;
    for (let i = 0; i < this.#counts.length; i++) {
      seen += this.#counts[i]!;
      if (seen >= rank) return Math.min(LatencyHistogram.GROWTH ** i, this.#max);
    }
    return this.#max;
  }

  summary(): {
    count: number;
    meanUs: number;
    minUs: number;
    p50Us: number;
    p90Us: number;
    p99Us: number;
    maxUs: number;
  } {
    const round = (n: number) => Math.round(n * 10) / 10;
    return {
      count: this.#total,
      meanUs: this.#total === 0 ? 0 : round(this.#sum / this.#total),
      minUs: this.#total === 0 ? 0 : round(this.#min),
      p50Us: round(this.quantile(0.5)),
      p90Us: round(this.quantile(0.9)),
      p99Us: round(this.quantile(0.99)),
      maxUs: round(this.#max),
    };
  }
}
