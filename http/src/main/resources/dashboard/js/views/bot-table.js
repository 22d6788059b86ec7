// Every bot in one table, sortable by clicking a header and filterable by state and diamond, with pause/resume
// per row. Rows are keyed by bot id and updated in place as the stream reports changes: a row under the mouse
// (or held by a test) is never replaced, only moved when the sort order changes.
//
// AMM arbitrage bots do not trade the way directional bots do: they have round trips and swaps, no wins, losses,
// drawdown or position. Among directional bots their cells say so ("1 rt", "—", the swap under way); with the
// diamond filter on amm the table switches to columns of their own (round trips, reverted and refused swaps, gas).
import { h, setClass, setText, throttle } from '../dom.js';
import { compare, signum } from '../decimal.js';
import { marketTime, money, price, quantity, signedMoney, signedPct, pct, tone, wei } from '../format.js';
import { setBadge, stateBadge } from './badges.js';

const STATE_ORDER = ['NEW', 'ACTIVE', 'PAUSED', 'HALTED', 'RETIRED']; // the API's enum order, as it sorts
const byText = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

// The same keys and meanings as GET /api/bots?sort=..., with the same default directions. A figure a bot does not
// have (an AMM bot's drawdown) sorts before any figure, as in the API.
const SORTS = {
  id: { compare: (a, b) => byText(a.id, b.id), dir: 'asc' },
  state: { compare: (a, b) => STATE_ORDER.indexOf(a.state) - STATE_ORDER.indexOf(b.state), dir: 'asc' },
  equity: { compare: (a, b) => compare(a.equity, b.equity), dir: 'desc' },
  pnl: { compare: (a, b) => compare(a.pnl, b.pnl), dir: 'desc' },
  return: { compare: (a, b) => compare(a.returnOnCapital, b.returnOnCapital), dir: 'desc' },
  drawdown: { compare: (a, b) => compare(a.maxDrawdown, b.maxDrawdown), dir: 'desc' },
  trades: { compare: (a, b) => a.trades - b.trades, dir: 'desc' },
};

const SWAP_UNDER_WAY = { buy: 'buy leg in flight', sell: 'sell leg in flight', unwind: 'selling back' };

/** What an AMM bot is doing on chain right now, in the words an operator would use. */
function swapState(a) {
  if (a.swapInFlight) return SWAP_UNDER_WAY[a.swapInFlight] ?? `${a.swapInFlight} in flight`;
  return a.legToSellBack ? 'leg to sell back' : '—';
}

function ammTitle(a) {
  return `AMM round trips: ${a.roundTripsCompleted} completed of ${a.roundTripsStarted} started`
    + ` (${a.exactAsPredicted} paid exactly as predicted) · swaps reverted ${a.swapsReverted}, refused`
    + ` ${a.swapsRefused} · gas ${wei(a.gasSpentWei, a.nativeSymbol)}`;
}

// Cells shared by both layouts. Each is (td, bot) => void and must leave the td right for any bot it is given.
const cell = {
  strategy: (td, b) => {
    setText(td, b.strategy ?? '—');
    td.title = Object.entries(b.parameters ?? {}).map(([k, v]) => `${k}=${v}`).join(' ');
  },
  instrument: (td, b) => {
    setText(td, b.instrument ?? '—');
    td.title = b.side ? `${b.side} side` : b.amm ? `pairs on ${b.parameters?.chain ?? 'chain'}` : '';
  },
  equity: (td, b) => setText(td, money(b.equity)),
  pnl: (td, b) => {
    setText(td, b.pnl === null || b.pnl === undefined ? '—' : signedMoney(b.pnl));
    setClass(td, `num mono ${tone(b.pnl)}`);
    td.title = b.amm && b.pnl === null ? 'not valued yet: the bot has not seen a block' : '';
  },
  ret: (td, b) => {
    setText(td, signedPct(b.returnOnCapital));
    setClass(td, `num mono ${tone(b.returnOnCapital)}`);
  },
  drawdown: (td, b) => {
    setText(td, pct(b.maxDrawdown));
    td.title = b.amm ? 'AMM bots do not measure drawdown' : '';
  },
  trades: (td, b) => {
    if (b.amm) {
      setText(td, `${b.trades} rt`);
      td.title = ammTitle(b.amm);
    } else {
      setText(td, `${b.trades}`);
      td.title = `${b.wins} won · ${b.losses} lost`;
    }
  },
  position: (td, b) => {
    if (b.amm) {
      setText(td, swapState(b.amm));
      td.title = '';
      return;
    }
    const p = b.position;
    // The side is the bot's own (long-strike bots only go long), so the quantity and entry are enough here.
    setText(td, p && signum(p.quantity) !== 0 ? `${quantity(p.quantity)} @ ${price(p.averageEntry)}` : '—');
    td.title = p ? `${p.side} ${p.quantity} ${p.instrument} since ${marketTime(p.openedAtMs)}` : '';
  },
  roundTrips: (td, b) => {
    setText(td, b.amm ? `${b.amm.roundTripsCompleted} / ${b.amm.roundTripsStarted}` : '—');
    td.title = b.amm ? ammTitle(b.amm) : '';
  },
  reverted: (td, b) => setText(td, b.amm ? `${b.amm.swapsReverted}` : '—'),
  refused: (td, b) => setText(td, b.amm ? `${b.amm.swapsRefused}` : '—'),
  gas: (td, b) => setText(td, b.amm ? wei(b.amm.gasSpentWei, b.amm.nativeSymbol) : '—'),
};

