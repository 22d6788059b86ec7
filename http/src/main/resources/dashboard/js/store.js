// The dashboard's picture of the swarm: loaded whole from the REST endpoints, then kept current by the live
// stream. Views read from here and listen for 'swarm', 'diamonds', 'bots' and 'feed' events; none of them holds
// its own copy, so the overview and a bot page never disagree.
//
// A reload and the stream race: a GET may be answered from a snapshot older than stream events that arrive
// before its response. So a reload never overwrites what the stream reported while the reload was on its way.
// (A bot that halts changes once and then never again: a stale row would otherwise stay stale.)

const FEED_SIZE = 200;
const PAGE = 500; // the API's largest page (swarm.http.max-page-size)

export class Store extends EventTarget {
  constructor(api) {
    super();
    this.api = api;
    this.swarm = null;
    this.diamonds = new Map();
    this.bots = new Map();
    this.feed = [];
    this.feedSeq = 0;
    this.streamClock = 0; // counts stream updates
    this.heardAt = new Map(); // 'swarm', 'diamond:NAME', 'bot:ID' -> streamClock of its last stream update
  }

  heard(key) {
    this.heardAt.set(key, ++this.streamClock);
  }

  /** Whether the stream reported `key` after `mark` (a streamClock reading taken when a request was sent). */
  heardSince(key, mark) {
    return (this.heardAt.get(key) ?? 0) > mark;
  }

  emit(type, detail = {}) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }

  /** Everything at once: at sign-in, and after a reconnect (updates sent while disconnected are lost). */
  async loadAll() {
    const mark = this.streamClock;
    const [swarm, diamonds, bots] = await Promise.all([
      this.api.get('/api/swarm'),
      this.api.get('/api/diamonds'),
      this.allBots(),
    ]);
    if (!this.heardSince('swarm', mark)) this.setSwarm(swarm);
    for (const d of diamonds.items) if (!this.heardSince(`diamond:${d.name}`, mark)) this.diamonds.set(d.name, d);
    this.emit('diamonds');
    const seen = new Set();
    for (const row of bots) {
      seen.add(row.id);
      if (!this.heardSince(`bot:${row.id}`, mark)) this.setBot(row, false, 'fetch');
    }
    for (const id of [...this.bots.keys()]) if (!seen.has(id)) this.bots.delete(id);
    this.emit('bots', { all: true });
  }

  async allBots() {
    const rows = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = await this.api.get('/api/bots', { offset, limit: PAGE });
      rows.push(...page.items);
      if (rows.length >= page.total || page.items.length === 0) return rows;
    }
  }

  /** Re-reads one bot (after a command), so its row shows the change without waiting for the stream. */
  async refreshBot(id) {
    const mark = this.streamClock;
    const detail = await this.api.get(`/api/bots/${encodeURIComponent(id)}`);
    if (!this.heardSince(`bot:${id}`, mark)) this.setBot(detail.summary, true, 'fetch');
    return detail;
  }

  setSwarm(swarm) {
    this.swarm = swarm;
    this.emit('swarm');
  }

  /** source: 'stream' (a change the server announced) or 'fetch' (a re-read this page asked for). */
  setBot(row, notify = true, source = 'stream') {
    const before = this.bots.get(row.id);
    this.bots.set(row.id, row);
    if (before && before.state !== row.state) {
      this.addFeed({ kind: 'state', botId: row.id, from: before.state, to: row.state, reason: row.haltReason,
        timeMs: this.marketTimeMs() });
    }
    if (notify) this.emit('bots', { ids: [row.id], source });
  }

  marketTimeMs() {
    return this.swarm && this.swarm.feed ? this.swarm.feed.marketTimeMs : null;
  }

  addFeed(item) {
    this.feed.unshift({ ...item, key: ++this.feedSeq });
    if (this.feed.length > FEED_SIZE) this.feed.length = FEED_SIZE;
    this.emit('feed', item);
  }

  /** One server-sent event. Unknown types are ignored, so a newer server does not break an open dashboard. */
  apply({ type, data }) {
    let payload;
    try {
      payload = JSON.parse(data);
    } catch {
      return;
    }
    switch (type) {
      case 'swarm':
        this.heard('swarm');
        this.setSwarm(payload);
        break;
      case 'diamond':
        this.heard(`diamond:${payload.name}`);
        this.diamonds.set(payload.name, payload);
        this.emit('diamonds');
        break;
      case 'bot':
        this.heard(`bot:${payload.id}`);
        this.setBot(payload);
        break;
      case 'fill':
        this.addFeed({ kind: 'fill', botId: payload.botId, order: payload, timeMs: payload.filledAtMs });
        break;
      case 'trade':
        this.addFeed({ kind: 'trade', botId: payload.botId, trade: payload, timeMs: payload.exitTimeMs });
        break;
      case 'round-trip':
        // an AMM round trip happens at a block, not at a bar: its time is when it settled (wall clock)
        this.addFeed({ kind: 'round-trip', botId: payload.botId, trip: payload, timeMs: payload.settledAtMs,
          wallClock: true });
        break;
      case 'risk':
        this.addFeed({ kind: 'risk', from: payload.from, to: payload.to, reason: payload.reason,
          timeMs: this.marketTimeMs() });
        this.emit('risk', payload);
        break;
      default:
        break;
    }
  }
}
