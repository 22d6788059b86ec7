// Every bot in one table, sortable by clicking a header and filterable by state and diamond, with pause/resume
// per row. Rows are keyed by bot id and updated in place as the stream reports changes: a row under the mouse
// (or held by a test) is never replaced, only moved when the sort order changes.
import { h, setClass, setText, throttle } from '../dom.js';
import { compare, signum } from '../decimal.js';
import { marketTime, money, price, quantity, signedMoney, signedPct, pct, tone } from '../format.js';
import { setBadge, stateBadge } from './badges.js';

const STATE_ORDER = ['NEW', 'ACTIVE', 'PAUSED', 'HALTED', 'RETIRED']; // the API's enum order, as it sorts
const byText = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

// The same keys and meanings as GET /api/bots?sort=..., with the same default directions.
const SORTS = {
  id: { compare: (a, b) => byText(a.id, b.id), dir: 'asc' },
  state: { compare: (a, b) => STATE_ORDER.indexOf(a.state) - STATE_ORDER.indexOf(b.state), dir: 'asc' },
  equity: { compare: (a, b) => compare(a.equity, b.equity), dir: 'desc' },
  pnl: { compare: (a, b) => compare(a.pnl, b.pnl), dir: 'desc' },
  return: { compare: (a, b) => compare(a.returnOnCapital, b.returnOnCapital), dir: 'desc' },
  drawdown: { compare: (a, b) => compare(a.maxDrawdown, b.maxDrawdown), dir: 'desc' },
  trades: { compare: (a, b) => a.trades - b.trades, dir: 'desc' },
};

const COLUMNS = [
  { label: 'Bot', sort: 'id' },
  { label: 'Strategy' },
  { label: 'Instr.' },
  { label: 'State', sort: 'state' },
  { label: 'Equity', sort: 'equity', num: true },
  { label: 'P&L', sort: 'pnl', num: true },
  { label: 'Return', sort: 'return', num: true },
  { label: 'Max DD', sort: 'drawdown', num: true },
  { label: 'Trades', sort: 'trades', num: true },
  { label: 'Position' },
  { label: '', cls: 'actions-col' },
];

const STATE_FILTERS = ['ALL', 'ACTIVE', 'PAUSED', 'HALTED', 'RETIRED'];