const LAYOUTS = {
  // every bot, and the directional diamonds
  all: [
    { key: 'strategy', label: 'Strategy', cls: 'strategy', render: cell.strategy },
    { key: 'instrument', label: 'Instr.', cls: 'muted', render: cell.instrument },
    { label: 'State', sort: 'state', state: true },
    { key: 'equity', label: 'Equity', sort: 'equity', num: true, render: cell.equity },
    { key: 'pnl', label: 'P&L', sort: 'pnl', num: true, render: cell.pnl },
    { key: 'return', label: 'Return', sort: 'return', num: true, render: cell.ret },
    { key: 'drawdown', label: 'Max DD', sort: 'drawdown', num: true, render: cell.drawdown },
    { key: 'trades', label: 'Trades', sort: 'trades', num: true, render: cell.trades,
      title: 'Closed trades; for an AMM bot, completed arbitrage round trips (rt)' },
    { key: 'position', label: 'Position', cls: 'position mono', render: cell.position },
  ],
  // the AMM diamond alone: its bots' own terms
  amm: [
    { key: 'instrument', label: 'Pairs', cls: 'muted', render: cell.instrument },
    { label: 'State', sort: 'state', state: true },
    { key: 'equity', label: 'Equity', sort: 'equity', num: true, render: cell.equity, title: 'USD budget + P&L' },
    { key: 'pnl', label: 'P&L (USD)', sort: 'pnl', num: true, render: cell.pnl,
      title: 'Change of every token since the bot started, gas included, valued through the pools' },
    { key: 'return', label: 'Return', sort: 'return', num: true, render: cell.ret },
    { key: 'round-trips', label: 'Round trips', sort: 'trades', num: true, render: cell.roundTrips,
      title: 'completed / started' },
    { key: 'reverted', label: 'Reverted', num: true, render: cell.reverted,
      title: 'Swaps mined but reverted: gas spent, no tokens moved' },
    { key: 'refused', label: 'Refused', num: true, render: cell.refused,
      title: 'Swaps the node refused: nothing happened on chain' },
    { key: 'gas', label: 'Gas', num: true, render: cell.gas, title: 'Gas paid, in the native coin' },
    { key: 'swap', label: 'Swap', cls: 'position mono', render: cell.position },
  ],
};

const STATE_FILTERS = ['ALL', 'ACTIVE', 'PAUSED', 'HALTED', 'RETIRED'];

export function botTable({ api, store, toasts }) {
  const view = { sort: 'id', dir: 'asc', state: 'ALL', diamond: 'ALL' };
  const rows = new Map();
  const busy = new Set();
  let layout = null;
  let headers = [];

  const headRow = h('tr');
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
      h('table', { class: 'grid', testid: 'bot-grid' }, h('thead', {}, headRow), tbody),
      empty));

  /** The columns for the diamond filter; switching layouts rebuilds the header and the rows. */
  function useLayout(name) {
    if (layout === name) return;
    layout = name;
    const columns = [{ label: 'Bot', sort: 'id' }, ...LAYOUTS[name], { label: '', cls: 'actions-col' }];
    headers = columns.map((col) => {
      const cls = [col.num ? 'num' : '', col.cls === 'actions-col' ? col.cls : '', col.sort ? 'sortable' : '']
        .filter(Boolean).join(' ');
      const th = h('th', { class: cls, scope: 'col', title: col.title ?? null,
        testid: col.sort ? `sort-${col.sort}` : null }, col.label, col.sort ? h('span', { class: 'sort-mark' }) : null);
      if (col.sort) th.addEventListener('click', () => sortBy(col.sort));
      return { col, th };
    });
    headRow.replaceChildren(...headers.map((x) => x.th));
    el.dataset.layout = name;
    for (const r of rows.values()) r.tr.remove();
    rows.clear();
  }

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
    const link = h('a', { href: `#/bots/${encodeURIComponent(id)}`, class: 'bot-link', testid: `bot-link-${id}` }, id);
    const badge = stateBadge(null);
    r = {
      badge,
      cells: LAYOUTS[layout].map((col) => (col.state
        ? { col, td: h('td', { testid: `bot-state-${id}` }, badge) }
        : { col, td: h('td', { class: `${col.num ? 'num mono' : ''} ${col.cls ?? ''}`.trim(),
          testid: `cell-${col.key}-${id}` }) })),
      pause: h('button', { type: 'button', class: 'btn btn-tiny', testid: `pause-${id}`,
        onclick: () => act(id, 'pause') }, 'Pause'),
      resume: h('button', { type: 'button', class: 'btn btn-tiny btn-primary', testid: `resume-${id}`,
        onclick: () => act(id, 'resume') }, 'Resume'),
    };
    r.tr = h('tr', { testid: `bot-row-${id}`, dataset: { id } },
      h('td', {}, link), r.cells.map((c) => c.td), h('td', { class: 'actions' }, r.pause, r.resume));
    rows.set(id, r);
    return r;
  }

  function updateRow(r, b) {
    r.tr.dataset.state = b.state;
    r.tr.dataset.kind = b.amm ? 'amm' : 'directional';
    setBadge(r.badge, b.state);
    r.badge.title = b.haltReason ?? '';
    for (const { col, td } of r.cells) if (col.render) col.render(td, b);
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
    useLayout(view.diamond === 'amm' ? 'amm' : 'all');
    if (!headers.some((x) => x.col.sort === view.sort)) {
      view.sort = 'id';
      view.dir = SORTS.id.dir;
    }
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
