// A bot's state drawn as panels: headline figures, books, position and open orders, stats, config and trade plan.
// The live detail (/api/bots/{id}) and a replayed past state (/api/bots/{id}/state-at) have the same shape, so
// time travel is just this view given another state. An AMM bot's detail has its own view under `amm` (token
// books, the swap under way, round trips, chain and rules) and is drawn with panels of its own.
import { h, fill } from '../dom.js';
import { divide } from '../decimal.js';
import { count, marketTime, money, pct, price, quantity, shortTime, signedMoney, signedPct, tokens, tone, wei }
  from '../format.js';

// a value too long for its column is cut with an ellipsis; the whole of it is in the title
const kv = (rows) => h('dl', { class: 'kv' }, rows.flatMap(([label, value, cls, testid]) =>
  [h('dt', {}, label), h('dd', { class: cls ?? 'mono', testid, title: typeof value === 'string' ? value : null },
    value)]));

const signed = (v) => [signedMoney(v), `mono ${tone(v)}`];

// Trade-plan fields: fractions read as percent, multiples and counts as they are; "off" for an absent limit.
const PLAN = [
  ['sizing', 'Sizing', (v) => String(v).toLowerCase()],
  ['fraction', 'Fraction of equity', pct],
  ['riskPerTrade', 'Risk per trade', pct],
  ['atrMultiple', 'ATR multiple', (v) => `${v}×`],
  ['leverage', 'Leverage', (v) => `${v}×`],
  ['maintenanceMargin', 'Maintenance margin', pct],
  ['stopLoss', 'Stop loss', pct],
  ['takeProfit', 'Take profit', pct],
  ['partialTakeProfit', 'Partial take profit', pct],
  ['partialFraction', 'Partial fraction', pct],
  ['trailingStop', 'Trailing stop', pct],
  ['maxBarsHeld', 'Max bars held', (v) => (v ? String(v) : 'no limit')],
  ['maxNotional', 'Max notional', money],
  ['priceBand', 'Price band', pct],
];

export function botStatePanels() {
  const headline = h('section', { class: 'kpis kpis-bot', testid: 'bot-headline' });
  const books = h('div', { class: 'panel-body', testid: 'bot-books' });
  const position = h('div', { class: 'panel-body', testid: 'bot-position' });
  const stats = h('div', { class: 'panel-body', testid: 'bot-stats' });
  const config = h('div', { class: 'panel-body', testid: 'bot-config' });
  const panel = (title, body, cls = '') => h('section', { class: `panel ${cls}` },
    h('div', { class: 'panel-head' }, h('h2', {}, title)), body);

  const directional = h('div', { class: 'bot-grid' },
    panel('Books', books),
    panel('Position & open orders', position, 'wide'),
    panel('Stats', stats),
    panel('Config & trade plan', config, 'config'));
  const amm = ammPanels(panel);
  const el = h('div', { class: 'bot-state' }, headline, directional, amm.el);

  function show(detail) {
    directional.hidden = Boolean(detail.amm);
    amm.el.hidden = !detail.amm;
    if (detail.amm) {
      amm.show(detail, headline);
      return;
    }
    const s = detail.summary;
    fill(headline,
      card('Equity', money(s.equity), '', 'bot-equity'),
      card('P&L', signedMoney(s.pnl), tone(s.pnl), 'bot-pnl'),
      card('Return', signedPct(s.returnOnCapital, 3), tone(s.returnOnCapital)),
      card('Max drawdown', pct(s.maxDrawdown)),
      card('Trades', `${s.trades}`, '', 'bot-trades'),
      card('Won / lost', `${s.wins} / ${s.losses}`),
      card('Last bar', shortTime(s.lastBar), '', 'bot-last-bar'),
      card('Events', count(detail.eventCount), '', 'bot-event-count'));

    const b = detail.books;
    fill(books, kv([
      ['Allocated', money(b.allocated)],
      ['Capital', money(b.capital)],
      ['Cash', money(b.cash)],
      ['Equity', money(b.equity)],
      ['Realized P&L', ...signed(b.realizedPnl)],
      ['Unrealized P&L', ...signed(b.unrealizedPnl)],
      ['Fees paid', money(b.feesPaid)],
      ['Releasable', money(b.releasable)],
    ]));

    fill(position, positionsTable(detail.positions), ordersTable(detail.openOrders));

    const st = detail.stats;
    const winRate = st.roundTrips > 0 ? divide(String(st.wins), String(st.roundTrips), 4) : null;
    fill(stats, kv([
      ['Bars observed', count(st.barsObserved)],
      ['Fills', count(st.fills)],
      ['Round trips', count(st.roundTrips)],
      ['Wins / losses', `${st.wins} / ${st.losses}`],
      ['Win rate', winRate ? pct(winRate, 1) : '—'],
      ['Peak equity', money(st.peakEquity)],
      ['Max drawdown', pct(st.maxDrawdown)],
      ['Halt reason', s.haltReason ?? '—', 'muted'],
    ]));

    const c = detail.config;
    if (!c) {
      fill(config, h('p', { class: 'muted' }, 'Not configured at this point of its journal.'));
      return;
    }
    const params = Object.entries(c.parameters ?? {}).map(([k, v]) => `${k}=${v}`).join('  ');
    fill(config, h('div', { class: 'config-cols' },
      kv([
        ['Strategy', c.strategy, 'strong'],
        ['Parameters', params || '—'],
        ['Instrument', c.instrument],
        ['Side', String(c.side).toLowerCase()],
        ['Venue', c.venue],
        ['Fee', `${c.feeBps} bps`],
        ['Slippage', `${c.slippageBps} bps`],
        ['Fills at', String(c.fillTiming).toLowerCase()],
      ]),
      ...[PLAN.slice(0, 7), PLAN.slice(7)].map((half) => kv(half.map(([key, label, f]) => {
        const v = c.plan ? c.plan[key] : null;
        return [label, v === null || v === undefined ? 'off' : f(v)];
      })))));
  }

  return { el, show };
}

