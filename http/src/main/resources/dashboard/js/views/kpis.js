// The strip of headline figures across the overview: the swarm's equity and P&L, its trading state with the
// reason, how close it is to its risk limits, its bots, and the market feed driving it. All from /api/swarm.
import { fill, h, setClass, setText, throttle } from '../dom.js';
import { toNumber } from '../decimal.js';
import { count, marketTime, money, money0, pct, signedMoney, signedPct, tone } from '../format.js';
import { gauge, setBadge, stateBadge } from './badges.js';

function card(testid, label, value, ...sub) {
  return h('div', { class: 'kpi', testid }, h('div', { class: 'kpi-label' }, label), value, ...sub);
}

export function kpiStrip(store) {
  const v = (testid) => h('div', { class: 'kpi-value', testid });
  const sub = (testid) => h('div', { class: 'kpi-sub', testid });

  const equity = v('swarm-equity');
  const equitySub = sub('swarm-capital-total');
  const pnl = v('swarm-pnl');
  const realized = sub('swarm-realized');
  const unrealized = sub('swarm-unrealized');
  const ret = v('swarm-return');
  const retSub = sub();
  const state = stateBadge(null, 'swarm-trading-state');
  const reason = sub('swarm-trading-reason');
  const drawdown = v('swarm-drawdown');
  const drawdownGauge = gauge('drawdown-gauge');
  const drawdownLimit = sub('limit-max-drawdown');
  const dayLoss = v('swarm-day-loss');
  const dayLossGauge = gauge('day-loss-gauge');
  const dayLossLimit = sub('limit-daily-loss');
  const bots = v('swarm-bots');
  const botsSub = h('div', { class: 'kpi-sub wrap', testid: 'swarm-bot-counts' });
  const feedState = h('span', { class: 'feed-state', testid: 'feed-state' });
  const feedLine = h('span', { class: 'muted', testid: 'feed-mode' });
  const feedTime = h('span', { class: 'mono', testid: 'feed-market-time' });
  const progressFill = h('div', { class: 'progress-fill' });
  const progressPct = h('span', { class: 'muted mono' });
  const progressText = h('span', { class: 'muted mono', testid: 'feed-progress' });
  const venues = h('span', { class: 'venues', testid: 'venues' });

  const el = h('section', { class: 'kpis', testid: 'kpis' },
    card('kpi-equity', 'Equity', equity, equitySub),
    card('kpi-pnl', 'P&L', pnl, realized, unrealized),
    card('kpi-return', 'Return', ret, retSub),
    card('kpi-trading', 'Trading state', h('div', { class: 'kpi-value' }, state), reason),
    card('kpi-drawdown', 'Drawdown', drawdown, drawdownGauge, drawdownLimit),
    card('kpi-day-loss', 'Day loss', dayLoss, dayLossGauge, dayLossLimit),
    card('kpi-bots', 'Bots', bots, botsSub),
    h('div', { class: 'kpi kpi-feed', testid: 'kpi-feed' },
      h('div', { class: 'kpi-label' }, 'Market feed'),
      h('div', { class: 'feed-row' }, feedState, feedLine),
      h('div', { class: 'feed-row' }, feedTime, progressPct),
      h('div', { class: 'progress' }, progressFill),
      h('div', { class: 'feed-row kpi-sub' }, progressText, venues)));

  const render = () => {
    const s = store.swarm;
    if (!s) return;
    setText(equity, money(s.equity));
    setText(equitySub, s.capital ? `on ${money0(s.capital.total)} capital` : 'not initialized');
    setText(pnl, signedMoney(s.pnl));
    setClass(pnl, `kpi-value ${tone(s.pnl)}`);
    setText(realized, `realized ${signedMoney(s.realizedPnl)}`);
    setText(unrealized, `open ${signedMoney(s.unrealizedPnl)}`);
    setText(ret, signedPct(s.returnOnCapital, 3));
    setClass(ret, `kpi-value ${tone(s.returnOnCapital)}`);
    setText(retSub, s.booksBalance ? 'books balance' : 'books do not balance');
    setClass(retSub, `kpi-sub ${s.booksBalance ? '' : 'neg'}`);

    setBadge(state, s.tradingState);
    const risk = s.risk ?? {};
    const limits = s.limits;
    setText(reason, risk.reason ? risk.reason : limits && !limits.enabled ? 'risk limits disabled' : 'no breaker tripped');
    reason.title = risk.reason ?? '';
    setText(drawdown, pct(risk.drawdown, 2));
    setText(dayLoss, pct(risk.dayLoss, 2));
    if (limits) {
      drawdownGauge.set(toNumber(risk.drawdown) / toNumber(limits.maxDrawdown));
      dayLossGauge.set(toNumber(risk.dayLoss) / toNumber(limits.dailyLoss));
      setText(drawdownLimit, `limit ${pct(limits.maxDrawdown, 1)}${limits.enabled ? '' : ' (off)'}`);
      setText(dayLossLimit, `limit ${pct(limits.dailyLoss, 1)}${limits.enabled ? '' : ' (off)'}`);
    }

    const b = s.bots;
    setText(bots, count(b.total));
    fill(botsSub, `${b.active} active`, h('br'), `${b.paused} paused · ${b.halted} halted${b.retired ? ` · ${b.retired} retired` : ''}`);

    const f = s.feed;
    setText(feedState, f.state);
    feedState.dataset.state = f.state;
    setText(feedLine, `${f.mode} · ${f.speed || '—'}${f.error ? ` · ${f.error}` : ''}`);
    setText(feedTime, `${marketTime(f.marketTimeMs)} UTC`);
    const done = f.barTimesTotal > 0 ? f.barTimesDone / f.barTimesTotal : 0;
    progressFill.style.width = `${(done * 100).toFixed(1)}%`;
    setText(progressPct, `${(done * 100).toFixed(done < 0.1 ? 1 : 0)} %`);
    setText(progressText, `${f.barTimesDone.toLocaleString('en-US')} / ${f.barTimesTotal.toLocaleString('en-US')} bars`);
    feedLine.title = f.source;
    venues.replaceChildren(...(s.venues ?? []).map((ven) => h('span', { class: 'venue', testid: `venue-${ven.name}` },
      h('span', { class: `dot dot-${ven.status}` }), `${ven.name} `, h('span', { class: 'muted' }, ven.status))));
  };

  const throttled = throttle(render, 250);
  store.addEventListener('swarm', throttled);
  render();
  return {
    el,
    destroy() {
      throttled.cancel();
      store.removeEventListener('swarm', throttled);
    },
  };
}
