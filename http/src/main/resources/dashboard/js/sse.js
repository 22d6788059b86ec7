// Server-sent events over fetch(). The browser's EventSource cannot send an Authorization header, and the token
// must not go in the URL, so the stream is read as a plain streaming response and parsed here.
import { errorOf } from './api.js';

/**
 * The text/event-stream format, fed in arbitrary chunks: lines end in LF, CRLF or CR; "field:value" lines build an
 * event, a blank line dispatches it, ":" lines are comments. Only events with data are dispatched.
 */
export class SseParser {
  constructor(onEvent) {
    this.onEvent = onEvent;
    this.buffer = '';
    this.afterCR = false;
    this.data = [];
    this.type = '';
    this.lastId = '';
    this.retryMs = null;
  }

  push(chunk) {
    // A chunk that ended in CR may have split a CRLF: the LF opening this chunk then ends no new line.
    let text = chunk;
    if (this.afterCR && text.startsWith('\n')) text = text.slice(1);
    this.afterCR = false;
    this.buffer += text;
    let start = 0;
    for (let i = 0; i < this.buffer.length; i++) {
      const c = this.buffer[i];
      if (c !== '\n' && c !== '\r') continue;
      this.line(this.buffer.slice(start, i));
      if (c === '\r') {
        if (i === this.buffer.length - 1) this.afterCR = true;
        else if (this.buffer[i + 1] === '\n') i++;
      }
      start = i + 1;
    }
    this.buffer = this.buffer.slice(start);
  }

  line(text) {
    if (text === '') return this.dispatch();
    if (text.startsWith(':')) return undefined;
    const colon = text.indexOf(':');
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') this.data.push(value);
    else if (field === 'event') this.type = value;
    else if (field === 'id' && !value.includes('\0')) this.lastId = value;
    else if (field === 'retry' && /^\d+$/.test(value)) this.retryMs = Number(value);
    return undefined;
  }

  dispatch() {
    if (this.data.length > 0) {
      this.onEvent({ type: this.type || 'message', data: this.data.join('\n'), id: this.lastId });
    }
    this.data = [];
    this.type = '';
  }
}

const STALL_MS = 40_000; // the server sends a heartbeat every 15 s; two missed ones and the line is dead
const MAX_BACKOFF_MS = 30_000;

/**
 * One live connection to /api/stream that keeps itself up: it reconnects with exponential backoff (with jitter,
 * so a restarted server is not hit by every dashboard at once), drops a connection that went silent, and reports
 * its state. A 401 ends it: the session decides what happens next.
 */
export class LiveStream extends EventTarget {
  constructor(session, path = '/api/stream') {
    super();
    this.session = session;
    this.path = path;
    this.attempt = 0;
    this.running = false;
    this.controller = null;
    this.retryTimer = null;
    this.connections = 0;
    this.status = { state: 'idle' };
  }

  start() {
    if (this.running) return;
    this.running = true;
    this.attempt = 0;
    this.connect();
  }

  stop() {
    this.running = false;
    clearTimeout(this.retryTimer);
    if (this.controller) this.controller.abort();
    this.setStatus({ state: 'stopped' });
  }

  setStatus(status) {
    this.status = status;
    this.dispatchEvent(new CustomEvent('status', { detail: status }));
  }

  async connect() {
    if (!this.running) return;
    const token = this.session.token;
    if (!token) return this.stop();
    this.setStatus({ state: 'connecting', attempt: this.attempt });
    const controller = new AbortController();
    this.controller = controller;
    let stallTimer = null;
    const touch = () => {
      clearTimeout(stallTimer);
      stallTimer = setTimeout(() => controller.abort(new Error('no data or heartbeat for 40 s')), STALL_MS);
    };
    let retryAfterMs = null;
    try {
      touch();
      const response = await fetch(this.path, {
        headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' },
        cache: 'no-store',
        signal: controller.signal,
      });
      if (!response.ok) {
        const error = errorOf(response, await response.json().catch(() => null));
        if (response.status === 401) {
          this.stop();
          this.session.signOut(error.message);
          return undefined;
        }
        if (response.status === 429) retryAfterMs = Number(response.headers.get('Retry-After') ?? 0) * 1000;
        throw error;
      }
      this.connections++;
      this.attempt = 0;
      this.setStatus({ state: 'live', since: Date.now() });
      this.dispatchEvent(new CustomEvent('open', { detail: { reconnect: this.connections > 1 } }));
      const parser = new SseParser((event) => this.dispatchEvent(new CustomEvent('message', { detail: event })));
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        touch();
        parser.push(decoder.decode(value, { stream: true }));
      }
      throw new Error('the server closed the stream');
    } catch (e) {
      if (!this.running) return undefined;
      this.scheduleRetry(e, retryAfterMs);
    } finally {
      clearTimeout(stallTimer);
    }
    return undefined;
  }

  scheduleRetry(error, retryAfterMs) {
    const base = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** this.attempt);
    const delay = Math.max(retryAfterMs ?? 0, Math.round(base * (0.8 + Math.random() * 0.4)));
    this.attempt++;
    const message = (error && (error.summary || error.message)) || 'disconnected';
    this.setStatus({ state: 'retrying', retryAt: Date.now() + delay, attempt: this.attempt, message });
    this.retryTimer = setTimeout(() => this.connect(), delay);
  }
}
