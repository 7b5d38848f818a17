/** The org's 24-hour API allowance: counts REST calls, answers /limits and the Sforce-Limit-Info header. */
import { DEFAULT_DAILY_API_LIMIT } from './constants.js';

/** Tracks DailyApiRequests for one fake server. */
export class ApiAllowance {
  used = 0;

  constructor(public max: number = DEFAULT_DAILY_API_LIMIT) {}

  /** True when no call is left in the 24-hour window. */
  get exhausted(): boolean {
    return this.used >= this.max;
  }

  /** Counts one API call. */
  count(): void {
    this.used++;
  }

  /** The `Sforce-Limit-Info` header value. */
  header(): string {
    return `api-usage=${this.used}/${this.max}`;
  }

  /** The body of `GET /limits` (the entries integrations read, with realistic neighbours). */
  body(): Record<string, { Max: number; Remaining: number }> {
    const entry = (max: number, remaining = max) => ({ Max: max, Remaining: remaining });
    return {
      ConcurrentAsyncGetReportInstances: entry(200),
      ConcurrentSyncReportRuns: entry(20),
      DailyApiRequests: entry(this.max, Math.max(0, this.max - this.used)),
      DailyAsyncApexExecutions: entry(250000),
      DailyBulkApiBatches: entry(15000),
      DailyBulkV2QueryJobs: entry(10000),
      DailyStreamingApiEvents: entry(10000),
      DataStorageMB: entry(1024, 1003),
      FileStorageMB: entry(1024, 1019),
      HourlyODataCallout: entry(10000),
      HourlyTimeBasedWorkflow: entry(50),
      MassEmail: entry(5000),
      SingleEmail: entry(5000),
    };
  }
}
