import type { ServerResponse } from "node:http";
import type { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import type { SpecwrightServer } from "./create-server.js";

export interface SessionLimits {
  /** A session without a request in flight for this long is closed; 0 never closes one. */
  readonly idleTimeoutMs: number;
  /** Live sessions (and ones being initialized) at most; an initialize beyond it is refused. */
  readonly maxSessions: number;
}

/** Minutes of idleness, and a cap that keeps a server far from exhausting a small heap. */
export const DEFAULT_SESSION_LIMITS: SessionLimits = { idleTimeoutMs: 5 * 60_000, maxSessions: 500 };

/** Node fires a longer timer at once (with a warning); ~24.8 days is as long as one can wait. */
const MAX_TIMER_MS = 2 ** 31 - 1;

interface LiveSession {
  readonly transport: StreamableHTTPServerTransport;
  readonly specwright: SpecwrightServer;
  /** Requests of the session whose response is still open (an SSE stream counts until it ends). */
  inFlight: number;
  idleTimer: NodeJS.Timeout | undefined;
}

/**
 * The HTTP server's sessions: a client that vanishes without `DELETE` would otherwise keep its server (tools,
 * transport, change subscription) forever. Each session closes after `idleTimeoutMs` with no request in flight,
 * and at most `maxSessions` are live at once.
 */
export class HttpSessions {
  private readonly sessions = new Map<string, LiveSession>();
  private opening = 0;

  constructor(
    private readonly limits: SessionLimits,
    private readonly log: (message: string) => void,
  ) {}

  get size(): number {
    return this.sessions.size;
  }

  /** Whether an initialize would exceed the cap; the refusal says what to do. */
  refusal(): string | undefined {
    if (this.sessions.size + this.opening < this.limits.maxSessions) return undefined;
    const expiry =
      this.limits.idleTimeoutMs > 0 ? ` Idle sessions close after ${this.limits.idleTimeoutMs / 1000} s.` : "";
    return `Too many sessions: ${this.limits.maxSessions} are live. Close unused ones (DELETE with their Mcp-Session-Id) or start the server with a higher --max-sessions.${expiry}`;
  }

  /**
   * Runs the opening of a session (an initialize request). `open` resolves when the transport has answered;
   * until then the session counts against the cap, so concurrent initializes cannot overshoot it.
   */
  async opened(open: () => Promise<void>): Promise<void> {
    this.opening++;
    try {
      await open();
    } finally {
      this.opening--;
    }
  }

  /** Registers a session the transport just initialized, with `response` (its initialize) in flight. */
  add(id: string, transport: StreamableHTTPServerTransport, specwright: SpecwrightServer, response: ServerResponse) {
    const session: LiveSession = { transport, specwright, inFlight: 0, idleTimer: undefined };
    this.sessions.set(id, session);
    this.track(id, session, response);
  }

  /** The live session with this id, kept from expiring until `response` closes. */
  use(id: string, response: ServerResponse): StreamableHTTPServerTransport | undefined {
    const session = this.sessions.get(id);
    if (!session) return undefined;
    this.track(id, session, response);
    return session.transport;
  }

  /** Forgets a session whose transport closed (DELETE, expiry, shutdown); its timer goes with it. */
  remove(id: string): void {
    const session = this.sessions.get(id);
    if (!session) return;
    clearTimeout(session.idleTimer);
    this.sessions.delete(id);
  }

  async closeAll(): Promise<void> {
    const sessions = [...this.sessions.values()];
    for (const session of sessions) clearTimeout(session.idleTimer);
    this.sessions.clear();
    await Promise.all(sessions.map((session) => session.specwright.close()));
  }

  private track(id: string, session: LiveSession, response: ServerResponse): void {
    clearTimeout(session.idleTimer);
    session.idleTimer = undefined;
    if (response.closed) {
      this.armIdleTimer(id, session);
      return;
    }
    session.inFlight++;
    response.once("close", () => {
      session.inFlight--;
      if (session.inFlight === 0) this.armIdleTimer(id, session);
    });
  }

  private armIdleTimer(id: string, session: LiveSession): void {
    if (this.limits.idleTimeoutMs <= 0 || this.sessions.get(id) !== session) return;
    clearTimeout(session.idleTimer);
    const delay = Math.min(this.limits.idleTimeoutMs, MAX_TIMER_MS);
    session.idleTimer = setTimeout(() => this.expire(id, session), delay);
    // A pending expiry must not keep a process alive that has nothing else to do.
    session.idleTimer.unref();
  }

  private expire(id: string, session: LiveSession): void {
    this.log(`specwright mcp: closed session ${id} after ${this.limits.idleTimeoutMs / 1000} s without a request.`);
    this.remove(id);
    void session.specwright.close();
  }
}