const card = (label, value, cls = '', testid = null, title = null) => h('div', { class: 'kpi', title },
  h('div', { class: 'kpi-label' }, label), h('div', { class: `kpi-value ${cls}`, testid }, value));

const LEGS = { buy: 'buy leg', sell: 'sell leg', unwind: 'unwind (selling back)' };

/** An AMM bot's panels: token books, the swap under way, round trips and swaps, chain and rules. */
function ammPanels(panel) {
  const books = h('div', { class: 'panel-body', testid: 'amm-books' });
  const swap = h('div', { class: 'panel-body', testid: 'amm-swap' });
  const work = h('div', { class: 'panel-body', testid: 'amm-round-trips' });
  const chain = h('div', { class: 'panel-body', testid: 'amm-chain' });
  const el = h('div', { class: 'bot-grid', hidden: true, testid: 'amm-panels' },
    panel('Swap under way', swap),
    panel('Token books', books, 'wide'),
    panel('Round trips & swaps', work),
    panel('Chain, routes & rules', chain, 'config'));

  function show(detail, headline) {
    const s = detail.summary;
    const a = detail.amm;
    const n = s.amm;
    const unvalued = a.pnlUsd === null || a.pnlUsd === undefined;
    fill(headline,
      card('Budget', money(a.budgetUsd), '', 'bot-equity', 'USD the bot may put into one round trip'),
      card('P&L (USD)', unvalued ? '—' : signedMoney(a.pnlUsd), tone(a.pnlUsd), 'bot-pnl',
        unvalued ? 'USD values need the pools of a block: none for a past state or before the first block'
          : `every token's change since the start, gas included, valued at block ${a.valuedAtBlock}`),
      card('Return', signedPct(s.returnOnCapital, 3), tone(s.returnOnCapital)),
      card('Round trips', `${n.roundTripsCompleted} / ${n.roundTripsStarted}`, '', 'bot-trades',
        'completed / started'),
      card('Reverted / refused', `${n.swapsReverted} / ${n.swapsRefused}`, '', 'amm-failed-swaps',
        'swaps mined but reverted (gas spent) / refused by the node (nothing happened)'),
      card('Gas spent (ETH)', tokens(n.gasSpentWei, 18, null, { digits: 6 }), '', 'amm-gas'),
      card('Valued at block', a.valuedAtBlock ?? '—'),
      card('Events', count(detail.eventCount), '', 'bot-event-count'));

    fill(books, a.tokens.length === 0 ? h('p', { class: 'muted empty-line' }, 'Not synced with its account yet.')
      : h('table', { class: 'grid compact' },
        h('thead', {}, h('tr', {}, ['Token', 'At start', 'Now', 'Change']
          .map((t, i) => h('th', { class: i > 0 ? 'num' : '' }, t)))),
        h('tbody', {}, a.tokens.map((t) => h('tr', { testid: `amm-token-${t.token}` },
          h('td', {}, t.token),
          h('td', { class: 'num mono', title: `${t.baseline} smallest units` }, tokens(t.baseline, t.decimals)),
          h('td', { class: 'num mono', title: `${t.book} smallest units` }, tokens(t.book, t.decimals)),
          h('td', { class: `num mono ${tone(t.change)}`, title: `${t.change} smallest units` },
            tokens(t.change, t.decimals, null, { plus: true })))))));

    const f = a.inFlight;
    const left = a.legToSellBack;
    const decimals = Object.fromEntries(a.tokens.map((t) => [t.token, t.decimals]));
    fill(swap, kv([
      ['In flight', f ? `${LEGS[f.leg] ?? f.leg} of round trip ${f.arbId}` : 'none', 'mono', 'amm-in-flight'],
      ...(f ? [
        ['Swap', `${tokens(f.amountIn, decimals[f.tokenIn], f.tokenIn)} → ≥ ${tokens(f.amountOutMin,
          decimals[f.tokenOut], f.tokenOut)} on ${f.dex}`],
        ['Nonce', String(f.nonce)],
        ['Transaction', f.txHash, 'mono muted'],
      ] : []),
      ['To sell back', left ? `${tokens(left.amount, decimals[left.token], left.token)} → ${left.home}` : 'nothing'],
      ['Next nonce', String(a.nextNonce)],
      ['Last skip', a.lastSkip ?? '—', 'muted'],
      ['Chain error', a.chainError ?? '—', 'muted'],
    ]));

    fill(work, kv([
      ['Started', count(n.roundTripsStarted)],
      ['Completed', count(n.roundTripsCompleted)],
      ['Exactly as predicted', count(n.exactAsPredicted)],
      ['Swaps reverted', count(n.swapsReverted)],
      ['Swaps refused', count(n.swapsRefused)],
      ['Gas spent', wei(n.gasSpentWei, a.nativeSymbol)],
      ['Gas estimate / swap', count(a.gasEstimatePerSwap)],
      ['Halt reason', a.haltReason ?? '—', 'muted'],
    ]));

    const r = a.rules ?? {};
    fill(chain, h('div', { class: 'config-cols' },
      kv([
        ['Chain', a.chain ?? '—'],
        ['Account', a.account ?? '—', 'mono muted'],
        ['Routes', a.routes.map((x) => `${x.home}/${x.other} on ${x.dexes.join('+')}`).join('; ') || '—'],
        ['USD token', a.usdToken ?? '—'],
        ['Valued through', a.valuationDex ? `${a.valuationDex} (via ${a.wrappedNative})` : '—'],
      ]),
      kv([
        ['Min profit', r.minProfitUsd ? `${money(r.minProfitUsd)} USD` : '—'],
        ['Profit ≥ gas ×', r.gasMultiple ?? '—'],
        ['Cooldown', r.cooldownBlocks === undefined ? '—' : `${r.cooldownBlocks} blocks`],
      ]),
      kv([
        ['Gas per swap', r.gasPerSwap === undefined ? '—' : count(r.gasPerSwap)],
        ['Gas limit per swap', r.gasLimitPerSwap === undefined ? '—' : count(r.gasLimitPerSwap)],
        ['Deadline', r.deadlineSec === undefined ? '—' : `${r.deadlineSec} s`],
      ])));
  }

  return { el, show };
}