export function botTable({ api, store, toasts }) {
  const view = { sort: 'id', dir: 'asc', state: 'ALL', diamond: 'ALL' };
  const rows = new Map();
  const busy = new Set();

  const headers = COLUMNS.map((col) => {
    const th = h('th', { class: `${col.num ? 'num' : ''} ${col.cls ?? ''} ${col.sort ? 'sortable' : ''}`.trim(),
      scope: 'col', testid: col.sort ? `sort-${col.sort}` : null }, col.label,
    col.sort ? h('span', { class: 'sort-mark' }) : null);
    if (col.sort) th.addEventListener('click', () => sortBy(col.sort));
    return { col, th };
  });
  const tbody = h('tbody', { testid: 'bot-rows' });
  const empty = h('div', { class: 'table-empty', hidden: true, testid: 'bot-table-empty' }, 'No bots match.');
  const shown = h('span', { class: 'muted', testid: 'bot-count' });

  const filterButtons = STATE_FILTERS.map((state) => {
    const n = h('span', { class: 'count' });
    const b = h('button', { type: 'button', class: 'seg-btn', testid: `state-filter-${state.toLowerCase()}`,
      onclick: () => {
        view.state = state;
        render();
      } }, state === 'ALL' ? 'All' : state.charAt(0) + state.slice(1).toLowerCase(), n);
    return { state, b, n };
  });
  const diamondSelect = h('select', { testid: 'diamond-filter', 'aria-label': 'Diamond',
    onchange: (e) => {
      view.diamond = e.target.value;
      render();
    } },
  h('option', { value: 'ALL' }, 'All diamonds'),
  ...['long-strike', 'short-strike', 'amm'].map((d) => h('option', { value: d }, d)));

  const el = h('section', { class: 'panel bots', testid: 'bot-table' },
    h('div', { class: 'panel-head' }, h('h2', {}, 'Bots'), shown,
      h('div', { class: 'seg-group', role: 'group', 'aria-label': 'State filter', testid: 'state-filter' },
        filterButtons.map((f) => f.b)),
      diamondSelect),
    h('div', { class: 'table-scroll' },
      h('table', { class: 'grid' }, h('thead', {}, h('tr', {}, headers.map((x) => x.th))), tbody),
      empty));

  function sortBy(key) {
    if (view.sort === key) view.dir = view.dir === 'asc' ? 'desc' : 'asc';
    else {
      view.sort = key;
      view.dir = SORTS[key].dir;
    }
    render();
  }

  function rowFor(id) {
    let r = rows.get(id);
    if (r) return r;
    const cell = (cls = '') => h('td', { class: cls });
    const link = h('a', { href: `#/bots/${encodeURIComponent(id)}`, class: 'bot-link', testid: `bot-link-${id}` }, id);
    const badge = stateBadge(null);
    r = {
      link,
      badge,
      strategy: cell('strategy'),
      instrument: cell('muted'),
      state: h('td', { testid: `bot-state-${id}` }, badge),
      equity: cell('num mono'),
      pnl: cell('num mono'),
      ret: cell('num mono'),
      dd: cell('num mono'),
      trades: cell('num mono'),
      position: cell('position mono'),
      pause: h('button', { type: 'button', class: 'btn btn-tiny', testid: `pause-${id}`,
        onclick: () => act(id, 'pause') }, 'Pause'),
      resume: h('button', { type: 'button', class: 'btn btn-tiny btn-primary', testid: `resume-${id}`,
        onclick: () => act(id, 'resume') }, 'Resume'),
    };
    r.tr = h('tr', { testid: `bot-row-${id}`, dataset: { id } },
      h('td', {}, link), r.strategy, r.instrument, r.state, r.equity, r.pnl, r.ret, r.dd, r.trades, r.position,
      h('td', { class: 'actions' }, r.pause, r.resume));
    rows.set(id, r);
    return r;
  }

  function updateRow(r, b) {
    r.tr.dataset.state = b.state;
    setBadge(r.badge, b.state);
    r.badge.title = b.haltReason ?? '';
    setText(r.strategy, b.strategy ?? '—');
    r.strategy.title = Object.entries(b.parameters ?? {}).map(([k, v]) => `${k}=${v}`).join(' ');
    setText(r.instrument, b.instrument ?? '—');
    r.instrument.title = b.side ? `${b.side} side` : '';
    setText(r.equity, money(b.equity));
    setText(r.pnl, signedMoney(b.pnl));
    setClass(r.pnl, `num mono ${tone(b.pnl)}`);
    setText(r.ret, signedPct(b.returnOnCapital));
    setClass(r.ret, `num mono ${tone(b.returnOnCapital)}`);
    setText(r.dd, pct(b.maxDrawdown));
    setText(r.trades, `${b.trades}`);
    r.trades.title = `${b.wins} won · ${b.losses} lost`;
    const p = b.position;
    // The side is the bot's own (long-strike bots only go long), so the quantity and entry are enough here.
    setText(r.position, p && signum(p.quantity) !== 0 ? `${quantity(p.quantity)} @ ${price(p.averageEntry)}` : '—');
    r.position.title = p ? `${p.side} ${p.quantity} ${p.instrument} since ${marketTime(p.openedAtMs)}` : '';
    const working = busy.has(b.id);
    r.pause.hidden = b.state !== 'ACTIVE';
    r.resume.hidden = b.state !== 'PAUSED' && b.state !== 'HALTED';
    r.pause.disabled = working;
    r.resume.disabled = working;
    r.tr.classList.toggle('busy', working);
  }

  async function act(id, action) {
    busy.add(id);
    render();
    try {
      await api.post(`/api/bots/${encodeURIComponent(id)}/${action}`);
      toasts.ok(`${id} ${action === 'pause' ? 'paused' : 'resumed'}`,
        action === 'pause' ? 'Reduce-only: no new entries, exits still honoured.' : null);
      await store.refreshBot(id);
    } catch (err) {
      toasts.error(err, `${action === 'pause' ? 'Pause' : 'Resume'} ${id}`);
    } finally {
      busy.delete(id);
      render();
    }
  }

  function render() {
    const all = [...store.bots.values()];
    const inDiamond = all.filter((b) => view.diamond === 'ALL' || b.diamond === view.diamond);
    for (const f of filterButtons) {
      const n = f.state === 'ALL' ? inDiamond.length : inDiamond.filter((b) => b.state === f.state).length;
      setText(f.n, n);
      f.b.classList.toggle('active', view.state === f.state);
      f.b.setAttribute('aria-pressed', String(view.state === f.state));
    }
    const list = inDiamond.filter((b) => view.state === 'ALL' || b.state === view.state);
    const sort = SORTS[view.sort];
    const sign = view.dir === 'asc' ? 1 : -1;
    list.sort((a, b) => sign * sort.compare(a, b) || byText(a.id, b.id));

    const keep = new Set(list.map((b) => b.id));
    for (const [id, r] of rows) {
      if (!keep.has(id)) {
        r.tr.remove();
        rows.delete(id);
      }
    }
    list.forEach((b, i) => {
      const r = rowFor(b.id);
      updateRow(r, b);
      if (tbody.children[i] !== r.tr) tbody.insertBefore(r.tr, tbody.children[i] ?? null);
    });
    empty.hidden = list.length > 0;
    setText(shown, `${list.length} of ${all.length}`);
    for (const { col, th } of headers) {
      if (!col.sort) continue;
      const active = view.sort === col.sort;
      th.classList.toggle('sorted', active);
      th.setAttribute('aria-sort', active ? (view.dir === 'asc' ? 'ascending' : 'descending') : 'none');
      th.querySelector('.sort-mark').textContent = active ? (view.dir === 'asc' ? '▲' : '▼') : '';
    }
  }

  const throttled = throttle(render, 300);
  store.addEventListener('bots', throttled);
  render();
  return {
    el,
    destroy() {
      throttled.cancel();
      store.removeEventListener('bots', throttled);
    },
  };
}