function positionsTable(positions) {
  if (!positions || positions.length === 0) return h('p', { class: 'muted empty-line', testid: 'no-position' }, 'Flat: no open position.');
  return h('table', { class: 'grid compact' },
    h('thead', {}, h('tr', {}, ['Instrument', 'Side', 'Quantity', 'Avg entry', 'Cost basis', 'Entry fees', 'Opened']
      .map((t, i) => h('th', { class: i >= 2 && i <= 5 ? 'num' : '' }, t)))),
    h('tbody', {}, positions.map((p) => {
      const short = String(p.quantity).startsWith('-');
      return h('tr', {},
        h('td', {}, p.instrument),
        h('td', {}, h('span', { class: short ? 'neg' : 'pos' }, short ? 'short' : 'long')),
        h('td', { class: 'num mono' }, quantity(p.quantity.replace('-', ''))),
        h('td', { class: 'num mono' }, price(divide(p.costBasis, p.quantity, 2))),
        h('td', { class: 'num mono' }, money(String(p.costBasis).replace('-', ''))),
        h('td', { class: 'num mono' }, money(p.entryFees)),
        h('td', { class: 'mono' }, marketTime(p.openedAtMs)));
    })));
}

function ordersTable(orders) {
  if (!orders || orders.length === 0) return h('p', { class: 'muted empty-line' }, 'No open orders.');
  return h('table', { class: 'grid compact' },
    h('thead', {}, h('tr', {}, ['Order', 'Action', 'Quantity', 'Reason', 'Placed'].map((t) => h('th', {}, t)))),
    h('tbody', {}, orders.map((o) => h('tr', {},
      h('td', { class: 'mono' }, o.orderId),
      h('td', {}, String(o.action).toLowerCase()),
      h('td', { class: 'mono' }, quantity(o.quantity)),
      h('td', {}, String(o.reason).toLowerCase()),
      h('td', { class: 'mono' }, marketTime(o.placedAtMs))))));
}
